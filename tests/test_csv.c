/* CSV readers and writers: RFC 4180, headers, errors with FILE:LINE:COLUMN, all or nothing. */
#include "helpers.h"

#include <locale.h>
#include <unistd.h>

static lev_status rd(lev_network *net, lev_format f, const char *text) {
    return lev_read_buffer(net, f, text, strlen(text), "t.csv", NULL);
}

static char *write_fmt(const lev_network *net, lev_format f) {
    sbuf b = {0};
    cr_assert_eq(lev_write(net, f, sbuf_sink, &b), LEV_OK);
    return b.s ? b.s : strdup("");
}

Test(csv, florentine_bundle_reads) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL),
                 LEV_OK, "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_count(net), 16);
    cr_assert_eq(lev_edge_count(net), 20);
    uint32_t m, w;
    lev_actor_find(net, "Medici", &m);
    lev_resource_find(net, "wealth", &w);
    double h, n;
    lev_actor_get_resource(net, m, w, &h, &n);
    cr_assert(h == 103 && n == 0);
    cr_assert_str_eq(lev_actor_group(net, m), "medicean");
    lev_network_free(net);
}

Test(csv, rfc4180_quoting_crlf_bom_blank_lines) {
    lev_network *net;
    lev_network_new(&net);
    const char *text = "\xEF\xBB\xBF" "Source , TARGET,weight,channel\r\n"
                       "\"Smith, J.\",\"O\"\"Brien\",1.5,\"a\nb\"\r\n"
                       "\r\n"
                       "  Zoë  ,Smith\\, J.,2e0,\r\n"
                       "Zoë,\"Smith, J.\",.5,money";
    /* A backslash is no escape in CSV: "Smith\" and " J." would be two fields -> 5 fields. */
    cr_assert_eq(rd(net, LEV_FORMAT_EDGES_CSV, text), LEV_EPARSE);
    cr_assert(strstr(lev_errmsg(net), "t.csv:5:1: expected 4 fields"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_count(net), 0);
    text = "\xEF\xBB\xBF" "Source , TARGET,weight,channel\r\n"
           "\"Smith, J.\",\"O\"\"Brien\",1.5,\"a\nb\"\r\n"
           "\r\n"
           "  Zoë  ,Smith,2e0,\r\n"
           "Zoë,\"Smith, J.\",.5,money";
    cr_assert_eq(rd(net, LEV_FORMAT_EDGES_CSV, text), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_count(net), 4);
    cr_assert_str_eq(lev_actor_name(net, 0), "Smith, J.");
    cr_assert_str_eq(lev_actor_name(net, 1), "O\"Brien");
    cr_assert_str_eq(lev_actor_name(net, 2), "Zoë"); /* spaces around unquoted fields trimmed */
    cr_assert_str_eq(lev_actor_name(net, 3), "Smith");
    const char *ch;
    double w;
    lev_edge_get(net, 0, NULL, NULL, &w, &ch);
    cr_assert(w == 1.5);
    cr_assert_str_eq(ch, "a\nb");
    lev_edge_get(net, 1, NULL, NULL, &w, &ch);
    cr_assert(w == 2 && ch == NULL);
    lev_edge_get(net, 2, NULL, NULL, &w, &ch);
    cr_assert(w == 0.5);
    cr_assert_str_eq(ch, "money");
    /* Columns in any order, and the optional channel may be missing. */
    cr_assert_eq(rd(net, LEV_FORMAT_EDGES_CSV, "weight,to,from\n3,Smith,Zoë\n"), LEV_OK, "%s", lev_errmsg(net));
    uint32_t s, t;
    lev_edge_get(net, 3, &s, &t, &w, NULL);
    cr_assert(s == 2 && t == 3 && w == 3);
    lev_network_free(net);
}

/* doc: lev_read_file, every error reports FILE:LINE:COLUMN and leaves the network as it was. */
Test(csv, errors_locate_and_roll_back) {
    struct { lev_format f; const char *text; lev_status rc; const char *msg; } bad[] = {
        {LEV_FORMAT_EDGES_CSV, "", LEV_EPARSE, "t.csv:1:1: empty file"},
        {LEV_FORMAT_EDGES_CSV, "source,target\nA,B\n", LEV_EPARSE, "t.csv:1:1: the header lacks column \"weight\""},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight,colour\n", LEV_EPARSE, "t.csv:1:22: unknown column \"colour\""},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight,source\n", LEV_EPARSE, "t.csv:1:22: column \"source\" appears twice"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1\nN2,N3\n", LEV_EPARSE, "t.csv:3:1: expected 3 fields as in the header, got 2"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1\nN2,N3,1,x\n", LEV_EPARSE, "t.csv:3:1: expected 3 fields as in the header, got 4"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,nan\n", LEV_EINVAL, "t.csv:2:7: strength must be a finite decimal number (got \"nan\")"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,inf\n", LEV_EINVAL, "t.csv:2:7: strength"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,0\n", LEV_EINVAL, "t.csv:2:7: strength must be finite and > 0 (got \"0\")"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,-2\n", LEV_EINVAL, "t.csv:2:7: strength must be finite and > 0"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1e999\n", LEV_EINVAL, "t.csv:2:7: strength is out of range"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,0x10\n", LEV_EINVAL, "t.csv:2:7: strength must be a finite decimal"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,\n", LEV_EPARSE, "t.csv:2:7: strength is missing"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,,1\n", LEV_EINVAL, "t.csv:2:4: actor name is empty"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,\xff,1\n", LEV_EINVAL, "t.csv:2:4: actor name is not valid UTF-8"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,\"N2,1\n", LEV_EPARSE, "t.csv:2:4: quoted field is not closed"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,\"N2\"x,1\n", LEV_EPARSE, "t.csv:2:8: unexpected character after a closing quote"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N\"2,1\n", LEV_EPARSE, "t.csv:2:5: quote inside an unquoted field"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1\n\"multi\nline\",N3,-1\n", LEV_EINVAL, "t.csv:4:10: strength"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight,channel\nN1,N2,1,\xc3\n", LEV_EINVAL, "t.csv:2:9: channel label is not valid UTF-8"},
        {LEV_FORMAT_EDGES_CSV, "a,b,c,d,e,f,g,h,i\n", LEV_EPARSE, "too many fields"},
        {LEV_FORMAT_ACTORS_CSV, "name,group\nN1,g\nN1,h\n", LEV_EEXIST, "t.csv:3:1: actor \"N1\" is listed twice"},
        {LEV_FORMAT_ACTORS_CSV, "name,group\nA,newgroup\nA,other\n", LEV_EEXIST, "t.csv:3:1: actor \"A\" is listed twice"},
        {LEV_FORMAT_ACTORS_CSV, "group\nA\n", LEV_EPARSE, "lacks column \"name\""},
        {LEV_FORMAT_ACTORS_CSV, "name\nN1\n\"\"\n", LEV_EINVAL, "t.csv:3:1: actor name is empty"},
        {LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,land,1,0\nNobody,land,1,0\n", LEV_ENOTFOUND, "t.csv:3:1: unknown actor \"Nobody\""},
        {LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,-1,0\n", LEV_EINVAL, "t.csv:2:8: amount held must be >= 0"},
        {LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,1,NaN\n", LEV_EINVAL, "t.csv:2:10: amount needed must be a finite"},
        {LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,,1,1\n", LEV_EINVAL, "t.csv:2:3: resource name is empty"},
        {LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds\n", LEV_EPARSE, "lacks column \"needs\""},
        {LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nB,gold,1,0\nA,gold,1,0\nB,gold,2,0\n", LEV_EEXIST,
         "t.csv:4:1: actor \"B\" and resource \"gold\" are given twice (first on line 2)"},
        {LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1e-40\n", LEV_EINVAL, "t.csv:2:7: strength 1e-40 is outside"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        lev_network *net;
        lev_network_new(&net);
        /* Something to keep: an actor with a group and holdings, an edge with a channel. */
        cr_assert_eq(rd(net, LEV_FORMAT_EDGES_CSV, "source,target,weight,channel\nA,B,2,money\n"), LEV_OK);
        cr_assert_eq(rd(net, LEV_FORMAT_ACTORS_CSV, "name,group\nA,old\n"), LEV_OK);
        cr_assert_eq(rd(net, LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,land,5,1\n"), LEV_OK);
        double pr[2];
        cr_assert_eq(lev_pagerank(net, NULL, NULL, pr), LEV_OK); /* a built compact form, too */
        char *before = dump_network(net);
        cr_assert_eq(rd(net, bad[k].f, bad[k].text), bad[k].rc, "case %zu: %s", k, lev_errmsg(net));
        cr_assert_eq(lev_errcode(net), bad[k].rc);
        cr_assert(strstr(lev_errmsg(net), bad[k].msg), "case %zu: got \"%s\", want \"%s\"", k, lev_errmsg(net),
                  bad[k].msg);
        char *after = dump_network(net);
        cr_assert_str_eq(after, before, "case %zu changed the network", k);
        double pr2[2];
        cr_assert_eq(lev_pagerank(net, NULL, NULL, pr2), LEV_OK);
        cr_assert_eq(memcmp(pr, pr2, sizeof pr), 0);
        free(before);
        free(after);
        lev_network_free(net);
    }
}

Test(csv, actors_file_sets_groups_of_existing_actors) {
    lev_network *net;
    lev_network_new(&net);
    rd(net, LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,B,1\n");
    cr_assert_eq(rd(net, LEV_FORMAT_ACTORS_CSV, "actor,group\nB,x\nC,y\nA,\n"), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_count(net), 3);
    cr_assert_null(lev_actor_group(net, 0)); /* empty group leaves it as it was */
    cr_assert_str_eq(lev_actor_group(net, 1), "x");
    cr_assert_str_eq(lev_actor_group(net, 2), "y");
    cr_assert_eq(rd(net, LEV_FORMAT_ACTORS_CSV, "name\nD\n"), LEV_OK);
    cr_assert_eq(lev_actor_count(net), 4);
    lev_network_free(net);
}

/* doc: lev_write, CSV reads back into an equal network (strengths round-trip exactly). */
Test(csv, write_read_round_trip) {
    lev_network *a;
    lev_network_new(&a);
    lev_actor_add(a, "lonely", "g,1", NULL);
    lev_edge_add_by_name(a, "Smith, J.", "O\"Brien", 0.1, "a\nb", NULL);
    lev_edge_add_by_name(a, " padded ", "Zoë", 1.0 / 3.0, NULL, NULL);
    lev_edge_add_by_name(a, "Zoë", "Zoë", 1e-30, "self", NULL);
    uint32_t r;
    lev_resource_add(a, "votes", &r);
    lev_resource_add(a, "unused", NULL);
    lev_actor_set_resource(a, 2, r, 0.3, 7);
    char *e = write_fmt(a, LEV_FORMAT_EDGES_CSV), *ac = write_fmt(a, LEV_FORMAT_ACTORS_CSV),
         *rs = write_fmt(a, LEV_FORMAT_RESOURCES_CSV);
    cr_assert(strstr(e, "\"Smith, J.\",\"O\"\"Brien\",0.1,\"a\nb\"\n"), "%s", e);
    cr_assert(strstr(e, "\" padded \",Zoë,0.3333333333333333,\n"), "%s", e);
    cr_assert(strstr(ac, "lonely,\"g,1\"\n"), "%s", ac);
    cr_assert_str_eq(rs, "actor,resource,holds,needs\n\"O\"\"Brien\",votes,0.3,7\n");
    lev_network *b;
    lev_network_new(&b);
    cr_assert_eq(rd(b, LEV_FORMAT_ACTORS_CSV, ac), LEV_OK, "%s", lev_errmsg(b));
    cr_assert_eq(rd(b, LEV_FORMAT_EDGES_CSV, e), LEV_OK, "%s", lev_errmsg(b));
    cr_assert_eq(rd(b, LEV_FORMAT_RESOURCES_CSV, rs), LEV_OK, "%s", lev_errmsg(b));
    lev_resource_add(b, "unused", NULL);
    char *da = dump_network(a), *db = dump_network(b);
    cr_assert_str_eq(da, db);
    double w;
    lev_edge_get(b, 1, NULL, NULL, &w, NULL);
    cr_assert(w == 1.0 / 3.0, "strength did not round-trip exactly");
    free(e); free(ac); free(rs); free(da); free(db);
    lev_network_free(a);
    lev_network_free(b);
}

Test(csv, edges_without_channels_write_three_columns) {
    lev_network *net;
    lev_network_new(&net);
    lev_edge_add_by_name(net, "a", "b", 2, NULL, NULL);
    /* A rolled-back first edge with a channel leaves no channel column behind. */
    cr_assert_eq(rd(net, LEV_FORMAT_EDGES_CSV, "source,target,weight,channel\na,b,1,money\na,b,-1,x\n"), LEV_EINVAL);
    char *e = write_fmt(net, LEV_FORMAT_EDGES_CSV);
    cr_assert_str_eq(e, "source,target,weight\na,b,2\n");
    free(e);
    lev_network_free(net);
}

static int refuse(void *ud, const char *d, size_t n) { (void)ud; (void)d; (void)n; return 1; }

Test(csv, files_and_sinks_fail_cleanly) {
    lev_network *net;
    lev_network_new(&net);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, "/nonexistent/edges.csv", NULL), LEV_ENOTFOUND);
    cr_assert(strstr(lev_errmsg(net), "/nonexistent/edges.csv: cannot open"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, "/", NULL), LEV_EIO, "%s", lev_errmsg(net));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_read_file(net, (lev_format)77, SRC("examples/data/florentine_edges.csv"), NULL), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, NULL, 5, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, "x", 1, NULL, NULL), LEV_EPARSE);
    cr_assert(strstr(lev_errmsg(net), "<buffer>:1:1"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_read_buffer(NULL, LEV_FORMAT_EDGES_CSV, "x", 1, NULL, NULL), LEV_EMISUSE);
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    cr_assert_eq(lev_write(net, LEV_FORMAT_EDGES_CSV, refuse, NULL), LEV_EIO);
    cr_assert(strstr(lev_errmsg(net), "sink"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_write(net, LEV_FORMAT_EDGES_CSV, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_write(net, (lev_format)0, refuse, NULL), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_write(NULL, LEV_FORMAT_EDGES_CSV, refuse, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_write_file(net, LEV_FORMAT_EDGES_CSV, "/nonexistent/dir/out.csv"), LEV_EIO);
    cr_assert_eq(lev_write_file(net, LEV_FORMAT_EDGES_CSV, NULL), LEV_EMISUSE);
    /* doc: lev_write_file, an unknown format fails before the file is created. */
    cr_assert_eq(lev_write_file(net, (lev_format)99, "/tmp/lev_test_never_created.csv"), LEV_EUNSUPPORTED);
    cr_assert_eq(access("/tmp/lev_test_never_created.csv", F_OK), -1);
    char path[] = "/tmp/lev_test_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    cr_assert_eq(lev_write_file(net, LEV_FORMAT_EDGES_CSV, path), LEV_OK);
    lev_network *b;
    lev_network_new(&b);
    cr_assert_eq(lev_read_file(b, LEV_FORMAT_EDGES_CSV, path, NULL), LEV_OK);
    cr_assert_eq(lev_edge_count(b), 1);
    remove(path);
    lev_network_free(b);
    lev_network_free(net);
}

/* doc: numbers are read and written in the C locale whatever the process locale. */
Test(csv, numbers_ignore_the_process_locale) {
    const char *locs[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", NULL};
    const char *got = NULL;
    for (int k = 0; locs[k] && !got; k++) got = setlocale(LC_NUMERIC, locs[k]);
    if (!got) cr_skip_test("no locale with a decimal comma is installed");
    lev_network *net;
    lev_network_new(&net);
    cr_assert_eq(rd(net, LEV_FORMAT_EDGES_CSV, "source,target,weight\na,b,1.25\n"), LEV_OK, "%s", lev_errmsg(net));
    double w;
    lev_edge_get(net, 0, NULL, NULL, &w, NULL);
    cr_assert(w == 1.25);
    char *e = write_fmt(net, LEV_FORMAT_EDGES_CSV);
    cr_assert_str_eq(e, "source,target,weight\na,b,1.25\n");
    free(e);
    setlocale(LC_NUMERIC, "C");
    lev_network_free(net);
}

/* The edges reader takes common rows (unquoted, no blanks at the ends of fields, \n or \r\n) by a
 * fast path and resolves rows in batches of 64: the same network as the general tokenizer gives
 * (every field quoted forces it), and errors name the first bad row, also past a batch. */
static void add_row(sbuf *plain, sbuf *quoted, const char *a, const char *b, const char *w, const char *end) {
    char line[512];
    snprintf(line, sizeof line, "%s,%s,%s%s", a, b, w, end);
    sbuf_sink(plain, line, strlen(line));
    snprintf(line, sizeof line, "\"%s\",\"%s\",\"%s\"%s", a, b, w, end);
    sbuf_sink(quoted, line, strlen(line));
}

Test(csv, edges_fast_rows_and_batches_match_the_general_tokenizer) {
    static const char *names[] = {"7", "Zoë", "1234567", "12345678", "actor-0000000000000001", "x",
                                  "actor-0000000000000002", "abcdefg", "abcdefgh",
                                  "a long name that is well past the sixty-four bytes of a cache line (to be sure)"};
    static const char *weights[] = {"1", "0.25", ".5", "5.", "+3", "1e2", "123456789012345", "1234567890123456",
                                    "0.1", "2.5000000000000004", "999999999999999.9"};
    sbuf plain = {0}, quoted = {0};
    sbuf_sink(&plain, "source,target,weight\n", 21);
    sbuf_sink(&quoted, "source,target,weight\n", 21);
    for (int i = 0; i < 300; i++) {
        const char *end = i % 7 == 3 ? "\r\n" : i % 11 == 5 ? "\n\n" : "\n";
        add_row(&plain, &quoted, names[(i * 7) % 10], names[(i * 3 + 1) % 10], weights[i % 11], end);
    }
    add_row(&plain, &quoted, "last", "row", "2", ""); /* no newline at the end */
    lev_network *a, *b;
    lev_network_new(&a);
    lev_network_new(&b);
    cr_assert_eq(lev_read_buffer(a, LEV_FORMAT_EDGES_CSV, plain.s, plain.n, "p.csv", NULL), LEV_OK, "%s",
                 lev_errmsg(a));
    cr_assert_eq(lev_read_buffer(b, LEV_FORMAT_EDGES_CSV, quoted.s, quoted.n, "q.csv", NULL), LEV_OK, "%s",
                 lev_errmsg(b));
    cr_assert_eq(lev_edge_count(a), 301);
    char *da = dump_network(a), *db = dump_network(b);
    cr_assert_str_eq(da, db);
    for (size_t e = 0; e < 300; e++) { /* numbers as strtod reads them, bit for bit */
        double w;
        lev_edge_get(a, e, NULL, NULL, &w, NULL);
        double want = strtod(weights[e % 11], NULL);
        cr_assert_eq(memcmp(&w, &want, sizeof w), 0, "edge %zu: %.17g, want %.17g", e, w, want);
    }
    free(da);
    free(db);
    free(plain.s);
    free(quoted.s);
    lev_network_free(a);
    lev_network_free(b);

    /* Errors: the first bad row in file order, wherever the batches fall. */
    struct { int bad_row; const char *row; int quote_row; const char *msg; } cases[] = {
        {70, "N70,N71,x", 75, "t.csv:71:9: strength must be a finite decimal number (got \"x\")"},
        {-1, NULL, 75, "t.csv:76:2: quote inside an unquoted field"},
        {129, "N1,,1", -1, "t.csv:130:4: actor name is empty"},
        {99, "N1,N2,1,4", 130, "t.csv:100:1: expected 3 fields as in the header, got 4"},
        {64, " N1 ,\xff,1", -1, "t.csv:65:6: actor name is not valid UTF-8"},
        {200, "N1,N2", -1, "t.csv:201:1: expected 3 fields as in the header, got 2"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        sbuf t = {0};
        sbuf_sink(&t, "source,target,weight\n", 21);
        for (int i = 1; i <= 260; i++) {
            char line[64];
            if (i == cases[k].bad_row) snprintf(line, sizeof line, "%s\n", cases[k].row);
            else if (i == cases[k].quote_row) snprintf(line, sizeof line, "N\"%d,N%d,1\n", i, i + 1);
            else snprintf(line, sizeof line, "N%d,N%d,%d\n", i, i + 1, i);
            sbuf_sink(&t, line, strlen(line));
        }
        lev_network *net;
        lev_network_new(&net);
        cr_assert_neq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, t.s, t.n, "t.csv", NULL), LEV_OK);
        cr_assert(strstr(lev_errmsg(net), cases[k].msg), "case %zu: got \"%s\", want \"%s\"", k, lev_errmsg(net),
                  cases[k].msg);
        cr_assert_eq(lev_actor_count(net), 0);
        cr_assert_eq(lev_edge_count(net), 0);
        free(t.s);
        lev_network_free(net);
    }

    /* Lookups are exact: "A" followed by a NUL is not the actor "A" (and is no valid name). */
    lev_network *net;
    lev_network_new(&net);
    static const char nul[] = "source,target,weight\nA,B,1\nA\0,B,1\n";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, nul, sizeof nul - 1, "t.csv", NULL), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "t.csv:3:1: actor name is not valid UTF-8"), "%s", lev_errmsg(net));
    lev_network_free(net);
}
