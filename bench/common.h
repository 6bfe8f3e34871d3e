/*
 * bench/common.h — the part every C driver shares: clock, memory probes, the binary edge
 * file reader, and the loop that times one algorithm and prints one JSON line for it.
 *
 * A driver is a table of algorithms (name + function) and a main() that calls bench_main().
 * bench_main() parses the command line that bench/run gives every driver:
 *
 *   DRIVER --bin FILE [--text FILE] --algos a,b@R2,c [--repeat R] [--scores DIR] [--threads T]
 *
 * and, for each algorithm asked for in order, runs it R times (R2 times for `b@R2`; fewer once
 * the runs so far took BENCH_BUDGET = 60 s) (each run timed alone with
 * CLOCK_MONOTONIC, untimed `prep` hook before each run), resets the peak-RSS counter before
 * the first run (writing "5" to /proc/self/clear_refs) and reads VmHWM after the last, writes
 * the last run's scores as raw little-endian float64 to DIR/LIB.ALGO.f64, and prints
 *
 *   {"lib":..,"algo":..,"status":"ok","times":[..],"cpu_times":[..],"median":..,"cpu_median":..,
 *    "peak_rss":bytes,
 *    "nscores":k,"scores":"path","extra":{..}}
 *
 * Status "unsupported" (the library has no such algorithm) and "error" (with "message") are
 * reported the same way; the harness turns them into table cells. The graph is loaded before
 * the first algorithm by the driver's `load_bin` entry, timed as an algorithm of its own when
 * it is asked for, and loaded once untimed otherwise.
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct bench_ctx bench_ctx;

/* Seconds of runs after which a measurement is not repeated further (at least one run). */
#define BENCH_BUDGET 60.0

/* What one run of an algorithm hands back. */
typedef struct bench_out {
    double *scores;   /* malloc'd, nscores long (by vertex id), or NULL */
    size_t nscores;
    char extra[1024]; /* JSON members without braces, e.g. "\"iters\":52" ("" for none) */
    char err[512];    /* set (non-empty) on failure */
    double untimed;   /* seconds of this run not to count (e.g. mapping scores by name) */
} bench_out;

typedef int (*bench_fn)(bench_ctx *c, bench_out *o); /* 0 ok, -1 error (o->err), 1 unsupported */
typedef void (*bench_prep)(bench_ctx *c);

typedef struct bench_algo {
    const char *name;
    bench_fn fn;
    bench_prep prep; /* untimed, before every run; may be NULL */
} bench_algo;

struct bench_ctx {
    const char *lib;
    const char *bin, *text, *scores_dir;
    int repeat, threads;
    uint64_t n, m;  /* of the binary graph */
    void *g;        /* the driver's loaded graph */
    void *aux;      /* driver-owned */
    int run;        /* 0-based index of the current run */
};

static inline double bench_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of the whole process (all threads). */
static inline double bench_cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A field of /proc/self/status in bytes ("VmRSS", "VmHWM"), or 0. */
static inline uint64_t bench_status_kb(const char *key) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    size_t kl = strlen(key);
    uint64_t v = 0;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, kl) && line[kl] == ':') {
            v = strtoull(line + kl + 1, NULL, 10) * 1024;
            break;
        }
    fclose(f);
    return v;
}
static inline uint64_t bench_rss(void) { return bench_status_kb("VmRSS"); }
static inline uint64_t bench_hwm(void) { return bench_status_kb("VmHWM"); }

/* Reset VmHWM to the current RSS (Linux >= 4.0). */
static inline void bench_reset_peak(void) {
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

static inline void bench_fail(bench_out *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->err, sizeof o->err, fmt, ap);
    va_end(ap);
}

static inline void bench_extra(bench_out *o, const char *fmt, ...) {
    size_t l = strlen(o->extra);
    if (l && l + 1 < sizeof o->extra) o->extra[l++] = ',', o->extra[l] = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->extra + l, sizeof o->extra - l, fmt, ap);
    va_end(ap);
}

/* The binary edge file of bench/gen.c (see there). Arrays are malloc'd; returns 0 or -1. */
typedef struct bench_edges {
    uint64_t n, m;
    uint32_t *src, *dst;
    float *w;
} bench_edges;

