/* The same analysis in C, Python and Lua (examples/same.*): PageRank of the Florentine families
 * (marriage ties, undirected) and the Gini coefficient of it. tests run all three and compare. */
#include <leverage.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "examples/data";
    char actors[1024], edges[1024];
    snprintf(actors, sizeof actors, "%s/florentine_actors.csv", dir);
    snprintf(edges, sizeof edges, "%s/florentine_edges.csv", dir);
    lev_network *net;
    lev_params *p;
    if (lev_network_new(&net) || lev_params_new(&p)) return 1;
    if (lev_read_file(net, LEV_FORMAT_ACTORS_CSV, actors, NULL) || lev_read_file(net, LEV_FORMAT_EDGES_CSV, edges, NULL)) {
        fprintf(stderr, "%s\n", lev_errmsg(net));
        return 1;
    }
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    size_t n = lev_actor_count(net);
    double *pr = malloc(n * sizeof *pr), gini;
    if (!pr || lev_pagerank(net, NULL, p, pr) || lev_gini(pr, n, NULL, &gini)) {
        fprintf(stderr, "%s\n", lev_params_errmsg(p));
        return 1;
    }
    for (uint32_t i = 0; i < n; i++) printf("%s %.12f\n", lev_actor_name(net, i), pr[i]);
    printf("gini %.12f\n", gini);
    free(pr);
    lev_params_free(p);
    lev_network_free(net);
    return 0;
}
