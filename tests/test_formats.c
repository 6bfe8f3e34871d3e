/*
 * Interchange formats: GraphML, Pajek and GML read and write; JSON node-link and DOT write;
 * gzip input; lev_write_scores.
 *
 * The peers' own files (tests/data/interchange/, written by NetworkX 2.8.8 and python-igraph
 * 0.10.2 through make_interchange.py there) must load to the CSV network's actors, edges,
 * strengths, channels, groups and wealth, and to its PageRank within 1e-12. Our files must read
 * back exactly (the peers reading them back is bindings/python/tests/test_formats.py).
 * LEV_TEST_EXPAT and LEV_TEST_ZLIB say whether this build has the optional dependencies: without
 * them the calls must say so.
 */
#include "helpers.h"

#include <unistd.h>

#ifndef LEV_TEST_EXPAT
#error "LEV_TEST_EXPAT must be defined by the build"
#endif
#ifndef LEV_TEST_ZLIB
#error "LEV_TEST_ZLIB must be defined by the build"
#endif

#define IX(f) SRC("tests/data/interchange/" f)

/* ---- helpers ------------------------------------------------------------------------------------- */

static char *text_of(const lev_network *net, lev_format f) {
    sbuf b = {0};
    lev_status rc = lev_write(net, f, sbuf_sink, &b);
    cr_assert_eq(rc, LEV_OK, "lev_write(%d): %s", (int)f, lev_errmsg(net));
    if (!b.s) sbuf_sink(&b, "", 0);
    return b.s;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every edge as "s\tt\tw\tchannel" (s <= t when undirected), sorted, joined by newlines. */
static char *edge_set(const lev_network *net, int undirected) {
    size_t m = lev_edge_count(net);
    char **rows = calloc(m ? m : 1, sizeof *rows);
    size_t total = 1;
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double w;
        const char *ch;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, &w, &ch), LEV_OK);
        const char *a = lev_actor_name(net, s), *b = lev_actor_name(net, t);
        if (undirected && strcmp(a, b) > 0) {
            const char *x = a;
            a = b, b = x;
        }
        char line[512];
        snprintf(line, sizeof line, "%s\t%s\t%.17g\t%s", a, b, w, ch ? ch : "");
        rows[e] = strdup(line);
        total += strlen(line) + 1;
    }
    qsort(rows, m, sizeof *rows, cmp_str);
    char *out = malloc(total);
    out[0] = 0;
    for (size_t e = 0; e < m; e++) {
        strcat(out, rows[e]);
        strcat(out, "\n");
        free(rows[e]);
    }
    free(rows);
    return out;
}

static double *pagerank(const lev_network *net, int undirected) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    if (undirected) lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    size_t n = lev_actor_count(net);
    double *pr = malloc((n ? n : 1) * sizeof *pr);
    cr_assert_eq(lev_pagerank(net, NULL, p, pr), LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
    return pr;
}

static lev_network *csv_karate(void) { return load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL); }

static lev_network *csv_florentine(void) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL), LEV_OK);
    return net;
}

typedef struct expect {
    int groups;  /* the file carries the actors' groups */
    int channels;
    int wealth;  /* and holdings of "wealth" */
} expect;

