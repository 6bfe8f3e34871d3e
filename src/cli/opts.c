/*
 * Command-line options: parsing, `--help`, and the Markdown tables of docs/cli.md, all from each
 * command's option table. A library option's name, type, range and default come from the
 * library's registry (lev_param_info), and its value is checked by lev_params_set_*, whose
 * message a usage error quotes: the tool never restates a range.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const cli_option cli_common_options[] = {
    {.name = "actors", .kind = CLI_PATH, .field = offsetof(cli_args, actors), .meta = "F",
     .help = "actors file, header name[,group]: fixes the actors' order, brings in isolated actors and groups"},
    {.kind = CLI_FLAG, .key = LEV_P_UNDIRECTED, .value = 1, .help = "treat each tie as running both ways"},
    {.name = "unweighted", .kind = CLI_FLAG, .key = LEV_P_WEIGHTED, .value = 0,
     .help = "ignore tie strengths (path measures count hops)"},
    {.kind = CLI_VALUE, .key = LEV_P_THREADS, .meta = "N",
     .help = "worker threads, 0 = all cores; results do not depend on it"},
    {.name = "strict", .kind = CLI_SWITCH, .field = offsetof(cli_args, strict),
     .help = "names in the edges or resources file that the actors file lacks are an error, not a notice"},
    {.name = "input-format", .kind = CLI_NAME, .field = offsetof(cli_args, input_format), .meta = "F",
     .help = "the network file's format: csv, graphml, pajek or gml (default: by extension; .gz is read too)"},
    {.kind = CLI_END},
};

const cli_option cli_report_options[] = {
    {.name = "resources", .kind = CLI_PATH, .field = offsetof(cli_args, resources), .meta = "F",
     .help = "resources file, header actor,resource,holds,needs"},
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors (or pairs) to name in each list"},
    {.kind = CLI_END},
};

int cli_usage(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("leverage: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'leverage --help'.\n", stderr);
    return EXIT_USAGE;
}

void cli_near_start(cli_near *nr, const char *word) {
    memset(nr, 0, sizeof *nr);
    nr->word = word;
    nr->dist = INT_MAX;
}

/* Optimal string alignment distance of a and b (each shorter than 64 bytes), or INT_MAX. */
static int osa(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la >= 64 || lb >= 64) return INT_MAX;
    int d[64][64];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

void cli_near_offer(cli_near *nr, const char *cand) {
    size_t wl = strlen(nr->word), cl = strlen(cand);
    if (cl >= sizeof nr->best) return;
    if (wl >= 3 && wl < cl && strncmp(cand, nr->word, wl) == 0) {
        if (nr->prefixes++ == 0) memcpy(nr->prefix, cand, cl + 1);
    }
    int dist = osa(nr->word, cand);
    if (dist < nr->dist) {
        nr->dist = dist;
        nr->ties = 0;
        memcpy(nr->best, cand, cl + 1);
    } else if (dist == nr->dist && strcmp(cand, nr->best) != 0) {
        nr->ties++;
    }
}

const char *cli_near_hint(cli_near *nr, char *b, size_t cap) {
    size_t wl = strlen(nr->word);
    int limit = wl <= 4 ? 1 : wl <= 9 ? 2 : 3;
    const char *pick = NULL;
    if (nr->dist > 0 && nr->dist <= limit && nr->ties == 0) pick = nr->best;
    else if (nr->dist > limit && nr->prefixes == 1) pick = nr->prefix;
    if (pick) snprintf(b, cap, "; did you mean %s?", pick);
    else if (cap) b[0] = 0;
    return b;
}

const char *cli_option_name(const cli_option *o, char *b, size_t cap) {
    const char *name = o->name;
    if (!name && lev_param_info(o->key, &name, NULL, NULL, NULL, NULL) != LEV_OK) name = "?";
    snprintf(b, cap, "--%s", name);
    for (char *c = b; *c; c++)
        if (*c == '_') *c = '-';
    return b;
}

const char *cli_key_spelling(const cli_command *cmd, lev_param key, char *b, size_t cap) {
    for (int t = 0; cmd->options[t]; t++)
        for (const cli_option *o = cmd->options[t]; o->kind != CLI_END; o++)
            if ((o->kind == CLI_VALUE || o->kind == CLI_FLAG || o->kind == CLI_WORDS) && o->key == key)
                return cli_option_name(o, b, cap);
    cli_option o = {.kind = CLI_VALUE, .key = key};
    return cli_option_name(&o, b, cap);
}

