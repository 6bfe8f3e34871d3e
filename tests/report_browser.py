#!/usr/bin/env python3
"""`leverage report` in a real browser (ctest: report_browser): render the bundled example's
report with headless Chromium to a PNG, check that the page logged no console message or script
error, and that the PNG is not blank (its size, many distinct colours, enough ink). Exits 77
(ctest's SKIP_RETURN_CODE) when no Chromium is installed.

    report_browser.py --cli build/leverage [--keep docs/report.png]

--keep writes the screenshot there (how docs/report.png was made). The PNG is read with zlib
and struct alone (no PIL).
"""
from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

SKIP = 77
WIDTH, HEIGHT = 1200, 2000


def read_png(data: bytes):
    """(width, height, rows of RGB(A) tuples' bytes, channels) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and ctype in (2, 6) and interlace == 0, f"unexpected PNG form {ihdr}"
    ch = 3 if ctype == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), w * ch, [], bytearray(w * ch)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b = prev[i]
            c = prev[i - ch] if i >= ch else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, rows, ch


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--keep")
    args = ap.parse_args()
    browser = next((shutil.which(b) for b in ("chromium", "chromium-browser") if shutil.which(b)), None)
    if not browser:
        print("skip: no chromium (Debian: apt-get install --no-install-recommends chromium)")
        return SKIP
    with tempfile.TemporaryDirectory() as d:
        html, png = Path(d) / "report.html", Path(d) / "report.png"
        subprocess.run([args.cli, "report", "-o", str(html)], check=True)
        env = dict(os.environ, HOME=d)  # Chromium's profile goes to the scratch directory
        run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                              "--enable-logging=stderr", "--v=0", f"--user-data-dir={d}/profile",
                              f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", html.as_uri()],
                             capture_output=True, text=True, timeout=180, env=env)
        log = run.stderr
        if run.returncode != 0 or not png.exists():
            print(log)
            print(f"FAIL: chromium exited {run.returncode} without a screenshot")
            return 1
        # The page emits no script; any console message or uncaught error means something ran.
        bad = [l for l in log.splitlines() if ":CONSOLE(" in l or "Uncaught" in l]
        if bad:
            print("\n".join(bad))
            print("FAIL: the page logged console messages or script errors")
            return 1
        data = png.read_bytes()
        w, h, rows, ch = read_png(data)
        colours, ink = set(), 0
        for y in range(0, h, 2):
            row = rows[y]
            for x in range(0, w * ch, ch * 2):
                px = row[x:x + 3]
                colours.add(px)
                ink += px != b"\xff\xff\xff"
        samples = ((h + 1) // 2) * ((w + 1) // 2)
        print(f"{w}x{h} PNG, {len(data)} bytes, {len(colours)} distinct colours, {100 * ink / samples:.1f}% not white")
        if (w, h) != (WIDTH, HEIGHT):
            print(f"FAIL: the screenshot is {w}x{h}, not {WIDTH}x{HEIGHT}")
            return 1
        if len(colours) < 100:
            print("FAIL: fewer than 100 distinct colours: the page looks blank")
            return 1
        if ink < 0.05 * samples:
            print("FAIL: under 5% of the page is not white: the page looks blank")
            return 1
        if args.keep:
            shutil.copyfile(png, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
