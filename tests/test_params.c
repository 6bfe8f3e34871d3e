/* Options: keys, types, bounds, defaults, names; progress; messages on the params object. */
#include "helpers.h"

static const struct { lev_param key; const char *name; int type; double dflt; } keys[] = {
    {LEV_P_SEED, "seed", LEV_TYPE_INT, 1},           {LEV_P_THREADS, "threads", LEV_TYPE_INT, 0},
    {LEV_P_TOLERANCE, "tolerance", LEV_TYPE_DOUBLE, 1e-10}, {LEV_P_MAX_ITER, "max_iter", LEV_TYPE_INT, 1000},
    {LEV_P_UNDIRECTED, "undirected", LEV_TYPE_INT, 0}, {LEV_P_WEIGHTED, "weighted", LEV_TYPE_INT, 1},
    {LEV_P_DIRECTION, "direction", LEV_TYPE_INT, LEV_DIR_ALL}, {LEV_P_DAMPING, "damping", LEV_TYPE_DOUBLE, 0.85},
};

/* doc: each key's documented default, type and name. */
Test(params, documented_defaults) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        const char *name;
        int type;
        double lo, hi, dflt, v;
        int64_t iv;
        cr_assert_eq(lev_param_info(keys[k].key, &name, &type, &lo, &hi, &dflt), LEV_OK);
        cr_assert_str_eq(name, keys[k].name);
        cr_assert_eq(type, keys[k].type);
        cr_assert_eq(dflt, keys[k].dflt, "%s", name);
        cr_assert(lo <= dflt && dflt <= hi);
        cr_assert_eq(lev_params_get_double(p, keys[k].key, &v), LEV_OK);
        cr_assert_eq(v, dflt);
        cr_assert_eq(lev_params_get_double(NULL, keys[k].key, &v), LEV_OK); /* NULL = defaults */
        cr_assert_eq(v, dflt);
        cr_assert_eq(lev_params_get_int(NULL, keys[k].key, &iv), LEV_OK);
        cr_assert_eq(iv, (int64_t)dflt);
        lev_param found;
        cr_assert_eq(lev_param_find(name, &found), LEV_OK);
        cr_assert_eq(found, keys[k].key);
    }
    lev_param found;
    cr_assert_eq(lev_param_find("nope", &found), LEV_ENOTFOUND);
    cr_assert_eq(lev_param_find(NULL, &found), LEV_EMISUSE);
    cr_assert_eq(lev_param_info((lev_param)12345, NULL, NULL, NULL, NULL, NULL), LEV_EUNSUPPORTED);
    lev_params_free(p);
    lev_params_free(NULL);
}

/* doc: lev_params_set_*, out of bounds or wrong type is LEV_EINVAL, never clamped. */
Test(params, bounds_types_and_messages) {
    lev_params *p;
    lev_params_new(&p);
    double v;
    cr_assert_eq(lev_params_set_double(p, LEV_P_DAMPING, 1.5), LEV_EINVAL);
    cr_assert_eq(lev_params_errcode(p), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "damping"), "%s", lev_params_errmsg(p));
    lev_params_get_double(p, LEV_P_DAMPING, &v);
    cr_assert_eq(v, 0.85);
    cr_assert_eq(lev_params_set_double(p, LEV_P_DAMPING, NAN), LEV_EINVAL);
    cr_assert_eq(lev_params_set_double(p, LEV_P_DAMPING, -0.1), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DAMPING, 1), LEV_EINVAL); /* a double key */
    cr_assert(strstr(lev_params_errmsg(p), "lev_params_set_double"));
    cr_assert_eq(lev_params_set_double(p, LEV_P_MAX_ITER, 2.5), LEV_EINVAL); /* not whole */
    cr_assert_eq(lev_params_set_double(p, LEV_P_MAX_ITER, 20), LEV_OK);    /* whole: fine */
    cr_assert_eq(lev_params_set_int(p, LEV_P_MAX_ITER, 0), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, -1), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, 4), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 2), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 9007199254740993LL), LEV_EINVAL); /* 2^53 + 1: no rounding */
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 9007199254740992LL), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, (lev_param)999, 1), LEV_EUNSUPPORTED);
    cr_assert(strstr(lev_params_errmsg(p), "999"));
    cr_assert_eq(lev_params_set_double(p, (lev_param)999, 1), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_params_get_double(p, (lev_param)999, &v), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_params_get_double(p, LEV_P_DAMPING, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_params_set_int(NULL, LEV_P_SEED, 1), LEV_EMISUSE);
    cr_assert_eq(lev_params_set_double(NULL, LEV_P_DAMPING, 0.5), LEV_EMISUSE);
    cr_assert_eq(lev_params_set_progress(NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_params_errcode(NULL), LEV_EMISUSE);
    cr_assert_not_null(lev_params_errmsg(NULL));
    cr_assert_eq(lev_params_new(NULL), LEV_EMISUSE);
    /* Setting and reset. */
    int64_t iv;
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 42), LEV_OK);
    lev_params_get_int(p, LEV_P_SEED, &iv);
    cr_assert_eq(iv, 42);
    lev_params_reset(p);
    lev_params_get_int(p, LEV_P_SEED, &iv);
    cr_assert_eq(iv, 1);
    cr_assert_eq(lev_params_errcode(p), LEV_OK);
    cr_assert_str_eq(lev_params_errmsg(p), "");
    lev_params_reset(NULL);
    lev_params_free(p);
}

/* doc: analyses record failures on their params; a NULL params sends them to the network. */
Test(params, messages_go_to_params_not_network) {
    lev_network *net;
    lev_network_new(&net);
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1);
    lev_params_set_double(p, LEV_P_TOLERANCE, 0);
    double out[2];
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_ENOCONV);
    cr_assert_eq(lev_params_errcode(p), LEV_ENOCONV);
    cr_assert_eq(lev_errcode(net), LEV_OK);
    cr_assert_str_eq(lev_errmsg(net), "");
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: lev_param_at lists every key once, in increasing order; lev_param_info knows each. */
Test(params, every_key_listed_in_order) {
    lev_param prev = 0, key;
    size_t i = 0;
    for (; lev_param_at(i, &key) == LEV_OK; i++) {
        cr_assert_gt(key, prev, "key %d not after %d", (int)key, (int)prev);
        const char *name;
        lev_param found;
        cr_assert_eq(lev_param_info(key, &name, NULL, NULL, NULL, NULL), LEV_OK);
        cr_assert_eq(lev_param_find(name, &found), LEV_OK);
        cr_assert_eq(found, key);
        prev = key;
    }
    cr_assert_eq(i, 46, "the header documents 46 keys; lev_param_at listed %zu", i);
    cr_assert_eq(lev_param_at(i, &key), LEV_ENOTFOUND);
    cr_assert_eq(lev_param_at(0, NULL), LEV_EMISUSE);
    /* Spot-check the new keys' defaults against the header. */
    double v;
    lev_params_get_double(NULL, LEV_P_ALPHA, &v);
    cr_assert_eq(v, 0.1);
    lev_params_get_double(NULL, LEV_P_RESOLUTION, &v);
    cr_assert_eq(v, 1);
    lev_params_get_double(NULL, LEV_P_SCOPE, &v);
    cr_assert_eq(v, LEV_SCOPE_ALL);
    lev_params_get_double(NULL, LEV_P_INCROWD, &v);
    cr_assert_eq(v, LEV_INCROWD_GROUP);
}
