/*
 * Internal declarations shared by the library's source files. Nothing here is public:
 * internal names start with lev__ and are hidden by -fvisibility=hidden.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* pthread mutexes, strerror */
#endif
#ifndef LEV_INTERNAL_H
#define LEV_INTERNAL_H

#include "leverage.h"
#include "wts.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>

#ifdef _OPENMP
#include <omp.h>
#endif

/* The calling OpenMP thread's number in its team (0 outside a parallel region or without
 * OpenMP). */
static inline int lev__thread_num(void) {
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

/* Ask the cache for the line holding *p (a hint; nothing without GCC/Clang builtins). */
#if defined(__GNUC__)
#  define LEV__PREFETCH(p) __builtin_prefetch(p)
#else
#  define LEV__PREFETCH(p) ((void)0)
#endif

#define LEV_TRY(e) do { if ((rc = (e)) != LEV_OK) goto fail; } while (0)

#if defined(__GNUC__)
#  define LEV_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define LEV_PRINTF(a, b)
#endif

#define LEV_MSG_MAX 512

/* ---- memory: every byte goes through the network's allocator ---------------------------- */

typedef struct lev__mem {
    lev_alloc_fn f;
    void *ud;
} lev__mem;

void *lev__alloc(const lev__mem *m, size_t n);                     /* NULL on failure or n == 0 */
void *lev__alloc_array(const lev__mem *m, size_t count, size_t size); /* overflow-checked */
void lev__free(const lev__mem *m, void *p, size_t n);
/* Grow *arr (capacity *cap elements of size `size`) to hold at least `need`; doubles. */
lev_status lev__grow(const lev__mem *m, void **arr, size_t *cap, size_t need, size_t size);
char *lev__strdup(const lev__mem *m, const char *s, size_t *len_out);

/* ---- strings ------------------------------------------------------------------------------ */

int lev__utf8_valid(const char *s, size_t len);

/* An interning table: strings numbered 0..count-1 in order of insertion, with a hash index.
 * Strings hold no NUL byte (every reader rejects one, and the API takes C strings), so a length is
 * strlen() and an entry is one pointer: 8 bytes an entry, not 16 (0.5 B/tie at R-MAT scale 20). */
typedef struct lev__strent {
    char *s; /* copy in the table's arena, NUL-terminated; never moves while in the table */
} lev__strent;

/* One slot of the index. A string of at most 7 bytes is held in the slot itself, so that looking
 * it up reads one cache line; a longer one is compared only when its 32-bit hash tag matches.
 * Lookups are exact for any bytes: a string found is equal to the one looked up. */
typedef struct lev__strslot {
    uint32_t i1;    /* index + 1, 0 = empty */
    uint32_t tag;   /* lev__strtab_tag of the string */
    uint64_t key;   /* up to 7 bytes: the bytes, little-endian, zero-padded, length in the top
                     * byte; longer: the address of the entry's copy */
} lev__strslot;

/* Strings are packed in chunks (8 bytes for a 7-byte name, where a malloc'ed copy costs 32),
 * newest first; strings are added and dropped in order, so dropping the last ones gives back
 * the end of the arena. */
typedef struct lev__chunk {
    struct lev__chunk *prev;
    size_t size, used;
    char data[];
} lev__chunk;

typedef struct lev__strtab {
    lev__chunk *arena;
    lev__strent *e;
    uint32_t count, cap;
    lev__strslot *slot; /* open addressing, linear probing from the tag's home slot */
    size_t nslot;       /* power of two, > count * 4 / 3 */
} lev__strtab;

void lev__strtab_free(const lev__mem *m, lev__strtab *t);
/* The hash tag of a string (bit 0 set for strings longer than 7 bytes). */
uint32_t lev__strtab_tag(const char *s, size_t len);
uint32_t lev__strtab_find(const lev__strtab *t, const char *s, size_t len); /* LEV_NONE if absent */
/* lev__strtab_find with tag = lev__strtab_tag(s, len) already computed. */
uint32_t lev__strtab_find_tag(const lev__strtab *t, const char *s, size_t len, uint32_t tag);
/* Ask the cache for the slot where a lookup of tag starts (a hint; does nothing without slots). */
static inline void lev__strtab_prefetch(const lev__strtab *t, uint32_t tag) {
    if (t->nslot) LEV__PREFETCH(&t->slot[(tag >> 1) & (t->nslot - 1)]);
}
/* Give back the entries' room beyond count (after a file is read); cannot fail. */
void lev__strtab_trim(const lev__mem *m, lev__strtab *t);
/* Make room for `extra` more strings so that lev__strtab_push cannot fail for them. */
lev_status lev__strtab_reserve(const lev__mem *m, lev__strtab *t, size_t extra);
/* A NUL-terminated copy of s[0..len) in t's arena, for lev__strtab_push next; NULL when out of
 * memory. s[0..len) must hold no NUL byte. */
char *lev__strtab_copy(const lev__mem *m, lev__strtab *t, const char *s, size_t len);
/* Insert the copy lev__strtab_copy just made (after reserve). Cannot fail. Returns the new index. */
uint32_t lev__strtab_push(lev__strtab *t, char *copy, size_t len);
/* Drop strings count..end, freeing them, and rebuild the index; cannot fail. */
void lev__strtab_truncate(const lev__mem *m, lev__strtab *t, uint32_t count);
/* Find, or copy and insert; *idx receives the index. */
lev_status lev__strtab_intern(const lev__mem *m, lev__strtab *t, const char *s, uint32_t *idx);

/* ---- the compact form ---------------------------------------------------------------------- */

/* CSR in both directions. Rows of `out` are sorted by target, rows of `in` by source; parallel
 * edges and self-loops are kept, in record order within a row. 4 + 4 bytes per edge per direction
 * (id + float strength): 16 bytes per edge for both, plus 16 bytes per actor of offsets. It is also
 * the model's storage of the edges (see struct lev_network): there is no second copy.
 *
 * Coded strengths: when the compacted strengths take at most LEV__PAL distinct float values
 * (counts to 256 take at most 256), each direction may hold a one-byte code per edge instead of
 * the float (w NULL, c set): the strength is pal[c[k]], the same float to the bit. 4 + 1 bytes
 * per edge per direction: 10 for both. With one value only (an unweighted network), no codes
 * either (w and c NULL, the strength pal[0]): 8 for both. Read strengths through lev__ow /
 * lev__iw or a lev__wts, never out_w / in_w directly, except in a CSR one built itself with
 * floats (bypass, the MPI kernels). code_strengths (compact.c) makes the codes. */
#define LEV__PAL 256
typedef struct lev__csr {
    uint32_t n;
    size_t m;
    size_t *out_off, *in_off;   /* n + 1 each */
    uint32_t *out_adj, *in_adj; /* m each */
    float *out_w, *in_w;        /* m each, or NULL where that direction is coded */
    uint8_t *out_c, *in_c;      /* m each where coded (NULL with one value only), else NULL */
    float *pal;                 /* LEV__PAL entries when some direction is coded, else NULL */
} lev__csr;

/* The strengths of one direction of a CSR, however they are stored (lev__wts: wts.h). */
static inline lev__wts lev__wts_out(const lev__csr *g) {
    lev__wts s = {g->out_w, g->out_c, g->pal};
    return s;
}
static inline lev__wts lev__wts_in(const lev__csr *g) {
    lev__wts s = {g->in_w, g->in_c, g->pal};
    return s;
}
/* Strength of out position k, of in position k. */
static inline float lev__ow(const lev__csr *g, size_t k) { return lev__wt(lev__wts_out(g), k); }
static inline float lev__iw(const lev__csr *g, size_t k) { return lev__wt(lev__wts_in(g), k); }

/* ---- the network ---------------------------------------------------------------------------- */

typedef struct lev__amounts {
    double *v;    /* 2 * len entries: v[2i] holds, v[2i + 1] needs of actor i */
    size_t len;   /* actors past len hold and need 0 */
} lev__amounts;

/* The edges live in one place. Records (edges, numbered 0, 1, ... in order of addition) up to
 * csr.m are stored in the compact form itself, by out position: out_adj/out_w (and in_adj/in_w,
 * the same edges by target), with companions aligned to out positions where needed: the exact
 * strength when some strength is not a float (out_x), the channel (out_chan), and the record
 * number of each position (order) unless positions are in record order. Records from csr.m to
 * m were added since, and wait in the pending arrays (esrc, etgt, ewf or ew, echan; pending
 * record i is record csr.m + i) until the next analysis compacts them (lev__compact). The
 * inverse of order (rpos: record -> position) is built only when a record is asked for by
 * number (lev_edge_get, the writers). 16 bytes per edge compacted with float strengths (10 coded)
 * (+4 when order is kept, +8 with double strengths, +4 with channels); 12 per pending edge. */
struct lev_network {
    lev__mem mem;
    lev__mem user;              /* the caller's allocator, which mem wraps to count bytes */
    _Atomic size_t held;        /* bytes allocated through mem and not freed */
    lev__strtab actors, groups, channels, resources;
    uint32_t *actor_group; /* group id or LEV_NONE; capacity gcap. NULL (gcap 0) until some actor
                            * is given a group: read it through lev__group_of */
    lev__amounts *amounts; /* capacity acap */
    size_t acap;
    size_t m;                   /* records */
    /* Pending records. Strengths exactly as given: in single precision while every one is
     * exactly a float (integers to 2^24, halves, ...), in double from the first one that is not
     * (ew, which then stays). echan: NULL until a pending edge has a channel. */
    uint32_t *esrc, *etgt;      /* capacities scap, tcap */
    float *ewf;
    double *ew;                 /* capacity wcap (whichever is in use) */
    uint32_t *echan;            /* capacity ccap */
    size_t scap, tcap, wcap, ccap, gcap;
    /* Companions of the compact form, csr.m entries each, by out position. */
    double *out_x;              /* exact strengths; NULL when every compacted strength is a float */
    uint32_t *out_chan;         /* channel or LEV_NONE; NULL when no compacted edge has one */
    uint32_t *order32;          /* record of each position (csr.m <= UINT32_MAX) ... */
    size_t *order64;            /* ... or wider; both NULL: position k holds record k */
    uint32_t *rpos32;           /* position of each record, built when asked; same width */
    size_t *rpos64;
    atomic_int rpos_ready;      /* 1 when rpos matches order (or order is NULL) */
    lev_status errcode;
    char errmsg[LEV_MSG_MAX];
    pthread_mutex_t lock;            /* guards compaction, rpos and NULL-params messages */
    atomic_int csr_ready;       /* 1 when csr holds every record and every actor */
    lev__csr csr;
};

/* The group of actor i, or LEV_NONE. */
static inline uint32_t lev__group_of(const lev_network *net, uint32_t i) {
    return net->actor_group ? net->actor_group[i] : LEV_NONE;
}
/* Make actor_group hold every actor (LEV_NONE for those without a group) and room for `extra`
 * more, so that setting a group cannot fail. */
lev_status lev__groups_make(lev_network *net, size_t extra);
/* Give back the room the tables of names and groups hold beyond their count: a reader calls it
 * after a file is read (doubling leaves up to half unused). Cannot fail. */
void lev__network_trim(lev_network *net);

/* The record at out position k of the compact form. */
static inline size_t lev__order(const lev_network *net, size_t k) {
    return net->order32 ? net->order32[k] : net->order64 ? net->order64[k] : k;
}
/* The exact strength at out position k. */
static inline double lev__pos_w(const lev_network *net, size_t k) {
    return net->out_x ? net->out_x[k] : (double)lev__ow(&net->csr, k);
}
/* Whether some strength of the model is not exactly a float (the lengths then come from the
 * exact values: see paths.c). */
static inline int lev__exact_strengths(const lev_network *net) { return net->out_x != NULL || net->ew != NULL; }

/* Whether some edge has a channel. */
static inline int lev__has_channels(const lev_network *net) { return net->out_chan != NULL || net->echan != NULL; }
/* Build rpos if it is missing (the caller holds net->lock). LEV_ENOMEM leaves it missing. */
lev_status lev__rpos_build(lev_network *net);
/* Records e0 .. e0 + count - 1 by number, into caller arrays (each may be NULL): source, target,
 * exact strength, channel (LEV_NONE for none). Safe beside read-only calls that compact (reads
 * under the lock unless the compact form is current and indexed). Builds the record index when
 * it is missing: LEV_ENOMEM, with nothing written. O(count log V). */
lev_status lev__recs_read(const lev_network *net, size_t e0, size_t count, uint32_t *s, uint32_t *t, double *w,
                          uint32_t *chan);
/* Free the compact form and its companions (the edges it holds are gone: for lev_network_free
 * and for rebuilding after they were copied out). */
void lev__compact_free(lev_network *net);
/* Bring the compact form up to date with the model (under the lock). threads: how many may work;
 * the result is the same for any number. Failure leaves the model's records intact. */
lev_status lev__compact(lev_network *net, int threads);

/* A mark of the network's sizes; rolling back to it undoes additions made since. */
typedef struct lev__mark {
    uint32_t actors, groups, channels, resources;
    size_t m;
    int had_channels; /* echan existed */
    int had_groups;   /* actor_group existed */
} lev__mark;

lev__mark lev__mark_get(const lev_network *net);
void lev__rollback(lev_network *net, lev__mark mk); /* cannot fail */
void lev__invalidate(lev_network *net);              /* the model changed */

/* Record a failure on the network and return rc. */
lev_status lev__fail(lev_network *net, lev_status rc, const char *fmt, ...) LEV_PRINTF(3, 4);
void lev__vformat(char *buf, size_t cap, const char *fmt, va_list ap);

/* Internal actor add without message formatting policy: validates name, returns rc and writes
 * the reason into why[LEV_MSG_MAX] on failure. Does not record on net. */
lev_status lev__actor_add(lev_network *net, const char *name, uint32_t group, uint32_t *idx, char *why);
lev_status lev__edge_add(lev_network *net, uint32_t s, uint32_t t, double w, uint32_t chan, char *why);
lev_status lev__edges_reserve(lev_network *net, size_t extra);
lev_status lev__amounts_reserve(lev_network *net, uint32_t r);

/* Bytes of an edges CSV file read and parsed at a time by lev_read_file (4 MiB). */
extern size_t lev__stream_block;

/* ---- writers: one buffered sink for every format (csv.c, graphio.c) --------------------------- */

/* Bytes go to fn in blocks of 16 KiB; after the first refusal nothing more is sent and `failed`
 * stays 1. dp: the decimal point numbers are written with (lev__format_double). */
typedef struct lev__out {
    lev_write_fn fn;
    void *ud;
    char b[16384];
    size_t n;
    int failed;  /* 1: the sink refused; 2: out of memory (the edge index) */
    const char *dp;
} lev__out;

void lev__out_flush(lev__out *o);
/* Record e for a writer (lev__recs_read); out of memory for the edge index stops the writer with
 * failed = 2. */
static inline void lev__out_rec(lev__out *o, const lev_network *net, size_t e, uint32_t *s, uint32_t *t, double *w,
                                uint32_t *chan) {
    if (!o->failed && lev__recs_read(net, e, 1, s, t, w, chan)) o->failed = 2;
}
void lev__out_put(lev__out *o, const char *s, size_t len);
void lev__out_num(lev__out *o, double v); /* shortest text that reads back as v */
static inline void lev__out_str(lev__out *o, const char *s) { lev__out_put(o, s, strlen(s)); }

/* ---- analysis context -------------------------------------------------------------------- */

/* Option storage: one slot per known key. */
#define LEV__NPARAM 46 /* rows of the table in params.c, in increasing key order */
struct lev_params {
    lev__mem mem; /* its own block, and the scratch of the calls without a network given it */
    double v[LEV__NPARAM];
    lev_progress_fn progress;
    void *progress_ud;
    lev_status errcode;
    char errmsg[LEV_MSG_MAX];
};

int lev__param_slot(lev_param key); /* -1 if unknown */
/* The allocator of calls that have no network: p's (lev_params_new_with_alloc; lev_params_new
 * gives the C library's), or the C library's when p is NULL. */
const lev__mem *lev__params_mem(const lev_params *p);
double lev__param(const lev_params *p, lev_param key);

/* A per-call context: where messages go, and the compact form to read. */
typedef struct lev__ctx {
    const lev_network *net;
    lev_params *p;
    const lev__csr *g;
    int threads;
} lev__ctx;

/* Threads for a pass over `items` units of work: at most the context's LEV_P_THREADS, the
 * processors and one per `grain` units (so per-thread scratch is never allocated for threads
 * that could not help); at least 1. */
static inline int lev__cap_threads(const lev__ctx *c, size_t items, size_t grain) {
    size_t t = (size_t)c->threads, most = items / grain + 1;
#ifdef _OPENMP
    size_t procs = (size_t)omp_get_num_procs();
    if (t > procs) t = procs;
#endif
    if (t > most) t = most;
    return t < 1 ? 1 : (int)t;
}

/* The first half of lev__ctx_begin: the network's check and the thread count, no compact form. */
lev_status lev__ctx_open(lev__ctx *c, const lev_network *net, lev_params *p, const char *what);
/* Check net, p and the required output `out`, then build the compact form if needed. On failure
 * records the message (on p, else on net). */
lev_status lev__ctx_begin(lev__ctx *c, const lev_network *net, lev_params *p, const char *what, const void *out);
lev_status lev__ctx_fail(const lev__ctx *c, lev_status rc, const char *fmt, ...) LEV_PRINTF(3, 4);
/* The answer of a cap/len call that needs `need` entries where it has room for cap < need:
 * *len = need, LEV_ERANGE. A length query (cap 0) is no failure and records nothing (the
 * params' or network's code and message stay as they were); a buffer too small (cap > 0)
 * records "<what>: <need> <unit> do not fit in cap <cap>". */
lev_status lev__ctx_erange(const lev__ctx *c, const char *what, const char *unit, size_t need, size_t cap,
                          size_t *len);
/* Report progress; returns LEV_ECANCELLED (recorded) when the callback asks to stop. */
lev_status lev__ctx_progress(const lev__ctx *c, double done, const char *what);
/* Progress of an iteration `it` of at most max_iter from its change err and tolerance tol, in
 * [0, 1]: log(err)/log(tol), 1 once err ≤ tol (it/max_iter when tol is 0). */
double lev__iter_progress(double err, double tol, long it, long max_iter);
void *lev__ctx_alloc(const lev__ctx *c, size_t count, size_t size);
void lev__ctx_free(const lev__ctx *c, void *ptr, size_t count, size_t size);

void lev__csr_free(const lev__mem *m, lev__csr *g);

/* ---- the folded view: one row per actor, its distinct neighbours, no self-loops ------------------ */

/* Which rows of the compact form a view reads (values as LEV_DIR_OUT / LEV_DIR_IN / LEV_DIR_ALL). */
enum { LEV__VIEW_OUT = 1, LEV__VIEW_IN = 2, LEV__VIEW_BOTH = 3 };
/* What a neighbour's weight is, over the edges between v and it in the rows read: their number,
 * their summed strength (one accumulator, out-row entries then in-row entries, each in row
 * order: the same bits every time), or the strongest (exact: a float). */
enum { LEV__FOLD_COUNT = 0, LEV__FOLD_SUM = 1, LEV__FOLD_MAX = 2 };
/* Views of at least this many actors are built by all the call's threads. */
#define LEV__VIEW_PARALLEL 4096

/* Row v of a folded view: the distinct neighbours u != v in the rows `dir` reads, ascending, into
 * adj (NULL: only count) with their weights into w (may be NULL); *loops (may be NULL) receives
 * the weight of v's self-loops folded the same way (a loop is in both rows: counted twice when
 * both are read). Returns the number of neighbours. Reads only; O(row lengths). */
size_t lev__fold_row(const lev__csr *g, uint32_t v, int dir, int how, uint32_t *adj, double *w, double *loops);

/* A folded view in CSR form: row v is adj[off[v] .. off[v + 1]), ascending; w is NULL unless
 * asked for. Arrays come from the network's allocator (adj and w hold at least one entry). */
typedef struct lev__view {
    uint32_t n;
    size_t m;      /* entries */
    size_t *off;   /* n + 1 */
    uint32_t *adj; /* m */
    double *w;     /* m, or NULL */
} lev__view;

/* Build the view of c->g: rows `dir`, weights `how` (when with_w). LEV_ENOMEM (nothing left
 * allocated) on failure; records nothing. The same arrays for any c->threads. */
lev_status lev__view_build(const lev__ctx *c, int dir, int how, int with_w, lev__view *vw);
void lev__view_free(const lev__ctx *c, lev__view *vw); /* any built or zeroed view; zeroes it */

/* ---- strongly connected components ---------------------------------------------------------- */

/* Scratch of lev__low_points, allocated by the caller: n entries each. */
typedef struct lev__lowpt {
    uint32_t *disc, *low, *par, *stack;
    size_t *pos;
    /* Optional, all given or all NULL: size and order are scratch; per actor, cut receives how
     * many of its component's actors its removal cuts off from the rest, cut2 the sum of
     * s (s − 1) over those pieces (sizes s), csz its component's size. */
    uint32_t *size, *order, *cut, *csz;
    uint64_t *cut2;
} lev__lowpt;
/* Hopcroft–Tarjan low points on the undirected view vw (one iterative depth-first search),
 * the actors with skip[v] != 0 left out as if removed (skip may be NULL). ap (n, may be NULL)
 * receives 1 for each cut vertex; with ba and bb (n each: a forest has at most n − 1 edges) the
 * bridges are appended as pairs ba < bb and their number returned. O(V + E). */
size_t lev__low_points(const lev__view *vw, const uint8_t *skip, uint32_t *ap, uint32_t *ba, uint32_t *bb,
                       const lev__lowpt *s);

/* Scratch of lev__scc, allocated by the caller: n entries each. */
typedef struct lev__scc_scratch {
    uint32_t *idx, *low, *calls;
    size_t *next;
} lev__scc_scratch;

/* The strongly connected components of the directed graph whose row v is adj[off[v] ..
 * off[v + 1]) (Tarjan 1972, iterative; roots tried in order 0, 1, ..., rows read in order).
 * comp[v] receives v's component, numbered in Tarjan's emission order: a component is emitted
 * after every component it reaches, so each arc between two components runs from a higher
 * number to a lower one. member (n entries) receives the actors grouped by component in that
 * order, each component's in the order they were visited (its root, where the search entered
 * it, first); with first != NULL (n + 1 entries; count + 1 are written) component c's actors
 * are member[first[c] .. first[c + 1]). Returns the number of components. Cannot fail; O(V + E).
 * Self-loops and parallel arcs are harmless. */
uint32_t lev__scc(uint32_t n, const size_t *off, const uint32_t *adj, uint32_t *comp, uint32_t *member,
                  uint32_t *first, const lev__scc_scratch *w);
/* lev__scc over the actors whose comp[] is LEV_NONE on entry; the others are already placed
 * (their comp is kept) and are neither visited nor followed, which is right when no component
 * holds both placed and unplaced actors. Components are numbered from 0 as lev__scc numbers
 * them; member[] and first[] list only the unplaced actors (first[count] is how many). */
uint32_t lev__scc_rest(uint32_t n, const size_t *off, const uint32_t *adj, uint32_t *comp, uint32_t *member,
                       uint32_t *first, const lev__scc_scratch *w);

/* ---- numbers -------------------------------------------------------------------------------- */

/* The process locale's decimal point, or NULL when it is "." (read once per call: localeconv is
 * not safe against a concurrent setlocale, so calls look it up once, not once per number). */
const char *lev__decimal_point(void);
/* Parse a whole field as a decimal number in the C locale (no hex, inf or nan); dp from
 * lev__decimal_point. 0 on success, -1 malformed, -2 out of range. */
int lev__parse_double(const char *s, size_t len, const char *dp, double *out);
/* Format the shortest of %.15g..%.17g that reads back as v, in the C locale; returns the length.
 * buf has room for 32 bytes. */
int lev__format_double(char *buf, double v, const char *dp);

#endif /* LEV_INTERNAL_H */
