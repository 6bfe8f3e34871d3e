/* `leverage bypass`: whose leverage collapses when others go around it (tie bypass), how much rests
 * on one-way ties (reliance), which ties carry the most (edge leverage), and the unavoidable
 * brokers (articulation points, bridges, dominators of --source). Also the report's "fragile
 * leverage" section (cli_fragile_section). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *const measure_names[] = {"", "pagerank", "degree", "strength", "betweenness", "harmonic"};

static const cli_option options[] = {
    {.name = "measure", .kind = CLI_WORDS, .key = LEV_P_BYPASS_MEASURE,
     .choices = "pagerank=1|degree=2|strength=3|betweenness=4|harmonic=5", .meta = "M",
     .help = "the score whose bypass is measured (default pagerank)"},
    {.name = "ties", .kind = CLI_VALUE, .key = LEV_P_BYPASS_TIES, .meta = "K",
     .help = "ties removed from each actor, greedily"},
    {.name = "source", .kind = CLI_NAME, .field = offsetof(cli_args, source), .meta = "ACTOR",
     .help = "also the dominators of ACTOR's influence"},
    {.kind = CLI_WORDS, .key = LEV_P_DIRECTION, .choices = "out=1|in=2|all=3", .meta = "DIR",
     .help = "the measure's direction: out (exerted), in or all (received, for PageRank)"},
    {.kind = CLI_VALUE, .key = LEV_P_DAMPING, .meta = "D", .help = "PageRank's damping factor"},
    {.kind = CLI_VALUE, .key = LEV_P_BYPASS_LIMIT, .meta = "W", .help = "most edge visits of exact recomputation"},
    {.kind = CLI_VALUE, .key = LEV_P_BYPASS_RESIDUAL, .meta = "E", .help = "PageRank push residual (accuracy)"},
    {.kind = CLI_END},
};

typedef struct fragile {
    size_t n;
    double *score, *survives, *reliance, network;
    uint32_t *ts, *tt;
    int have_bypass; /* 1: computed; 0: skipped (size); -1: refused (LEV_P_BYPASS_LIMIT) */
    size_t nch;      /* channels, when chan holds their shares (leverage bypass only) */
    double *chan, *dep;
} fragile;

static void fragile_free(fragile *x) {
    free(x->score);
    free(x->survives);
    free(x->reliance);
    free(x->ts);
    free(x->tt);
    free(x->chan);
    free(x->dep);
}

/* Tie bypass (when ties ≤ max_ties, 0: any) and reliance; prints the error. */
static int fragile_compute(const lev_network *net, lev_params *p, size_t max_ties, fragile *x) {
    memset(x, 0, sizeof *x);
    size_t n = x->n = lev_actor_count(net), k = n ? n : 1;
    x->score = malloc(k * sizeof(double));
    x->survives = malloc(k * sizeof(double));
    x->reliance = malloc(k * sizeof(double));
    x->ts = malloc(k * sizeof(uint32_t));
    x->tt = malloc(k * sizeof(uint32_t));
    if (!x->score || !x->survives || !x->reliance || !x->ts || !x->tt) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    if (lev_reliance(net, p, x->reliance, &x->network) != LEV_OK) {
        fprintf(stderr, "leverage: reliance: %s\n", lev_params_errmsg(p));
        return EXIT_FAILED;
    }
    if (max_ties == 0 || lev_edge_count(net) <= max_ties) {
        lev_status rc = lev_tie_bypass(net, p, x->score, x->survives, x->ts, x->tt);
        if (rc == LEV_OK) x->have_bypass = 1;
        else if (rc == LEV_ELIMIT) x->have_bypass = -1;
        else {
            fprintf(stderr, "leverage: tie bypass: %s\n", lev_params_errmsg(p));
            return EXIT_FAILED;
        }
    }
    return EXIT_OKAY;
}

static void json_tie(FILE *f, const lev_network *net, uint32_t s, uint32_t t) {
    if (s == LEV_NONE) {
        fputs("null", f);
        return;
    }
    fputs("{\"source\":", f);
    cli_json_string(f, lev_actor_name(net, s));
    fputs(",\"target\":", f);
    cli_json_string(f, lev_actor_name(net, t));
    fputc('}', f);
}