/* A peer's file against the CSV network: actors, edges, groups, wealth, PageRank. */
static void check_peer_file(lev_format fmt, const char *path, int karate, expect x) {
    lev_network *ref = karate ? csv_karate() : csv_florentine();
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_status rc = lev_read_file(net, fmt, path, NULL);
    if (fmt == LEV_FORMAT_GRAPHML && !LEV_TEST_EXPAT) {
        cr_assert_eq(rc, LEV_EUNSUPPORTED);
        cr_assert(strstr(lev_errmsg(net), "built without GraphML support"), "%s", lev_errmsg(net));
        lev_network_free(net);
        lev_network_free(ref);
        return;
    }
    cr_assert_eq(rc, LEV_OK, "%s: %s", path, lev_errmsg(net));
    size_t n = lev_actor_count(ref);
    cr_assert_eq(lev_actor_count(net), n, "%s: %zu actors, CSV has %zu", path, lev_actor_count(net), n);
    cr_assert_eq(lev_edge_count(net), lev_edge_count(ref), "%s: edges", path);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j;
        cr_assert_eq(lev_actor_find(net, lev_actor_name(ref, i), &j), LEV_OK, "%s: no actor %s", path,
                     lev_actor_name(ref, i));
        if (x.groups) {
            const char *g1 = lev_actor_group(ref, i), *g2 = lev_actor_group(net, j);
            cr_assert(g1 && g2 && !strcmp(g1, g2), "%s: group of %s", path, lev_actor_name(ref, i));
        }
    }
    /* Channels: compare with the CSV's when the file carries them, else without. */
    char *a = edge_set(net, karate), *b;
    if (x.channels) b = edge_set(ref, karate);
    else {
        lev_network *plain;
        lev_network_new(&plain);
        for (uint32_t i = 0; i < n; i++) lev_actor_add(plain, lev_actor_name(ref, i), NULL, NULL);
        for (size_t e = 0; e < lev_edge_count(ref); e++) {
            uint32_t s, t;
            double w;
            lev_edge_get(ref, e, &s, &t, &w, NULL);
            lev_edge_add(plain, s, t, w, NULL, NULL);
        }
        b = edge_set(plain, karate);
        lev_network_free(plain);
    }
    cr_assert_str_eq(a, b, "%s: the edges differ from the CSV's", path);
    free(a);
    free(b);
    if (x.wealth) {
        uint32_t r1, r2;
        cr_assert_eq(lev_resource_find(ref, "wealth", &r1), LEV_OK);
        cr_assert_eq(lev_resource_find(net, "wealth", &r2), LEV_OK, "%s: no wealth", path);
        double *h1 = malloc(n * sizeof *h1), *h2 = malloc(n * sizeof *h2);
        lev_resource_amounts(ref, r1, h1, NULL);
        lev_resource_amounts(net, r2, h2, NULL);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t j;
            lev_actor_find(net, lev_actor_name(ref, i), &j);
            cr_assert_eq(h1[i], h2[j], "%s: wealth of %s", path, lev_actor_name(ref, i));
        }
        free(h1);
        free(h2);
    }
    double *p1 = pagerank(ref, karate), *p2 = pagerank(net, karate);
    double worst = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j;
        lev_actor_find(net, lev_actor_name(ref, i), &j);
        double d = fabs(p1[i] - p2[j]);
        if (d > worst) worst = d;
        cr_assert(d <= 1e-12, "%s: PageRank of %s: %.17g, CSV %.17g", path, lev_actor_name(ref, i), p2[j], p1[i]);
    }
    cr_log_info("%s: PageRank within %.3g of the CSV network's", path, worst);
    free(p1);
    free(p2);
    lev_network_free(net);
    lev_network_free(ref);
}

/* ---- the peers' files --------------------------------------------------------------------------- */

Test(formats, networkx_graphml) {
    check_peer_file(LEV_FORMAT_GRAPHML, IX("karate_networkx.graphml"), 1, (expect){0, 0, 0});
    check_peer_file(LEV_FORMAT_GRAPHML, IX("florentine_networkx.graphml"), 0, (expect){1, 1, 1});
}

Test(formats, igraph_graphml) {
    check_peer_file(LEV_FORMAT_GRAPHML, IX("karate_igraph.graphml"), 1, (expect){0, 0, 0});
    check_peer_file(LEV_FORMAT_GRAPHML, IX("florentine_igraph.graphml"), 0, (expect){1, 1, 1});
}

Test(formats, networkx_gml) {
    check_peer_file(LEV_FORMAT_GML, IX("karate_networkx.gml"), 1, (expect){0, 0, 0});
    check_peer_file(LEV_FORMAT_GML, IX("florentine_networkx.gml"), 0, (expect){1, 1, 0});
}

Test(formats, igraph_gml) {
    check_peer_file(LEV_FORMAT_GML, IX("karate_igraph.gml"), 1, (expect){0, 0, 0});
    check_peer_file(LEV_FORMAT_GML, IX("florentine_igraph.gml"), 0, (expect){1, 1, 0});
}

Test(formats, networkx_pajek) {
    check_peer_file(LEV_FORMAT_PAJEK, IX("karate_networkx.net"), 1, (expect){0, 0, 0});
    check_peer_file(LEV_FORMAT_PAJEK, IX("florentine_networkx.net"), 0, (expect){0, 0, 0});
}

Test(formats, igraph_pajek) {
    check_peer_file(LEV_FORMAT_PAJEK, IX("karate_igraph.net"), 1, (expect){0, 0, 0});
    check_peer_file(LEV_FORMAT_PAJEK, IX("florentine_igraph.net"), 0, (expect){0, 0, 0});
}

/* ---- gzip ---------------------------------------------------------------------------------------- */

