//! Building corpora from other inputs.

pub mod encoding;
pub mod txt;
