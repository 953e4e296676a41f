#!/usr/bin/env bash
# The scale benchmark of issue 16: generates N passages from a data folder
# (tools/make-scale-corpus.py: KorQuAD dev paragraphs among other real Korean sentences), builds
# them with kb-index, runs the KorQuAD questions through `kb-search --batch` with cross-language
# expansion on (as shipped) and off, and prints build MB/s, CPU seconds, peak RSS, index bytes per
# text byte (as built and after --compact), R@1/R@5/R@20/MRR@10 and latency p50/p95/p99 — beside
# Xapian's n-gram index of the same text (kb-bench-ngram) in the same run.
#
#   tools/scale-bench.sh DATA_DIR [--passages N] [--shards S] [--work DIR] [--bin DIR] [--no-peer]
#
# DATA_DIR is ../shared/data (or a copy). The collection is kept in WORK/scale-N/ and reused by
# later runs; indexes are rebuilt every run. Timings are wall clock of whole processes on a
# possibly shared machine: the CPU seconds beside them say how busy it was.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${1:?usage: tools/scale-bench.sh DATA_DIR [--passages N] [--shards S] [--work DIR] [--bin DIR] [--no-peer]}
shift
passages=100000 shards=0 work=/tmp/kb-scale bin="$here/../build/bin" peer=1
while [ $# -gt 0 ]; do
  case "$1" in
    --passages) passages=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --no-peer) peer=0; shift ;;
    *) echo "scale-bench: unknown option $1" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$bin")
for tool in kb-index kb-search kb-bench-ngram; do
  [ -x "$bin/$tool" ] || { echo "scale-bench: $bin/$tool missing (build first: tools/test.sh)" >&2; exit 2; }
done
collection="$work/scale-$passages"
if [ ! -f "$collection/questions.tsv" ]; then
  rm -rf "$collection"
  python3 "$here/make-scale-corpus.py" "$data" "$collection" --passages "$passages"
fi
cut -f1,2 "$collection/questions.tsv" >"$work/queries-$passages.tsv"

db="$work/kb-$passages"
rm -rf "$db"
shard_args=()
[ "$shards" -gt 0 ] && shard_args=(--shards "$shards")
/usr/bin/time -f '%e %U %S %M' -o "$work/kb.time" \
  "$bin/kb-index" --db "$db" "${shard_args[@]}" --json -q --no-progress "$collection/passages" >"$work/kb-index.json"
built_bytes=$(du -sb "$db" | cut -f1)
/usr/bin/time -f '%e' -o "$work/compact.time" "$bin/kb-index" --db "$db" --compact -q >/dev/null
compact_bytes=$(du -sb "$db" | cut -f1)

for mode in shipped no-expand; do
  extra=()
  [ "$mode" = no-expand ] && extra=(--no-expand)
  "$bin/kb-search" --db "$db" --batch "$work/queries-$passages.tsv" -n 20 "${extra[@]}" \
    --latency "$work/latency-$mode.tsv" >"$work/hits-$mode.jsonl" || true
done

if [ "$peer" = 1 ]; then
  /usr/bin/time -f '%e %U %S %M' -o "$work/ngram.time" "$bin/kb-bench-ngram" --folder "$collection/passages" \
    --questions "$collection/questions.tsv" --db "$work/ngram-$passages" >"$work/ngram.json"
fi

python3 - "$work" "$collection/questions.tsv" "$passages" "$peer" "$built_bytes" "$compact_bytes" <<'EOF'
import json, os, sys
work, questions_path, passages, peer = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
built, compacted = int(sys.argv[5]), int(sys.argv[6])
gold = {}
for line in open(questions_path, encoding="utf-8"):
    qid, _, stem = line.rstrip("\n").split("\t")
    gold[qid] = stem

def quantile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0

def score(mode):
    ranked = {}
    for line in open(os.path.join(work, "hits-%s.jsonl" % mode), encoding="utf-8"):
        record = json.loads(line)
        qid = record.get("query", {}).get("id")
        stems = ranked.setdefault(qid, [])
        path = record.get("path") or record.get("doc", {}).get("path", "")
        stem = os.path.splitext(os.path.basename(path))[0]
        if path and stem not in stems:
            stems.append(stem)
    ranks = []
    for qid, stem in gold.items():
        stems = ranked.get(qid, [])
        ranks.append(stems.index(stem) + 1 if stem in stems else 0)
    n = len(ranks)
    recall = lambda k: sum(1 for r in ranks if 0 < r <= k) / n
    mrr = sum(1.0 / r for r in ranks if 0 < r <= 10) / n
    latencies = [float(l.split("\t")[1]) for l in open(os.path.join(work, "latency-%s.tsv" % mode))]
    return recall(1), recall(5), recall(20), mrr, quantile(latencies, .5), quantile(latencies, .95), quantile(latencies, .99)

summary = json.load(open(os.path.join(work, "kb-index.json")))
wall, user, system, rss_kb = open(os.path.join(work, "kb.time")).read().split()
text_mb = summary["text_bytes"] / 1e6
print("scale-bench: %s passages, %.1f MB of text, %d questions" % (summary["index"]["passages"], text_mb, len(gold)))
print("%-28s %8s %8s %8s %9s %8s %6s %6s %6s %6s %7s %7s %7s" % (
    "set-up", "build s", "MB/s", "CPU s", "RSS MB", "idx/text", "R@1", "R@5", "R@20", "MRR10", "p50 ms", "p95 ms", "p99 ms"))
compact = float(open(os.path.join(work, "compact.time")).read().split()[0])
for mode in ("shipped", "no-expand"):
    r1, r5, r20, mrr, p50, p95, p99 = score(mode)
    label = "kb %s (%s shards)" % (mode, summary["index"].get("shards", 1))
    print("%-28s %8.1f %8.2f %8.1f %9.0f %8.2f %6.3f %6.3f %6.3f %6.3f %7.2f %7.2f %7.2f" % (
        label, float(wall), text_mb / float(wall), float(user) + float(system), int(rss_kb) / 1024,
        built / (text_mb * 1e6), r1, r5, r20, mrr, p50, p95, p99))
print("kb --compact: %.1f s more; index/text %.2f as built, %.2f compacted (R@ and latency: the compacted index)" % (
    compact, built / (text_mb * 1e6), compacted / (text_mb * 1e6)))
if peer:
    n = json.load(open(os.path.join(work, "ngram.json")))
    wall, user, system, rss_kb = open(os.path.join(work, "ngram.time")).read().split()
    print("%-28s %8.1f %8.2f %8.1f %9.0f %8.2f %6.3f %6.3f %6.3f %6.3f %7.2f %7.2f %7.2f" % (
        "xapian n-gram OR (peer)*", n["build_seconds"], n["text_mb_per_s"], float(user) + float(system),
        int(rss_kb) / 1024, n["index_bytes"] / n["text_bytes"], n["r1"], n["r5"], n["r20"], n["mrr10"],
        n["p50_ms"], n["p95_ms"], n["p99_ms"]))
    print("* peer: CPU s and RSS of its whole process (build and all questions); build s and MB/s of its build alone")
EOF
