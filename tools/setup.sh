#!/usr/bin/env bash
# The first README command: installs what is missing, builds kb-index and kb-search, indexes the
# shipped corpus/ into ./.kb and runs example searches. Shares build/ with tools/test.sh (same
# configuration, tools/configure-build.sh), so the two commands work in either order.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
tools/configure-build.sh build
ninja -C build kb-index kb-search

echo
echo "== kb-index corpus/"
build/bin/kb-index --db .kb corpus
for query in "GPU 1.3만장" "Silicon Valley investment" "실리콘밸리"; do
  echo
  echo "== kb-search \"$query\""
  build/bin/kb-search --db .kb --limit 6 "$query"
done
