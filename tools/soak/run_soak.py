#!/usr/bin/env python3
"""Indexes every shape of shapes.tsv (make_shapes.py) with kb-index under ASan/UBSan and reports.

    run_soak.py --kb-index BIN --shapes SHAPES_TSV --work DIR [--chunk N] [--jobs N] [--threads N] [--timeout S]

Each shape is indexed in chunks of --chunk files, each chunk into its own fresh database (deleted
after the run), --jobs chunks at once, kb-index -j --threads. A chunk whose kb-index dies (no JSON
summary: a signal, or a sanitizer report that stopped it) is split in halves and re-run until the
crashing files stand alone, so one crash costs only a bisection and the other files are still
counted. Crashes are:
  * a one-file run that died (exit status >= 128 is a signal; ASan's SEGV handler and UBSan's
    halt_on_error exit 1), and a run killed after --timeout seconds (a hang, not bisected),
  * a failure whose reason starts with `crashed` or mentions AddressSanitizer / `runtime error`
    (kb-index that isolates files in worker processes reports a dead worker that way).
Sanitizer reports are the files ASan/LSan/UBSan write through log_path (asan.PID, ubsan.PID) and
the reports found in kb-index's stderr (GCC 12's UBSan writes there despite log_path), counted in
runs whose result is kept (the one-file runs of a bisection, not its intermediate halves).

Prints a Markdown table and the crash list on stdout; writes report.md and results.json into
--work. Exit status: 0 with no crash and no sanitizer report, 1 otherwise, 2 on a usage error.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

PRINT_LOCK = threading.Lock()


def note(message):
    with PRINT_LOCK:
        print(f"soak: {message}", file=sys.stderr, flush=True)


def list_files(folder):
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [os.path.join(root, f) for f in sorted(files) if f != "SOURCE.md" and not f.startswith(".")]
    return out


TOP_FRAME = re.compile(r"^\s*#\d+ ")


def summarise_report(path, frames=6):
    """The report's headline (ERROR / runtime error / leak line) and its first frames."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        return [f"(unreadable: {e})"]
    head = [l for l in lines if "ERROR:" in l or "runtime error" in l or "leak of" in l][:2]
    stack = [l.strip() for l in lines if TOP_FRAME.match(l)][:frames]
    summary = [l for l in lines if l.startswith("SUMMARY:")][:1]
    return (head or lines[:2]) + stack + summary


REPORT_START = re.compile(r"^==\d+==(ERROR|WARNING): |: runtime error: ")


def stderr_reports(path):
    """Sanitizer reports written to stderr, each from its first line to the next kb-index line."""
    blocks, current = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if REPORT_START.search(line):
                if current:
                    blocks.append("".join(current))
                current = [line]
            elif current is not None:
                if line.startswith("kb-index:"):
                    blocks.append("".join(current))
                    current = None
                else:
                    current.append(line)
    if current:
        blocks.append("".join(current))
    return blocks


