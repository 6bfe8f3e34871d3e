#!/usr/bin/env bash
# The ABI gate: compare a -g build's libleverage.so (and libleverage_mpi.so) with the committed
# baselines.
#   abi/check.sh [BUILD_DIR]      (no BUILD_DIR: build-abi/, a RelWithDebInfo build, is made or updated)
#
# Passes (exit 0) when abidiff reports nothing: added functions and added enumerators are allowed
# and not reported (--no-added-syms; libabigail files enumerator insertions as harmless), nor are
# harmless changes such as a pointee becoming const.
# Fails (exit 1) on
#   - abidiff exit bit 8, an incompatible change: a function removed;
#   - abidiff exit bit 4, a change to something that shipped: abidiff does not call a changed
#     parameter or return type, an added parameter or a renumbered enumerator "incompatible", yet
#     each breaks callers. The report is printed for review; if the change is reviewed and meant,
#     accept it as abi/README.md says (a suppression in abi/suppressions.abignore, or a new
#     baseline with abi/update.sh). ABI_REVIEW_ONLY=1 makes bit 4 a warning (exit 0).
# Exit 2: no baseline, no build, no tools, or abidiff itself failed.
#
# Then the same for libleverage_mpi.so against abi/libleverage_mpi.abi (its own ABI, its own
# SONAME major), when MPI is there to build it (mpicc found; CI installs Open MPI); without MPI
# that half is skipped with a notice. ABI_NAME=leverage or leverage_mpi checks one library only.
set -uo pipefail
if [ -z "${ABI_NAME:-}" ]; then
    ABI_NAME=leverage "$0" "$@" || exit $?
    if command -v mpicc >/dev/null; then
        ABI_NAME=leverage_mpi exec "$0" "$@"
    fi
    echo "abi: no MPI (mpicc not found): libleverage_mpi's ABI not checked"
    exit 0
fi
source "$(dirname "$0")/lib.sh"
[ -f "$BASELINE" ] || { echo "abi: no baseline $BASELINE (run abi/update.sh)"; exit 2; }
abi_library "${1:-}"
suppr=()
[ -f "$ABI_DIR/suppressions.abignore" ] && suppr=(--suppressions "$ABI_DIR/suppressions.abignore")
report=$(abidiff --no-added-syms --drop-private-types --headers-dir2 "$ROOT/include" --fail-no-debug-info \
    "${suppr[@]}" "$BASELINE" "$LIB" 2>&1)
rc=$?
if (( rc & 1 )) || (( rc & 2 )); then
    echo "abi: abidiff failed (exit $rc):"
    echo "$report"
    exit 2
fi
if (( rc & 8 )); then
    echo "$report"
    echo
    echo "abi: FAIL: INCOMPATIBLE change against abi/$(basename "$BASELINE") (abidiff exit $rc: bit 8)."
    echo "abi: something that shipped is gone. Add a new symbol instead (STYLE.md rule 8); if the"
    echo "abi: break is intended (a new major, or 0.x before its release), see abi/README.md."
    exit 1
fi
if (( rc & 4 )); then
    echo "$report"
    echo
    echo "abi: REVIEW: abidiff reports a change to the existing ABI (exit $rc: bit 4)."
    echo "abi: a changed signature, return type or enumerator value breaks callers even though abidiff"
    echo "abi: does not say incompatible. Give the new behaviour a new name (STYLE.md rule 8), or, if the"
    echo "abi: change is reviewed and meant, accept it as abi/README.md says."
    [ "${ABI_REVIEW_ONLY:-0}" = 1 ] && { echo "abi: ABI_REVIEW_ONLY=1: passing anyway"; exit 0; }
    echo "abi: FAIL"
    exit 1
fi
echo "abi: $LIB is compatible with abi/$(basename "$BASELINE") (nothing removed or changed)"
exit 0
