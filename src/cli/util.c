/* What the commands share: reading the network, and writing numbers, JSON strings, CSV fields. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cli_print_number(FILE *f, double v) {
    char b[40];
    if (!isfinite(v)) {
        fputs("null", f);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(b, sizeof b, "%.*g", prec, v);
        if (strtod(b, NULL) == v) break;
    }
    fputs(b, f);
}

void cli_json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
}

void cli_csv_field(FILE *f, const char *s) {
    size_t len = strlen(s);
    int q = len && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t');
    if (strpbrk(s, ",\"\r\n")) q = 1;
    if (!q) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int cli_load(const cli_args *a, lev_network *net) {
    struct { const char *path; lev_format fmt; } files[] = {
        {a->actors, LEV_FORMAT_ACTORS_CSV}, {a->edges, LEV_FORMAT_EDGES_CSV}, {a->resources, LEV_FORMAT_RESOURCES_CSV}};
    for (size_t k = 0; k < 3; k++) {
        if (!files[k].path) continue;
        if (lev_read_file(net, files[k].fmt, files[k].path, NULL) != LEV_OK) {
            fprintf(stderr, "leverage: %s\n", lev_errmsg(net));
            return EXIT_FAILED;
        }
    }
    return EXIT_OKAY;
}

int cli_load_bundled(lev_network *net) {
    if (lev_read_buffer(net, LEV_FORMAT_ACTORS_CSV, lev_example_actors, lev_example_actors_len,
                        "florentine_actors.csv", NULL) ||
        lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, lev_example_edges, lev_example_edges_len,
                        "florentine_edges.csv", NULL) ||
        lev_read_buffer(net, LEV_FORMAT_RESOURCES_CSV, lev_example_resources, lev_example_resources_len,
                        "florentine_resources.csv", NULL)) {
        fprintf(stderr, "leverage: bundled example: %s\n", lev_errmsg(net));
        return EXIT_FAILED;
    }
    return EXIT_OKAY;
}

int cli_finish_output(void) {
    if (fflush(stdout) == 0 && !ferror(stdout)) return EXIT_OKAY;
    fprintf(stderr, "leverage: cannot write the output\n");
    return EXIT_FAILED;
}

static const double *sort_key;
static int sort_sign;

static int by_score(const void *a, const void *b) {
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    if (sort_key[i] != sort_key[j]) return (sort_key[i] > sort_key[j] ? -1 : 1) * sort_sign;
    return i < j ? -1 : i > j;
}

uint32_t *cli_order(const double *score, size_t n, int sign) {
    uint32_t *o = malloc((n ? n : 1) * sizeof *o);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) o[i] = (uint32_t)i;
    sort_key = score; /* the CLI is single-threaded */
    sort_sign = sign;
    qsort(o, n, sizeof *o, by_score);
    return o;
}
