/* The model: versions, status codes, networks, actors, groups, resources, edges, messages. */
#include "helpers.h"

Test(model, versions_agree) {
    cr_assert_eq(lev_version(), LEV_VERSION_NUMBER);
    cr_assert_str_eq(lev_version_string(), LEV_VERSION_STRING);
    char b[32];
    snprintf(b, sizeof b, "%d.%d.%d", LEV_VERSION_MAJOR, LEV_VERSION_MINOR, LEV_VERSION_PATCH);
    cr_assert_str_eq(b, LEV_VERSION_STRING);
}

Test(model, status_texts_and_names) {
#define LEV_X_(name, code, text)                                  \
    cr_assert_eq(LEV_##name, code);                               \
    cr_assert_str_eq(lev_strerror(code), text);                   \
    cr_assert_str_eq(lev_status_name(code), "LEV_" #name);
    LEV_STATUS_MAP(LEV_X_)
#undef LEV_X_
    cr_assert_str_eq(lev_strerror(9999), "unknown status");
    cr_assert_str_eq(lev_strerror(-1), "unknown status");
    cr_assert_str_eq(lev_status_name(9999), "LEV_UNKNOWN");
}

Test(model, new_free_and_null_handles) {
    cr_assert_eq(lev_network_new(NULL), LEV_EMISUSE);
    lev_network *net = (lev_network *)1;
    cr_assert_eq(lev_network_new_with_alloc(&net, NULL, NULL), LEV_EMISUSE);
    cr_assert_null(net);
    lev_network_free(NULL); /* doc: does nothing */
    cr_assert_eq(lev_actor_count(NULL), 0);
    cr_assert_eq(lev_edge_count(NULL), 0);
    cr_assert_eq(lev_resource_count(NULL), 0);
    cr_assert_null(lev_actor_name(NULL, 0));
    cr_assert_null(lev_actor_group(NULL, 0));
    cr_assert_null(lev_resource_name(NULL, 0));
    cr_assert_eq(lev_errcode(NULL), LEV_EMISUSE);
    cr_assert_not_null(lev_errmsg(NULL));
    cr_assert_eq(lev_actor_add(NULL, "a", NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_actor_find(NULL, "a", NULL), LEV_EMISUSE);
    cr_assert_eq(lev_actor_set_group(NULL, 0, "g"), LEV_EMISUSE);
    cr_assert_eq(lev_resource_add(NULL, "r", NULL), LEV_EMISUSE);
    cr_assert_eq(lev_resource_find(NULL, "r", NULL), LEV_EMISUSE);
    cr_assert_eq(lev_actor_set_resource(NULL, 0, 0, 1, 1), LEV_EMISUSE);
    cr_assert_eq(lev_actor_get_resource(NULL, 0, 0, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_resource_amounts(NULL, 0, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edge_add(NULL, 0, 0, 1, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edge_add_by_name(NULL, "a", "b", 1, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edge_get(NULL, 0, NULL, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_errcode(net), LEV_OK);
    cr_assert_str_eq(lev_errmsg(net), "");
    cr_assert_eq(lev_actor_add(net, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_actor_find(net, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edge_add_by_name(net, NULL, "b", 1, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_resource_add(net, NULL, NULL), LEV_EMISUSE);
    lev_network_free(net);
}

Test(model, actors_dense_indices_names_groups) {
    lev_network *net;
    lev_network_new(&net);
    uint32_t i = 99;
    cr_assert_eq(lev_actor_add(net, "Medici", "medicean", &i), LEV_OK);
    cr_assert_eq(i, 0);
    cr_assert_eq(lev_actor_add(net, "Strozzi", NULL, &i), LEV_OK);
    cr_assert_eq(i, 1);
    cr_assert_eq(lev_actor_add(net, "Zoë", "", NULL), LEV_OK);
    cr_assert_eq(lev_actor_count(net), 3);
    cr_assert_str_eq(lev_actor_name(net, 2), "Zoë");
    cr_assert_str_eq(lev_actor_group(net, 0), "medicean");
    cr_assert_null(lev_actor_group(net, 1));
    cr_assert_null(lev_actor_group(net, 2)); /* "" is no group */
    cr_assert_null(lev_actor_name(net, 3));
    cr_assert_eq(lev_actor_find(net, "Strozzi", &i), LEV_OK);
    cr_assert_eq(i, 1);
    cr_assert_eq(lev_actor_find(net, "strozzi", &i), LEV_ENOTFOUND); /* byte for byte */
    cr_assert_eq(i, LEV_NONE);
    cr_assert_eq(lev_actor_set_group(net, 1, "oligarch"), LEV_OK);
    cr_assert_str_eq(lev_actor_group(net, 1), "oligarch");
    cr_assert_eq(lev_actor_set_group(net, 1, NULL), LEV_OK);
    cr_assert_null(lev_actor_group(net, 1));
    cr_assert_eq(lev_actor_set_group(net, 7, "x"), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "no actor 7"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_set_group(net, 0, "\xff"), LEV_EINVAL);
    cr_assert_str_eq(lev_actor_group(net, 0), "medicean");
    lev_network_free(net);
}

/* doc: lev_actor_add, bad names fail with a message and change nothing. */
Test(model, bad_actor_names_change_nothing) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "A", "g", NULL);
    char *before = dump_network(net);
    struct { const char *name, *group; lev_status rc; const char *msg; } bad[] = {
        {"", NULL, LEV_EINVAL, "empty"},
        {"A", NULL, LEV_EEXIST, "already exists"},
        {"\xc3\x28", NULL, LEV_EINVAL, "UTF-8"},     /* invalid continuation */
        {"\xed\xa0\x80", NULL, LEV_EINVAL, "UTF-8"}, /* surrogate */
        {"\xc0\xaf", NULL, LEV_EINVAL, "UTF-8"},     /* overlong */
        {"\xf4\x90\x80\x80", NULL, LEV_EINVAL, "UTF-8"}, /* past U+10FFFF */
        {"B", "\xe2\x82", LEV_EINVAL, "group"},      /* truncated group */
        {"A", "newgroup", LEV_EEXIST, "already exists"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        cr_assert_eq(lev_actor_add(net, bad[k].name, bad[k].group, NULL), bad[k].rc, "case %zu", k);
        cr_assert_eq(lev_errcode(net), bad[k].rc);
        cr_assert(strstr(lev_errmsg(net), bad[k].msg), "case %zu: %s", k, lev_errmsg(net));
        char *after = dump_network(net);
        cr_assert_str_eq(after, before, "case %zu changed the network", k);
        free(after);
    }
    free(before);
    lev_network_free(net);
}

Test(model, many_actors_hash_growth) {
    lev_network *net;
    lev_network_new(&net);
    char name[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof name, "actor-%d", i);
        cr_assert_eq(lev_actor_add(net, name, i % 2 ? "odd" : "even", NULL), LEV_OK);
    }
    for (int i = 0; i < 5000; i++) {
        uint32_t k;
        snprintf(name, sizeof name, "actor-%d", i);
        cr_assert_eq(lev_actor_find(net, name, &k), LEV_OK);
        cr_assert_eq(k, (uint32_t)i);
        cr_assert_str_eq(lev_actor_group(net, k), i % 2 ? "odd" : "even");
    }
    lev_network_free(net);
}

Test(model, resources_holds_and_needs) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "A", NULL, NULL);
    lev_actor_add(net, "B", NULL, NULL);
    uint32_t r = 9, v;
    cr_assert_eq(lev_resource_add(net, "wealth", &r), LEV_OK);
    cr_assert_eq(r, 0);
    cr_assert_eq(lev_resource_add(net, "votes", &v), LEV_OK);
    cr_assert_eq(v, 1);
    cr_assert_eq(lev_resource_add(net, "wealth", NULL), LEV_EEXIST);
    cr_assert_eq(lev_resource_add(net, "", NULL), LEV_EINVAL);
    cr_assert_eq(lev_resource_count(net), 2);
    cr_assert_str_eq(lev_resource_name(net, 1), "votes");
    cr_assert_null(lev_resource_name(net, 2));
    cr_assert_eq(lev_resource_find(net, "votes", &r), LEV_OK);
    cr_assert_eq(r, 1);
    cr_assert_eq(lev_resource_find(net, "land", &r), LEV_ENOTFOUND);
    double h = -1, n = -1;
    cr_assert_eq(lev_actor_get_resource(net, 1, 0, &h, &n), LEV_OK);
    cr_assert(h == 0 && n == 0, "unset amounts are 0");
    cr_assert_eq(lev_actor_set_resource(net, 1, 0, 103, 5), LEV_OK);
    cr_assert_eq(lev_actor_get_resource(net, 1, 0, &h, &n), LEV_OK);
    cr_assert(h == 103 && n == 5);
    /* Bad amounts and indices change nothing. */
    cr_assert_eq(lev_actor_set_resource(net, 1, 0, -1, 0), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), ">= 0"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_set_resource(net, 1, 0, 1, NAN), LEV_EINVAL);
    cr_assert_eq(lev_actor_set_resource(net, 1, 0, INFINITY, 1), LEV_EINVAL);
    cr_assert_eq(lev_actor_set_resource(net, 2, 0, 1, 1), LEV_EINVAL);
    cr_assert_eq(lev_actor_set_resource(net, 0, 2, 1, 1), LEV_EINVAL);
    cr_assert_eq(lev_actor_get_resource(net, 2, 0, &h, &n), LEV_EINVAL);
    cr_assert_eq(lev_actor_get_resource(net, 1, 0, &h, &n), LEV_OK);
    cr_assert(h == 103 && n == 5);
    /* An actor added later holds 0 of existing resources. */
    lev_actor_add(net, "C", NULL, NULL);
    double hs[3] = {-1, -1, -1}, ns[3] = {-1, -1, -1};
    cr_assert_eq(lev_resource_amounts(net, 0, hs, ns), LEV_OK);
    cr_assert(hs[0] == 0 && hs[1] == 103 && hs[2] == 0 && ns[1] == 5 && ns[2] == 0);
    cr_assert_eq(lev_resource_amounts(net, 5, hs, ns), LEV_EINVAL);
    cr_assert_eq(lev_resource_amounts(net, 1, hs, NULL), LEV_OK);
    cr_assert(hs[1] == 0);
    lev_network_free(net);
}

Test(model, edges_read_back_exactly) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "A", NULL, NULL);
    lev_actor_add(net, "B", NULL, NULL);
    size_t e = 9;
    cr_assert_eq(lev_edge_add(net, 0, 1, 0.1, NULL, &e), LEV_OK);
    cr_assert_eq(e, 0);
    cr_assert_eq(lev_edge_add(net, 0, 1, 2, "money", &e), LEV_OK); /* parallel, other channel */
    cr_assert_eq(e, 1);
    cr_assert_eq(lev_edge_add(net, 1, 1, 3, "kinship", NULL), LEV_OK); /* self-loop */
    cr_assert_eq(lev_edge_count(net), 3);
    uint32_t s, t;
    double w;
    const char *ch = "x";
    cr_assert_eq(lev_edge_get(net, 0, &s, &t, &w, &ch), LEV_OK);
    cr_assert(s == 0 && t == 1 && w == 0.1 && ch == NULL); /* exactly as added, not float32 */
    cr_assert_eq(lev_edge_get(net, 1, NULL, NULL, NULL, &ch), LEV_OK);
    cr_assert_str_eq(ch, "money");
    cr_assert_eq(lev_edge_get(net, 2, &s, &t, NULL, &ch), LEV_OK);
    cr_assert(s == 1 && t == 1);
    cr_assert_str_eq(ch, "kinship");
    cr_assert_eq(lev_edge_get(net, 3, &s, &t, &w, &ch), LEV_EINVAL);
    lev_network_free(net);
}

/* Strengths are kept in single precision while each is exactly a float, and move to double at the
 * first that is not: every one reads back exactly either way. */
Test(model, strengths_exact_across_the_switch_to_double) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "A", NULL, NULL);
    lev_actor_add(net, "B", NULL, NULL);
    double w[] = {1, 2.5, 0x1.fffffep+127, 0x1p-126, 3e6, 0.1, 1 + 0x1p-30, 7};
    size_t k = sizeof w / sizeof w[0];
    for (size_t i = 0; i < 5; i++) cr_assert_eq(lev_edge_add(net, 0, 1, w[i], NULL, NULL), LEV_OK);
    uint32_t s[] = {1, 0, 1}, t[] = {0, 0, 1};
    cr_assert_eq(lev_edges_add(net, 3, s, t, w + 5, NULL, NULL), LEV_OK); /* 0.1: the switch */
    for (size_t i = 0; i < k; i++) {
        double x;
        cr_assert_eq(lev_edge_get(net, i, NULL, NULL, &x, NULL), LEV_OK);
        cr_assert_eq(x, w[i], "edge %zu: %a, expected %a", i, x, w[i]);
    }
    /* The same edges added in the other order (double from the start) analyse the same. */
    lev_network *b;
    lev_network_new(&b);
    lev_actor_add(b, "A", NULL, NULL);
    lev_actor_add(b, "B", NULL, NULL);
    cr_assert_eq(lev_edge_add(b, 0, 1, 0.1, NULL, NULL), LEV_OK);
    double pa[2], pb[2];
    cr_assert_eq(lev_edge_add(net, 0, 1, 0.1, NULL, NULL), LEV_OK);
    for (size_t i = 0; i < 5; i++) cr_assert_eq(lev_edge_add(b, 0, 1, w[i], NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edges_add(b, 3, s, t, w + 5, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_strength(net, NULL, pa), LEV_OK);
    cr_assert_eq(lev_strength(b, NULL, pb), LEV_OK);
    cr_assert_eq(memcmp(pa, pb, sizeof pa), 0);
    char *da = dump_network(net), *db = dump_network(b);
    cr_assert_str_neq(da, db); /* edge order differs */
    free(da);
    free(db);
    lev_network_free(net);
    lev_network_free(b);
}

/* doc: lev_edges_add is count calls of lev_edge_add, all or nothing. */
Test(model, edges_add_in_bulk) {
    lev_network *a, *b;
    lev_network_new(&a);
    lev_network_new(&b);
    const char *names[] = {"A", "B", "C", "D"};
    for (int i = 0; i < 4; i++) {
        lev_actor_add(a, names[i], NULL, NULL);
        lev_actor_add(b, names[i], NULL, NULL);
    }
    uint32_t src[] = {0, 1, 2, 3, 3, 0}, tgt[] = {1, 2, 3, 3, 0, 1};
    double w[] = {0.1, 2, 3.5, 1, 1e-3, 7};
    size_t first = 99;
    cr_assert_eq(lev_edge_add(a, 2, 0, 4, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(b, 2, 0, 4, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edges_add(a, 6, src, tgt, w, "money", &first), LEV_OK);
    cr_assert_eq(first, 1);
    for (int i = 0; i < 6; i++) cr_assert_eq(lev_edge_add(b, src[i], tgt[i], w[i], "money", NULL), LEV_OK);
    /* Strength 1 when strengths is NULL; no channel. */
    cr_assert_eq(lev_edges_add(a, 2, src, tgt, NULL, NULL, &first), LEV_OK);
    cr_assert_eq(first, 7);
    for (int i = 0; i < 2; i++) cr_assert_eq(lev_edge_add(b, src[i], tgt[i], 1, NULL, NULL), LEV_OK);
    /* Nothing to add: fine, even with NULL arrays. */
    cr_assert_eq(lev_edges_add(a, 0, NULL, NULL, NULL, "unused", &first), LEV_OK);
    cr_assert_eq(first, 9);
    char *da = dump_network(a), *db = dump_network(b);
    cr_assert_str_eq(da, db);
    free(da);
    free(db);
    double w0;
    cr_assert_eq(lev_edge_get(a, 1, NULL, NULL, &w0, NULL), LEV_OK);
    cr_assert_eq(w0, 0.1); /* exact */
    /* Analyses see the same network. */
    double pa[4], pb[4];
    cr_assert_eq(lev_pagerank(a, NULL, NULL, pa), LEV_OK);
    cr_assert_eq(lev_pagerank(b, NULL, NULL, pb), LEV_OK);
    cr_assert_eq(memcmp(pa, pb, sizeof pa), 0);
    lev_network_free(a);
    lev_network_free(b);
}

Test(model, bad_bulk_edges_change_nothing) {
    lev_network *net;
    lev_network_new(&net);
    lev_edge_add_by_name(net, "A", "B", 1, "money", NULL);
    double pr[2];
    cr_assert_eq(lev_pagerank(net, NULL, NULL, pr), LEV_OK); /* the compact form is built */
    char *before = dump_network(net);
    uint32_t s[] = {0, 1, 0, 1}, t[] = {1, 0, 1, 0};
    uint32_t bad_t[] = {1, 0, 2, 0};
    double w[] = {1, 2, 3, 4}, bad_w[] = {1, 2, NAN, 4}, tiny_w[] = {1, 2, 3, 1e-40};
    cr_assert_eq(lev_edges_add(net, 4, s, bad_t, w, NULL, NULL), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "edge 2 of 4: no actor 2"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_edges_add(net, 4, s, t, bad_w, "fresh", NULL), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "edge 2 of 4: strength"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_edges_add(net, 4, s, t, tiny_w, NULL, NULL), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "edge 3 of 4: strength"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_edges_add(net, 4, s, t, w, "\x80", NULL), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "channel"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_edges_add(net, 4, NULL, t, w, NULL, NULL), LEV_EMISUSE);
    cr_assert(strstr(lev_errmsg(net), "sources is NULL"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_edges_add(net, 4, s, NULL, w, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edges_add(NULL, 4, s, t, w, NULL, NULL), LEV_EMISUSE);
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(after);
    free(before);
    /* And the compact form still matches the model. */
    double pr2[2];
    cr_assert_eq(lev_pagerank(net, NULL, NULL, pr2), LEV_OK);
    cr_assert_eq(memcmp(pr, pr2, sizeof pr), 0);
    lev_network_free(net);
}

/* doc: lev_edge_add, strength finite and > 0, known actors; failures change nothing. */
Test(model, bad_edges_change_nothing) {
    lev_network *net;
    lev_network_new(&net);
    lev_edge_add_by_name(net, "A", "B", 1, "money", NULL);
    char *before = dump_network(net);
    struct { uint32_t s, t; double w; const char *ch; const char *msg; } bad[] = {
        {0, 1, 0, NULL, "strength"}, {0, 1, -1, NULL, "strength"}, {0, 1, NAN, NULL, "strength"},
        {0, 1, INFINITY, NULL, "strength"}, {0, 1, -INFINITY, "new", "strength"}, {0, 2, 1, NULL, "no actor 2"},
        {LEV_NONE, 0, 1, NULL, "no actor"}, {0, 1, 1e300, NULL, "single-precision"},
        {0, 1, 1e-300, NULL, "single-precision"}, {0, 1, 1e-40, NULL, "single-precision"}, /* subnormal */
        {0, 1, 1, "\x80", "channel"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        cr_assert_eq(lev_edge_add(net, bad[k].s, bad[k].t, bad[k].w, bad[k].ch, NULL), LEV_EINVAL, "case %zu", k);
        cr_assert(strstr(lev_errmsg(net), bad[k].msg), "case %zu: %s", k, lev_errmsg(net));
        char *after = dump_network(net);
        cr_assert_str_eq(after, before, "case %zu", k);
        free(after);
    }
    /* add_by_name is all or nothing: a bad strength adds neither actor. */
    cr_assert_eq(lev_edge_add_by_name(net, "C", "D", NAN, "fresh", NULL), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "\"C\" -> \"D\""), "%s", lev_errmsg(net));
    cr_assert_eq(lev_edge_add_by_name(net, "C", "", 1, NULL, NULL), LEV_EINVAL);
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    cr_assert_eq(lev_actor_find(net, "C", NULL), LEV_ENOTFOUND);
    free(after);
    free(before);
    /* A successful add_by_name reuses existing actors. */
    cr_assert_eq(lev_edge_add_by_name(net, "B", "C", 2, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_count(net), 3);
    lev_network_free(net);
}

Test(model, custom_allocator_sees_every_byte) {
    failalloc fa = {0};
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("examples/data/florentine_edges.csv"), NULL), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL),
                 LEV_ENOTFOUND); /* Pucci is in no edge: an unknown actor */
    cr_assert(strstr(lev_errmsg(net), "Pucci"), "%s", lev_errmsg(net));
    double pr[15];
    cr_assert_eq(lev_pagerank(net, NULL, NULL, pr), LEV_OK);
    cr_assert(fa.live_blocks > 0 && fa.live_bytes > 0);
    lev_network_free(net);
    cr_assert_eq(fa.live_blocks, 0, "leaked %ld blocks", fa.live_blocks);
    cr_assert_eq(fa.live_bytes, 0);
    cr_assert_eq(fa.bad_osize, 0, "an osize passed to the allocator was not the block's size");
}
