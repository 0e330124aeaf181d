//! Fuzzing every reader of outside files with structured random inputs (what CI runs; the
//! cargo-fuzz targets in fuzz/ search longer): valid seeds from fuzz/seeds/ mutated by byte
//! flips, truncation, splicing, hostile characters, hostile numbers and wrong types, plus
//! arbitrary bytes. The property (`tests/fuzz_readers/check.rs`): no panic, an accepted input
//! is a sound corpus, a rejected one is an error that says where.

#[path = "fuzz_readers/check.rs"]
mod check;

use std::path::Path;

use check::{BRAT_SEPARATOR, Reader, check};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestError;

/// Cases per reader for mutated seeds and for arbitrary bytes; the whole file stays well
/// under a minute in a debug build.
const MUTATED_CASES: u32 = 10_000;
const ARBITRARY_CASES: u32 = 2_000;

/// Text that breaks naive readers: separators, controls, bidi controls, emoji sequences,
/// a combining mark (cuts clusters), a byte-order mark, JSON escapes of surrogates and NUL.
const HOSTILE_TEXT: &[&str] = &[
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{1c}",
    "\u{1d}",
    "\u{1e}",
    "\u{b}\u{c}",
    "\u{202b}",
    "\u{202c}",
    "\u{2067}",
    "\u{2069}",
    "\u{200f}",
    "\u{61c}",
    "👨\u{200d}👩\u{200d}👧",
    "🇸🇦",
    "\u{1f1f8}",
    "\0",
    "\u{feff}",
    "\u{64e}",
    "\u{651}\u{64e}",
    "ﻻ",
    "ﷺ",
    "\\ud800",
    "\\udc00\\ud800",
    "\\u0000",
    "\"",
    "\\",
    "-DOCSTART-",
    "B-",
    "I-PER",
    "T9\tLOC 1 2;3",
    ";",
    " ",
    "\t\t",
];

/// Bytes that are not UTF-8 (a lone continuation, a cut sequence, an encoded surrogate, overlong).
const INVALID_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\x80",
    b"\xc3",
    b"\xd8",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf4\x90\x80\x80",
];

/// Numbers that must not pass as offsets: huge, negative, fractional, exponent, surrogate-sized.
const HOSTILE_NUMBERS: &[&str] = &[
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999",
    "-1",
    "-0",
    "1.5",
    "0.0",
    "1e400",
    "1e2",
    "4294967296",
    "55296",
    "56320",
    "0",
    "00",
    "0x10",
    // Too long for u64, so a float; serde_json read it inexactly before float_roundtrip.
    "888888888888888888888888888888888888888888888888888888888888888888888888888888888822",
    "0.1234567890123456789",
];

/// JSON values of the wrong type, and nesting deeper than `serde_json` allows.
fn wrong_value(kind: usize) -> String {
    match kind % 8 {
        0 => "null".to_owned(),
        1 => "true".to_owned(),
        2 => "\"7\"".to_owned(),
        3 => "[]".to_owned(),
        4 => "{}".to_owned(),
        5 => "[[1, 2, \"X\"]]".to_owned(),
        6 => format!("{}1{}", "[".repeat(300), "]".repeat(300)),
        _ => format!(
            "{}{}",
            "{\"a\":".repeat(200),
            "1".to_owned() + &"}".repeat(200)
        ),
    }
}

