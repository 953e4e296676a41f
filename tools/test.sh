#!/usr/bin/env bash
# The second README command: installs what is missing, builds kb with warnings as errors and
# runs every test. Works before or after tools/setup.sh (tools/configure-build.sh).
#   tools/test.sh             build/ (RelWithDebInfo) + ctest
#   tools/test.sh --sanitize  build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer + ctest
# ctest fails when it finds no test (--no-tests=error): a build without tests is not a pass.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
tools/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
tools/configure-build.sh "$build_dir"
ninja -C "$build_dir" -j "$jobs"
(cd "$build_dir" && ctest --output-on-failure --no-tests=error -j "$jobs")