static void json_actor(FILE *f, const lev_network *net, const fragile *x, uint32_t i) {
    fputs("{\"actor\":", f);
    cli_json_string(f, lev_actor_name(net, i));
    if (x->have_bypass > 0) {
        fputs(",\"score\":", f);
        cli_print_number(f, x->score[i]);
        fputs(",\"survives\":", f);
        cli_print_number(f, x->survives[i]);
        fputs(",\"costliest_tie\":", f);
        json_tie(f, net, x->ts[i], x->tt[i]);
    }
    fputs(",\"reliance\":", f);
    cli_print_number(f, x->reliance[i]);
    if (x->chan) {
        fputs(",\"channels\":{", f);
        for (size_t c = 0; c < x->nch; c++) {
            if (c) fputc(',', f);
            cli_json_string(f, lev_channel_name(net, (uint32_t)c));
            fputc(':', f);
            cli_print_number(f, x->chan[(size_t)i * x->nch + c]);
        }
        fputc('}', f);
    }
    fputc('}', f);
}

/* The top actors by fragility (1 − survives; survives ascending) and by reliance, as text. */
static void text_fragile(FILE *f, const lev_network *net, const fragile *x, size_t top, size_t max_ties) {
    char b[32];
    fprintf(f, "Power resting on one-way ties (reliance, weighted by power): %s\n", cli_pct(x->network, b, sizeof b));
    if (x->have_bypass > 0) {
        uint32_t *o = cli_order(x->survives, x->n, -1);
        size_t shown = 0;
        fprintf(f, "Power that rests on a single tie (share that survives its costliest tie's removal):\n");
        for (size_t k = 0; o && k < x->n && shown < top; k++) {
            uint32_t i = o[k];
            if (x->ts[i] == LEV_NONE || !(x->survives[i] < 1)) continue;
            fprintf(f, "  %-24s keeps %8s without %s -> %s\n", lev_actor_name(net, i),
                    cli_pct(x->survives[i] > 0 ? x->survives[i] : 0, b, sizeof b), lev_actor_name(net, x->ts[i]),
                    lev_actor_name(net, x->tt[i]));
            shown++;
        }
        if (!shown) fprintf(f, "  (no actor loses power to one tie's removal)\n");
        free(o);
    } else if (x->have_bypass == 0)
        fprintf(f, "Tie bypass skipped: more than %zu ties (run `leverage bypass` for it).\n", max_ties);
    else
        fprintf(f, "Tie bypass refused: exact recomputation is past --bypass-limit.\n");
    uint32_t *o = cli_order(x->reliance, x->n, 1);
    size_t shown = 0;
    fprintf(f, "Power that rests on one-way ties (reliance):\n");
    for (size_t k = 0; o && k < x->n && shown < top; k++) {
        uint32_t i = o[k];
        if (!(x->reliance[i] > 0)) break;
        fprintf(f, "  %-24s %8s\n", lev_actor_name(net, i), cli_pct(x->reliance[i], b, sizeof b));
        shown++;
    }
    if (!shown) fprintf(f, "  (none: every actor's power rests on reciprocated ties)\n");
    free(o);
}

#define REPORT_MAX_TIES 20000

int cli_fragile_section(const cli_args *a, lev_network *net, lev_params *p, int json, FILE *f) {
    /* the report ranks leverage by influence exerted: PageRank over reversed ties */
    double dir = cli_get(a, LEV_P_DIRECTION);
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT);
    fragile x;
    int status = fragile_compute(net, p, REPORT_MAX_TIES, &x);
    lev_params_set_int(p, LEV_P_DIRECTION, (int64_t)dir);
    if (status == EXIT_OKAY) {
        size_t top = (size_t)a->top;
        if (json) {
            fputs("{\"measure\":\"pagerank exerted\",\"reliance\":", f);
            cli_print_number(f, x.network);
            fprintf(f, ",\"tie_bypass\":%s,\"fragile\":[", x.have_bypass > 0 ? "true" : "false");
            if (x.have_bypass > 0) {
                uint32_t *o = cli_order(x.survives, x.n, -1);
                size_t shown = 0;
                for (size_t k = 0; o && k < x.n && shown < top; k++) {
                    if (x.ts[o[k]] == LEV_NONE || !(x.survives[o[k]] < 1)) continue;
                    if (shown++) fputc(',', f);
                    json_actor(f, net, &x, o[k]);
                }
                free(o);
            }
            fputs("],\"reliant\":[", f);
            uint32_t *o = cli_order(x.reliance, x.n, 1);
            for (size_t k = 0; o && k < x.n && k < top && x.reliance[o[k]] > 0; k++) {
                if (k) fputc(',', f);
                json_actor(f, net, &x, o[k]);
            }
            free(o);
            fputs("]}", f);
        } else
            text_fragile(f, net, &x, top, REPORT_MAX_TIES);
    }
    fragile_free(&x);
    return status;
}

