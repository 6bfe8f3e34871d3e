/*
 * The compact form (src/compact.c): rows of `out` sorted by target, rows of `in` by source, ties
 * (parallel edges) in edge order, float strengths; and the same arrays for any number of build
 * threads. Links the static library and reads src/internal.h to see the arrays themselves.
 */
#include "helpers.h"
#include "internal.h"

#include <stdint.h>

#define N 20000  /* actors; those >= USED and a few gaps never get an edge (empty rows) */
#define USED 15000
#define M 600000 /* enough edges for three build threads (one per 256k edges at most) */

typedef struct arc {
    uint32_t row, col;
    size_t id;
    float w;
} arc;

static int by_row_col_id(const void *a, const void *b) {
    const arc *x = a, *y = b;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static uint64_t rng(uint64_t *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* Random edges, skewed towards low ids (hubs), with self-loops, parallel edges and gaps. */
static lev_network *random_network(void) {
    lev_network *net = NULL;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    char name[16];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "a%d", i);
        cr_assert_eq(lev_actor_add(net, name, NULL, NULL), LEV_OK);
    }
    uint64_t s = 42;
    for (size_t e = 0; e < M; e++) {
        uint32_t u = (uint32_t)(rng(&s) % USED), v = (uint32_t)(rng(&s) % USED);
        if (rng(&s) % 4 == 0) u %= 50; /* hubs */
        if (u % 997 == 13) u = 12;     /* gaps: rows 13, 1010, ... stay empty as sources */
        if (e % 1000 == 7) v = u;      /* self-loops */
        double w = 1 + (double)(rng(&s) % 64) / 8;
        cr_assert_eq(lev_edge_add(net, u, v, w, NULL, NULL), LEV_OK);
        if (e % 777 == 0 && e + 1 < M) { /* a parallel edge with another strength */
            cr_assert_eq(lev_edge_add(net, u, v, w + 1, NULL, NULL), LEV_OK);
            e++;
        }
    }
    return net;
}

/* Check one direction against a sort of the edge list by (row, col, edge id). */
static void check_direction(const lev_network *net, const size_t *off, const uint32_t *adj, const float *w,
                            int out) {
    arc *a = malloc(M * sizeof *a);
    cr_assert(a);
    for (size_t e = 0; e < M; e++) {
        a[e].row = out ? net->esrc[e] : net->etgt[e];
        a[e].col = out ? net->etgt[e] : net->esrc[e];
        a[e].id = e;
        a[e].w = (float)lev__edge_w(net, e);
    }
    qsort(a, M, sizeof *a, by_row_col_id);
    cr_assert_eq(off[0], 0);
    cr_assert_eq(off[N], M);
    size_t k = 0;
    for (uint32_t r = 0; r < N; r++) {
        for (; k < M && a[k].row == r; k++) {
            cr_assert(k < off[r + 1], "%s row %u is too short", out ? "out" : "in", r);
            cr_assert_eq(adj[k], a[k].col, "%s row %u, entry %zu: %u, expected %u", out ? "out" : "in", r, k,
                         adj[k], a[k].col);
            cr_assert_eq(w[k], a[k].w, "%s row %u, entry %zu: strength %g, expected %g", out ? "out" : "in", r, k,
                         (double)w[k], (double)a[k].w);
        }
        cr_assert_eq(off[r + 1], k, "%s row %u ends at %zu, expected %zu", out ? "out" : "in", r, off[r + 1], k);
    }
    free(a);
}

Test(compact, rows_sorted_ties_in_edge_order) {
    lev_network *net = random_network();
    cr_assert_eq(net->m, M);
    lev__csr g;
    cr_assert_eq(lev__csr_build(&net->mem, net, &g, 1), LEV_OK);
    cr_assert_eq(g.n, N);
    check_direction(net, g.out_off, g.out_adj, g.out_w, 1);
    check_direction(net, g.in_off, g.in_adj, g.in_w, 0);
    lev__csr_free(&net->mem, &g);
    lev_network_free(net);
}

Test(compact, same_for_any_thread_count) {
    lev_network *net = random_network();
    lev__csr one;
    cr_assert_eq(lev__csr_build(&net->mem, net, &one, 1), LEV_OK);
    for (int T = 2; T <= 4; T++) {
        lev__csr g;
        cr_assert_eq(lev__csr_build(&net->mem, net, &g, T), LEV_OK);
        size_t n1 = (size_t)N + 1;
        cr_assert_eq(memcmp(g.out_off, one.out_off, n1 * sizeof(size_t)), 0, "out offsets differ, %d threads", T);
        cr_assert_eq(memcmp(g.in_off, one.in_off, n1 * sizeof(size_t)), 0, "in offsets differ, %d threads", T);
        cr_assert_eq(memcmp(g.out_adj, one.out_adj, M * sizeof(uint32_t)), 0, "out rows differ, %d threads", T);
        cr_assert_eq(memcmp(g.in_adj, one.in_adj, M * sizeof(uint32_t)), 0, "in rows differ, %d threads", T);
        cr_assert_eq(memcmp(g.out_w, one.out_w, M * sizeof(float)), 0, "out strengths differ, %d threads", T);
        cr_assert_eq(memcmp(g.in_w, one.in_w, M * sizeof(float)), 0, "in strengths differ, %d threads", T);
        lev__csr_free(&net->mem, &g);
    }
    lev__csr_free(&net->mem, &one);
    lev_network_free(net);
}

