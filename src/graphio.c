/*
 * Graph interchange formats: the staged graph every reader fills, its all-or-nothing commit,
 * gzip input, and the writers for GraphML, Pajek, GML, JSON node-link and Graphviz DOT.
 */
#include "graphio.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef LEV_HAVE_ZLIB
#include <zlib.h>
#endif

/* ---- sized allocations (expat, zlib) ------------------------------------------------------------ */

#define SZ_HDR 16 /* keeps the block's alignment */

void *lev__sized_alloc(const lev__mem *m, size_t n) {
    if (n > SIZE_MAX - SZ_HDR) return NULL;
    char *p = lev__alloc(m, n + SZ_HDR);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    return p + SZ_HDR;
}

void lev__sized_free(const lev__mem *m, void *ptr) {
    if (!ptr) return;
    char *p = (char *)ptr - SZ_HDR;
    size_t n;
    memcpy(&n, p, sizeof n);
    lev__free(m, p, n + SZ_HDR);
}

void *lev__sized_realloc(const lev__mem *m, void *ptr, size_t n) {
    if (!ptr) return lev__sized_alloc(m, n);
    if (n > SIZE_MAX - SZ_HDR) return NULL;
    char *p = (char *)ptr - SZ_HDR;
    size_t old;
    memcpy(&old, p, sizeof old);
    char *q = m->f(m->ud, p, old + SZ_HDR, n + SZ_HDR);
    if (!q) return NULL;
    memcpy(q, &n, sizeof n);
    return q + SZ_HDR;
}

/* ---- the staged graph ----------------------------------------------------------------------------- */

void lev__graph_init(lev__graph *g, const lev__mem *m) {
    memset(g, 0, sizeof *g);
    g->mem = m;
    g->dp = lev__decimal_point();
}

static void free_str(const lev__mem *m, char *s) {
    if (s) lev__free(m, s, strlen(s) + 1);
}

void lev__graph_free(lev__graph *g) {
    for (size_t i = 0; i < g->nn; i++) {
        free_str(g->mem, g->nodes[i].name);
        free_str(g->mem, g->nodes[i].group);
    }
    for (size_t i = 0; i < g->ne; i++) free_str(g->mem, g->edges[i].channel);
    for (size_t i = 0; i < g->na; i++) free_str(g->mem, g->amts[i].resource);
    lev__free(g->mem, g->nodes, g->ncap * sizeof *g->nodes);
    lev__free(g->mem, g->edges, g->ecap * sizeof *g->edges);
    lev__free(g->mem, g->amts, g->acap * sizeof *g->amts);
    lev__strtab_free(g->mem, &g->ids);
}

lev_status lev__graph_err(lev__graph *g, size_t line, size_t col, lev_status rc, const char *fmt, ...) {
    if (g->why[0]) return rc; /* the first error stands */
    va_list ap;
    va_start(ap, fmt);
    lev__vformat(g->why, sizeof g->why, fmt, ap);
    va_end(ap);
    g->err_line = line;
    g->err_col = col;
    return rc;
}

/* A copy of s[0..len) for messages: at most 60 bytes, NUL-free. */
static const char *shown(const char *s, size_t len, char *b) {
    size_t k = len < 60 ? len : 60;
    for (size_t i = 0; i < k; i++) b[i] = s[i] ? s[i] : '?';
    b[k] = 0;
    if (len > 60) memcpy(b + 57, "...", 4);
    return b;
}

static lev_status copy_str(lev__graph *g, const char *s, size_t len, size_t line, size_t col, char **out) {
    if (len == SIZE_MAX) return lev__graph_err(g, line, col, LEV_ENOMEM, "out of memory");
    char *c = lev__alloc(g->mem, len + 1);
    if (!c) return lev__graph_err(g, line, col, LEV_ENOMEM, "out of memory");
    memcpy(c, s, len);
    c[len] = 0;
    *out = c;
    return LEV_OK;
}

lev_status lev__graph_ref(lev__graph *g, const char *id, size_t len, size_t line, size_t col, uint32_t *idx) {
    char b[64];
    if (len == 0) return lev__graph_err(g, line, col, LEV_EINVAL, "node id is empty");
    if (memchr(id, 0, len)) return lev__graph_err(g, line, col, LEV_EINVAL, "node id holds a NUL byte");
    uint32_t i = lev__strtab_find(&g->ids, id, len);
    if (i != LEV_NONE) { *idx = i; return LEV_OK; }
    if (g->ids.count >= LEV_MAX_ACTORS)
        return lev__graph_err(g, line, col, LEV_ELIMIT, "a network holds at most %u actors", LEV_MAX_ACTORS);
    void *p = g->nodes;
    lev_status rc = lev__grow(g->mem, &p, &g->ncap, g->nn + 1, sizeof *g->nodes);
    g->nodes = p;
    if (!rc) rc = lev__strtab_reserve(g->mem, &g->ids, 1);
    char *copy = NULL;
    if (!rc && !(copy = lev__strtab_copy(g->mem, &g->ids, id, len))) rc = LEV_ENOMEM;
    if (rc) return lev__graph_err(g, line, col, rc, "%s (node id \"%s\")", lev_strerror(rc), shown(id, len, b));
    i = lev__strtab_push(&g->ids, copy, len);
    g->nodes[g->nn++] = (lev__gnode){NULL, NULL, line, col, 0};
    *idx = i;
    return LEV_OK;
}

