//! Building corpora from other inputs.

pub mod txt;
