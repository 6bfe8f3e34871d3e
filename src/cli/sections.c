/*
 * Report sections more than one command prints. The imbalance figures of `leverage analyze` and
 * `leverage imbalance`: how concentrated
 * influence and resources are, how one-sided the ties and dependences are, how hierarchical
 * the network is, and who the in-crowd sidelines. Text for people, JSON for programs.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One sentence-fragment reading of a Gini coefficient. */
static const char *gini_words(double g) {
    return g < 0.2 ? "close to equal" : g < 0.35 ? "moderately concentrated" : g < 0.5 ? "concentrated"
                                                                                      : "highly concentrated";
}

typedef struct ineq {
    double gini, gini_small, theil_t, theil_l, hhi, palma, top10;
    int ok;
} ineq;

static ineq inequality(const double *x, size_t n) {
    ineq r;
    memset(&r, 0, sizeof r);
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) return r;
    r.ok = lev_gini(x, n, p, &r.gini) == LEV_OK && lev_theil(x, n, p, &r.theil_t, &r.theil_l) == LEV_OK &&
           lev_hhi(x, n, p, &r.hhi) == LEV_OK && lev_palma(x, n, p, &r.palma) == LEV_OK &&
           lev_top_share(x, n, p, &r.top10) == LEV_OK && lev_params_set_int(p, LEV_P_SMALL_SAMPLE, 1) == LEV_OK &&
           lev_gini(x, n, p, &r.gini_small) == LEV_OK;
    lev_params_free(p);
    return r;
}

static void json_ineq(FILE *f, const ineq *q, const double *x, size_t n) {
    if (!q->ok) {
        fprintf(f, "null");
        return;
    }
    fprintf(f, "{\"gini\":");
    cli_print_number(f, q->gini);
    fprintf(f, ",\"gini_small_sample\":");
    cli_print_number(f, q->gini_small);
    fprintf(f, ",\"theil_t\":");
    cli_print_number(f, q->theil_t);
    fprintf(f, ",\"theil_l\":");
    cli_print_number(f, q->theil_l); /* may be infinite: printed as null */
    fprintf(f, ",\"hhi\":");
    cli_print_number(f, q->hhi);
    fprintf(f, ",\"palma\":");
    cli_print_number(f, q->palma);
    fprintf(f, ",\"top10_share\":");
    cli_print_number(f, q->top10);
    fprintf(f, ",\"lorenz\":[");
    double *px = malloc((n + 1) * sizeof *px), *py = malloc((n + 1) * sizeof *py);
    if (px && py && lev_lorenz(x, n, NULL, px, py) == LEV_OK)
        for (size_t k = 0; k <= n; k++) {
            fprintf(f, k ? ",[" : "[");
            cli_print_number(f, px[k]);
            fputc(',', f);
            cli_print_number(f, py[k]);
            fputc(']', f);
        }
    free(px);
    free(py);
    fprintf(f, "]}");
}

static void text_ineq(FILE *f, const char *what, const ineq *q) {
    if (!q->ok) {
        fprintf(f, "  %s: not defined here.\n", what);
        return;
    }
    char pct[32];
    fprintf(f, "  %s: Gini %.2f, %s; the top 10%% hold %s; ", what, q->gini, gini_words(q->gini),
            cli_pct(q->top10, pct, sizeof pct));
    if (isinf(q->palma))
        fprintf(f, "Palma ratio infinite (the bottom 40%% hold nothing, so the top 10%%'s share cannot be "
                   "divided by theirs).\n");
    else
        fprintf(f, "Palma ratio %.2f (the top 10%%'s share over the bottom 40%%'s).\n", q->palma);
}

static const char *triad_names[16] = {"003", "012", "102", "021D", "021U", "021C", "111D", "111U",
                                      "030T", "030C", "201", "120D", "120U", "120C", "210", "300"};

