/* Docs that cannot go stale: docs/model.md's options table is read from the page and checked, row
 * by row and key by key, against the library's own registry (lev_param_at(), lev_param_info()).
 * The snippets of the pages are run by tests/docs/snippets.py; the output samples by test_cli. */
#include "helpers.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp_file(const char *path) {
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    sbuf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&b, buf, n);
    fclose(f);
    return b.s;
}

/* The cells of one table row "| a | b |" (trimmed), at most max; returns how many. */
static size_t split_row(const char *line, size_t len, char cells[][256], size_t max) {
    size_t k = 0;
    const char *p = line, *end = line + len;
    if (p < end && *p == '|') p++;
    while (p < end && k < max) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        if (!bar) break;
        const char *a = p, *z = bar;
        while (a < z && isspace((unsigned char)*a)) a++;
        while (z > a && isspace((unsigned char)z[-1])) z--;
        snprintf(cells[k++], 256, "%.*s", (int)(z - a), a);
        p = bar + 1;
    }
    return k;
}

/* A number as the docs write it: 0.85, 1e-10, −1e6 (U+2212 minus), 2^53, 10^9, 2^31 − 1. Parses a
 * sum of such terms from the first number in s; false when s holds none. */
static bool parse_doc_number(const char *s, double *out) {
    char t[256];
    size_t j = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && j + 1 < sizeof t; p++) {
        if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) { /* − */
            t[j++] = '-';
            p += 2;
        } else {
            t[j++] = (char)*p;
        }
    }
    t[j] = 0;
    const char *p = t;
    /* the first number: a digit, or a sign before one, not inside a name (LEV_DIR_ALL, 2^53 ok) */
    while (*p && !(isdigit((unsigned char)*p) || (*p == '-' && isdigit((unsigned char)p[1]))))
        p++;
    if (!*p) return false;
    double sum = 0;
    int sign = 1;
    for (;;) {
        char *e;
        double v = strtod(p, &e);
        if (e == p) return false;
        p = e;
        if (*p == '^') {
            double x = strtod(p + 1, &e);
            if (e == p + 1) return false;
            v = pow(v, x);
            p = e;
        }
        sum += sign * v;
        const char *q = p;
        while (*q == ' ') q++;
        if ((*q == '-' || *q == '+') && q[1] == ' ') {
            sign = *q == '-' ? -1 : 1;
            p = q + 1;
            while (*p == ' ') p++;
            continue;
        }
        break;
    }
    *out = sum;
    return true;
}

static bool same(double a, double b) { return a == b || fabs(a - b) <= 1e-12 * fmax(fabs(a), fabs(b)); }

