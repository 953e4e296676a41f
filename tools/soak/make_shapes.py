#!/usr/bin/env python3
"""Writes the soak shapes of every corpus under DATA_DIR into OUT_DIR (standard library only).

    make_shapes.py DATA_DIR OUT_DIR [--only NAME ...]

One folder per corpus and shape, OUT_DIR/<corpus>/<shape>/, plus OUT_DIR/shapes.tsv with one row
per shape: corpus, shape, folder, files, bytes. A corpus whose source files are missing is
skipped with a note on stderr. Names for --only: reuters, wikinews, korquad, klue, kmou, parallel,
sci-news, format-samples (format samples are not copied: their row points at DATA_DIR).

Formats are those of each corpus's SOURCE.md. Nothing here is tuned to what kb-index does with the
text; the shapes are plain renderings of the data.
"""
import argparse
import csv
import glob
import gzip
import html
import io
import json
import os
import re
import sys
import tarfile

CORPORA = ["reuters", "wikinews", "korquad", "klue", "kmou", "parallel", "sci-news", "format-samples"]


class Out:
    """Collects the shapes written and the manifest rows."""

    def __init__(self, root):
        self.root = root
        self.rows = []

    def shape(self, corpus, shape):
        return ShapeWriter(self, corpus, shape)


class ShapeWriter:
    def __init__(self, out, corpus, shape):
        self.out, self.corpus, self.shape = out, corpus, shape
        self.dir = os.path.join(out.root, corpus, shape)
        os.makedirs(self.dir, exist_ok=True)
        self.files = 0
        self.bytes = 0

    def write(self, name, text):
        data = text.encode("utf-8")
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.out.rows.append((self.corpus, self.shape, self.dir, self.files, self.bytes))
            print(f"make_shapes: {self.corpus}/{self.shape}: {self.files} files, {self.bytes} bytes", file=sys.stderr)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text):
    """Normalises line ends and drops C0 control characters (SGML Reuters has &#2; &#3; …)."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# ---------------------------------------------------------------- Reuters-21578

def decode_bytes(raw):
    """UTF-8 when the bytes are valid UTF-8, else CP1252 (latin-1 for its five holes)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def unescape(text):
    # SGML numeric references below 32 are control characters (&#3; ends a story): dropped by clean().
    return clean(html.unescape(text))