Test(formats, gzip_input_in_every_format) {
    struct { lev_format f; const char *gz, *plain; } cases[] = {
        {LEV_FORMAT_GML, IX("karate_networkx.gml.gz"), IX("karate_networkx.gml")},
        {LEV_FORMAT_PAJEK, IX("karate_igraph.net.gz"), IX("karate_igraph.net")},
        {LEV_FORMAT_GRAPHML, IX("florentine_networkx.graphml.gz"), IX("florentine_networkx.graphml")},
        {LEV_FORMAT_EDGES_CSV, IX("florentine_edges.csv.gz"), SRC("examples/data/florentine_edges.csv")},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        if (cases[k].f == LEV_FORMAT_GRAPHML && !LEV_TEST_EXPAT) continue;
        lev_network *a, *b;
        lev_network_new(&a);
        lev_network_new(&b);
        lev_status rc = lev_read_file(a, cases[k].f, cases[k].gz, NULL);
        if (!LEV_TEST_ZLIB) {
            cr_assert_eq(rc, LEV_EUNSUPPORTED, "%s", cases[k].gz);
            cr_assert(strstr(lev_errmsg(a), "built without zlib"), "%s", lev_errmsg(a));
            cr_assert_eq(lev_actor_count(a), 0);
        } else {
            cr_assert_eq(rc, LEV_OK, "%s: %s", cases[k].gz, lev_errmsg(a));
            cr_assert_eq(lev_read_file(b, cases[k].f, cases[k].plain, NULL), LEV_OK);
            char *da = dump_network(a), *db = dump_network(b);
            cr_assert_str_eq(da, db, "%s reads differently from %s", cases[k].gz, cases[k].plain);
            free(da);
            free(db);
        }
        lev_network_free(a);
        lev_network_free(b);
    }
}

Test(formats, corrupt_gzip_is_a_parse_error_and_changes_nothing) {
    /* The gzip header of an empty member, cut short, and a member followed by junk. */
    static const char cut[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c";
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), NULL);
    char *before = dump_network(net);
    lev_status rc = lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, cut, sizeof cut - 1, "cut.gz", NULL);
    if (LEV_TEST_ZLIB) {
        cr_assert_eq(rc, LEV_EPARSE, "%s", lev_errmsg(net));
        cr_assert(!strncmp(lev_errmsg(net), "cut.gz: corrupt gzip data", 25), "%s", lev_errmsg(net));
    } else {
        cr_assert_eq(rc, LEV_EUNSUPPORTED);
    }
    char *after = dump_network(net);
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
    lev_network_free(net);
}

/* ---- our files read back exactly ---------------------------------------------------------------- */

/* Groups, channels, parallel ties, a self-loop, an isolated actor, names that need escaping, an
 * inexact strength, two resources. */
static lev_network *fixture(int pajek_safe) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const char *names[] = {"Zo\xc3\xab", "A & B <c>", pajek_safe ? "plain name" : "O\"Brien, J.", "lone", "x#1 [y]"};
    for (int i = 0; i < 5; i++) cr_assert_eq(lev_actor_add(net, names[i], i == 1 ? NULL : (i % 2 ? "blue" : "red & co"), NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 2.5, "money", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, "kin", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 0, 0.1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 2, 2, 3, "money", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 4, 0, 1e-3, "kin", NULL), LEV_OK);
    uint32_t r;
    cr_assert_eq(lev_resource_add(net, "land", &r), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 0, r, 5, 1), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 3, r, 0, 2.25), LEV_OK);
    return net;
}

static lev_network *read_text(lev_format f, const char *text) {
    lev_network *b;
    cr_assert_eq(lev_network_new(&b), LEV_OK);
    lev_status rc = lev_read_buffer(b, f, text, strlen(text), "ours", NULL);
    cr_assert_eq(rc, LEV_OK, "reading our own output back: %s\n%s", lev_errmsg(b), text);
    return b;
}

Test(formats, graphml_round_trip_is_exact) {
    if (!LEV_TEST_EXPAT) return;
    lev_network *net = fixture(0);
    char *t = text_of(net, LEV_FORMAT_GRAPHML);
    lev_network *b = read_text(LEV_FORMAT_GRAPHML, t);
    char *d1 = dump_network(net), *d2 = dump_network(b);
    cr_assert_str_eq(d1, d2, "GraphML round trip:\n%s", t);
    free(d1), free(d2), free(t);
    lev_network_free(b);
    lev_network_free(net);
}

