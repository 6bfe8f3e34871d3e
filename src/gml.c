/*
 * GML reader (Himsolt's Graph Modelling Language, as NetworkX and igraph write it): the first
 * `graph [ ... ]` list; its `node [ id label name group ]` and `edge [ source target weight|value
 * channel ]` lists; every other key and nested list is skipped. Strings may hold character
 * entities (&amp; &quot; &lt; &gt; &apos; &#N; &#xN;), which are decoded.
 */
#include "graphio.h"

#include <stdio.h>
#include <string.h>

enum { T_END, T_KEY, T_INT, T_REAL, T_STR, T_OPEN, T_CLOSE, T_BAD };

typedef struct gml {
    const char *s;
    size_t len, pos, line, line_start;
    /* the current token */
    int type;
    const char *t;
    size_t tlen, tline, tcol;
} gml;

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static void next(gml *p) {
    for (;;) {
        while (p->pos < p->len && is_space(p->s[p->pos])) {
            if (p->s[p->pos] == '\n' || (p->s[p->pos] == '\r' && (p->pos + 1 >= p->len || p->s[p->pos + 1] != '\n'))) {
                p->line++;
                p->line_start = p->pos + 1;
            }
            p->pos++;
        }
        if (p->pos < p->len && p->s[p->pos] == '#') { /* a comment to the end of the line */
            while (p->pos < p->len && p->s[p->pos] != '\n' && p->s[p->pos] != '\r') p->pos++;
            continue;
        }
        break;
    }
    p->tline = p->line;
    p->tcol = p->pos - p->line_start + 1;
    p->t = p->s + p->pos;
    if (p->pos >= p->len) { p->type = T_END; p->tlen = 0; return; }
    char c = p->s[p->pos];
    size_t st = p->pos;
    if (c == '[') { p->pos++; p->type = T_OPEN; }
    else if (c == ']') { p->pos++; p->type = T_CLOSE; }
    else if (c == '"') {
        size_t j = st + 1;
        while (j < p->len && p->s[j] != '"') {
            if (p->s[j] == '\n' || (p->s[j] == '\r' && (j + 1 >= p->len || p->s[j + 1] != '\n'))) {
                p->line++;
                p->line_start = j + 1;
            }
            j++;
        }
        if (j >= p->len) { p->type = T_BAD; p->tlen = 0; p->pos = p->len; return; }
        p->t = p->s + st + 1;
        p->tlen = j - st - 1;
        p->pos = j + 1;
        p->type = T_STR;
        return;
    } else if (is_alpha(c)) {
        while (p->pos < p->len && (is_alpha(p->s[p->pos]) || is_digit(p->s[p->pos]))) p->pos++;
        p->type = T_KEY;
    } else if (c == '+' || c == '-' || c == '.' || is_digit(c)) {
        p->pos++;
        int real = c == '.';
        while (p->pos < p->len && !is_space(p->s[p->pos]) && p->s[p->pos] != '[' && p->s[p->pos] != ']') {
            char d = p->s[p->pos];
            if (!is_digit(d)) real = 1;
            p->pos++;
        }
        p->type = real ? T_REAL : T_INT;
    } else {
        p->pos++;
        p->type = T_BAD;
    }
    p->tlen = p->pos - st;
}

static int key_is(const gml *p, const char *k) { return p->tlen == strlen(k) && memcmp(p->t, k, p->tlen) == 0; }

/* Skip the value after a key (the current token): a scalar, or a list with everything inside. */
static lev_status skip_value(lev__graph *g, gml *p) {
    if (p->type == T_OPEN) {
        size_t depth = 1;
        while (depth) {
            next(p);
            if (p->type == T_OPEN) depth++;
            else if (p->type == T_CLOSE) depth--;
            else if (p->type == T_END) return lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "a list is not closed with ]");
            else if (p->type == T_BAD) return lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "unexpected character or unclosed string");
        }
        return LEV_OK;
    }
    if (p->type == T_INT || p->type == T_REAL || p->type == T_STR || p->type == T_KEY) return LEV_OK; /* bare words: INF, NAN */
    if (p->type == T_END) return lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "a key without a value at the end");
    if (p->type == T_BAD) return lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "unexpected character or unclosed string");
    return lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "expected a value (a number, a \"string\" or a [ list ])");
}