lev_status lev__graph_node(lev__graph *g, const char *id, size_t len, size_t line, size_t col, uint32_t *idx) {
    char b[64];
    lev_status rc = lev__graph_ref(g, id, len, line, col, idx);
    if (rc) return rc;
    lev__gnode *n = &g->nodes[*idx];
    if (n->declared)
        return lev__graph_err(g, line, col, LEV_EEXIST, "node \"%s\" is defined twice (first on line %zu)",
                              shown(id, len, b), n->line);
    n->declared = 1;
    n->line = line;
    n->col = col;
    return LEV_OK;
}

lev_status lev__graph_str(lev__graph *g, char **slot, const char *s, size_t len, size_t line, size_t col) {
    char *c = NULL;
    lev_status rc = copy_str(g, s, len, line, col, &c);
    if (rc) return rc;
    free_str(g->mem, *slot);
    *slot = c;
    return LEV_OK;
}

lev_status lev__graph_edge(lev__graph *g, uint32_t s, uint32_t t, double w, const char *channel, size_t chlen,
                          size_t line, size_t col) {
    void *p = g->edges;
    lev_status rc = lev__grow(g->mem, &p, &g->ecap, g->ne + 1, sizeof *g->edges);
    g->edges = p;
    if (rc) return lev__graph_err(g, line, col, rc, "%s", lev_strerror(rc));
    char *ch = NULL;
    if (channel && chlen && (rc = copy_str(g, channel, chlen, line, col, &ch))) return rc;
    g->edges[g->ne++] = (lev__gedge){s, t, w, ch, line, col};
    return LEV_OK;
}

lev_status lev__graph_amount(lev__graph *g, uint32_t node, const char *res, size_t rlen, double v, int needs,
                            size_t line, size_t col) {
    void *p = g->amts;
    lev_status rc = lev__grow(g->mem, &p, &g->acap, g->na + 1, sizeof *g->amts);
    g->amts = p;
    if (rc) return lev__graph_err(g, line, col, rc, "%s", lev_strerror(rc));
    char *r = NULL;
    if ((rc = copy_str(g, res, rlen, line, col, &r))) return rc;
    g->amts[g->na++] = (lev__gamount){node, r, v, needs, line, col};
    return LEV_OK;
}

