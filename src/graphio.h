/*
 * Graph interchange formats (GraphML, Pajek, GML read; those and JSON node-link and DOT write):
 * what the readers share. Each reader parses its text into a staged graph (lev__graph: nodes by
 * id, edges between node indices, amounts), with the line and column of every item; then
 * lev__graph_commit adds it to the network in one step, which the caller rolls back on failure.
 * So every reader is all or nothing, as the CSV readers are, and none touches the network while
 * it parses.
 */
#ifndef LEV_GRAPHIO_H
#define LEV_GRAPHIO_H

#include "internal.h"

typedef struct lev__gnode {
    char *name;     /* owned, or NULL: the id names the actor */
    char *group;    /* owned, or NULL: no group given */
    size_t line, col;
    int declared;   /* 0: only referred to by an edge so far */
} lev__gnode;

typedef struct lev__gedge {
    uint32_t s, t;  /* node indices */
    double w;
    char *channel;  /* owned, or NULL */
    size_t line, col;
} lev__gedge;

typedef struct lev__gamount {
    uint32_t node;
    char *resource; /* owned */
    double v;
    int needs;      /* 0: holds, 1: needs */
    size_t line, col;
} lev__gamount;

typedef struct lev__graph {
    const lev__mem *mem;
    lev__strtab ids;
    lev__gnode *nodes;
    size_t nn, ncap;
    lev__gedge *edges;
    size_t ne, ecap;
    lev__gamount *amts;
    size_t na, acap;
    const char *dp;
    char why[LEV_MSG_MAX];
    size_t err_line, err_col;
} lev__graph;

void lev__graph_init(lev__graph *g, const lev__mem *m);
void lev__graph_free(lev__graph *g);
/* Record the first error (line, column, reason) and return rc. */
lev_status lev__graph_err(lev__graph *g, size_t line, size_t col, lev_status rc, const char *fmt, ...)
    LEV_PRINTF(5, 6);
/* The node with this id, created undeclared (an edge's reference) when absent. */
lev_status lev__graph_ref(lev__graph *g, const char *id, size_t len, size_t line, size_t col, uint32_t *idx);
/* Declare the node with this id: an error (LEV_EEXIST) when it was declared before. */
lev_status lev__graph_node(lev__graph *g, const char *id, size_t len, size_t line, size_t col, uint32_t *idx);
/* Set *slot to an owned copy of s[0..len) (NULL for len 0 when empty_is_none). */
lev_status lev__graph_str(lev__graph *g, char **slot, const char *s, size_t len, size_t line, size_t col);
lev_status lev__graph_edge(lev__graph *g, uint32_t s, uint32_t t, double w, const char *channel, size_t chlen,
                          size_t line, size_t col);
lev_status lev__graph_amount(lev__graph *g, uint32_t node, const char *res, size_t rlen, double v, int needs,
                            size_t line, size_t col);
/* A number (decimal, C locale, no inf/nan): 0, or an error naming `what`. positive: > 0, else >= 0. */
lev_status lev__graph_number(lev__graph *g, const char *s, size_t len, const char *what, int positive,
                            size_t line, size_t col, double *out);
/* Add the staged graph to net. On failure (g->why set) the caller rolls net back to its mark. */
lev_status lev__graph_commit(lev__graph *g, lev_network *net, uint32_t first_new);

/* The parsers: fill g from text; errors through lev__graph_err. */
lev_status lev__parse_pajek(lev__graph *g, const char *s, size_t len);
lev_status lev__parse_gml(lev__graph *g, const char *s, size_t len);
lev_status lev__parse_graphml(lev__graph *g, const char *s, size_t len);

/* Allocations for expat and zlib, which free without a size: a header remembers it. */
void *lev__sized_alloc(const lev__mem *m, size_t n);
void *lev__sized_realloc(const lev__mem *m, void *p, size_t n);
void lev__sized_free(const lev__mem *m, void *p);

/* For csv.c's lev_read_buffer and lev_write: the formats of this family. */
int lev__graph_format(lev_format fmt);  /* 1 for GraphML, Pajek, GML, JSON, DOT */
lev_status lev__graph_read(lev_network *net, lev_format fmt, const char *data, size_t len, const char *name);
/* gzip: 1 when data starts with the gzip magic bytes. */
int lev__is_gzip(const char *data, size_t len);
/* Inflate into a buffer from net's allocator (*out, *outcap to free with lev__free). */
lev_status lev__gunzip(lev_network *net, const char *data, size_t len, const char *name, char **out, size_t *outlen,
                      size_t *outcap);
lev_status lev__graph_write(const lev_network *net, lev_format fmt, size_t nscores, const char *const *names,
                           const double *scores, lev_write_fn fn, void *ud, const char *who);

#endif
