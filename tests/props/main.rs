//! Property tests: round trips, exports, layout, every reader of outside files on mutated input.
//!
//! One test binary per area (each links the crate once); a module per file.

mod export_props;
mod fuzz_readers;
mod layout_props;
mod proptest_roundtrip;
