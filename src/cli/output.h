/* Writing numbers, JSON strings and CSV fields: shared by leverage and leverage-mpi. */
#ifndef LEV_CLI_OUTPUT_H
#define LEV_CLI_OUTPUT_H

#include <stdio.h>

void cli_print_number(FILE *f, double v);     /* shortest text that reads back as v */
void cli_json_string(FILE *f, const char *s); /* a JSON string literal, escaped */
void cli_csv_field(FILE *f, const char *s);   /* a CSV field, quoted when needed */

#endif