Test(formats, gml_round_trip_keeps_actors_groups_edges) {
    lev_network *net = fixture(0);
    char *t = text_of(net, LEV_FORMAT_GML);
    lev_network *b = read_text(LEV_FORMAT_GML, t);
    char *a1 = text_of(net, LEV_FORMAT_ACTORS_CSV), *a2 = text_of(b, LEV_FORMAT_ACTORS_CSV);
    char *e1 = text_of(net, LEV_FORMAT_EDGES_CSV), *e2 = text_of(b, LEV_FORMAT_EDGES_CSV);
    cr_assert_str_eq(a1, a2, "GML actors:\n%s", t);
    cr_assert_str_eq(e1, e2, "GML edges:\n%s", t);
    cr_assert_eq(lev_resource_count(b), 0, "GML carries no resources");
    free(a1), free(a2), free(e1), free(e2), free(t);
    lev_network_free(b);
    lev_network_free(net);
}

Test(formats, pajek_round_trip_keeps_actors_and_edges) {
    lev_network *net = fixture(1);
    char *t = text_of(net, LEV_FORMAT_PAJEK);
    lev_network *b = read_text(LEV_FORMAT_PAJEK, t);
    cr_assert_eq(lev_edge_count(b), lev_edge_count(net));
    for (size_t e = 0; e < lev_edge_count(net); e++) {
        uint32_t s1, t1, s2, t2;
        double w1, w2;
        const char *c2;
        lev_edge_get(net, e, &s1, &t1, &w1, NULL);
        lev_edge_get(b, e, &s2, &t2, &w2, &c2);
        cr_assert(s1 == s2 && t1 == t2 && w1 == w2, "edge %zu:\n%s", e, t);
        cr_assert_null(c2, "Pajek as written carries no channels");
    }
    char *e1 = strdup(""), *e2 = strdup("");
    cr_assert_eq(lev_actor_count(b), lev_actor_count(net));
    for (uint32_t i = 0; i < lev_actor_count(net); i++) {
        cr_assert_str_eq(lev_actor_name(b, i), lev_actor_name(net, i));
        cr_assert_null(lev_actor_group(b, i), "Pajek carries no groups");
    }
    free(e1), free(e2), free(t);
    lev_network_free(b);
    lev_network_free(net);
}

Test(formats, pajek_refuses_names_it_cannot_carry) {
    lev_network *net = fixture(0);
    sbuf s = {0};
    cr_assert_eq(lev_write(net, LEV_FORMAT_PAJEK, sbuf_sink, &s), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "which Pajek cannot carry"), "%s", lev_errmsg(net));
    cr_assert_null(s.s, "nothing written");
    lev_network_free(net);
}

Test(formats, graphml_refuses_control_characters) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "bell\x07", NULL, NULL);
    sbuf s = {0};
    cr_assert_eq(lev_write(net, LEV_FORMAT_GRAPHML, sbuf_sink, &s), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "XML cannot carry"), "%s", lev_errmsg(net));
    lev_network_free(net);
}

Test(formats, empty_network_in_every_format) {
    lev_network *net;
    lev_network_new(&net);
    lev_format fs[] = {LEV_FORMAT_GRAPHML, LEV_FORMAT_PAJEK, LEV_FORMAT_GML};
    for (int k = 0; k < 3; k++) {
        if (fs[k] == LEV_FORMAT_GRAPHML && !LEV_TEST_EXPAT) continue;
        char *t = text_of(net, fs[k]);
        lev_network *b = read_text(fs[k], t);
        cr_assert_eq(lev_actor_count(b), 0);
        cr_assert_eq(lev_edge_count(b), 0);
        free(t);
        lev_network_free(b);
    }
    char *j = text_of(net, LEV_FORMAT_JSON);
    cr_assert_str_eq(j, "{\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [], \"links\": []}\n");
    free(j);
    lev_network_free(net);
}

/* ---- JSON and DOT, by hand ---------------------------------------------------------------------- */

static lev_network *small(void) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "a", "g1", NULL);
    lev_actor_add(net, "b\"q", NULL, NULL);
    lev_edge_add(net, 0, 1, 2, "kin", NULL);
    lev_edge_add(net, 1, 0, 0.5, NULL, NULL);
    uint32_t r;
    lev_resource_add(net, "land", &r);
    lev_actor_set_resource(net, 0, r, 3, 0);
    return net;
}

