/*
 * Allocation failure at every site: each call runs under an allocator that fails its 1st,
 * 2nd, ... N-th allocation until the call succeeds. Each failure must return LEV_ENOMEM, leave
 * the network exactly as before (full dump), and leak nothing once the network is freed; the
 * allocator also checks that every osize it is given is the block's true size.
 */
#include "helpers.h"

typedef lev_status (*op_fn)(lev_network *net, void *arg);

/* The fixture every operation starts from: actors, groups, a channel, a resource, holdings. */
static lev_network *fixture(failalloc *fa) {
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, fa), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC("examples/data/florentine_actors.csv"), NULL), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("examples/data/florentine_edges.csv"), NULL), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL), LEV_OK);
    return net;
}

/* Fail each allocation of op in turn, from a network whose compact form is built or not. */
static void sweep1(const char *what, op_fn op, void *arg, int analysis, int built) {
    long fail_at;
    for (fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_network *net = fixture(&fa);
        double pr[64];
        if (built && lev_pagerank(net, NULL, NULL, pr) != LEV_OK) cr_assert_fail("setup");
        char *before = dump_network(net);
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = op(net, arg);
        fa.armed = 0;
        char *after = dump_network(net);
        int done = rc == LEV_OK;
        if (!done) {
            cr_assert_eq(rc, LEV_ENOMEM, "%s: allocation %ld failed with %s", what, fail_at, lev_status_name(rc));
            if (!analysis) {
                cr_assert_eq(lev_errcode(net), LEV_ENOMEM, "%s: allocation %ld", what, fail_at);
                cr_assert(lev_errmsg(net)[0], "%s: no message", what);
            }
            cr_assert_str_eq(after, before, "%s: allocation %ld changed the network", what, fail_at);
        }
        free(before);
        free(after);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0, "%s: allocation %ld: %ld blocks leaked", what, fail_at, fa.live_blocks);
        cr_assert_eq(fa.bad_osize, 0, "%s: allocation %ld: wrong osize given to the allocator", what, fail_at);
        if (done) break;
        cr_assert(fail_at < 100000, "%s never succeeded", what);
    }
    cr_log_info("%s (compact form %s): %ld allocation sites failed and recovered", what, built ? "built" : "not built",
                fail_at);
}

static void sweep(const char *what, op_fn op, void *arg, int analysis) {
    sweep1(what, op, arg, analysis, 0);
    sweep1(what, op, arg, analysis, 1);
}

/* Single calls, so "unchanged" is exact. */
static lev_status op_actor_add_one(lev_network *net, void *arg) {
    (void)arg;
    return lev_actor_add(net, "Newcomer", "newgroup", NULL);
}
static lev_status op_set_group(lev_network *net, void *arg) {
    (void)arg;
    return lev_actor_set_group(net, 3, "brand-new-group");
}
static lev_status op_resource_add(lev_network *net, void *arg) {
    (void)arg;
    return lev_resource_add(net, "votes", NULL);
}
static lev_status op_edge_add(lev_network *net, void *arg) {
    (void)arg;
    return lev_edge_add(net, 0, 5, 2.5, "brand-new-channel", NULL);
}
static lev_status op_edges_add(lev_network *net, void *arg) {
    (void)arg;
    /* More edges than the fixture's capacity holds, with a first channel column for some. */
    enum { K = 300 };
    uint32_t s[K], t[K];
    double w[K];
    for (int i = 0; i < K; i++) {
        s[i] = (uint32_t)(i % 15);
        t[i] = (uint32_t)((i * 7 + 3) % 15);
        w[i] = 1 + i % 5;
    }
    return lev_edges_add(net, K, s, t, w, "bulk-channel", NULL);
}
static lev_status op_edge_add_inexact(lev_network *net, void *arg) {
    (void)arg;
    return lev_edge_add(net, 0, 5, 0.1, NULL, NULL); /* not a float: strengths move to double */
}
static lev_status op_edges_sort(lev_network *net, void *arg) {
    (void)arg;
    return lev_edges_sort(net, NULL);
}
static lev_status op_edge_add_by_name(lev_network *net, void *arg) {
    (void)arg;
    return lev_edge_add_by_name(net, "Newcomer", "Other newcomer", 1, "fresh", NULL);
}
static lev_status op_read(lev_network *net, void *arg) {
    const char **files = arg;
    lev_format f = files[0][0] == 'e' ? LEV_FORMAT_EDGES_CSV : files[0][0] == 'a' ? LEV_FORMAT_ACTORS_CSV
                                                                                   : LEV_FORMAT_RESOURCES_CSV;
    return lev_read_buffer(net, f, files[1], strlen(files[1]), "oom.csv", NULL);
}
static lev_status op_degree(lev_network *net, void *arg) {
    (void)arg;
    double out[64];
    return lev_degree(net, NULL, out);
}
static lev_status op_edge_repeats(lev_network *net, void *arg) {
    (void)arg;
    size_t n[4];
    return lev_edge_repeats(net, NULL, n, n + 1, n + 2, n + 3);
}
static lev_status op_strength(lev_network *net, void *arg) {
    (void)arg;
    double out[64];
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN);
    lev_status rc = lev_strength(net, p, out);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc); /* analyses record on their params */
    lev_params_free(p);
    return rc;
}
static lev_status op_pagerank(lev_network *net, void *arg) {
    double out[64], pers[64];
    for (int i = 0; i < 64; i++) pers[i] = i % 3;
    return lev_pagerank(net, arg ? pers : NULL, NULL, out);
}
static lev_status op_pagerank_dangling(lev_network *net, void *arg) {
    double out[64], pers[64], dang[64];
    for (int i = 0; i < 64; i++) {
        pers[i] = i % 3;
        dang[i] = 1 + i % 2;
    }
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT);
    lev_status rc = lev_pagerank_dangling(net, arg ? pers : NULL, dang, p, out);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}
