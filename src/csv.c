/*
 * CSV readers and writers for edges, actors and resources (RFC 4180, UTF-8, header required).
 *
 * Readers are all or nothing: actors, groups, channels, resources and edges added by a failed
 * read are rolled back to a mark, group changes are undone from a log, and holdings are staged
 * and committed only after the whole file parsed (with memory reserved first).
 */
#include "internal.h"
#include "graphio.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokenizer -------------------------------------------------------------------------------- */

#define MAXF 8 /* fields a record may have; more is an error */

typedef struct field {
    size_t off;  /* offset of the unquoted, NUL-terminated text in the record buffer */
    size_t len;
    size_t line, col;
} field;

typedef struct csv {
    const char *name;
    const char *s;
    size_t len, pos;
    size_t line;       /* line of pos, 1-based */
    size_t line_start; /* offset of that line's first byte */
    const lev__mem *mem;
    char *buf;         /* record buffer: unquoted fields, each NUL-terminated */
    size_t bcap, blen;
    field f[MAXF];
    int nf;
    size_t rec_line;
    char why[LEV_MSG_MAX];
    size_t err_line, err_col;
    const char *dp; /* the locale's decimal point, or NULL for "." */
} csv;

static lev_status csv_error(csv *c, size_t line, size_t col, lev_status rc, const char *fmt, ...)
    LEV_PRINTF(5, 6);
static lev_status csv_error(csv *c, size_t line, size_t col, lev_status rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lev__vformat(c->why, sizeof c->why, fmt, ap);
    va_end(ap);
    c->err_line = line;
    c->err_col = col;
    return rc;
}

static lev_status buf_put(csv *c, char ch) {
    if (c->blen == c->bcap) {
        void *b = c->buf;
        lev_status rc = lev__grow(c->mem, &b, &c->bcap, c->blen + 1, 1);
        c->buf = b;
        if (rc) return rc;
    }
    c->buf[c->blen++] = ch;
    return LEV_OK;
}