Test(docs, model_options_table_matches_lev_param_info) {
    char *doc = slurp_file(SRC("docs/model.md"));
    /* The table whose header's first cell is "Key"; columns found by their header. */
    const char *at = doc, *table = NULL;
    while ((at = strstr(at, "\n| Key |")) != NULL) {
        table = at + 1;
        break;
    }
    cr_assert_not_null(table, "docs/model.md has no options table (a row starting \"| Key |\")");
    char head[12][256];
    const char *eol = strchr(table, '\n');
    size_t ncol = split_row(table, (size_t)(eol - table), head, 12);
    int c_number = -1, c_name = -1, c_type = -1, c_bounds = -1, c_default = -1;
    for (size_t c = 0; c < ncol; c++) {
        if (!strcmp(head[c], "Number")) c_number = (int)c;
        if (!strcmp(head[c], "Name")) c_name = (int)c;
        if (!strcmp(head[c], "Type")) c_type = (int)c;
        if (!strcmp(head[c], "Bounds") || !strcmp(head[c], "Range")) c_bounds = (int)c;
        if (!strcmp(head[c], "Default")) c_default = (int)c;
    }
    cr_assert(c_type >= 0 && c_bounds >= 0 && c_default >= 0,
              "docs/model.md's options table needs Type, Bounds and Default columns");

    size_t nkeys = 0;
    lev_param key;
    while (lev_param_at(nkeys, &key) == LEV_OK) nkeys++;
    cr_assert_gt(nkeys, 0);
    bool *seen = calloc(nkeys, 1);
    size_t rows = 0;
    const char *line = eol + 1;
    line = strchr(line, '\n') + 1; /* the |---| row */
    while (*line == '|') {
        eol = strchr(line, '\n');
        char cell[12][256];
        size_t n = split_row(line, (size_t)(eol - line), cell, 12);
        cr_assert_eq(n, ncol, "docs/model.md: a row of the options table has %zu cells, not %zu: %.*s", n, ncol,
                     (int)(eol - line), line);
        const char *macro = strstr(cell[0], "LEV_P_");
        cr_assert_not_null(macro, "docs/model.md: the options table's row names no LEV_P_ key: %s", cell[0]);
        /* The key's name is the macro's tail in lower case (LEV_P_MAX_ITER -> max_iter). */
        char lower[64];
        size_t j = 0;
        for (const char *p = macro + 6; (isalnum((unsigned char)*p) || *p == '_') && j + 1 < sizeof lower; p++)
            lower[j++] = (char)tolower((unsigned char)*p);
        lower[j] = 0;
        lev_param k;
        cr_assert_eq(lev_param_find(lower, &k), LEV_OK, "docs/model.md lists %s, which the library does not know",
                     cell[0]);
        const char *name;
        int type;
        double lo, hi, dflt;
        cr_assert_eq(lev_param_info(k, &name, &type, &lo, &hi, &dflt), LEV_OK);
        size_t slot = 0;
        while (slot < nkeys && (lev_param_at(slot, &key), key != k)) slot++;
        cr_assert_lt(slot, nkeys);
        cr_assert_not(seen[slot], "docs/model.md lists %s twice", cell[0]);
        seen[slot] = true;
        if (c_number >= 0)
            cr_assert_eq(atoi(cell[c_number]), (int)k, "docs/model.md: %s is %d, not %s", cell[0], (int)k,
                         cell[c_number]);
        if (c_name >= 0) {
            char want[80];
            snprintf(want, sizeof want, "`%s`", name);
            cr_assert(!strcmp(cell[c_name], want) || !strcmp(cell[c_name], name),
                      "docs/model.md: %s is named %s, not %s", cell[0], name, cell[c_name]);
        }
        const char *tname = type == LEV_TYPE_INT ? "int" : "double";
        cr_assert_str_eq(cell[c_type], tname, "docs/model.md: %s is %s, not %s", cell[0], tname, cell[c_type]);
        /* Bounds: "LO … HI" (or "LO .. HI"). */
        char *sep = strstr(cell[c_bounds], "…");
        size_t seplen = 3;
        if (!sep) sep = strstr(cell[c_bounds], ".."), seplen = 2;
        cr_assert_not_null(sep, "docs/model.md: %s's bounds %s are not \"LO … HI\"", cell[0], cell[c_bounds]);
        *sep = 0;
        double dlo, dhi, ddef;
        cr_assert(parse_doc_number(cell[c_bounds], &dlo) && parse_doc_number(sep + seplen, &dhi),
                  "docs/model.md: cannot read %s's bounds", cell[0]);
        cr_assert(same(dlo, lo) && same(dhi, hi), "docs/model.md: %s's bounds are %.17g … %.17g, not %g … %g",
                  cell[0], lo, hi, dlo, dhi);
        cr_assert(parse_doc_number(cell[c_default], &ddef), "docs/model.md: cannot read %s's default", cell[0]);
        cr_assert(same(ddef, dflt), "docs/model.md: %s's default is %.17g, not %s", cell[0], dflt, cell[c_default]);
        rows++;
        line = eol + 1;
    }
    for (size_t i = 0; i < nkeys; i++) {
        lev_param_at(i, &key);
        const char *name;
        int t_; double l_, h_, d_;
        lev_param_info(key, &name, &t_, &l_, &h_, &d_);
        cr_expect(seen[i], "docs/model.md's options table lacks the key %d (%s)", (int)key, name);
    }
    cr_assert_eq(rows, nkeys);
    free(seen);
    free(doc);
}

Test(docs, doc_numbers_parse) {
    double v;
    cr_assert(parse_doc_number("2^31 − 1", &v) && v == 2147483647.0);
    cr_assert(parse_doc_number("−1e6", &v) && v == -1e6);
    cr_assert(parse_doc_number("3 (#LEV_DIR_ALL)", &v) && v == 3);
    cr_assert(parse_doc_number("0: as many as OpenMP offers", &v) && v == 0);
    cr_assert(parse_doc_number("10^9", &v) && v == 1e9);
    cr_assert_not(parse_doc_number("none", &v));
}