static lev_status op_write(lev_network *net, void *arg) {
    (void)arg;
    sbuf b = {0};
    lev_status rc = lev_write(net, LEV_FORMAT_EDGES_CSV, sbuf_sink, &b);
    free(b.s);
    return rc;
}

Test(oom, mutations) {
    sweep("lev_actor_add", op_actor_add_one, NULL, 0);
    sweep("lev_actor_set_group", op_set_group, NULL, 0);
    sweep("lev_resource_add", op_resource_add, NULL, 0);
    sweep("lev_edge_add", op_edge_add, NULL, 0);
    sweep("lev_edge_add_by_name", op_edge_add_by_name, NULL, 0);
    sweep("lev_edges_add", op_edges_add, NULL, 0);
    sweep("lev_edge_add (first strength that is not a float)", op_edge_add_inexact, NULL, 0);
    sweep("lev_edges_sort", op_edges_sort, NULL, 0);
}

Test(oom, set_resource) {
    /* Resource then holdings on a fresh resource: the first amount allocates. */
    for (long fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_network *net = fixture(&fa);
        uint32_t r;
        cr_assert_eq(lev_resource_add(net, "votes", &r), LEV_OK);
        char *before = dump_network(net);
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = lev_actor_set_resource(net, 15, r, 1, 2);
        fa.armed = 0;
        char *after = dump_network(net);
        if (rc) {
            cr_assert_eq(rc, LEV_ENOMEM);
            cr_assert_str_eq(after, before);
        }
        free(before);
        free(after);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0);
        cr_assert_eq(fa.bad_osize, 0);
        if (!rc) break;
    }
}

Test(oom, readers) {
    static const char *edges[] = {"e", "source,target,weight,channel\n"
                                       "Medici,Newcomer,1,money\nA1,A2,2,new-channel\nA2,A3,3,\nA3,A4,4,x\n"
                                       "A4,A5,1,y\nA5,A6,1,z\nA6,A7,1,w\nA7,A8,1,v\nA8,A9,1,u\nA9,A10,1,t\n"};
    static const char *actors[] = {"a", "name,group\nMedici,renamed\nNew1,g1\nNew2,g2\nNew3,g3\nNew4,g4\n"
                                        "New5,g5\nNew6,g6\nNew7,g7\nNew8,g8\nNew9,g9\nStrozzi,g10\n"};
    static const char *res[] = {"r", "actor,resource,holds,needs\nMedici,votes,1,2\nStrozzi,land,3,4\n"
                                     "Pucci,wealth,1000,1\nPazzi,v2,1,1\nPeruzzi,v3,1,1\n"};
    sweep("lev_read_buffer edges", op_read, edges, 0);
    sweep("lev_read_buffer actors", op_read, actors, 0);
    sweep("lev_read_buffer resources", op_read, res, 0);
}

Test(oom, analyses_and_writers) {
    sweep("lev_degree", op_degree, NULL, 1);
    sweep("lev_edge_repeats", op_edge_repeats, NULL, 1);
    sweep("lev_strength", op_strength, NULL, 1);
    sweep("lev_pagerank", op_pagerank, NULL, 1);
    sweep("lev_pagerank personalized", op_pagerank, (void *)1, 1);
    sweep("lev_pagerank_dangling (LEV_DIR_OUT)", op_pagerank_dangling, NULL, 1);
    sweep("lev_pagerank_dangling personalized (LEV_DIR_OUT)", op_pagerank_dangling, (void *)1, 1);
    sweep("lev_write", op_write, NULL, 1);
}

/* Clustering, transitivity, per-actor reciprocity, directed modularity and communities; arg
 * selects the options (bit 0 undirected, bit 1 weighted). */
static lev_status with_opts(lev_params **pp, void *arg) {
    if (lev_params_new(pp)) return LEV_ENOMEM;
    lev_params_set_int(*pp, LEV_P_UNDIRECTED, (int)((uintptr_t)arg & 1));
    lev_params_set_int(*pp, LEV_P_WEIGHTED, (int)(((uintptr_t)arg >> 1) & 1));
    lev_params_set_int(*pp, LEV_P_DIRECTED_MODULARITY, 1);
    return LEV_OK;
}
static lev_status op_clustering(lev_network *net, void *arg) {
    double out[64];
    lev_params *p;
    if (with_opts(&p, arg)) return LEV_ENOMEM;
    lev_status rc = lev_clustering(net, p, out);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}
static lev_status op_transitivity(lev_network *net, void *arg) {
    double t, a;
    lev_params *p;
    if (with_opts(&p, arg)) return LEV_ENOMEM;
    lev_status rc = lev_transitivity(net, p, &t, &a);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}
