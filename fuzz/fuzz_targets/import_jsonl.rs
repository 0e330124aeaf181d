//! Fuzz target: the property of tests/props/fuzz_readers/check.rs on the `import_jsonl` reader.
#![no_main]

#[allow(dead_code, reason = "the shared check also serves the proptest file")]
#[path = "../../tests/props/fuzz_readers/check.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = check::check(check::Reader::Jsonl, data) {
        panic!("{broken}");
    }
});
