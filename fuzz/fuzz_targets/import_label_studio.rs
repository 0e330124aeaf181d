//! Fuzz target: the property of tests/props/fuzz_readers/check.rs on the `import_label_studio` reader.
#![no_main]

#[allow(dead_code, reason = "the shared check also serves the proptest file")]
#[path = "../../tests/props/fuzz_readers/check.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(broken) = check::check(check::Reader::LabelStudio, data) {
        panic!("{broken}");
    }
});
