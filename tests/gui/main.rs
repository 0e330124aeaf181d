//! The window, driven headless with `egui_kittest`, and the shape of its code.
//!
//! One test binary per area (each links the crate once); a module per file.

#[path = "../support/mod.rs"]
mod support;

mod architecture;
mod gui;
mod gui_arabic;
mod gui_arabic_annotate;
mod gui_arabic_dialogs;
mod gui_arabic_errors;
mod gui_arabic_review_project_suggest;
mod gui_arcs;
mod gui_bidi_field;
mod gui_document_list;
mod gui_file_chooser;
mod gui_find;
mod gui_import_text;
mod gui_layout;
mod gui_native;
mod gui_project;
mod gui_reading;
mod gui_relations;
mod gui_review_mark;
mod gui_review_relations;
mod gui_suggestions;
mod gui_welcome;
mod relations_edit;