/* Room for n more bytes in the record buffer. */
static lev_status buf_need(csv *c, size_t n) {
    if (n <= c->bcap - c->blen) return LEV_OK;
    if (n > SIZE_MAX - c->blen) return LEV_ENOMEM;
    void *b = c->buf;
    lev_status rc = lev__grow(c->mem, &b, &c->bcap, c->blen + n, 1);
    c->buf = b;
    return rc;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CSV_SWAR 1
/* High bit set in the bytes of x equal to b; exact up to the first match (enough for ctz). */
static inline uint64_t has_byte(uint64_t x, unsigned char b) {
    uint64_t y = x ^ (0x0101010101010101ull * b);
    return (y - 0x0101010101010101ull) & ~y & 0x8080808080808080ull;
}
#else
#define CSV_SWAR 0
#endif

/* The first of , \n \r " at or after p, or n. */
static inline size_t scan_unquoted(const char *s, size_t p, size_t n) {
#if CSV_SWAR
    while (p + 8 <= n) { /* 8 bytes at a time */
        uint64_t x, m;
        memcpy(&x, s + p, 8);
        m = has_byte(x, ',') | has_byte(x, '\n') | has_byte(x, '\r') | has_byte(x, '"');
        if (m) return p + ((size_t)__builtin_ctzll(m) >> 3);
        p += 8;
    }
#endif
    while (p < n && s[p] != ',' && s[p] != '\n' && s[p] != '\r' && s[p] != '"') p++;
    return p;
}

static int is_blank(char ch) { return ch == ' ' || ch == '\t'; }

/* Read the next record into c->f, its fields appended to the record buffer. Returns LEV_OK with
 * nf = 0 at end of input. Blank lines skip. */
static lev_status csv_record(csv *c) {
    lev_status rc;
    c->nf = 0;
    /* skip blank lines */
    for (;;) {
        size_t p = c->pos;
        while (p < c->len && is_blank(c->s[p])) p++;
        if (p < c->len && (c->s[p] == '\n' || c->s[p] == '\r')) {
            if (c->s[p] == '\r' && p + 1 < c->len && c->s[p + 1] == '\n') p++;
            c->pos = p + 1;
            c->line++;
            c->line_start = c->pos;
            continue;
        }
        if (p >= c->len) { c->pos = p; return LEV_OK; }
        break;
    }
    c->rec_line = c->line;
    for (;;) {
        /* one field */
        while (c->pos < c->len && is_blank(c->s[c->pos])) c->pos++;
        if (c->nf == MAXF)
            return csv_error(c, c->line, c->pos - c->line_start + 1, LEV_EPARSE, "too many fields (at most %d)", MAXF);
        field *f = &c->f[c->nf++];
        f->line = c->line;
        f->col = c->pos - c->line_start + 1;
        f->off = c->blen;
        if (c->pos < c->len && c->s[c->pos] == '"') {
            c->pos++;
            for (;;) {
                if (c->pos >= c->len)
                    return csv_error(c, f->line, f->col, LEV_EPARSE, "quoted field is not closed");
                char ch = c->s[c->pos++];
                if (ch == '"') {
                    if (c->pos < c->len && c->s[c->pos] == '"') {
                        c->pos++;
                    } else {
                        break;
                    }
                } else if (ch == '\n') {
                    c->line++;
                    c->line_start = c->pos;
                }
                if ((rc = buf_put(c, ch))) return rc;
            }
            while (c->pos < c->len && is_blank(c->s[c->pos])) c->pos++;
            if (c->pos < c->len && c->s[c->pos] != ',' && c->s[c->pos] != '\n' && c->s[c->pos] != '\r')
                return csv_error(c, c->line, c->pos - c->line_start + 1, LEV_EPARSE,
                                 "unexpected character after a closing quote (write \"\" for a quote inside a quoted field)");
        } else {
            const char *s = c->s;
            size_t start = c->pos, n = c->len, p = scan_unquoted(s, start, n);
            if (p < n && s[p] == '"')
                return csv_error(c, c->line, p - c->line_start + 1, LEV_EPARSE,
                                 "quote inside an unquoted field (quote the whole field)");
            c->pos = p;
            while (p > start && is_blank(s[p - 1])) p--;
            size_t fl = p - start;
            if ((rc = buf_need(c, fl + 9))) return rc;
            if (fl <= 8 && start + 8 <= n) /* one 8-byte move for a short field */
                memcpy(c->buf + c->blen, s + start, 8);
            else
                memcpy(c->buf + c->blen, s + start, fl);
            c->blen += fl;
        }
        f->len = c->blen - f->off;
        if ((rc = buf_put(c, 0))) return rc;
        if (c->pos < c->len && c->s[c->pos] == ',') {
            c->pos++;
            continue;
        }
        /* end of record */
        if (c->pos < c->len) {
            if (c->s[c->pos] == '\r') c->pos++;
            if (c->pos < c->len && c->s[c->pos] == '\n') c->pos++;
            c->line++;
            c->line_start = c->pos;
        }
        return LEV_OK;
    }
}

/* The next record, alone in the record buffer. */
static lev_status csv_next(csv *c) {
    c->blen = 0;
    return csv_record(c);
}

static const char *fstr(const csv *c, int i) { return c->buf + c->f[i].off; }
static const char *fs(const csv *c, const field *f) { return c->buf + f->off; }

/* ---- header ------------------------------------------------------------------------------------ */

enum { COL_SOURCE, COL_TARGET, COL_WEIGHT, COL_CHANNEL, COL_NAME, COL_GROUP, COL_ACTOR, COL_RESOURCE,
       COL_HOLDS, COL_NEEDS, NCOL };

typedef struct colname { const char *name; int col; } colname;

static int ieq(const char *a, const char *b) {
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return *a == *b;
}

/* Map header fields to columns. pos[col] receives the field index or -1. */
static lev_status read_header(csv *c, const colname *names, const int *required, int nreq, int *pos,
                              const char *expect) {
    lev_status rc = csv_next(c);
    if (rc) return rc;
    if (c->nf == 0) return csv_error(c, 1, 1, LEV_EPARSE, "empty file: a header row `%s` is required", expect);
    for (int k = 0; k < NCOL; k++) pos[k] = -1;
    for (int i = 0; i < c->nf; i++) {
        const char *h = fstr(c, i);
        int col = -1;
        for (const colname *n = names; n->name; n++)
            if (ieq(h, n->name)) col = n->col;
        if (col < 0)
            return csv_error(c, c->f[i].line, c->f[i].col, LEV_EPARSE, "unknown column \"%s\" in the header (expected %s)",
                             h, expect);
        if (pos[col] >= 0)
            return csv_error(c, c->f[i].line, c->f[i].col, LEV_EPARSE, "column \"%s\" appears twice in the header", h);
        pos[col] = i;
    }
    for (int k = 0; k < nreq; k++)
        if (pos[required[k]] < 0) {
            const char *missing = "?";
            for (const colname *n = names; n->name; n++)
                if (n->col == required[k]) { missing = n->name; break; }
            return csv_error(c, c->rec_line, 1, LEV_EPARSE, "the header lacks column \"%s\" (expected %s)", missing,
                             expect);
        }
    return LEV_OK;
}

static lev_status check_count(csv *c, int nf, int want, size_t line) {
    if (nf != want)
        return csv_error(c, line, 1, LEV_EPARSE, "expected %d field%s as in the header, got %d", want,
                         want == 1 ? "" : "s", nf);
    return LEV_OK;
}

static lev_status field_number(csv *c, const field *f, const char *what, int positive, double *out) {
    const char *s = fs(c, f);
    int r = -1;
    if (f->len && f->len <= 15) { /* digits only: exact, as lev__parse_double would give it */
        uint64_t u = 0;
        size_t i = 0;
        for (unsigned d; i < f->len && (d = (unsigned)(unsigned char)s[i] - '0') < 10; i++) u = u * 10 + d;
        if (i == f->len) *out = (double)u, r = 0;
    }
    if (r) r = lev__parse_double(s, f->len, c->dp, out);
    if (r == -2) return csv_error(c, f->line, f->col, LEV_EINVAL, "%s is out of range (got \"%s\")", what, s);
    if (r != 0) {
        if (f->len == 0) return csv_error(c, f->line, f->col, LEV_EPARSE, "%s is missing", what);
        return csv_error(c, f->line, f->col, LEV_EINVAL, "%s must be a finite decimal number (got \"%s\")", what, s);
    }
    if (positive && !(*out > 0))
        return csv_error(c, f->line, f->col, LEV_EINVAL, "%s must be finite and > 0 (got \"%s\")", what, s);
    if (!positive && *out < 0)
        return csv_error(c, f->line, f->col, LEV_EINVAL, "%s must be >= 0 (got \"%s\")", what, s);
    return LEV_OK;
}

/* A name field that must be non-empty valid UTF-8. */
static lev_status field_name(csv *c, const field *f, const char *what) {
    if (f->len == 0) return csv_error(c, f->line, f->col, LEV_EINVAL, "%s is empty", what);
    if (f->len >= UINT32_MAX) return csv_error(c, f->line, f->col, LEV_EINVAL, "%s is longer than 4 GiB", what);
    if (!lev__utf8_valid(fs(c, f), f->len))
        return csv_error(c, f->line, f->col, LEV_EINVAL, "%s is not valid UTF-8", what);
    return LEV_OK;
}

/* Find or add the actor named by field f, whose lev__strtab_tag is tag. A name found is valid (the
 * lookup is exact and every actor's name was checked), so only a new one is checked. */
static lev_status field_actor(csv *c, lev_network *net, const field *f, uint32_t tag, uint32_t *idx) {
    *idx = lev__strtab_find_tag(&net->actors, fs(c, f), f->len, tag);
    if (*idx != LEV_NONE) return LEV_OK;
    lev_status rc = field_name(c, f, "actor name");
    if (rc) return rc;
    char why[LEV_MSG_MAX];
    rc = lev__actor_add(net, fs(c, f), LEV_NONE, idx, why);
    if (rc) return csv_error(c, f->line, f->col, rc, "%s", why);
    return LEV_OK;
}

static lev_status field_label(csv *c, lev_network *net, lev__strtab *t, const field *f, const char *what,
                              uint32_t *id) {
    *id = LEV_NONE;
    if (!f || f->len == 0) return LEV_OK;
    lev_status rc = field_name(c, f, what);
    if (rc) return rc;
    rc = lev__strtab_intern(&net->mem, t, fs(c, f), id);
    if (rc) return csv_error(c, f->line, f->col, rc, "%s", lev_strerror(rc));
    return LEV_OK;
}

/* ---- the three readers ------------------------------------------------------------------------- */

/* Edges are read in batches of rows: the rows are tokenized and their actor names hashed first, the
 * hash slots they will probe are prefetched, and only then are the rows resolved and added, one by
 * one in order as before, so the cache misses of a batch overlap instead of following each other. */
#define BATCH 64

typedef struct erow {
    int nf;
    size_t line;
    field f[4];      /* source, target, weight, channel (if that column exists) */
    uint32_t tag[2]; /* of source and target */
} erow;

/* The common row, read faster than csv_record would: ncols unquoted fields without blanks at their
 * ends, then \n or the end of input. Fills r as csv_record and the copy into r would, or returns 0
 * having changed nothing (csv_record then reads the row, and reports what is wrong with it).
 * slot[i] is where field i goes in r->f. */
static int fast_row(csv *c, erow *r, const int *slot, int ncols) {
    const char *s = c->s;
    size_t n = c->len, p = c->pos, blen = c->blen, d = n;
    if (p >= n) return 0;
    for (int k = 0; k < ncols; k++) {
        size_t start = p;
        p = scan_unquoted(s, p, n);
        size_t fl = p - start;
        if (fl && (is_blank(s[start]) || is_blank(s[p - 1]))) return 0;
        d = p; /* the delimiter */
        if (k == ncols - 1 && p + 1 < n && s[p] == '\r' && s[p + 1] == '\n') d++; /* \r\n ends a row */
        if (k < ncols - 1 ? p >= n || s[p] != ',' : d < n && s[d] != '\n') return 0;
        if (fl + 1 > c->bcap - blen) return 0;
        field *f = &r->f[slot[k]];
        f->off = blen;
        f->len = fl;
        f->line = c->line;
        f->col = start - c->line_start + 1;
        if (fl <= 8 && start + 8 <= n && c->bcap - blen >= 8)
            memcpy(c->buf + blen, s + start, 8);
        else
            memcpy(c->buf + blen, s + start, fl);
        blen += fl;
        c->buf[blen++] = 0;
        p = d + 1; /* past the , or \n (or one past the end, fixed below) */
    }
    r->nf = ncols;
    r->line = c->rec_line = c->line;
    c->blen = blen;
    if (d < n) { /* ended with \n */
        c->pos = p;
        c->line++;
        c->line_start = p;
    } else {
        c->pos = n;
    }
    return 1;
}

/* The edges reader's columns, from the header. */
typedef struct edges_st {
    int pos[NCOL];
    int ncols;
    int slot[MAXF];
} edges_st;

static lev_status edges_header(csv *c, edges_st *st) {
    static const colname names[] = {{"source", COL_SOURCE}, {"from", COL_SOURCE}, {"target", COL_TARGET},
                                     {"to", COL_TARGET}, {"weight", COL_WEIGHT}, {"strength", COL_WEIGHT},
                                     {"channel", COL_CHANNEL}, {NULL, 0}};
    static const int req[] = {COL_SOURCE, COL_TARGET, COL_WEIGHT};
    lev_status rc = read_header(c, names, req, 3, st->pos, "source,target,weight[,channel]");
    st->ncols = c->nf;
    for (int k = 0; k < 4; k++)
        if (!rc && st->pos[COL_SOURCE + k] >= 0) st->slot[st->pos[COL_SOURCE + k]] = k;
    return rc;
}

/* The rows after the header, to the end of the text in c (a whole file, or a block of one that
 * ends at a line end). */
static lev_status edges_rows(csv *c, lev_network *net, const edges_st *st) {
    const int *pos = st->pos, *slot = st->slot;
    int ncols = st->ncols;
    erow rows[BATCH];
    int eof = 0;
    lev_status rc = LEV_OK;
    while (!rc && !eof) {
        int n = 0;
        lev_status trc = LEV_OK; /* the tokenizer's error, reported after the rows before it */
        c->blen = 0;
        if ((rc = buf_need(c, BATCH * 32))) break; /* room for a batch of short rows */
        while (n < BATCH) {
            erow *r = &rows[n];
            if (!fast_row(c, r, slot, ncols)) {
                if ((trc = csv_record(c))) break;
                if (c->nf == 0) { eof = 1; break; }
                r->nf = c->nf;
                r->line = c->rec_line;
                if (c->nf == ncols)
                    for (int k = 0; k < 4; k++)
                        if (pos[COL_SOURCE + k] >= 0) r->f[k] = c->f[pos[COL_SOURCE + k]];
            }
            n++;
            if (r->nf != ncols) continue; /* an error when its turn comes */
            for (int k = 0; k < 2; k++) {
                r->tag[k] = lev__strtab_tag(fs(c, &r->f[k]), r->f[k].len);
                lev__strtab_prefetch(&net->actors, r->tag[k]);
            }
        }
        for (int k = 0; k < n && !rc; k++) {
            const erow *r = &rows[k];
            uint32_t s, t, chan;
            double w;
            if ((rc = check_count(c, r->nf, ncols, r->line)) || (rc = field_actor(c, net, &r->f[0], r->tag[0], &s)) ||
                (rc = field_actor(c, net, &r->f[1], r->tag[1], &t)) ||
                (rc = field_number(c, &r->f[2], "strength", 1, &w)) ||
                (rc = field_label(c, net, &net->channels, pos[COL_CHANNEL] >= 0 ? &r->f[3] : NULL, "channel label",
                                  &chan)))
                break;
            char why[LEV_MSG_MAX];
            if ((rc = lev__edge_add(net, s, t, w, chan, why))) rc = csv_error(c, r->f[2].line, r->f[2].col, rc, "%s", why);
        }
        if (!rc) rc = trc;
    }
    return rc;
}

static lev_status read_edges(csv *c, lev_network *net) {
    edges_st st;
    lev_status rc = edges_header(c, &st);
    return rc ? rc : edges_rows(c, net, &st);
}

typedef struct group_undo { uint32_t actor, group; } group_undo;

static lev_status read_actors(csv *c, lev_network *net, uint32_t first_new) {
    static const colname names[] = {{"name", COL_NAME}, {"actor", COL_NAME}, {"group", COL_GROUP}, {NULL, 0}};
    static const int req[] = {COL_NAME};
    int pos[NCOL];
    group_undo *undo = NULL;
    size_t nundo = 0, undocap = 0;
    unsigned char *seen = NULL; /* one byte per actor that existed before the call */
    size_t nseen = first_new;
    lev_status rc = read_header(c, names, req, 1, pos, "name[,group]");
    int ncols = c->nf;
    while (!rc) {
        if ((rc = csv_next(c)) || c->nf == 0) break;
        if ((rc = check_count(c, c->nf, ncols, c->rec_line))) break;
        const field *nf = &c->f[pos[COL_NAME]];
        if ((rc = field_name(c, nf, "actor name"))) break;
        uint32_t gid;
        if ((rc = field_label(c, net, &net->groups, pos[COL_GROUP] >= 0 ? &c->f[pos[COL_GROUP]] : NULL,
                              "group label", &gid)))
            break;
        uint32_t i = lev__strtab_find(&net->actors, fstr(c, pos[COL_NAME]), nf->len);
        if (i != LEV_NONE && i >= first_new) {
            rc = csv_error(c, nf->line, nf->col, LEV_EEXIST, "actor \"%s\" is listed twice", fstr(c, pos[COL_NAME]));
            break;
        }
        if (i == LEV_NONE) {
            char why[LEV_MSG_MAX];
            if ((rc = lev__actor_add(net, fstr(c, pos[COL_NAME]), gid, NULL, why)))
                rc = csv_error(c, nf->line, nf->col, rc, "%s", why);
            continue;
        }
        /* An actor that was there before the call. */
        if (!seen) {
            seen = lev__alloc(&net->mem, nseen);
            if (!seen) { rc = csv_error(c, nf->line, nf->col, LEV_ENOMEM, "out of memory"); break; }
            memset(seen, 0, nseen);
        }
        if (seen[i]) {
            rc = csv_error(c, nf->line, nf->col, LEV_EEXIST, "actor \"%s\" is listed twice", fstr(c, pos[COL_NAME]));
            break;
        }
        seen[i] = 1;
        if (gid == LEV_NONE) continue;
        void *u = undo;
        rc = lev__grow(&net->mem, &u, &undocap, nundo + 1, sizeof *undo);
        undo = u;
        if (!rc) rc = lev__groups_make(net, 0);
        if (rc) { rc = csv_error(c, nf->line, nf->col, rc, "out of memory"); break; }
        undo[nundo].actor = i;
        undo[nundo++].group = net->actor_group[i];
        net->actor_group[i] = gid;
    }
    if (rc)
        while (nundo--) net->actor_group[undo[nundo].actor] = undo[nundo].group;
    lev__free(&net->mem, undo, undocap * sizeof *undo);
    lev__free(&net->mem, seen, nseen);
    return rc;
}

typedef struct holding { uint32_t actor, res; double holds, needs; size_t line, col; } holding;

static int by_actor_resource_line(const void *a, const void *b) {
    const holding *x = a, *y = b;
    if (x->actor != y->actor) return x->actor < y->actor ? -1 : 1;
    if (x->res != y->res) return x->res < y->res ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static lev_status read_resources(csv *c, lev_network *net) {
    static const colname names[] = {{"actor", COL_ACTOR}, {"name", COL_ACTOR}, {"resource", COL_RESOURCE},
                                    {"holds", COL_HOLDS}, {"needs", COL_NEEDS}, {NULL, 0}};
    static const int req[] = {COL_ACTOR, COL_RESOURCE, COL_HOLDS, COL_NEEDS};
    int pos[NCOL];
    holding *rows = NULL;
    size_t nrows = 0, cap = 0;
    lev_status rc = read_header(c, names, req, 4, pos, "actor,resource,holds,needs");
    int ncols = c->nf;
    while (!rc) {
        if ((rc = csv_next(c)) || c->nf == 0) break;
        if ((rc = check_count(c, c->nf, ncols, c->rec_line))) break;
        const field *af = &c->f[pos[COL_ACTOR]], *rf = &c->f[pos[COL_RESOURCE]];
        if ((rc = field_name(c, af, "actor name")) || (rc = field_name(c, rf, "resource name")))
            break;
        holding h;
        h.actor = lev__strtab_find(&net->actors, fstr(c, pos[COL_ACTOR]), af->len);
        if (h.actor == LEV_NONE) {
            rc = csv_error(c, af->line, af->col, LEV_ENOTFOUND,
                           "unknown actor \"%s\" (actors come from the edges or actors file, read first)",
                           fstr(c, pos[COL_ACTOR]));
            break;
        }
        if ((rc = field_number(c, &c->f[pos[COL_HOLDS]], "amount held", 0, &h.holds)) ||
            (rc = field_number(c, &c->f[pos[COL_NEEDS]], "amount needed", 0, &h.needs)))
            break;
        h.line = af->line;
        h.col = af->col;
        h.res = lev__strtab_find(&net->resources, fstr(c, pos[COL_RESOURCE]), rf->len);
        if (h.res == LEV_NONE) {
            if ((rc = lev_resource_add(net, fstr(c, pos[COL_RESOURCE]), &h.res))) {
                rc = csv_error(c, rf->line, rf->col, rc, "%s", lev_errmsg(net));
                break;
            }
        }
        void *r = rows;
        rc = lev__grow(&net->mem, &r, &cap, nrows + 1, sizeof *rows);
        rows = r;
        if (rc) { rc = csv_error(c, af->line, af->col, rc, "out of memory"); break; }
        rows[nrows++] = h;
    }
    /* One row per actor and resource: a second one is an error, as a second actors row is. */
    if (!rc && nrows > 1) {
        qsort(rows, nrows, sizeof *rows, by_actor_resource_line);
        for (size_t k = 1; k < nrows && !rc; k++)
            if (rows[k].actor == rows[k - 1].actor && rows[k].res == rows[k - 1].res)
                rc = csv_error(c, rows[k].line, rows[k].col, LEV_EEXIST,
                               "actor \"%s\" and resource \"%s\" are given twice (first on line %zu)",
                               net->actors.e[rows[k].actor].s, net->resources.e[rows[k].res].s, rows[k - 1].line);
    }
    /* Reserve every resource touched, then commit (cannot fail). */
    for (uint32_t r = 0; !rc && r < net->resources.count; r++)
        if ((rc = lev__amounts_reserve(net, r))) rc = csv_error(c, c->line, 1, rc, "out of memory");
    if (!rc)
        for (size_t k = 0; k < nrows; k++) {
            net->amounts[rows[k].res].v[2 * (size_t)rows[k].actor] = rows[k].holds;
            net->amounts[rows[k].res].v[2 * (size_t)rows[k].actor + 1] = rows[k].needs;
        }
    lev__free(&net->mem, rows, cap * sizeof *rows);
    return rc;
}

/* After a CSV read: free the tokenizer's buffer; on failure roll back and say where. */
static lev_status read_end(lev_network *net, csv *c, lev__mark mk, lev_status rc) {
    lev__free(&net->mem, c->buf, c->bcap);
    if (rc) {
        lev__rollback(net, mk);
        if (rc == LEV_EIO) return lev__fail(net, rc, "%s: read error", c->name);
        if (rc == LEV_ENOMEM && !c->err_line) return lev__fail(net, rc, "%s: out of memory", c->name);
        return lev__fail(net, rc, "%s:%zu:%zu: %s", c->name, c->err_line ? c->err_line : c->line,
                         c->err_col ? c->err_col : 1, c->why[0] ? c->why : lev_strerror(rc));
    }
    lev__network_trim(net);
    return LEV_OK;
}

/* Blocks of an edges file are parsed this big (the file is never held whole); tests make it tiny. */
size_t lev__stream_block = (size_t)4 << 20;
#define STREAM_BLOCK lev__stream_block

/* lev_read_file of an edges CSV, in blocks: each block is parsed up to its last line end outside
 * quotes and the rest carried to the next, so memory is one block (or the longest record), not
 * the file: at R-MAT scale 20 that is 4 MiB instead of 270 MB. The same rows, messages and
 * rollback as lev_read_buffer. buf (cap bytes, from the network's allocator) holds the first len
 * bytes of the file; it is freed by the caller through *pbuf, *pcap. */
static lev_status edges_stream(lev_network *net, FILE *f, const char *name, char **pbuf, size_t *pcap, size_t len) {
    csv c;
    memset(&c, 0, sizeof c);
    c.name = name;
    c.line = 1;
    c.mem = &net->mem;
    c.dp = lev__decimal_point();
    lev__mark mk = lev__mark_get(net);
    edges_st st;
    char *buf = *pbuf;
    size_t cap = *pcap, scanned = 0, wend = 0;
    int eof = 0, first = 1, inq = 0;
    lev_status rc = LEV_OK;
    for (;;) {
        while (!eof && len < cap) {
            size_t got = fread(buf + len, 1, cap - len, f);
            len += got;
            if (got == 0) {
                if (ferror(f)) rc = LEV_EIO;
                eof = 1;
            }
        }
        if (rc) break;
        /* the last line end outside quotes ("" inside a quoted field toggles twice) */
        if (!memchr(buf + scanned, '"', len - scanned) && !inq) {
            const char *nl = NULL;
            for (size_t i = len; i > scanned; i--)
                if (buf[i - 1] == '\n') { nl = buf + i - 1; break; }
            if (nl) wend = (size_t)(nl - buf) + 1;
        } else {
            for (size_t i = scanned; i < len; i++) {
                if (buf[i] == '"') inq = !inq;
                else if (buf[i] == '\n' && !inq) wend = i + 1;
            }
        }
        scanned = len;
        size_t w = eof ? len : wend;
        if (w == 0 && !eof) { /* a record longer than the buffer: a bigger one */
            void *b = buf;
            if ((rc = lev__grow(&net->mem, &b, &cap, cap + 1, 1))) break;
            buf = b;
            *pbuf = buf;
            *pcap = cap;
            continue;
        }
        c.s = buf;
        c.len = w;
        c.pos = c.line_start = 0;
        if (first) {
            first = 0;
            if (w >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) c.pos = c.line_start = 3;
            if ((rc = edges_header(&c, &st))) break;
        }
        if ((rc = edges_rows(&c, net, &st)) || eof) break;
        memmove(buf, buf + w, len - w);
        len -= w;
        scanned -= w;
        wend = 0;
    }
    return read_end(net, &c, mk, rc);
}

lev_status lev_read_buffer(lev_network *net, lev_format fmt, const char *data, size_t len, const char *name,
                           const lev_params *p) {
    (void)p;
    if (!net) return LEV_EMISUSE;
    if (!name) name = "<buffer>";
    if (!data && len) return lev__fail(net, LEV_EMISUSE, "%s: data is NULL", name);
    if (fmt != LEV_FORMAT_EDGES_CSV && fmt != LEV_FORMAT_ACTORS_CSV && fmt != LEV_FORMAT_RESOURCES_CSV &&
        !lev__graph_format(fmt))
        return lev__fail(net, LEV_EUNSUPPORTED, "%s: unknown format %d", name, (int)fmt);
    if (lev__is_gzip(data, len)) { /* gzip, any format: inflate, then read what it holds */
        char *z = NULL;
        size_t zlen = 0, zcap = 0;
        lev_status zrc = lev__gunzip(net, data, len, name, &z, &zlen, &zcap);
        if (zrc) return zrc;
        zrc = lev__is_gzip(z, zlen) ? lev__fail(net, LEV_EPARSE, "%s: gzip data inside gzip data", name)
                                    : lev_read_buffer(net, fmt, z, zlen, name, p);
        lev__free(&net->mem, z, zcap);
        return zrc;
    }
    if (lev__graph_format(fmt)) return lev__graph_read(net, fmt, data, len, name);
    csv c;
    memset(&c, 0, sizeof c);
    c.name = name;
    c.s = data ? data : "";
    c.len = len;
    c.line = 1;
    c.mem = &net->mem;
    c.dp = lev__decimal_point();
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) c.pos = c.line_start = 3;
    lev__mark mk = lev__mark_get(net);
    lev_status rc;
    if (fmt == LEV_FORMAT_EDGES_CSV) rc = read_edges(&c, net);
    else if (fmt == LEV_FORMAT_ACTORS_CSV) rc = read_actors(&c, net, mk.actors);
    else rc = read_resources(&c, net);
    return read_end(net, &c, mk, rc);
}

lev_status lev_read_file(lev_network *net, lev_format fmt, const char *path, const lev_params *p) {
    if (!net) return LEV_EMISUSE;
    if (!path) return lev__fail(net, LEV_EMISUSE, "lev_read_file: path is NULL");
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        return lev__fail(net, e == ENOENT ? LEV_ENOTFOUND : LEV_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    lev_status rc = LEV_OK;
    /* The file's size, when it can seek, so that after a first full block the buffer takes the
     * rest in one step instead of doubling (each doubling may copy). */
    size_t hint = 0;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size > 0 && (unsigned long)size < SIZE_MAX / 2) hint = (size_t)size + 1; /* + 1: to see the end */
        if (fseek(f, 0, SEEK_SET) != 0) rc = LEV_EIO;
    }
    clearerr(f);
    if (!rc && fmt == LEV_FORMAT_EDGES_CSV) { /* in blocks, unless it is gzipped */
        void *b = NULL;
        rc = lev__grow(&net->mem, &b, &cap, hint && hint < STREAM_BLOCK ? hint : STREAM_BLOCK, 1);
        buf = b;
        while (!rc && len < 2) {
            size_t got = fread(buf + len, 1, cap - len, f);
            len += got;
            if (got == 0) {
                if (ferror(f)) rc = LEV_EIO;
                break;
            }
        }
        if (!rc && !lev__is_gzip(buf, len)) {
            rc = edges_stream(net, f, path, &buf, &cap, len);
            fclose(f);
            lev__free(&net->mem, buf, cap);
            return rc;
        }
    }
    while (!rc) {
        if (len == cap) {
            if (cap && hint > cap + 65536) {
                void *b = net->mem.f(net->mem.ud, buf, cap, hint);
                if (!b) { rc = LEV_ENOMEM; break; }
                buf = b;
                cap = hint;
            } else {
                void *b = buf;
                rc = lev__grow(&net->mem, &b, &cap, len + 65536, 1);
                buf = b;
                if (rc) break;
            }
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) rc = LEV_EIO;
            break;
        }
    }
    fclose(f);
    if (rc == LEV_OK) rc = lev_read_buffer(net, fmt, buf, len, path, p);
    else if (rc == LEV_EIO) lev__fail(net, rc, "%s: read error", path);
    else lev__fail(net, rc, "%s: out of memory reading the file", path);
    lev__free(&net->mem, buf, cap);
    return rc;
}