static lev_status op_reciprocity_actors(lev_network *net, void *arg) {
    (void)arg;
    double out[64];
    return lev_reciprocity_actors(net, NULL, out);
}
static lev_status op_directed_modularity(lev_network *net, void *arg) {
    uint32_t lab[64];
    for (int i = 0; i < 64; i++) lab[i] = (uint32_t)(i % 3);
    double q;
    lev_params *p;
    if (with_opts(&p, arg)) return LEV_ENOMEM;
    lev_status rc = lev_modularity(net, lab, p, &q);
    lev_params_free(p);
    return rc;
}
static lev_status op_directed_communities(lev_network *net, void *arg) {
    uint32_t comm[64];
    size_t count;
    double q;
    lev_params *p;
    if (with_opts(&p, arg)) return LEV_ENOMEM;
    lev_status rc = lev_communities(net, p, comm, &count, &q);
    lev_params_free(p);
    return rc;
}

Test(oom, cohesion_clustering_reciprocity) {
    for (uintptr_t form = 0; form < 4; form++) sweep("lev_clustering", op_clustering, (void *)form, 1);
    sweep("lev_transitivity", op_transitivity, (void *)0, 1); /* one pass */
    sweep("lev_transitivity", op_transitivity, (void *)3, 1); /* two passes */
    sweep("lev_reciprocity_actors", op_reciprocity_actors, NULL, 1);
    sweep("lev_modularity directed", op_directed_modularity, (void *)2, 1);
    sweep("lev_communities directed", op_directed_communities, (void *)2, 1);
}

/* lev_betweenness_subset: its own scratch (duplicate check, sources, target mask) besides the
 * shared kernel's; arg: weighted with a cutoff. */
static lev_status op_betweenness_subset(lev_network *net, void *arg) {
    static const uint32_t src[] = {0, 3, 7, 12}, tgt[] = {1, 2, 3, 9, 15};
    double out[64];
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) cr_assert_fail("setup");
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    if (arg) lev_params_set_double(p, LEV_P_CUTOFF, 2.5);
    lev_status rc = lev_betweenness_subset(net, src, 4, arg ? NULL : tgt, arg ? 0 : 5, p, out);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}

/* lev_closeness_subset / lev_harmonic_subset: the duplicate check and the sources besides the
 * searches' scratch; arg: bit 0 harmonic, bit 1 weighted. */
static lev_status op_distance_subset(lev_network *net, void *arg) {
    static const uint32_t act[] = {3, 0, 12, 7};
    double out[4];
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) cr_assert_fail("setup");
    lev_params_set_int(p, LEV_P_WEIGHTED, ((uintptr_t)arg & 2) != 0);
    lev_status rc = ((uintptr_t)arg & 1) ? lev_harmonic_subset(net, act, 4, p, out) : lev_closeness_subset(net, act, 4, p, out);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}

Test(oom, distance_subset) {
    for (uintptr_t form = 0; form < 4; form++) sweep("lev_closeness_subset / lev_harmonic_subset", op_distance_subset, (void *)form, 1);
}

Test(oom, betweenness_subset) {
    sweep("lev_betweenness_subset", op_betweenness_subset, NULL, 1);
    sweep("lev_betweenness_subset every target, cutoff", op_betweenness_subset, (void *)1, 1);
}

Test(oom, network_new) {
    failalloc fa = {0};
    fa.armed = 1;
    lev_network *net = (lev_network *)1;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_ENOMEM);
    cr_assert_null(net);
    cr_assert_eq(fa.live_blocks, 0);
}

/* ---- params with an allocator, and the calls that have no network ------------------------------ */

Test(oom, params_new_with_alloc) {
    failalloc fa = {0};
    fa.armed = 1; /* fail the first allocation: the object's own block */
    lev_params *p = (lev_params *)&fa;
    cr_assert_eq(lev_params_new_with_alloc(&p, fail_alloc_fn, &fa), LEV_ENOMEM);
    cr_assert_null(p);
    cr_assert_eq(fa.live_blocks, 0);
    fa.armed = 0;
    cr_assert_eq(lev_params_new_with_alloc(&p, fail_alloc_fn, &fa), LEV_OK);
    cr_assert_eq(fa.live_blocks, 1, "the params block comes from the allocator");
    lev_params_reset(p); /* keeps the allocator */
    lev_params_free(p);
    cr_assert_eq(fa.live_blocks, 0);
    cr_assert_eq(fa.bad_osize, 0);
    cr_assert_eq(lev_params_new_with_alloc(NULL, fail_alloc_fn, &fa), LEV_EMISUSE);
    cr_assert_eq(lev_params_new_with_alloc(&p, NULL, &fa), LEV_EMISUSE);
    cr_assert_null(p);
}

typedef lev_status (*ineq_fn)(const double *x, size_t n, lev_params *p, double *o1, double *o2);

static lev_status i_gini(const double *x, size_t n, lev_params *p, double *o1, double *o2) {
    (void)o2;
    return lev_gini(x, n, p, o1);
}
static lev_status i_theil(const double *x, size_t n, lev_params *p, double *o1, double *o2) {
    return lev_theil(x, n, p, o1, o2);
}
static lev_status i_hhi(const double *x, size_t n, lev_params *p, double *o1, double *o2) {
    (void)o2;
    return lev_hhi(x, n, p, o1);
}
static lev_status i_palma(const double *x, size_t n, lev_params *p, double *o1, double *o2) {
    (void)o2;
    return lev_palma(x, n, p, o1);
}
static lev_status i_top_share(const double *x, size_t n, lev_params *p, double *o1, double *o2) {
    (void)o2;
    return lev_top_share(x, n, p, o1);
}
static lev_status i_lorenz(const double *x, size_t n, lev_params *p, double *o1, double *o2) {
    return lev_lorenz(x, n, p, o1, o2);
}