int cli_imbalance_section(const cli_args *a, lev_network *net, lev_params *p, const double *exerted, int json,
                          FILE *f) {
    size_t n = lev_actor_count(net), nres = lev_resource_count(net), top = (size_t)a->top;
    int status = EXIT_FAILED;
    double *pr = malloc((n ? n : 1) * sizeof *pr), *h = malloc((n ? n : 1) * sizeof *h);
    double *share = malloc((n ? n : 1) * sizeof *share), *adv = malloc((n ? n : 1) * sizeof *adv);
    uint32_t *adv_order = NULL;
    uint32_t *flag = malloc((n ? n : 1) * sizeof *flag);
    size_t npairs = 0, ndep = 0;
    uint32_t *pa = NULL, *pb = NULL, *da = NULL, *db = NULL;
    double *gap = NULL, *dep = NULL;
    if (!pr || !h || !share || !flag || !adv) goto oom;
    if (n == 0) {
        if (json) fprintf(f, "{}");
        else fprintf(f, "  The network has no actors: nothing to compare.\n");
        status = EXIT_OKAY;
        goto done;
    }
    int directed = cli_get(a, LEV_P_UNDIRECTED) == 0;
    /* Inequality of influence exerted (PageRank over reversed ties), as the report ranks it. */
    lev_status prc = LEV_OK;
    if (exerted) {
        memcpy(pr, exerted, n * sizeof *pr); /* the report's own, already computed */
    } else {
        lev_params_set_int(p, LEV_P_DIRECTION, directed ? LEV_DIR_OUT : LEV_DIR_ALL);
        prc = lev_pagerank(net, NULL, p, pr);
        lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_ALL);
    }
    if (prc != LEV_OK) {
        fprintf(stderr, "leverage: pagerank: %s\n", lev_params_errmsg(p));
        goto done;
    }
    ineq q_pr = inequality(pr, n);

    double cent[3] = {NAN, NAN, NAN};
    int exact = cli_paths_exact(a, net); /* betweenness and closeness centralization need every exact score */
    for (int k = 0; k < 3; k++)
        if ((k == 0 || exact) && lev_centralization(net, k + 1, p, &cent[k]) != LEV_OK) cent[k] = NAN;
    double arc = NAN, wrec = NAN, flow = NAN, kr[4] = {NAN, NAN, NAN, NAN};
    uint64_t dyads[3] = {0, 0, 0}, triads[16];
    memset(triads, 0, sizeof triads);
    if (directed) {
        lev_reciprocity(net, p, &arc, &wrec);
        lev_dyad_census(net, p, dyads);
        lev_triad_census(net, p, triads);
        lev_flow_hierarchy(net, p, &flow);
        if (lev_asymmetry(net, p, 0, NULL, NULL, NULL, &npairs) != LEV_OK && npairs == 0) npairs = 0;
        if (npairs) {
            pa = malloc(npairs * sizeof *pa);
            pb = malloc(npairs * sizeof *pb);
            gap = malloc(npairs * sizeof *gap);
            if (!pa || !pb || !gap) goto oom;
            if (lev_asymmetry(net, p, npairs, pa, pb, gap, &npairs) != LEV_OK) npairs = 0;
        }
    }
    /* Krackhardt's four dimensions: on the undirected view too (as R sna's hierarchy for graphs). */
    lev_krackhardt(net, p, kr);
    /* Dependence over every resource together. */
    int have_needs = 0;
    for (uint32_t r = 0; r < nres && !have_needs; r++) {
        double *need = malloc(n * sizeof *need);
        if (!need) goto oom;
        lev_resource_amounts(net, r, NULL, need);
        for (size_t i = 0; i < n; i++)
            if (need[i] > 0) have_needs = 1;
        free(need);
    }
    double dep_imbalance = NAN;
    int have_adv = 0;
    if (have_needs && lev_dependence(net, LEV_NONE, p, 0, NULL, NULL, NULL, NULL, &ndep) == LEV_ERANGE && ndep) {
        da = malloc(ndep * sizeof *da);
        db = malloc(ndep * sizeof *db);
        dep = malloc(ndep * sizeof *dep);
        if (!da || !db || !dep) goto oom;
        if (lev_dependence(net, LEV_NONE, p, ndep, da, db, dep, NULL, &ndep) != LEV_OK) ndep = 0;
        if (lev_power_advantage(net, LEV_NONE, p, adv, &dep_imbalance) == LEV_OK) have_adv = 1;
    } else {
        ndep = 0;
    }
    /* The in-crowd: the dominant group where there are groups, else the innermost core. */
    size_t ngroups = lev_group_count(net);
    lev_params_set_int(p, LEV_P_INCROWD, ngroups > 1 ? LEV_INCROWD_GROUP : LEV_INCROWD_CORE);
    int have_outsiders = lev_outsiders(net, p, share, flag) == LEV_OK;
    /* The in-crowd's name: its group when it is a group, else the innermost core. */
    const char *incrowd = "the innermost core";
    for (size_t i = 0; have_outsiders && ngroups > 1 && i < n; i++)
        if (flag[i] == 2 && lev_actor_group(net, (uint32_t)i)) {
            incrowd = lev_actor_group(net, (uint32_t)i);
            break;
        }
    if (have_adv && !(adv_order = cli_order(adv, n, 1))) goto oom;
    double ei = NAN, assort = NAN;
    if (ngroups > 1) {
        lev_ei_index(net, p, NULL, &ei);
        lev_assortativity_groups(net, p, &assort);
    }

    if (json) {
        fprintf(f, "{\"pagerank\":");
        json_ineq(f, &q_pr, pr, n);
        fprintf(f, ",\"resources\":{");
        for (uint32_t r = 0; r < nres; r++) {
            lev_resource_amounts(net, r, h, NULL);
            ineq q = inequality(h, n);
            if (r) fputc(',', f);
            cli_json_string(f, lev_resource_name(net, r));
            fputc(':', f);
            json_ineq(f, &q, h, n);
        }
        fprintf(f, "},\"centralization\":{\"degree\":");
        cli_print_number(f, cent[0]);
        fprintf(f, ",\"betweenness\":");
        cli_print_number(f, cent[1]);
        fprintf(f, ",\"closeness\":");
        cli_print_number(f, cent[2]);
        fputc('}', f);
        if (directed) {
            fprintf(f, ",\"reciprocity\":{\"arc\":");
            cli_print_number(f, arc);
            fprintf(f, ",\"weighted\":");
            cli_print_number(f, wrec);
            fprintf(f, "},\"dyad_census\":{\"mutual\":%llu,\"asymmetric\":%llu,\"null\":%llu}",
                    (unsigned long long)dyads[0], (unsigned long long)dyads[1], (unsigned long long)dyads[2]);
            fprintf(f, ",\"triad_census\":{");
            for (int k = 0; k < 16; k++) fprintf(f, "%s\"%s\":%llu", k ? "," : "", triad_names[k], (unsigned long long)triads[k]);
            fprintf(f, "},\"flow_hierarchy\":");
            cli_print_number(f, flow);
            fprintf(f, ",\"most_asymmetric\":[");
            for (size_t k = 0; k < npairs && k < top; k++) {
                fprintf(f, k ? ",{\"from\":" : "{\"from\":");
                cli_json_string(f, lev_actor_name(net, pa[k]));
                fprintf(f, ",\"to\":");
                cli_json_string(f, lev_actor_name(net, pb[k]));
                fprintf(f, ",\"gap\":");
                cli_print_number(f, gap[k]);
                fputc('}', f);
            }
            fputc(']', f);
        }
        fprintf(f, ",\"krackhardt\":{\"connectedness\":");
        cli_print_number(f, kr[0]);
        fprintf(f, ",\"hierarchy\":");
        cli_print_number(f, kr[1]);
        fprintf(f, ",\"efficiency\":");
        cli_print_number(f, kr[2]);
        fprintf(f, ",\"lubness\":");
        cli_print_number(f, kr[3]);
        fputc('}', f);
        fprintf(f, ",\"dependence\":{\"imbalance\":");
        cli_print_number(f, dep_imbalance);
        fprintf(f, ",\"most_dependent\":[");
        for (size_t k = 0; k < ndep && k < top; k++) {
            fprintf(f, k ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(f, lev_actor_name(net, da[k]));
            fprintf(f, ",\"on\":");
            cli_json_string(f, lev_actor_name(net, db[k]));
            fprintf(f, ",\"dependence\":");
            cli_print_number(f, dep[k]);
            fputc('}', f);
        }
        fprintf(f, "]},\"power_advantage\":{");
        for (size_t i = 0; have_adv && i < n; i++) {
            if (i) fputc(',', f);
            cli_json_string(f, lev_actor_name(net, (uint32_t)i));
            fputc(':', f);
            cli_print_number(f, adv[i]);
        }
        fprintf(f, "},\"ei_index\":");
        cli_print_number(f, ei);
        fprintf(f, ",\"group_assortativity\":");
        cli_print_number(f, assort);
        fprintf(f, ",\"incrowd_label\":");
        cli_json_string(f, have_outsiders ? incrowd : "");
        fprintf(f, ",\"incrowd_rule\":");
        cli_json_string(f, ngroups > 1 ? "the group with the most PageRank (influence received)" : "the innermost k-core");
        fprintf(f, ",\"outsiders_rule\":");
        cli_json_string(f, "connected actors outside the in-crowd that receive under 10% of their incoming influence "
                           "from it (they may still exert influence on it)");
        fprintf(f, ",\"outsiders\":[");
        int first = 1;
        for (size_t i = 0; have_outsiders && i < n; i++)
            if (flag[i] == 1) {
                fprintf(f, first ? "{\"actor\":" : ",{\"actor\":");
                first = 0;
                cli_json_string(f, lev_actor_name(net, (uint32_t)i));
                fprintf(f, ",\"incrowd_share\":");
                cli_print_number(f, share[i]);
                fputc('}', f);
            }
        fprintf(f, "],\"incrowd\":[");
        first = 1;
        for (size_t i = 0; have_outsiders && i < n; i++)
            if (flag[i] == 2) {
                if (!first) fputc(',', f);
                first = 0;
                cli_json_string(f, lev_actor_name(net, (uint32_t)i));
            }
        fprintf(f, "]}");
    } else {
        text_ineq(f, directed ? "Influence exerted (PageRank over reversed ties)" : "Influence (PageRank)", &q_pr);
        for (uint32_t r = 0; r < nres; r++) {
            lev_resource_amounts(net, r, h, NULL);
            ineq q = inequality(h, n);
            char what[256];
            snprintf(what, sizeof what, "Holdings of %s", lev_resource_name(net, r));
            text_ineq(f, what, &q);
        }
        if (exact)
            fprintf(f, "  Centralization (0 = everyone alike, 1 = a star): degree %.2f, betweenness %.2f, "
                       "closeness %.2f.\n", cent[0], cent[1], cent[2]);
        else
            fprintf(f, "  Centralization (0 = everyone alike, 1 = a star): degree %.2f (betweenness and closeness "
                       "centralization need every exact path score: --exact computes them).\n", cent[0]);
        if (directed) {
            fprintf(f, "  Reciprocity: %.0f%% of ties are returned; %.0f%% of tie strength is matched back.\n",
                    100 * arc, 100 * wrec);
            fprintf(f, "  %.0f%% of ties lie on no cycle (flow hierarchy).\n", 100 * flow);
            if (npairs) {
                fprintf(f, "  Most one-sided ties:");
                for (size_t k = 0; k < npairs && k < top; k++)
                    fprintf(f, "%s %s → %s (by %g)", k ? "," : "", lev_actor_name(net, pa[k]),
                            lev_actor_name(net, pb[k]), gap[k]);
                fprintf(f, ".\n");
            }
        }
        fprintf(f, "  Hierarchy (Krackhardt%s): connectedness %.2f, hierarchy %.2f, efficiency %.2f, "
                   "least upper bounds %.2f.\n", directed ? "" : ", ties read both ways", kr[0], kr[1], kr[2], kr[3]);
        if (ndep) {
            fprintf(f, "  Most dependent:");
            for (size_t k = 0; k < ndep && k < top; k++)
                fprintf(f, "%s %s on %s (%.2f)", k ? "," : "", lev_actor_name(net, da[k]), lev_actor_name(net, db[k]),
                        dep[k]);
            fprintf(f, "; dependence imbalance %.2f (0 = all mutual, 1 = all one-way).\n", dep_imbalance);
            if (have_adv) {
                size_t k2 = top < n ? top : n;
                fprintf(f, "  Net power advantage (others' dependence on the actor minus its dependence on them): most");
                for (size_t k = 0; k < k2; k++)
                    fprintf(f, "%s %s (%+.2f)", k ? "," : "", lev_actor_name(net, adv_order[k]), adv[adv_order[k]]);
                fprintf(f, "; least");
                for (size_t k = 0; k < k2; k++) {
                    uint32_t i = adv_order[n - 1 - k];
                    fprintf(f, "%s %s (%+.2f)", k ? "," : "", lev_actor_name(net, i), adv[i]);
                }
                fprintf(f, ".\n");
            }
        } else {
            fprintf(f, "  Dependence: no actor needs a resource (add a needs column to the resources file).\n");
        }
        if (ngroups > 1)
            fprintf(f, "  Groups: E–I index %.2f (−1 = ties only inside groups, 1 = only across); "
                       "assortativity %.2f.\n", ei, assort);
        if (have_outsiders) {
            size_t nin = 0, nout = 0;
            for (size_t i = 0; i < n; i++) nin += flag[i] == 2, nout += flag[i] == 1;
            if (ngroups > 1)
                fprintf(f, "  In-crowd: group \"%s\", the group with the most influence received (%zu actors):", incrowd,
                        nin);
            else
                fprintf(f, "  In-crowd: the innermost core (%zu actors):", nin);
            size_t shown = 0;
            for (size_t i = 0; i < n && shown < top; i++)
                if (flag[i] == 2) fprintf(f, "%s %s", shown++ ? "," : "", lev_actor_name(net, (uint32_t)i));
            if (nin > shown) fprintf(f, " and %zu more", nin - shown);
            fprintf(f, ".\n  Outsiders (connected, yet receiving under 10%% of their incoming influence from the "
                       "in-crowd; they may still exert influence on it):");
            shown = 0;
            for (size_t i = 0; i < n && shown < top; i++)
                if (flag[i] == 1) fprintf(f, "%s %s", shown++ ? "," : "", lev_actor_name(net, (uint32_t)i));
            if (!nout) fprintf(f, " none.\n");
            else if (nout > shown) fprintf(f, " and %zu more.\n", nout - shown);
            else fprintf(f, ".\n");
        }
    }
    status = EXIT_OKAY;
    goto done;
oom:
    fprintf(stderr, "leverage: out of memory\n");
done:
    free(pr);
    free(h);
    free(share);
    free(adv);
    free(adv_order);
    free(flag);
    free(pa);
    free(pb);
    free(gap);
    free(da);
    free(db);
    free(dep);
    return status;
}
