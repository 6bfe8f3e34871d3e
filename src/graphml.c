/*
 * GraphML reader through expat (an optional dependency: without it, lev__graph_read refuses
 * GraphML before this parser is reached). Keys are matched by their attr.name: `name` and
 * `group` on nodes; `holds:RESOURCE` and `needs:RESOURCE` on nodes; `weight` and `channel` on
 * edges. Other keys, and <desc>, <port>, <graph> attributes, are skipped; nested graphs and
 * hyperedges are refused.
 */
#include "graphio.h"

#ifdef LEV_HAVE_EXPAT

#include <expat.h>
#include <stdio.h>
#include <string.h>

enum { K_OTHER, K_NAME, K_GROUP, K_HOLDS, K_NEEDS, K_WEIGHT, K_CHANNEL };

typedef struct gkey {
    int kind;
    int for_edge;   /* 1: the key is for edges; 0: nodes (or all) */
    char *res;      /* K_HOLDS / K_NEEDS: the resource name (owned) */
    char *dflt;     /* the <default> text (owned) or NULL */
} gkey;

typedef struct gx {
    lev__graph *g;
    XML_Parser xp;
    lev__strtab keyids;
    gkey *keys;
    size_t nkeys, kcap;
    int depth_graph;  /* 1 inside the <graph> */
    int in_node, in_edge, in_default;
    uint32_t node;    /* the current node */
    uint32_t key;     /* the key of the current <data> or <default>, LEV_NONE when skipped */
    int in_data;
    /* the current edge */
    uint32_t es, et;
    double ew;
    int ew_set;
    char *ech;
    int ech_set;
    size_t eline, ecol, wline, wcol;
    /* character data of the current <data>/<default> */
    char *text;
    size_t tlen, tcap;
    size_t dline, dcol;
    lev_status rc;
} gx;

