/* Writing numbers, JSON strings and CSV fields, as every command prints them, and naming the
 * diffusion model: leverage-mpi (src/mpi/cli.c) prints with the same code and the same bytes. */
#include "output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_print_number(FILE *f, double v) {
    char b[40];
    if (!isfinite(v)) {
        fputs("null", f);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(b, sizeof b, "%.*g", prec, v);
        if (strtod(b, NULL) == v) break;
    }
    fputs(b, f);
}

void cli_json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
}

void cli_csv_field(FILE *f, const char *s) {
    size_t len = strlen(s);
    int q = len && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t');
    if (strpbrk(s, ",\"\r\n")) q = 1;
    if (!q) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* ---- how the campaign commands name the diffusion model (leverage and leverage-mpi alike) ---- */

/* "Independent Cascade, weighted cascade (1/in-degree)" for the options in p. */
void cli_describe_model(const lev_params *p, char *b, size_t cap) {
    int64_t model = LEV_MODEL_IC, prob = LEV_PROB_WC;
    double pc = 0;
    lev_params_get_int(p, LEV_P_MODEL, &model);
    lev_params_get_int(p, LEV_P_PROBABILITY, &prob);
    lev_params_get_double(p, LEV_P_CONSTANT_PROBABILITY, &pc);
    if (model == LEV_MODEL_LT) {
        snprintf(b, cap, "Linear Threshold (incoming strengths normalized per actor, uniform thresholds)");
        return;
    }
    if (prob == LEV_PROB_STRENGTH) snprintf(b, cap, "Independent Cascade, probability = tie strength");
    else if (prob == LEV_PROB_WC) snprintf(b, cap, "Independent Cascade, weighted cascade (1/in-degree of the target)");
    else snprintf(b, cap, "Independent Cascade, probability %g on every tie", pc);
}

const char *cli_model_word(const lev_params *p) {
    int64_t model = LEV_MODEL_IC;
    lev_params_get_int(p, LEV_P_MODEL, &model);
    return model == LEV_MODEL_LT ? "lt" : "ic";
}

const char *cli_prob_word(const lev_params *p) {
    int64_t prob = LEV_PROB_WC;
    lev_params_get_int(p, LEV_P_PROBABILITY, &prob);
    return prob == LEV_PROB_STRENGTH ? "strength" : prob == LEV_PROB_WC ? "wc" : "constant";
}

void cli_spread_head(int json, const char *source, const lev_params *p, uint64_t n, uint64_t m, cli_name_fn seed,
                     const void *ctx, size_t ns, double sp, double se, const double ci[2]) {
    int64_t runs = 0, rseed = 0;
    lev_params_get_int(p, LEV_P_RUNS, &runs);
    lev_params_get_int(p, LEV_P_SEED, &rseed);
    if (json) {
        printf("{\"source\":");
        cli_json_string(stdout, source);
        printf(",\"model\":\"%s\",\"probability\":\"%s\",\"runs\":%lld,\"seed\":%lld,\"seeds\":[", cli_model_word(p),
               cli_prob_word(p), (long long)runs, (long long)rseed);
        for (size_t i = 0; i < ns; i++) {
            if (i) putchar(',');
            cli_json_string(stdout, seed(ctx, i));
        }
        printf("],\"spread\":");
        cli_print_number(stdout, sp);
        printf(",\"se\":");
        cli_print_number(stdout, se);
        printf(",\"ci95\":[");
        cli_print_number(stdout, ci[0]);
        putchar(',');
        cli_print_number(stdout, ci[1]);
        printf("],\"activation\":{");
        return;
    }
    char model[160];
    cli_describe_model(p, model, sizeof model);
    printf("Spread: %s\n%llu actors, %llu influence ties.\n%s; %lld runs, seed %lld.\n\nSeeds:", source,
           (unsigned long long)n, (unsigned long long)m, model, (long long)runs, (long long)rseed);
    for (size_t i = 0; i < ns; i++) printf("%s %s", i ? "," : "", seed(ctx, i));
    printf("\nExpected reach: %.2f actors (%.1f%% of %llu), 95%% CI %.2f-%.2f, standard error %.3f\n", sp,
           n ? 100 * sp / (double)n : 0, (unsigned long long)n, ci[0], ci[1], se);
}
