/* A tiny program built against the installed libleverage (tests/install/run.cmake). */
#include <leverage.h>
#include <math.h>
#include <stdio.h>

int main(void) {
    lev_network *net;
    if (lev_version() / 10000 != LEV_VERSION_MAJOR || lev_network_new(&net) != LEV_OK) return 1;
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_edge_add_by_name(net, "b", "a", 1, NULL, NULL);
    double pr[2];
    lev_status rc = lev_pagerank(net, NULL, NULL, pr);
    int ok = rc == LEV_OK && fabs(pr[0] - 0.5) < 1e-12 && fabs(pr[1] - 0.5) < 1e-12;
    printf("libleverage %s: pagerank %s\n", lev_version_string(), ok ? "ok" : lev_errmsg(net));
    lev_network_free(net);
    return !ok;
}
