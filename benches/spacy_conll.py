#!/usr/bin/env python3
"""What a Python user writes to turn a taliq corpus into CoNLL with spaCy, for timing
side by side with `taliq export --format conll` (benches/compare_exports.sh).

spaCy's blank Arabic tokenizer cuts the text, `offsets_to_biluo_tags` tags the tokens from
the spans' code-point offsets (Python `str` indices, as taliq stores them), `biluo_to_iob`
turns the tags into IOB2. Flat tags hold one entity per token, so of overlapping spans the
longest (then earliest) is kept, as taliq does; a span whose edge falls inside a spaCy token
gets spaCy's `-` tag, which is written as `O`.

A measuring tool only: never run by `cargo test` or CI. Needs `pip install spacy`.

    python3 benches/spacy_conll.py CORPUS.json OUT.conll
"""

import json
import sys

import spacy
from spacy.training import biluo_to_iob, offsets_to_biluo_tags


def flat(spans):
    """Longest first, then earliest; each kept unless it overlaps one kept before."""
    kept = []
    for s in sorted(spans, key=lambda s: (s["start"] - s["end"], s["start"], s["label"])):
        if all(s["end"] <= k["start"] or k["end"] <= s["start"] for k in kept):
            kept.append(s)
    return [(s["start"], s["end"], s["label"]) for s in sorted(kept, key=lambda s: s["start"])]


def main(corpus_path, out_path):
    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    nlp = spacy.blank("ar")
    with open(out_path, "w", encoding="utf-8") as out:
        for document in corpus["documents"]:
            doc = nlp.make_doc(document["text"])
            tags = biluo_to_iob(offsets_to_biluo_tags(doc, flat(document.get("spans", []))))
            out.write("-DOCSTART- O\n\n")
            for token, tag in zip(doc, tags):
                if token.is_space:
                    if "\n" in token.text:
                        out.write("\n")
                    continue
                out.write(f"{token.text} {'O' if tag == '-' else tag}\n")
            out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