/// One change to an input.
#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(Index, u8),
    Truncate(Index),
    /// Copies a piece of another seed of the same reader into this one.
    Splice {
        at: Index,
        seed: Index,
        from: Index,
        len: usize,
    },
    InsertText(Index, Index),
    InsertInvalidUtf8(Index, Index),
    /// Replaces the n-th number with a hostile one.
    HostileNumber(Index, Index),
    /// Moves the n-th number by a little: an offset one off, inside an emoji's surrogate
    /// pair, between a letter and its harakah.
    Nudge(Index, i8),
    /// Replaces the n-th number, JSON string, object or array with a value of another type.
    WrongType(Index, usize),
    /// Repeats a piece many times (long lines, many documents, many spans).
    Repeat {
        from: Index,
        len: usize,
        times: usize,
    },
    Delete {
        from: Index,
        len: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => (any::<Index>(), any::<Index>(), any::<Index>(), 1usize..64).prop_map(
            |(at, seed, from, len)| Mutation::Splice {
                at,
                seed,
                from,
                len
            }
        ),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::InsertText(a, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::InsertInvalidUtf8(a, b)),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::HostileNumber(a, b)),
        3 => (any::<Index>(), -3i8..=3).prop_map(|(a, d)| Mutation::Nudge(a, d)),
        2 => (any::<Index>(), any::<usize>()).prop_map(|(a, k)| Mutation::WrongType(a, k)),
        1 => (any::<Index>(), 1usize..40, 2usize..50).prop_map(|(from, len, times)| Mutation::Repeat {
            from,
            len,
            times
        }),
        1 => (any::<Index>(), 1usize..40).prop_map(|(from, len)| Mutation::Delete { from, len }),
    ]
}

/// Byte ranges `[start, end)` in an input.
type Ranges = Vec<(usize, usize)>;

/// The numbers (digit runs), JSON strings, and JSON objects and arrays of an input.
#[derive(Default)]
struct Tokens {
    numbers: Ranges,
    strings: Ranges,
    containers: Ranges,
}

/// Finds the tokens of an input (digits inside strings are not numbers).
fn tokens(bytes: &[u8]) -> Tokens {
    let mut found = Tokens::default();
    let mut open = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                found.numbers.push((start, i));
                continue;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                found.strings.push((start, i));
                continue;
            }
            b'{' | b'[' => open.push(i),
            b'}' | b']' => {
                if let Some(start) = open.pop() {
                    found.containers.push((start, i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

fn replace(bytes: &mut Vec<u8>, (start, end): (usize, usize), with: &[u8]) {
    bytes.splice(start..end, with.iter().copied());
}

fn apply(bytes: &mut Vec<u8>, change: &Mutation, seeds: &[Vec<u8>]) {
    let at = |i: &Index, bytes: &Vec<u8>| i.index(bytes.len() + 1);
    match change {
        Mutation::FlipBit(i, bit) => {
            if !bytes.is_empty() {
                let k = i.index(bytes.len());
                bytes[k] ^= 1 << bit;
            }
        }
        Mutation::Truncate(i) => bytes.truncate(at(i, bytes)),
        Mutation::Splice {
            at: i,
            seed,
            from,
            len,
        } => {
            let other = seed.get(seeds);
            let start = from.index(other.len() + 1);
            let piece = &other[start..(start + len).min(other.len())];
            let k = at(i, bytes);
            bytes.splice(k..k, piece.iter().copied());
        }
        Mutation::InsertText(i, which) => {
            let k = at(i, bytes);
            let text = which.get(HOSTILE_TEXT).as_bytes();
            bytes.splice(k..k, text.iter().copied());
        }
        Mutation::InsertInvalidUtf8(i, which) => {
            let k = at(i, bytes);
            bytes.splice(k..k, which.get(INVALID_UTF8).iter().copied());
        }
        Mutation::HostileNumber(n, which) => {
            let numbers = tokens(bytes).numbers;
            if !numbers.is_empty() {
                replace(
                    bytes,
                    *n.get(&numbers),
                    which.get(HOSTILE_NUMBERS).as_bytes(),
                );
            }
        }
        Mutation::Nudge(n, delta) => {
            let numbers = tokens(bytes).numbers;
            if !numbers.is_empty() {
                let range = *n.get(&numbers);
                let digits = String::from_utf8_lossy(&bytes[range.0..range.1]).into_owned();
                let value = digits.parse::<i128>().unwrap_or(0) + i128::from(*delta);
                replace(bytes, range, value.to_string().as_bytes());
            }
        }
        Mutation::WrongType(n, kind) => {
            let found = tokens(bytes);
            let all: Vec<_> = [found.numbers, found.strings, found.containers].concat();
            if !all.is_empty() {
                replace(bytes, *n.get(&all), wrong_value(*kind).as_bytes());
            }
        }
        Mutation::Repeat { from, len, times } => {
            let start = from.index(bytes.len() + 1);
            let piece = bytes[start..(start + len).min(bytes.len())].to_vec();
            let repeated = piece.repeat(*times);
            bytes.splice(start..start, repeated);
        }
        Mutation::Delete { from, len } => {
            let start = from.index(bytes.len() + 1);
            bytes.drain(start..(start + len).min(bytes.len()));
        }
    }
}

/// The committed seeds of a reader, in name order.
fn seeds(reader: Reader) -> Vec<Vec<u8>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(reader.target());
    let mut names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.expect("a seed folder entry").path())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| std::fs::read(p).expect("a readable seed"))
        .collect()
}

/// Mutated seeds of `reader`: a seed and one to four changes.
fn mutated(reader: Reader) -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds(reader);
    (any::<Index>(), prop::collection::vec(mutation(), 1..5)).prop_map(move |(seed, changes)| {
        let mut bytes = seed.get(&seeds).clone();
        for change in &changes {
            apply(&mut bytes, change, &seeds);
        }
        bytes
    })
}

