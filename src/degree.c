/* Degree and strength: in, out, total; directed or undirected; weighted or not. */
#include "internal.h"

/* The shared body: per actor, the count (weighted 0) or strength sum of the rows asked for. */
static lev_status degree_like(const lev_network *net, lev_params *p, double *out, int weighted,
                              const char *what) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    int dir = lev__param(p, LEV_P_UNDIRECTED) != 0 ? LEV_DIR_ALL : (int)lev__param(p, LEV_P_DIRECTION);
    if (!lev__param(p, LEV_P_WEIGHTED)) weighted = 0;
    for (uint32_t v = 0; v < g->n; v++) {
        double s = 0;
        if (dir & LEV_DIR_OUT) {
            if (weighted)
                for (size_t k = g->out_off[v]; k < g->out_off[v + 1]; k++) s += lev__ow(g, k);
            else
                s += (double)(g->out_off[v + 1] - g->out_off[v]);
        }
        if (dir & LEV_DIR_IN) {
            if (weighted)
                for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++) s += lev__iw(g, k);
            else
                s += (double)(g->in_off[v + 1] - g->in_off[v]);
        }
        out[v] = s;
    }
    return LEV_OK;
}

lev_status lev_degree(const lev_network *net, lev_params *p, double *out) {
    return degree_like(net, p, out, 0, "degree");
}

lev_status lev_strength(const lev_network *net, lev_params *p, double *out) {
    return degree_like(net, p, out, 1, "strength");
}
