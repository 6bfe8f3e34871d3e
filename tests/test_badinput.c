/*
 * Bad input, one test per row of docs/bad-input.md: each call fails with the code and the exact
 * message the table gives, records it where the API says (the network, or the params it was
 * given, or nowhere), and leaves the network exactly as it was. Rows whose code and full message
 * test_csv.c, test_model.c, test_params.c, test_centrality.c or test_limits.c already check are
 * not repeated here; the table names those tests.
 */
#include "helpers.h"

static lev_network *fixture(void) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "A", "red", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "B", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "C", "blue", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 2.0, "money", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 0.5, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "land", NULL), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 0, 0, 5, 1), LEV_OK);
    return net;
}

static int refuse(void *ud, const char *data, size_t len) {
    (void)ud;
    (void)data;
    (void)len;
    return 1;
}

/* lev_read_buffer on a string literal (which may hold NUL bytes), named "t.csv" in messages. */
#define RD(fmt, lit) lev_read_buffer(net, fmt, lit, sizeof(lit) - 1, "t.csv", NULL)

/* Check rc, where the failure was recorded and its exact message; "none" = recorded nowhere. */
static void expect(const lev_network *net, const lev_params *p, lev_status rc, lev_status want, const char *where,
                   const char *msg) {
    cr_assert_eq(rc, want, "got %s, want %s", lev_status_name(rc), lev_status_name(want));
    if (strcmp(where, "net") == 0) {
        cr_assert_eq(lev_errcode(net), want, "not recorded on the network");
        cr_assert_str_eq(lev_errmsg(net), msg);
        cr_assert_eq(lev_params_errcode(p), LEV_OK, "also recorded on the params");
    } else if (strcmp(where, "p") == 0) {
        cr_assert_eq(lev_params_errcode(p), want, "not recorded on the params");
        cr_assert_str_eq(lev_params_errmsg(p), msg);
        cr_assert_eq(lev_errcode(net), LEV_OK, "also recorded on the network: %s", lev_errmsg(net));
    } else {
        cr_assert_eq(lev_errcode(net), LEV_OK, "recorded on the network: %s", lev_errmsg(net));
        cr_assert_str_eq(lev_errmsg(net), "");
        cr_assert_eq(lev_params_errcode(p), LEV_OK, "recorded on the params: %s", lev_params_errmsg(p));
    }
}

#define ROW(id, want, where, msg, ...)                                                          \
    Test(badinput, id) {                                                                          \
        lev_network *net = fixture();                                                             \
        lev_params *p;                                                                            \
        cr_assert_eq(lev_params_new(&p), LEV_OK);                                                 \
        char *before = dump_network(net);                                                         \
        lev_status rc;                                                                            \
        __VA_ARGS__                                                                               \
        expect(net, p, rc, want, where, msg);                                                     \
        char *after = dump_network(net);                                                          \
        cr_assert_str_eq(after, before, "the failed call changed the network");                   \
        free(before);                                                                             \
        free(after);                                                                              \
        lev_params_free(p);                                                                       \
        lev_network_free(net);                                                                    \
    }


/* ---- CSV readers (lev_read_buffer, lev_read_file) ------------------------------------------ */

/* row 1: Empty input: no header row */
ROW(csv_empty, LEV_EPARSE, "net",
    "t.csv:1:1: empty file: a header row `source,target,weight[,channel]` is required",
    rc = RD(LEV_FORMAT_EDGES_CSV, "");)

/* row 2: Only a BOM and blank lines */
ROW(csv_blank_only, LEV_EPARSE, "net",
    "t.csv:1:1: empty file: a header row `source,target,weight[,channel]` is required",
    rc = RD(LEV_FORMAT_EDGES_CSV, "\xEF\xBB\xBF\r\n \t\n");)

/* row 3: Header lacks a required column (edges) */
ROW(csv_missing_column_edges, LEV_EPARSE, "net",
    "t.csv:1:1: the header lacks column \"weight\" (expected source,target,weight[,channel])",
    rc = RD(LEV_FORMAT_EDGES_CSV, "from,to\nA,B\n");)

/* row 4: Header lacks a required column (actors) */
ROW(csv_missing_column_actors, LEV_EPARSE, "net",
    "t.csv:1:1: the header lacks column \"name\" (expected name[,group])",
    rc = RD(LEV_FORMAT_ACTORS_CSV, "group\nx\n");)

/* row 5: Header lacks a required column (resources) */
ROW(csv_missing_column_resources, LEV_EPARSE, "net",
    "t.csv:1:1: the header lacks column \"holds\" (expected actor,resource,holds,needs)",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "name,resource,needs\n");)

/* row 6: Unknown header column */
ROW(csv_unknown_column, LEV_EPARSE, "net",
    "t.csv:1:22: unknown column \"notes\" in the header (expected source,target,weight[,channel])",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight,notes\n");)

/* row 7: Header column twice (also through an alias) */
ROW(csv_duplicate_column, LEV_EPARSE, "net",
    "t.csv:1:20: column \"source\" appears twice in the header",
    rc = RD(LEV_FORMAT_EDGES_CSV, "from,target,weight,source\n");)

/* row 8: More than 8 fields in the header */
ROW(csv_header_too_many_fields, LEV_EPARSE, "net",
    "t.csv:1:17: too many fields (at most 8)",
    rc = RD(LEV_FORMAT_EDGES_CSV, "a,b,c,d,e,f,g,h,i\n");)

/* row 9: More than 8 fields in a record */
ROW(csv_record_too_many_fields, LEV_EPARSE, "net",
    "t.csv:2:17: too many fields (at most 8)",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,B,1,x,x,x,x,x,x\n");)

/* row 13: Text after a closing quote */
ROW(csv_after_quote, LEV_EPARSE, "net",
    "t.csv:2:7: unexpected character after a closing quote (write \"\" for a quote inside a quoted field)",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,\"B\" x,1\n");)

/* row 14: Quote inside an unquoted field */
ROW(csv_quote_inside, LEV_EPARSE, "net",
    "t.csv:2:4: quote inside an unquoted field (quote the whole field)",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,B\"x\",1\n");)

