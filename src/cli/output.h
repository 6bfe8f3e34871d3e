/* Writing numbers, JSON strings and CSV fields, and naming the diffusion model: shared by
 * leverage and leverage-mpi. */
#ifndef LEV_CLI_OUTPUT_H
#define LEV_CLI_OUTPUT_H

#include <leverage.h>
#include <stdio.h>

void cli_print_number(FILE *f, double v);     /* shortest text that reads back as v */
void cli_json_string(FILE *f, const char *s); /* a JSON string literal, escaped */
void cli_csv_field(FILE *f, const char *s);   /* a CSV field, quoted when needed */

/* The diffusion model the options in p choose, for the campaign commands of both tools:
 * "Independent Cascade, weighted cascade (1/in-degree of the target)" into b; "ic"/"lt"; and
 * "wc"/"strength"/"constant". */
void cli_describe_model(const lev_params *p, char *b, size_t cap);
const char *cli_model_word(const lev_params *p);
const char *cli_prob_word(const lev_params *p);

/* The head of `spread`'s output, the same in both tools: with json, everything up to the
 * activation object ({"source":…,"seeds":[…],"spread":…,"se":…,"ci95":[lo,hi],"activation":{);
 * else the text summary through the expected-reach line. seed(ctx, i) names the i-th of the ns
 * seeds; n actors and m ties; runs and seed are read from p. */
typedef const char *(*cli_name_fn)(const void *ctx, size_t i);
void cli_spread_head(int json, const char *source, const lev_params *p, uint64_t n, uint64_t m, cli_name_fn seed,
                     const void *ctx, size_t ns, double sp, double se, const double ci[2]);

#endif