/* The option called name (with its "--"), or NULL. */
static const cli_option *find(const cli_command *cmd, const char *name) {
    char b[64];
    for (int t = 0; cmd->options[t]; t++)
        for (const cli_option *o = cmd->options[t]; o->kind != CLI_END; o++)
            if (strcmp(cli_option_name(o, b, sizeof b), name) == 0) return o;
    return NULL;
}

/* The option whose one-letter spelling is c, or NULL. */
static const cli_option *find_letter(const cli_command *cmd, char c) {
    for (int t = 0; cmd->options[t]; t++)
        for (const cli_option *o = cmd->options[t]; o->kind != CLI_END; o++)
            if (o->letter && o->letter == c) return o;
    return NULL;
}

/* The value of word w in choices "out=1|in=2" (or its position for "csv|json"); -1 if absent. */
static double choice_value(const char *choices, const char *w, int *found) {
    size_t wl = strlen(w);
    int pos = 0;
    *found = 0;
    for (const char *c = choices; *c; pos++) {
        const char *end = strchr(c, '|');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        const char *eq = memchr(c, '=', len);
        size_t name_len = eq ? (size_t)(eq - c) : len;
        if (name_len == wl && strncmp(c, w, wl) == 0) {
            *found = 1;
            return eq ? strtod(eq + 1, NULL) : pos;
        }
        c += len + (end != NULL);
    }
    return -1;
}

/* "out or in" from "out=1|in=2". */
static void choice_words(const char *choices, char *b, size_t cap) {
    size_t k = 0;
    b[0] = 0;
    for (const char *c = choices; *c && k + 1 < cap;) {
        const char *end = strchr(c, '|');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        const char *eq = memchr(c, '=', len);
        size_t name_len = eq ? (size_t)(eq - c) : len;
        int last = !end, first = c == choices;
        k += (size_t)snprintf(b + k, cap - k, "%s%.*s", first ? "" : last ? " or " : ", ", (int)name_len, c);
        if (k >= cap) break;
        c += len + (end != NULL);
    }
}

/* Remember that key was given, by the option called name. */
static int record(cli_args *a, lev_param key, const char *name) {
    size_t k = 0;
    while (k < a->ngiven && a->given[k] != key) k++;
    if (k == CLI_MAX_GIVEN) return -1;
    if (k == a->ngiven) a->given[a->ngiven++] = key;
    snprintf(a->spelled[k], sizeof a->spelled[k], "%s", name);
    return 0;
}