/* Fail each allocation of f in turn, its params made with the failing allocator: LEV_ENOMEM with
 * the message on the params, outputs untouched, nothing leaked; returns the sites failed. */
static long sweep_ineq(const char *what, ineq_fn f) {
    static const double x[] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    enum { N = sizeof x / sizeof x[0] };
    long fail_at;
    for (fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_params *p;
        cr_assert_eq(lev_params_new_with_alloc(&p, fail_alloc_fn, &fa), LEV_OK);
        double o1[N + 1], o2[N + 1];
        for (int i = 0; i <= N; i++) o1[i] = o2[i] = -7;
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = f(x, N, p, o1, o2);
        fa.armed = 0;
        if (rc != LEV_OK) {
            cr_assert_eq(rc, LEV_ENOMEM, "%s: allocation %ld failed with %s", what, fail_at, lev_status_name(rc));
            cr_assert_eq(lev_params_errcode(p), LEV_ENOMEM, "%s", what);
            cr_assert(strstr(lev_params_errmsg(p), "out of memory"), "%s: %s", what, lev_params_errmsg(p));
            for (int i = 0; i <= N; i++) cr_assert(o1[i] == -7 && o2[i] == -7, "%s: output %d written", what, i);
        }
        cr_assert_eq(fa.live_blocks, 1, "%s: allocation %ld: scratch leaked or params freed", what, fail_at);
        lev_params_free(p);
        cr_assert_eq(fa.live_blocks, 0, "%s: allocation %ld", what, fail_at);
        cr_assert_eq(fa.bad_osize, 0, "%s: allocation %ld: wrong osize given to the allocator", what, fail_at);
        if (rc == LEV_OK) break;
        cr_assert(fail_at < 1000, "%s never succeeded", what);
    }
    cr_log_info("%s: %ld allocation sites failed and recovered", what, fail_at);
    return fail_at;
}

Test(oom, inequality_through_the_params_allocator) {
    /* doc: the sorting measures allocate their scratch through the params' allocator */
    cr_assert_eq(sweep_ineq("lev_gini", i_gini), 1);
    cr_assert_eq(sweep_ineq("lev_palma", i_palma), 1);
    cr_assert_eq(sweep_ineq("lev_top_share", i_top_share), 1);
    cr_assert_eq(sweep_ineq("lev_lorenz", i_lorenz), 1);
    /* Theil and HHI allocate nothing */
    cr_assert_eq(sweep_ineq("lev_theil", i_theil), 0);
    cr_assert_eq(sweep_ineq("lev_hhi", i_hhi), 0);
}

Test(oom, analyses_use_the_network_allocator_not_the_params) {
    /* doc: analyses of a network keep using the network's allocator whatever params they get */
    failalloc fn = {0}, fp = {0};
    lev_network *net = fixture(&fn);
    lev_params *p;
    cr_assert_eq(lev_params_new_with_alloc(&p, fail_alloc_fn, &fp), LEV_OK);
    long before = fn.calls;
    double out[64];
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
    cr_assert_gt(fn.calls, before, "the compact form and scratch come from the network's allocator");
    cr_assert_eq(fp.calls, 1, "only the params block came from the params' allocator");
    lev_params_free(p);
    lev_network_free(net);
    cr_assert_eq(fn.live_blocks, 0);
    cr_assert_eq(fp.live_blocks, 0);
}

/* ---- the report at scale: sampled betweenness with its count, exact top-k ---------------------- */

static lev_status op_betweenness_sampled(lev_network *net, void *arg) {
    double out[64], eps = 0;
    uint64_t r = 0;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_double(p, LEV_P_EPSILON, 0.2);
    lev_params_set_int(p, LEV_P_WEIGHTED, arg != NULL);
    lev_status rc = lev_betweenness_sampled(net, p, out, &r, &eps);
    if (rc) cr_assert_eq(r, 0, "samples written on failure");
    lev_params_free(p);
    return rc;
}
static lev_status op_top(lev_network *net, void *arg) {
    uint32_t ids[5];
    double sc[5];
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_WEIGHTED, ((intptr_t)arg & 1) != 0);
    lev_status rc = ((intptr_t)arg & 2) ? lev_harmonic_top(net, p, 5, ids, sc) : lev_closeness_top(net, p, 5, ids, sc);
    lev_params_free(p);
    return rc;
}

Test(oom, top_k_and_sampled) {
    sweep("lev_betweenness_sampled hops", op_betweenness_sampled, NULL, 1);
    sweep("lev_betweenness_sampled weighted", op_betweenness_sampled, (void *)1, 1);
    sweep("lev_closeness_top hops", op_top, (void *)0, 1);
    sweep("lev_closeness_top weighted", op_top, (void *)1, 1);
    sweep("lev_harmonic_top hops", op_top, (void *)2, 1);
    sweep("lev_harmonic_top weighted", op_top, (void *)3, 1);
}

/* ---- bypass: dominators, articulation points, bridges ---------------------------------------- */

