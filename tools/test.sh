#!/usr/bin/env bash
# The second README command: builds kb with warnings as errors and runs every test.
#   tools/test.sh             build/ (RelWithDebInfo) + ctest
#   tools/test.sh --sanitize  build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer + ctest
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
flags=(-DKB_WERROR=ON)
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  flags+=(-DKB_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$build_dir" -j "$jobs"
(cd "$build_dir" && ctest --output-on-failure -j "$jobs")