/* Decode a string's entities into a staged copy (*slot). */
static lev_status gml_string(lev__graph *g, const gml *p, char **slot) {
    size_t n = 0;
    /* Decoded into scratch (never longer than the text), then copied at its exact length: owned
     * strings are freed by their strlen. */
    char *d = lev__alloc(g->mem, p->tlen + 1);
    if (!d) return lev__graph_err(g, p->tline, p->tcol, LEV_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->tlen;) {
        char c = p->t[i];
        if (c == '&') {
            size_t j = i + 1;
            while (j < p->tlen && j - i < 12 && p->t[j] != ';') j++;
            if (j < p->tlen && p->t[j] == ';') {
                const char *e = p->t + i + 1;
                size_t el = j - i - 1;
                unsigned long cp = 0;
                int ok = 0;
                if (el >= 2 && e[0] == '#' && (e[1] == 'x' || e[1] == 'X')) {
                    ok = el > 2 && el <= 8;
                    for (size_t k = 2; ok && k < el; k++) {
                        char h = e[k];
                        int v = is_digit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
                        ok = v >= 0;
                        cp = cp * 16 + (unsigned long)(v < 0 ? 0 : v);
                    }
                } else if (el >= 2 && e[0] == '#') {
                    ok = el <= 8;
                    for (size_t k = 1; ok && k < el; k++) {
                        ok = is_digit(e[k]);
                        cp = cp * 10 + (unsigned long)(e[k] - '0');
                    }
                } else if (el == 3 && !memcmp(e, "amp", 3)) cp = '&', ok = 1;
                else if (el == 4 && !memcmp(e, "quot", 4)) cp = '"', ok = 1;
                else if (el == 2 && !memcmp(e, "lt", 2)) cp = '<', ok = 1;
                else if (el == 2 && !memcmp(e, "gt", 2)) cp = '>', ok = 1;
                else if (el == 4 && !memcmp(e, "apos", 4)) cp = '\'', ok = 1;
                if (ok && (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
                    lev__free(g->mem, d, p->tlen + 1);
                    return lev__graph_err(g, p->tline, p->tcol, LEV_EINVAL, "character entity &%.*s; is not a character", (int)el, e);
                }
                if (ok) {
                    /* UTF-8 of cp: at most 4 bytes, never more than the entity's own length (>= 4). */
                    if (cp < 0x80) d[n++] = (char)cp;
                    else if (cp < 0x800) { d[n++] = (char)(0xC0 | cp >> 6); d[n++] = (char)(0x80 | (cp & 0x3F)); }
                    else if (cp < 0x10000) {
                        d[n++] = (char)(0xE0 | cp >> 12); d[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
                        d[n++] = (char)(0x80 | (cp & 0x3F));
                    } else {
                        d[n++] = (char)(0xF0 | cp >> 18); d[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
                        d[n++] = (char)(0x80 | (cp >> 6 & 0x3F)); d[n++] = (char)(0x80 | (cp & 0x3F));
                    }
                    i = j + 1;
                    continue;
                }
            }
        }
        d[n++] = c;
        i++;
    }
    d[n] = 0;
    lev_status rc = lev__graph_str(g, slot, d, n, p->tline, p->tcol);
    lev__free(g->mem, d, p->tlen + 1);
    return rc;
}

/* A node id or an edge's endpoint: an integer (NetworkX, igraph) or a string. */
static lev_status id_token(lev__graph *g, const gml *p, const char *what) {
    if (p->type == T_INT || p->type == T_STR) return LEV_OK;
    return lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "%s must be an integer or a string", what);
}

static lev_status read_node(lev__graph *g, gml *p, size_t line, size_t col) {
    lev_status rc = LEV_OK;
    char *label = NULL, *name = NULL, *group = NULL;
    const char *id = NULL;
    size_t idlen = 0, idline = line, idcol = col;
    for (;;) {
        next(p);
        if (p->type == T_CLOSE) break;
        if (p->type != T_KEY) {
            rc = lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, p->type == T_END ? "node [ is not closed with ]" : "expected a key");
            break;
        }
        int k = key_is(p, "id") ? 1 : key_is(p, "label") ? 2 : key_is(p, "name") ? 3 : key_is(p, "group") ? 4 : 0;
        next(p);
        if (p->type == T_BAD) { rc = skip_value(g, p); break; }
        if (k == 1) {
            if ((rc = id_token(g, p, "node id"))) break;
            id = p->t, idlen = p->tlen, idline = p->tline, idcol = p->tcol;
        } else if (k >= 2 && (p->type == T_STR || (k == 4 && (p->type == T_INT || p->type == T_KEY)))) {
            char **slot = k == 2 ? &label : k == 3 ? &name : &group;
            if (p->type == T_STR) rc = gml_string(g, p, slot);
            else rc = lev__graph_str(g, slot, p->t, p->tlen, p->tline, p->tcol);
            if (rc) break;
        } else if (k >= 2 && k <= 3) {
            rc = lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "node %s must be a \"string\"", k == 2 ? "label" : "name");
            break;
        } else if ((rc = skip_value(g, p))) break;
    }
    uint32_t idx;
    if (!rc && !id) rc = lev__graph_err(g, line, col, LEV_EPARSE, "node without an id");
    if (!rc && !(rc = lev__graph_node(g, id, idlen, idline, idcol, &idx))) {
        lev__gnode *n = &g->nodes[idx];
        n->line = line;
        n->col = col;
        if (label && !label[0]) rc = lev__graph_err(g, line, col, LEV_EINVAL, "node label is empty");
        else if (!label && name && !name[0]) rc = lev__graph_err(g, line, col, LEV_EINVAL, "node name is empty");
        n->name = label ? label : name;
        if (label) label = NULL;
        else name = NULL;
        n->group = group;
        group = NULL;
    }
    if (label) lev__free(g->mem, label, strlen(label) + 1);
    if (name) lev__free(g->mem, name, strlen(name) + 1);
    if (group) lev__free(g->mem, group, strlen(group) + 1);
    return rc;
}

