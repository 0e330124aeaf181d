//! `taliq shape`: one run's glyphs, comparable with `hb-shape`.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::ShapeArgs;
use crate::text::fonts;
use crate::text::shape::{RunProperties, arabic_font, first_font, shape_run};

pub(super) fn run(args: &ShapeArgs) -> ExitCode {
    let mut font_system = match &args.font {
        None => fonts::font_system(false),
        Some(path) => {
            let mut db = fontdb::Database::new();
            if let Err(e) = db.load_font_file(path) {
                return super::fail(&format!("cannot load font {}: {e}", path.display()));
            }
            cosmic_text::FontSystem::new_with_locale_and_db("ar".to_owned(), db)
        }
    };
    let font = if args.font.is_some() {
        first_font(&mut font_system)
    } else {
        arabic_font(&mut font_system)
    };
    let Some(font) = font else {
        return super::fail(&"no usable font face");
    };
    let properties = RunProperties {
        direction: args.direction,
        script: args.script.clone(),
        language: args.language.clone(),
    };
    let glyphs = match shape_run(&font, &args.text, &properties) {
        Ok(g) => g,
        Err(e) => return super::fail(&e),
    };
    if args.json {
        match serde_json::to_string(&glyphs) {
            Ok(s) => println!("{s}"),
            Err(e) => return super::fail(&e),
        }
    } else {
        // hb-shape's text form: [glyph=cluster@dx,dy+advance|...]
        let mut out = String::from("[");
        for (i, g) in glyphs.iter().enumerate() {
            if i > 0 {
                out.push('|');
            }
            let _ = write!(out, "{}={}", g.glyph_id, g.cluster);
            if g.x_offset != 0 || g.y_offset != 0 {
                let _ = write!(out, "@{},{}", g.x_offset, g.y_offset);
            }
            let _ = write!(out, "+{}", g.x_advance);
        }
        out.push(']');
        println!("{out}");
    }
    ExitCode::SUCCESS
}