/* arg: 0 directed, 1 undirected. */
static lev_status op_dominators(lev_network *net, void *arg) {
    uint32_t out[64];
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_UNDIRECTED, arg != NULL);
    lev_status rc = lev_dominators(net, 2, p, out);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}
static lev_status op_articulation_points(lev_network *net, void *arg) {
    (void)arg;
    uint32_t out[64];
    return lev_articulation_points(net, NULL, out);
}
static lev_status op_bridges(lev_network *net, void *arg) {
    (void)arg;
    uint32_t a[64], b[64];
    size_t len = 0;
    lev_status rc = lev_bridges(net, NULL, 64, a, b, &len);
    if (rc) cr_assert_eq(len, 0, "len written on failure");
    return rc;
}

Test(oom, bypass) {
    sweep("lev_dominators", op_dominators, NULL, 1);
    sweep("lev_dominators undirected", op_dominators, (void *)1, 1);
    sweep("lev_articulation_points", op_articulation_points, NULL, 1);
    sweep("lev_bridges", op_bridges, NULL, 1);
}

/* ---- opinion dynamics: DeGroot, Friedkin–Johnsen, pressure points ---------------------------- */

/* arg: 0 directed, 1 undirected (the undirected view is one more allocation). */
static lev_params *op_params(void *arg) {
    lev_params *p;
    if (lev_params_new(&p)) return NULL;
    lev_params_set_int(p, LEV_P_UNDIRECTED, arg != NULL);
    lev_params_set_int(p, LEV_P_MAX_ITER, 100000);
    return p;
}
static void op_vectors(double *u, double *lam) {
    for (int i = 0; i < 64; i++) {
        u[i] = (double)(i % 5);
        lam[i] = 0.5;
    }
}
static lev_status op_degroot(lev_network *net, void *arg) {
    double pw[64];
    uint32_t cls[64], per[64];
    size_t k = 0;
    lev_params *p = op_params(arg);
    if (!p) return LEV_ENOMEM;
    lev_status rc = lev_degroot(net, p, pw, cls, per, &k);
    if (rc) cr_assert_eq(k, 0, "count written on failure");
    lev_params_free(p);
    return rc;
}
static lev_status op_degroot_limit(lev_network *net, void *arg) {
    double u[64], lam[64], out[64];
    op_vectors(u, lam);
    lev_params *p = op_params(arg);
    if (!p) return LEV_ENOMEM;
    lev_status rc = lev_degroot_limit(net, u, p, out);
    lev_params_free(p);
    return rc;
}
static lev_status op_fj(lev_network *net, void *arg) {
    double u[64], lam[64], out[64];
    op_vectors(u, lam);
    lev_params *p = op_params(arg);
    if (!p) return LEV_ENOMEM;
    lev_status rc = lev_friedkin_johnsen(net, u, lam, p, out);
    if (rc == LEV_OK) rc = lev_friedkin_johnsen_influence(net, lam, p, out);
    lev_params_free(p);
    return rc;
}
static lev_status op_pressure(lev_network *net, void *arg) {
    double u[64], lam[64], sa[64], st[256];
    op_vectors(u, lam);
    lev_params *p = op_params(arg);
    if (!p) return LEV_ENOMEM;
    lev_status rc = lev_opinion_pressure(net, u, lam, LEV_NONE, p, sa, st);
    lev_params_free(p);
    return rc;
}

Test(oom, opinion) {
    sweep("lev_degroot", op_degroot, NULL, 1);
    sweep("lev_degroot undirected", op_degroot, (void *)1, 1);
    sweep("lev_degroot_limit undirected", op_degroot_limit, (void *)1, 1);
    sweep("lev_friedkin_johnsen and _influence", op_fj, NULL, 1);
    sweep("lev_opinion_pressure undirected", op_pressure, (void *)1, 1);
}

/* ---- control and key players: driver actors, control classes, key players ------------------- */

static lev_status op_drivers(lev_network *net, void *arg) {
    (void)arg;
    uint32_t d[64];
    size_t len = 0;
    lev_status rc = lev_drivers(net, NULL, 64, d, &len);
    if (rc) cr_assert_eq(len, 0, "len written on failure");
    return rc;
}
static lev_status op_control_classes(lev_network *net, void *arg) {
    (void)arg;
    uint32_t cls[64];
    return lev_control_classes(net, NULL, cls);
}
/* arg: the lev_kp_measure. */
static lev_status op_keyplayers(lev_network *net, void *arg) {
    uint32_t set[3] = {0, 0, 0};
    double s = -1;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_KP_MEASURE, (int64_t)(intptr_t)arg);
    lev_params_set_int(p, LEV_P_KP_STARTS, 2);
    lev_status rc = lev_keyplayers(net, 3, p, set, &s);
    if (rc) {
        cr_assert_eq(lev_params_errcode(p), rc);
        cr_assert_eq(s, -1, "score written on failure");
    }
    uint32_t two[2] = {1, 4};
    if (rc == LEV_OK) rc = lev_keyplayer_score(net, two, 2, p, &s);
    lev_params_free(p);
    return rc;
}

Test(oom, control) {
    sweep("lev_drivers", op_drivers, NULL, 1);
    sweep("lev_control_classes", op_control_classes, NULL, 1);
    sweep("lev_keyplayers reach", op_keyplayers, (void *)(intptr_t)LEV_KP_REACH, 1);
    sweep("lev_keyplayers fragment", op_keyplayers, (void *)(intptr_t)LEV_KP_FRAGMENT, 1);
    sweep("lev_keyplayers dfragment", op_keyplayers, (void *)(intptr_t)LEV_KP_DFRAGMENT, 1);
}

