/*
 * The leverage command-line tool: what the command files share. Built only on the public header.
 *
 * Each command is one file (analyze.c, rank.c, groups.c, imbalance.c) that declares a
 * cli_command: its name, its help text and a table of its options next to its code. An option
 * that is a library option (a lev_param key) is spelled from the key's registry name, and its
 * value is checked by the library (lev_params_set_*), whose message a usage error quotes; only
 * what is the tool's own (file paths, --format, --top, --measure) is written here. main.c only
 * dispatches; opts.c parses and prints help; util.c reads networks and writes numbers, CSV and
 * JSON; sections.c holds the report sections that more than one command prints.
 */
#ifndef LEV_CLI_H
#define LEV_CLI_H

#include "leverage.h"
#include "output.h"

#include <stddef.h>
#include <stdio.h>

/* Exit statuses. */
enum { EXIT_OKAY = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* The bundled example (embedded at build time from examples/data). */
extern const char lev_example_edges[], lev_example_actors[], lev_example_resources[];
extern const size_t lev_example_edges_len, lev_example_actors_len, lev_example_resources_len;

/* ---- options ---------------------------------------------------------------------------------- */

typedef enum cli_kind {
    CLI_END = 0, /* ends a table */
    CLI_VALUE,   /* a library key; its value is a number the library checks */
    CLI_FLAG,    /* a library key set to `value` by the bare option (--undirected, --unweighted) */
    CLI_WORDS,   /* a library key whose values are words: choices "out=1|in=2" */
    CLI_PATH,    /* the tool's own: a file, into a const char * field */
    CLI_CHOICE,  /* the tool's own: one word of choices "csv|json", into a const char * field */
    CLI_COUNT,   /* the tool's own: a whole number in [lo, hi], into a long long field */
    CLI_SWITCH,  /* the tool's own: a bare flag, into an int field */
    CLI_NAME     /* the tool's own: a name checked by the command (--measure), into a const char * */
} cli_kind;

typedef struct cli_option {
    const char *name;    /* without "--"; NULL: the key's registry name, '_' written '-' */
    cli_kind kind;
    lev_param key;       /* CLI_VALUE, CLI_FLAG, CLI_WORDS */
    double value;        /* CLI_FLAG: the value the key takes; CLI_WORDS: > 0 when the registry's
                          * default is the command's (help names its word); CLI_COUNT: < 0 when
                          * the option is required (help says so) */
    const char *choices; /* CLI_WORDS: "out=1|in=2"; CLI_CHOICE: "csv|json"; CLI_COUNT: the default
                          * in words when it is not 5 ("every actor") */
    size_t field;        /* the tool's own: offsetof(cli_args, field) */
    double lo, hi;       /* CLI_COUNT */
    const char *meta;    /* the value's placeholder in help: "D", "F" */
    char letter;         /* a one-letter spelling, `-o`, or 0 (a one-letter name is also `-k`) */
    const char *help;    /* one line for people; the range and default are added from the registry */
} cli_option;

/* The command line as parsed. Library options go straight into p, checked by the library. */
#define CLI_MAX_GIVEN 32
typedef struct cli_args {
    const struct cli_command *cmd;
    const char *edges; /* the positional file */
    const char *actors, *resources, *format, *measure;
    long long top;
    long long rank_top; /* rank --top: 0 = every actor, in index order */
    int edge_scores, strict, exact;
    lev_params *p;                    /* every library option given (the rest at its default) */
    lev_param given[CLI_MAX_GIVEN];   /* the library keys given, in order */
    char spelled[CLI_MAX_GIVEN][64];  /* the option that gave each: "--alpha" */
    size_t ngiven;
    long long k; /* keyplayers, seeds: -k, the size of the set */
    const char *initial, *susceptibility, *target; /* opinion: --initial, --susceptibility, --target */
    const char *resource, *cost; /* coalition: --resource, --cost */
    const char *seeds, *probability, *group; /* spread --seeds, spread/seeds --probability, seeds --group */
    const char *input_format, *output, *output_format, *scores; /* --input-format; convert's */
    const char *source; /* bypass: --source ACTOR */
    /* Set by a command whose output names no edge by number and breaks no tie by edge number:
     * cli_load then renumbers the edges by source, then target (lev_edges_sort), which saves 4
     * bytes per edge of a file not sorted by source, and 4 more at the first analysis's peak. */
    int sort_edges;
} cli_args;

typedef struct cli_command {
    const char *name;     /* "rank" */
    const char *summary;  /* one line for `leverage --help` */
    const char *synopsis; /* after "usage: leverage NAME " */
    const char *about;    /* what it does, for --help */
    const char *format;   /* the default --format */
    const cli_option *options[4]; /* shared tables and the command's own; NULL-ended */
    int (*run)(cli_args *a);
    void (*more_help)(FILE *f); /* extra help (rank's measures); may be NULL */
    int takes_output;           /* a second positional argument: the output file (convert) */
} cli_command;

extern const cli_command cli_drivers, cli_keyplayers; /* control.c */
extern const cli_command cli_analyze, cli_rank, cli_groups, cli_imbalance;
extern const cli_command cli_opinion; /* opinion.c */
extern const cli_command cli_coalition;
extern const cli_command cli_convert;
extern const cli_command cli_bypass;
extern const cli_command *const cli_commands[]; /* NULL-ended, in help order */
extern const cli_command cli_spread, cli_seeds; /* campaigns.c */

/* Options most commands take: --actors, --undirected, --unweighted, --threads, --strict. */
extern const cli_option cli_common_options[];
/* Options of the commands that write a report (analyze, imbalance): --resources, --format
 * text|json, --top. */
extern const cli_option cli_report_options[];

/* Parse argv (after the command's name) into a. Returns -1 when the command should run, else the
 * exit status (0 after --help, 2 after a usage error, 1 out of memory). On -1 a->p is set and
 * the caller frees it with cli_args_free. */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *a);
