//! Agreement between annotators, review into gold, team projects.
//!
//! One test binary per area (each links the crate once); a module per file.

#[path = "../support/mod.rs"]
mod support;

mod agreement;
mod project;
mod project_relations;
mod relations_agree;
mod relations_review;
