#!/bin/sh
# Rewrite the option tables of docs/cli.md from the tool's own tables:
#   docs/tools/cli-options.sh [PATH/TO/leverage]      (default: build/leverage)
# Each block between `<!-- options: COMMAND -->` and `<!-- /options -->` is replaced by the output
# of `leverage help --markdown COMMAND`. tests/test_cli.c fails when a block differs from it.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-$root/build/leverage}
doc=$root/docs/cli.md
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
awk -v cli="$cli" '
  /^<!-- options: [a-z]+ -->$/ {
    print; skip = 1
    run = cli " help --markdown " $3
    while ((run | getline line) > 0) print line
    close(run)
    next
  }
  /^<!-- \/options -->$/ { skip = 0 }
  !skip { print }
' "$doc" > "$tmp"
cat "$tmp" > "$doc"