/* row 17: Actor name of spaces only (trimmed to empty) */
ROW(csv_blank_name, LEV_EINVAL, "net",
    "t.csv:2:4: actor name is empty",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\n   ,B,1\n");)

/* row 20: Actor name with a UTF-16 surrogate (U+D800) */
ROW(csv_surrogate_name, LEV_EINVAL, "net",
    "t.csv:2:3: actor name is not valid UTF-8",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,\xED\xA0\x80,1\n");)

/* row 21: Actor name with an overlong form */
ROW(csv_overlong_name, LEV_EINVAL, "net",
    "t.csv:2:3: actor name is not valid UTF-8",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,\xC0\xAF,1\n");)

/* row 22: NUL byte inside a name */
ROW(csv_nul_in_name, LEV_EINVAL, "net",
    "t.csv:2:3: actor name is not valid UTF-8",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,B\x00\x43,1\n");)

/* row 24: Group label not UTF-8 */
ROW(csv_bad_utf8_group, LEV_EINVAL, "net",
    "t.csv:2:3: group label is not valid UTF-8",
    rc = RD(LEV_FORMAT_ACTORS_CSV, "name,group\nD,\xe2\x82\n");)

/* row 25: Resource name not UTF-8 */
ROW(csv_bad_utf8_resource, LEV_EINVAL, "net",
    "t.csv:2:3: resource name is not valid UTF-8",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,\xff,1,1\n");)

/* row 27: NaN amount */
ROW(csv_nan_amount, LEV_EINVAL, "net",
    "t.csv:2:10: amount needed must be a finite decimal number (got \"NaN\")",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,1,NaN\n");)

/* row 28: Infinite strength */
ROW(csv_inf_strength, LEV_EINVAL, "net",
    "t.csv:2:7: strength must be a finite decimal number (got \"inf\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,inf\n");)

/* row 29: Infinite amount */
ROW(csv_infinity_amount, LEV_EINVAL, "net",
    "t.csv:2:8: amount held must be a finite decimal number (got \"Infinity\")",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,Infinity,0\n");)

/* row 31: Negative zero strength */
ROW(csv_negative_zero_strength, LEV_EINVAL, "net",
    "t.csv:2:7: strength must be finite and > 0 (got \"-0\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,-0\n");)

/* row 32: Negative strength */
ROW(csv_negative_strength, LEV_EINVAL, "net",
    "t.csv:2:7: strength must be finite and > 0 (got \"-2\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,-2\n");)

/* row 33: Negative amount */
ROW(csv_negative_amount, LEV_EINVAL, "net",
    "t.csv:2:8: amount held must be >= 0 (got \"-1\")",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,-1,0\n");)

/* row 34: Strength past the double range */
ROW(csv_strength_overflow, LEV_EINVAL, "net",
    "t.csv:2:7: strength is out of range (got \"1e999\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1e999\n");)

/* row 35: Amount past the double range */
ROW(csv_amount_overflow, LEV_EINVAL, "net",
    "t.csv:2:8: amount held is out of range (got \"1e400\")",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,1e400,0\n");)

/* row 36: Strength past single precision (> FLT_MAX) */
ROW(csv_strength_above_float, LEV_EINVAL, "net",
    "t.csv:2:7: strength 1e+39 is outside the single-precision range the algorithms read",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1e39\n");)

/* row 37: Strength below single precision's normal range (< FLT_MIN) */
ROW(csv_strength_below_float, LEV_EINVAL, "net",
    "t.csv:2:7: strength 1e-40 is outside the single-precision range the algorithms read",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1e-40\n");)

/* row 38: Hexadecimal number */
ROW(csv_hex, LEV_EINVAL, "net",
    "t.csv:2:7: strength must be a finite decimal number (got \"0x10\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,0x10\n");)

/* row 39: Malformed decimal (`1.2.3`, `1e`, `1,5` splits into two fields) */
ROW(csv_malformed_number, LEV_EINVAL, "net",
    "t.csv:2:7: strength must be a finite decimal number (got \"1.2.3\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nN1,N2,1.2.3\n");)

/* row 40: Number of 128 characters or more (even a valid one) */
ROW(csv_long_number, LEV_EINVAL, "net",
    "t.csv:2:5: strength must be a finite decimal number (got \"11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111\")",
    rc = RD(LEV_FORMAT_EDGES_CSV, "source,target,weight\nA,B,11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111\n");)

/* row 42: Empty amount */
ROW(csv_missing_amount, LEV_EPARSE, "net",
    "t.csv:2:8: amount held is missing",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,,1\n");)

/* row 44: Actor and resource twice in one resources file */
ROW(csv_resource_row_twice, LEV_EEXIST, "net",
    "t.csv:4:1: actor \"A\" and resource \"gold\" are given twice (first on line 2)",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nA,gold,1,0\nB,gold,1,0\nA,gold,2,0\n");)

/* row 45: Unknown actor in a resources file */
ROW(csv_unknown_actor, LEV_ENOTFOUND, "net",
    "t.csv:2:1: unknown actor \"Nobody\" (actors come from the edges or actors file, read first)",
    rc = RD(LEV_FORMAT_RESOURCES_CSV, "actor,resource,holds,needs\nNobody,land,1,0\n");)

/* row 50: Unknown format */
ROW(csv_unknown_format, LEV_EUNSUPPORTED, "net",
    "t.csv: unknown format 77",
    rc = lev_read_buffer(net, (lev_format)77, "x", 1, "t.csv", NULL);)

/* row 51: NULL data with len > 0 */
ROW(csv_null_data, LEV_EMISUSE, "net",
    "<buffer>: data is NULL",
    rc = lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, NULL, 5, NULL, NULL);)

/* row 53: No such file */
ROW(file_not_found, LEV_ENOTFOUND, "net",
    "/nonexistent/edges.csv: cannot open: No such file or directory",
    rc = lev_read_file(net, LEV_FORMAT_EDGES_CSV, "/nonexistent/edges.csv", NULL);)

/* row 54: A directory, not a file */
ROW(file_directory, LEV_EIO, "net",
    "/: read error",
    rc = lev_read_file(net, LEV_FORMAT_EDGES_CSV, "/", NULL);)

/* row 55: NULL path */
ROW(file_null_path, LEV_EMISUSE, "net",
    "lev_read_file: path is NULL",
    rc = lev_read_file(net, LEV_FORMAT_EDGES_CSV, NULL, NULL);)


/* ---- Model calls ------------------------------------------------------------------------------- */

/* row 57: NULL name */
ROW(api_null_actor_name, LEV_EMISUSE, "net",
    "lev_actor_add: name is NULL",
    rc = lev_actor_add(net, NULL, NULL, NULL);)

/* row 58: NULL resource name */
ROW(api_null_resource_name, LEV_EMISUSE, "net",
    "lev_resource_add: name is NULL",
    rc = lev_resource_add(net, NULL, NULL);)

/* row 59: NULL actor name in an edge */
ROW(api_null_edge_name, LEV_EMISUSE, "net",
    "lev_edge_add_by_name: a name is NULL",
    rc = lev_edge_add_by_name(net, NULL, "B", 1, NULL, NULL);)

/* row 60: NULL name to look up */
ROW(api_null_find_name, LEV_EMISUSE, "net",
    "lev_actor_find: name is NULL",
    uint32_t i; rc = lev_actor_find(net, NULL, &i);)

/* row 61: Empty actor name */
ROW(api_empty_actor_name, LEV_EINVAL, "net",
    "cannot add actor: actor name is empty",
    rc = lev_actor_add(net, "", NULL, NULL);)

/* row 62: Empty resource name */
ROW(api_empty_resource_name, LEV_EINVAL, "net",
    "cannot add resource: resource name is empty",
    rc = lev_resource_add(net, "", NULL);)

/* row 63: Actor name not UTF-8 */
ROW(api_bad_utf8_actor, LEV_EINVAL, "net",
    "cannot add actor: actor name is not valid UTF-8",
    rc = lev_actor_add(net, "\xc3\x28", NULL, NULL);)

/* row 64: Group label not UTF-8 */
ROW(api_bad_utf8_group, LEV_EINVAL, "net",
    "cannot add actor: group label is not valid UTF-8",
    rc = lev_actor_add(net, "D", "\xe2\x82", NULL);)

/* row 65: Group label not UTF-8 (set) */
ROW(api_bad_utf8_set_group, LEV_EINVAL, "net",
    "cannot set group of \"A\": group label is not valid UTF-8",
    rc = lev_actor_set_group(net, 0, "\xff");)

/* row 66: Channel label not UTF-8 */
ROW(api_bad_utf8_channel, LEV_EINVAL, "net",
    "cannot add edge: channel label is not valid UTF-8",
    rc = lev_edge_add(net, 0, 1, 1, "\x80", NULL);)

/* row 67: Resource name past U+10FFFF */
ROW(api_bad_utf8_resource, LEV_EINVAL, "net",
    "cannot add resource: resource name is not valid UTF-8",
    rc = lev_resource_add(net, "\xf4\x90\x80\x80", NULL);)

/* row 68: Actor name taken */
ROW(api_duplicate_actor, LEV_EEXIST, "net",
    "cannot add actor: actor \"A\" already exists",
    rc = lev_actor_add(net, "A", NULL, NULL);)

/* row 69: Resource name taken */
ROW(api_duplicate_resource, LEV_EEXIST, "net",
    "cannot add resource: \"land\" already exists",
    rc = lev_resource_add(net, "land", NULL);)

/* row 75: Actor index out of range (set group) */
ROW(api_set_group_bad_index, LEV_EINVAL, "net",
    "cannot set group: no actor 7 (the network has 3)",
    rc = lev_actor_set_group(net, 7, "g");)

/* row 76: Actor index out of range (edge; LEV_NONE) */
ROW(api_edge_bad_index, LEV_EINVAL, "net",
    "cannot add edge: no actor 4294967295 (the network has 3)",
    rc = lev_edge_add(net, 0, LEV_NONE, 1, NULL, NULL);)

/* row 77: Actor index out of range (set amount) */
ROW(api_set_resource_bad_actor, LEV_EINVAL, "net",
    "cannot set resource: no actor 3 (the network has 3)",
    rc = lev_actor_set_resource(net, 3, 0, 1, 1);)

/* row 78: Resource index out of range (set amount) */
ROW(api_set_resource_bad_resource, LEV_EINVAL, "net",
    "cannot set resource: no resource 1 (the network has 1)",
    rc = lev_actor_set_resource(net, 0, 1, 1, 1);)

/* row 79: Index out of range (get amount) */
ROW(api_get_resource_bad_index, LEV_EINVAL, "net",
    "lev_actor_get_resource: no actor 9 (the network has 3)",
    double h = -1, n = -1; rc = lev_actor_get_resource(net, 9, 0, &h, &n); cr_assert(h == -1 && n == -1, "outputs written");)

/* row 80: Resource index out of range (all amounts) */
ROW(api_resource_amounts_bad_index, LEV_EINVAL, "net",
    "lev_resource_amounts: no resource 5 (the network has 1)",
    double h[3] = {-1, -1, -1}, n[3] = {-1, -1, -1}; rc = lev_resource_amounts(net, 5, h, n); cr_assert(h[0] == -1 && n[0] == -1, "outputs written");)

/* row 81: Edge index out of range */
ROW(api_edge_get_bad_index, LEV_EINVAL, "net",
    "lev_edge_get: no edge 9 (the network has 2)",
    uint32_t s = 7; rc = lev_edge_get(net, 9, &s, NULL, NULL, NULL); cr_assert_eq(s, 7, "output written");)

/* row 82: Index out of range (names) */
ROW(api_name_bad_index, LEV_OK, "none",
    "",
    rc = lev_actor_name(net, 3) == NULL && lev_actor_group(net, 3) == NULL && lev_resource_name(net, 1) == NULL ? LEV_OK : LEV_EINVAL;)

/* row 83: NaN strength */
ROW(api_strength_nan, LEV_EINVAL, "net",
    "cannot add edge: strength must be finite and > 0 (got nan)",
    rc = lev_edge_add(net, 0, 1, NAN, NULL, NULL);)

/* row 84: Infinite strength */
ROW(api_strength_inf, LEV_EINVAL, "net",
    "cannot add edge: strength must be finite and > 0 (got inf)",
    rc = lev_edge_add(net, 0, 1, INFINITY, NULL, NULL);)

/* row 85: Zero strength */
ROW(api_strength_zero, LEV_EINVAL, "net",
    "cannot add edge: strength must be finite and > 0 (got 0)",
    rc = lev_edge_add(net, 0, 1, 0, NULL, NULL);)

/* row 86: Negative strength */
ROW(api_strength_negative, LEV_EINVAL, "net",
    "cannot add edge: strength must be finite and > 0 (got -1)",
    rc = lev_edge_add(net, 0, 1, -1, NULL, NULL);)

/* row 87: Strength past single precision */
ROW(api_strength_above_float, LEV_EINVAL, "net",
    "cannot add edge: strength 1e+300 is outside the single-precision range the algorithms read",
    rc = lev_edge_add(net, 0, 1, 1e300, NULL, NULL);)

/* row 88: Strength below FLT_MIN */
ROW(api_strength_below_float, LEV_EINVAL, "net",
    "cannot add edge: strength 1e-40 is outside the single-precision range the algorithms read",
    rc = lev_edge_add(net, 0, 1, 1e-40, NULL, NULL);)

/* row 89: Bad edge by name (neither actor is added) */
ROW(api_edge_by_name_bad, LEV_EINVAL, "net",
    "cannot add edge \"D\" -> \"E\": strength must be finite and > 0 (got nan)",
    rc = lev_edge_add_by_name(net, "D", "E", NAN, "x", NULL);)

/* row 90: Negative amount */
ROW(api_amount_negative, LEV_EINVAL, "net",
    "amount held must be finite and >= 0 (got -1)",
    rc = lev_actor_set_resource(net, 0, 0, -1, 0);)

/* row 91: NaN amount */
ROW(api_amount_nan, LEV_EINVAL, "net",
    "amount needed must be finite and >= 0 (got nan)",
    rc = lev_actor_set_resource(net, 0, 0, 1, NAN);)

/* row 92: Infinite amount */
ROW(api_amount_inf, LEV_EINVAL, "net",
    "amount held must be finite and >= 0 (got inf)",
    rc = lev_actor_set_resource(net, 0, 0, INFINITY, 0);)

/* row 93: Unknown actor name */
ROW(api_find_unknown, LEV_ENOTFOUND, "net",
    "no actor named \"Z\"",
    uint32_t i = 0; rc = lev_actor_find(net, "Z", &i); cr_assert_eq(i, LEV_NONE);)

/* row 94: Unknown resource name */
ROW(api_resource_find_unknown, LEV_ENOTFOUND, "net",
    "no resource named \"gold\"",
    uint32_t r = 0; rc = lev_resource_find(net, "gold", &r); cr_assert_eq(r, LEV_NONE);)


/* ---- Options (lev_params_*) ------------------------------------------------------------------ */

/* row 96: Unknown option key */
ROW(opt_unknown_key, LEV_EUNSUPPORTED, "p",
    "unknown option key 999",
    rc = lev_params_set_int(p, (lev_param)999, 1);)

/* row 97: Experimental key (none in 0.1) */
ROW(opt_experimental_key, LEV_EUNSUPPORTED, "p",
    "unknown option key 10000",
    rc = lev_params_set_int(p, LEV_P_EXPERIMENTAL_BASE, 1);)

/* row 98: Int setter on a double option */
ROW(opt_wrong_type, LEV_EINVAL, "p",
    "option damping takes a double: use lev_params_set_double",
    rc = lev_params_set_int(p, LEV_P_DAMPING, 1);)

/* row 99: NaN value */
ROW(opt_nan, LEV_EINVAL, "p",
    "option damping: value is NaN",
    rc = lev_params_set_double(p, LEV_P_DAMPING, NAN);)

/* row 100: Value out of bounds (never clamped) */
ROW(opt_out_of_bounds, LEV_EINVAL, "p",
    "option damping must be in [0, 1] (got 1.5)",
    rc = lev_params_set_double(p, LEV_P_DAMPING, 1.5);)

/* row 101: Infinite value */
ROW(opt_infinite, LEV_EINVAL, "p",
    "option tolerance must be in [0, 1] (got inf)",
    rc = lev_params_set_double(p, LEV_P_TOLERANCE, INFINITY);)

/* row 102: Fraction for an int option */
ROW(opt_not_whole, LEV_EINVAL, "p",
    "option max_iter takes a whole number (got 2.5)",
    rc = lev_params_set_double(p, LEV_P_MAX_ITER, 2.5);)

/* row 103: Int out of bounds */
ROW(opt_int_out_of_bounds, LEV_EINVAL, "p",
    "option threads must be in [0, 1024] (got 1025)",
    rc = lev_params_set_int(p, LEV_P_THREADS, 1025);)

/* row 104: Enum value out of range */
ROW(opt_enum_out_of_range, LEV_EINVAL, "p",
    "option direction must be in [1, 3] (got 4)",
    rc = lev_params_set_int(p, LEV_P_DIRECTION, 4);)

/* row 105: Seed past 2^53 (not exact as a double) */
ROW(opt_seed_past_2p53, LEV_EINVAL, "p",
    "option 100: 9007199254740993 is out of bounds",
    rc = lev_params_set_int(p, LEV_P_SEED, 9007199254740993LL);)

/* row 108: Unknown option name */
ROW(opt_find_unknown, LEV_ENOTFOUND, "none",
    "",
    lev_param k = LEV_P_SEED; rc = lev_param_find("dampening", &k); cr_assert_eq(k, LEV_P_SEED);)

/* row 109: Unknown key to lev_param_info */
ROW(opt_info_unknown, LEV_EUNSUPPORTED, "none",
    "",
    const char *nm = "x"; rc = lev_param_info((lev_param)999, &nm, NULL, NULL, NULL, NULL); cr_assert_str_eq(nm, "x");)


/* ---- Analyses and writers ---------------------------------------------------------------------- */

/* row 110: NULL output array */
ROW(an_null_out, LEV_EMISUSE, "p",
    "pagerank: the output array is NULL",
    rc = lev_pagerank(net, NULL, p, NULL);)

/* row 146: NULL actors array to a top-k call */
ROW(an_top_null_actors, LEV_EMISUSE, "p",
    "closeness top-k: the output array is NULL",
    double sc[3] = {-1, -1, -1}; rc = lev_closeness_top(net, p, 3, NULL, sc); cr_assert(sc[0] == -1, "output written");)

/* row 147: NULL scores array to a top-k call */
ROW(an_top_null_scores, LEV_EMISUSE, "p",
    "harmonic top-k: the scores array is NULL",
    uint32_t ids[3] = {7, 7, 7}; rc = lev_harmonic_top(net, p, 3, ids, NULL); cr_assert(ids[0] == 7, "output written");)

/* row 148: NULL output array to sampled betweenness with counts */
ROW(an_sampled_null_out, LEV_EMISUSE, "p",
    "sampled betweenness: the output array is NULL",
    uint64_t r = 5; double e = -1; rc = lev_betweenness_sampled(net, p, NULL, &r, &e); cr_assert(r == 5 && e == -1, "counts written");)

/* row 111: NULL output array, NULL params */
ROW(an_null_out_no_params, LEV_EMISUSE, "net",
    "degree: the output array is NULL",
    rc = lev_degree(net, NULL, NULL);)

/* row 112: NULL network, with params */
ROW(an_null_net_params, LEV_EMISUSE, "p",
    "strength: the network is NULL",
    double out[3]; rc = lev_strength(NULL, p, out);)

/* row 114: Negative personalization entry */
ROW(an_pers_negative, LEV_EINVAL, "p",
    "pagerank: personalization of actor 1 (\"B\") must be finite and >= 0 (got -1)",
    double q[3] = {1, -1, 1}, out[3] = {-1, -1, -1}; rc = lev_pagerank(net, q, p, out); cr_assert(out[0] == -1, "output written");)

/* row 115: NaN personalization entry */
ROW(an_pers_nan, LEV_EINVAL, "p",
    "pagerank: personalization of actor 0 (\"A\") must be finite and >= 0 (got nan)",
    double q[3] = {NAN, 1, 1}, out[3]; rc = lev_pagerank(net, q, p, out);)

/* row 116: Personalization summing to 0 */
ROW(an_pers_zero_sum, LEV_EINVAL, "p",
    "pagerank: personalization must have a finite, positive sum (got 0)",
    double q[3] = {0, 0, 0}, out[3]; rc = lev_pagerank(net, q, p, out);)

/* row 117: Personalization whose sum overflows */
ROW(an_pers_sum_overflow, LEV_EINVAL, "p",
    "pagerank: personalization must have a finite, positive sum (got inf)",
    double q[3] = {1e308, 1e308, 1e308}, out[3]; rc = lev_pagerank(net, q, p, out);)

/* row 118: Iteration limit too small to converge */
ROW(an_no_convergence, LEV_ENOCONV, "p",
    "pagerank: did not converge in 1 iterations (L1 change 0.378, tolerance 1e-10); raise LEV_P_MAX_ITER or LEV_P_TOLERANCE",
    double out[3] = {-1, -1, -1}; cr_assert_eq(lev_params_set_int(p, LEV_P_MAX_ITER, 1), LEV_OK); rc = lev_pagerank(net, NULL, p, out); cr_assert(out[0] == -1, "output written");)

/* row 119: Unknown format to a writer */
ROW(wr_unknown_format, LEV_EUNSUPPORTED, "net",
    "lev_write: unknown format 0",
    rc = lev_write(net, (lev_format)0, refuse, NULL);)

/* row 120: NULL sink */
ROW(wr_null_sink, LEV_EMISUSE, "net",
    "lev_write: fn is NULL",
    rc = lev_write(net, LEV_FORMAT_EDGES_CSV, NULL, NULL);)

/* row 121: Sink returns non-zero */
ROW(wr_sink_refuses, LEV_EIO, "net",
    "lev_write: the sink stopped the write",
    rc = lev_write(net, LEV_FORMAT_EDGES_CSV, refuse, NULL);)

/* row 122: File cannot be created */
ROW(wr_file_cannot_open, LEV_EIO, "net",
    "/nonexistent/dir/out.csv: cannot open for writing: No such file or directory",
    rc = lev_write_file(net, LEV_FORMAT_EDGES_CSV, "/nonexistent/dir/out.csv");)

/* row 123: NULL path to lev_write_file */
ROW(wr_file_null_path, LEV_EMISUSE, "net",
    "lev_write_file: path is NULL",
    rc = lev_write_file(net, LEV_FORMAT_EDGES_CSV, NULL);)

/* row 124: Unknown format to lev_write_file (checked before the file is made) */
ROW(wr_file_unknown_format, LEV_EUNSUPPORTED, "net",
    "/nonexistent/x.csv: unknown format 9",
    rc = lev_write_file(net, (lev_format)9, "/nonexistent/x.csv");)

/* ---- bulk edges (lev_edges_add) --------------------------------------------------------------- */

static const uint32_t bulk_src[] = {0, 1, 2}, bulk_tgt[] = {1, 2, 0}, bulk_bad_tgt[] = {1, 2, 3};
static const double bulk_w[] = {1, 2, 3}, bulk_bad_w[] = {1, 0, 3};

/* row 125: Actor index out of range in a bulk add (the position is named) */
ROW(api_edges_bad_index, LEV_EINVAL, "net",
    "cannot add edges: edge 2 of 3: no actor 3 (the network has 3)",
    rc = lev_edges_add(net, 3, bulk_src, bulk_bad_tgt, bulk_w, NULL, NULL);)

/* row 126: Bad strength in a bulk add (none of the edges is added) */
ROW(api_edges_bad_strength, LEV_EINVAL, "net",
    "cannot add edges: edge 1 of 3: strength must be finite and > 0 (got 0)",
    rc = lev_edges_add(net, 3, bulk_src, bulk_tgt, bulk_bad_w, "new-channel", NULL);)

/* row 127: NULL index array in a bulk add */
ROW(api_edges_null_sources, LEV_EMISUSE, "net",
    "lev_edges_add: sources is NULL",
    rc = lev_edges_add(net, 3, NULL, bulk_tgt, bulk_w, NULL, NULL);)

/* row 128: Channel not UTF-8 in a bulk add */
ROW(api_edges_bad_channel, LEV_EINVAL, "net",
    "cannot add 3 edges: channel label is not valid UTF-8",
    rc = lev_edges_add(net, 3, bulk_src, bulk_tgt, bulk_w, "\x80", NULL);)

/* ---- clustering, per-actor reciprocity, directed modularity -------------------------------- */

/* row 129: NULL output array (clustering) */
ROW(an_clustering_null_out, LEV_EMISUSE, "p",
    "clustering: the output array is NULL",
    rc = lev_clustering(net, p, NULL);)

/* row 130: NULL transitivity output (the average may be NULL, the transitivity not) */
ROW(an_transitivity_null_out, LEV_EMISUSE, "p",
    "transitivity: the output array is NULL",
    double a = -1; rc = lev_transitivity(net, p, NULL, &a); cr_assert(a == -1, "output written");)

/* row 131: NULL output array (per-actor reciprocity), NULL params */
ROW(an_reciprocity_actors_null_out, LEV_EMISUSE, "net",
    "reciprocity_actors: the output array is NULL",
    rc = lev_reciprocity_actors(net, NULL, NULL);)

/* row 132: Directed modularity option out of bounds */
ROW(opt_directed_modularity_out_of_bounds, LEV_EINVAL, "p",
    "option directed_modularity must be in [0, 1] (got 2)",
    rc = lev_params_set_int(p, LEV_P_DIRECTED_MODULARITY, 2);)

/* row 133: NULL partition with directed modularity */
ROW(an_directed_modularity_null_partition, LEV_EMISUSE, "p",
    "modularity: the community array is NULL",
    double q = -1; cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTED_MODULARITY, 1), LEV_OK); rc = lev_modularity(net, NULL, p, &q); cr_assert(q == -1, "output written");)

/* ---- PageRank's dangling vector (lev_pagerank_dangling) --------------------------------------- */

/* row 137: Negative dangling-vector entry */
ROW(an_dangling_negative, LEV_EINVAL, "p",
    "pagerank_dangling: dangling vector of actor 2 (\"C\") must be finite and >= 0 (got -1)",
    double g[3] = {1, 1, -1}, out[3] = {-1, -1, -1}; rc = lev_pagerank_dangling(net, NULL, g, p, out); cr_assert(out[0] == -1, "output written");)

/* row 138: Infinite dangling-vector entry */
ROW(an_dangling_infinite, LEV_EINVAL, "p",
    "pagerank_dangling: dangling vector of actor 0 (\"A\") must be finite and >= 0 (got inf)",
    double g[3] = {INFINITY, 1, 1}, out[3]; rc = lev_pagerank_dangling(net, NULL, g, p, out);)

/* row 139: Dangling vector summing to 0 */
ROW(an_dangling_zero_sum, LEV_EINVAL, "p",
    "pagerank_dangling: dangling vector must have a finite, positive sum (got 0)",
    double g[3] = {0, 0, 0}, out[3]; rc = lev_pagerank_dangling(net, NULL, g, p, out);)

/* row 140: Dangling vector whose sum overflows */
ROW(an_dangling_sum_overflow, LEV_EINVAL, "p",
    "pagerank_dangling: dangling vector must have a finite, positive sum (got inf)",
    double g[3] = {1e308, 1e308, 1e308}, out[3]; rc = lev_pagerank_dangling(net, NULL, g, p, out);)

/* ---- params with an allocator; the cap/len protocol ------------------------------------------- */

/* row 134: NULL allocator to lev_params_new_with_alloc */
ROW(opt_new_null_alloc, LEV_EMISUSE, "none", "",
    lev_params *q = (lev_params *)&net; rc = lev_params_new_with_alloc(&q, NULL, NULL);
    cr_assert_null(q);)

/* row 135: A cap > 0 too small for a variable-length result */
ROW(an_cap_too_small, LEV_ERANGE, "p",
    "asymmetry: 2 pairs do not fit in cap 1",
    uint32_t a[1], b[1]; double g[1]; size_t len = 0;
    rc = lev_asymmetry(net, p, 1, a, b, g, &len); cr_assert_eq(len, 2);)

/* row 136: A length query (cap 0) is no failure: LEV_ERANGE with the length, nothing recorded */
ROW(an_length_query, LEV_ERANGE, "none", "",
    size_t len = 0; rc = lev_asymmetry(net, p, 0, NULL, NULL, NULL, &len); cr_assert_eq(len, 2);)

/* ---- lev_betweenness_subset and the path options ---------------------------------------------- */

/* row 141: Subset source that is not an actor (the position is named) */
ROW(an_subset_bad_source, LEV_EINVAL, "p",
    "betweenness subset: sources[1] = 3 is not an actor (the network has 3)",
    const uint32_t s[2] = {0, 3}; double out[3] = {-1, -1, -1};
    rc = lev_betweenness_subset(net, s, 2, NULL, 0, p, out); cr_assert(out[0] == -1, "output written");)

/* row 142: An actor twice among the targets */
ROW(an_subset_repeated_target, LEV_EINVAL, "p",
    "betweenness subset: targets[2] repeats targets[0] (actor 1); give each actor once",
    const uint32_t s[1] = {0}, t[3] = {1, 2, 1}; double out[3] = {-1, -1, -1};
    rc = lev_betweenness_subset(net, s, 1, t, 3, p, out); cr_assert(out[0] == -1, "output written");)

/* row 143: NULL sources with a length */
ROW(an_subset_null_sources, LEV_EMISUSE, "p",
    "betweenness subset: sources is NULL but its length is 2",
    double out[3]; rc = lev_betweenness_subset(net, NULL, 2, NULL, 0, p, out);)

/* row 144: NULL targets (every actor) with a length */
ROW(an_subset_null_targets_with_length, LEV_EMISUSE, "p",
    "betweenness subset: targets is NULL (every actor) but ntargets is 2",
    const uint32_t s[1] = {0}; double out[3]; rc = lev_betweenness_subset(net, s, 1, NULL, 2, p, out);)

/* row 145: Negative path-length cutoff */
ROW(opt_cutoff_negative, LEV_EINVAL, "p",
    "option cutoff must be in [0, 1.7976931348623157e+308] (got -1)",
    rc = lev_params_set_double(p, LEV_P_CUTOFF, -1);)

/* ---- closeness and harmonic of a subset ------------------------------------------------------- */

/* row 149: Subset actor that is not an actor (the position is named) */
ROW(an_closeness_subset_bad_actor, LEV_EINVAL, "p",
    "closeness subset: actors[1] = 3 is not an actor (the network has 3)",
    const uint32_t a[2] = {0, 3}; double out[2] = {-1, -1};
    rc = lev_closeness_subset(net, a, 2, p, out); cr_assert(out[0] == -1, "output written");)

/* row 150: An actor listed twice */
ROW(an_harmonic_subset_repeated, LEV_EINVAL, "p",
    "harmonic subset: actors[2] repeats actors[0] (actor 1); give each actor once",
    const uint32_t a[3] = {1, 2, 1}; double out[3] = {-1, -1, -1};
    rc = lev_harmonic_subset(net, a, 3, p, out); cr_assert(out[0] == -1, "output written");)


/* ---- bypass: dominators, articulation points, bridges ------------------------------------------ */

/* row 151: Dominator source that is not an actor */
ROW(an_dominators_bad_source, LEV_EINVAL, "p",
    "dominators: source 3 is not an actor (the network has 3)",
    uint32_t out[3] = {7, 7, 7};
    rc = lev_dominators(net, 3, p, out); cr_assert(out[0] == 7, "output written");)

/* row 152: NULL output array to lev_dominators */
ROW(an_dominators_null_out, LEV_EMISUSE, "p",
    "dominators: the output array is NULL",
    rc = lev_dominators(net, 0, p, NULL);)

/* row 153: NULL output array to lev_articulation_points */
ROW(an_articulation_null_out, LEV_EMISUSE, "p",
    "articulation points: the output array is NULL",
    rc = lev_articulation_points(net, p, NULL);)

/* row 154: cap > 0 with a NULL array to lev_bridges */
ROW(an_bridges_null_array, LEV_EMISUSE, "p",
    "bridges: cap is 2 but an output array is NULL",
    uint32_t b[2]; size_t len = 9; rc = lev_bridges(net, p, 2, NULL, b, &len); cr_assert_eq(len, 9);)

/* row 155: A cap > 0 too small for the bridges (*len gets the number, arrays untouched) */
ROW(an_bridges_cap_too_small, LEV_ERANGE, "p",
    "bridges: 2 pairs do not fit in cap 1",
    uint32_t a[1] = {7}, b[1] = {7}; size_t len = 0;
    rc = lev_bridges(net, p, 1, a, b, &len); cr_assert_eq(len, 2); cr_assert(a[0] == 7 && b[0] == 7);)

/* row 156: The bridges' length query (cap 0) records nothing */
ROW(an_bridges_length_query, LEV_ERANGE, "none", "",
    size_t len = 0; rc = lev_bridges(net, p, 0, NULL, NULL, &len); cr_assert_eq(len, 2);)

/* ---- control and key players (rows 320-349) ---------------------------------------------------- */

/* row 320: cap > 0 with a NULL array to lev_drivers */
ROW(an_drivers_null_array, LEV_EMISUSE, "p",
    "drivers: cap is 2 but the drivers array is NULL",
    size_t len = 9; rc = lev_drivers(net, p, 2, NULL, &len); cr_assert_eq(len, 9);)

/* row 321: NULL len to lev_drivers */
ROW(an_drivers_null_len, LEV_EMISUSE, "p",
    "drivers: the output array is NULL",
    uint32_t d[3] = {7, 7, 7}; rc = lev_drivers(net, p, 3, d, NULL); cr_assert_eq(d[0], 7);)

/* row 322: The drivers' length query (cap 0) records nothing */
ROW(an_drivers_length_query, LEV_ERANGE, "none", "",
    size_t len = 0; rc = lev_drivers(net, p, 0, NULL, &len); cr_assert_eq(len, 1);)

/* row 323: NULL output array to lev_control_classes */
ROW(an_control_classes_null_out, LEV_EMISUSE, "p",
    "control classes: the output array is NULL",
    rc = lev_control_classes(net, p, NULL);)

/* row 324: A key-player set of size 0 */
ROW(an_keyplayers_k_zero, LEV_EINVAL, "p",
    "keyplayers: k = 0 must be from 1 to the number of actors (3)",
    uint32_t set[1] = {7}; double s = -1; rc = lev_keyplayers(net, 0, p, set, &s);
    cr_assert(set[0] == 7 && s == -1, "output written");)

/* row 325: A key-player set larger than the network */
ROW(an_keyplayers_k_too_big, LEV_EINVAL, "p",
    "keyplayers: k = 4 must be from 1 to the number of actors (3)",
    uint32_t set[4] = {7, 7, 7, 7}; double s = -1; rc = lev_keyplayers(net, 4, p, set, &s);
    cr_assert(set[0] == 7 && s == -1, "output written");)

/* row 326: NULL score to lev_keyplayers */
ROW(an_keyplayers_null_score, LEV_EMISUSE, "p",
    "keyplayers: the score output is NULL",
    uint32_t set[1] = {7}; rc = lev_keyplayers(net, 1, p, set, NULL); cr_assert_eq(set[0], 7);)

/* row 327: An actor given twice to lev_keyplayer_score */
ROW(an_keyplayer_score_repeated, LEV_EINVAL, "p",
    "keyplayer score: actor 1 is in the set twice (set[2])",
    const uint32_t set[3] = {1, 0, 1}; double s = -1; rc = lev_keyplayer_score(net, set, 3, p, &s);
    cr_assert_eq(s, -1);)

/* row 328: A member that is not an actor */
ROW(an_keyplayer_score_not_actor, LEV_EINVAL, "p",
    "keyplayer score: set[0] = 3 is not an actor (the network has 3)",
    const uint32_t set[1] = {3}; double s = -1; rc = lev_keyplayer_score(net, set, 1, p, &s);
    cr_assert_eq(s, -1);)

/* row 329: k > 0 with a NULL set to lev_keyplayer_score */
ROW(an_keyplayer_score_null_set, LEV_EMISUSE, "p",
    "keyplayer score: k is 2 but the set is NULL",
    double s = -1; rc = lev_keyplayer_score(net, NULL, 2, p, &s); cr_assert_eq(s, -1);)

/* row 330: A key-player measure out of range */
ROW(opt_kp_measure_out_of_range, LEV_EINVAL, "p",
    "option kp_measure must be in [1, 4] (got 5)",
    rc = lev_params_set_int(p, LEV_P_KP_MEASURE, 5);)

/* row 331: A reach distance of 0 steps */
ROW(opt_kp_distance_zero, LEV_EINVAL, "p",
    "option kp_distance must be in [1, 2147483647] (got 0)",
    rc = lev_params_set_int(p, LEV_P_KP_DISTANCE, 0);)


/* ---- opinion dynamics: DeGroot, Friedkin–Johnsen, pressure points ------------------------------ */

/* row 250: NULL initial opinions to lev_friedkin_johnsen */
ROW(an_fj_null_initial, LEV_EMISUSE, "p",
    "friedkin-johnsen: initial is NULL",
    const double l[3] = {0.5, 0.5, 0.5}; double out[3] = {7, 7, 7};
    rc = lev_friedkin_johnsen(net, NULL, l, p, out); cr_assert(out[0] == 7, "output written");)

/* row 251: NULL susceptibility to lev_friedkin_johnsen */
ROW(an_fj_null_susceptibility, LEV_EMISUSE, "p",
    "friedkin-johnsen: susceptibility is NULL",
    const double u[3] = {1, 2, 3}; double out[3];
    rc = lev_friedkin_johnsen(net, u, NULL, p, out);)

/* row 252: An initial opinion that is not finite (the actor is named) */
ROW(an_fj_initial_nan, LEV_EINVAL, "p",
    "friedkin-johnsen: initial opinion of actor 1 (\"B\") must be finite (got nan)",
    const double u[3] = {1, NAN, 3}, l[3] = {0.5, 0.5, 0.5}; double out[3] = {7, 7, 7};
    rc = lev_friedkin_johnsen(net, u, l, p, out); cr_assert(out[0] == 7, "output written");)

/* row 253: A susceptibility outside [0, 1] */
ROW(an_fj_susceptibility_range, LEV_EINVAL, "p",
    "friedkin-johnsen influence: susceptibility of actor 2 (\"C\") must be in [0, 1] (got 1.5)",
    const double l[3] = {0.5, 0.5, 1.5}; double out[3] = {7, 7, 7};
    rc = lev_friedkin_johnsen_influence(net, l, p, out); cr_assert(out[0] == 7, "output written");)

/* row 254: A closed class whose every susceptibility is 1 (here A, whom no tie reaches) */
ROW(an_fj_unanchored_class, LEV_EINVAL, "p",
    "friedkin-johnsen: actor 0 (\"A\") listens to nobody else and has susceptibility 1: its opinion is not "
    "determined (give it susceptibility < 1)",
    const double u[3] = {1, 2, 3}, l[3] = {1, 0.5, 0.5}; double out[3] = {7, 7, 7};
    rc = lev_friedkin_johnsen(net, u, l, p, out); cr_assert(out[0] == 7, "output written");)

/* row 255: A pressure target that is not an actor */
ROW(an_pressure_bad_target, LEV_EINVAL, "p",
    "opinion pressure: target 3 is not an actor (the network has 3); LEV_NONE targets the mean opinion",
    const double u[3] = {1, 2, 3}, l[3] = {0.5, 0.5, 0.5}; double sa[3] = {7, 7, 7};
    rc = lev_opinion_pressure(net, u, l, 3, p, sa, NULL); cr_assert(sa[0] == 7, "output written");)

/* row 256: Both output arrays of lev_opinion_pressure NULL */
ROW(an_pressure_null_outputs, LEV_EMISUSE, "p",
    "opinion pressure: the output array is NULL",
    const double u[3] = {1, 2, 3}, l[3] = {0.5, 0.5, 0.5};
    rc = lev_opinion_pressure(net, u, l, LEV_NONE, p, NULL, NULL);)

/* row 257: NULL power array to lev_degroot */
ROW(an_degroot_null_power, LEV_EMISUSE, "p",
    "degroot: the output array is NULL",
    uint32_t cls[3]; size_t k = 9; rc = lev_degroot(net, p, NULL, cls, NULL, &k); cr_assert_eq(k, 9);)

/* row 258: NULL initial opinions to lev_degroot_limit */
ROW(an_degroot_limit_null_initial, LEV_EMISUSE, "p",
    "degroot limit: initial is NULL",
    double out[3] = {7, 7, 7}; rc = lev_degroot_limit(net, NULL, p, out); cr_assert(out[0] == 7, "output written");)

/* ---- coalitions over a resource (rows 280-319) ---------------------------------------------- */

/* row 280: A resource index that is not a resource, to lev_voting_power */
ROW(co_voting_bad_resource, LEV_EINVAL, "p",
    "voting_power: no resource 5 (the network has 1)",
    double b[3] = {7, 7, 7}; rc = lev_voting_power(net, 5, p, b, NULL, NULL, NULL, NULL, NULL);
    cr_assert(b[0] == 7, "output written");)

/* row 281: No index output to lev_voting_power (raw, normalized and Shapley–Shubik all NULL) */
ROW(co_voting_no_output, LEV_EMISUSE, "p",
    "voting_power: the output array is NULL",
    double e[3]; rc = lev_voting_power(net, 0, p, NULL, NULL, NULL, e, e, NULL);)

/* row 282: cap > 0 with a NULL array to lev_minimal_winning */
ROW(co_mwc_null_array, LEV_EMISUSE, "p",
    "minimal_winning: cap is 2 but coalition or actor is NULL",
    uint32_t a[2]; size_t len = 9; rc = lev_minimal_winning(net, 0, p, 2, NULL, a, &len, NULL); cr_assert_eq(len, 9);)

/* row 283: The minimal winning coalitions' length query (cap 0) records nothing */
ROW(co_mwc_length_query, LEV_ERANGE, "none", "",
    size_t len = 0; double count = 0; rc = lev_minimal_winning(net, 0, p, 0, NULL, NULL, &len, &count);
    cr_assert_eq(len, 1); cr_assert_eq(count, 1);)

/* row 284: More minimal winning coalitions than coalition_limit, to lev_packel_indices */
ROW(co_packel_too_many, LEV_EUNSUPPORTED, "p",
    "packel_indices: 1 minimal winning coalitions exceed the coalition_limit 0",
    double d[3] = {7, 7, 7}; cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_LIMIT, 0), LEV_OK);
    rc = lev_packel_indices(net, 0, p, d, NULL); cr_assert(d[0] == 7, "output written");)

/* row 285: Both outputs NULL to lev_packel_indices */
ROW(co_packel_no_output, LEV_EMISUSE, "p",
    "packel_indices: the output array is NULL",
    rc = lev_packel_indices(net, 0, p, NULL, NULL);)

/* row 286: A cost resource that is neither a resource nor LEV_NONE, to lev_cheapest_alliance */
ROW(co_alliance_bad_cost, LEV_EINVAL, "p",
    "cheapest_alliance: no cost resource 3 (the network has 1; LEV_NONE counts actors)",
    size_t len = 9; rc = lev_cheapest_alliance(net, 0, 3, p, 0, NULL, &len, NULL, NULL); cr_assert_eq(len, 9);)

/* row 287: cap > 0 with a NULL members array to lev_cheapest_alliance */
ROW(co_alliance_null_members, LEV_EMISUSE, "p",
    "cheapest_alliance: cap is 1 but members is NULL",
    size_t len = 9; rc = lev_cheapest_alliance(net, 0, LEV_NONE, p, 1, NULL, &len, NULL, NULL); cr_assert_eq(len, 9);)

/* row 288: The cheapest alliance's length query (cap 0) records nothing */
ROW(co_alliance_length_query, LEV_ERANGE, "none", "",
    size_t len = 0; double cost = -1;
    rc = lev_cheapest_alliance(net, 0, LEV_NONE, p, 0, NULL, &len, &cost, NULL); cr_assert_eq(len, 1);
    cr_assert_eq(cost, -1);)

/* row 289: A quota fraction above 1 */
ROW(co_quota_fraction_range, LEV_EINVAL, "p",
    "option quota_fraction must be in [0, 1] (got 1.5)",
    rc = lev_params_set_double(p, LEV_P_QUOTA_FRACTION, 1.5);)

/* row 290: An enumeration limit above 26 (2^26 bytes of coalitions) */
ROW(co_enum_limit_range, LEV_EINVAL, "p",
    "option enum_limit must be in [0, 26] (got 27)",
    rc = lev_params_set_int(p, LEV_P_ENUM_LIMIT, 27);)

/* row 291: A negative quota */
ROW(co_quota_negative, LEV_EINVAL, "p",
    "option quota must be in [0, 1.7976931348623157e+308] (got -1)",
    rc = lev_params_set_double(p, LEV_P_QUOTA, -1);)

/* ---- campaigns: diffusion and influence maximization (rows 200-249) ------------------------- */

/* row 200: NULL spread output to lev_spread */
ROW(an_spread_null_out, LEV_EMISUSE, "p",
    "spread: the output array is NULL",
    uint32_t s[1] = {0}; rc = lev_spread(net, s, 1, p, NULL, NULL, NULL, NULL);)

/* row 201: A seed that is not an actor (the position is named) */
ROW(an_spread_bad_seed, LEV_EINVAL, "p",
    "spread: seeds[1] is 3, not an actor (the network has 3)",
    uint32_t s[2] = {0, 3}; double sp = 7;
    rc = lev_spread(net, s, 2, p, &sp, NULL, NULL, NULL); cr_assert(sp == 7, "output written");)

/* row 202: A seed listed twice */
ROW(an_spread_repeated_seed, LEV_EINVAL, "p",
    "spread: seeds[2] = 0 repeats seeds[0]",
    uint32_t s[3] = {0, 1, 0}; double sp = 7;
    rc = lev_spread(net, s, 3, p, &sp, NULL, NULL, NULL); cr_assert(sp == 7, "output written");)

/* row 203: NULL seeds with nseeds > 0 */
ROW(an_spread_null_seeds, LEV_EMISUSE, "p",
    "spread: seeds is NULL but nseeds is 2",
    double sp = 7; rc = lev_spread(net, NULL, 2, p, &sp, NULL, NULL, NULL);)

/* row 204: A strength above 1 read as an IC probability (the edge is named) */
ROW(an_spread_strength_above_one, LEV_EINVAL, "p",
    "spread: edge 0 (A -> B) has strength 2, but with LEV_PROB_STRENGTH a strength is an Independent "
    "Cascade probability and must be in [0, 1] (use LEV_PROB_WC or LEV_PROB_CONSTANT, or rescale the strengths)",
    uint32_t s[1] = {0}; double sp = 7;
    cr_assert_eq(lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_STRENGTH), LEV_OK);
    rc = lev_spread(net, s, 1, p, &sp, NULL, NULL, NULL); cr_assert(sp == 7, "output written");)

/* row 205: A constant probability out of [0, 1] */
ROW(an_spread_constant_out_of_bounds, LEV_EINVAL, "p",
    "option constant_probability must be in [0, 1] (got 1.5)",
    rc = lev_params_set_double(p, LEV_P_CONSTANT_PROBABILITY, 1.5);)

/* row 206: k 0 to lev_seeds */
ROW(an_seeds_k_zero, LEV_EINVAL, "p",
    "seeds: k is 0 (at least one seed must be asked for)",
    uint32_t s[1] = {7}; size_t len = 9;
    rc = lev_seeds(net, 0, NULL, NULL, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* row 207: NULL seeds output to lev_seeds */
ROW(an_seeds_null_out, LEV_EMISUSE, "p",
    "seeds: the output array is NULL",
    size_t len = 9; rc = lev_seeds(net, 1, NULL, NULL, p, NULL, NULL, &len, NULL, NULL, NULL, NULL);)

/* row 208: NULL len to lev_seeds */
ROW(an_seeds_null_len, LEV_EMISUSE, "p",
    "seeds: len is NULL",
    uint32_t s[1]; rc = lev_seeds(net, 1, NULL, NULL, p, s, NULL, NULL, NULL, NULL, NULL, NULL);)

/* row 209: A rule that is not a lev_seed_rule */
ROW(an_seeds_bad_rule, LEV_EINVAL, "p",
    "seeds: rule[1] is 3, not a lev_seed_rule (0 allowed, 1 required, 2 excluded)",
    uint32_t s[1] = {7}; size_t len = 9; uint8_t rule[3] = {0, 3, 0};
    rc = lev_seeds(net, 1, rule, NULL, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* row 210: More required seeds than k */
ROW(an_seeds_required_over_k, LEV_EINVAL, "p",
    "seeds: 2 actors are required seeds but k is 1",
    uint32_t s[1] = {7}; size_t len = 9; uint8_t rule[3] = {1, 0, 1};
    rc = lev_seeds(net, 1, rule, NULL, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* row 211: A cost that is not finite and > 0 (with a budget) */
ROW(an_seeds_bad_cost, LEV_EINVAL, "p",
    "seeds: cost[2] (actor C) must be finite and > 0 (got 0)",
    uint32_t s[3] = {7}; size_t len = 9; double cost[3] = {1, 2, 0};
    cr_assert_eq(lev_params_set_double(p, LEV_P_BUDGET, 2), LEV_OK);
    rc = lev_seeds(net, 3, NULL, cost, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* row 212: Required seeds that cost more than the budget */
ROW(an_seeds_required_over_budget, LEV_EINVAL, "p",
    "seeds: the required seeds cost 3, more than the budget 2",
    uint32_t s[3] = {7}; size_t len = 9; double cost[3] = {1, 2, 1}; uint8_t rule[3] = {1, 1, 0};
    cr_assert_eq(lev_params_set_double(p, LEV_P_BUDGET, 2), LEV_OK);
    rc = lev_seeds(net, 3, rule, cost, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* row 213: A target group that is not a group */
ROW(an_seeds_bad_group, LEV_EINVAL, "p",
    "seeds: target group 2 is not a group (the network has 2)",
    uint32_t s[1] = {7}; size_t len = 9;
    cr_assert_eq(lev_params_set_int(p, LEV_P_TARGET_GROUP, 2), LEV_OK);
    rc = lev_seeds(net, 1, NULL, NULL, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* row 214: A strength above 1 read as an IC probability by lev_seeds */
ROW(an_seeds_strength_above_one, LEV_EINVAL, "p",
    "seeds: edge 0 (A -> B) has strength 2, but with LEV_PROB_STRENGTH a strength is an Independent "
    "Cascade probability and must be in [0, 1] (use LEV_PROB_WC or LEV_PROB_CONSTANT, or rescale the strengths)",
    uint32_t s[1] = {7}; size_t len = 9;
    cr_assert_eq(lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_STRENGTH), LEV_OK);
    rc = lev_seeds(net, 1, NULL, NULL, p, s, NULL, &len, NULL, NULL, NULL, NULL); cr_assert(len == 9 && s[0] == 7);)

/* ---- interchange formats (GraphML, Pajek, GML, JSON, DOT, gzip; rows 350-379) -------------- */

/* lev_read_buffer on a string literal, named "t.net" in messages. */
#define RDN(fmt, lit) lev_read_buffer(net, fmt, lit, sizeof(lit) - 1, "t.net", NULL)

/* row 350: Pajek text without a `*Vertices` section */
ROW(fmt_pajek_no_vertices, LEV_EPARSE, "net",
    "t.net:1:1: no *Vertices section",
    rc = RDN(LEV_FORMAT_PAJEK, "");)

/* row 351: Pajek label whose quote is not closed */
ROW(fmt_pajek_open_quote, LEV_EPARSE, "net",
    "t.net:2:3: quote is not closed",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 1\n1 \"Ann\n");)

/* row 352: Pajek vertex number outside 1..n */
ROW(fmt_pajek_bad_vertex, LEV_EINVAL, "net",
    "t.net:3:3: vertex number must be 1..2 (got \"3\")",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 2\n*Arcs\n1 3\n");)

/* row 353: Pajek vertex listed twice */
ROW(fmt_pajek_vertex_twice, LEV_EEXIST, "net",
    "t.net:3:1: vertex 1 is listed twice",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 2\n1 a\n1 b\n");)

/* row 354: Pajek tie with a strength <= 0 */
ROW(fmt_pajek_bad_strength, LEV_EINVAL, "net",
    "t.net:3:5: strength must be finite and > 0 (got \"-1\")",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 2\n*Arcs\n1 2 -1\n");)

/* row 355: Pajek `*Matrix` section (not read) */
ROW(fmt_pajek_matrix, LEV_EPARSE, "net",
    "t.net:2:1: *Matrix sections are not read (write the ties as *Arcs)",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 2\n*Matrix\n0 1\n1 0\n");)

/* row 356: Pajek line before any section */
ROW(fmt_pajek_outside_section, LEV_EPARSE, "net",
    "t.net:1:1: a line outside any section (expected *Vertices first)",
    rc = RDN(LEV_FORMAT_PAJEK, "1 2\n");)

/* row 357: Two nodes of one file name the same actor (any graph format) */
ROW(fmt_nodes_name_one_actor, LEV_EEXIST, "net",
    "t.net:3:1: actor \"A\" is named by two nodes",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 2\n1 \"A\"\n2 \"A\"\n");)

/* row 358: GML text without `graph [ ... ]` */
ROW(fmt_gml_no_graph, LEV_EPARSE, "net",
    "t.net:1:1: no graph [ ... ] in the text",
    rc = RDN(LEV_FORMAT_GML, "Creator \"x\"\n");)

/* row 359: GML list not closed */
ROW(fmt_gml_open_list, LEV_EPARSE, "net",
    "t.net:1:22: graph [ is not closed with ]",
    rc = RDN(LEV_FORMAT_GML, "graph [ node [ id 0 ]");)

/* row 360: GML node without an id */
ROW(fmt_gml_node_without_id, LEV_EPARSE, "net",
    "t.net:1:9: node without an id",
    rc = RDN(LEV_FORMAT_GML, "graph [ node [ label \"a\" ] ]");)

/* row 361: GML node id defined twice */
ROW(fmt_gml_node_twice, LEV_EEXIST, "net",
    "t.net:1:33: node \"0\" is defined twice (first on line 1)",
    rc = RDN(LEV_FORMAT_GML, "graph [ node [ id 0 ] node [ id 0 ] ]");)

/* row 362: GML edge to a node the file does not define */
ROW(fmt_gml_unknown_endpoint, LEV_ENOTFOUND, "net",
    "t.net:1:46: an edge refers to node \"5\", which the file does not define",
    rc = RDN(LEV_FORMAT_GML, "graph [ node [ id 0 ] edge [ source 0 target 5 ] ]");)

/* row 363: GML string with an entity that is no character */
ROW(fmt_gml_bad_entity, LEV_EINVAL, "net",
    "t.net:1:27: character entity &#0; is not a character",
    rc = RDN(LEV_FORMAT_GML, "graph [ node [ id 0 label \"&#0;\" ] ]");)

/* row 364: GML label that is not a string */
ROW(fmt_gml_label_not_string, LEV_EPARSE, "net",
    "t.net:1:27: node label must be a \"string\"",
    rc = RDN(LEV_FORMAT_GML, "graph [ node [ id 0 label 7 ] ]");)

/* row 365: GraphML that is not well-formed XML (expat's reason) */
#if LEV_TEST_EXPAT
ROW(fmt_graphml_xml_error, LEV_EPARSE, "net",
    "t.net:1:19: XML: mismatched tag",
    rc = RDN(LEV_FORMAT_GRAPHML, "<graphml><graph></graphml>");)
#endif

/* row 366: GraphML `<node>` without an id */
#if LEV_TEST_EXPAT
ROW(fmt_graphml_node_without_id, LEV_EPARSE, "net",
    "t.net:1:17: <node> without an id",
    rc = RDN(LEV_FORMAT_GRAPHML, "<graphml><graph><node/></graph></graphml>");)
#endif

/* row 367: GraphML `<data>` naming no `<key>` */
#if LEV_TEST_EXPAT
ROW(fmt_graphml_unknown_key, LEV_ENOTFOUND, "net",
    "t.net:1:30: <data> names key \"zz\", which no <key> defines",
    rc = RDN(LEV_FORMAT_GRAPHML, "<graphml><graph><node id=\"a\"><data key=\"zz\">1</data></node></graph></graphml>");)
#endif

/* row 368: GraphML nested graph (not read) */
#if LEV_TEST_EXPAT
ROW(fmt_graphml_nested_graph, LEV_EUNSUPPORTED, "net",
    "t.net:1:30: nested graphs are not read",
    rc = RDN(LEV_FORMAT_GRAPHML, "<graphml><graph><node id=\"a\"><graph/></node></graph></graphml>");)
#endif

/* row 369: GraphML resource amount < 0 (`holds:` key) */
#if LEV_TEST_EXPAT
ROW(fmt_graphml_negative_amount, LEV_EINVAL, "net",
    "t.net:1:77: amount held must be >= 0 (got \"-2\")",
    rc = RDN(LEV_FORMAT_GRAPHML, "<graphml><key id=\"h\" for=\"node\" attr.name=\"holds:gold\"/><graph><node id=\"a\"><data key=\"h\">-2</data></node></graph></graphml>");)
#endif

/* row 370: GraphML in a build without expat */
#if !LEV_TEST_EXPAT
ROW(fmt_graphml_without_expat, LEV_EUNSUPPORTED, "net",
    "t.net: libleverage was built without GraphML support (expat)",
    rc = RDN(LEV_FORMAT_GRAPHML, "<graphml/>");)
#endif

/* row 371: gzip data that are cut short or corrupt */
#if LEV_TEST_ZLIB
ROW(fmt_gzip_corrupt, LEV_EPARSE, "net",
    "t.net: corrupt gzip data (the gzip data end early)",
    rc = RDN(LEV_FORMAT_EDGES_CSV, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c");)
#endif

/* row 372: gzip data in a build without zlib */
#if !LEV_TEST_ZLIB
ROW(fmt_gzip_without_zlib, LEV_EUNSUPPORTED, "net",
    "t.net: gzip-compressed input, and libleverage was built without zlib",
    rc = RDN(LEV_FORMAT_EDGES_CSV, "\x1f\x8b\x08\x00");)
#endif

/* row 373: Reading a write-only format (JSON node-link, DOT) */
ROW(fmt_read_json, LEV_EUNSUPPORTED, "net",
    "t.net: JSON node-link is written, not read",
    rc = RDN(LEV_FORMAT_JSON, "{}");)

/* row 374: Scores for a format that carries none (CSV, Pajek) */
ROW(fmt_scores_to_pajek, LEV_EUNSUPPORTED, "net",
    "lev_write_scores: format 5 carries no scores (GraphML, GML, JSON and DOT do)",
    const char *nm[] = {"x"}; double sc[3] = {0}; rc = lev_write_scores(net, LEV_FORMAT_PAJEK, 1, nm, sc, refuse, NULL);)

/* row 375: Score name the format uses itself (`id`, `name`, `label`, `group`, `holds:*`, `needs:*`) */
ROW(fmt_score_name_taken, LEV_EINVAL, "net",
    "lev_write_scores: score name \"group\" is taken by the format's own attributes",
    const char *nm[] = {"group"}; double sc[3] = {0}; rc = lev_write_scores(net, LEV_FORMAT_JSON, 1, nm, sc, refuse, NULL);)

/* row 376: NULL names (or scores) with nscores > 0 */
ROW(fmt_score_names_null, LEV_EMISUSE, "net",
    "lev_write_scores: names is NULL with 1 scores",
    double sc[3] = {0}; rc = lev_write_scores(net, LEV_FORMAT_JSON, 1, NULL, sc, refuse, NULL);)

/* row 377: Score name that is not a GML key */
ROW(fmt_score_not_gml_key, LEV_EINVAL, "net",
    "lev_write_scores: score name \"page-rank\" is not a GML key (letters, digits, _; not first a digit)",
    const char *nm[] = {"page-rank"}; double sc[3] = {0}; rc = lev_write_scores(net, LEV_FORMAT_GML, 1, nm, sc, refuse, NULL);)

/* row 378: Writing a name XML cannot carry (a control character) to GraphML */
ROW(fmt_graphml_write_control, LEV_EINVAL, "net",
    "lev_write: actor name \"bell\x07\" holds a control character (or U+FFFE, U+FFFF), which XML cannot carry",
    cr_assert_eq(lev_actor_add(net, "bell\x07", NULL, NULL), LEV_OK); free(before); before = dump_network(net); rc = lev_write(net, LEV_FORMAT_GRAPHML, refuse, NULL);)

/* row 379: Writing a name with a quote or line break to Pajek */
ROW(fmt_pajek_write_quote, LEV_EINVAL, "net",
    "lev_write: actor name \"O\"Brien\" holds a quote or a line break, which Pajek cannot carry",
    cr_assert_eq(lev_actor_add(net, "O\"Brien", NULL, NULL), LEV_OK); free(before); before = dump_network(net); rc = lev_write(net, LEV_FORMAT_PAJEK, refuse, NULL);)

/* row 380: Pajek asks for more vertices than its text can justify */
ROW(fmt_pajek_too_many_vertices, LEV_ELIMIT, "net",
    "t.net:1:11: 999999 vertices for 17 bytes of text (at most 4096 + 8 per byte)",
    rc = RDN(LEV_FORMAT_PAJEK, "*Vertices 999999\n");)


/* ---- bypass of leverage: tie bypass, reliance, edge leverage -------------------------------------- */

/* row 160: NULL survives array to lev_tie_bypass */
ROW(an_tie_bypass_null_out, LEV_EMISUSE, "p",
    "tie_bypass: the output array is NULL",
    double s[3] = {7, 7, 7};
    rc = lev_tie_bypass(net, p, s, NULL, NULL, NULL); cr_assert(s[0] == 7, "output written");)

/* row 161: NULL output array to lev_reliance */
ROW(an_reliance_null_out, LEV_EMISUSE, "p",
    "reliance: the output array is NULL",
    double r = 7; rc = lev_reliance(net, p, NULL, &r); cr_assert(r == 7, "output written");)

/* row 162: NULL len to lev_edge_leverage */
ROW(an_edge_leverage_null_len, LEV_EMISUSE, "p",
    "edge_leverage: len is NULL",
    rc = lev_edge_leverage(net, p, 0, NULL, NULL, NULL, NULL);)

/* row 163: cap > 0 with a NULL array to lev_edge_leverage */
ROW(an_edge_leverage_null_array, LEV_EMISUSE, "p",
    "edge_leverage: source, target and leverage must not be NULL when cap > 0",
    uint32_t s[2]; double v[2]; size_t len = 9;
    rc = lev_edge_leverage(net, p, 2, s, NULL, v, &len); cr_assert_eq(len, 9);)

/* row 164: A cap > 0 too small for the ties (*len gets the number, arrays untouched) */
ROW(an_edge_leverage_cap_too_small, LEV_ERANGE, "p",
    "edge_leverage: 2 ties do not fit in cap 1",
    uint32_t s[1] = {7}, t[1] = {7}; double v[1] = {7}; size_t len = 0;
    rc = lev_edge_leverage(net, p, 1, s, t, v, &len); cr_assert_eq(len, 2); cr_assert(s[0] == 7 && v[0] == 7);)

/* row 165: Not bad input: the edge leverage length query (cap 0) records nothing */
ROW(an_edge_leverage_length_query, LEV_ERANGE, "none", "",
    size_t len = 0; rc = lev_edge_leverage(net, p, 0, NULL, NULL, NULL, &len); cr_assert_eq(len, 2);)

/* row 166: A bypass measure that is not one of lev_bypass_measure */
ROW(an_bypass_bad_measure, LEV_EINVAL, "p",
    "option bypass_measure must be in [1, 5] (got 6)",
    rc = lev_params_set_int(p, LEV_P_BYPASS_MEASURE, 6);)

/* row 167: Exact recomputation past LEV_P_BYPASS_LIMIT (outputs untouched) */
ROW(an_tie_bypass_limit, LEV_ELIMIT, "p",
    "tie_bypass: exact recomputation would take about 30 edge visits (2 recomputations on 3 actors and 2 "
    "edges), more than LEV_P_BYPASS_LIMIT 10",
    double s[3] = {7, 7, 7};
    cr_assert_eq(lev_params_set_int(p, LEV_P_BYPASS_MEASURE, LEV_BYPASS_BETWEENNESS), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_BYPASS_LIMIT, 10), LEV_OK);
    rc = lev_tie_bypass(net, p, NULL, s, NULL, NULL); cr_assert(s[0] == 7, "output written");)

/* row 168: NULL share array to lev_channel_bypass */
ROW(an_channel_bypass_null_share, LEV_EMISUSE, "p",
    "channel_bypass: the output array is NULL",
    double d[3] = {7, 7, 7};
    rc = lev_channel_bypass(net, p, NULL, d); cr_assert(d[0] == 7, "output written");)

/* ---- Drawing (lev_layout) ----------------------------------------------------------------------- */

/* row 400: NULL xy array to lev_layout */
ROW(an_layout_null_xy, LEV_EMISUSE, "p",
    "layout: the output array is NULL",
    rc = lev_layout(net, p, NULL);)

/* row 401: LEV_P_LAYOUT_ITERATIONS of 0 */
ROW(an_layout_zero_iterations, LEV_EINVAL, "p",
    "option layout_iterations must be in [1, 100000] (got 0)",
    rc = lev_params_set_int(p, LEV_P_LAYOUT_ITERATIONS, 0);)

/* row 402: a layout cancelled by the progress callback (xy untouched) */
static int bi_stop(void *ud, double done) {
    (void)ud;
    (void)done;
    return 1;
}
ROW(an_layout_cancelled, LEV_ECANCELLED, "p",
    "layout: cancelled by the progress callback at 100%",
    double xy[6] = {7, 7, 7, 7, 7, 7};
    cr_assert_eq(lev_params_set_int(p, LEV_P_LAYOUT_ITERATIONS, 1), LEV_OK);
    cr_assert_eq(lev_params_set_progress(p, bi_stop, NULL), LEV_OK);
    rc = lev_layout(net, p, xy); cr_assert(xy[0] == 7, "output written");)

/* row 470: NULL network to lev_edge_repeats */
ROW(an_edge_repeats_null_net, LEV_EMISUSE, "p",
    "edge_repeats: the network is NULL",
    size_t loops = 7;
    rc = lev_edge_repeats(NULL, p, &loops, NULL, NULL, NULL); cr_assert_eq(loops, 7);)

/* row 471: NULL network to lev_edges_sort */
ROW(an_edges_sort_null_net, LEV_EMISUSE, "p",
    "edges_sort: the network is NULL",
    rc = lev_edges_sort(NULL, p);)

/* row 472: a range of edges past the last (outputs untouched) */
ROW(api_edges_get_past_the_end, LEV_EINVAL, "net",
    "lev_edges_get: 2 edges from edge 1 go past the last (the network has 2)",
    uint32_t s[2] = {7, 7}; rc = lev_edges_get(net, 1, 2, s, NULL, NULL, NULL); cr_assert(s[0] == 7 && s[1] == 7, "output written");)

/* row 473: NULL network to lev_edges_get (nothing recorded: there is no network) */
ROW(api_edges_get_null_net, LEV_EMISUSE, "none", "",
    uint32_t s = 7; rc = lev_edges_get(NULL, 0, 1, &s, NULL, NULL, NULL); cr_assert_eq(s, 7, "output written");)
