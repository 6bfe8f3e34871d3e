/* The progress bar on stderr: fed by the library's progress callback (lev_params_set_progress)
 * of the command's options, shown only when stderr is a terminal, and only for work that has
 * run for LEVERAGE_PROGRESS_DELAY seconds (default 0.5; tests set 0), redrawn at most 10 times a
 * second and wiped when a call reports it is done and when the command ends, so it never mixes
 * with the output. Never when stderr is not a terminal (a file, a pipe). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct bar {
    double start, last, delay;
    int shown;
} bar;

static bar the_bar;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void wipe(bar *b) {
    if (!b->shown) return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    b->shown = 0;
}

static int draw(void *ud, double done) {
    bar *b = ud;
    double t = now();
    if (done >= 1) {
        wipe(b);
        b->start = 0;
        return 0;
    }
    if (b->start == 0) b->start = t;
    if (t - b->start < b->delay || (b->shown && t - b->last < 0.1)) return 0;
    if (done < 0) done = 0;
    int fill = (int)(done * 30);
    char line[64], left[48] = "";
    for (int k = 0; k < 30; k++) line[k] = k < fill ? '#' : '.';
    line[30] = 0;
    /* After 2 s, the time left at the rate so far: long runs (weighted closeness of 10^5 actors
     * takes most of an hour) say so, instead of sitting at 0%. */
    double ran = t - b->start;
    if (ran >= 2 && done > 0) {
        char d[32];
        snprintf(left, sizeof left, ", about %s left", cli_duration(ran * (1 - done) / done, d, sizeof d));
    }
    fprintf(stderr, "\r[%s] %5.1f%%%s\033[K", line, done * 100, left);
    fflush(stderr);
    b->shown = 1;
    b->last = t;
    return 0;
}

void cli_progress_install(lev_params *p) {
    const char *term = getenv("TERM");
    if (!isatty(STDERR_FILENO) || (term && strcmp(term, "dumb") == 0)) return;
    const char *d = getenv("LEVERAGE_PROGRESS_DELAY");
    the_bar.delay = d ? atof(d) : 0.5;
    lev_params_set_progress(p, draw, &the_bar);
}

void cli_progress_end(void) { wipe(&the_bar); }
