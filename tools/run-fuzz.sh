#!/usr/bin/env bash
# Builds kb's libFuzzer targets with clang (build-fuzz/) and runs each for a bounded time,
# seeded with our fixtures (tests/data/readers) or, for analysis and query, our own texts and
# queries (corpus/, tools/fuzz/seeds/). Crashes are written to build-fuzz/crashes/.
# Leaks are checked with full malloc stacks so that tools/fuzz/lsan.supp (leaks inside Debian
# libraries only) can match them.
# Usage: tools/run-fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]   (targets: text markdown html
#        xml docx hwpx hwp hwprecords pdf zip analysis query; default all; hwprecords feeds raw
#        HWP 5 record streams to the record walker, seeded with streams from
#        tests/data/hwp-records/; analysis is the whole document analysis of a .txt file, seeded
#        with corpus/ and tools/fuzz/seeds/analysis/; query is kb-search's query, figure filter
#        and speaker, seeded with corpus/questions_*.tsv and tools/fuzz/seeds/query/).
#        Exit code: 0 clean, 1 a target found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
readers=("$@")
[ ${#readers[@]} -eq 0 ] && readers=(text markdown html xml docx hwpx hwp hwprecords pdf zip analysis query)
command -v clang++ >/dev/null || { echo "run-fuzz: clang++ not found (apt-get install clang)" >&2; exit 2; }

cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKB_FUZZ=ON -DKB_BUILD_TESTS=OFF -DKB_BUILD_TOOLS=OFF >/dev/null
ninja -C build-fuzz -j2 "${readers[@]/#/fuzz-}"

mkdir -p build-fuzz/crashes
status=0
for r in "${readers[@]}"; do
  corpus=build-fuzz/corpus/$r
  mkdir -p "$corpus"
  case $r in
    hwprecords) cp -n tests/data/hwp-records/* "$corpus"/ 2>/dev/null || true ;;
    analysis)
      cp -n tools/fuzz/seeds/analysis/* corpus/*/*.txt corpus/*/*.md tests/data/readers/text_*.txt \
        "$corpus"/ 2>/dev/null || true ;;
    query)
      cp -n tools/fuzz/seeds/query/* "$corpus"/ 2>/dev/null || true
      # One seed per question of corpus/questions_*.tsv (its first column).
      cut -f1 corpus/questions_*.tsv | awk -v dir="$corpus" '{ f = dir "/question-" NR ".txt"; printf "%s", $0 > f; close(f) }' ;;
    *) cp -n tests/data/readers/* "$corpus"/ 2>/dev/null || true ;;
  esac
  rm -f "$corpus"/zipbomb.docx "$corpus"/many_entries.zip.docx  # slow seeds, limits tested elsewhere
  echo "run-fuzz: fuzz-$r for ${seconds}s"
  # UBSan only prints and goes on unless told to halt: a report must fail the run like a crash.
  if ! ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      LSAN_OPTIONS=suppressions=tools/fuzz/lsan.supp build-fuzz/bin/fuzz-"$r" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -timeout=10 -max_len=262144 -artifact_prefix=build-fuzz/crashes/"$r"- -print_final_stats=1 \
      2> build-fuzz/fuzz-"$r".log; then
    echo "run-fuzz: fuzz-$r FAILED, see build-fuzz/fuzz-$r.log and build-fuzz/crashes/" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build-fuzz/fuzz-"$r".log | tr '\n' ' '; echo
done
exit $status
