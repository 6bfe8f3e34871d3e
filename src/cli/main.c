/*
 * leverage: the command-line tool over libleverage. This file only dispatches: each command is
 * one file (analyze.c, rank.c, groups.c, imbalance.c) with its options in a table.
 *
 * Exit status: 0 success, 1 analysis or input error, 2 usage error. Errors go to stderr as
 * `leverage: FILE:LINE:COLUMN: reason`.
 */
#include "cli.h"

#include <string.h>
#if defined(__GLIBC__)
#  include <malloc.h>
#endif

const cli_command *const cli_commands[] = {&cli_analyze, &cli_rank,    &cli_groups,     &cli_imbalance,
                                           &cli_opinion, &cli_drivers, &cli_keyplayers, &cli_coalition,
                                           &cli_spread,  &cli_seeds,   &cli_convert,    &cli_bypass,
                                           &cli_report,
                                           NULL};

static void usage(FILE *f) {
    fputs("usage: leverage COMMAND [OPTIONS]\n"
          "\n"
          "Find the leverage points and power imbalances of a social network.\n"
          "\n"
          "Commands:\n", f);
    for (int k = 0; cli_commands[k]; k++) fprintf(f, "  %-11s %s\n", cli_commands[k]->name, cli_commands[k]->summary);
    fputs("\n"
          "Options:\n"
          "  --help     this text; `leverage COMMAND --help` for a command's\n"
          "  --version  the program's and the library's versions\n", f);
}

static const cli_command *command(const char *name) {
    for (int k = 0; cli_commands[k]; k++)
        if (strcmp(cli_commands[k]->name, name) == 0) return cli_commands[k];
    return NULL;
}

/* `leverage help [--markdown] [COMMAND]`: --markdown prints the options table docs/cli.md holds. */
static int help(int argc, char **argv) {
    int markdown = argc > 0 && strcmp(argv[0], "--markdown") == 0;
    if (markdown) argc--, argv++;
    if (argc == 0 && !markdown) {
        usage(stdout);
        return EXIT_OKAY;
    }
    const cli_command *c = argc == 1 ? command(argv[0]) : NULL;
    if (!c) return cli_usage("help takes [--markdown] COMMAND");
    if (markdown) cli_print_markdown(c, stdout);
    else cli_print_help(c, stdout);
    return cli_finish_output();
}

int main(int argc, char **argv) {
#if defined(M_MMAP_THRESHOLD)
    /* Blocks of 1 MiB and more are mapped, so that one freed goes back to the system at once. By
     * default glibc raises this threshold to the size of the first big block freed (the reader's
     * 4 MiB buffer), and the heap then keeps what later frees leave behind: 0.1 B/tie more peak
     * at R-MAT scale 20 (bench/README.md, "The record order given up on request"). */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        usage(stdout);
        return EXIT_OKAY;
    }
    if (strcmp(name, "help") == 0) return help(argc - 2, argv + 2);
    if (strcmp(name, "--version") == 0) {
        printf("leverage %s (library %s)\n", LEV_VERSION_STRING, lev_version_string());
        return EXIT_OKAY;
    }
    if (lev_version() / 10000 != LEV_VERSION_MAJOR) {
        fprintf(stderr, "leverage: built for library %d.x but loaded %s\n", LEV_VERSION_MAJOR, lev_version_string());
        return EXIT_FAILED;
    }
    const cli_command *c = command(name);
    if (!c) {
        cli_near nr;
        char hint[96];
        cli_near_start(&nr, name);
        for (int k = 0; cli_commands[k]; k++) cli_near_offer(&nr, cli_commands[k]->name);
        return cli_usage("unknown command: %s%s", name, cli_near_hint(&nr, hint, sizeof hint));
    }
    cli_args a;
    int status = cli_parse(c, argc - 2, argv + 2, &a);
    if (status >= 0) return status;
    status = c->run(&a);
    cli_args_free(&a);
    return status;
}
