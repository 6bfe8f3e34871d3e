/* The leverage command-line tool: shared declarations. Built only on the public header. */
#ifndef LEV_CLI_H
#define LEV_CLI_H

#include "leverage.h"

#include <stdio.h>

/* Exit statuses. */
enum { EXIT_OKAY = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* The bundled example (embedded at build time from examples/data). */
extern const char lev_example_edges[], lev_example_actors[], lev_example_resources[];
extern const size_t lev_example_edges_len, lev_example_actors_len, lev_example_resources_len;

/* A measure `leverage rank --measure NAME` knows. */
typedef struct measure measure;
struct measure {
    const char *name;
    const char *title; /* for people: "PageRank (influence that flows along ties)" */
    lev_status (*run)(const measure *m, const lev_network *net, lev_params *p, double *out);
    int arg;           /* lev_direction for degree-like measures, lev_broker_role for brokerage */
};

extern const measure cli_measures[];
const measure *cli_measure_find(const char *name);
/* Compute a measure into out (length lev_actor_count). Prints the error; returns a status.
 * Leaves p's LEV_P_DIRECTION as it found it. */
lev_status cli_measure_run(const measure *m, const lev_network *net, lev_params *p, double *out);

/* Output helpers. */
void cli_print_number(FILE *f, double v);        /* shortest text that reads back as v */
void cli_json_string(FILE *f, const char *s);    /* a JSON string literal, escaped */
void cli_csv_field(FILE *f, const char *s);      /* a CSV field, quoted when needed */

/* Options shared by the analysis commands. */
typedef struct cli_opts {
    const char *edges, *actors, *resources;
    const char *format;  /* "text", "json", "csv" */
    const char *measure;
    int top;
    int undirected, unweighted, normalized, edge_scores;
    int direction;       /* 0: each measure's default */
    double damping, alpha, beta, resolution;
    int have_alpha, have_beta, have_resolution;
    long long seed;
    int have_seed;
    int threads;
} cli_opts;

/* Options for the library from the command line; NULL when out of memory. */
lev_params *cli_params(const cli_opts *o);

/* Sorting helpers for reports: actors by descending score, ties by index. */
uint32_t *cli_rank_order(const double *score, size_t n);

int cli_analyze(const cli_opts *o, lev_network *net, int bundled);
int cli_imbalance(const cli_opts *o, lev_network *net, const char *source);
/* The imbalance figures, written as a report section (text) or a JSON member (json). */
int cli_imbalance_section(const cli_opts *o, lev_network *net, lev_params *p, int json, FILE *f);

#endif