static int run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    lev_network *net = NULL;
    int status = cli_open(a, &net);
    if (status != EXIT_OKAY) return status;
    size_t n = lev_actor_count(net);
    uint32_t src = LEV_NONE;
    uint32_t *idom = NULL, *ap = NULL, *ba = NULL, *bb = NULL, *es = NULL, *et = NULL;
    double *ev = NULL;
    size_t nb = 0, ne = 0;
    int edges_ok = 0;
    fragile x;
    memset(&x, 0, sizeof x);
    if (a->source && lev_actor_find(net, a->source, &src) != LEV_OK) {
        status = cli_usage("--source: no actor named \"%s\"", a->source);
        goto done;
    }
    status = EXIT_FAILED;
    if (fragile_compute(net, a->p, 0, &x) != EXIT_OKAY) goto done;
    if (x.have_bypass <= 0) {
        fprintf(stderr, "leverage: tie bypass: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    /* channel bypass: left out when there is no channel or exact recomputation is refused */
    x.nch = lev_channel_count(net);
    if (x.nch) {
        x.chan = malloc(n * x.nch * sizeof *x.chan);
        x.dep = malloc(n * sizeof *x.dep);
        if (!x.chan || !x.dep) goto fail;
        lev_status crc = lev_channel_bypass(net, a->p, x.chan, x.dep);
        if (crc == LEV_ELIMIT) {
            free(x.chan);
            free(x.dep);
            x.chan = x.dep = NULL;
        } else if (crc != LEV_OK)
            goto fail;
    }
    ap = malloc((n ? n : 1) * sizeof *ap);
    if (!ap || lev_articulation_points(net, a->p, ap) != LEV_OK) goto fail;
    if (lev_bridges(net, a->p, 0, NULL, NULL, &nb) != LEV_ERANGE && nb) goto fail;
    ba = malloc((nb ? nb : 1) * sizeof *ba);
    bb = malloc((nb ? nb : 1) * sizeof *bb);
    if (!ba || !bb || (nb && lev_bridges(net, a->p, nb, ba, bb, &nb) != LEV_OK)) goto fail;
    if (src != LEV_NONE) {
        idom = malloc((n ? n : 1) * sizeof *idom);
        if (!idom || lev_dominators(net, src, a->p, idom) != LEV_OK) goto fail;
    }
    /* edge leverage: exact recomputation may be refused past --bypass-limit (then left out) */
    lev_status rc = lev_edge_leverage(net, a->p, 0, NULL, NULL, NULL, &ne);
    if (rc == LEV_ERANGE || (rc == LEV_OK && ne == 0)) {
        es = malloc((ne ? ne : 1) * sizeof *es);
        et = malloc((ne ? ne : 1) * sizeof *et);
        ev = malloc((ne ? ne : 1) * sizeof *ev);
        if (!es || !et || !ev) goto fail;
        rc = ne ? lev_edge_leverage(net, a->p, ne, es, et, ev, &ne) : LEV_OK;
        if (rc == LEV_OK) edges_ok = 1;
        else if (rc != LEV_ELIMIT) goto fail;
    }
    int m = (int)cli_get(a, LEV_P_BYPASS_MEASURE);
    size_t top = (size_t)a->top;
    if (strcmp(a->format, "json") == 0) {
        printf("{\"measure\":\"%s\",\"reliance\":", measure_names[m]);
        cli_print_number(stdout, x.network);
        printf(",\"actors\":[");
        for (uint32_t i = 0; i < n; i++) {
            if (i) putchar(',');
            json_actor(stdout, net, &x, i);
        }
        printf("],\"edges\":");
        if (edges_ok) {
            putchar('[');
            for (size_t k = 0; k < ne; k++) {
                printf(k ? ",{\"source\":" : "{\"source\":");
                cli_json_string(stdout, lev_actor_name(net, es[k]));
                printf(",\"target\":");
                cli_json_string(stdout, lev_actor_name(net, et[k]));
                printf(",\"leverage\":");
                cli_print_number(stdout, ev[k]);
                putchar('}');
            }
            putchar(']');
        } else
            printf("null");
        printf(",\"articulation_points\":[");
        for (uint32_t i = 0, c = 0; i < n; i++)
            if (ap[i]) {
                if (c++) putchar(',');
                cli_json_string(stdout, lev_actor_name(net, i));
            }
        printf("],\"bridges\":[");
        for (size_t k = 0; k < nb; k++) {
            printf(k ? ",[" : "[");
            cli_json_string(stdout, lev_actor_name(net, ba[k]));
            putchar(',');
            cli_json_string(stdout, lev_actor_name(net, bb[k]));
            putchar(']');
        }
        putchar(']');
        if (idom) {
            printf(",\"dominators\":{\"source\":");
            cli_json_string(stdout, lev_actor_name(net, src));
            printf(",\"immediate\":{");
            for (uint32_t i = 0, c = 0; i < n; i++)
                if (idom[i] != LEV_NONE && i != src) {
                    if (c++) putchar(',');
                    cli_json_string(stdout, lev_actor_name(net, i));
                    putchar(':');
                    cli_json_string(stdout, lev_actor_name(net, idom[i]));
                }
            printf("}}");
        }
        printf("}\n");
    } else {
        printf("Fragile leverage: %s\n%zu actors, %zu influence ties (%s); measure %s.\n\n", a->edges, n,
               lev_edge_count(net), cli_get(a, LEV_P_UNDIRECTED) ? "read as two-way" : "directed", measure_names[m]);
        text_fragile(stdout, net, &x, top, 0);
        if (x.dep) {
            uint32_t *o = cli_order(x.dep, n, 1);
            char b[32];
            printf("Power that rests on one channel (channel dependence: the share lost without its most needed channel):\n");
            for (size_t k = 0; o && k < n && k < top && x.dep[o[k]] > 0; k++) {
                uint32_t i = o[k];
                size_t worst = 0;
                for (size_t c = 1; c < x.nch; c++)
                    if (x.chan[(size_t)i * x.nch + c] < x.chan[(size_t)i * x.nch + worst]) worst = c;
                printf("  %-24s %8s (without %s)\n", lev_actor_name(net, i), cli_pct(x.dep[i] < 1 ? x.dep[i] : 1, b, sizeof b),
                       lev_channel_name(net, (uint32_t)worst));
            }
            free(o);
        }
        if (edges_ok) {
            printf("Ties that carry the most (edge leverage: L1 change of everyone's scores without the tie):\n");
            for (size_t k = 0; k < ne && k < top; k++) {
                char tie[256];
                snprintf(tie, sizeof tie, "%s -> %s", lev_actor_name(net, es[k]), lev_actor_name(net, et[k]));
                printf("  %-40s %.4g\n", tie, ev[k]);
            }
        } else
            printf("Edge leverage left out: exact recomputation is past --bypass-limit.\n");
        /* Counts, then the first --top of each list (JSON lists them all): a network of a
         * million ties can have tens of thousands of cut vertices. */
        size_t c = 0, shown = 0;
        for (uint32_t i = 0; i < n; i++) c += ap[i] != 0;
        printf("Unavoidable brokers (the network read as undirected): %zu", c);
        for (uint32_t i = 0; i < n && shown < top; i++)
            if (ap[i]) printf("%s%s", shown++ ? ", " : ": ", lev_actor_name(net, i));
        printf("%s\nBridges: %zu", c > shown ? ", ..." : "", nb);
        for (size_t k = 0; k < nb && k < top; k++)
            printf("%s%s -- %s", k ? ", " : ": ", lev_actor_name(net, ba[k]), lev_actor_name(net, bb[k]));
        printf("%s\n", nb > top ? ", ..." : "");
        if (idom) {
            size_t through = 0;
            shown = 0;
            printf("Influence from %s must pass through:\n", lev_actor_name(net, src));
            for (uint32_t i = 0; i < n; i++)
                if (idom[i] != LEV_NONE && i != src && idom[i] != src && through++ < top) {
                    printf("  %s <- %s\n", lev_actor_name(net, i), lev_actor_name(net, idom[i]));
                    shown++;
                }
            if (through > shown) printf("  ... and %zu more (--top, or --format json for all)\n", through - shown);
        }
    }
    status = cli_finish_output();
    goto done;
fail:
    fprintf(stderr, "leverage: bypass: %s\n", lev_params_errmsg(a->p)[0] ? lev_params_errmsg(a->p) : "out of memory");
    status = EXIT_FAILED;
done:
    fragile_free(&x);
    free(idom);
    free(ap);
    free(ba);
    free(bb);
    free(es);
    free(et);
    free(ev);
    lev_network_free(net);
    return status;
}

const cli_command cli_bypass = {
    .name = "bypass",
    .summary = "whose leverage collapses when others go around it: tie bypass, reliance",
    .synopsis = "EDGES.csv [OPTIONS]",
    .about = "Whose leverage collapses when others go around it: for each actor, the share of its score\n"
             "(--measure, PageRank by default) that survives when its costliest tie is removed, and the\n"
             "share of its power that does not rest on reciprocated ties (reliance); the ties whose\n"
             "removal moves everyone's scores most (edge leverage); articulation points and bridges;\n"
             "with --source, the actors every influence path from it must pass through.",
    .format = "text",
    .options = {cli_report_options, options, cli_common_options, NULL},
    .run = run,
};