Test(formats, json_node_link_by_hand) {
    lev_network *net = small();
    const char *names[] = {"pagerank", "odd"};
    double sc[] = {0.25, 0.75, NAN, 1};
    sbuf s = {0};
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 2, names, sc, sbuf_sink, &s), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_str_eq(s.s,
                     "{\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [\n"
                     "  {\"id\": \"a\", \"group\": \"g1\", \"holds:land\": 3, \"pagerank\": 0.25, \"odd\": null},\n"
                     "  {\"id\": \"b\\\"q\", \"pagerank\": 0.75, \"odd\": 1}\n"
                     "], \"links\": [\n"
                     "  {\"source\": \"a\", \"target\": \"b\\\"q\", \"key\": 0, \"weight\": 2, \"channel\": \"kin\"},\n"
                     "  {\"source\": \"b\\\"q\", \"target\": \"a\", \"key\": 1, \"weight\": 0.5}\n"
                     "]}\n");
    free(s.s);
    lev_network_free(net);
}

Test(formats, dot_sizes_by_the_first_score_and_colours_by_group) {
    lev_network *net = small();
    const char *names[] = {"pagerank"};
    double sc[] = {0.25, 0.75};
    sbuf s = {0};
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_DOT, 1, names, sc, sbuf_sink, &s), LEV_OK, "%s", lev_errmsg(net));
    /* Smallest score: 0.25 in; largest: 1.25 in; the group's colour; the widest tie 5 points. */
    cr_assert(strstr(s.s, "\"a\" [width=0.25, height=0.25, fillcolor=\"#4e79a7\", tooltip=\"a (g1)\\npagerank = 0.25\"];"), "%s", s.s);
    cr_assert(strstr(s.s, "\"b\\\"q\" [width=1.25, height=1.25, tooltip=\"b\\\"q\\npagerank = 0.75\"];"), "%s", s.s);
    cr_assert(strstr(s.s, "\"a\" -> \"b\\\"q\" [penwidth=5, tooltip=\"kin\"];"), "%s", s.s);
    cr_assert(strstr(s.s, "\"b\\\"q\" -> \"a\" [penwidth=1.625];"), "%s", s.s);
    cr_assert(!strncmp(s.s, "digraph leverage {\n", 19));
    free(s.s);
    lev_network_free(net);
}

Test(formats, gml_scores_are_reals_and_keys) {
    lev_network *net = small();
    const char *names[] = {"pagerank"};
    double sc[] = {1, INFINITY};
    sbuf s = {0};
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_GML, 1, names, sc, sbuf_sink, &s), LEV_OK, "%s", lev_errmsg(net));
    cr_assert(strstr(s.s, "    label \"b&#34;q\"\n    pagerank +INF\n"), "%s", s.s);
    cr_assert(strstr(s.s, "    pagerank 1.0\n"), "%s", s.s);
    free(s.s);
    const char *bad[] = {"page-rank"};
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_GML, 1, bad, sc, sbuf_sink, &s), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "is not a GML key"), "%s", lev_errmsg(net));
    lev_network_free(net);
}

Test(formats, write_scores_misuse) {
    lev_network *net = small();
    const char *names[] = {"x"}, *dup[] = {"x", "x"}, *taken[] = {"group"}, *null_name[] = {NULL};
    double sc[4] = {0};
    sbuf s = {0};
    cr_assert_eq(lev_write_scores(NULL, LEV_FORMAT_JSON, 0, NULL, NULL, sbuf_sink, &s), LEV_EMISUSE);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 0, NULL, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 1, NULL, sc, sbuf_sink, &s), LEV_EMISUSE);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 1, names, NULL, sbuf_sink, &s), LEV_EMISUSE);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 1, null_name, sc, sbuf_sink, &s), LEV_EMISUSE);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_PAJEK, 1, names, sc, sbuf_sink, &s), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_EDGES_CSV, 1, names, sc, sbuf_sink, &s), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_write_scores(net, (lev_format)99, 0, NULL, NULL, sbuf_sink, &s), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 2, dup, sc, sbuf_sink, &s), LEV_EINVAL);
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_JSON, 1, taken, sc, sbuf_sink, &s), LEV_EINVAL);
    cr_assert_null(s.s, "nothing written by a failed call");
    /* nscores 0 is lev_write. */
    cr_assert_eq(lev_write_scores(net, LEV_FORMAT_EDGES_CSV, 0, NULL, NULL, sbuf_sink, &s), LEV_OK);
    char *t = text_of(net, LEV_FORMAT_EDGES_CSV);
    cr_assert_str_eq(s.s, t);
    free(t);
    free(s.s);
    /* The file form checks the names before it creates the file. */
    char path[] = "/tmp/lev_formats_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    remove(path);
    cr_assert_eq(lev_write_scores_file(net, LEV_FORMAT_JSON, 1, taken, sc, path), LEV_EINVAL);
    FILE *f = fopen(path, "rb");
    cr_assert_null(f, "the file was created by a failed call");
    cr_assert_eq(lev_write_scores_file(net, LEV_FORMAT_JSON, 1, names, sc, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_write_scores_file(net, LEV_FORMAT_JSON, 1, names, sc, path), LEV_OK, "%s", lev_errmsg(net));
    remove(path);
    lev_network_free(net);
}

