/* `leverage report`: the HTML is well-formed enough (every element it opens is closed, in order),
 * self-contained (no URL, no script), names are escaped, large networks are drawn in part and the
 * page says so, and the usage errors. The rendering in a real browser is tests/report_browser.py. */
#include "helpers.h"

#include <ctype.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef LEV_CLI
#error "LEV_CLI must be defined by the build"
#endif

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    sbuf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&b, buf, n);
    fclose(f);
    return b.s ? b.s : strdup("");
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static size_t count(const char *s, const char *needle) {
    size_t k = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) k++;
    return k;
}

/* Every element opened is closed in order (void elements and "/>" aside); text outside tags
 * holds no raw '<' or '>' (escaped names). */
static void check_balanced(const char *html) {
    static const char *const voids[] = {"meta", "line", "rect", "polygon", "br", "!DOCTYPE", NULL};
    char stack[64][16];
    size_t depth = 0;
    const char *s = html;
    while ((s = strchr(s, '<'))) {
        const char *e = strchr(s, '>');
        cr_assert_not_null(e, "a tag is not closed with '>' at ...%.40s", s);
        cr_assert_null(memchr(s + 1, '<', (size_t)(e - s - 1)), "'<' inside a tag at ...%.40s", s);
        int closing = s[1] == '/';
        const char *nm = s + 1 + closing;
        size_t len = 0;
        while (nm[len] && (isalnum((unsigned char)nm[len]) || nm[len] == '!')) len++;
        cr_assert(len > 0 && len < 16, "a bad tag at ...%.40s", s);
        char name[16];
        memcpy(name, nm, len);
        name[len] = 0;
        int self = e[-1] == '/', is_void = 0;
        for (int k = 0; voids[k]; k++) is_void |= strcmp(voids[k], name) == 0;
        if (closing) {
            cr_assert(depth > 0, "</%s> closes nothing", name);
            cr_assert_str_eq(stack[depth - 1], name, "</%s> closes <%s>", name, stack[depth - 1]);
            depth--;
        } else if (!self && !is_void) {
            cr_assert(depth < 64, "nested too deep");
            strcpy(stack[depth++], name);
        }
        /* the text up to the next tag holds no '>' (a raw one would mean an unescaped name) */
        const char *next = strchr(e + 1, '<');
        size_t tl = next ? (size_t)(next - e - 1) : strlen(e + 1);
        if (strcmp(name, "style") != 0 || closing)
            cr_assert_null(memchr(e + 1, '>', tl), "a raw '>' in text after <%s%s>", closing ? "/" : "", name);
        s = e + 1;
    }
    cr_assert_eq(depth, 0, "%zu elements left open (innermost <%s>)", depth, depth ? stack[depth - 1] : "");
}

static void check_self_contained(const char *html) {
    cr_assert_null(strstr(html, "http:"), "a URL in the page");
    cr_assert_null(strstr(html, "https:"), "a URL in the page");
    cr_assert_null(strstr(html, "<script"), "a script in the page");
    cr_assert_null(strstr(html, "url("), "a CSS url() in the page");
    cr_assert_null(strstr(html, "@import"), "a CSS import in the page");
    cr_assert_null(strstr(html, "<link"), "a link element in the page");
}