/* Coalitions over the fixture's wealth: arg picks the method (see each op). */
static lev_status coal_opts(lev_params **pp, uintptr_t form) {
    if (lev_params_new(pp)) return LEV_ENOMEM;
    lev_params_set_int(*pp, LEV_P_COALITION_SAMPLES, 200);
    lev_params_set_int(*pp, LEV_P_THREADS, 2);
    if (form & 1) { /* past the memory and enumeration limits: sampled or greedy */
        lev_params_set_int(*pp, LEV_P_MEMORY_LIMIT, 0);
        lev_params_set_int(*pp, LEV_P_ENUM_LIMIT, 0);
    }
    lev_params_set_int(*pp, LEV_P_CONNECTED, (form & 2) != 0);
    return LEV_OK;
}
static lev_status op_voting_power(lev_network *net, void *arg) {
    double a[64], b[64], c[64], d[64], e[64];
    int m;
    lev_params *p;
    if (coal_opts(&p, (uintptr_t)arg)) return LEV_ENOMEM;
    lev_status rc = lev_voting_power(net, 0, p, a, b, c, d, e, &m);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc);
    lev_params_free(p);
    return rc;
}
static lev_status op_minimal_winning(lev_network *net, void *arg) {
    uint32_t a[4096], b[4096];
    size_t len = 0;
    double count;
    lev_params *p;
    if (coal_opts(&p, (uintptr_t)arg)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_COALITION_LIMIT, 200);
    lev_status rc = lev_minimal_winning(net, 0, p, 4096, a, b, &len, &count);
    if (rc) cr_assert_eq(len, 0, "len written on failure");
    lev_params_free(p);
    return rc;
}
static lev_status op_packel(lev_network *net, void *arg) {
    double a[64], b[64];
    lev_params *p;
    if (coal_opts(&p, (uintptr_t)arg)) return LEV_ENOMEM;
    lev_status rc = lev_packel_indices(net, 0, p, a, b);
    lev_params_free(p);
    return rc;
}
static lev_status op_cheapest_alliance(lev_network *net, void *arg) {
    uint32_t m[64];
    size_t len = 0;
    double cost;
    lev_params *p;
    uintptr_t form = (uintptr_t)arg;
    if (coal_opts(&p, form & 3)) return LEV_ENOMEM;
    lev_status rc = lev_cheapest_alliance(net, 0, (form & 4) ? 0 : LEV_NONE, p, 64, m, &len, &cost, NULL);
    if (rc) cr_assert_eq(len, 0, "len written on failure");
    lev_params_free(p);
    return rc;
}

Test(oom, coalition) {
    for (uintptr_t form = 0; form < 4; form++) sweep("lev_voting_power", op_voting_power, (void *)form, 1);
    sweep("lev_minimal_winning", op_minimal_winning, (void *)0, 1);
    sweep("lev_minimal_winning by enumeration", op_minimal_winning, (void *)1, 1);
    sweep("lev_packel_indices", op_packel, (void *)0, 1);
    for (uintptr_t form = 0; form < 8; form++)
        sweep("lev_cheapest_alliance", op_cheapest_alliance, (void *)form, 1);
}
static lev_status op_spread(lev_network *net, void *arg) {
    double sp = -1, se = -1, ci[2] = {-1, -1}, prob[64];
    uint32_t seeds[2] = {0, 3};
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_RUNS, 600);
    lev_params_set_int(p, LEV_P_THREADS, 2);
    lev_params_set_int(p, LEV_P_MODEL, arg ? LEV_MODEL_LT : LEV_MODEL_IC);
    lev_status rc = lev_spread(net, seeds, 2, p, &sp, &se, ci, prob);
    if (rc) cr_assert(sp == -1 && se == -1 && ci[0] == -1, "outputs written on failure");
    lev_params_free(p);
    return rc;
}
static lev_status op_seeds(lev_network *net, void *arg) {
    uint32_t s[4] = {77, 77, 77, 77};
    double g[4], sp = -1, ratio = -1, cost[64];
    size_t len = 99;
    uint64_t sets = 0, bytes = 0;
    uint8_t rule[64] = {0};
    rule[1] = LEV_SEED_REQUIRED;
    rule[2] = LEV_SEED_EXCLUDED;
    for (int i = 0; i < 64; i++) cost[i] = 1 + i % 3;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_double(p, LEV_P_SEEDS_EPSILON, 0.3);
    intptr_t mode = (intptr_t)arg;
    if (mode == 1) lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_LT);
    if (mode == 2) {
        lev_params_set_double(p, LEV_P_BUDGET, 5);
        lev_params_set_int(p, LEV_P_TARGET_GROUP, 0);
    }
    lev_status rc = lev_seeds(net, 4, rule, mode == 2 ? cost : NULL, p, s, g, &len, &sp, &ratio, &sets, &bytes);
    if (rc) cr_assert(len == 99 && s[0] == 77 && sp == -1 && sets == 0, "outputs written on failure");
    lev_params_free(p);
    return rc;
}

