#!/usr/bin/env python3
"""Run every C, Python and Lua snippet of README.md, docs/*.md and bindings/*/README.md against the
build, so a snippet that no longer compiles or runs fails a test (ctest: docs_snippets).

    snippets.py --src SRC --lib build/libleverage.so [--cc cc] [--lua lua5.4 --lua-cpath DIR/?.so]
                [--only PAGE]

How each language runs, in a scratch directory holding the Florentine example files under the
names the pages use (edges.csv, actors.csv, resources.csv, florentine_*.csv) and `examples/`:
  * C: a snippet with a main() is compiled as it is; any other is a fragment, compiled inside a
    main() that provides `lev_network *net` (the Florentine families with their wealth),
    `double *out` (one per actor), the indices `medici`, `ann`, `bo`, `cy` and the resource
    `money` (Ann, Bo, Cy and money are added for docs/model.md's dependence example). Each
    snippet is its own program; it must compile without warnings (-Wall -Wextra, unused
    variables aside) and exit with status 0.
  * Python and Lua: the snippets of one page run in order as one script (a later snippet may use
    what an earlier one made), with the package (PYTHONPATH, LEVERAGE_LIBRARY) or the module
    (LUA_CPATH) of the build; the script must exit with status 0.
A snippet that must not run carries, on the line right before its opening fence,
    <!-- snippet: no-run REASON -->
and REASON says why; the runner lists them.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, NamedTuple

LANGS = ("c", "python", "lua")
MARKER = re.compile(r"^<!-- snippet: no-run (.+) -->$")


class Snippet(NamedTuple):
    page: str
    line: int  # of the first line of code
    lang: str
    code: str
    skip: str  # the reason, or ""


def extract(root: Path, page: Path) -> List[Snippet]:
    """The fenced blocks of a page whose language is C, Python or Lua."""
    out: List[Snippet] = []
    lines = page.read_text(encoding="utf-8").split("\n")
    rel = str(page.relative_to(root))
    i = 0
    while i < len(lines):
        m = re.match(r"^```([A-Za-z0-9_+-]*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        lang = m.group(1).lower()
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        if lang in LANGS:
            prev = lines[i - 1] if i > 0 else ""
            skip = MARKER.match(prev)
            out.append(Snippet(rel, i + 2, lang, "\n".join(lines[i + 1:j]) + "\n", skip.group(1) if skip else ""))
        i = j + 1
    return out


C_PRELUDE = r"""#include <leverage.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    lev_network *net;
    if (lev_network_new(&net) != LEV_OK) return 99;
    if (lev_read_file(net, LEV_FORMAT_ACTORS_CSV, "actors.csv", NULL) != LEV_OK ||
        lev_read_file(net, LEV_FORMAT_EDGES_CSV, "edges.csv", NULL) != LEV_OK ||
        lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, "resources.csv", NULL) != LEV_OK) {
        fprintf(stderr, "prelude: %s\n", lev_errmsg(net));
        return 99;
    }
    uint32_t medici = 0, ann = 0, bo = 0, cy = 0, money = 0;
    if (lev_actor_find(net, "Medici", &medici) != LEV_OK || lev_actor_add(net, "Ann", NULL, &ann) != LEV_OK ||
        lev_actor_add(net, "Bo", NULL, &bo) != LEV_OK || lev_actor_add(net, "Cy", NULL, &cy) != LEV_OK ||
        lev_resource_add(net, "money", &money) != LEV_OK) return 99;
    double *out = calloc(lev_actor_count(net), sizeof *out);
    if (!out) return 99;
    (void)medici; (void)ann; (void)bo; (void)cy; (void)money;
    {
"""
C_POSTLUDE = r"""
    }
    free(out);
    lev_network_free(net);
    return 0;
}
"""


def scratch(src: Path) -> Path:
    """A directory with the files the snippets name."""
    d = Path(tempfile.mkdtemp(prefix="lev-snippets-"))
    data = src / "examples" / "data"
    for kind in ("edges", "actors", "resources"):
        shutil.copy(data / f"florentine_{kind}.csv", d / f"{kind}.csv")
        shutil.copy(data / f"florentine_{kind}.csv", d / f"florentine_{kind}.csv")
    (d / "examples").symlink_to(src / "examples")
    return d


def run(cmd: List[str], cwd: Path, env: Dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=str(cwd), env=env, capture_output=True, text=True, timeout=120)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True, type=Path)
    ap.add_argument("--lib", required=True, type=Path)
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--lua")
    ap.add_argument("--lua-cpath")
    ap.add_argument("--only", help="one page, relative to --src")
    a = ap.parse_args()
    src = a.src.resolve()
    pages = [src / "README.md"] + sorted((src / "docs").glob("*.md")) + sorted(src.glob("bindings/*/README.md"))
    if a.only:
        pages = [src / a.only]
    snippets = [s for p in pages for s in extract(src, p)]
    failures: List[str] = []
    counts = {lang: 0 for lang in LANGS}
    work = scratch(src)
    env = {k: v for k, v in os.environ.items() if k not in ("LEVERAGE_LIBRARY", "PYTHONPATH", "LUA_CPATH", "LUA_PATH")}
    libdir = str(a.lib.resolve().parent)
    try:
        # C: one program per snippet.
        for k, s in enumerate(x for x in snippets if x.lang == "c"):
            if s.skip:
                print(f"skipped {s.page}:{s.line} (c): {s.skip}")
                continue
            where = f'#line {s.line} "{s.page}"\n'
            text = where + s.code if re.search(r"\bint\s+main\s*\(", s.code) else C_PRELUDE + where + s.code + C_POSTLUDE
            c = work / f"snippet{k}.c"
            c.write_text(text, encoding="utf-8")
            exe = work / f"snippet{k}"
            r = run([a.cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-variable", "-Wno-unused-but-set-variable",
                     f"-I{src / 'include'}", str(c), "-o", str(exe), f"-L{libdir}", "-lleverage",
                     f"-Wl,-rpath,{libdir}", "-lm"], work, env)
            if r.returncode:
                failures.append(f"{s.page}:{s.line} (c) does not compile:\n{r.stderr}")
                continue
            r = run([str(exe)], work, env)
            if r.returncode:
                failures.append(f"{s.page}:{s.line} (c) exits with {r.returncode}:\n{r.stdout}{r.stderr}")
                continue
            counts["c"] += 1
        # Python and Lua: one script per page and language.
        for lang, ext in (("python", "py"), ("lua", "lua")):
            if lang == "lua" and not (a.lua and a.lua_cpath):
                print("Lua snippets not run: no interpreter or module given")
                continue
            for page in pages:
                rel = str(page.relative_to(src))
                mine = [s for s in snippets if s.lang == lang and s.page == rel]
                for s in mine:
                    if s.skip:
                        print(f"skipped {s.page}:{s.line} ({lang}): {s.skip}")
                mine = [s for s in mine if not s.skip]
                if not mine:
                    continue
                script = work / (re.sub(r"[^A-Za-z0-9]", "_", rel) + "." + ext)
                # Each snippet starts on its own line in the script; a failure names page and line.
                parts = []
                for s in mine:
                    mark = f"# {s.page}:{s.line}" if lang == "python" else f"-- {s.page}:{s.line}"
                    parts.append(mark + "\n" + s.code)
                script.write_text("\n".join(parts), encoding="utf-8")
                if lang == "python":
                    e = dict(env, PYTHONPATH=str(src / "bindings" / "python"), LEVERAGE_LIBRARY=str(a.lib.resolve()),
                             PYTHONDONTWRITEBYTECODE="1")
                    r = run([sys.executable, str(script)], work, e)
                else:
                    e = dict(env, LUA_CPATH=a.lua_cpath)
                    r = run([a.lua, str(script)], work, e)
                if r.returncode:
                    failures.append(f"the {lang} snippets of {rel} ({', '.join(str(s.line) for s in mine)}) fail "
                                    f"(script {script}):\n{r.stdout}{r.stderr}")
                    continue
                counts[lang] += len(mine)
    finally:
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
    print("ran " + ", ".join(f"{n} {lang}" for lang, n in counts.items()) + " snippets")
    for f in failures:
        print("FAILED: " + f, file=sys.stderr)
    if not a.only and counts["c"] == 0:
        print("FAILED: no C snippet found", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