/* Set a library key from the text val; the library checks it. Returns -1, or an exit status. */
static int set_key(cli_args *a, const cli_option *o, const char *name, const char *val) {
    int type = LEV_TYPE_DOUBLE;
    lev_param_info(o->key, NULL, &type, NULL, NULL, NULL);
    lev_status rc;
    if (o->kind == CLI_FLAG) {
        rc = lev_params_set_int(a->p, o->key, (int64_t)o->value);
    } else if (o->kind == CLI_WORDS) {
        int found;
        double v = choice_value(o->choices, val, &found);
        if (!found) {
            char words[128];
            choice_words(o->choices, words, sizeof words);
            return cli_usage("%s takes %s (got \"%s\")", name, words, val);
        }
        rc = lev_params_set_int(a->p, o->key, (int64_t)v);
    } else if (type == LEV_TYPE_INT) {
        char *end;
        errno = 0;
        long long v = strtoll(val, &end, 10);
        if (errno || end == val || *end) return cli_usage("%s takes a whole number (got \"%s\")", name, val);
        rc = lev_params_set_int(a->p, o->key, v);
    } else {
        char *end;
        errno = 0;
        double v = strtod(val, &end);
        if (end == val || *end || (errno && !isfinite(v)))
            return cli_usage("%s takes a number (got \"%s\")", name, val);
        rc = lev_params_set_double(a->p, o->key, v);
    }
    if (rc != LEV_OK) return cli_usage("%s %s: %s", name, val ? val : "", lev_params_errmsg(a->p));
    if (record(a, o->key, name)) return cli_usage("too many options");
    return -1;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *a) {
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->format = cmd->format;
    a->top = 5;
    if (lev_params_new(&a->p) != LEV_OK) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    cli_progress_install(a->p);
    int status = -1;
    for (int i = 0; i < argc && status < 0; i++) {
        const char *arg = argv[i], *val = NULL;
        char name[64];
        if (strcmp(arg, "-h") == 0) arg = "--help";
        char one[64];
        if (arg[0] == '-' && arg[1] && arg[1] != '-' && !arg[2]) { /* "-o" is the option with that letter, */
            const cli_option *o = find_letter(cmd, arg[1]);     /* else "-k" is "--k" when the command has it */
            if (o) cli_option_name(o, one, sizeof one);
            else snprintf(one, sizeof one, "--%c", arg[1]);
            if (o || find(cmd, one)) arg = one;
        }
        if (strncmp(arg, "--", 2) != 0 || !arg[2]) {
            if (arg[0] == '-' && arg[1]) status = cli_usage("unknown option: %s", arg);
            else if (a->edges && cmd->takes_output && !a->output) a->output = arg;
            else if (a->edges) status = cli_usage("more than one edges file given: %s", arg);
            else a->edges = arg;
            continue;
        }
        const char *eq = strchr(arg, '=');
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        if (len >= sizeof name) {
            status = cli_usage("unknown option: %s", arg);
            break;
        }
        memcpy(name, arg, len);
        name[len] = 0;
        if (eq) val = eq + 1;
        if (strcmp(name, "--help") == 0) {
            cli_print_help(cmd, stdout);
            status = EXIT_OKAY;
            break;
        }
        const cli_option *o = find(cmd, name);
        if (!o) {
            cli_near nr;
            char b[64], hint[96];
            cli_near_start(&nr, name);
            for (int t = 0; cmd->options[t]; t++)
                for (const cli_option *c = cmd->options[t]; c->kind != CLI_END; c++)
                    cli_near_offer(&nr, cli_option_name(c, b, sizeof b));
            cli_near_offer(&nr, "--help");
            status = cli_usage("unknown option for %s: %s%s (see leverage %s --help)", cmd->name, name,
                               cli_near_hint(&nr, hint, sizeof hint), cmd->name);
            break;
        }
        int bare = o->kind == CLI_FLAG || o->kind == CLI_SWITCH;
        if (bare && val) {
            status = cli_usage("option takes no value: %s", name);
            break;
        }
        if (!bare && !val) {
            if (i + 1 >= argc) {
                status = cli_usage("option needs a value: %s", name);
                break;
            }
            val = argv[++i];
        }
        char *field = (char *)a + o->field;
        switch (o->kind) {
        case CLI_VALUE:
        case CLI_FLAG:
        case CLI_WORDS:
            status = set_key(a, o, name, val);
            break;
        case CLI_PATH:
        case CLI_NAME:
            *(const char **)(void *)field = val;
            break;
        case CLI_CHOICE: {
            int found;
            choice_value(o->choices, val, &found);
            if (!found) {
                char words[128];
                choice_words(o->choices, words, sizeof words);
                status = cli_usage("%s takes %s (got \"%s\")", name, words, val);
            } else {
                *(const char **)(void *)field = val;
            }
            break;
        }
        case CLI_COUNT: {
            char *end;
            errno = 0;
            long long v = strtoll(val, &end, 10);
            if (errno || end == val || *end || v < o->lo || v > o->hi)
                status = cli_usage("%s takes a whole number in [%.0f, %.0f] (got \"%s\")", name, o->lo, o->hi, val);
            else *(long long *)(void *)field = v;
            break;
        }
        case CLI_SWITCH:
            *(int *)(void *)field = 1;
            break;
        case CLI_END:
            break;
        }
    }
    if (status >= 0) cli_args_free(a);
    return status;
}

void cli_args_free(cli_args *a) {
    cli_progress_end();
    lev_params_free(a->p);
    a->p = NULL;
}

const char *cli_given(const cli_args *a, lev_param key) {
    for (size_t k = 0; k < a->ngiven; k++)
        if (a->given[k] == key) return a->spelled[k];
    return NULL;
}

double cli_get(const cli_args *a, lev_param key) {
    double v = 0;
    lev_params_get_double(a->p, key, &v);
    return v;
}

/* ---- help ------------------------------------------------------------------------------------- */