lev_status lev__graph_number(lev__graph *g, const char *s, size_t len, const char *what, int positive, size_t line,
                            size_t col, double *out) {
    char b[64];
    while (len && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r')) len--;
    if (len == 0) return lev__graph_err(g, line, col, LEV_EPARSE, "%s is missing", what);
    int r = len > 127 ? -1 : lev__parse_double(s, len, g->dp, out);
    if (r == -2) return lev__graph_err(g, line, col, LEV_EINVAL, "%s is out of range (got \"%s\")", what, shown(s, len, b));
    if (r != 0)
        return lev__graph_err(g, line, col, LEV_EINVAL, "%s must be a finite decimal number (got \"%s\")", what,
                              shown(s, len, b));
    if (positive && !(*out > 0))
        return lev__graph_err(g, line, col, LEV_EINVAL, "%s must be finite and > 0 (got \"%s\")", what, shown(s, len, b));
    if (!positive && *out < 0)
        return lev__graph_err(g, line, col, LEV_EINVAL, "%s must be >= 0 (got \"%s\")", what, shown(s, len, b));
    return LEV_OK;
}

/* A label (group, channel, resource): non-empty valid UTF-8, interned into t. */
static lev_status intern(lev__graph *g, lev_network *net, lev__strtab *t, const char *s, const char *what, size_t line,
                         size_t col, uint32_t *id) {
    size_t len = strlen(s);
    if (!lev__utf8_valid(s, len)) return lev__graph_err(g, line, col, LEV_EINVAL, "%s is not valid UTF-8", what);
    if (len >= UINT32_MAX) return lev__graph_err(g, line, col, LEV_EINVAL, "%s is longer than 4 GiB", what);
    lev_status rc = lev__strtab_intern(&net->mem, t, s, id);
    if (rc) return lev__graph_err(g, line, col, rc, "%s", lev_strerror(rc));
    return LEV_OK;
}

typedef struct gundo { uint32_t actor, group; } gundo;

lev_status lev__graph_commit(lev__graph *g, lev_network *net, uint32_t first_new) {
    lev_status rc = LEV_OK;
    uint32_t *actor = NULL;
    gundo *undo = NULL;
    size_t nundo = 0;
    unsigned char *seen = NULL; /* actors that existed before the call, named by a node already */
    char why[LEV_MSG_MAX];
    for (size_t i = 0; i < g->nn; i++)
        if (!g->nodes[i].declared)
            return lev__graph_err(g, g->nodes[i].line, g->nodes[i].col, LEV_ENOTFOUND,
                                  "an edge refers to node \"%s\", which the file does not define", g->ids.e[i].s);
    if (g->nn) {
        actor = lev__alloc_array(&net->mem, g->nn, sizeof *actor);
        undo = lev__alloc_array(&net->mem, g->nn, sizeof *undo);
        if (first_new) seen = lev__alloc(&net->mem, first_new);
        if (!actor || !undo || (first_new && !seen)) { rc = lev__graph_err(g, 1, 1, LEV_ENOMEM, "out of memory"); goto done; }
        if (seen) memset(seen, 0, first_new);
    }
    for (size_t i = 0; i < g->nn && !rc; i++) {
        const lev__gnode *n = &g->nodes[i];
        const char *name = n->name ? n->name : g->ids.e[i].s;
        uint32_t gid = LEV_NONE;
        if (n->group && n->group[0] &&
            (rc = intern(g, net, &net->groups, n->group, "group label", n->line, n->col, &gid)))
            break;
        uint32_t a = lev__strtab_find(&net->actors, name, strlen(name));
        if (a != LEV_NONE && (a >= first_new || seen[a]++)) {
            rc = lev__graph_err(g, n->line, n->col, LEV_EEXIST, "actor \"%s\" is named by two nodes", name);
            break;
        }
        if (a == LEV_NONE) {
            if ((rc = lev__actor_add(net, name, gid, &a, why))) {
                rc = lev__graph_err(g, n->line, n->col, rc, "%s", why);
                break;
            }
        } else if (gid != LEV_NONE) {
            if ((rc = lev__groups_make(net, 0))) {
                rc = lev__graph_err(g, n->line, n->col, rc, "out of memory");
                break;
            }
            undo[nundo].actor = a;
            undo[nundo++].group = net->actor_group[a];
            net->actor_group[a] = gid;
        }
        actor[i] = a;
    }
    if (!rc && g->ne && (rc = lev__edges_reserve(net, g->ne)))
        rc = lev__graph_err(g, g->edges[0].line, g->edges[0].col, rc, "%s", lev_strerror(rc));
    for (size_t k = 0; k < g->ne && !rc; k++) {
        const lev__gedge *e = &g->edges[k];
        uint32_t chan = LEV_NONE;
        if (e->channel && (rc = intern(g, net, &net->channels, e->channel, "channel label", e->line, e->col, &chan)))
            break;
        if ((rc = lev__edge_add(net, actor[e->s], actor[e->t], e->w, chan, why)))
            rc = lev__graph_err(g, e->line, e->col, rc, "%s", why);
    }
    /* Amounts: resources found or added, all reserved, then written (cannot fail). */
    uint32_t *res = NULL;
    if (!rc && g->na) {
        res = lev__alloc_array(&net->mem, g->na, sizeof *res);
        if (!res) rc = lev__graph_err(g, g->amts[0].line, g->amts[0].col, LEV_ENOMEM, "out of memory");
    }
    for (size_t k = 0; k < g->na && !rc; k++) {
        const lev__gamount *am = &g->amts[k];
        if (!lev__utf8_valid(am->resource, strlen(am->resource)) || !am->resource[0]) {
            rc = lev__graph_err(g, am->line, am->col, LEV_EINVAL, "resource name is empty or not valid UTF-8");
            break;
        }
        res[k] = lev__strtab_find(&net->resources, am->resource, strlen(am->resource));
        if (res[k] == LEV_NONE && (rc = lev_resource_add(net, am->resource, &res[k])))
            rc = lev__graph_err(g, am->line, am->col, rc, "%s", lev_errmsg(net));
    }
    for (uint32_t r = 0; !rc && g->na && r < net->resources.count; r++)
        if ((rc = lev__amounts_reserve(net, r))) rc = lev__graph_err(g, 1, 1, rc, "out of memory");
    if (!rc)
        for (size_t k = 0; k < g->na; k++)
            net->amounts[res[k]].v[2 * (size_t)actor[g->amts[k].node] + (size_t)g->amts[k].needs] = g->amts[k].v;
    if (res) lev__free(&net->mem, res, g->na * sizeof *res);
    if (rc)
        while (nundo--) net->actor_group[undo[nundo].actor] = undo[nundo].group;
done:
    if (actor) lev__free(&net->mem, actor, g->nn * sizeof *actor);
    if (undo) lev__free(&net->mem, undo, g->nn * sizeof *undo);
    if (seen) lev__free(&net->mem, seen, first_new);
    if (!rc) lev__invalidate(net);
    return rc;
}

/* ---- reading -------------------------------------------------------------------------------------- */

int lev__graph_format(lev_format fmt) { return fmt >= LEV_FORMAT_GRAPHML && fmt <= LEV_FORMAT_DOT; }

static const char *format_name(lev_format fmt) {
    switch (fmt) {
    case LEV_FORMAT_GRAPHML: return "GraphML";
    case LEV_FORMAT_PAJEK: return "Pajek";
    case LEV_FORMAT_GML: return "GML";
    case LEV_FORMAT_JSON: return "JSON node-link";
    case LEV_FORMAT_DOT: return "Graphviz DOT";
    default: return "CSV";
    }
}

lev_status lev__graph_read(lev_network *net, lev_format fmt, const char *data, size_t len, const char *name) {
    if (fmt == LEV_FORMAT_JSON || fmt == LEV_FORMAT_DOT)
        return lev__fail(net, LEV_EUNSUPPORTED, "%s: %s is written, not read", name, format_name(fmt));
#ifndef LEV_HAVE_EXPAT
    if (fmt == LEV_FORMAT_GRAPHML)
        return lev__fail(net, LEV_EUNSUPPORTED, "%s: libleverage was built without GraphML support (expat)", name);
#endif
    lev__graph g;
    lev__graph_init(&g, &net->mem);
    lev__mark mk = lev__mark_get(net);
    const char *s = data ? data : "";
    lev_status rc;
    if (fmt == LEV_FORMAT_PAJEK) rc = lev__parse_pajek(&g, s, len);
    else if (fmt == LEV_FORMAT_GML) rc = lev__parse_gml(&g, s, len);
    else rc = lev__parse_graphml(&g, s, len);
    if (!rc) rc = lev__graph_commit(&g, net, mk.actors);
    lev__graph_free(&g);
    if (rc) {
        lev__rollback(net, mk);
        if (!g.why[0]) return lev__fail(net, rc, "%s: %s", name, lev_strerror(rc));
        return lev__fail(net, rc, "%s:%zu:%zu: %s", name, g.err_line ? g.err_line : 1, g.err_col ? g.err_col : 1, g.why);
    }
    lev__network_trim(net);
    return LEV_OK;
}

int lev__is_gzip(const char *data, size_t len) {
    return len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
}

#ifdef LEV_HAVE_ZLIB
static voidpf z_alloc(voidpf ud, uInt items, uInt size) {
    if (size && items > SIZE_MAX / size) return Z_NULL;
    return lev__sized_alloc(ud, (size_t)items * size);
}
static void z_free(voidpf ud, voidpf p) { lev__sized_free(ud, p); }
#endif

lev_status lev__gunzip(lev_network *net, const char *data, size_t len, const char *name, char **out, size_t *outlen,
                      size_t *outcap) {
#ifndef LEV_HAVE_ZLIB
    (void)data, (void)len, (void)out, (void)outlen, (void)outcap;
    return lev__fail(net, LEV_EUNSUPPORTED, "%s: gzip-compressed input, and libleverage was built without zlib", name);
#else
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = z_alloc;
    z.zfree = z_free;
    z.opaque = (voidpf)&net->mem;
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return lev__fail(net, LEV_ENOMEM, "%s: out of memory", name);
    char *buf = NULL;
    size_t cap = 0, n = 0;
    lev_status rc = LEV_OK;
    const unsigned char *in = (const unsigned char *)data;
    size_t left = len;
    int zr = Z_OK;
    for (;;) {
        if (n == cap) {
            void *b = buf;
            if ((rc = lev__grow(&net->mem, &b, &cap, cap ? 2 * cap : (len < 4096 ? 16384 : 4 * len), 1))) break;
            buf = b;
        }
        uInt chunk = left > 1u << 30 ? 1u << 30 : (uInt)left;
        z.next_in = (Bytef *)(uintptr_t)in;
        z.avail_in = chunk;
        size_t room = cap - n;
        z.next_out = (Bytef *)buf + n;
        z.avail_out = room > 1u << 30 ? 1u << 30 : (uInt)room;
        uInt ao = z.avail_out;
        zr = inflate(&z, Z_NO_FLUSH);
        n += ao - z.avail_out;
        in += chunk - z.avail_in;
        left -= chunk - z.avail_in;
        if (zr == Z_STREAM_END) {
            /* Concatenated members (gzip a b > c) go on; trailing zero padding ends the input. */
            while (left && *in == 0) in++, left--;
            if (!left) break;
            if (left < 2 || in[0] != 0x1f || in[1] != 0x8b) { zr = Z_DATA_ERROR; z.msg = "trailing bytes after the gzip data"; }
            else if (inflateReset(&z) == Z_OK) continue;
        }
        if (zr == Z_MEM_ERROR) { rc = LEV_ENOMEM; break; }
        if (zr == Z_BUF_ERROR && z.avail_out != 0 && left == 0) { zr = Z_DATA_ERROR; z.msg = "the gzip data end early"; }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            rc = lev__fail(net, LEV_EPARSE, "%s: corrupt gzip data (%s)", name, z.msg ? z.msg : "zlib error");
            break;
        }
    }
    inflateEnd(&z);
    if (rc) {
        lev__free(&net->mem, buf, cap);
        if (rc != LEV_EPARSE) lev__fail(net, rc, "%s: %s while inflating gzip data", name, lev_strerror(rc));
        return rc;
    }
    *out = buf;
    *outlen = n;
    *outcap = cap;
    return LEV_OK;
#endif
}