Test(cli_report, bundled_example_is_well_formed_and_self_contained) {
    char *d = test_tmpdir("report"), cmd[1024], path[512];
    snprintf(path, sizeof path, "%s/r.html", d);
    snprintf(cmd, sizeof cmd, LEV_CLI " report -o %s", path);
    char *out = NULL;
    cr_assert_eq(cli_run(cmd, &out), 0, "%s", cmd);
    cr_assert_str_eq(out, "", "report writes nothing to stdout");
    free(out);
    char *html = slurp(path);
    cr_assert(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
    check_balanced(html);
    check_self_contained(html);
    /* what the page shows: 16 families drawn, 8 named, the Lorenz curve with its Gini, the heat
     * map of the two factions, the analyze report's sections */
    cr_assert_eq(count(html, "<circle"), 16);
    cr_assert_eq(count(html, "class=\"lever\""), 8);
    cr_assert_not_null(strstr(html, ">Medici</text>"));
    cr_assert_not_null(strstr(html, "Gini 0.2"), "the Gini of PageRank (0.27 in the analyze report)");
    cr_assert_not_null(strstr(html, "<th>medicean</th>"));
    cr_assert_not_null(strstr(html, "<h2>Where is the leverage?</h2>"));
    cr_assert_not_null(strstr(html, "<h2>Fragile leverage</h2>"));
    cr_assert_not_null(strstr(html, "<h2>Where to start?</h2>"));
    cr_assert_null(strstr(html, "class=\"note\">Drawn:"), "all 16 are drawn");
    /* the same page for the same seed, whatever the threads */
    snprintf(cmd, sizeof cmd, LEV_CLI " report --threads 1 -o %s/b.html && cmp -s %s %s/b.html", d, path, d);
    cr_assert_eq(cli_run(cmd, NULL), 0, "the page differs with 1 thread");
    /* -o is --output */
    snprintf(cmd, sizeof cmd, LEV_CLI " report --threads 1 --output %s/c.html && cmp -s %s %s/c.html", d, path, d);
    cr_assert_eq(cli_run(cmd, NULL), 0, "--output FILE writes what -o FILE does");
    free(html);
    test_rmdir(d);
}

Test(cli_report, names_are_escaped) {
    char *d = test_tmpdir("report"), cmd[4096], edges[512], actors[512], res[512], path[512];
    snprintf(edges, sizeof edges, "%s/e.csv", d);
    snprintf(actors, sizeof actors, "%s/a.csv", d);
    snprintf(res, sizeof res, "%s/r.csv", d);
    snprintf(path, sizeof path, "%s/r.html", d);
    write_file(edges, "source,target,weight\n\"<b>&\"\"x\",'y',2\n'y',z,1\nz,\"<b>&\"\"x\",1\n");
    write_file(actors, "name,group\n\"<b>&\"\"x\",<g>\n'y',<g>\nz,a&b\n");
    write_file(res, "actor,resource,holds,needs\n\"<b>&\"\"x\",gold,0,5\n'y',gold,4,0\nz,gold,1,0\n");
    snprintf(cmd, sizeof cmd, LEV_CLI " report %s --actors %s --resources %s -o %s", edges, actors, res, path);
    cr_assert_eq(cli_run(cmd, NULL), 0, "%s", cmd);
    char *html = slurp(path);
    check_balanced(html);
    check_self_contained(html);
    cr_assert_null(strstr(html, "<b>"), "a raw name");
    cr_assert_null(strstr(html, "<g>"), "a raw group");
    cr_assert_not_null(strstr(html, "&lt;b&gt;&amp;&quot;x"), "the escaped name");
    cr_assert_not_null(strstr(html, "<th>&lt;g&gt;</th>"), "the escaped group in the heat map");
    cr_assert_not_null(strstr(html, "<th>a&amp;b</th>"));
    cr_assert_not_null(strstr(html, "&#39;y&#39;"));
    cr_assert_not_null(strstr(html, "<td>&lt;b&gt;&amp;&quot;x</td><td>&#39;y&#39;</td>"), "the dependence pair");
    free(html);
    test_rmdir(d);
}

Test(cli_report, large_networks_are_drawn_in_part) {
    char *d = test_tmpdir("report"), cmd[2048], edges[512], path[512];
    snprintf(edges, sizeof edges, "%s/e.csv", d);
    snprintf(path, sizeof path, "%s/r.html", d);
    FILE *f = fopen(edges, "wb");
    cr_assert_not_null(f);
    fputs("source,target,weight\n", f);
    for (int i = 0; i < 400; i++) fprintf(f, "a%d,a%d,1\na%d,a%d,1\n", i, (i + 1) % 400, i, (i * 7 + 3) % 400);
    fclose(f);
    snprintf(cmd, sizeof cmd, LEV_CLI " report %s -o %s --layout-iterations 50", edges, path);
    cr_assert_eq(cli_run(cmd, NULL), 0, "%s", cmd);
    char *html = slurp(path);
    check_balanced(html);
    cr_assert_eq(count(html, "<circle"), 300);
    cr_assert_not_null(strstr(html, "Drawn: the 300 actors who exert the most influence, of 400"));
    free(html);
    test_rmdir(d);
}

Test(cli_report, usage_errors) {
    char *out = NULL;
    cr_assert_eq(cli_run(LEV_CLI " report 2>&1", &out), 2);
    cr_assert_not_null(strstr(out, "-o FILE is needed"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " report -o /nonexistent/dir/r.html 2>&1", &out), 1);
    cr_assert_not_null(strstr(out, "cannot write /nonexistent/dir/r.html"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " report --layout-iterations 0 -o /dev/null 2>&1", &out), 2);
    cr_assert_not_null(strstr(out, "layout_iterations must be in [1, 100000]"), "%s", out);
    free(out);
}

/* The progress bar: on a terminal (a pseudo-terminal made by script(1)) it is drawn and wiped;
 * on a pipe it is never drawn. LEVERAGE_PROGRESS_DELAY=0 shows it from the first report. */
Test(cli_progress, drawn_on_a_terminal_never_on_a_pipe) {
    char *out = NULL;
    cr_assert_eq(cli_run("LEVERAGE_PROGRESS_DELAY=0 " LEV_CLI " analyze 2>&1 >/dev/null", &out), 0);
    cr_assert_null(strchr(out, '\r'), "a carriage return on a pipe: %s", out);
    cr_assert_null(strstr(out, "[#"), "a bar on a pipe");
    free(out);
    /* script(1) needs a pseudo-terminal: absent in a bare chroot (no /dev/pts), as in a fresh
     * mmdebstrap root; then the terminal half cannot be tested here */
    if (system("script -qfec true /dev/null >/dev/null 2>&1") != 0)
        cr_skip_test("script(1) cannot make a pseudo-terminal here");
    cr_assert_eq(cli_run("LEVERAGE_PROGRESS_DELAY=0 script -qfec '" LEV_CLI " analyze >/dev/null' /dev/null", &out),
                 0);
    cr_assert_not_null(strstr(out, "\r["), "no bar on a terminal: %s", out);
    cr_assert_not_null(strstr(out, "%"), "the bar shows a percentage");
    cr_assert_not_null(strstr(out, "\r\033[K"), "the bar is wiped");
    /* wiped last: nothing but the wipe (and the terminal's line end) after the last bar */
    const char *last = strstr(out, "\r[");
    for (const char *q = last; q; q = strstr(q + 1, "\r[")) last = q;
    cr_assert_not_null(strstr(last, "\r\033[K"), "the last bar is not wiped");
    free(out);
    /* work shorter than the delay shows none (a long delay: the default 0.5 s could pass on a
     * loaded machine) */
    cr_assert_eq(cli_run("LEVERAGE_PROGRESS_DELAY=1000 script -qfec '" LEV_CLI " analyze >/dev/null' /dev/null", &out),
                 0);
    cr_assert_null(strstr(out, "[#"), "a bar for work under the delay: %s", out);
    free(out);
}