class Runner:
    def __init__(self, args):
        self.args = args
        self.env = dict(os.environ)
        self.counter = 0
        self.counter_lock = threading.Lock()

    def next_id(self):
        with self.counter_lock:
            self.counter += 1
            return self.counter

    def run(self, corpus, shape, files):
        """One kb-index run over `files` into a fresh database. Returns a result dict."""
        run_dir = os.path.join(self.args.work, "runs", corpus, shape, f"run{self.next_id():05d}")
        san_dir = os.path.join(run_dir, "san")
        os.makedirs(san_dir)
        db = os.path.join(run_dir, "db")
        with open(os.path.join(run_dir, "files.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(files) + "\n")
        env = dict(self.env)
        env["ASAN_OPTIONS"] = f"detect_leaks=1:log_path={san_dir}/asan"
        env["UBSAN_OPTIONS"] = f"print_stacktrace=1:halt_on_error=1:log_path={san_dir}/ubsan"
        cmd = [self.args.kb_index, "--db", db, "--json", "-q", "--no-progress", "-j", str(self.args.threads), "--"]
        start = time.monotonic()
        timed_out = threading.Event()
        with open(os.path.join(run_dir, "stdout"), "wb") as out, open(os.path.join(run_dir, "stderr"), "wb") as err:
            proc = subprocess.Popen(cmd + files, stdout=out, stderr=err, env=env, stdin=subprocess.DEVNULL,
                                    start_new_session=True)

            def kill():
                timed_out.set()
                try:
                    os.killpg(proc.pid, signal.SIGKILL)  # its own session: kb-index and its workers
                except ProcessLookupError:
                    pass

            timer = threading.Timer(self.args.timeout, kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)  # wait4 for the peak RSS (children included)
            timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        rc = proc.returncode  # negative: killed by that signal
        summary = None
        with open(os.path.join(run_dir, "stdout"), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("{"):
                    try:
                        summary = json.loads(line)
                    except ValueError:
                        pass
        shutil.rmtree(db, ignore_errors=True)
        # GCC 12's shared libubsan ignores UBSAN_OPTIONS=log_path when libasan is loaded too (its
        # reports go to stderr; ASan's and LSan's do land in asan.PID): take them from stderr.
        for n, block in enumerate(stderr_reports(os.path.join(run_dir, "stderr"))):
            with open(os.path.join(san_dir, f"stderr.{n}"), "w", encoding="utf-8") as f:
                f.write(block)
        reports = sorted(os.path.join(san_dir, n) for n in os.listdir(san_dir))
        return {"dir": run_dir, "files": files, "rc": rc, "summary": summary, "reports": reports,
                "seconds": seconds, "maxrss_kb": usage.ru_maxrss, "timed_out": timed_out.is_set()}

    def run_with_bisection(self, corpus, shape, files, label):
        """Runs files; a run that died is split until each crash is one file. Returns the kept runs."""
        result = self.run(corpus, shape, files)
        result["spent"] = result["seconds"]
        # Not bisected: a hang, and an exit 0/2 without summary or report (kb-index refused to run).
        refused = result["rc"] in (0, 2) and not result["reports"]
        if not died(result) or len(files) == 1 or result["timed_out"] or refused:
            if died(result):
                note(f"{corpus}/{shape}: CRASH {files[0] if len(files) == 1 else f'({len(files)} files)'} "
                     f"({describe(result)})")
            return [result]
        note(f"{corpus}/{shape} {label}: kb-index died ({describe(result)}) on {len(files)} files; bisecting")
        half = len(files) // 2
        kept = (self.run_with_bisection(corpus, shape, files[:half], label + "a")
                + self.run_with_bisection(corpus, shape, files[half:], label + "b"))
        kept[0]["spent"] += result["seconds"]  # the dead run's time still counts for the shape
        kept[0].setdefault("bisected_reports", []).extend(result["reports"])
        return kept


def died(result):
    """No summary printed, or killed by a signal: the run ended before kb-index was done."""
    return result["summary"] is None or result["rc"] < 0 or result["rc"] >= 128


def describe(result):
    rc = result["rc"]
    if result.get("timed_out"):
        return f"timed out after {result['seconds']:.0f} s, killed"
    text = describe_status(rc)
    if result["reports"] and rc == 1:
        text += " (a sanitizer stopped it)"
    elif result["summary"] is None and not result["reports"]:
        try:
            with open(os.path.join(result["dir"], "stderr"), encoding="utf-8", errors="replace") as f:
                first = f.readline().strip()
        except OSError:
            first = ""
        text += ", no summary" + (f": {first[:100]}" if first else "")
    return text


def describe_status(rc):
    if rc < 0:
        try:
            return f"killed by {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit status {rc}"


CRASH_REASON = re.compile(r"^crashed|AddressSanitizer|runtime error|LeakSanitizer", re.I)


def reason_key(reason):
    """Failure reasons grouped: numbers and quoted names collapsed, cut short."""
    key = re.sub(r"\d[\d,.]+", "N", reason)  # numbers of two characters or more: sizes, counts
    key = re.sub(r"'[^']*'", "'…'", key)
    return key if len(key) <= 40 else key[:38] + "…"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kb-index", required=True)
    ap.add_argument("--shapes", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a kb-index run is killed as hung")
    args = ap.parse_args()
    if args.chunk < 1 or args.jobs < 1 or args.threads < 0:
        ap.error("--chunk and --jobs must be >= 1, --threads >= 0")
    args.work = os.path.abspath(args.work)
    os.makedirs(os.path.join(args.work, "runs"), exist_ok=True)

    shapes = []
    with open(args.shapes, encoding="utf-8") as f:
        for line in f:
            corpus, shape, folder, _files, _bytes = line.rstrip("\n").split("\t")
            shapes.append((corpus, shape, list_files(folder)))
    runner = Runner(args)
    wall_start = time.monotonic()
    futures = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for corpus, shape, files in shapes:
            for start in range(0, len(files), args.chunk):
                label = f"chunk{start // args.chunk:03d}"
                fut = pool.submit(runner.run_with_bisection, corpus, shape, files[start:start + args.chunk], label)
                futures[fut] = (corpus, shape)
        kept = collections.defaultdict(list)
        done_chunks = collections.Counter()
        total_chunks = collections.Counter(futures.values())
        for fut in concurrent.futures.as_completed(futures):
            key = futures[fut]
            kept[key].extend(fut.result())
            done_chunks[key] += 1
            if done_chunks[key] == total_chunks[key]:
                note(f"{key[0]}/{key[1]}: done ({total_chunks[key]} chunks, "
                     f"{time.monotonic() - wall_start:.0f} s since start)")
    wall = time.monotonic() - wall_start

    rows, crashes, reports_all = [], [], []
    for corpus, shape, files in shapes:
        runs = kept[(corpus, shape)]
        row = {"corpus": corpus, "shape": shape, "files": len(files), "documents": 0, "passages": 0,
               "text_bytes": 0, "seconds": 0.0, "failures": collections.Counter(), "crashes": 0,
               "sanitizer_reports": 0, "maxrss_kb": 0, "runs": len(runs)}
        for r in runs:
            s = r["summary"]
            row["seconds"] += r["spent"]
            row["maxrss_kb"] = max(row["maxrss_kb"], r["maxrss_kb"])
            row["sanitizer_reports"] += len(r["reports"])
            frames = [summarise_report(p) for p in r["reports"]]
            if died(r):
                row["crashes"] += 1
                path = r["files"][0] if len(r["files"]) == 1 else f"({len(r['files'])} files, see the run's files.txt)"
                crashes.append({"corpus": corpus, "shape": shape, "path": path, "status": describe(r),
                                "run": r["dir"], "reports": r["reports"], "frames": frames})
            elif r["rc"] not in (0, 2) and not r["reports"]:
                row["crashes"] += 1
                crashes.append({"corpus": corpus, "shape": shape, "path": f"({len(r['files'])} files)",
                                "status": describe_status(r["rc"]) + " after its summary", "run": r["dir"],
                                "reports": [], "frames": []})
            if s:
                row["documents"] += s.get("added", 0) + s.get("updated", 0)
                row["passages"] += s.get("passages", 0)
                row["text_bytes"] += s.get("text_bytes", 0)
                for f in s.get("failures", []):
                    reason = f.get("reason", "")
                    if CRASH_REASON.search(reason):
                        row["crashes"] += 1
                        crashes.append({"corpus": corpus, "shape": shape, "path": f.get("path", ""),
                                        "status": reason, "run": r["dir"], "reports": r["reports"],
                                        "frames": frames})
                    else:
                        row["failures"][reason_key(reason)] += 1
            if not died(r) and r["reports"]:
                reports_all.append({"corpus": corpus, "shape": shape, "run": r["dir"], "files": len(r["files"]),
                                    "reports": r["reports"], "frames": frames})
        rows.append(row)

    lines = []
    lines.append("| corpus | shape | files | documents | passages | text MB | seconds | failures (by reason) "
                 "| crashes | sanitizer reports |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|")
    total = collections.Counter()
    for row in rows:
        failures = "; ".join(f"{n}× {k}" for k, n in row["failures"].most_common()) or "—"
        lines.append(f"| {row['corpus']} | {row['shape']} | {row['files']} | {row['documents']} | {row['passages']} "
                     f"| {row['text_bytes'] / 1e6:.2f} | {row['seconds']:.0f} | {failures} | {row['crashes']} "
                     f"| {row['sanitizer_reports']} |")
        for k in ("files", "documents", "passages", "text_bytes", "crashes", "sanitizer_reports"):
            total[k] += row[k]
        total["seconds"] += row["seconds"]
        total["failures"] += sum(row["failures"].values())
    lines.append(f"| **total** | | {total['files']} | {total['documents']} | {total['passages']} "
                 f"| {total['text_bytes'] / 1e6:.2f} | {total['seconds']:.0f} | {total['failures']} "
                 f"| {total['crashes']} | {total['sanitizer_reports']} |")
    peak = max((row["maxrss_kb"] for row in rows), default=0)
    lines.append("")
    lines.append(f"Wall time {wall:.0f} s for {sum(row['runs'] for row in rows)} kept kb-index runs "
                 f"(chunks of {args.chunk} files, {args.jobs} at once, kb-index -j {args.threads}); "
                 f"seconds per shape add up the wall time of its runs, bisection included; "
                 f"peak RSS of one kb-index run {peak / 1024:.0f} MiB.")
    lines.append("")
    lines.append(f"## Crashes ({len(crashes)})")
    lines.append("")
    if not crashes:
        lines.append("None.")
    else:
        # One row per file name and report headline, the shapes it crashed in beside.
        grouped = collections.OrderedDict()
        for c in crashes:
            frames = c["frames"][0] if c["frames"] else []
            headline = frames[0].strip() if frames else c["status"]
            headline = re.sub(r"^==\d+==", "", headline)
            ours = [f for f in frames[1:] if TOP_FRAME.match(f) and "../" in f and "/usr/include/" not in f]
            frame = re.sub(r"^#\d+ 0x[0-9a-f]+ in ", "", ours[0]) if ours else "—"
            key = (os.path.basename(c["path"]), headline, frame)
            grouped.setdefault(key, []).append(f"{c['corpus']}/{c['shape']}")
        lines.append("| file | shapes | report | first frame in kb |")
        lines.append("|---|---|---|---|")
        for (name, headline, frame), where in grouped.items():
            lines.append(f"| `{name}` | {', '.join(where)} | {headline.replace('|', '/')} | `{frame}` |")
        lines.append("")
    for c in crashes:
        lines.append(f"- **{c['corpus']}/{c['shape']}**: `{c['path']}` — {c['status']} (run `{c['run']}`)")
        for report, frames in zip(c["reports"], c["frames"]):
            lines.append(f"  - `{os.path.basename(report)}`:")
            lines.append("    ```")
            lines += [f"    {l}" for l in frames]
            lines.append("    ```")
    lines.append("")
    lines.append(f"## Sanitizer reports in runs that finished ({sum(len(r['reports']) for r in reports_all)})")
    lines.append("")
    if not reports_all:
        lines.append("None.")
    for r in reports_all:
        lines.append(f"- **{r['corpus']}/{r['shape']}**, run `{r['run']}` ({r['files']} files):")
        for report, frames in zip(r["reports"], r["frames"]):
            lines.append(f"  - `{os.path.basename(report)}`:")
            lines.append("    ```")
            lines += [f"    {l}" for l in frames]
            lines.append("    ```")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(args.work, "report.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(args.work, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": [{**r, "failures": dict(r["failures"])} for r in rows], "crashes": crashes,
                   "reports": reports_all, "wall_seconds": wall, "chunk": args.chunk, "jobs": args.jobs,
                   "threads": args.threads}, f, ensure_ascii=False, indent=1)
    bad = total["crashes"] + total["sanitizer_reports"]
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