static const char *local(const char *name) {
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

static const char *attr(const char **a, const char *name) {
    for (; *a; a += 2)
        if (!strcmp(a[0], name)) return a[1];
    return NULL;
}

static size_t cur_line(gx *x) { return (size_t)XML_GetCurrentLineNumber(x->xp); }
static size_t cur_col(gx *x) { return (size_t)XML_GetCurrentColumnNumber(x->xp) + 1; }

static void stop(gx *x, lev_status rc) {
    if (!x->rc) x->rc = rc;
    XML_StopParser(x->xp, XML_FALSE);
}

static void fail(gx *x, lev_status rc, const char *fmt, const char *arg) {
    lev__graph_err(x->g, cur_line(x), cur_col(x), rc, fmt, arg ? arg : "");
    stop(x, rc);
}

static void add_key(gx *x, const char **a) {
    const char *id = attr(a, "id"), *f = attr(a, "for"), *nm = attr(a, "attr.name");
    if (!id) { fail(x, LEV_EPARSE, "<key> without an id%s", NULL); return; }
    if (lev__strtab_find(&x->keyids, id, strlen(id)) != LEV_NONE) { fail(x, LEV_EEXIST, "key \"%s\" is defined twice", id); return; }
    int for_edge = f && !strcmp(f, "edge");
    int for_node = !f || !strcmp(f, "node") || !strcmp(f, "all");
    gkey k = {K_OTHER, for_edge, NULL, NULL};
    if (nm && for_node && !strcmp(nm, "name")) k.kind = K_NAME;
    else if (nm && for_node && !strcmp(nm, "group")) k.kind = K_GROUP;
    else if (nm && for_node && (!strncmp(nm, "holds:", 6) || !strncmp(nm, "needs:", 6))) {
        k.kind = nm[0] == 'h' ? K_HOLDS : K_NEEDS;
        if (!nm[6]) { fail(x, LEV_EINVAL, "key \"%s\" names no resource after holds: or needs:", id); return; }
        lev_status r = lev__graph_str(x->g, &k.res, nm + 6, strlen(nm + 6), cur_line(x), cur_col(x));
        if (r) { stop(x, r); return; }
    } else if (nm && (for_edge || (f && !strcmp(f, "all"))) && !strcmp(nm, "weight")) k.kind = K_WEIGHT, k.for_edge = 1;
    else if (nm && (for_edge || (f && !strcmp(f, "all"))) && !strcmp(nm, "channel")) k.kind = K_CHANNEL, k.for_edge = 1;
    void *p = x->keys;
    uint32_t idx;
    lev_status rc = lev__grow(x->g->mem, &p, &x->kcap, x->nkeys + 1, sizeof *x->keys);
    x->keys = p;
    if (!rc) rc = lev__strtab_intern(x->g->mem, &x->keyids, id, &idx);
    if (rc) {
        if (k.res) lev__free(x->g->mem, k.res, strlen(k.res) + 1);
        fail(x, rc, "%s", lev_strerror(rc));
        return;
    }
    x->keys[x->nkeys++] = k;
    x->key = idx;
}

static void XMLCALL on_start(void *ud, const char *name, const char **a) {
    gx *x = ud;
    const char *el = local(name);
    if (x->rc) return;
    if (x->in_data || x->in_default) { fail(x, LEV_EPARSE, "element <%s> inside <data> or <default>", el); return; }
    if (!strcmp(el, "key")) {
        x->key = LEV_NONE;
        add_key(x, a);
    } else if (!strcmp(el, "default")) {
        if (x->key == LEV_NONE) { fail(x, LEV_EPARSE, "<default> outside a <key>%s", NULL); return; }
        x->in_default = 1;
        x->tlen = 0;
        x->dline = cur_line(x), x->dcol = cur_col(x);
    } else if (!strcmp(el, "graph")) {
        if (x->depth_graph) { fail(x, LEV_EUNSUPPORTED, "nested graphs are not read%s", NULL); return; }
        x->depth_graph = 1;
    } else if (!strcmp(el, "node")) {
        if (!x->depth_graph) { fail(x, LEV_EPARSE, "<node> outside a <graph>%s", NULL); return; }
        const char *id = attr(a, "id");
        if (!id) { fail(x, LEV_EPARSE, "<node> without an id%s", NULL); return; }
        lev_status r = lev__graph_node(x->g, id, strlen(id), cur_line(x), cur_col(x), &x->node);
        if (r) { stop(x, r); return; }
        x->in_node = 1;
    } else if (!strcmp(el, "edge")) {
        if (!x->depth_graph) { fail(x, LEV_EPARSE, "<edge> outside a <graph>%s", NULL); return; }
        const char *s = attr(a, "source"), *t = attr(a, "target");
        if (!s || !t) { fail(x, LEV_EPARSE, "<edge> without a %s", s ? "target" : "source"); return; }
        x->eline = x->wline = cur_line(x);
        x->ecol = x->wcol = cur_col(x);
        lev_status r = lev__graph_ref(x->g, s, strlen(s), x->eline, x->ecol, &x->es);
        if (!r) r = lev__graph_ref(x->g, t, strlen(t), x->eline, x->ecol, &x->et);
        if (r) { stop(x, r); return; }
        x->ew_set = 0;
        x->ech_set = 0;
        x->in_edge = 1;
    } else if (!strcmp(el, "data")) {
        const char *k = attr(a, "key");
        if (!k) { fail(x, LEV_EPARSE, "<data> without a key%s", NULL); return; }
        x->key = lev__strtab_find(&x->keyids, k, strlen(k));
        if (x->key == LEV_NONE) { fail(x, LEV_ENOTFOUND, "<data> names key \"%s\", which no <key> defines", k); return; }
        x->in_data = 1;
        x->tlen = 0;
        x->dline = cur_line(x), x->dcol = cur_col(x);
    } else if (!strcmp(el, "hyperedge")) {
        fail(x, LEV_EUNSUPPORTED, "hyperedges are not read%s", NULL);
    }
}

static void XMLCALL on_text(void *ud, const char *s, int len) {
    gx *x = ud;
    if (x->rc || !(x->in_data || x->in_default) || len <= 0) return;
    void *p = x->text;
    lev_status rc = lev__grow(x->g->mem, &p, &x->tcap, x->tlen + (size_t)len + 1, 1);
    x->text = p;
    if (rc) { fail(x, rc, "%s", lev_strerror(rc)); return; }
    memcpy(x->text + x->tlen, s, (size_t)len);
    x->tlen += (size_t)len;
}

/* Apply a value (data or default) of key k to the current node or edge. */
static lev_status apply(gx *x, const gkey *k, const char *v, size_t vl, size_t line, size_t col, int edge) {
    lev__graph *g = x->g;
    if (k->kind == K_OTHER || k->for_edge != edge) return LEV_OK;
    switch (k->kind) {
    case K_NAME:
        if (!vl) return lev__graph_err(g, line, col, LEV_EINVAL, "node name is empty");
        return lev__graph_str(g, &g->nodes[x->node].name, v, vl, line, col);
    case K_GROUP:
        return vl ? lev__graph_str(g, &g->nodes[x->node].group, v, vl, line, col) : LEV_OK;
    case K_HOLDS:
    case K_NEEDS: {
        double d;
        lev_status rc = lev__graph_number(g, v, vl, k->kind == K_HOLDS ? "amount held" : "amount needed", 0, line, col, &d);
        return rc ? rc : lev__graph_amount(g, x->node, k->res, strlen(k->res), d, k->kind == K_NEEDS, line, col);
    }
    case K_WEIGHT:
        x->ew_set = 1;
        x->wline = line, x->wcol = col;
        return lev__graph_number(g, v, vl, "strength", 1, line, col, &x->ew);
    default: /* K_CHANNEL */
        x->ech_set = 1;
        if (x->ech) lev__free(g->mem, x->ech, strlen(x->ech) + 1), x->ech = NULL;
        return vl ? lev__graph_str(g, &x->ech, v, vl, line, col) : LEV_OK;
    }
}

/* At the end of a node or edge: defaults of the keys it gave no data for. Only weight, group and
 * channel defaults apply (a default name or amount would give every node the same one). */
static lev_status defaults(gx *x, int edge) {
    for (size_t i = 0; i < x->nkeys; i++) {
        const gkey *k = &x->keys[i];
        if (!k->dflt || k->for_edge != edge) continue;
        if (edge && k->kind == K_WEIGHT && !x->ew_set) {
            lev_status rc = apply(x, k, k->dflt, strlen(k->dflt), x->eline, x->ecol, 1);
            if (rc) return rc;
        }
        if (edge && k->kind == K_CHANNEL && !x->ech_set) {
            lev_status rc = apply(x, k, k->dflt, strlen(k->dflt), x->eline, x->ecol, 1);
            if (rc) return rc;
        }
        if (!edge && k->kind == K_GROUP && !x->g->nodes[x->node].group) {
            lev_status rc = apply(x, k, k->dflt, strlen(k->dflt), x->g->nodes[x->node].line, x->g->nodes[x->node].col, 0);
            if (rc) return rc;
        }
    }
    return LEV_OK;
}

static void XMLCALL on_end(void *ud, const char *name) {
    gx *x = ud;
    const char *el = local(name);
    if (x->rc) return;
    lev_status rc = LEV_OK;
    if (!strcmp(el, "data") && x->in_data) {
        x->in_data = 0;
        if (x->in_edge) rc = apply(x, &x->keys[x->key], x->text ? x->text : "", x->tlen, x->dline, x->dcol, 1);
        else if (x->in_node) rc = apply(x, &x->keys[x->key], x->text ? x->text : "", x->tlen, x->dline, x->dcol, 0);
        x->key = LEV_NONE;
    } else if (!strcmp(el, "default") && x->in_default) {
        x->in_default = 0;
        gkey *k = &x->keys[x->key];
        if (k->dflt) lev__free(x->g->mem, k->dflt, strlen(k->dflt) + 1), k->dflt = NULL;
        rc = lev__graph_str(x->g, &k->dflt, x->text ? x->text : "", x->tlen, x->dline, x->dcol);
    } else if (!strcmp(el, "node") && x->in_node) {
        x->in_node = 0;
        rc = defaults(x, 0);
    } else if (!strcmp(el, "edge") && x->in_edge) {
        x->in_edge = 0;
        if (!x->ew_set) x->ew = 1;
        rc = defaults(x, 1);
        if (!rc) rc = lev__graph_edge(x->g, x->es, x->et, x->ew, x->ech, x->ech ? strlen(x->ech) : 0, x->wline, x->wcol);
        if (x->ech) lev__free(x->g->mem, x->ech, strlen(x->ech) + 1), x->ech = NULL;
    } else if (!strcmp(el, "graph")) {
        x->depth_graph = 0;
    } else if (!strcmp(el, "key")) {
        x->key = LEV_NONE; /* a <default> after the </key> belongs to no key */
    }
    if (rc) stop(x, rc);
}

static void *XMLCALL mm_malloc(size_t n);
static void *XMLCALL mm_realloc(void *p, size_t n);
static void XMLCALL mm_free(void *p);

/* expat's memory suite has no user data: the allocator travels in a thread-local pointer set for
 * the parse (one parse per thread at a time). */
static _Thread_local const lev__mem *mm_cur;
static void *XMLCALL mm_malloc(size_t n) { return lev__sized_alloc(mm_cur, n); }
static void *XMLCALL mm_realloc(void *p, size_t n) { return lev__sized_realloc(mm_cur, p, n); }
static void XMLCALL mm_free(void *p) { lev__sized_free(mm_cur, p); }

lev_status lev__parse_graphml(lev__graph *g, const char *s, size_t len) {
    const lev__mem *saved = mm_cur;
    mm_cur = g->mem;
    XML_Memory_Handling_Suite mm = {mm_malloc, mm_realloc, mm_free};
    gx x;
    memset(&x, 0, sizeof x);
    x.g = g;
    x.key = LEV_NONE;
    x.xp = XML_ParserCreate_MM(NULL, &mm, " ");
    if (!x.xp) {
        mm_cur = saved;
        return lev__graph_err(g, 1, 1, LEV_ENOMEM, "out of memory");
    }
    XML_SetUserData(x.xp, &x);
    XML_SetElementHandler(x.xp, on_start, on_end);
    XML_SetCharacterDataHandler(x.xp, on_text);
    lev_status rc = LEV_OK;
    int seen_root = 0;
    size_t off = 0;
    do { /* expat takes an int length: feed it in pieces */
        size_t k = len - off > (1u << 30) ? (1u << 30) : len - off;
        int final = off + k == len;
        if (XML_Parse(x.xp, s + off, (int)k, final) == XML_STATUS_ERROR) {
            enum XML_Error e = XML_GetErrorCode(x.xp);
            if (x.rc) rc = x.rc;
            else if (e == XML_ERROR_NO_MEMORY) rc = lev__graph_err(g, cur_line(&x), cur_col(&x), LEV_ENOMEM, "out of memory");
            else
                rc = lev__graph_err(g, cur_line(&x), cur_col(&x), LEV_EPARSE, "XML: %s", XML_ErrorString(e));
            break;
        }
        off += k;
    } while (off < len);
    if (!rc && x.rc) rc = x.rc;
    seen_root = !rc;
    if (!rc && len == 0) rc = lev__graph_err(g, 1, 1, LEV_EPARSE, "XML: no element found");
    (void)seen_root;
    XML_ParserFree(x.xp);
    mm_cur = saved;
    for (size_t i = 0; i < x.nkeys; i++) {
        if (x.keys[i].res) lev__free(g->mem, x.keys[i].res, strlen(x.keys[i].res) + 1);
        if (x.keys[i].dflt) lev__free(g->mem, x.keys[i].dflt, strlen(x.keys[i].dflt) + 1);
    }
    lev__free(g->mem, x.keys, x.kcap * sizeof *x.keys);
    lev__strtab_free(g->mem, &x.keyids);
    lev__free(g->mem, x.text, x.tcap);
    if (x.ech) lev__free(g->mem, x.ech, strlen(x.ech) + 1);
    return rc;
}

#else

lev_status lev__parse_graphml(lev__graph *g, const char *s, size_t len) {
    (void)s, (void)len;
    return lev__graph_err(g, 1, 1, LEV_EUNSUPPORTED, "libleverage was built without GraphML support (expat)");
}

#endif