/* What an option takes and its default, from the registry for library keys. */
static void describe(const cli_option *o, const char *format_default, char *b, size_t cap) {
    const char *kname;
    int type;
    double lo, hi, dflt;
    char words[128];
    b[0] = 0;
    switch (o->kind) {
    case CLI_VALUE:
        if (lev_param_info(o->key, &kname, &type, &lo, &hi, &dflt) != LEV_OK) break;
        snprintf(b, cap, "%s in [%.16g, %.16g]; default %.16g", type == LEV_TYPE_INT ? "whole number" : "number",
                 lo, hi, dflt);
        break;
    case CLI_FLAG:
        if (lev_param_info(o->key, &kname, &type, &lo, &hi, &dflt) != LEV_OK) break;
        snprintf(b, cap, "sets %s to %.15g; default %.15g", kname, o->value, dflt);
        break;
    case CLI_WORDS:
        choice_words(o->choices, words, sizeof words);
        if (o->value > 0 && lev_param_info(o->key, &kname, &type, &lo, &hi, &dflt) == LEV_OK) {
            /* the registry's default is the command's: name its word */
            const char *c = o->choices, *w = NULL;
            size_t wl = 0;
            while (*c) {
                const char *end = strchr(c, '|'), *eq = strchr(c, '=');
                size_t len = end ? (size_t)(end - c) : strlen(c);
                if (eq && eq < c + len && strtod(eq + 1, NULL) == dflt) {
                    w = c;
                    wl = (size_t)(eq - c);
                }
                c += len + (end != NULL);
            }
            snprintf(b, cap, "%s; default %.*s", words, (int)wl, w ? w : "");
            break;
        }
        snprintf(b, cap, "%s; default: each measure's own", words);
        break;
    case CLI_CHOICE:
        choice_words(o->choices, words, sizeof words);
        snprintf(b, cap, "%s; default %s", words, format_default ? format_default : "");
        break;
    case CLI_COUNT:
        if (o->value < 0) {
            snprintf(b, cap, "whole number in [%.0f, %.0f]; required", o->lo, o->hi);
            break;
        }
        snprintf(b, cap, "whole number in [%.0f, %.0f]; default %s", o->lo, o->hi, o->choices ? o->choices : "5");
        break;
    default:
        break;
    }
}

void cli_print_help(const cli_command *cmd, FILE *f) {
    fprintf(f, "usage: leverage %s %s\n\n%s\n\nOptions:\n", cmd->name, cmd->synopsis, cmd->about);
    char name[64], desc[256], left[96];
    for (int t = 0; cmd->options[t]; t++)
        for (const cli_option *o = cmd->options[t]; o->kind != CLI_END; o++) {
            cli_option_name(o, name, sizeof name);
            char letter[8] = "";
            if (o->letter) snprintf(letter, sizeof letter, "-%c, ", o->letter);
            snprintf(left, sizeof left, "%s%s%s%s", letter, name, o->meta ? " " : "", o->meta ? o->meta : "");
            describe(o, cmd->format, desc, sizeof desc);
            int wrap = desc[0] && 2 + 18 + 1 + strlen(o->help) + strlen(desc) + 3 > 100;
            fprintf(f, "  %-18s %s%s%s%s%s\n", left, o->help, wrap ? "\n                     " : "",
                    desc[0] ? wrap ? "(" : " (" : "", desc, desc[0] ? ")" : "");
        }
    fprintf(f, "  %-18s %s\n", "--help", "this text");
    if (cmd->more_help) cmd->more_help(f);
}

static void md_cell(FILE *f, const char *s) {
    for (; *s; s++) {
        if (*s == '|') fputc('\\', f);
        fputc(*s, f);
    }
}

void cli_print_markdown(const cli_command *cmd, FILE *f) {
    char name[64], desc[256];
    fprintf(f, "| Option | Meaning | Takes, default | Library key |\n|---|---|---|---|\n");
    for (int t = 0; cmd->options[t]; t++)
        for (const cli_option *o = cmd->options[t]; o->kind != CLI_END; o++) {
            cli_option_name(o, name, sizeof name);
            if (o->letter) fprintf(f, "| `-%c`, `%s%s%s` | ", o->letter, name, o->meta ? " " : "", o->meta ? o->meta : "");
            else fprintf(f, "| `%s%s%s` | ", name, o->meta ? " " : "", o->meta ? o->meta : "");
            md_cell(f, o->help);
            describe(o, cmd->format, desc, sizeof desc);
            fputs(" | ", f);
            md_cell(f, desc);
            const char *kname = NULL;
            if (o->kind == CLI_VALUE || o->kind == CLI_FLAG || o->kind == CLI_WORDS)
                lev_param_info(o->key, &kname, NULL, NULL, NULL, NULL);
            fprintf(f, " | %s%s%s |\n", kname ? "`" : "", kname ? kname : "", kname ? "`" : "");
        }
}