/* ---- writers -------------------------------------------------------------------------------- */

void lev__out_flush(lev__out *o) {
    if (o->n && !o->failed && o->fn(o->ud, o->b, o->n)) o->failed = 1;
    o->n = 0;
}

void lev__out_put(lev__out *o, const char *s, size_t len) {
    while (len && !o->failed) {
        size_t k = sizeof o->b - o->n < len ? sizeof o->b - o->n : len;
        memcpy(o->b + o->n, s, k);
        o->n += k;
        s += k;
        len -= k;
        if (o->n == sizeof o->b) lev__out_flush(o);
    }
}

void lev__out_num(lev__out *o, double v) {
    char b[32];
    int n = lev__format_double(b, v, o->dp);
    lev__out_put(o, b, (size_t)n);
}

static void out_field(lev__out *o, const char *s) {
    size_t len = strlen(s);
    int q = len && (is_blank(s[0]) || is_blank(s[len - 1]));
    for (size_t i = 0; i < len && !q; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r') q = 1;
    if (!q) { lev__out_put(o, s, len); return; }
    lev__out_put(o, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') lev__out_put(o, "\"", 1);
        lev__out_put(o, s + i, 1);
    }
    lev__out_put(o, "\"", 1);
}

lev_status lev_write(const lev_network *net, lev_format fmt, lev_write_fn fn, void *ud) {
    if (!net) return LEV_EMISUSE;
    lev__ctx c = {net, NULL, NULL, 1}; /* a read-only call: messages go to net under its lock */
    if (!fn) return lev__ctx_fail(&c, LEV_EMISUSE, "lev_write: fn is NULL");
    if (lev__graph_format(fmt)) return lev__graph_write(net, fmt, 0, NULL, NULL, fn, ud, "lev_write");
    if (fmt != LEV_FORMAT_EDGES_CSV && fmt != LEV_FORMAT_ACTORS_CSV && fmt != LEV_FORMAT_RESOURCES_CSV)
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "lev_write: unknown format %d", (int)fmt);
    lev__out *o = lev__alloc(&net->mem, sizeof *o);
    if (!o) return lev__ctx_fail(&c, LEV_ENOMEM, "lev_write: out of memory");
    o->fn = fn;
    o->ud = ud;
    o->n = 0;
    o->failed = 0;
    o->dp = lev__decimal_point();
    const lev__strtab *A = &net->actors;
    if (fmt == LEV_FORMAT_EDGES_CSV) {
        int chans = lev__has_channels(net);
        lev__out_str(o, chans ? "source,target,weight,channel\n" : "source,target,weight\n");
        for (size_t e = 0; e < net->m && !o->failed; e++) {
            uint32_t es = 0, et = 0, ec = LEV_NONE;
            double ew = 1;
            lev__out_rec(o, net, e, &es, &et, &ew, &ec);
            out_field(o, A->e[es].s);
            lev__out_put(o, ",", 1);
            out_field(o, A->e[et].s);
            lev__out_put(o, ",", 1);
            lev__out_num(o, ew);
            if (chans) {
                lev__out_put(o, ",", 1);
                if (ec != LEV_NONE) out_field(o, net->channels.e[ec].s);
            }
            lev__out_put(o, "\n", 1);
        }
    } else if (fmt == LEV_FORMAT_ACTORS_CSV) {
        lev__out_str(o, "name,group\n");
        for (uint32_t i = 0; i < A->count && !o->failed; i++) {
            out_field(o, A->e[i].s);
            lev__out_put(o, ",", 1);
            if (lev__group_of(net, i) != LEV_NONE) out_field(o, net->groups.e[lev__group_of(net, i)].s);
            lev__out_put(o, "\n", 1);
        }
    } else {
        lev__out_str(o, "actor,resource,holds,needs\n");
        for (uint32_t i = 0; i < A->count && !o->failed; i++)
            for (uint32_t r = 0; r < net->resources.count; r++) {
                const lev__amounts *a = &net->amounts[r];
                if (i >= a->len || (a->v[2 * (size_t)i] == 0 && a->v[2 * (size_t)i + 1] == 0)) continue;
                out_field(o, A->e[i].s);
                lev__out_put(o, ",", 1);
                out_field(o, net->resources.e[r].s);
                lev__out_put(o, ",", 1);
                lev__out_num(o, a->v[2 * (size_t)i]);
                lev__out_put(o, ",", 1);
                lev__out_num(o, a->v[2 * (size_t)i + 1]);
                lev__out_put(o, "\n", 1);
            }
    }
    lev__out_flush(o);
    int failed = o->failed;
    lev__free(&net->mem, o, sizeof *o);
    if (failed == 2) return lev__ctx_fail(&c, LEV_ENOMEM, "lev_write: out of memory for the edge index");
    if (failed) return lev__ctx_fail(&c, LEV_EIO, "lev_write: the sink stopped the write");
    return LEV_OK;
}

