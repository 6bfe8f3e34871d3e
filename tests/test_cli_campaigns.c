/* The leverage CLI's campaigns commands: spread, seeds, and analyze's "where to start" section. */
#include "helpers.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define FLO_EDGES SRC("examples/data/florentine_edges.csv")
#define FLO_ACTORS SRC("examples/data/florentine_actors.csv")

/* The library's answer for the same question, to compare the CLI's numbers with. */
static lev_network *florentine(void) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, FLO_EDGES, NULL), LEV_OK);
    return net;
}

Test(cli_campaigns, spread_csv_matches_the_library) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici,Strozzi --runs 500 --seed 4 --format csv", &out), 0);
    lev_network *net = florentine();
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_RUNS, 500);
    lev_params_set_int(p, LEV_P_SEED, 4);
    uint32_t s[2];
    lev_actor_find(net, "Medici", &s[0]);
    lev_actor_find(net, "Strozzi", &s[1]);
    size_t n = lev_actor_count(net);
    double sp, prob[64];
    cr_assert_eq(lev_spread(net, s, 2, p, &sp, NULL, NULL, prob), LEV_OK);
    cr_assert(strncmp(out, "actor,probability\n", 18) == 0, "%s", out);
    char *line = out + 18;
    for (size_t i = 0; i < n; i++) {
        char name[64];
        double v;
        cr_assert_eq(sscanf(line, "%63[^,],%lf", name, &v), 2, "row %zu: %s", i, line);
        cr_assert_str_eq(name, lev_actor_name(net, (uint32_t)i));
        cr_assert_eq(v, prob[i], "%s: %.17g vs %.17g", name, v, prob[i]);
        line = strchr(line, '\n') + 1;
    }
    lev_params_free(p);
    lev_network_free(net);
    free(out);
}

Test(cli_campaigns, spread_text_and_json) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --model lt --runs 300", &out), 0);
    cr_assert(strstr(out, "Linear Threshold"), "%s", out);
    cr_assert(strstr(out, "Expected reach: "), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --probability 0.5 --runs 300 --format json", &out), 0);
    cr_assert(strstr(out, "\"model\":\"ic\",\"probability\":\"constant\""), "%s", out);
    cr_assert(strstr(out, "\"activation\":{"), "%s", out);
    free(out);
    /* --undirected: ties spread both ways, so Medici reaches more */
    char *one, *two;
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --runs 300 --format json", &one), 0);
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --runs 300 --format json --undirected", &two), 0);
    double a = atof(strstr(one, "\"spread\":") + 9), b = atof(strstr(two, "\"spread\":") + 9);
    cr_assert(b > a, "two-way %g, one-way %g", b, a);
    free(one);
    free(two);
}

Test(cli_campaigns, spread_errors) {
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " 2>/dev/null", NULL), 2, "--seeds missing");
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Nobody 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --probability 2 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --probability often 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici --model sir 2>/dev/null", NULL), 2);
    char *err;
    cr_assert_eq(cli_run(LEV_CLI " spread " FLO_EDGES " --seeds Medici,Medici 2>&1 >/dev/null", &err), 1);
    cr_assert(strstr(err, "repeats"), "%s", err);
    free(err);
}

Test(cli_campaigns, seeds_csv_matches_the_library) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " -k 3 --format csv --seed 2", &out), 0);
    lev_network *net = florentine();
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_SEED, 2);
    uint32_t s[3];
    double g[3];
    size_t len;
    cr_assert_eq(lev_seeds(net, 3, NULL, NULL, p, s, g, &len, NULL, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(len, 3);
    cr_assert(strncmp(out, "rank,actor,gain,reach\n", 22) == 0, "%s", out);
    char *line = out + 22;
    double cum = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned r;
        char name[64];
        double gain, reach;
        cr_assert_eq(sscanf(line, "%u,%63[^,],%lf,%lf", &r, name, &gain, &reach), 4, "%s", line);
        cum += g[i];
        cr_assert_eq(r, i + 1);
        cr_assert_str_eq(name, lev_actor_name(net, s[i]));
        cr_assert_eq(gain, g[i]);
        cr_assert_eq(reach, cum);
        line = strchr(line, '\n') + 1;
    }
    lev_params_free(p);
    lev_network_free(net);
    free(out);
}

Test(cli_campaigns, seeds_group_json_and_errors) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " --actors " FLO_ACTORS " --k 2 --group oligarch --format json", &out),
                 0);
    cr_assert(strstr(out, "\"target_group\":\"oligarch\""), "%s", out);
    cr_assert(strstr(out, "\"certified_ratio\":"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " 2>/dev/null", NULL), 2, "-k missing");
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " -k 0 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " -k 2 --group nobody 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " -k 2 --epsilon 0.9 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " seeds " FLO_EDGES " -k 2 --model lt", NULL), 0);
}

Test(cli_campaigns, analyze_has_where_to_start) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " analyze", &out), 0);
    cr_assert(strstr(out, "== Where to start? =="), "%s", out);
    cr_assert(strstr(out, "Expected reach: "), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze --format json", &out), 0);
    const char *w = strstr(out, "\"where_to_start\":{");
    cr_assert(w, "%s", out);
    cr_assert(strstr(w, "\"seeds\":[{\"actor\":"), "%s", w);
    free(out);
}