void cli_args_free(cli_args *a);
/* Whether key was given on the command line, and how it was spelled (NULL if not). */
const char *cli_given(const cli_args *a, lev_param key);
double cli_get(const cli_args *a, lev_param key); /* the value in a->p (the default if not given) */

/* `leverage COMMAND --help` and the Markdown table of docs/cli.md. */
void cli_print_help(const cli_command *cmd, FILE *f);
void cli_print_markdown(const cli_command *cmd, FILE *f);
/* The option's spelling ("--max-iter") into b. */
const char *cli_option_name(const cli_option *o, char *b, size_t cap);
/* How cmd spells the option that sets key ("--unweighted" for LEV_P_WEIGHTED), into b. */
const char *cli_key_spelling(const cli_command *cmd, lev_param key, char *b, size_t cap);

/* A usage error: prints `leverage: MESSAGE` and the hint; returns EXIT_USAGE. */
int cli_usage(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* "Did you mean …?": offer every valid word to a cli_near started with the one given; the
 * nearest by edit distance (insert, delete, replace, swap two neighbours) wins when it is near
 * enough to be a typo (one edit for words of up to four letters, two up to nine, three beyond)
 * or the word is the start of exactly one candidate (at least three letters). cli_near_hint
 * gives "; did you mean X?" or "" when nothing, or two words equally near, qualify. */
typedef struct cli_near {
    const char *word;
    char best[64];
    int dist, ties, prefixes;
    char prefix[64];
} cli_near;
void cli_near_start(cli_near *nr, const char *word);
void cli_near_offer(cli_near *nr, const char *cand);
const char *cli_near_hint(cli_near *nr, char *b, size_t cap);

/* ---- measures of `leverage rank` -------------------------------------------------------------- */

#define CLI_MAX_READS 10
typedef struct measure measure;
struct measure {
    const char *name;
    const char *title; /* for people, saying which question it answers */
    lev_status (*run)(const measure *m, const lev_network *net, lev_params *p, double *out);
    int arg;           /* lev_direction for degree-like measures, lev_broker_role for brokerage */
    lev_param reads[CLI_MAX_READS]; /* the library options it reads besides LEV_P_THREADS; 0-ended */
};

extern const measure cli_measures[];
const measure *cli_measure_find(const char *name);
/* "; did you mean pagerank?" for a measure name that is not one (cli_near_hint), into b. */
const char *cli_measure_hint(const char *name, char *b, size_t cap);
/* Compute a measure into out (length lev_actor_count). Prints the error; returns a status.
 * Leaves p's LEV_P_DIRECTION as it found it. */
lev_status cli_measure_run(const measure *m, const lev_network *net, lev_params *p, double *out);
/* Print a measure's failure rc as cli_measure_run() does: "leverage: NAME: why". */
void cli_measure_error(const measure *m, const lev_params *p, lev_status rc);
/* Whether m reads key (LEV_P_THREADS: every measure). */
int cli_measure_reads(const measure *m, lev_param key);

/* ---- input and output ------------------------------------------------------------------------- */

/* Read the files of a into net (actors, then edges, then resources); prints the error. */
int cli_load(const cli_args *a, lev_network *net);
int cli_load_bundled(lev_network *net);
/* The format of the network file path: --input-format F when given (csv, graphml, pajek, gml),
 * else by extension (.graphml .xml, .net .paj, .gml; anything else CSV), a trailing .gz ignored
 * (gzip is recognized by its bytes). Returns -1, or EXIT_USAGE after printing the error. */
int cli_input_format(const char *path, const char *given, lev_format *fmt);
/* A new network with the files of a read into it (cli_load); *net is NULL on failure. */
int cli_open(const cli_args *a, lev_network **net);
int cli_finish_output(void); /* flush stdout; EXIT_FAILED with a message if it failed */


/* A share in [0, 1] as a percentage with the digits it needs ("14.4%", "0.0042%", "0%"), in b. */
const char *cli_pct(double share, char *b, size_t cap);
/* A duration for people: "40 s", "27 min", "3.5 h", "12 days", "384 years". */
const char *cli_duration(double seconds, char *b, size_t cap);

/* Actors by descending score (sign 1) or ascending (sign -1), ties by index; NULL when out of memory. */
uint32_t *cli_order(const double *score, size_t n, int sign);

/* Whether the report computes path measures exactly: V·(V + E) ≤ 2e8 (about a second), or
 * --exact. Above it, betweenness is estimated with its error bound, and centralizations that
 * need every exact path score are left out (and the report says so). */
int cli_paths_exact(const cli_args *a, const lev_network *net);

/* ---- report sections -------------------------------------------------------------------------- */

/* The imbalance figures, written as a report section (text) or a JSON member (json). exerted:
 * the influence exerted (PageRank, LEV_DIR_OUT on directed data) when the caller has it, or NULL
 * to compute it. */
int cli_imbalance_section(const cli_args *a, lev_network *net, lev_params *p, const double *exerted, int json,
                          FILE *f);

/* The "alliances" section (coalition.c): the cheapest alliance to a majority of the first
 * resource and the actors with the most voting power (exact tables capped at 1 MiB, else 2000
 * samples; power left out above CLI_ALLIANCE_MAX actors). Text, or a JSON value (json). */
#define CLI_ALLIANCE_MAX 5000
int cli_alliances_section(const cli_args *a, const lev_network *net, int json, FILE *f);

/* The "where to start" section (campaigns.c): the best 3 seeds under IC weighted cascade and
 * their expected reach, as text or a JSON value. ε is loosened above 100k ties (0.3) and 1M
 * (0.5), and the section says so. With --undirected each tie spreads both ways. */
int cli_seeds_section(const cli_args *a, const lev_network *net, int json, FILE *f);

/* The "fragile leverage" section (bypass.c): reliance and tie bypass of PageRank exerted, the top
 * actors named; tie bypass skipped above 20 000 ties (the section says so). */
int cli_fragile_section(const cli_args *a, lev_network *net, lev_params *p, int json, FILE *f);

/* `leverage report` (report.c), and the analyze report it embeds: the whole of `leverage analyze`
 * on net, printed to stdout in a->format (analyze.c). */
extern const cli_command cli_report;
int cli_analyze_report(const cli_args *a, lev_network *net, int bundled);

/* The progress bar on stderr (progress.c): installed on p when stderr is a terminal, else not;
 * cli_progress_end wipes it. */
void cli_progress_install(lev_params *p);
void cli_progress_end(void);

#endif