REUTERS_DOC = re.compile(rb"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(rb'NEWID="(\d+)"')


def tag(doc, name):
    m = re.search(rb"<" + name + rb"\b[^>]*>(.*?)</" + name + rb">", doc, re.S)
    return m.group(1) if m else None


def reuters_stories(data_dir):
    """Yields (source stem, NEWID, title, dateline, body) per story with a BODY, as decoded text."""
    folder = os.path.join(data_dir, "reuters21578")
    paths = sorted(glob.glob(os.path.join(folder, "reut2-*.sgm")) + glob.glob(os.path.join(folder, "reut2-*.xml.gz"))
                   + glob.glob(os.path.join(folder, "reut2-*.xml")))
    seen = set()
    for path in paths:
        stem = os.path.basename(path).split(".")[0]
        if stem in seen:  # the same file in two forms
            continue
        seen.add(stem)
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            raw = f.read()
        for m in REUTERS_DOC.finditer(raw):
            attrs, doc = m.group(1), m.group(2)
            body = tag(doc, b"BODY")
            if body is None:
                continue
            newid = NEWID.search(attrs)
            title = tag(doc, b"TITLE") or b""
            dateline = tag(doc, b"DATELINE") or b""
            yield (stem, newid.group(1).decode() if newid else "unknown",
                   unescape(decode_bytes(title)).strip(), unescape(decode_bytes(dateline)),
                   unescape(decode_bytes(body)))


def join_paragraphs(text):
    """Joins hard-wrapped lines; a blank line or an indented line starts a paragraph."""
    paragraphs, current = [], []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if line[:1] in (" ", "\t") and current:
            paragraphs.append(" ".join(current))
            current = []
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def make_reuters(data_dir, out):
    stories = list(reuters_stories(data_dir))
    if not stories:
        return False
    with out.shape("reuters", "as-printed") as printed:
        for stem, newid, title, dateline, body in stories:
            text = (title + "\n\n" if title else "") + dateline + body
            printed.write(f"{stem}_newid{newid}.txt", text if text.endswith("\n") else text + "\n")
    with out.shape("reuters", "paragraphs") as joined:
        for stem, newid, title, dateline, body in stories:
            text = (title + "\n\n" if title else "") + join_paragraphs(dateline.strip() + " " + body.lstrip())
            joined.write(f"{stem}_newid{newid}.txt", text)
    return True


# ---------------------------------------------------------------- Korean corpora

def make_wikinews(data_dir, out):
    path = os.path.join(data_dir, "ko-wikinews", "wikinews.csv")
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with out.shape("wikinews", "articles") as w:
        for i, row in enumerate(rows[1:], 1):
            date, _url, title, body = (row + ["", "", "", ""])[:4]
            w.write(f"wikinews_{i:04d}.txt", clean(f"{title}\n\n{date}\n\n{body}\n"))
    return True


def make_korquad(data_dir, out):
    path = os.path.join(data_dir, "korquad", "KorQuAD_v1.0_dev.json")
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with out.shape("korquad", "contexts") as w:
        n = 0
        for article in data["data"]:
            for paragraph in article["paragraphs"]:
                n += 1
                w.write(f"korquad_{n:04d}.txt", clean(paragraph["context"]) + "\n")
    return True


def chunks(items, size):
    for i in range(0, len(items), size):
        yield i // size, items[i:i + size]


GUID_LINE = re.compile(r"^## \S+\t(.*)$")  # "## <guid>\t<sentence>"; the column-name comment has spaces


def klue_ner_sentences(path):
    """Sentences rebuilt from the character rows (char<TAB>tag; a space is its own row)."""
    sentences, chars, in_sentence = [], [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## "):
                in_sentence = GUID_LINE.match(line) is not None  # "## <guid>\t<tagged sentence>" opens one
                continue
            if not line.strip("\r"):
                if chars:
                    sentences.append("".join(chars))
                chars = []
                continue
            if in_sentence:
                chars.append(line.split("\t", 1)[0])
    if chars:
        sentences.append("".join(chars))
    return sentences


def klue_dp_sentences(path):
    sentences = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = GUID_LINE.match(line.rstrip("\n"))
            if m:
                sentences.append(m.group(1))
    return sentences


def klue_pair_sentences(path, keys):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return [item[k] for item in data for k in keys if item.get(k)]


def make_klue(data_dir, out, chunk=100):
    folder = os.path.join(data_dir, "klue")
    sources = [
        ("ner", "klue-ner-v1.1_dev.tsv", klue_ner_sentences),
        ("dp", "klue-dp-v1.1_dev.tsv", klue_dp_sentences),
        ("nli", "klue-nli-v1.1_dev.json", lambda p: klue_pair_sentences(p, ("premise", "hypothesis"))),
        ("sts", "klue-sts-v1.1_dev.json", lambda p: klue_pair_sentences(p, ("sentence1", "sentence2"))),
    ]
    found = [(name, os.path.join(folder, file), read) for name, file, read in sources
             if os.path.exists(os.path.join(folder, file))]
    if not found:
        return False
    sentences = {name: [clean(s).strip() for s in read(path)] for name, path, read in found}
    with out.shape("klue", f"sentence-chunks-{chunk}") as w:
        for name, items in sentences.items():
            for n, part in chunks(items, chunk):
                w.write(f"klue_{name}_{n:03d}.txt", "\n".join(part) + "\n")
    with out.shape("klue", "whole-files") as w:
        for name, items in sentences.items():
            w.write(f"klue_{name}.txt", "\n".join(items) + "\n")
    return True


def kmou_files(path):
    """(file name, [sentences]) per corpus file; a sentence is the raw `## ` line, else its rows rebuilt."""
    with tarfile.open(path, "r:gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            text = decode_bytes(tar.extractfile(member).read())
            sentences = []
            for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
                header = [l[3:] for l in block.split("\n") if l.startswith("## ")]
                rows = [l.split("\t") for l in block.split("\n") if l and not l.startswith("##")]
                if len(header) >= 2:
                    sentences.append(header[1])  # ## n, ## raw sentence, ## tagged sentence
                elif rows:
                    sentences.append("".join(" " if r[0] == "_" else r[0] for r in rows))
            yield os.path.basename(member.name), [clean(s).strip() for s in sentences if s.strip()]


def make_kmou(data_dir, out, chunk=500):
    path = os.path.join(data_dir, "kmou-ner", "kmou-ner-corpus.tar.gz")
    if not os.path.exists(path):
        return False
    files = list(kmou_files(path))
    with out.shape("kmou", "per-source-file") as w:
        for name, sentences in files:
            if sentences:
                w.write(name, "\n".join(sentences) + "\n")
    everything = [s for _, sentences in files for s in sentences]
    with out.shape("kmou", f"paragraph-chunks-{chunk}") as w:
        # Sentences run together, 10 to a paragraph: long passages cut at sentence boundaries.
        for n, part in chunks(everything, chunk):
            paragraphs = [" ".join(p) for _, p in chunks(part, 10)]
            w.write(f"kmou_{n:03d}.txt", "\n\n".join(paragraphs) + "\n")
    return True


def make_parallel(data_dir, out):
    folder = os.path.join(data_dir, "ko-en-news-parallel")
    paths = sorted(glob.glob(os.path.join(folder, "*.ko")) + glob.glob(os.path.join(folder, "*.en")))
    if not paths:
        return False

    def lines(path):
        with open(path, "rb") as f:
            return [clean(decode_bytes(l)).strip() for l in f.read().split(b"\n")]

    split_of = {p: os.path.basename(p).split(".")[-2] for p in paths}  # korean-english-park.dev.ko → dev
    line_split = "dev" if "dev" in split_of.values() else sorted(split_of.values())[0]
    with out.shape("parallel", f"{line_split}-line-per-file") as w:
        for path in paths:
            if split_of[path] != line_split:
                continue
            lang = os.path.basename(path).split(".")[-1]
            for i, line in enumerate(lines(path), 1):
                if line:
                    w.write(f"{line_split}_{lang}_{i:05d}.txt", line + "\n")
    with out.shape("parallel", "whole-files") as w:
        for path in paths:
            w.write(os.path.basename(path).replace(".", "_") + ".txt", "\n".join(lines(path)).strip("\n") + "\n")
    return True


def make_sci_news(data_dir, out):
    paths = sorted(glob.glob(os.path.join(data_dir, "sci-news-sum-kr-50", "data", "*.json")))
    if not paths:
        return False
    articles = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            articles.append((os.path.basename(path)[:-5], json.load(f)))
    with out.shape("sci-news", "sentence-lines") as w:
        for stem, a in articles:
            w.write(f"sci_{stem}.txt", clean(a.get("title", "") + "\n\n" + "\n".join(a.get("sentences", [])) + "\n"))
    with out.shape("sci-news", "one-paragraph") as w:
        for stem, a in articles:
            body = ". ".join(s.strip() for s in a.get("sentences", [])) + "."
            w.write(f"sci_{stem}.txt", clean(a.get("title", "") + "\n\n" + body + "\n"))
    return True


def make_format_samples(data_dir, out):
    folder = os.path.join(data_dir, "format-samples")
    files = sorted(p for p in glob.glob(os.path.join(folder, "**", "*"), recursive=True)
                   if os.path.isfile(p) and os.path.basename(p) != "SOURCE.md")
    if not files:
        return False
    # Used in place, as they are; the row's folder is the data folder itself.
    out.rows.append(("format-samples", "as-is", folder, len(files), sum(os.path.getsize(p) for p in files)))
    print(f"make_shapes: format-samples/as-is: {len(files)} files (in place)", file=sys.stderr)
    return True


MAKERS = {
    "reuters": make_reuters, "wikinews": make_wikinews, "korquad": make_korquad, "klue": make_klue,
    "kmou": make_kmou, "parallel": make_parallel, "sci-news": make_sci_news, "format-samples": make_format_samples,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--only", nargs="+", choices=CORPORA, default=CORPORA)
    args = ap.parse_args()
    out = Out(os.path.abspath(args.out_dir))
    os.makedirs(out.root, exist_ok=True)
    for name in CORPORA:
        if name in args.only and not MAKERS[name](os.path.abspath(args.data_dir), out):
            print(f"make_shapes: {name}: no source files under {args.data_dir}, skipped", file=sys.stderr)
    with open(os.path.join(out.root, "shapes.tsv"), "w", encoding="utf-8") as f:
        for row in out.rows:
            f.write("\t".join(str(c) for c in row) + "\n")
    return 0 if out.rows else 1


if __name__ == "__main__":
    sys.exit(main())