static int null_sink(void *ud, const char *data, size_t len) {
    (void)ud, (void)data, (void)len;
    return 0;
}

static int file_sink(void *ud, const char *data, size_t len) {
    return fwrite(data, 1, len, (FILE *)ud) != len;
}

lev_status lev_write_file(const lev_network *net, lev_format fmt, const char *path) {
    if (!net) return LEV_EMISUSE;
    lev__ctx c = {net, NULL, NULL, 1};
    if (!path) return lev__ctx_fail(&c, LEV_EMISUSE, "lev_write_file: path is NULL");
    if (fmt != LEV_FORMAT_EDGES_CSV && fmt != LEV_FORMAT_ACTORS_CSV && fmt != LEV_FORMAT_RESOURCES_CSV &&
        !lev__graph_format(fmt))
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "%s: unknown format %d", path, (int)fmt); /* before creating it */
    FILE *f = fopen(path, "wb");
    if (!f) return lev__ctx_fail(&c, LEV_EIO, "%s: cannot open for writing: %s", path, strerror(errno));
    lev_status rc = lev_write(net, fmt, file_sink, f);
    if (fclose(f) != 0 && rc == LEV_OK) rc = LEV_EIO;
    if (rc == LEV_EIO) return lev__ctx_fail(&c, rc, "%s: write error", path);
    return rc;
}

