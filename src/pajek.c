/*
 * Pajek .net reader: *Vertices with labels, *Arcs and *Edges (with weights), *Arcslist and
 * *Edgeslist; a relation's label (`*Arcs :2 "business"`) is the channel of its lines.
 */
#include "graphio.h"

#include <stdio.h>
#include <string.h>

typedef struct tok { const char *s; size_t len, col; int quoted; } tok;

/* Split a line into at most 8 tokens (bare, or "quoted" without escapes). Returns the count, or
 * -1 for a quote that is not closed. */
static int split(const char *s, size_t len, tok *t, int max) {
    size_t i = 0;
    int n = 0;
    while (n < max) {
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
        if (i >= len) break;
        if (s[i] == '"') {
            size_t j = i + 1;
            while (j < len && s[j] != '"') j++;
            if (j >= len) { t[n].col = i + 1; return -1 - n; }
            t[n++] = (tok){s + i + 1, j - i - 1, i + 1, 1};
            i = j + 1;
        } else {
            size_t j = i;
            while (j < len && s[j] != ' ' && s[j] != '\t') j++;
            t[n++] = (tok){s + i, j - i, i + 1, 0};
            i = j;
        }
    }
    return n;
}

static int starts(const tok *t, const char *kw) {
    size_t k = strlen(kw);
    if (t->len != k) return 0;
    for (size_t i = 0; i < k; i++) {
        char c = t->s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != kw[i]) return 0;
    }
    return 1;
}

/* A vertex number 1..nv. */
static lev_status vnum(lev__graph *g, const tok *t, size_t nv, size_t line, uint32_t *v) {
    size_t x = 0;
    int ok = t->len > 0 && t->len <= 10 && !t->quoted;
    for (size_t i = 0; ok && i < t->len; i++) {
        ok = t->s[i] >= '0' && t->s[i] <= '9';
        x = x * 10 + (size_t)(t->s[i] - '0');
    }
    if (!ok || x == 0 || x > nv) {
        char b[32];
        snprintf(b, sizeof b, "%.*s", (int)(t->len < 20 ? t->len : 20), t->s);
        return lev__graph_err(g, line, t->col, LEV_EINVAL, "vertex number must be 1..%zu (got \"%s\")", nv, b);
    }
    *v = (uint32_t)(x - 1);
    return LEV_OK;
}

enum { SEC_NONE, SEC_VERTICES, SEC_ARCS, SEC_LIST, SEC_SKIP };