Test(oom, campaigns) {
    sweep("lev_spread IC", op_spread, NULL, 1);
    sweep("lev_spread LT", op_spread, (void *)1, 1);
    sweep("lev_seeds IC", op_seeds, (void *)0, 1);
    sweep("lev_seeds LT", op_seeds, (void *)1, 1);
    sweep("lev_seeds budget and group", op_seeds, (void *)2, 1);
}

/* ---- interchange formats (issue 21) ---------------------------------------------------------- */

/* arg: the format and the text; existing actors (Medici, Strozzi) take a group, new ones come in. */
typedef struct fmt_text { lev_format f; const char *text; size_t len; } fmt_text;
static lev_status op_read_format(lev_network *net, void *arg) {
    const fmt_text *t = arg;
    return lev_read_buffer(net, t->f, t->text, t->len ? t->len : strlen(t->text), "oom", NULL);
}
static lev_status op_write_scores(lev_network *net, void *arg) {
    const char *names[] = {"pagerank", "other"};
    double sc[2 * 64];
    for (int i = 0; i < 2 * 64; i++) sc[i] = i * 0.5;
    sbuf b = {0};
    lev_status rc = lev_write_scores(net, (lev_format)(uintptr_t)arg, (lev_format)(uintptr_t)arg == LEV_FORMAT_PAJEK ? 0 : 2,
                                     names, sc, sbuf_sink, &b);
    free(b.s);
    return rc;
}

Test(oom, interchange_formats) {
    static const char gml[] = "graph [ node [ id 0 label \"Medici\" group \"new\" ] node [ id 1 label \"Fresh &amp; new\" group \"g\" ]\n"
                              " node [ id 2 label \"Other\" ] edge [ source 0 target 1 weight 2 channel \"c1\" ]\n"
                              " edge [ source 1 target 2 ] edge [ source 2 target 0 weight 0.1 channel \"marriage\" ] ]";
    static const char pajek[] = "*Vertices 3\n1 \"Strozzi\"\n2 \"P1\"\n3 P2\n*Arcs :1 \"rel\"\n1 2 3\n*Edges\n2 3\n*Arcslist\n3 1 2\n";
    fmt_text t1 = {LEV_FORMAT_GML, gml, 0}, t2 = {LEV_FORMAT_PAJEK, pajek, 0};
    sweep1("lev_read_buffer GML", op_read_format, &t1, 0, 1);
    sweep1("lev_read_buffer Pajek", op_read_format, &t2, 0, 1);
#if LEV_TEST_EXPAT
    static const char graphml[] =
        "<graphml><key id=\"g\" for=\"node\" attr.name=\"group\"/><key id=\"h\" for=\"node\" attr.name=\"holds:gold\"/>"
        "<key id=\"n\" for=\"node\" attr.name=\"needs:wealth\"/><key id=\"w\" for=\"edge\" attr.name=\"weight\"/>"
        "<key id=\"c\" for=\"edge\" attr.name=\"channel\"><default>d</default></key><graph>"
        "<node id=\"Medici\"><data key=\"g\">x</data><data key=\"h\">3</data></node><node id=\"N1\"><data key=\"n\">2</data></node>"
        "<edge source=\"Medici\" target=\"N1\"><data key=\"w\">2.5</data></edge><edge source=\"N1\" target=\"N1\"/></graph></graphml>";
    fmt_text t3 = {LEV_FORMAT_GRAPHML, graphml, 0};
    sweep1("lev_read_buffer GraphML", op_read_format, &t3, 0, 1);
#endif
#if LEV_TEST_ZLIB
    /* gzip of "*Vertices 2\n*Arcs\n1 2 2\n" (Python's gzip, mtime 0). */
    static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\xd3\x0a\x4b\x2d\x2a\xc9\x4c\x4e\x2d\x56\x30\xe2"
                             "\xd2\x72\x2c\x4a\x2e\xe6\x32\x54\x30\x02\xb2\x01\x0d\x36\x78\x5f\x18\x00\x00\x00";
    fmt_text t4 = {LEV_FORMAT_PAJEK, gz, sizeof gz - 1};
    sweep1("lev_read_buffer gzipped Pajek", op_read_format, &t4, 0, 1);
#endif
    sweep1("lev_write_scores GraphML", op_write_scores, (void *)(uintptr_t)LEV_FORMAT_GRAPHML, 1, 0);
    sweep1("lev_write_scores GML", op_write_scores, (void *)(uintptr_t)LEV_FORMAT_GML, 1, 0);
    sweep1("lev_write_scores JSON", op_write_scores, (void *)(uintptr_t)LEV_FORMAT_JSON, 1, 0);
    sweep1("lev_write_scores DOT", op_write_scores, (void *)(uintptr_t)LEV_FORMAT_DOT, 1, 0);
    sweep1("lev_write Pajek", op_write_scores, (void *)(uintptr_t)LEV_FORMAT_PAJEK, 1, 0);
}

/* bypass of leverage: every method of lev_tie_bypass (push, recomputation, greedy k, O(1)),
 * lev_reliance (R built) and lev_edge_leverage (recomputation) */
