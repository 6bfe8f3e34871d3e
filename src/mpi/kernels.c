/*
 * The kernels over the distributed network: degree, strength, PageRank, weak components, and
 * gathering a result on one rank.
 *
 * PageRank repeats lev_pagerank()'s arithmetic exactly: the same expression per actor, each row
 * in the same order, the three reductions (dangling mass, L1 and signed change) summed per
 * 2048-actor block and then over the blocks in order. Ranks own whole blocks, so every rank
 * computes its blocks' partial sums, one all-gather per iteration gives everyone every block's,
 * and each adds them in block order:
 * the same bits as one machine, whatever the number of ranks. Its extrapolated steps are
 * lev_pagerank()'s too (src/pr_extra.h decides them from the L1 and the signed change; the
 * signed change hashes global ids).
 */
#include "mpi_internal.h"
#include "../pr_extra.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double param(const lev_params *p, lev_param key) {
    double v = 0;
    lev_params_get_double(p, key, &v); /* NULL p reads the default */
    return v;
}

/* The common entry check: a loaded network, an output where this rank has actors. */
static lev_status begin(lev_mpi_network *net, const void *out, const char *what) {
    lev_status rc = LEV_OK;
    if (!net->loaded) rc = lmpi_fail(net, LEV_EMISUSE, "%s: the network is not loaded", what);
    else if (!out && net->count) rc = lmpi_fail(net, LEV_EMISUSE, "%s: the output array is NULL", what);
    return lmpi_agree(net, rc);
}

static lev_status degree_like(lev_mpi_network *net, const lev_params *p, double *out, int weighted,
                              const char *what) {
    if (!net) return LEV_EMISUSE;
    lev_status rc = begin(net, out, what);
    if (rc) return rc;
    int dir = param(p, LEV_P_UNDIRECTED) != 0 ? LEV_DIR_ALL : (int)param(p, LEV_P_DIRECTION);
    if (param(p, LEV_P_WEIGHTED) == 0) weighted = 0;
    const lmpi_side *o = &net->out, *i = &net->in;
    for (uint32_t v = 0; v < net->count; v++) {
        double s = 0;
        if (dir & LEV_DIR_OUT) {
            if (weighted)
                for (size_t k = o->off[v]; k < o->off[v + 1]; k++) s += o->w[k];
            else
                s += (double)(o->off[v + 1] - o->off[v]);
        }
        if (dir & LEV_DIR_IN) {
            if (weighted)
                for (size_t k = i->off[v]; k < i->off[v + 1]; k++) s += i->w[k];
            else
                s += (double)(i->off[v + 1] - i->off[v]);
        }
        out[v] = s;
    }
    return LEV_OK;
}

lev_status lev_mpi_degree(lev_mpi_network *net, const lev_params *p, double *out) {
    return degree_like(net, p, out, 0, "degree");
}

lev_status lev_mpi_strength(lev_mpi_network *net, const lev_params *p, double *out) {
    return degree_like(net, p, out, 1, "strength");
}

/* ---- PageRank ---------------------------------------------------------------------------------- */

/* The gathers y[adj[k]] miss the cache; asking for the entry PF_DIST arcs ahead keeps several
 * misses in flight, as lev_pagerank() does (the same distance). The sums are unchanged. */
#define PF_DIST 64
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

static inline double pull(const lmpi_side *sd, uint32_t v, const double *y, int weighted) {
    double s = 0;
    size_t m = sd->m;
    if (weighted)
        for (size_t k = sd->off[v]; k < sd->off[v + 1]; k++) {
            if (k + PF_DIST < m) PREFETCH(&y[sd->adj[k + PF_DIST]]);
            s += (double)sd->w[k] * y[sd->adj[k]];
        }
    else
        for (size_t k = sd->off[v]; k < sd->off[v + 1]; k++) {
            if (k + PF_DIST < m) PREFETCH(&y[sd->adj[k + PF_DIST]]);
            s += y[sd->adj[k]];
        }
    return s;
}

/* Sum every rank's per-block partials in block order: k quantities per block, interleaved
 * (mine: k·nb doubles; cnt and displ count doubles), into sum[0..k). One all-gather for all k. */
static void block_sums(lev_mpi_network *net, const double *mine, int k, int nb, double *all, const int *cnt,
                       const int *displ, int nball, double *sum) {
    MPI_Allgatherv(mine, k * nb, MPI_DOUBLE, all, cnt, displ, MPI_DOUBLE, net->comm);
    for (int q = 0; q < k; q++) {
        double s = 0;
        for (int b = 0; b < nball; b++) s += all[(size_t)b * k + q];
        sum[q] = s;
    }
}

