#!/usr/bin/env bash
# Build the fuzz targets with clang's libFuzzer + ASan + UBSan and run each for SECONDS.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     # default 60 s each; targets: edges_csv actors_csv
#                                               # resources_csv api graphml pajek gml (default: all)
#
# Needs: apt-get install clang libclang-rt-14-dev (any clang with libFuzzer will do; CC=clang-NN).
# The library's src/*.c are compiled straight into each fuzzer (OpenMP off). New inputs go to
# $FUZZ_WORK/corpus/<target> (default /tmp/lev-fuzz), seeded from tests/fuzz/corpus/<target>, which
# is only read; a crash leaves $FUZZ_WORK/artifacts/<target>-crash-* and makes the script fail
# (after all targets ran). Extra compiler flags: FUZZ_CFLAGS. Extra libFuzzer flags: FUZZ_FLAGS.
# Prints per target: executions, coverage (cov: edges, ft: features) and corpus size.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(edges_csv actors_csv resources_csv api graphml pajek gml)
CC=${CC:-clang}
work=${FUZZ_WORK:-/tmp/lev-fuzz}
mkdir -p "$work/bin" "$work/artifacts" "$work/logs"
command -v "$CC" >/dev/null || { echo "run.sh: $CC not found (apt-get install clang libclang-rt-14-dev)"; exit 2; }

# The optional dependencies (GraphML through expat, gzip through zlib), when their headers are here.
opt_defs= opt_libs=
[ -f /usr/include/expat.h ] && opt_defs="$opt_defs -DLEV_HAVE_EXPAT" && opt_libs="$opt_libs -lexpat"
[ -f /usr/include/zlib.h ] && opt_defs="$opt_defs -DLEV_HAVE_ZLIB" && opt_libs="$opt_libs -lz"

failed=0
summary=()
for t in "${targets[@]}"; do
    src="$here/fuzz_$t.c"
    [ -f "$src" ] || { echo "run.sh: no target $t ($src)"; exit 2; }
    bin="$work/bin/fuzz_$t"
    echo "== building fuzz_$t"
    # shellcheck disable=SC2086
    if ! "$CC" -std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
            -fno-sanitize-recover=all -Wno-unknown-pragmas ${FUZZ_CFLAGS:-} \
            -I"$root/include" -I"$root/src" $opt_defs "$src" "$root"/src/*.c $opt_libs -lm -lpthread -o "$bin"; then
        echo "run.sh: cannot build fuzz_$t (is libclang-rt-14-dev installed?)"
        exit 2
    fi
    mkdir -p "$work/corpus/$t"
    log="$work/logs/$t.log"
    echo "== running fuzz_$t for ${secs}s (log: $log)"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
        -dict="$here/csv.dict" -artifact_prefix="$work/artifacts/$t-" ${FUZZ_FLAGS:-} \
        "$work/corpus/$t" "$here/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
    line="$t: ${secs}s, ${execs:-?} execs, cov: ${cov:-?} ft: ${ft:-?} corp: ${corp:-?}"
    if [ $rc -ne 0 ]; then
        failed=1
        line="$line  FAILED (exit $rc)"
        echo "---- fuzz_$t failed; the end of its log:"
        tail -n 60 "$log"
        ls -1 "$work/artifacts/$t-"* 2>/dev/null | sed 's/^/reproducer: /'
    fi
    summary+=("$line")
done
echo
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $failed