/* Every allocation of a threaded build may fail: the build reports LEV_ENOMEM and frees what it
 * took. */
Test(compact, allocation_failure_frees_everything) {
    lev_network *net = random_network();
    for (long fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        fa.fail_at = fail_at;
        fa.armed = 1;
        lev__mem mem = {fail_alloc_fn, &fa};
        lev__csr g;
        lev_status rc = lev__csr_build(&mem, net, &g, 3);
        if (rc == LEV_OK) {
            cr_assert_gt(fail_at, 3, "the build makes at least 4 allocations");
            lev__csr_free(&mem, &g);
            cr_assert_eq(fa.live_blocks, 0);
            cr_assert_not(fa.bad_osize);
            break;
        }
        cr_assert_eq(rc, LEV_ENOMEM);
        cr_assert_eq(fa.live_blocks, 0, "allocation %ld failed: %ld blocks leaked", fail_at, fa.live_blocks);
        cr_assert_not(fa.bad_osize);
    }
    lev_network_free(net);
}

/* ---- the shared folded view (lev__fold_row, lev__view_build) ----------------------------------- */

/* A → B twice (1, 2.5), B → A (4), A → A (3), A → C (0.5), C → C (1), B → C (2):
 * folded rows of A, by rows read and fold. */
Test(compact, fold_row_hand_worked) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_eq(lev_actor_add(net, (const char *[]){"A", "B", "C"}[i], NULL, NULL), LEV_OK);
    const uint32_t s[] = {0, 0, 1, 0, 0, 2, 1}, t[] = {1, 1, 0, 0, 2, 2, 2};
    const double w[] = {1, 2.5, 4, 3, 0.5, 1, 2};
    cr_assert_eq(lev_edges_add(net, 7, s, t, w, NULL, NULL), LEV_OK);
    lev__csr g = {0};
    cr_assert_eq(lev__csr_build(&net->mem, net, &g, 1), LEV_OK);
    uint32_t adj[4];
    double x[4], loops = -1;
    /* out rows, summed: B 1 + 2.5, C 0.5; the loop 3 apart */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_OUT, LEV__FOLD_SUM, adj, x, &loops), 2);
    cr_assert(adj[0] == 1 && x[0] == 3.5 && adj[1] == 2 && x[1] == 0.5 && loops == 3);
    /* both rows, summed: B 1 + 2.5 + 4 (out entries first), C 0.5; the loop in both rows: 6 */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_BOTH, LEV__FOLD_SUM, adj, x, &loops), 2);
    cr_assert(adj[0] == 1 && x[0] == 7.5 && adj[1] == 2 && x[1] == 0.5 && loops == 6);
    /* both rows, counted: B 3 edges, C 1; loop 2 */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_BOTH, LEV__FOLD_COUNT, adj, x, &loops), 2);
    cr_assert(x[0] == 3 && x[1] == 1 && loops == 2);
    /* in rows, strongest: B 4 (A has no other in-neighbour but itself) */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_IN, LEV__FOLD_MAX, adj, x, NULL), 1);
    cr_assert(adj[0] == 1 && x[0] == 4);
    /* C: in-neighbours A and B; only counting */
    cr_assert_eq(lev__fold_row(&g, 2, LEV__VIEW_IN, LEV__FOLD_MAX, NULL, NULL, NULL), 2);
    lev__csr_free(&net->mem, &g);
    lev_network_free(net);
}

Test(compact, view_is_its_rows_for_any_thread_count) {
    lev_network *net = random_network();
    lev__view ref = {0};
    for (int T = 1; T <= 3; T += 2) {
        lev_params *p;
        cr_assert_eq(lev_params_new(&p), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, T), LEV_OK);
        lev__ctx c;
        double dummy;
        cr_assert_eq(lev__ctx_begin(&c, net, p, "test", &dummy), LEV_OK);
        lev__view vw;
        cr_assert_eq(lev__view_build(&c, LEV__VIEW_BOTH, LEV__FOLD_SUM, 1, &vw), LEV_OK);
        cr_assert_eq(vw.n, c.g->n);
        uint32_t *adj = malloc((size_t)c.g->n * sizeof *adj);
        double *x = malloc((size_t)c.g->n * sizeof *x);
        for (uint32_t v = 0; v < vw.n; v++) {
            size_t d = lev__fold_row(c.g, v, LEV__VIEW_BOTH, LEV__FOLD_SUM, adj, x, NULL);
            cr_assert_eq(vw.off[v + 1] - vw.off[v], d);
            for (size_t k = 0; k < d; k++) {
                cr_assert_eq(vw.adj[vw.off[v] + k], adj[k]);
                cr_assert(memcmp(&vw.w[vw.off[v] + k], &x[k], sizeof x[k]) == 0);
                if (k) cr_assert_lt(adj[k - 1], adj[k]);
                cr_assert_neq(adj[k], v);
            }
        }
        free(adj);
        free(x);
        if (T == 1) {
            ref = vw;
        } else {
            cr_assert_eq(vw.m, ref.m);
            cr_assert(memcmp(vw.off, ref.off, ((size_t)vw.n + 1) * sizeof *vw.off) == 0);
            cr_assert(memcmp(vw.adj, ref.adj, vw.m * sizeof *vw.adj) == 0);
            cr_assert(memcmp(vw.w, ref.w, vw.m * sizeof *vw.w) == 0);
            lev__view_free(&c, &vw);
            lev__view_free(&c, &ref);
        }
        lev_params_free(p);
    }
    lev_network_free(net);
}
