#!/usr/bin/env bash
# Configures a build folder the one way both README commands use it, so that tools/setup.sh and
# tools/test.sh share build/ in either order without undoing each other's cache: every option
# that matters is given explicitly on each call (a cache left by an older script or by hand is
# overridden, never trusted).
#   tools/configure-build.sh build        RelWithDebInfo, -Werror, tests on
#   tools/configure-build.sh build-asan   Debug, -Werror, tests on, ASan + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
flags=(-DKB_WERROR=ON -DKB_BUILD_TESTS=ON -DKB_BUILD_TOOLS=ON -DKB_FUZZ=OFF)
if [ "$build_dir" = build-asan ]; then
  flags+=(-DKB_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
else
  flags+=(-DKB_SANITIZE=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi
cmake -S . -B "$build_dir" -G Ninja "${flags[@]}" >/dev/null
