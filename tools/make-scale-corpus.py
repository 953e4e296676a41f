#!/usr/bin/env python3
"""Builds the scale collection of issue 16 from the shared corpora: the 961 KorQuAD 1.0 dev
paragraphs (each a file, with its questions) among N - 961 passages of other real Korean
sentences (KLUE DP/NER/NLI/STS dev, KMOU NER, the Korean side of ko-en-news-parallel, ko-wikinews bodies,
sci-news-sum-kr-50), drawn with a fixed seed, each a file of 2 to 7 sentences (about 600 bytes,
like a KorQuAD paragraph).

  tools/make-scale-corpus.py DATA_DIR OUT_DIR --passages 100000 [--seed 16]

Writes OUT_DIR/passages/NNN/*.txt (1,000 files a folder; `kq-NNNNN.txt` are KorQuAD paragraphs)
and OUT_DIR/questions.tsv (`question_id<TAB>question<TAB>kq-NNNNN`), the format kb-search --batch
and tools/scale-bench.sh read. The corpora are research-only: the output stays outside the
project. Known weakness: the filler passages are sentences from different articles put together,
so they are less coherent than real paragraphs (they still hold real words in real proportions).
"""
import argparse
import csv
import json
import os
import random
import re
import sys
import tarfile

csv.field_size_limit(1 << 30)
SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


def klue_dp(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## klue-dp"):
                parts = line.rstrip("\n").split("\t", 1)
                if len(parts) == 2:
                    yield parts[1]


def klue_json(path, keys):
    with open(path, encoding="utf-8") as f:
        for row in json.load(f):
            for key in keys:
                if isinstance(row.get(key), str):
                    yield row[key]


def klue_ner(path):
    # The second column of a `## klue-ner…` line is the sentence with `<text:TAG>` marks.
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## klue-ner"):
                parts = line.rstrip("\n").split("\t", 1)
                if len(parts) == 2:
                    yield re.sub(r"<([^:<>]*):[A-Z]+>", r"\1", parts[1])


def kmou(path):
    # Each sentence: `## N`, `## plain sentence`, `## tagged sentence`, then one token a line.
    with tarfile.open(path) as archive:
        for member in archive:
            if not member.isfile():
                continue
            comments = [line[3:] for line in archive.extractfile(member).read().decode("utf-8", "replace").splitlines()
                        if line.startswith("## ")]
            for i in range(1, len(comments), 3):
                yield comments[i]


def lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield line.strip()


def wikinews(path):
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for sentence in SENTENCE_END.split(row.get("내용", "")):
                yield sentence


def sci_news(folder):
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                data = json.load(f)
            for sentence in data.get("sentences", []) if isinstance(data, dict) else []:
                if isinstance(sentence, str):
                    yield sentence


def korean_sentences(data):
    sources = [
        klue_dp(os.path.join(data, "klue/klue-dp-v1.1_dev.tsv")),
        klue_ner(os.path.join(data, "klue/klue-ner-v1.1_dev.tsv")),
        kmou(os.path.join(data, "kmou-ner/kmou-ner-corpus.tar.gz")),
        klue_json(os.path.join(data, "klue/klue-nli-v1.1_dev.json"), ["premise", "hypothesis"]),
        klue_json(os.path.join(data, "klue/klue-sts-v1.1_dev.json"), ["sentence1", "sentence2"]),
        lines(os.path.join(data, "ko-en-news-parallel/korean-english-park.dev.ko")),
        lines(os.path.join(data, "ko-en-news-parallel/korean-english-park.test.ko")),
        wikinews(os.path.join(data, "ko-wikinews/wikinews.csv")),
        sci_news(os.path.join(data, "sci-news-sum-kr-50/data")),
    ]
    seen = set()
    for source in sources:
        for sentence in source:
            sentence = " ".join(sentence.split())
            if len(sentence) >= 10 and sentence not in seen:
                seen.add(sentence)
                yield sentence


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--passages", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    with open(os.path.join(args.data_dir, "korquad/KorQuAD_v1.0_dev.json"), encoding="utf-8") as f:
        korquad = json.load(f)
    paragraphs, questions = {}, []
    for article in korquad["data"]:
        for paragraph in article["paragraphs"]:
            name = paragraphs.setdefault(paragraph["context"], "kq-%05d" % len(paragraphs))
            for qa in paragraph["qas"]:
                questions.append((qa["id"], " ".join(qa["question"].split()), name))
    sentences = list(korean_sentences(args.data_dir))
    if not sentences:
        sys.exit("make-scale-corpus: no Korean sentences found under " + args.data_dir)
    rng = random.Random(args.seed)

    out = os.path.join(args.out_dir, "passages")
    written = 0
    text_bytes = 0

    def write(name, text):
        nonlocal written, text_bytes
        folder = os.path.join(out, "%03d" % (written // 1000))
        if written % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, name + ".txt"), "wb") as f:
            f.write(data)
        written += 1
        text_bytes += len(data)

    # KorQuAD paragraphs spread evenly through the collection, so shards and batches all hold some.
    korquad_items = sorted(paragraphs.items(), key=lambda item: item[1])
    filler = max(0, args.passages - len(korquad_items))
    every = max(1, (filler + len(korquad_items)) // max(1, len(korquad_items)))
    next_korquad = 0
    for i in range(filler + len(korquad_items)):
        if next_korquad < len(korquad_items) and (i % every == 0 or i >= filler + next_korquad):
            context, name = korquad_items[next_korquad]
            next_korquad += 1
            write(name, context)
        else:
            count = rng.randint(2, 7)
            write("p-%07d" % i, " ".join(rng.choice(sentences) for _ in range(count)))

    with open(os.path.join(args.out_dir, "questions.tsv"), "w", encoding="utf-8") as f:
        for qid, question, name in questions:
            f.write("%s\t%s\t%s\n" % (qid, question, name))
    print("make-scale-corpus: %d passages (%d KorQuAD), %.1f MB of text, %d questions, %d distinct sentences"
          % (written, len(korquad_items), text_bytes / 1e6, len(questions), len(sentences)))


if __name__ == "__main__":
    main()