static lev_status read_edge(lev__graph *g, gml *p, size_t line, size_t col) {
    lev_status rc = LEV_OK;
    char *chan = NULL;
    const char *src = NULL, *tgt = NULL;
    size_t sl = 0, tl = 0, sline = 0, scol = 0, tline = 0, tcol = 0, wline = line, wcol = col;
    double w = 1;
    int have_w = 0;
    for (;;) {
        next(p);
        if (p->type == T_CLOSE) break;
        if (p->type != T_KEY) {
            rc = lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, p->type == T_END ? "edge [ is not closed with ]" : "expected a key");
            break;
        }
        int k = key_is(p, "source") ? 1 : key_is(p, "target") ? 2 : key_is(p, "weight") ? 3 : key_is(p, "value") ? 4
              : key_is(p, "channel") ? 5 : 0;
        next(p);
        if (p->type == T_BAD) { rc = skip_value(g, p); break; }
        if (k == 1 || k == 2) {
            if ((rc = id_token(g, p, k == 1 ? "edge source" : "edge target"))) break;
            if (k == 1) src = p->t, sl = p->tlen, sline = p->tline, scol = p->tcol;
            else tgt = p->t, tl = p->tlen, tline = p->tline, tcol = p->tcol;
        } else if (k == 3 || (k == 4 && have_w != 3)) {
            if (p->type != T_INT && p->type != T_REAL) {
                rc = lev__graph_err(g, p->tline, p->tcol, LEV_EINVAL, "edge %s must be a number", k == 3 ? "weight" : "value");
                break;
            }
            if ((rc = lev__graph_number(g, p->t, p->tlen, "strength", 1, p->tline, p->tcol, &w))) break;
            have_w = k;
            wline = p->tline, wcol = p->tcol;
        } else if (k == 5) {
            if (p->type != T_STR) { rc = lev__graph_err(g, p->tline, p->tcol, LEV_EPARSE, "edge channel must be a \"string\""); break; }
            if ((rc = gml_string(g, p, &chan))) break;
        } else if ((rc = skip_value(g, p))) break;
    }
    uint32_t s, t;
    if (!rc && (!src || !tgt)) rc = lev__graph_err(g, line, col, LEV_EPARSE, "edge without a %s", src ? "target" : "source");
    if (!rc && !(rc = lev__graph_ref(g, src, sl, sline, scol, &s)) && !(rc = lev__graph_ref(g, tgt, tl, tline, tcol, &t)))
        rc = lev__graph_edge(g, s, t, w, chan, chan ? strlen(chan) : 0, wline, wcol);
    if (chan) lev__free(g->mem, chan, strlen(chan) + 1);
    return rc;
}

lev_status lev__parse_gml(lev__graph *g, const char *s, size_t len) {
    gml p = {s, len, 0, 1, 0, 0, NULL, 0, 0, 0};
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) p.pos = p.line_start = 3;
    if (memchr(s, 0, len)) {
        const char *z = memchr(s, 0, len);
        size_t line = 1;
        for (const char *c = s; c < z; c++) line += *c == '\n';
        return lev__graph_err(g, line, 1, LEV_EINVAL, "NUL byte in the text");
    }
    lev_status rc = LEV_OK;
    /* Top level: key value pairs; the first `graph [` is read, the rest skipped. */
    int seen = 0;
    for (;;) {
        next(&p);
        if (p.type == T_END) break;
        if (p.type != T_KEY) return lev__graph_err(g, p.tline, p.tcol, LEV_EPARSE, "expected a key (such as graph)");
        int is_graph = key_is(&p, "graph");
        size_t kl = p.tline, kc = p.tcol;
        next(&p);
        if (!is_graph || seen) {
            if ((rc = skip_value(g, &p))) return rc;
            continue;
        }
        if (p.type != T_OPEN) return lev__graph_err(g, p.tline, p.tcol, LEV_EPARSE, "graph must be followed by [");
        seen = 1;
        for (;;) {
            next(&p);
            if (p.type == T_CLOSE) break;
            if (p.type != T_KEY)
                return lev__graph_err(g, p.tline, p.tcol, LEV_EPARSE,
                                      p.type == T_END ? "graph [ is not closed with ]" : "expected a key (node, edge, ...)");
            int k = key_is(&p, "node") ? 1 : key_is(&p, "edge") ? 2 : 0;
            size_t line = p.tline, col = p.tcol;
            next(&p);
            if (k && p.type != T_OPEN)
                return lev__graph_err(g, p.tline, p.tcol, LEV_EPARSE, "%s must be followed by [", k == 1 ? "node" : "edge");
            if (k == 1) rc = read_node(g, &p, line, col);
            else if (k == 2) rc = read_edge(g, &p, line, col);
            else rc = skip_value(g, &p);
            if (rc) return rc;
        }
        (void)kl, (void)kc;
    }
    if (!seen) return lev__graph_err(g, 1, 1, LEV_EPARSE, "no graph [ ... ] in the text");
    return LEV_OK;
}
