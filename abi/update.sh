#!/usr/bin/env bash
# Regenerate the ABI baseline abi/libleverage.abi from a -g build of the current tree.
#   abi/update.sh [BUILD_DIR]
# ABI_NAME=leverage_mpi abi/update.sh [BUILD_DIR] regenerates abi/libleverage_mpi.abi instead.
# Run it only when the ABI is meant to change (see abi/README.md), and commit the new baseline
# with the change that made it, saying why in the commit message.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
abi_library "${1:-}"
abidw "${ABIDW_FLAGS[@]}" --out-file "$BASELINE.new" "$LIB"
mv "$BASELINE.new" "$BASELINE"
nfun=$(grep -c "<elf-symbol name='lev_[a-z0-9_]*' .*type='func-type'" "$BASELINE" || true)
echo "abi: wrote $BASELINE from $LIB ($nfun exported functions)"