Test(formats, json_and_dot_are_not_read) {
    lev_network *net;
    lev_network_new(&net);
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_JSON, "{}", 2, "x.json", NULL), LEV_EUNSUPPORTED);
    cr_assert_str_eq(lev_errmsg(net), "x.json: JSON node-link is written, not read");
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_DOT, "", 0, "x.dot", NULL), LEV_EUNSUPPORTED);
    lev_network_free(net);
}

/* ---- errors: FILE:LINE:COLUMN, and the network as it was --------------------------------------- */

typedef struct bad { lev_format f; const char *text; lev_status rc; const char *msg; } bad;

static void check_bad(const bad *b) {
    lev_network *net = fixture(0);
    lev_params *p;
    lev_params_new(&p);
    double pr[8];
    lev_pagerank(net, NULL, p, pr); /* the compact form exists before the failed read */
    char *before = dump_network(net);
    lev_status rc = lev_read_buffer(net, b->f, b->text, strlen(b->text), "in", NULL);
    cr_assert_eq(rc, b->rc, "%s: got %s: %s", b->text, lev_status_name(rc), lev_errmsg(net));
    cr_assert_str_eq(lev_errmsg(net), b->msg, "got \"%s\" for input:\n%s", lev_errmsg(net), b->text);
    char *after = dump_network(net);
    cr_assert_str_eq(before, after, "a failed read changed the network");
    double pr2[8];
    lev_pagerank(net, NULL, p, pr2);
    cr_assert_eq(memcmp(pr, pr2, lev_actor_count(net) * sizeof *pr), 0);
    free(before);
    free(after);
    lev_params_free(p);
    lev_network_free(net);
}

Test(formats, pajek_errors) {
    static const bad cases[] = {
        {LEV_FORMAT_PAJEK, "", LEV_EPARSE, "in:1:1: no *Vertices section"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n1 \"a\n", LEV_EPARSE, "in:2:3: quote is not closed"},
        {LEV_FORMAT_PAJEK, "*Vertices x\n", LEV_EINVAL, "in:1:11: number of vertices must be a whole number"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n3 \"c\"\n", LEV_EINVAL, "in:2:1: vertex number must be 1..2 (got \"3\")"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n1 a\n1 b\n", LEV_EEXIST, "in:3:1: vertex 1 is listed twice"},
        {LEV_FORMAT_PAJEK, "*Arcs\n1 2\n", LEV_EPARSE, "in:1:1: edges before the *Vertices section"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n*Arcs\n1 2 0\n", LEV_EINVAL, "in:3:5: strength must be finite and > 0 (got \"0\")"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n*Arcs\n1 2 w\n", LEV_EINVAL,
         "in:3:5: strength must be a finite decimal number (got \"w\")"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n*Arcs\n1\n", LEV_EPARSE, "in:3:1: a tie needs two vertex numbers"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n*Matrix\n0 1\n1 0\n", LEV_EPARSE,
         "in:2:1: *Matrix sections are not read (write the ties as *Arcs)"},
        {LEV_FORMAT_PAJEK, "*Vertices 2\n1 \"Zo\xc3\xab\"\n2 \"Zo\xc3\xab\"\n", LEV_EEXIST,
         "in:3:1: actor \"Zo\xc3\xab\" is named by two nodes"},
        {LEV_FORMAT_PAJEK, "*Vertices 1\n1 \"\xff\"\n", LEV_EINVAL, "in:2:1: actor name is not valid UTF-8"},
        {LEV_FORMAT_PAJEK, "1 2\n", LEV_EPARSE, "in:1:1: a line outside any section (expected *Vertices first)"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) check_bad(&cases[k]);
}

Test(formats, gml_errors) {
    static const bad cases[] = {
        {LEV_FORMAT_GML, "", LEV_EPARSE, "in:1:1: no graph [ ... ] in the text"},
        {LEV_FORMAT_GML, "graph [\n node [ id 1 label \"a\" ]\n", LEV_EPARSE, "in:3:1: graph [ is not closed with ]"},
        {LEV_FORMAT_GML, "graph [ node [ label \"a\" ] ]", LEV_EPARSE, "in:1:9: node without an id"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 ]\n node [ id 1 ] ]", LEV_EEXIST,
         "in:2:12: node \"1\" is defined twice (first on line 1)"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 ] edge [ source 1 target 2 ] ]", LEV_ENOTFOUND,
         "in:1:46: an edge refers to node \"2\", which the file does not define"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 ] edge [ source 1 target 1 weight -1 ] ]", LEV_EINVAL,
         "in:1:55: strength must be finite and > 0 (got \"-1\")"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 ] edge [ source 1 target 1 weight \"x\" ] ]", LEV_EINVAL,
         "in:1:55: edge weight must be a number"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 label \"x ] ]", LEV_EPARSE, "in:1:27: unexpected character or unclosed string"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 label 7 ] ]", LEV_EPARSE, "in:1:27: node label must be a \"string\""},
        {LEV_FORMAT_GML, "graph [ node [ id 1 label \"&#0;\" ] ]", LEV_EINVAL,
         "in:1:27: character entity &#0; is not a character"},
        {LEV_FORMAT_GML, "graph [ edge [ target 1 ] ]", LEV_EPARSE, "in:1:9: edge without a source"},
        {LEV_FORMAT_GML, "graph [ node [ id 1 label \"Zo&#235;\" ] node [ id 2 label \"Zo\xc3\xab\" ] ]", LEV_EEXIST,
         "in:1:40: actor \"Zo\xc3\xab\" is named by two nodes"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) check_bad(&cases[k]);
}