lev_status lev__parse_pajek(lev__graph *g, const char *s, size_t len) {
    size_t pos = 0, line = 0, nv = 0;
    int sec = SEC_NONE, have_vertices = 0;
    const char *chan = NULL;
    size_t chlen = 0;
    unsigned char *named = NULL; /* vertex lines seen */
    lev_status rc = LEV_OK;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    while (!rc && pos < len) {
        size_t end = pos;
        while (end < len && s[end] != '\n' && s[end] != '\r') end++;
        const char *l = s + pos;
        size_t ll = end - pos;
        line++;
        pos = end;
        if (pos < len && s[pos] == '\r') pos++;
        else if (pos < len) pos++;
        if (end < len && s[end] == '\r' && pos < len && s[pos] == '\n') pos++;
        if (memchr(l, 0, ll)) { rc = lev__graph_err(g, line, 1, LEV_EINVAL, "NUL byte in the line"); break; }
        tok t[8];
        int nt = split(l, ll, t, 8);
        if (nt < 0) { rc = lev__graph_err(g, line, t[-nt - 1].col, LEV_EPARSE, "quote is not closed"); break; }
        if (nt == 0 || t[0].s[0] == '%') continue;
        if (t[0].s[0] == '*' && !t[0].quoted) {
            if (starts(&t[0], "*vertices")) {
                if (have_vertices) { rc = lev__graph_err(g, line, 1, LEV_EPARSE, "a second *Vertices section"); break; }
                if (nt < 2) { rc = lev__graph_err(g, line, 1, LEV_EPARSE, "*Vertices needs the number of vertices"); break; }
                size_t x = 0;
                int ok = t[1].len > 0 && t[1].len <= 10;
                for (size_t i = 0; ok && i < t[1].len; i++) {
                    ok = t[1].s[i] >= '0' && t[1].s[i] <= '9';
                    x = x * 10 + (size_t)(t[1].s[i] - '0');
                }
                if (!ok) { rc = lev__graph_err(g, line, t[1].col, LEV_EINVAL, "number of vertices must be a whole number"); break; }
                if (x > LEV_MAX_ACTORS) {
                    rc = lev__graph_err(g, line, t[1].col, LEV_ELIMIT, "a network holds at most %u actors", LEV_MAX_ACTORS);
                    break;
                }
                /* Vertices need no line each, so a short text could ask for millions of actors:
                 * at most 4096 + 8 per byte of text. */
                if (x > 4096 + 8 * (len < SIZE_MAX / 16 ? len : SIZE_MAX / 16)) {
                    rc = lev__graph_err(g, line, t[1].col, LEV_ELIMIT,
                                        "%zu vertices for %zu bytes of text (at most 4096 + 8 per byte)", x, len);
                    break;
                }
                nv = x;
                have_vertices = 1;
                for (size_t v = 0; v < nv && !rc; v++) {
                    char id[16];
                    int k = snprintf(id, sizeof id, "%zu", v + 1);
                    uint32_t idx;
                    rc = lev__graph_node(g, id, (size_t)k, line, 1, &idx);
                }
                if (!rc && nv) {
                    named = lev__alloc(g->mem, nv);
                    if (!named) rc = lev__graph_err(g, line, 1, LEV_ENOMEM, "out of memory");
                    else memset(named, 0, nv);
                }
                sec = SEC_VERTICES;
            } else if (starts(&t[0], "*arcs") || starts(&t[0], "*edges") || starts(&t[0], "*arcslist") ||
                       starts(&t[0], "*edgeslist")) {
                if (!have_vertices) { rc = lev__graph_err(g, line, 1, LEV_EPARSE, "edges before the *Vertices section"); break; }
                sec = t[0].len > 6 ? SEC_LIST : SEC_ARCS;
                chan = NULL;
                chlen = 0;
                /* `*Arcs :2 "label"`: a relation; its label is the channel. */
                if (nt >= 2 && t[1].s[0] == ':' && !t[1].quoted && nt >= 3) chan = t[2].s, chlen = t[2].len;
            } else if (starts(&t[0], "*network")) {
                sec = SEC_NONE;
            } else if (starts(&t[0], "*matrix")) {
                rc = lev__graph_err(g, line, 1, LEV_EPARSE, "*Matrix sections are not read (write the ties as *Arcs)");
            } else {
                sec = SEC_SKIP; /* *Partition, *Vector and the like: not ours */
            }
            continue;
        }
        if (sec == SEC_VERTICES) {
            uint32_t v;
            if ((rc = vnum(g, &t[0], nv, line, &v))) break;
            if (named[v]) { rc = lev__graph_err(g, line, 1, LEV_EEXIST, "vertex %u is listed twice", (unsigned)v + 1); break; }
            named[v] = 1;
            if (nt >= 2 && t[1].len == 0) { rc = lev__graph_err(g, line, t[1].col, LEV_EINVAL, "vertex label is empty"); break; }
            if (nt >= 2 && (rc = lev__graph_str(g, &g->nodes[v].name, t[1].s, t[1].len, line, t[1].col))) break;
            g->nodes[v].line = line;
            g->nodes[v].col = 1;
        } else if (sec == SEC_ARCS) {
            uint32_t a, b;
            double w = 1;
            if (nt < 2) { rc = lev__graph_err(g, line, 1, LEV_EPARSE, "a tie needs two vertex numbers"); break; }
            if ((rc = vnum(g, &t[0], nv, line, &a)) || (rc = vnum(g, &t[1], nv, line, &b))) break;
            if (nt >= 3 && (rc = lev__graph_number(g, t[2].s, t[2].len, "strength", 1, line, t[2].col, &w))) break;
            rc = lev__graph_edge(g, a, b, w, chan, chlen, line, nt >= 3 ? t[2].col : 1);
        } else if (sec == SEC_LIST) {
            uint32_t a, b;
            if ((rc = vnum(g, &t[0], nv, line, &a))) break;
            /* A list line may be longer than 8 tokens: read it in steps (columns from the line's start). */
            int first = 1;
            for (;;) {
                for (int k = first; k < nt && !rc; k++)
                    if (!(rc = vnum(g, &t[k], nv, line, &b))) rc = lev__graph_edge(g, a, b, 1, chan, chlen, line, t[k].col);
                if (rc || nt < 8) break;
                size_t off = t[7].col - 1 + t[7].len; /* past the 8th token (a bare one: quoted ones failed) */
                nt = split(l + off, ll - off, t, 8);
                if (nt < 0) { rc = lev__graph_err(g, line, t[-nt - 1].col + off, LEV_EPARSE, "quote is not closed"); break; }
                for (int k = 0; k < nt; k++) t[k].col += off;
                first = 0;
                if (nt == 0) break;
            }
        } else if (sec == SEC_NONE) {
            rc = lev__graph_err(g, line, 1, LEV_EPARSE, "a line outside any section (expected *Vertices first)");
        }
    }
    if (named) lev__free(g->mem, named, nv);
    if (!rc && !have_vertices) rc = lev__graph_err(g, 1, 1, LEV_EPARSE, "no *Vertices section");
    return rc;
}
