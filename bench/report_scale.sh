#!/bin/sh
# `leverage analyze` at the size users have (issue 25's target: 20 000 actors, 200 000 ties in
# <= 20 s on 2 threads), with R-MAT scale 16 and 18 beside it. Prints wall time, CPU time and peak
# resident memory of the whole report, loading included. A benchmark, not a test.
#   bench/report_scale.sh [BUILD_DIR]          (default: build)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=$root/bench/out
mkdir -p "$out"
[ -x "$out/gen" ] || cc -O2 -o "$out/gen" "$root/bench/gen.c" -lm
[ -f "$out/report20k.csv" ] || "$out/gen" rmatn 0 --n 20000 --m 200000 --wmax 5 --seed 1 --csv "$out/report20k.csv" --quiet
for s in 16 18; do [ -f "$out/rmat$s.csv" ] || "$out/gen" rmat $s --seed 1 --csv "$out/rmat$s.csv" --quiet; done
printf '%-14s %10s %10s %12s\n' network wall_s cpu_s peak_MiB
for f in report20k rmat16 rmat18; do
    /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$build/leverage" analyze "$out/$f.csv" >/dev/null 2>&1
    read -r wall user sys rss < "$out/time.txt"
    printf '%-14s %10s %10.2f %12.1f\n' "$f" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc -l)"
done