/* ---- writing ------------------------------------------------------------------------------------ */

static void g_uint(lev__out *o, size_t v) {
    char b[32];
    int n = snprintf(b, sizeof b, "%zu", v);
    lev__out_put(o, b, (size_t)n);
}

/* XML text or attribute value. Control characters other than tab, LF and CR cannot be carried by
 * XML 1.0: checked before writing. */
static void g_xml(lev__out *o, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&': lev__out_str(o, "&amp;"); break;
        case '<': lev__out_str(o, "&lt;"); break;
        case '>': lev__out_str(o, "&gt;"); break;
        case '"': lev__out_str(o, "&quot;"); break;
        case '\t': lev__out_str(o, "&#9;"); break;
        case '\n': lev__out_str(o, "&#10;"); break;
        case '\r': lev__out_str(o, "&#13;"); break;
        default: lev__out_put(o, s, 1);
        }
    }
}

/* The next code point of valid UTF-8 at *s (advances). */
static uint32_t utf8_next(const char **s) {
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t c = p[0];
    size_t k = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (k) c &= 0x3F >> k;
    for (size_t j = 1; j <= k; j++) c = c << 6 | (p[j] & 0x3F);
    *s += k + 1;
    return c;
}

/* GML string body: ASCII printable as is, except & and " (entities); the rest as &#N; (NetworkX
 * reads GML as ASCII). */