/* ---- writers with scores (graph formats) ------------------------------------------------------ */

static lev_status check_scores(const lev_network *net, lev_format fmt, size_t nscores, const char *const *names,
                               const double *scores, const char *who) {
    lev__ctx c = {net, NULL, NULL, 1};
    if (nscores && (!names || !scores))
        return lev__ctx_fail(&c, LEV_EMISUSE, "%s: %s is NULL with %zu scores", who, names ? "scores" : "names", nscores);
    if (fmt != LEV_FORMAT_EDGES_CSV && fmt != LEV_FORMAT_ACTORS_CSV && fmt != LEV_FORMAT_RESOURCES_CSV &&
        !lev__graph_format(fmt))
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "%s: unknown format %d", who, (int)fmt);
    if (nscores && (fmt == LEV_FORMAT_PAJEK || !lev__graph_format(fmt)))
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "%s: format %d carries no scores (GraphML, GML, JSON and DOT do)",
                             who, (int)fmt);
    return LEV_OK;
}

lev_status lev_write_scores(const lev_network *net, lev_format fmt, size_t nscores, const char *const *names,
                            const double *scores, lev_write_fn fn, void *ud) {
    if (!net) return LEV_EMISUSE;
    lev__ctx c = {net, NULL, NULL, 1};
    if (!fn) return lev__ctx_fail(&c, LEV_EMISUSE, "lev_write_scores: fn is NULL");
    lev_status rc = check_scores(net, fmt, nscores, names, scores, "lev_write_scores");
    if (rc) return rc;
    if (!nscores) return lev_write(net, fmt, fn, ud);
    return lev__graph_write(net, fmt, nscores, names, scores, fn, ud, "lev_write_scores");
}

lev_status lev_write_scores_file(const lev_network *net, lev_format fmt, size_t nscores, const char *const *names,
                                 const double *scores, const char *path) {
    if (!net) return LEV_EMISUSE;
    lev__ctx c = {net, NULL, NULL, 1};
    if (!path) return lev__ctx_fail(&c, LEV_EMISUSE, "lev_write_scores_file: path is NULL");
    lev_status rc = check_scores(net, fmt, nscores, names, scores, path);
    if (rc) return rc;
    /* Names are checked before the file is created: a dry run to a sink that takes nothing. */
    if (nscores && (rc = lev__graph_write(net, fmt, nscores, names, scores, null_sink, NULL, path))) return rc;
    FILE *f = fopen(path, "wb");
    if (!f) return lev__ctx_fail(&c, LEV_EIO, "%s: cannot open for writing: %s", path, strerror(errno));
    rc = nscores ? lev__graph_write(net, fmt, nscores, names, scores, file_sink, f, path) : lev_write(net, fmt, file_sink, f);
    if (fclose(f) != 0 && rc == LEV_OK) rc = LEV_EIO;
    if (rc == LEV_EIO) return lev__ctx_fail(&c, rc, "%s: write error", path);
    return rc;
}