Test(formats, graphml_errors) {
    if (!LEV_TEST_EXPAT) {
        lev_network *net;
        lev_network_new(&net);
        cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_GRAPHML, "<graphml/>", 10, "in", NULL), LEV_EUNSUPPORTED);
        cr_assert_str_eq(lev_errmsg(net), "in: libleverage was built without GraphML support (expat)");
        lev_network_free(net);
        return;
    }
#define G0 "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>"
    static const bad cases[] = {
        {LEV_FORMAT_GRAPHML, "", LEV_EPARSE, "in:1:1: XML: no element found"},
        {LEV_FORMAT_GRAPHML, "<graphml><graph>\n<node id=\"a\">\n</graph></graphml>", LEV_EPARSE,
         "in:3:3: XML: mismatched tag"},
        {LEV_FORMAT_GRAPHML, G0 "<node/></graph></graphml>", LEV_EPARSE, "in:1:79: <node> without an id"},
        {LEV_FORMAT_GRAPHML, G0 "<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", LEV_EEXIST,
         "in:2:1: node \"a\" is defined twice (first on line 1)"},
        {LEV_FORMAT_GRAPHML, G0 "<node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>", LEV_ENOTFOUND,
         "in:1:93: an edge refers to node \"b\", which the file does not define"},
        {LEV_FORMAT_GRAPHML, G0 "<node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"w\">0</data></edge></graph></graphml>",
         LEV_EINVAL, "in:1:121: strength must be finite and > 0 (got \"0\")"},
        {LEV_FORMAT_GRAPHML, G0 "<node id=\"a\"><data key=\"zz\">1</data></node></graph></graphml>", LEV_ENOTFOUND,
         "in:1:92: <data> names key \"zz\", which no <key> defines"},
        {LEV_FORMAT_GRAPHML, G0 "<node id=\"a\"><graph/></node></graph></graphml>", LEV_EUNSUPPORTED,
         "in:1:92: nested graphs are not read"},
        {LEV_FORMAT_GRAPHML, G0 "<hyperedge/></graph></graphml>", LEV_EUNSUPPORTED, "in:1:79: hyperedges are not read"},
        {LEV_FORMAT_GRAPHML,
         "<graphml><key id=\"h\" for=\"node\" attr.name=\"holds:gold\"/><graph><node id=\"a\"><data key=\"h\">-2</data></node></graph></graphml>",
         LEV_EINVAL, "in:1:77: amount held must be >= 0 (got \"-2\")"},
    };
#undef G0
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) check_bad(&cases[k]);
}

/* ---- reading into a network that has actors already --------------------------------------------- */

Test(formats, existing_actors_keep_their_index_and_take_the_group) {
    lev_network *net;
    lev_network_new(&net);
    lev_actor_add(net, "b", "old", NULL);
    const char *g = "graph [ node [ id 0 label \"a\" group \"x\" ] node [ id 1 label \"b\" group \"y\" ]\n"
                    " edge [ source 0 target 1 ] ]";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_GML, g, strlen(g), "g", NULL), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_str_eq(lev_actor_name(net, 0), "b");
    cr_assert_str_eq(lev_actor_group(net, 0), "y");
    cr_assert_str_eq(lev_actor_name(net, 1), "a");
    uint32_t s, t;
    double w;
    lev_edge_get(net, 0, &s, &t, &w, NULL);
    cr_assert(s == 1 && t == 0 && w == 1, "edge a -> b with the default strength 1");
    /* A failing read puts the group back. */
    const char *fails = "graph [ node [ id 0 label \"b\" group \"z\" ] edge [ source 0 target 9 ] ]";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_GML, fails, strlen(fails), "g", NULL), LEV_ENOTFOUND);
    cr_assert_str_eq(lev_actor_group(net, 0), "y");
    lev_network_free(net);
}

