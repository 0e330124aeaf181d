//! `taliq render`: a document with its spans to a PNG.

use std::path::Path;
use std::process::ExitCode;

use crate::annotate::render::render_document;
use crate::format::{self, write_atomic};
use crate::text::fonts;

pub(super) fn run(
    file: &Path,
    doc: Option<&str>,
    width: u32,
    font_size: f32,
    out: &Path,
) -> ExitCode {
    let corpus = match format::load(file) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let document = match doc {
        Some(id) => corpus.document(id),
        None => corpus.documents.first(),
    };
    let Some(document) = document else {
        return super::fail(&match doc {
            Some(id) => format!("{} has no document {id:?}", file.display()),
            None => format!("{} has no documents", file.display()),
        });
    };
    if !(8.0..=200.0).contains(&font_size) || !(100..=20_000).contains(&width) {
        return super::fail(&"--font-size must be 8–200 and --width 100–20000 pixels");
    }
    let mut font_system = fonts::font_system(true);
    let canvas = render_document(document, &corpus.labels, width, font_size, &mut font_system);
    let png = match canvas.encode_png() {
        Ok(png) => png,
        Err(e) => return super::fail(&e),
    };
    if let Err(e) = write_atomic(out, &png, false) {
        return super::fail(&format!("cannot write {}: {e}", out.display()));
    }
    eprintln!(
        "taliq: wrote {} ({}x{})",
        out.display(),
        canvas.width,
        canvas.height
    );
    ExitCode::SUCCESS
}
