#!/bin/sh
# Rewrite the option tables and output samples of docs/cli.md and README.md from the tool itself:
#   docs/tools/cli-options.sh [PATH/TO/leverage]      (default: build/leverage)
# Each block between `<!-- options: COMMAND -->` and `<!-- /options -->` is replaced by the output
# of `leverage help --markdown COMMAND`; each block between `<!-- output: ARGS -->` and
# `<!-- /output -->` by a text block of `$ leverage ARGS` and its output (run from the source
# root; ARGS may end in a pipe, e.g. `analyze | head -10`). tests/test_cli.c fails when a block
# differs from the tool.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-$root/build/leverage}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for doc in "$root/docs/cli.md" "$root/README.md"; do
awk -v cli="$cli" -v root="$root" '
  /^<!-- options: [a-z]+ -->$/ {
    print; skip = 1
    run = cli " help --markdown " $3
    while ((run | getline line) > 0) print line
    close(run)
    next
  }
  /^<!-- output: .* -->$/ {
    print; skip = 1
    args = $0; sub(/^<!-- output: /, "", args); sub(/ -->$/, "", args)
    print "```text"
    print "$ leverage " args
    run = "cd \"" root "\" && " cli " " args " 2>/dev/null"
    while ((run | getline line) > 0) print line
    close(run)
    print "```"
    next
  }
  /^<!-- \/options -->$/ || /^<!-- \/output -->$/ { skip = 0 }
  !skip { print }
' "$doc" > "$tmp"
cat "$tmp" > "$doc"
done
