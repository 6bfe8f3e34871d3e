# Sourced by abi/check.sh and abi/update.sh: find or make a -g build of libleverage.so (or of
# libleverage_mpi.so, with ABI_NAME=leverage_mpi: its baseline is abi/libleverage_mpi.abi).
#   abi_library [BUILD_DIR]   sets LIB to the shared library's real path, or exits 2
# With BUILD_DIR: a libleverage.so there with debug info is taken as it is; without one, BUILD_DIR
# is configured (RelWithDebInfo, library only) and built. Without BUILD_DIR: the scratch build
# dir build-abi/ of this tree is configured and brought up to date every time (never a stale
# library). A library without debug info is refused (abidiff needs DWARF).
ABI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$ABI_DIR/.." && pwd)
ABI_NAME=${ABI_NAME:-leverage}
BASELINE=$ABI_DIR/lib$ABI_NAME.abi

# (No `| grep -q`: under pipefail, readelf's SIGPIPE would make the test fail at random.)
has_debug_info() { [[ $(readelf -S "$1" 2>/dev/null) == *.debug_info* ]]; }

abi_library() {
    local dir=${1:-$ROOT/build-abi}
    local so=$dir/libleverage.so
    [ "$ABI_NAME" = leverage_mpi ] && so=$dir/src/mpi/libleverage_mpi.so
    if [ -z "${1:-}" ] || [ ! -e "$so" ]; then
        echo "abi: building a -g lib$ABI_NAME.so in $dir" >&2
        cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEV_BUILD_TESTS=OFF -DLEV_BUILD_CLI=OFF \
            -DLEV_BUILD_LUA=OFF >/dev/null || exit 2
        cmake --build "$dir" --target "$ABI_NAME" -j2 >/dev/null || exit 2
    fi
    [ -e "$so" ] || { echo "abi: no $(basename "$so") in $dir after building" >&2; exit 2; }
    LIB=$(readlink -f "$so")
    if ! has_debug_info "$LIB"; then
        echo "abi: $LIB has no debug info: give a Debug or RelWithDebInfo build dir, or none (a scratch build is made)" >&2
        exit 2
    fi
    for tool in abidw abidiff; do
        command -v $tool >/dev/null || { echo "abi: $tool not found (apt-get install abigail-tools)" >&2; exit 2; }
    done
}

# The flags that make a baseline: public types only, no paths or line numbers (so the file does
# not change with the build directory or with edits to comments in the header).
ABIDW_FLAGS=(--headers-dir "$ROOT/include" --drop-private-types --no-show-locs --no-corpus-path
             --no-comp-dir-path --no-elf-needed)
