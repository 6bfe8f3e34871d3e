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

#endif