static void g_gml(lev__out *o, const char *s) {
    while (*s) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c < 0x7F && c != '&' && c != '"') { lev__out_put(o, s, 1); s++; continue; }
        uint32_t cp = utf8_next(&s);
        char b[16];
        int n = snprintf(b, sizeof b, "&#%u;", (unsigned)cp);
        lev__out_put(o, b, (size_t)n);
    }
}

static void g_json_body(lev__out *o, const char *s) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"') lev__out_str(o, "\\\"");
        else if (c == '\\') lev__out_str(o, "\\\\");
        else if (c == '\n') lev__out_str(o, "\\n");
        else if (c == '\r') lev__out_str(o, "\\r");
        else if (c == '\t') lev__out_str(o, "\\t");
        else if (c < 0x20) {
            char b[8];
            snprintf(b, sizeof b, "\\u%04x", c);
            lev__out_str(o, b);
        } else lev__out_put(o, s, 1);
    }
}

static void g_json(lev__out *o, const char *s) {
    lev__out_put(o, "\"", 1);
    g_json_body(o, s);
    lev__out_put(o, "\"", 1);
}

static void g_dot(lev__out *o, const char *s) {
    lev__out_put(o, "\"", 1);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') { lev__out_put(o, "\\", 1); lev__out_put(o, s, 1); }
        else if (*s == '\n') lev__out_str(o, "\\n");
        else if (*s == '\r') lev__out_str(o, "\\r");
        else lev__out_put(o, s, 1);
    }
    lev__out_put(o, "\"", 1);
}

static void g_jnum(lev__out *o, double v) {
    if (isfinite(v)) lev__out_num(o, v);
    else lev__out_str(o, "null");
}

static void g_xnum(lev__out *o, double v) {
    if (isnan(v)) lev__out_str(o, "NaN");
    else if (isinf(v)) lev__out_str(o, v > 0 ? "INF" : "-INF");
    else lev__out_num(o, v);
}

static int has_ctl(const char *s, int allow_ws) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 && !(allow_ws && (c == '\t' || c == '\n' || c == '\r'))) return 1;
        /* U+FFFE and U+FFFF are no XML characters either */
        if (c == 0xEF && (unsigned char)s[1] == 0xBF && ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF))
            return 1;
    }
    return 0;
}

static const char *group_of(const lev_network *net, uint32_t i) {
    return lev__group_of(net, i) == LEV_NONE ? NULL : net->groups.e[lev__group_of(net, i)].s;
}

static const char *chan_name(const lev_network *net, uint32_t c) {
    return c != LEV_NONE ? net->channels.e[c].s : NULL;
}

static double amount(const lev_network *net, uint32_t r, uint32_t i, int needs) {
    const lev__amounts *a = &net->amounts[r];
    return i < a->len ? a->v[2 * (size_t)i + (size_t)needs] : 0;
}

static int resource_used(const lev_network *net, uint32_t r, int needs) {
    for (uint32_t i = 0; i < net->actors.count; i++)
        if (amount(net, r, i, needs) != 0) return 1;
    return 0;
}