static lev_status op_tie_bypass(lev_network *net, void *arg) {
    const int *cfg = arg; /* measure, undirected, k */
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_BYPASS_MEASURE, cfg[0]);
    lev_params_set_int(p, LEV_P_UNDIRECTED, cfg[1]);
    lev_params_set_int(p, LEV_P_BYPASS_TIES, cfg[2]);
    lev_params_set_int(p, LEV_P_THREADS, 1); /* many tiny solves: no thread team each */
    double s[64] = {0}, v[64];
    uint32_t a[64], b[64];
    for (int i = 0; i < 64; i++) v[i] = 7;
    lev_status rc = lev_tie_bypass(net, p, s, v, a, b);
    if (rc) {
        cr_assert_eq(lev_params_errcode(p), rc);
        cr_assert_eq(v[0], 7, "output written on failure");
    }
    lev_params_free(p);
    return rc;
}
static lev_status op_reliance(lev_network *net, void *arg) {
    (void)arg;
    double r[64], total = 7;
    lev_status rc = lev_reliance(net, NULL, r, &total);
    if (rc) cr_assert_eq(total, 7, "output written on failure");
    return rc;
}
static lev_status op_edge_leverage(lev_network *net, void *arg) {
    (void)arg;
    uint32_t a[256], b[256];
    double v[256];
    size_t len = 0;
    lev_status rc = lev_edge_leverage(net, NULL, 256, a, b, v, &len);
    if (rc) cr_assert_eq(len, 0, "len written on failure");
    return rc;
}

static lev_status op_channel_bypass(lev_network *net, void *arg) {
    (void)arg;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_THREADS, 1);
    double sh[64 * 4], dep[64];
    dep[0] = 7;
    lev_status rc = lev_channel_bypass(net, p, sh, dep);
    if (rc) cr_assert_eq(dep[0], 7, "output written on failure");
    lev_params_free(p);
    return rc;
}

Test(oom, bypass_leverage) {
    sweep("lev_channel_bypass", op_channel_bypass, NULL, 1);
    static const int push[] = {LEV_BYPASS_PAGERANK, 0, 1}, recompute[] = {LEV_BYPASS_PAGERANK, 1, 1},
                     greedy[] = {LEV_BYPASS_PAGERANK, 1, 2}, cheap[] = {LEV_BYPASS_STRENGTH, 0, 2};
    sweep("lev_tie_bypass pagerank push", op_tie_bypass, (void *)push, 1);
    sweep("lev_tie_bypass pagerank recomputed", op_tie_bypass, (void *)recompute, 1);
    sweep("lev_tie_bypass pagerank k = 2", op_tie_bypass, (void *)greedy, 1);
    sweep("lev_tie_bypass strength k = 2", op_tie_bypass, (void *)cheap, 1);
    sweep("lev_reliance", op_reliance, NULL, 1);
    sweep("lev_edge_leverage", op_edge_leverage, NULL, 1);
}

/* Drawing: the layout of the fixture (outputs untouched on failure). */
static lev_status op_layout(lev_network *net, void *arg) {
    (void)arg;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_LAYOUT_ITERATIONS, 20);
    lev_params_set_int(p, LEV_P_THREADS, 2);
    double xy[2 * 64];
    xy[0] = 7;
    lev_status rc = lev_layout(net, p, xy);
    if (rc) cr_assert_eq(xy[0], 7, "output written on failure");
    lev_params_free(p);
    return rc;
}

Test(oom, layout) {
    sweep("lev_layout", op_layout, NULL, 1);
}

/* lev_closeness / lev_harmonic in hops from 32 sources on: the multi-source BFS's scratch (the
 * reverse view of a directed network, the per-thread words); outputs untouched, nothing leaked. */
Test(oom, closeness_multi_source_bfs) {
    for (int form = 0; form < 2; form++) {
        long fail_at;
        for (fail_at = 0;; fail_at++) {
            failalloc fa = {0};
            lev_network *net;
            cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
            test_add_actors(net, 40, "m");
            for (uint32_t v = 0; v < 40; v++) {
                cr_assert_eq(lev_edge_add(net, v, (v + 1) % 40, 1, NULL, NULL), LEV_OK);
                cr_assert_eq(lev_edge_add(net, v, (v * 7 + 3) % 40, 2, NULL, NULL), LEV_OK);
            }
            lev_params *p;
            cr_assert_eq(lev_params_new(&p), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, 2), LEV_OK);
            double out[40];
            for (int v = 0; v < 40; v++) out[v] = -1;
            fa.fail_at = fa.calls + fail_at;
            fa.armed = 1;
            lev_status rc = form ? lev_harmonic(net, p, out) : lev_closeness(net, p, out);
            fa.armed = 0;
            if (rc == LEV_OK) {
                for (int v = 0; v < 40; v++) cr_assert(out[v] > 0, "actor %d scored %g", v, out[v]);
            } else {
                cr_assert_eq(rc, LEV_ENOMEM, "allocation %ld failed with %s", fail_at, lev_status_name(rc));
                cr_assert_eq(lev_params_errcode(p), LEV_ENOMEM);
                for (int v = 0; v < 40; v++) cr_assert(out[v] == -1, "allocation %ld: output written", fail_at);
            }
            lev_params_free(p);
            lev_network_free(net);
            cr_assert_eq(fa.live_blocks, 0, "allocation %ld: %ld blocks leaked", fail_at, fa.live_blocks);
            cr_assert(!fa.bad_osize, "a free or realloc passed the wrong old size");
            if (rc == LEV_OK) break;
        }
        cr_assert(fail_at >= 5, "the call allocated only %ld blocks", fail_at);
    }
}
