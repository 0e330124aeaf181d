#!/usr/bin/env bash
# Times `taliq validate`, every export, `taliq agree` and the spaCy CoNLL script side by side
# on generated corpora, and prints each as a multiple of `validate` on the same corpus.
#
#   benches/compare_exports.sh [DOCUMENTS...]     # default: 1000 10000
#
# The brat row is bound by the file system (2,000 files for 1,000 articles; on a virtual disk
# creating one can take half a millisecond): compare it with the `brat-floor-cp` row, or run
# with WORK=/dev/shm/x to measure on a RAM file system.
#
# Needs hyperfine (apt-get install hyperfine) and, for the spaCy row, `pip install spacy`
# (the row is skipped without it). Articles are about 5 KB of text with 52 spans each, the size of
# the corpus in issue 13 (1,000 of them: 9.7 MB, 52k spans). A measuring tool: CI never runs it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
bytes=${BYTES_PER_DOC:-5200}
spans=${SPANS_PER_DOC:-52}
runs=${RUNS:-10}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet --bin taliq --example synth_corpus --example perturb_corpus
taliq="$root/target/release/taliq"
have_spacy=0
python3 -c 'import spacy' 2>/dev/null && have_spacy=1

for n in "${sizes[@]}"; do
    corpus="$work/synth-$n.json"
    [ -f "$corpus" ] || target/release/examples/synth_corpus "$corpus" "$n" "$bytes" "$spans"
    out="$work/out-$n"
    mkdir -p "$out"
    commands=(-n validate "$taliq validate $corpus")
    for format in jsonl conll hf brat label-studio doccano; do
        commands+=(-n "$format" "$taliq export $corpus --format $format --out $out/export-$format --force")
    done
    # The floor of brat's two files a document: the file system creating that many files
    # (`cp -r` of the folder brat wrote, into a new one), on the same disk.
    [ -d "$out/export-brat" ] || "$taliq" export "$corpus" --format brat --out "$out/export-brat" 2>/dev/null
    commands+=(-n brat-floor-cp "rm -rf $out/copy-brat && cp -r $out/export-brat $out/copy-brat")
    if [ "$have_spacy" = 1 ]; then
        commands+=(-n spacy-conll "python3 $root/benches/spacy_conll.py $corpus $out/spacy.conll")
    fi
    echo "== $n articles: $(du -h "$corpus" | cut -f1)"
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/times-$n.json" \
        "${commands[@]}" > "$work/hyperfine-$n.log"
    python3 - "$work/times-$n.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
validate = results["validate"]["median"]
print(f"{'command':<15}{'median s':>10}{'min s':>9}{'× validate':>12}")
for name, r in results.items():
    print(f"{name:<15}{r['median']:>10.3f}{r['min']:>9.3f}{r['median'] / validate:>12.2f}")
if "spacy-conll" in results:
    ratio = results["spacy-conll"]["median"] / results["conll"]["median"]
    print(f"spaCy script / taliq conll: {ratio:.1f}×")
PY
done

# Agreement between three annotators on 10,000 articles of 3 KB with 20 spans (benches/agree.rs).
a="$work/agree-a.json"
if [ ! -f "$a" ]; then
    target/release/examples/synth_corpus "$a" 10000 3000 20
    target/release/examples/perturb_corpus "$a" "$work/agree-b.json" 5 11
    target/release/examples/perturb_corpus "$a" "$work/agree-c.json" 4 13
fi
echo "== agree, three corpora of 10,000 articles"
hyperfine --style basic --warmup 1 --runs "$runs" -n validate-3 "$taliq validate $a $work/agree-b.json $work/agree-c.json" \
    -n agree "$taliq agree $a $work/agree-b.json $work/agree-c.json" | grep -E 'Benchmark|Time'
echo "(files in $work)"
