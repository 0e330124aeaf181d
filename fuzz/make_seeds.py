#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets (fuzz/seeds/TARGET/*), which tests/fuzz_readers.rs
also mutates. Run from the repository root after `cargo build`:

    python3 fuzz/make_seeds.py

A small corpus of hostile Arabic texts (separators, bidi controls, emoji, flags, harakat,
presentation forms, an empty text) is written here with offsets from Python's str.find
(code points), then exported to every format by the taliq binary; a few hand-written files
cover what taliq's own writers never produce (IOB1 tags, brat fragments, Label Studio
predictions, doccano's "labels").
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

TALIQ = Path("target/debug/taliq")
SEEDS = Path("fuzz/seeds")

# (id, text, [(substring, occurrence, label)])
DOCUMENTS = [
    ("kremlin", "قال الكرملين إن 😀 روسيا", [("الكرملين", 0, "ORG"), ("روسيا", 0, "LOC")]),
    ("separators", "مرحبا hello\u2029world عالم\u2028سطر", [("hello", 0, "PER"), ("عالم", 0, "LOC")]),
    ("next-line", "x\u0085مرحبا\rb\r\nلروسيا", [("مرحبا", 0, "PER"), ("روسيا", 0, "LOC")]),
    ("harakat", "بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ", [("اللَّهِ", 0, "PER"), ("اللَّهِ الرَّحْمَنِ", 0, "MISC")]),
    ("bidi", "\u202bنص\u202c \u2067abc\u2069 \u200fزار\u200e \u061c🇸🇦 👨\u200d👩\u200d👧 ﻻ ﷲ ﷺ", [("نص", 0, "MISC"), ("زار", 0, "PER"), ("🇸🇦", 0, "LOC")]),
    ("empty", "", []),
    # The controls a text may hold (the others are refused on load, issue #25): tab, form
    # feed (a page break), DEL and NEL.
    ("controls", "a\tb\u000cc\u007f\u0085\u000cعام 2022 و٢٠٢٣", [("2022", 0, "DATE"), ("٢٠٢٣", 0, "DATE")]),
]


def corpus():
    docs = []
    for doc_id, text, wanted in DOCUMENTS:
        spans = []
        for sub, _, label in wanted:
            start = text.find(sub)
            assert start >= 0, (doc_id, sub)
            spans.append({"start": start, "end": start + len(sub), "label": label, "text": sub})
        doc = {"id": doc_id, "status": "new", "text": text, "spans": spans}
        if doc_id == "kremlin":
            doc["meta"] = {"title": "الكرملين", "source": "kremlin.txt", "tags": [1, None]}
        docs.append(doc)
    labels = [
        {"name": n, "color": c}
        for n, c in [("PER", "#e6194b"), ("ORG", "#4363d8"), ("LOC", "#3cb44b"), ("DATE", "#f58231"), ("MISC", "#911eb4")]
    ]
    return {"format": "taliq-corpus", "version": 1, "offset_unit": "codepoint", "labels": labels, "documents": docs}


def run(*args):
    subprocess.run([str(TALIQ.resolve()), *args], check=True, capture_output=True)


def put(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


# Separates a brat seed's .txt bytes from its .ann bytes: never valid UTF-8, so both parts
# can hold any text. The fuzz target and tests/fuzz_readers.rs split at it.
BRAT_SEPARATOR = b"\xff\xfe\xfd\xfc"


def main():
    if SEEDS.exists():
        shutil.rmtree(SEEDS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        c = tmp / "c.json"
        c.write_text(json.dumps(corpus(), ensure_ascii=False), encoding="utf-8")
        run("validate", str(c))
        run("export", str(c), "--format", "jsonl", "--out", str(tmp / "c.jsonl-corpus.json"))
        # The corpus itself, in both forms, as taliq writes them.
        run("import", "--format", "jsonl", str(tmp / "c.jsonl-corpus.json"), "--out", str(tmp / "x.json"))
        put("corpus_json", "hostile.json", (tmp / "x.json").read_bytes())
        run("import", "--format", "jsonl", str(tmp / "c.jsonl-corpus.json"), "--out", str(tmp / "x.jsonl"))
        put("corpus_jsonl", "hostile.jsonl", (tmp / "x.jsonl").read_bytes())
        put("corpus_json", "minimal.json", '{"format": "taliq-corpus", "version": 1, "labels": [], "documents": []}\n')
        put("corpus_jsonl", "header-only.jsonl", '{"format": "taliq-corpus", "version": 1, "labels": [{"name": "LOC", "color": "#3cb44b", "key": "3"}]}\n')
        for fmt, target, ext in [("jsonl", "import_jsonl", "jsonl"), ("conll", "import_conll", "conll"),
                                 ("label-studio", "import_label_studio", "json"), ("doccano", "import_doccano", "jsonl")]:
            out = tmp / f"out-{fmt}.{ext}"
            run("export", str(c), "--format", fmt, "--out", str(out))
            put(target, f"hostile.{ext}", out.read_bytes())
        run("export", str(c), "--format", "jsonl", "--offset-unit", "utf16", "--out", str(tmp / "u.jsonl"))
        put("import_jsonl", "utf16-offsets.jsonl", (tmp / "u.jsonl").read_bytes())
        run("export", str(c), "--format", "brat", "--out", str(tmp / "brat"))
        for ann in sorted((tmp / "brat").glob("*.ann")):
            txt = ann.with_suffix(".txt").read_bytes()
            put("import_brat", ann.stem, txt + BRAT_SEPARATOR + ann.read_bytes())
    put("import_conll", "iob1-four-columns.conll",
        "-DOCSTART- -X- -X- O\n\nزار VBD B-VP O\nبوتين NNP B-NP I-PER\nموسكو NNP I-NP I-LOC\n. . O O\n\n"
        "-DOCSTART- -X- -X- O\n\nوصل O\nالوفد S-ORG\nلأوكرانيا E-LOC\r\n")
    put("import_brat", "fragments", "روسيا\nالاتحادية 😀".encode() + BRAT_SEPARATOR +
        "T1\tORG 0 5;6 15\tروسيا الاتحادية\nR1\tRel Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T1\tnote\nT2\tLOC 0 5\n".encode())
    put("import_label_studio", "predictions.json", json.dumps(
        {"id": 7, "data": {"text": "إن 😀 روسيا"}, "predictions": [{"result": [
            {"type": "labels", "value": {"start": 5, "end": 10, "text": "روسيا", "labels": ["LOC", "GPE"]}},
            {"type": "choices", "value": {"choices": ["x"]}}]}]}, ensure_ascii=False))
    put("import_doccano", "labels-key.jsonl",
        '{"id": 3, "text": "إن 😀 روسيا", "labels": [[6, 11, "LOC"]]}\n{"text": "زار", "label": []}\n')
    fixtures = Path("tests/fixtures/encodings")
    for name in ["sentence.txt", "utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt"]:
        put("import_txt", name, b"\x00" + (fixtures / name).read_bytes())
    put("import_txt", "windows-1256.txt", b"\x04" + (fixtures / "windows-1256.txt").read_bytes())
    put("import_txt", "iso-8859-6.txt", b"\x05" + (fixtures / "iso-8859-6.txt").read_bytes())


if __name__ == "__main__":
    main()