/* Check what a format cannot carry; on failure *why names it. */
static lev_status check_text(const lev_network *net, lev_format fmt, size_t nscores, const char *const *names,
                             char *why) {
    const lev__strtab *tabs[4] = {&net->actors, &net->groups, &net->channels, &net->resources};
    const char *what[4] = {"actor name", "group label", "channel label", "resource name"};
    for (int t = 0; t < 4; t++)
        for (uint32_t i = 0; i < tabs[t]->count; i++) {
            const char *s = tabs[t]->e[i].s;
            if (fmt == LEV_FORMAT_GRAPHML && has_ctl(s, 1)) {
                snprintf(why, LEV_MSG_MAX, "%s \"%s\" holds a control character (or U+FFFE, U+FFFF), which XML cannot carry", what[t], s);
                return LEV_EINVAL;
            }
            if (fmt == LEV_FORMAT_PAJEK && t == 0 && (strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r'))) {
                snprintf(why, LEV_MSG_MAX, "actor name \"%s\" holds a quote or a line break, which Pajek cannot carry", s);
                return LEV_EINVAL;
            }
        }
    for (size_t k = 0; k < nscores; k++) {
        const char *s = names[k];
        if (!s) {
            snprintf(why, LEV_MSG_MAX, "score name %zu is NULL", k);
            return LEV_EMISUSE;
        }
        if (!*s || !lev__utf8_valid(s, strlen(s)) || has_ctl(s, 0)) {
            snprintf(why, LEV_MSG_MAX, "score name %zu is empty, not valid UTF-8 or holds a control character", k);
            return LEV_EINVAL;
        }
        if (!strcmp(s, "id") || !strcmp(s, "group") || !strcmp(s, "name") || !strcmp(s, "label") ||
            !strncmp(s, "holds:", 6) || !strncmp(s, "needs:", 6)) {
            snprintf(why, LEV_MSG_MAX, "score name \"%s\" is taken by the format's own attributes", s);
            return LEV_EINVAL;
        }
        for (size_t j = 0; j < k; j++)
            if (names[j] && !strcmp(names[j], s)) {
                snprintf(why, LEV_MSG_MAX, "score name \"%s\" is given twice", s);
                return LEV_EINVAL;
            }
        if (fmt == LEV_FORMAT_GML) {
            int ok = (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_';
            for (const char *c = s; *c && ok; c++)
                ok = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_';
            if (!ok) {
                snprintf(why, LEV_MSG_MAX, "score name \"%s\" is not a GML key (letters, digits, _; not first a digit)", s);
                return LEV_EINVAL;
            }
        }
    }
    return LEV_OK;
}

static void w_graphml(lev__out *o, const lev_network *net, size_t ns, const char *const *names, const double *sc) {
    size_t n = net->actors.count;
    lev__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
             "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    int groups = 0;
    for (uint32_t i = 0; i < n && !groups; i++) groups = lev__group_of(net, i) != LEV_NONE;
    if (groups) lev__out_str(o, "  <key id=\"group\" for=\"node\" attr.name=\"group\" attr.type=\"string\"/>\n");
    for (uint32_t r = 0; r < net->resources.count; r++)
        for (int k = 0; k < 2; k++) {
            if (!resource_used(net, r, k)) continue;
            lev__out_str(o, k ? "  <key id=\"n" : "  <key id=\"h");
            g_uint(o, r);
            lev__out_str(o, k ? "\" for=\"node\" attr.name=\"needs:" : "\" for=\"node\" attr.name=\"holds:");
            g_xml(o, net->resources.e[r].s);
            lev__out_str(o, "\" attr.type=\"double\"/>\n");
        }
    for (size_t k = 0; k < ns; k++) {
        lev__out_str(o, "  <key id=\"s");
        g_uint(o, k);
        lev__out_str(o, "\" for=\"node\" attr.name=\"");
        g_xml(o, names[k]);
        lev__out_str(o, "\" attr.type=\"double\"/>\n");
    }
    lev__out_str(o, "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    if (lev__has_channels(net)) lev__out_str(o, "  <key id=\"channel\" for=\"edge\" attr.name=\"channel\" attr.type=\"string\"/>\n");
    lev__out_str(o, "  <graph id=\"G\" edgedefault=\"directed\">\n");
    for (uint32_t i = 0; i < n && !o->failed; i++) {
        lev__out_str(o, "    <node id=\"");
        g_xml(o, net->actors.e[i].s);
        lev__out_str(o, "\">");
        if (group_of(net, i)) {
            lev__out_str(o, "<data key=\"group\">");
            g_xml(o, group_of(net, i));
            lev__out_str(o, "</data>");
        }
        for (uint32_t r = 0; r < net->resources.count; r++)
            for (int k = 0; k < 2; k++) {
                double v = amount(net, r, i, k);
                if (v == 0) continue;
                lev__out_str(o, k ? "<data key=\"n" : "<data key=\"h");
                g_uint(o, r);
                lev__out_str(o, "\">");
                lev__out_num(o, v);
                lev__out_str(o, "</data>");
            }
        for (size_t k = 0; k < ns; k++) {
            lev__out_str(o, "<data key=\"s");
            g_uint(o, k);
            lev__out_str(o, "\">");
            g_xnum(o, sc[k * n + i]);
            lev__out_str(o, "</data>");
        }
        lev__out_str(o, "</node>\n");
    }
    for (size_t e = 0; e < net->m && !o->failed; e++) {
        uint32_t es = 0, et = 0, ec = LEV_NONE;
        double ew = 1;
        lev__out_rec(o, net, e, &es, &et, &ew, &ec);
        lev__out_str(o, "    <edge id=\"e");
        g_uint(o, e);
        lev__out_str(o, "\" source=\"");
        g_xml(o, net->actors.e[es].s);
        lev__out_str(o, "\" target=\"");
        g_xml(o, net->actors.e[et].s);
        lev__out_str(o, "\"><data key=\"weight\">");
        lev__out_num(o, ew);
        lev__out_str(o, "</data>");
        if (chan_name(net, ec)) {
            lev__out_str(o, "<data key=\"channel\">");
            g_xml(o, chan_name(net, ec));
            lev__out_str(o, "</data>");
        }
        lev__out_str(o, "</edge>\n");
    }
    lev__out_str(o, "  </graph>\n</graphml>\n");
}

static void w_pajek(lev__out *o, const lev_network *net) {
    lev__out_str(o, "*Vertices ");
    g_uint(o, net->actors.count);
    lev__out_str(o, "\n");
    for (uint32_t i = 0; i < net->actors.count && !o->failed; i++) {
        g_uint(o, (size_t)i + 1);
        lev__out_str(o, " \"");
        lev__out_str(o, net->actors.e[i].s);
        lev__out_str(o, "\"\n");
    }
    /* One *Arcs section; channels are not written: Pajek's relation labels (`*Arcs :1 "kin"`),
     * which the reader takes as channels, stop igraph's Pajek reader. */
    lev__out_str(o, "*Arcs\n");
    for (size_t e = 0; e < net->m && !o->failed; e++) {
        uint32_t es = 0, et = 0, ec = LEV_NONE;
        double ew = 1;
        lev__out_rec(o, net, e, &es, &et, &ew, &ec);
        g_uint(o, (size_t)es + 1);
        lev__out_str(o, " ");
        g_uint(o, (size_t)et + 1);
        lev__out_str(o, " ");
        lev__out_num(o, ew);
        lev__out_str(o, "\n");
    }
}

static void w_gml(lev__out *o, const lev_network *net, size_t ns, const char *const *names, const double *sc) {
    size_t n = net->actors.count;
    lev__out_str(o, "graph [\n  directed 1\n  multigraph 1\n");
    for (uint32_t i = 0; i < n && !o->failed; i++) {
        lev__out_str(o, "  node [\n    id ");
        g_uint(o, i);
        lev__out_str(o, "\n    label \"");
        g_gml(o, net->actors.e[i].s);
        lev__out_str(o, "\"\n");
        if (group_of(net, i)) {
            lev__out_str(o, "    group \"");
            g_gml(o, group_of(net, i));
            lev__out_str(o, "\"\n");
        }
        for (size_t k = 0; k < ns; k++) {
            double v = sc[k * n + i];
            lev__out_str(o, "    ");
            lev__out_str(o, names[k]);
            lev__out_str(o, " ");
            if (isnan(v)) lev__out_str(o, "NAN");
            else if (isinf(v)) lev__out_str(o, v > 0 ? "+INF" : "-INF");
            else {
                char b[40];
                int len = lev__format_double(b, v, o->dp);
                if (!strpbrk(b, ".eEn")) memcpy(b + len, ".0", 3), len += 2; /* a real, not an int */
                lev__out_put(o, b, (size_t)len);
            }
            lev__out_str(o, "\n");
        }
        lev__out_str(o, "  ]\n");
    }
    for (size_t e = 0; e < net->m && !o->failed; e++) {
        uint32_t es = 0, et = 0, ec = LEV_NONE;
        double ew = 1;
        lev__out_rec(o, net, e, &es, &et, &ew, &ec);
        lev__out_str(o, "  edge [\n    source ");
        g_uint(o, es);
        lev__out_str(o, "\n    target ");
        g_uint(o, et);
        lev__out_str(o, "\n    weight ");
        lev__out_num(o, ew);
        lev__out_str(o, "\n");
        if (chan_name(net, ec)) {
            lev__out_str(o, "    channel \"");
            g_gml(o, chan_name(net, ec));
            lev__out_str(o, "\"\n");
        }
        lev__out_str(o, "  ]\n");
    }
    lev__out_str(o, "]\n");
}

static void w_json(lev__out *o, const lev_network *net, size_t ns, const char *const *names, const double *sc) {
    size_t n = net->actors.count;
    lev__out_str(o, "{\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [");
    for (uint32_t i = 0; i < n && !o->failed; i++) {
        lev__out_str(o, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        g_json(o, net->actors.e[i].s);
        if (group_of(net, i)) {
            lev__out_str(o, ", \"group\": ");
            g_json(o, group_of(net, i));
        }
        for (uint32_t r = 0; r < net->resources.count; r++)
            for (int k = 0; k < 2; k++) {
                double v = amount(net, r, i, k);
                if (v == 0) continue;
                lev__out_str(o, k ? ", \"needs:" : ", \"holds:");
                g_json_body(o, net->resources.e[r].s);
                lev__out_str(o, "\": ");
                lev__out_num(o, v);
            }
        for (size_t k = 0; k < ns; k++) {
            lev__out_str(o, ", ");
            g_json(o, names[k]);
            lev__out_str(o, ": ");
            g_jnum(o, sc[k * n + i]);
        }
        lev__out_str(o, "}");
    }
    lev__out_str(o, n ? "\n], \"links\": [" : "], \"links\": [");
    for (size_t e = 0; e < net->m && !o->failed; e++) {
        uint32_t es = 0, et = 0, ec = LEV_NONE;
        double ew = 1;
        lev__out_rec(o, net, e, &es, &et, &ew, &ec);
        lev__out_str(o, e ? ",\n  {\"source\": " : "\n  {\"source\": ");
        g_json(o, net->actors.e[es].s);
        lev__out_str(o, ", \"target\": ");
        g_json(o, net->actors.e[et].s);
        lev__out_str(o, ", \"key\": ");
        g_uint(o, e);
        lev__out_str(o, ", \"weight\": ");
        lev__out_num(o, ew);
        if (chan_name(net, ec)) {
            lev__out_str(o, ", \"channel\": ");
            g_json(o, chan_name(net, ec));
        }
        lev__out_str(o, "}");
    }
    lev__out_str(o, net->m ? "\n]}\n" : "]}\n");
}

/* Ten distinguishable colours (Tableau 10), by group index; grey without a group. */
static const char *const palette[10] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

static void w_dot(lev__out *o, const lev_network *net, size_t ns, const char *const *names, const double *sc) {
    size_t n = net->actors.count;
    double lo = INFINITY, hi = -INFINITY, wmax = 0;
    for (size_t i = 0; ns && i < n; i++)
        if (isfinite(sc[i])) {
            if (sc[i] < lo) lo = sc[i];
            if (sc[i] > hi) hi = sc[i];
        }
    for (size_t e = 0; e < net->m; e++) {
        double ew = 1;
        lev__out_rec(o, net, e, NULL, NULL, &ew, NULL);
        if (ew > wmax) wmax = ew;
    }
    lev__out_str(o, "digraph leverage {\n  graph [overlap=false, outputorder=edgesfirst];\n"
             "  node [shape=circle, style=filled, fixedsize=shape, fontsize=10, fillcolor=\"#cccccc\"];\n"
             "  edge [arrowsize=0.6, color=\"#00000080\"];\n");
    for (uint32_t i = 0; i < n && !o->failed; i++) {
        double size = 0.4;
        if (ns) {
            double v = sc[i];
            size = !isfinite(v) ? 0.25 : hi > lo ? 0.25 + 1.0 * (v - lo) / (hi - lo) : 0.6;
        }
        lev__out_str(o, "  ");
        g_dot(o, net->actors.e[i].s);
        lev__out_str(o, " [width=");
        lev__out_num(o, size);
        lev__out_str(o, ", height=");
        lev__out_num(o, size);
        if (lev__group_of(net, i) != LEV_NONE) {
            lev__out_str(o, ", fillcolor=\"");
            lev__out_str(o, palette[lev__group_of(net, i) % 10]);
            lev__out_str(o, "\"");
        }
        /* The tooltip: name, group and every score, one per line. */
        lev__out_str(o, ", tooltip=\"");
        for (const char *s = net->actors.e[i].s; *s; s++) {
            if (*s == '"' || *s == '\\') lev__out_put(o, "\\", 1);
            lev__out_put(o, s, 1);
        }
        if (group_of(net, i)) {
            lev__out_str(o, " (");
            for (const char *s = group_of(net, i); *s; s++) {
                if (*s == '"' || *s == '\\') lev__out_put(o, "\\", 1);
                lev__out_put(o, s, 1);
            }
            lev__out_str(o, ")");
        }
        for (size_t k = 0; k < ns; k++) {
            lev__out_str(o, "\\n");
            for (const char *s = names[k]; *s; s++) {
                if (*s == '"' || *s == '\\') lev__out_put(o, "\\", 1);
                lev__out_put(o, s, 1);
            }
            lev__out_str(o, " = ");
            g_xnum(o, sc[k * n + i]);
        }
        lev__out_str(o, "\"];\n");
    }
    for (size_t e = 0; e < net->m && !o->failed; e++) {
        uint32_t es = 0, et = 0, ec = LEV_NONE;
        double ew = 1;
        lev__out_rec(o, net, e, &es, &et, &ew, &ec);
        lev__out_str(o, "  ");
        g_dot(o, net->actors.e[es].s);
        lev__out_str(o, " -> ");
        g_dot(o, net->actors.e[et].s);
        lev__out_str(o, " [penwidth=");
        lev__out_num(o, 0.5 + 4.5 * ew / wmax);
        if (chan_name(net, ec)) {
            lev__out_str(o, ", tooltip=");
            g_dot(o, chan_name(net, ec));
        }
        lev__out_str(o, "];\n");
    }
    lev__out_str(o, "}\n");
}

lev_status lev__graph_write(const lev_network *net, lev_format fmt, size_t ns, const char *const *names,
                           const double *sc, lev_write_fn fn, void *ud, const char *who) {
    lev__ctx c = {net, NULL, NULL, 1};
    char why[LEV_MSG_MAX];
    if (ns && (fmt == LEV_FORMAT_PAJEK || !lev__graph_format(fmt)))
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "%s: %s carries no scores", who, format_name(fmt));
    lev_status rc = check_text(net, fmt, ns, names, why);
    if (rc) return lev__ctx_fail(&c, rc, "%s: %s", who, why);
    lev__out *o = lev__alloc(&net->mem, sizeof *o);
    if (!o) return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory", who);
    o->fn = fn;
    o->ud = ud;
    o->n = 0;
    o->failed = 0;
    o->dp = lev__decimal_point();
    switch (fmt) {
    case LEV_FORMAT_GRAPHML: w_graphml(o, net, ns, names, sc); break;
    case LEV_FORMAT_PAJEK: w_pajek(o, net); break;
    case LEV_FORMAT_GML: w_gml(o, net, ns, names, sc); break;
    case LEV_FORMAT_JSON: w_json(o, net, ns, names, sc); break;
    default: w_dot(o, net, ns, names, sc); break;
    }
    lev__out_flush(o);
    int failed = o->failed;
    lev__free(&net->mem, o, sizeof *o);
    if (failed == 2) return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for the edge index", who);
    if (failed) return lev__ctx_fail(&c, LEV_EIO, "%s: the sink stopped the write", who);
    return LEV_OK;
}