/// Arbitrary bytes, with brat's separator now and then so both of its files get some.
fn arbitrary(reader: Reader) -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec(any::<u8>(), 0..300), any::<Index>()).prop_map(move |(mut bytes, at)| {
        if reader == Reader::Brat {
            let k = at.index(bytes.len() + 1);
            bytes.splice(k..k, BRAT_SEPARATOR.iter().copied());
        }
        bytes
    })
}

/// Fails the test with the smallest failing input, as text (lossy) and as bytes.
fn report(reader: Reader, result: Result<(), TestError<Vec<u8>>>) {
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, input)) => panic!(
            "{}: {why}\nsmallest input: {:?}\nbytes: {input:02x?}",
            reader.target(),
            String::from_utf8_lossy(&input)
        ),
        Err(TestError::Abort(why)) => panic!("{}: {why}", reader.target()),
    }
}

fn fuzz(reader: Reader) {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: MUTATED_CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let property = |input: Vec<u8>| {
        check(reader, &input).map_err(TestCaseError::fail)?;
        Ok(())
    };
    report(reader, runner.run(&mutated(reader), property));
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: ARBITRARY_CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    report(reader, runner.run(&arbitrary(reader), property));
}

#[test]
fn every_seed_is_accepted_so_mutations_start_from_valid_input() {
    for reader in Reader::ALL {
        let seeds = seeds(reader);
        assert!(!seeds.is_empty(), "{}", reader.target());
        for (i, seed) in seeds.iter().enumerate() {
            assert_eq!(
                check(reader, seed),
                Ok(true),
                "{} seed {i}",
                reader.target()
            );
        }
    }
}

#[test]
fn the_mutations_reach_rejections_with_places() {
    // A fuzz run that only ever saw valid input would check nothing about errors.
    for reader in Reader::ALL {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = mutated(reader);
        let mut rejected = 0;
        for _ in 0..100 {
            let input = strategy.new_tree(&mut runner).unwrap().current();
            if check(reader, &input) == Ok(false) {
                rejected += 1;
            }
        }
        assert!(
            rejected >= 10,
            "{}: {rejected} of 100 rejected",
            reader.target()
        );
    }
}

#[test]
fn fuzz_corpus_json() {
    fuzz(Reader::CorpusJson);
}

#[test]
fn fuzz_corpus_jsonl() {
    fuzz(Reader::CorpusJsonl);
}

#[test]
fn fuzz_import_jsonl() {
    fuzz(Reader::Jsonl);
}

#[test]
fn fuzz_import_conll() {
    fuzz(Reader::Conll);
}

#[test]
fn fuzz_import_brat() {
    fuzz(Reader::Brat);
}

#[test]
fn fuzz_import_label_studio() {
    fuzz(Reader::LabelStudio);
}

#[test]
fn fuzz_import_doccano() {
    fuzz(Reader::Doccano);
}

#[test]
fn fuzz_import_txt() {
    fuzz(Reader::Txt);
}
