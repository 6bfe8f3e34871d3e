/*
 * The measures `leverage rank --measure NAME` knows, each a name, a title for people, and a
 * runner that fills one score per actor (or per edge) through the public API.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static lev_status with_direction(lev_params *p, int dir) {
    return dir ? lev_params_set_int(p, LEV_P_DIRECTION, dir) : LEV_OK;
}

static lev_status run_degree(const measure *m, const lev_network *net, lev_params *p, double *out) {
    lev_status rc = with_direction(p, m->arg);
    return rc ? rc : lev_degree(net, p, out);
}
static lev_status run_strength(const measure *m, const lev_network *net, lev_params *p, double *out) {
    lev_status rc = with_direction(p, m->arg);
    return rc ? rc : lev_strength(net, p, out);
}
static lev_status run_pagerank(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_pagerank(net, NULL, p, out);
}
static lev_status run_katz(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_katz(net, p, out);
}
static lev_status run_eigenvector(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_eigenvector(net, p, out);
}
static lev_status run_hub(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_hits(net, p, out, NULL);
}
static lev_status run_authority(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_hits(net, p, NULL, out);
}
static lev_status run_bonacich(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_bonacich(net, p, out);
}
static lev_status run_closeness(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_closeness(net, p, out);
}
static lev_status run_harmonic(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_harmonic(net, p, out);
}
static lev_status run_betweenness(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_betweenness(net, p, out);
}
static lev_status run_betweenness_approx(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_betweenness_approx(net, p, out);
}
static lev_status run_constraint(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_constraint(net, p, out);
}
static lev_status run_effective_size(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_effective_size(net, p, out);
}
static lev_status run_efficiency(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_efficiency(net, p, out);
}
static lev_status run_burt_hierarchy(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_burt_hierarchy(net, p, out);
}
/* One column of the Gould–Fernandez raw counts, or of their z-scores (a name ending in "-z");
 * m->arg holds the lev_broker_role. */
static lev_status run_brokerage(const measure *m, const lev_network *net, lev_params *p, double *out) {
    size_t n = lev_actor_count(net), len = strlen(m->name);
    int z = len > 2 && strcmp(m->name + len - 2, "-z") == 0;
    double *raw = malloc((n ? n : 1) * LEV_BROKER_ROLES * sizeof *raw);
    if (!raw) return LEV_ENOMEM;
    lev_status rc = z ? lev_brokerage(net, p, NULL, NULL, NULL, raw) : lev_brokerage(net, p, raw, NULL, NULL, NULL);
    if (rc == LEV_OK)
        for (size_t i = 0; i < n; i++) out[i] = raw[i * LEV_BROKER_ROLES + (size_t)m->arg];
    free(raw);
    return rc;
}
static lev_status run_clustering(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_clustering(net, p, out);
}
static lev_status run_reciprocity(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_reciprocity_actors(net, p, out);
}
static lev_status run_coreness(const measure *m, const lev_network *net, lev_params *p, double *out) {
    lev_status rc = with_direction(p, m->arg);
    return rc ? rc : lev_coreness(net, p, out);
}
static lev_status run_core_periphery(const measure *m, const lev_network *net, lev_params *p, double *out) {
    (void)m;
    return lev_core_periphery(net, p, out, NULL);
}

#define U LEV_P_UNDIRECTED
#define W LEV_P_WEIGHTED
#define D LEV_P_DIRECTION
#define N LEV_P_NORMALIZED
#define IT LEV_P_TOLERANCE, LEV_P_MAX_ITER

/* Titles say which question each measure answers: influence an actor exerts (its ties out) or
 * receives (its ties in). Each row lists the library options the measure reads; Burt's measures
 * and core–periphery list --undirected because they read every tie both ways already (the library documents that
 * LEV_P_UNDIRECTED leaves them unchanged), so asking for it is answered, not ignored. */