Test(formats, pajek_relations_are_channels_and_lists_are_read) {
    const char *t = "% a comment\n*Network test\n*Vertices 3\n1 \"a\" 0.1 0.2 0.5 ic Red\n2 b\n"
                    "*Arcs :1 \"money\"\n1 2 2.5 c Blue\n*Edges\n2 3\n*Arcslist\n3 1 2\n";
    lev_network *net = read_text(LEV_FORMAT_PAJEK, t);
    cr_assert_eq(lev_actor_count(net), 3);
    cr_assert_str_eq(lev_actor_name(net, 1), "b");
    cr_assert_str_eq(lev_actor_name(net, 2), "3", "a vertex without a line is named by its number");
    char *e = text_of(net, LEV_FORMAT_EDGES_CSV);
    cr_assert_str_eq(e, "source,target,weight,channel\na,b,2.5,money\nb,3,1,\n3,a,1,\n3,b,1,\n");
    free(e);
    lev_network_free(net);
}

Test(formats, graphml_defaults_names_and_namespaces) {
    if (!LEV_TEST_EXPAT) return;
    const char *t =
        "<?xml version=\"1.0\"?>\n<g:graphml xmlns:g=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<g:key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "<g:key id=\"c\" for=\"edge\" attr.name=\"channel\" attr.type=\"string\"><g:default>kin</g:default></g:key>\n"
        "<g:key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><g:default>2</g:default></g:key>\n"
        "<g:key id=\"o\" for=\"node\" attr.name=\"other\" attr.type=\"int\"/>\n"
        "<g:graph edgedefault=\"undirected\"><g:node id=\"n0\"><g:data key=\"n\">Ann</g:data><g:data key=\"o\">3</g:data></g:node>\n"
        "<g:node id=\"n1\"/><g:edge source=\"n0\" target=\"n1\"/>"
        "<g:edge source=\"n1\" target=\"n0\"><g:data key=\"w\"> 0.5 </g:data><g:data key=\"c\"></g:data></g:edge></g:graph></g:graphml>\n";
    lev_network *net = read_text(LEV_FORMAT_GRAPHML, t);
    cr_assert_str_eq(lev_actor_name(net, 0), "Ann");
    cr_assert_str_eq(lev_actor_name(net, 1), "n1");
    char *e = text_of(net, LEV_FORMAT_EDGES_CSV);
    cr_assert_str_eq(e, "source,target,weight,channel\nAnn,n1,2,kin\nn1,Ann,0.5,\n");
    free(e);
    lev_network_free(net);
}

Test(formats, allocation_failures_leave_the_network_as_it_was) {
    lev_format fs[] = {LEV_FORMAT_GML, LEV_FORMAT_PAJEK, LEV_FORMAT_GRAPHML};
    for (int k = 0; k < 3; k++) {
        if (fs[k] == LEV_FORMAT_GRAPHML && !LEV_TEST_EXPAT) continue;
        lev_network *src = fixture(1);
        char *t = text_of(src, fs[k]);
        for (long fail_at = 0;; fail_at++) {
            failalloc fa = {0};
            lev_network *net;
            cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
            lev_actor_add(net, "x#1 [y]", "g", NULL);
            char *before = dump_network(net);
            fa.fail_at = fail_at;
            fa.armed = 1;
            lev_status rc = lev_read_buffer(net, fs[k], t, strlen(t), "t", NULL);
            fa.armed = 0;
            if (rc == LEV_OK) {
                free(before);
                lev_network_free(net);
                cr_assert_eq(fa.live_blocks, 0);
                break;
            }
            cr_assert_eq(rc, LEV_ENOMEM, "format %d, allocation %ld: %s", (int)fs[k], fail_at, lev_errmsg(net));
            char *after = dump_network(net);
            cr_assert_str_eq(before, after);
            free(before);
            free(after);
            lev_network_free(net);
            cr_assert_eq(fa.live_blocks, 0, "leak after failing allocation %ld", fail_at);
            cr_assert(!fa.bad_osize);
        }
        free(t);
        lev_network_free(src);
    }
}