lev_status lev_mpi_pagerank(lev_mpi_network *net, const lev_params *p, double *out) {
    const char *what = "pagerank";
    if (!net) return LEV_EMISUSE;
    lev_status rc = begin(net, out, what);
    if (rc) return rc;
    uint64_t n = net->n;
    if (n == 0) return LEV_OK;
    double d = param(p, LEV_P_DAMPING), tol = param(p, LEV_P_TOLERANCE);
    long max_iter = (long)param(p, LEV_P_MAX_ITER);
    int undirected = param(p, LEV_P_UNDIRECTED) != 0, weighted = param(p, LEV_P_WEIGHTED) != 0;
    int reversed = !undirected && (int)param(p, LEV_P_DIRECTION) == LEV_DIR_OUT;
    /* The side v pulls over (A) and, undirected, the second one (B). */
    const lmpi_side *A = reversed ? &net->out : &net->in, *B = undirected ? &net->out : NULL;
    uint32_t nc = net->count;
    int P = net->size, nb = (int)((nc + LMPI_BLOCK - 1) / LMPI_BLOCK), nball = (int)((n + LMPI_BLOCK - 1) / LMPI_BLOCK);
    size_t ga = A->plan.nghost, gb = B ? B->plan.nghost : 0;
    size_t ns = A->plan.nsend > (B ? B->plan.nsend : 0) ? A->plan.nsend : (B ? B->plan.nsend : 0);
    /* x, xn, inv: nc each; ya: nc + ga; yb: nc + gb; scratch: ns; partials: 3 nb + 3 nball */
    size_t total = 3 * (size_t)nc + (nc + ga) + (B ? nc + gb : 0) + ns + 3 * (size_t)nb + 3 * (size_t)nball + 1;
    double *buf = malloc(total * sizeof *buf);
    int *cnt = malloc(4 * (size_t)P * sizeof *cnt);
    if (!buf || !cnt) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %u actors", what, nc);
    if ((rc = lmpi_agree(net, rc))) goto done;
    double *x = buf, *xn = x + nc, *inv = xn + nc, *ya = inv + nc, *yb = ya + nc + ga;
    /* part: per block, err, dangling mass and signed change (one quantity alone before and after
     * the iterations); all: every rank's, gathered */
    double *scratch = yb + (B ? nc + gb : 0), *part = scratch + ns, *all = part + 3 * (size_t)nb;
    int *displ = cnt + P, *cnt3 = displ + P, *displ3 = cnt3 + P;
    for (int r = 0; r < P; r++) {
        uint32_t c = net->bounds[r + 1] - net->bounds[r];
        cnt[r] = (int)((c + LMPI_BLOCK - 1) / LMPI_BLOCK);
        displ[r] = (int)(net->bounds[r] / LMPI_BLOCK);
        cnt3[r] = 3 * cnt[r];
        displ3[r] = 3 * displ[r];
    }
    /* The strength a walker leaves by: out forwards, in reversed, both undirected. */
    const lmpi_side *S = reversed ? &net->in : &net->out;
    for (uint32_t v = 0; v < nc; v++) {
        double s;
        if (weighted) {
            s = 0;
            for (size_t k = S->off[v]; k < S->off[v + 1]; k++) s += S->w[k];
            if (undirected)
                for (size_t k = net->in.off[v]; k < net->in.off[v + 1]; k++) s += net->in.w[k];
        } else {
            s = (double)(S->off[v + 1] - S->off[v]);
            if (undirected) s += (double)(net->in.off[v + 1] - net->in.off[v]);
        }
        inv[v] = s > 0 ? 1.0 / s : 0.0;
        x[v] = 1.0 / (double)n;
        ya[v] = x[v] * inv[v];
        if (B) yb[v] = ya[v];
    }
    for (int b = 0; b < nb; b++) {
        double s = 0;
        for (uint32_t v = (uint32_t)b * LMPI_BLOCK; v < nc && v < (uint32_t)(b + 1) * LMPI_BLOCK; v++)
            if (inv[v] == 0) s += x[v];
        part[b] = s;
    }
    double dmass;
    block_sums(net, part, 1, nb, all, cnt, displ, nball, &dmass);
    lmpi_exchange(net, &A->plan, ya, ya + nc, scratch);
    if (B) lmpi_exchange(net, &B->plan, yb, yb + nc, scratch);
    double qu = 1.0 / (double)n, err = INFINITY, cx = 0;
    uint64_t first = net->bounds[net->rank];
    lev__pr_extra ex = LEV__PR_EXTRA_INIT;
    long it;
    for (it = 1; it <= max_iter; it++) {
        double teleport = d * dmass + (1.0 - d);
        for (int b = 0; b < nb; b++) {
            double e = 0, dg = 0, sg = 0;
            for (uint32_t v = (uint32_t)b * LMPI_BLOCK; v < nc && v < (uint32_t)(b + 1) * LMPI_BLOCK; v++) {
                double s = pull(A, v, ya, weighted);
                if (B) s += pull(B, v, yb, weighted);
                double nv = d * s + teleport * qu;
                nv += cx * (nv - x[v]);
                if (nv < 0) nv = 0;
                e += fabs(nv - x[v]);
                sg += lev__pr_sign(first + v) * (nv - x[v]);
                xn[v] = nv;
                if (inv[v] == 0) dg += nv;
            }
            part[3 * b] = e;
            part[3 * b + 1] = dg;
            part[3 * b + 2] = sg;
        }
        double sums[3];
        block_sums(net, part, 3, nb, all, cnt3, displ3, nball, sums);
        err = sums[0], dmass = sums[1];
        double sgn = sums[2];
        double *t = x; x = xn; xn = t;
        for (uint32_t v = 0; v < nc; v++) {
            ya[v] = x[v] * inv[v];
            if (B) yb[v] = ya[v];
        }
        int plain = cx == 0;
        if (plain && err <= tol) break;
        cx = it + 1 < max_iter ? lev__pr_extrapolate(&ex, plain, err, sgn) : 0;
        lmpi_exchange(net, &A->plan, ya, ya + nc, scratch);
        if (B) lmpi_exchange(net, &B->plan, yb, yb + nc, scratch);
    }
    if (it > max_iter) {
        rc = lmpi_fail(net, LEV_ENOCONV,
                       "%s: did not converge in %ld iterations (L1 change %.3g, tolerance %.3g); raise "
                       "LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                       what, max_iter, err, tol);
        rc = lmpi_agree(net, rc); /* every rank saw the same err: all fail alike */
        goto done;
    }
    for (int b = 0; b < nb; b++) {
        double s = 0;
        for (uint32_t v = (uint32_t)b * LMPI_BLOCK; v < nc && v < (uint32_t)(b + 1) * LMPI_BLOCK; v++) s += x[v];
        part[b] = s;
    }
    double sum;
    block_sums(net, part, 1, nb, all, cnt, displ, nball, &sum);
    for (uint32_t v = 0; v < nc; v++) out[v] = x[v] / sum;
    rc = LEV_OK;
done:
    free(buf);
    free(cnt);
    return rc;
}

/* ---- weak components ------------------------------------------------------------------------- */

static int by_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Strong components by colouring (Orzan 2004; the distributed form of Fleischer, Hendrickson &
 * Pinar's forward-backward idea): while actors are left, every left actor takes the smallest id
 * among the left actors that reach it (min-label propagation along in-edges, in-ghosts exchanged
 * each round); an actor whose colour is its own id is a root, and the actors of its colour that
 * reach it (propagated back along out-edges, out-ghosts exchanged) are its component, labelled
 * with the root's id — the smallest id in the component, as the weak labels are. Those actors
 * leave; the rest go round again. Into la[0 .. count): each owned actor's label. Collective. */
static lev_status strong_labels(lev_mpi_network *net, double *la, double *lb, double *scratch, const char *what) {
    const double INF = 4294967296.0; /* above every id */
    uint32_t nc = net->count, first = net->first;
    const lmpi_side *A = &net->in, *B = &net->out;
    double *lab = malloc(((size_t)nc + 1) * sizeof *lab);
    unsigned char *act = malloc((size_t)nc + 1);
    lev_status rc = LEV_OK;
    if (!lab || !act) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %u actors", what, nc);
    if ((rc = lmpi_agree(net, rc))) {
        free(lab);
        free(act);
        return rc;
    }
    memset(act, 1, nc);
    for (;;) {
        int left = 0, anyleft = 0;
        for (uint32_t v = 0; v < nc; v++) left |= act[v];
        MPI_Allreduce(&left, &anyleft, 1, MPI_INT, MPI_LOR, net->comm);
        if (!anyleft) break;
        /* forward: colours */
        for (uint32_t v = 0; v < nc; v++) la[v] = act[v] ? (double)(first + v) : INF;
        for (;;) {
            lmpi_exchange(net, &A->plan, la, la + nc, scratch);
            int changed = 0, any = 0;
            for (uint32_t v = 0; v < nc; v++) {
                if (!act[v]) continue;
                double l = la[v];
                for (size_t k = A->off[v]; k < A->off[v + 1]; k++)
                    if (la[A->adj[k]] < l) l = la[A->adj[k]];
                uint32_t lv = (uint32_t)l; /* lv reaches v: what reaches lv does too */
                if (lv >= first && lv < first + nc && la[lv - first] < l) l = la[lv - first];
                if (l < la[v]) {
                    la[v] = l;
                    changed = 1;
                }
            }
            MPI_Allreduce(&changed, &any, 1, MPI_INT, MPI_LOR, net->comm);
            if (!any) break;
        }
        /* backward: the actors of a root's colour that reach it (lb: the colour when found, else INF) */
        for (uint32_t v = 0; v < nc; v++) lb[v] = act[v] && la[v] == (double)(first + v) ? la[v] : INF;
        for (;;) {
            lmpi_exchange(net, &B->plan, lb, lb + nc, scratch);
            int changed = 0, any = 0;
            for (uint32_t v = 0; v < nc; v++) {
                if (!act[v] || lb[v] != INF) continue;
                for (size_t k = B->off[v]; k < B->off[v + 1]; k++)
                    if (lb[B->adj[k]] == la[v]) {
                        lb[v] = la[v];
                        changed = 1;
                        break;
                    }
            }
            MPI_Allreduce(&changed, &any, 1, MPI_INT, MPI_LOR, net->comm);
            if (!any) break;
        }
        for (uint32_t v = 0; v < nc; v++)
            if (act[v] && lb[v] != INF) {
                lab[v] = lb[v];
                act[v] = 0;
            }
    }
    memcpy(la, lab, (size_t)nc * sizeof *la);
    free(lab);
    free(act);
    return LEV_OK;
}

lev_status lev_mpi_components(lev_mpi_network *net, const lev_params *p, uint32_t *component, uint64_t *count) {
    const char *what = "components";
    if (!net) return LEV_EMISUSE;
    lev_status rc = begin(net, component, what);
    if (rc) return rc;
    int strong = param(p, LEV_P_UNDIRECTED) == 0;
    uint32_t nc = net->count, first = net->first;
    const lmpi_side *A = &net->in, *B = &net->out;
    size_t ga = A->plan.nghost, gb = B->plan.nghost;
    size_t ns = A->plan.nsend > B->plan.nsend ? A->plan.nsend : B->plan.nsend;
    double *buf = malloc(((size_t)nc + ga + nc + gb + ns + 1) * sizeof *buf);
    uint32_t *cid = malloc(((size_t)nc + 1) * sizeof *cid);
    uint32_t *want = NULL, *ans = NULL;
    int *c = calloc(4 * (size_t)net->size, sizeof *c);
    if (!buf || !cid || !c) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %u actors", what, nc);
    if ((rc = lmpi_agree(net, rc))) goto done;
    double *la = buf, *lb = la + nc + ga, *scratch = lb + nc + gb;
    if (strong) {
        if ((rc = strong_labels(net, la, lb, scratch, what))) goto done;
    } else {
    for (uint32_t v = 0; v < nc; v++) la[v] = lb[v] = (double)(first + v);
    for (;;) {
        lmpi_exchange(net, &A->plan, la, la + nc, scratch);
        lmpi_exchange(net, &B->plan, lb, lb + nc, scratch);
        int changed = 0;
        for (uint32_t v = 0; v < nc; v++) {
            double l = la[v];
            for (size_t k = A->off[v]; k < A->off[v + 1]; k++) if (la[A->adj[k]] < l) l = la[A->adj[k]];
            for (size_t k = B->off[v]; k < B->off[v + 1]; k++) if (lb[B->adj[k]] < l) l = lb[B->adj[k]];
            /* pointer jumping when the label is owned here */
            uint32_t lv = (uint32_t)l;
            if (lv >= first && la[lv - first] < l) l = la[lv - first];
            if (l < la[v]) changed = 1;
            la[v] = lb[v] = l;
        }
        int any = 0;
        MPI_Allreduce(&changed, &any, 1, MPI_INT, MPI_LOR, net->comm);
        if (!any) break;
    }
    }
    /* Roots (their own label) are numbered in id order: an exclusive scan of the counts. */
    uint64_t roots = 0, base = 0, total = 0;
    for (uint32_t v = 0; v < nc; v++) roots += (uint32_t)la[v] == first + v;
    MPI_Exscan(&roots, &base, 1, MPI_UINT64_T, MPI_SUM, net->comm);
    if (net->rank == 0) base = 0;
    MPI_Allreduce(&roots, &total, 1, MPI_UINT64_T, MPI_SUM, net->comm);
    uint64_t k = base;
    size_t nremote = 0;
    for (uint32_t v = 0; v < nc; v++) {
        uint32_t l = (uint32_t)la[v];
        if (l == first + v) cid[v] = (uint32_t)k++;
        else if (l < first) nremote++;
    }
    for (uint32_t v = 0; v < nc; v++) {
        uint32_t l = (uint32_t)la[v];
        if (l != first + v && l >= first) cid[v] = cid[l - first];
    }
    /* Labels owned elsewhere (always smaller ids): ask their owners for their numbers. */
    want = malloc((nremote + 1) * sizeof *want);
    if (!want) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", what);
    if ((rc = lmpi_agree(net, rc))) goto done;
    nremote = 0;
    for (uint32_t v = 0; v < nc; v++)
        if ((uint32_t)la[v] < first) want[nremote++] = (uint32_t)la[v];
    if (nremote > 1) qsort(want, nremote, sizeof *want, by_u32);
    size_t u = 0;
    for (size_t q = 0; q < nremote; q++)
        if (u == 0 || want[u - 1] != want[q]) want[u++] = want[q];
    int P = net->size, *sc = c, *sd = c + P, *rcnt = c + 2 * P, *rd = c + 3 * P;
    for (size_t q = 0; q < u; q++) sc[lmpi_owner(net, want[q])]++;
    MPI_Alltoall(sc, 1, MPI_INT, rcnt, 1, MPI_INT, net->comm);
    long long nr = 0, acc = 0;
    for (int r = 0; r < P; r++) {
        sd[r] = (int)acc;
        acc += sc[r];
        rd[r] = (int)nr;
        nr += rcnt[r];
    }
    uint32_t *asks = malloc(((size_t)nr + 1) * sizeof *asks);
    ans = malloc((u + 1) * sizeof *ans);
    if (!asks || !ans) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", what);
    if ((rc = lmpi_agree(net, rc))) { free(asks); goto done; }
    lmpi_alltoallv(net, want, sc, sd, asks, rcnt, rd, MPI_UINT32_T);
    for (long long q = 0; q < nr; q++) asks[q] = cid[asks[q] - first];
    lmpi_alltoallv(net, asks, rcnt, rd, ans, sc, sd, MPI_UINT32_T);
    free(asks);
    for (uint32_t v = 0; v < nc; v++) {
        uint32_t l = (uint32_t)la[v];
        if (l >= first) component[v] = cid[v];
        else {
            uint32_t *hit = bsearch(&l, want, u, sizeof *want, by_u32);
            component[v] = ans[hit - want];
        }
    }
    if (count) *count = total;
done:
    free(buf);
    free(cid);
    free(c);
    free(want);
    free(ans);
    return rc;
}

/* ---- gathering ------------------------------------------------------------------------------------ */

lev_status lev_mpi_gather(lev_mpi_network *net, const double *owned, int root, double *all) {
    if (!net) return LEV_EMISUSE;
    lev_status rc = LEV_OK;
    if (root < 0 || root >= net->size)
        rc = lmpi_fail(net, LEV_EMISUSE, "gather: root %d is not a rank (the communicator has %d)", root, net->size);
    else if (!net->loaded) rc = lmpi_fail(net, LEV_EMISUSE, "gather: the network is not loaded");
    else if (!owned && net->count) rc = lmpi_fail(net, LEV_EMISUSE, "gather: this rank's array is NULL");
    else if (net->rank == root && !all && net->n) rc = lmpi_fail(net, LEV_EMISUSE, "gather: the root's output array is NULL");
    int *cnt = NULL;
    if (!rc && !(cnt = malloc(2 * (size_t)net->size * sizeof *cnt)))
        rc = lmpi_fail(net, LEV_ENOMEM, "gather: out of memory");
    if ((rc = lmpi_agree(net, rc))) {
        free(cnt);
        return rc;
    }
    for (int r = 0; r < net->size; r++) {
        cnt[r] = (int)(net->bounds[r + 1] - net->bounds[r]);
        cnt[net->size + r] = (int)net->bounds[r];
    }
    MPI_Gatherv(owned, (int)net->count, MPI_DOUBLE, all, cnt, cnt + net->size, MPI_DOUBLE, root, net->comm);
    free(cnt);
    return LEV_OK;
}