const measure cli_measures[] = {
    {"degree", "Degree: ties sent and received", run_degree, LEV_DIR_ALL, {U}},
    {"in-degree", "In-degree: ties received (who is targeted)", run_degree, LEV_DIR_IN, {U}},
    {"out-degree", "Out-degree: ties sent (who reaches out)", run_degree, LEV_DIR_OUT, {U}},
    {"strength", "Strength: total tie strength, sent and received", run_strength, LEV_DIR_ALL, {U, W}},
    {"in-strength", "In-strength: influence received", run_strength, LEV_DIR_IN, {U, W}},
    {"out-strength", "Out-strength: influence exerted", run_strength, LEV_DIR_OUT, {U, W}},
    {"pagerank", "PageRank: influence received along walks (--direction out: influence exerted)", run_pagerank, 0,
     {LEV_P_DAMPING, D, U, W, IT}},
    {"katz", "Katz: influence received along walks of every length (--direction out: exerted)", run_katz, 0,
     {LEV_P_ALPHA, D, U, W, N, IT}},
    {"eigenvector", "Eigenvector: ties received from well-tied actors (--direction out: sent to)", run_eigenvector,
     0, {D, U, W, IT}},
    {"hub", "HITS hub: points to authorities (influence exerted)", run_hub, 0, {U, W, IT}},
    {"authority", "HITS authority: pointed to by hubs (influence received)", run_authority, 0, {U, W, IT}},
    {"bonacich", "Bonacich power: influence received (--direction out: exerted)", run_bonacich, 0,
     {LEV_P_BETA, D, U, W, N}},
    {"closeness", "Closeness: how near the actor is to those it reaches (--direction in: who reach it)",
     run_closeness, 0, {D, U, W, LEV_P_CUTOFF}},
    {"harmonic", "Harmonic closeness: reach, near ties counting most (--direction in: being reached)", run_harmonic,
     0, {D, U, W, N, LEV_P_CUTOFF}},
    {"betweenness", "Betweenness: brokers shortest paths", run_betweenness, 0, {U, W, N, LEV_P_CUTOFF, LEV_P_ENDPOINTS}},
    {"betweenness-approx", "Betweenness, sampled estimate (±epsilon with probability 1 - delta)",
     run_betweenness_approx, 0, {LEV_P_EPSILON, LEV_P_DELTA, LEV_P_SEED, U, W}},
    {"constraint", "Burt's constraint (low = spans structural holes)", run_constraint, 0, {W, U}},
    {"effective-size", "Burt's effective size (non-redundant contacts)", run_effective_size, 0, {W, U}},
    {"efficiency", "Burt's efficiency", run_efficiency, 0, {W, U}},
    {"burt-hierarchy", "Burt's hierarchy", run_burt_hierarchy, 0, {W, U}},
    {"brokerage-coordinator", "Brokerage: coordinator", run_brokerage, LEV_BROKER_COORDINATOR, {U}},
    {"brokerage-itinerant", "Brokerage: itinerant", run_brokerage, LEV_BROKER_ITINERANT, {U}},
    {"brokerage-representative", "Brokerage: representative", run_brokerage, LEV_BROKER_REPRESENTATIVE, {U}},
    {"brokerage-gatekeeper", "Brokerage: gatekeeper", run_brokerage, LEV_BROKER_GATEKEEPER, {U}},
    {"brokerage-liaison", "Brokerage: liaison", run_brokerage, LEV_BROKER_LIAISON, {U}},
    {"brokerage-total", "Brokerage: all roles", run_brokerage, LEV_BROKER_TOTAL, {U}},
    {"brokerage-coordinator-z", "Brokerage z-score: coordinator (brokers inside its own group)", run_brokerage,
     LEV_BROKER_COORDINATOR, {U}},
    {"brokerage-itinerant-z", "Brokerage z-score: itinerant (brokers inside another group)", run_brokerage,
     LEV_BROKER_ITINERANT, {U}},
    {"brokerage-representative-z", "Brokerage z-score: representative (carries its group's influence out)",
     run_brokerage, LEV_BROKER_REPRESENTATIVE, {U}},
    {"brokerage-gatekeeper-z", "Brokerage z-score: gatekeeper (lets influence into its group)", run_brokerage,
     LEV_BROKER_GATEKEEPER, {U}},
    {"brokerage-liaison-z", "Brokerage z-score: liaison (links two groups, neither its own)", run_brokerage,
     LEV_BROKER_LIAISON, {U}},
    {"brokerage-total-z", "Brokerage z-score: all roles", run_brokerage, LEV_BROKER_TOTAL, {U}},
    {"clustering", "Local clustering: how many of the actor's contacts are tied to each other (Fagiolo's directed "
                   "form; --undirected: Watts-Strogatz, Onnela when weighted)", run_clustering, 0, {U, W}},
    {"reciprocity", "Reciprocity: the share of the actor's ties that are returned (NaN without ties)",
     run_reciprocity, 0, {U}},
    {"coreness", "k-core number", run_coreness, LEV_DIR_ALL, {U}},
    {"in-coreness", "k-core number (in-degree)", run_coreness, LEV_DIR_IN, {U}},
    {"out-coreness", "k-core number (out-degree)", run_coreness, LEV_DIR_OUT, {U}},
    {"core-periphery", "Core–periphery coreness", run_core_periphery, 0, {W, IT, U}},
    {NULL, NULL, NULL, 0, {0}},
};

#undef U
#undef W
#undef D
#undef N
#undef IT

const measure *cli_measure_find(const char *name) {
    for (const measure *m = cli_measures; m->name; m++)
        if (strcmp(m->name, name) == 0) return m;
    return NULL;
}

const char *cli_measure_hint(const char *name, char *b, size_t cap) {
    cli_near nr;
    cli_near_start(&nr, name);
    for (const measure *m = cli_measures; m->name; m++) cli_near_offer(&nr, m->name);
    return cli_near_hint(&nr, b, cap);
}

lev_status cli_measure_run(const measure *m, const lev_network *net, lev_params *p, double *out) {
    int64_t dir = LEV_DIR_ALL;
    lev_params_get_int(p, LEV_P_DIRECTION, &dir);
    lev_status rc = m->run(m, net, p, out);
    lev_params_set_int(p, LEV_P_DIRECTION, dir); /* the degree-like runners set their own */
    if (rc) cli_measure_error(m, p, rc);
    return rc;
}

void cli_measure_error(const measure *m, const lev_params *p, lev_status rc) {
    const char *msg = lev_params_errcode(p) == rc ? lev_params_errmsg(p) : lev_strerror(rc);
    size_t len = strlen(m->name);
    if (strncmp(msg, m->name, len) == 0 && msg[len] == ':') /* the library's message names it */
        fprintf(stderr, "leverage: %s\n", msg);
    else
        fprintf(stderr, "leverage: %s: %s\n", m->name, msg);
}

int cli_measure_reads(const measure *m, lev_param key) {
    if (key == LEV_P_THREADS) return 1;
    for (int k = 0; k < CLI_MAX_READS && m->reads[k]; k++)
        if (m->reads[k] == key) return 1;
    return 0;
}