static inline int bench_read_bin(const char *path, bench_edges *e, char *err, size_t errlen) {
    memset(e, 0, sizeof *e);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char hdr[32];
    uint32_t ver, wb;
    if (fread(hdr, 1, 32, f) != 32 || memcmp(hdr, "LEVBENCH", 8)) {
        snprintf(err, errlen, "%s: not a LEVBENCH edge file", path);
        fclose(f);
        return -1;
    }
    memcpy(&ver, hdr + 8, 4);
    memcpy(&wb, hdr + 12, 4);
    memcpy(&e->n, hdr + 16, 8);
    memcpy(&e->m, hdr + 24, 8);
    if (ver != 1 || wb != 4) {
        snprintf(err, errlen, "%s: unsupported version %u / weight size %u", path, ver, wb);
        fclose(f);
        return -1;
    }
    size_t m = (size_t)e->m;
    e->src = (uint32_t *)malloc(m * 4 + 4);
    e->dst = (uint32_t *)malloc(m * 4 + 4);
    e->w = (float *)malloc(m * 4 + 4);
    if (!e->src || !e->dst || !e->w || fread(e->src, 4, m, f) != m || fread(e->dst, 4, m, f) != m ||
        fread(e->w, 4, m, f) != m) {
        snprintf(err, errlen, "%s: short read or out of memory", path);
        free(e->src), free(e->dst), free(e->w);
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

/* How every driver's load_bin row starts: the resident memory (*rss0) and the clock (*t0) before,
 * the binary file read into e, c->n and c->m set from it, and the clock after reading (*t1).
 * -1 with o->err set when the file cannot be read. */
static inline int bench_load_begin(bench_ctx *c, bench_out *o, bench_edges *e, uint64_t *rss0, double *t0,
                                   double *t1) {
    *rss0 = bench_rss();
    *t0 = bench_now();
    if (bench_read_bin(c->bin, e, o->err, sizeof o->err)) return -1;
    c->n = e->n;
    c->m = e->m;
    *t1 = bench_now();
    return 0;
}

static inline void bench_free_edges(bench_edges *e) {
    free(e->src);
    free(e->dst);
    free(e->w);
    memset(e, 0, sizeof *e);
}

static int bench_cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void bench_json_str(const char *s) {
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') printf("\\%c", *s);
        else if ((unsigned char)*s < 0x20) printf("\\u%04x", (unsigned char)*s);
        else putchar(*s);
    }
    putchar('"');
}

static double bench_median(const double *t, int nt) {
    double s[256];
    int k = nt < 256 ? nt : 256;
    memcpy(s, t, (size_t)k * sizeof *s);
    qsort(s, (size_t)k, sizeof *s, bench_cmp_double);
    return k == 0 ? 0 : k % 2 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
}

static void bench_emit(const bench_ctx *c, const char *algo, const char *status, const double *t,
                       const double *cpu, int nt, uint64_t peak, const bench_out *o, const char *scores) {
    printf("{\"lib\":\"%s\",\"algo\":\"%s\",\"status\":\"%s\"", c->lib, algo, status);
    if (!strcmp(status, "ok")) {
        double med = bench_median(t, nt);
        printf(",\"times\":[");
        for (int i = 0; i < nt; i++) printf("%s%.9g", i ? "," : "", t[i]);
        printf("],\"cpu_times\":[");
        for (int i = 0; i < nt; i++) printf("%s%.9g", i ? "," : "", cpu[i]);
        printf("],\"median\":%.9g,\"cpu_median\":%.9g,\"peak_rss\":%llu,\"n\":%llu,\"m\":%llu,\"nscores\":%zu", med, bench_median(cpu, nt),
               (unsigned long long)peak, (unsigned long long)c->n, (unsigned long long)c->m, o->nscores);
        if (scores) {
            printf(",\"scores\":");
            bench_json_str(scores);
        }
        printf(",\"extra\":{%s}", o->extra);
    } else if (o && o->err[0]) {
        printf(",\"message\":");
        bench_json_str(o->err);
    }
    printf("}\n");
    fflush(stdout);
}

static int bench_run_algo(bench_ctx *c, const bench_algo *a) {
    enum { MAXREP = 256 };
    double t[MAXREP], cpu[MAXREP];
    int R = c->repeat < 1 ? 1 : c->repeat > MAXREP ? MAXREP : c->repeat;
    bench_out o;
    memset(&o, 0, sizeof o);
    bench_reset_peak();
    double spent = 0;
    for (c->run = 0; c->run < R && spent < BENCH_BUDGET; c->run++) {
        if (a->prep) a->prep(c);
        free(o.scores);
        memset(&o, 0, sizeof o); /* scores and extras reported are the last run's */
        double c0 = bench_cpu(), t0 = bench_now();
        int rc = a->fn(c, &o);
        t[c->run] = bench_now() - t0 - o.untimed;
        spent += t[c->run];
        cpu[c->run] = bench_cpu() - c0 - o.untimed;
        if (rc) {
            bench_emit(c, a->name, rc > 0 ? "unsupported" : "error", NULL, NULL, 0, 0, &o, NULL);
            free(o.scores);
            return rc;
        }
    }
    R = c->run; /* fewer when the budget ran out */
    uint64_t peak = bench_hwm();
    char path[4096];
    const char *sp = NULL;
    if (o.scores && c->scores_dir) {
        snprintf(path, sizeof path, "%s/%s.%s.f64", c->scores_dir, c->lib, a->name);
        FILE *f = fopen(path, "wb");
        if (f && fwrite(o.scores, sizeof(double), o.nscores, f) == o.nscores && !fclose(f)) sp = path;
    }
    bench_emit(c, a->name, "ok", t, cpu, R, peak, &o, sp);
    free(o.scores);
    return 0;
}

/* The driver's main: `algos` must have a "load_bin" entry, which loads c->g; aux goes to c->aux. */
static int bench_main(int argc, char **argv, const char *lib, const bench_algo *algos, size_t nalgos, void *aux) {
    bench_ctx c;
    memset(&c, 0, sizeof c);
    c.lib = lib;
    c.aux = aux;
    c.repeat = 5;
    const char *list = "load_bin";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--bin") && i + 1 < argc) c.bin = argv[++i];
        else if (!strcmp(argv[i], "--text") && i + 1 < argc) c.text = argv[++i];
        else if (!strcmp(argv[i], "--algos") && i + 1 < argc) list = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) c.repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--scores") && i + 1 < argc) c.scores_dir = argv[++i];
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) c.threads = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: %s --bin FILE [--text FILE] --algos a,b [--repeat R] [--scores DIR] [--threads T]\n",
                    argv[0]);
            return 2;
        }
    }
    if (!c.bin) {
        fprintf(stderr, "%s: --bin is required\n", argv[0]);
        return 2;
    }
    const bench_algo *load = NULL;
    for (size_t k = 0; k < nalgos; k++)
        if (!strcmp(algos[k].name, "load_bin")) load = &algos[k];
    if (!load) return 2;
    int loaded = 0, status = 0;
    char *names = strdup(list);
    int repeat = c.repeat;
    for (char *save = NULL, *name = strtok_r(names, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        char *at = strchr(name, '@'); /* NAME@R: R runs for this one */
        c.repeat = repeat;
        if (at) {
            *at = 0;
            c.repeat = atoi(at + 1);
        }
        const bench_algo *a = NULL;
        for (size_t k = 0; k < nalgos; k++)
            if (!strcmp(algos[k].name, name)) a = &algos[k];
        if (!strcmp(name, "load_bin")) {
            if (bench_run_algo(&c, load)) return 1;
            loaded = 1;
            continue;
        }
        if (!loaded) {
            bench_out o;
            memset(&o, 0, sizeof o);
            c.run = 0;
            if (load->prep) load->prep(&c);
            if (load->fn(&c, &o)) {
                fprintf(stderr, "%s: loading %s failed: %s\n", lib, c.bin, o.err);
                return 1;
            }
            free(o.scores);
            loaded = 1;
        }
        if (!a) {
            bench_out o;
            memset(&o, 0, sizeof o);
            bench_emit(&c, name, "unsupported", NULL, NULL, 0, 0, &o, NULL);
            continue;
        }
        if (bench_run_algo(&c, a) < 0) status = 1;
    }
    free(names);
    return status;
}

#endif /* BENCH_COMMON_H */
