/*
 * Allocation failure where the library uses the C library's malloc, its default allocator for
 * what belongs to no network: lev_params_new, and the scratch of the inequality measures that
 * sort a copy of their input (Gini, Palma, top share, Lorenz) when their params come from
 * lev_params_new or are NULL. (Params made by lev_params_new_with_alloc route both through the
 * caller's allocator instead: test_oom.c sweeps that.) The failure is injected by linking the
 * static library with `-Wl,--wrap=malloc`: every malloc call of the library lands in
 * __wrap_malloc below, which fails while `fail_malloc` is set. Each call must return LEV_ENOMEM
 * with a message on its params, leave its outputs untouched, and work once malloc works again.
 */
#include "helpers.h"

#include <stdlib.h>

void *__real_malloc(size_t n);
void *__wrap_malloc(size_t n);

static int fail_malloc;
static long malloc_calls;

void *__wrap_malloc(size_t n) {
    if (fail_malloc) {
        malloc_calls++;
        return NULL;
    }
    return __real_malloc(n);
}

static const double x[] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
#define N (sizeof x / sizeof x[0])

/* Run f with malloc failing: LEV_ENOMEM, a message naming it, outputs untouched; then again
 * with malloc working: LEV_OK. */
#define EXPECT_ENOMEM(name, call, out, len)                                                         \
    do {                                                                                            \
        lev_params *p;                                                                              \
        cr_assert_eq(lev_params_new(&p), LEV_OK);                                                   \
        for (size_t i = 0; i < (len); i++) (out)[i] = -7;                                           \
        malloc_calls = 0;                                                                           \
        fail_malloc = 1;                                                                            \
        lev_status rc = (call);                                                                     \
        fail_malloc = 0;                                                                            \
        cr_assert_eq(rc, LEV_ENOMEM, "%s: %s", name, lev_status_name(rc));                         \
        cr_assert_gt(malloc_calls, 0, "%s never called malloc", name);                              \
        cr_assert_eq(lev_params_errcode(p), LEV_ENOMEM, "%s", name);                                \
        cr_assert(strstr(lev_params_errmsg(p), "out of memory"), "%s: %s", name, lev_params_errmsg(p)); \
        for (size_t i = 0; i < (len); i++) cr_assert_eq((out)[i], -7, "%s: output %zu written", name, i); \
        cr_assert_eq((call), LEV_OK, "%s after malloc works again", name);                          \
        lev_params_free(p);                                                                         \
    } while (0)

Test(malloc_fail, sorting_measures_report_enomem) {
    double g[1], pa[1], ts[1], px[N + 1], py[N + 1];
    EXPECT_ENOMEM("lev_gini", lev_gini(x, N, p, g), g, 1);
    EXPECT_ENOMEM("lev_palma", lev_palma(x, N, p, pa), pa, 1);
    EXPECT_ENOMEM("lev_top_share", lev_top_share(x, N, p, ts), ts, 1);
    EXPECT_ENOMEM("lev_lorenz (x)", lev_lorenz(x, N, p, px, py), px, N + 1);
    EXPECT_ENOMEM("lev_lorenz (y)", lev_lorenz(x, N, p, px, py), py, N + 1);
}

Test(malloc_fail, without_params_nothing_is_recorded_but_the_code) {
    double g = -7;
    fail_malloc = 1;
    lev_status rc = lev_gini(x, N, NULL, &g);
    fail_malloc = 0;
    cr_assert_eq(rc, LEV_ENOMEM);
    cr_assert_eq(g, -7);
}

Test(malloc_fail, params_new) {
    lev_params *p = (lev_params *)&p;
    malloc_calls = 0;
    fail_malloc = 1;
    lev_status rc = lev_params_new(&p);
    fail_malloc = 0;
    cr_assert_gt(malloc_calls, 0);
    cr_assert_eq(rc, LEV_ENOMEM);
    cr_assert_null(p);
}

Test(malloc_fail, params_with_an_allocator_do_not_use_malloc) {
    /* doc: lev_params_new_with_alloc: the object and the scratch of the calls without a network
     * come from f (here the checking allocator of helpers.h, which calls realloc, never malloc) */
    failalloc fa = {0};
    lev_params *p;
    double g = -7, px[N + 1], py[N + 1];
    malloc_calls = 0;
    fail_malloc = 1;
    lev_status rc = lev_params_new_with_alloc(&p, fail_alloc_fn, &fa);
    lev_status rg = rc ? rc : lev_gini(x, N, p, &g);
    lev_status rl = rc ? rc : lev_lorenz(x, N, p, px, py);
    fail_malloc = 0;
    cr_assert_eq(rc, LEV_OK);
    cr_assert_eq(rg, LEV_OK);
    cr_assert_eq(rl, LEV_OK);
    cr_assert_eq(malloc_calls, 0);
    cr_assert_eq(fa.calls, 3, "the params block and two sorted copies");
    cr_assert(g > 0.3 && g < 0.4, "%g", g);
    lev_params_free(p);
    cr_assert_eq(fa.live_blocks, 0);
}
