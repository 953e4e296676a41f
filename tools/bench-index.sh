#!/usr/bin/env bash
# Indexing throughput, whole process, kb-index beside omindex (Debian's xapian-omega) on the same
# folder in the same run: wall seconds, files/s, MB/s of input, and for kb the MB/s of extracted
# text. "Indexed" compares what each tool got out of the files: documents in the database and
# term occurrences (document count × average document length, from xapian-delve).
# Usage: tools/bench-index.sh FOLDER [RUNS=3] [KB_BIN_DIR=build/bin]
# Needs: xapian-omega (omindex), xapian-tools (xapian-delve), poppler-utils and unzip (omindex's
# PDF and OOXML filters). Each run starts from an empty database; the median run is reported.
set -euo pipefail
folder=$(realpath "$1")
runs=${2:-3}
bin=$(realpath "${3:-$(dirname "$0")/../build/bin}")
command -v omindex >/dev/null || { echo "bench-index: omindex not found (apt-get install xapian-omega)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files=$(find "$folder" -type f ! -name '.*' | wc -l)
bytes=$(find "$folder" -type f ! -name '.*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')

delve_stats() {  # prints "documents term_occurrences"
  xapian-delve "$1" | awk '/number of documents/ {n=$NF} /average document length/ {a=$NF} END {printf "%d %d\n", n, n*a}'
}
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# /usr/bin/time: wall seconds and CPU seconds (user + system, children included: omindex runs
# pdftotext and unzip as child processes). CPU time is the fairer number on a shared machine.
kb_times=() om_times=() kb_cpus=() om_cpus=()
for i in $(seq "$runs"); do
  rm -rf "$tmp/kb" "$tmp/om"
  /usr/bin/time -f '%e %U %S' -o "$tmp/kb.time" "$bin/kb-index" --db "$tmp/kb" --json -q --no-progress "$folder" \
    > "$tmp/kb.json" 2> "$tmp/kb.err" || true
  /usr/bin/time -f '%e %U %S' -o "$tmp/om.time" omindex --db "$tmp/om" --url / "$folder" > "$tmp/om.out" 2>&1 || true
  kb_times+=("$(awk 'END {print $1}' "$tmp/kb.time")"); kb_cpus+=("$(awk 'END {print $2 + $3}' "$tmp/kb.time")")
  om_times+=("$(awk 'END {print $1}' "$tmp/om.time")"); om_cpus+=("$(awk 'END {print $2 + $3}' "$tmp/om.time")")
done
kb_t=$(printf '%s\n' "${kb_times[@]}" | median)
om_t=$(printf '%s\n' "${om_times[@]}" | median)
kb_c=$(printf '%s\n' "${kb_cpus[@]}" | median)
om_c=$(printf '%s\n' "${om_cpus[@]}" | median)
read -r kb_added kb_failed kb_text < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["added"], d["failed"], d["text_bytes"])' "$tmp/kb.json")
read -r kb_records kb_terms < <(delve_stats "$tmp/kb")
read -r om_docs om_terms < <(delve_stats "$tmp/om")

printf 'folder: %s (%d files, %.1f MB), median of %d runs\n\n' "$folder" "$files" "$(echo "$bytes/1048576" | bc -l)" "$runs"
printf '| tool | wall s | CPU s | files/s (wall) | input MB/s (wall) | documents indexed | failed/refused | extracted text MB/s (wall) | term occurrences |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
printf '| kb-index | %.2f | %.2f | %.1f | %.2f | %d | %d | %.2f | %d |\n' "$kb_t" "$kb_c" "$(echo "$files/$kb_t" | bc -l)" \
  "$(echo "$bytes/1048576/$kb_t" | bc -l)" "$kb_added" "$kb_failed" "$(echo "$kb_text/1048576/$kb_t" | bc -l)" "$kb_terms"
printf '| omindex | %.2f | %.2f | %.1f | %.2f | %d | %d | n/a | %d |\n' "$om_t" "$om_c" "$(echo "$files/$om_t" | bc -l)" \
  "$(echo "$bytes/1048576/$om_t" | bc -l)" "$om_docs" "$((files - om_docs))" "$om_terms"
printf '\nkb: %d passage+document records; omindex: %d documents. Load average: %s\n' "$kb_records" "$om_docs" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
