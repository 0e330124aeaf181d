//! Hostile text (issue #13): every kind of text scraped from the web goes through the whole
//! of taliq without a panic — layout and hit-testing at every boundary, drawing, labelling,
//! search, saving, every export and import, and the window. A text holding a C0 control
//! other than tab, the newlines and form feed (issue #25) is still laid out, drawn and shown,
//! but the corpus reader refuses it with its place, so it is never saved or exported.
//!
//! One test per text, so a failure names the text that broke.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use taliq::annotate::render::render_document;
use taliq::annotate::search::{SearchOptions, find_all};
use taliq::app::{AppState, TaliqApp};
use taliq::format::{Code, Form, parse_corpus, write_corpus};
use taliq::interchange::{Format, OffsetUnit, Options, brat, conll, doccano, jsonl, label_studio};
use taliq::model::controls::find_forbidden_control;
use taliq::model::{CharRange, Corpus, Document, Span};
use taliq::text::fonts;
use taliq::text::hit::{Side, VisualCaret};
use taliq::text::layout::{LayoutConfig, TextLayout};
use taliq::tokenize::{TokenKind, tokenize};
use unicode_segmentation::UnicodeSegmentation;

use crate::support;

/// Code-point offsets of the grapheme-cluster boundaries of `text`, ends included.
fn boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut out = vec![0];
    for g in text.graphemes(true) {
        at += g.chars().count();
        out.push(at);
    }
    out
}

/// Lays `text` out at `width` and checks geometry and hit-testing at every boundary.
fn check_layout(text: &str, width: f32) {
    let mut fs = fonts::font_system(false);
    let mut layout = TextLayout::new(text, LayoutConfig::new(20.0, width));
    layout.lay_out_all(&mut fs);
    let bounds = boundaries(text);
    let height = layout.height();
    assert!(height.is_finite() && height > 0.0);
    for &offset in &bounds {
        let caret = layout.caret(&mut fs, offset);
        assert!(
            caret.x.is_finite() && caret.y1 > caret.y0,
            "caret at {offset}"
        );
        assert!(
            caret.x >= -1.0 && caret.x <= width + 1.0,
            "caret at {offset} outside the view: {caret:?}"
        );
        for side in [Side::Left, Side::Right] {
            let moved = layout.move_visually(&mut fs, VisualCaret::at(offset), side);
            assert!(bounds.binary_search(&moved.offset).is_ok());
        }
    }
    // A point inside a grapheme's box hits one of that grapheme's two edges.
    let line_height = layout.config().line_height;
    for p in 0..layout.paragraphs().len() {
        let top = layout.paragraph_top(p);
        let lines = layout.laid_out(p).expect("laid out").lines.clone();
        for line in &lines {
            let y = top + line.top + line_height / 2.0;
            for b in line.graphemes.iter().filter(|b| b.x1 - b.x0 > 2.0) {
                for x in [b.x0 + 1.0, b.x1 - 1.0] {
                    let hit = layout.hit(&mut fs, x, y);
                    assert!(
                        hit == b.chars.start() || hit == b.chars.end(),
                        "hit({x}, {y}) = {hit}, inside {b:?}"
                    );
                }
            }
        }
    }
    // Walking right from the start and left from the end never gets stuck in a loop of panics.
    let mut caret = VisualCaret::at(0);
    for _ in 0..bounds.len() + 2 {
        caret = layout.move_visually(&mut fs, caret, Side::Right);
    }
    let whole = CharRange::between(0, *bounds.last().unwrap_or(&0));
    for r in layout.range_rects(&mut fs, whole) {
        assert!(r.x0 <= r.x1 && r.y0 < r.y1, "{r:?}");
    }
}

/// A document of `text` with every word token labelled (alternately PER and LOC).
fn labelled(text: &str) -> Document {
    let mut doc = Document::new("hostile", text);
    let words = tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word);
    for (i, token) in words.enumerate() {
        let label = if i % 2 == 0 { "PER" } else { "LOC" };
        doc.add_span(Span::new(token.range, label))
            .unwrap_or_else(|e| panic!("token {:?} is a valid span: {e}", token.range));
    }
    doc
}

fn corpus_of(doc: Document) -> Corpus {
    let mut corpus = Corpus::with_default_labels();
    corpus.documents.push(doc);
    corpus
}

/// A span as (start, end, label).
type Triple = (usize, usize, String);

fn texts_and_spans(corpus: &Corpus) -> Vec<(String, Vec<Triple>)> {
    corpus
        .documents
        .iter()
        .map(|d| {
            let spans = d
                .spans()
                .iter()
                .map(|s| (s.range.start(), s.range.end(), s.label.clone()))
                .collect();
            (d.text().to_owned(), spans)
        })
        .collect()
}

/// The corpus file format, every export and every import.
fn check_formats(corpus: &Corpus) {
    for form in [Form::Json, Form::Jsonl] {
        let written = write_corpus(corpus, form);
        let back = parse_corpus(written.as_bytes(), form).expect("own output loads");
        assert_eq!(texts_and_spans(&back), texts_and_spans(corpus), "{form:?}");
    }
    let expected = texts_and_spans(corpus);
    for (format, unit) in [
        (Format::Jsonl, OffsetUnit::Codepoint),
        (Format::Jsonl, OffsetUnit::Utf16),
        (Format::Doccano, OffsetUnit::Codepoint),
        (Format::LabelStudio, OffsetUnit::Codepoint),
        (Format::Brat, OffsetUnit::Codepoint),
        (Format::Conll, OffsetUnit::Codepoint),
        (Format::Hf, OffsetUnit::Codepoint),
    ] {
        let options = Options {
            offset_unit: unit,
            ..Options::default()
        };
        let out = taliq::interchange::export_documents(corpus, &corpus.documents, format, &options);
        let dir = tempfile::tempdir().expect("temp dir");
        let mut paths = Vec::new();
        for (name, bytes) in &out.files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
            std::fs::write(&path, bytes).expect("written");
            paths.push(path);
        }
        let back = match format {
            Format::Jsonl => jsonl::import(&paths),
            Format::Doccano => doccano::import(&paths),
            Format::LabelStudio => label_studio::import(&paths),
            Format::Brat => brat::import(&[dir.path().to_path_buf()]),
            Format::Conll => conll::import(&paths),
            // No importer reads HF rows back; writing them without a panic is the check.
            Format::Hf => continue,
        };
        match format {
            Format::Conll => {
                // CoNLL keeps tokens, not the text between them: every entity written comes
                // back with its label, and the reader's output is a valid corpus.
                let back = back.unwrap_or_else(|e| panic!("CoNLL reads back: {e}"));
                let written = corpus.documents[0].spans().len() - out.losses.len();
                let read: usize = back.documents.iter().map(|d| d.spans().len()).sum();
                assert_eq!(read, written, "{:?}", out.losses);
            }
            _ => assert_eq!(
                texts_and_spans(&back.unwrap_or_else(|e| panic!("{format:?}: {e}"))),
                expected,
                "{format:?} {unit:?}"
            ),
        }
    }
}

/// Drawing to a PNG, as `taliq render` does.
fn check_render(corpus: &Corpus) {
    let mut fs = fonts::font_system(false);
    for width in [200, 900] {
        let canvas = render_document(&corpus.documents[0], &corpus.labels, width, 22.0, &mut fs);
        assert_eq!(canvas.width, width);
        canvas.encode_png().expect("encodes");
    }
}

/// Search finds each word where it stands, with and without letter folding.
fn check_search(doc: &Document) {
    for span in doc.spans().iter().take(20) {
        let word = doc.span_text(span);
        for fold_letters in [false, true] {
            let options = SearchOptions {
                fold_letters,
                inside_words: true,
            };
            let found = find_all(doc.text(), word, options);
            assert!(
                found.iter().any(|r| r.contains_range(span.range)),
                "{word:?} not found at {:?}: {found:?}",
                span.range
            );
        }
    }
}

/// Screen rectangles of `range` in the open document.
fn screen_rects(harness: &mut Harness<'_, TaliqApp>, range: CharRange) -> Vec<egui::Rect> {
    let app = harness.state_mut();
    let view = app.document_view.as_mut().expect("the document is shown");
    view.screen_rects(&mut app.engine.font_system, range)
}

/// Drags with the primary button from `from` to `to`, as a hand would.
fn drag(harness: &mut Harness<'_, TaliqApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
}

/// Opens the text in the window (headless), drags over it, moves and selects by keyboard,
/// labels its first word (double-click and a label key), saves with Ctrl+S and checks the file loads again with the span.
fn check_window(text: &str) {
    let corpus = corpus_of(Document::new("hostile", text));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, write_corpus(&corpus, Form::Json)).expect("written");
    // A text no file may hold is shown all the same (as a corpus built in memory).
    let storable = find_forbidden_control(text).is_none();
    let state = if storable {
        AppState::open(&path).expect("opens")
    } else {
        AppState::new(corpus, taliq::app::Source::Untitled)
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 680.0))
        .build_ui_state(
            |ui, app: &mut TaliqApp| app.show(ui),
            TaliqApp::new(state, fonts::font_system(false)),
        );
    taliq::app::install_fallback_font(&harness.ctx);
    harness.run();
    let bounds = boundaries(text);
    let centre = |rects: &[egui::Rect]| rects.first().map(egui::Rect::center);
    // Drag from the first grapheme to the last, then walk and extend by keyboard.
    if let [first, .., last] = bounds[..] {
        let from = screen_rects(&mut harness, CharRange::between(first, bounds[1]));
        let to = screen_rects(
            &mut harness,
            CharRange::between(bounds[bounds.len() - 2], last),
        );
        if let (Some(from), Some(to)) = (centre(&from), centre(&to)) {
            drag(&mut harness, from, to);
        }
    }
    for _ in 0..5 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::SHIFT | Modifiers::COMMAND, Key::ArrowLeft);
    harness.key_press(Key::PageDown);
    harness.key_press(Key::PageUp);
    harness.run();
    // Double-click the first word and press a label's key (it arrives as text, as from a
    // keyboard).
    let word = tokenize(text)
        .into_iter()
        .find(|t| t.kind == TokenKind::Word);
    if let Some(word) = word {
        let first = CharRange::between(
            word.range.start(),
            bounds[bounds.partition_point(|&b| b <= word.range.start())],
        );
        let at = centre(&screen_rects(&mut harness, first)).expect("first grapheme drawn");
        support::double_click(&mut harness, at);
        harness.event(egui::Event::Text("1".to_owned()));
        harness.run();
    }
    let saved = if storable {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run();
        taliq::format::load(&path).expect("the saved file loads")
    } else {
        harness.state().state.corpus.clone()
    };
    let doc = &saved.documents[0];
    assert_eq!(doc.text(), text);
    if let Some(word) = word {
        assert!(
            doc.spans().iter().any(|s| s.range.overlaps(word.range)),
            "{word:?} not labelled: {:?}, {}",
            doc.spans(),
            harness.state().state.message
        );
    }
    for span in doc.spans() {
        assert!(
            bounds.binary_search(&span.range.start()).is_ok()
                && bounds.binary_search(&span.range.end()).is_ok(),
            "{span:?} splits a grapheme"
        );
    }
}

fn check_everything(text: &str) {
    for width in [60.0, 300.0, 900.0] {
        check_layout(text, width);
    }
    let corpus = corpus_of(labelled(text));
    check_render(&corpus);
    check_search(&corpus.documents[0]);
    if find_forbidden_control(text).is_some() {
        check_refused(&corpus);
    } else {
        check_formats(&corpus);
    }
    check_window(text);
}

/// A text with a forbidden control: the reader refuses the file, naming the document's text.
fn check_refused(corpus: &Corpus) {
    for form in [Form::Json, Form::Jsonl] {
        let written = write_corpus(corpus, form);
        let diagnostics = parse_corpus(written.as_bytes(), form).expect_err("refused");
        assert!(
            diagnostics.iter().any(|d| d.code == Code::ControlCharacter
                && d.field.as_deref() == Some("documents[0].text")),
            "{form:?}: {diagnostics:?}"
        );
    }
}

/// A test per text, and `all_texts` with every one of them for the command-line test.
macro_rules! hostile {
    ($($name:ident: $text:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check_everything(&$text);
            }
        )*

        fn all_texts() -> Vec<(&'static str, String)> {
            vec![$((stringify!($name), $text.to_string()),)*]
        }
    };
}

hostile! {
    paragraph_separator_between_arabic_and_latin: "مرحبا hello\u{2029}world عالم";
    paragraph_separator_after_latin: "abc\u{2029}مرحبا";
    next_line_character: "x\u{0085}مرحبا";
    lone_carriage_returns: "a\rمرحبا\rb";
    crlf_line_ends: "قال الكرملين\r\nReuters said\r\n";
    line_separator: "قال\u{2028}Reuters إن\u{2028}";
    vertical_tab_and_form_feed: "سطر\u{000B}line\u{000C}ورقة";
    information_separators: "أحمد\u{001C}Ali\u{001D}جدة\u{001E}Doha";
    bidi_embeddings_and_overrides:
        "قال \u{202A}Reuters إن\u{202C} \u{202B}CIA تقول\u{202C} \u{202D}abc\u{202C} \u{202E}مرحبا\u{202C}";
    unclosed_embeddings_and_isolates: "\u{202B}\u{2067}قال Reuters \u{202A}\u{2066}2022";
    bidi_isolates: "زار \u{2066}CIA 2022\u{2069} و\u{2067}روسيا\u{2069} \u{2068}x\u{2069}";
    bidi_marks: "\u{200F}نعم\u{200E} yes\u{061C} ٢٠٢٢ \u{200F}";
    emoji_and_zwj_sequences: "العائلة 👩\u{200D}👩\u{200D}👧 و👨🏽\u{200D}💻 فرح 😀";
    regional_indicator_flags: "🇸🇦🇪🇬 علم 🇺🇸 وحرف 🇪 وحده";
    presentation_forms: "ﻻ ﷲ ﷺ ﻷ ﺑﺴﻢ";
    stacked_harakat: "بِّسْمِّ\u{0651}\u{064E}\u{0652}\u{0670} الله\u{0651}\u{0651}\u{0651} \u{064E}وحدها";
    control_characters: "a\u{0000}b\u{0007}ج\tد\u{001B}هـ\u{007F}و";
    byte_order_mark_inside: "سطر\u{FEFF} أول\u{FEFF} و\u{FEFF}ثان";
    empty_text: "";
    only_separators: "\u{2029}\r\n\r\u{0085}\u{2028}";
    a_five_thousand_letter_word: format!("قال {} أمس", "مُحمد".repeat(1250));
    everything_together: concat!(
        "مرحبا hello\u{2029}world عالم\u{0085}x\rمرحبا\u{2028}",
        "\u{202B}قال \u{202A}Reuters\u{202C}\u{2067}CIA\u{2069}\u{200F} ",
        "👩\u{200D}👩\u{200D}👧🇸🇦 ﻻ ﷲ ﷺ بِّسْمِّ\u{0651}\u{064E}\u{000B}\u{000C}\u{001C}z",
    );
}

fn taliq(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_taliq"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("taliq runs")
}

fn assert_success(out: &std::process::Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The hostile texts a corpus may hold: all but those with a forbidden control.
fn storable_texts() -> Vec<(&'static str, String)> {
    all_texts()
        .into_iter()
        .filter(|(_, text)| find_forbidden_control(text).is_none())
        .collect()
}

#[test]
fn the_command_line_refuses_every_text_with_a_forbidden_control_by_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let refused: Vec<(&str, String)> = all_texts()
        .into_iter()
        .filter(|(_, text)| find_forbidden_control(text).is_some())
        .collect();
    assert_eq!(
        refused.len(),
        4,
        "NUL and co., VT, the separators, all together"
    );
    let mut corpus = Corpus::with_default_labels();
    for (name, text) in &refused {
        corpus.documents.push(Document::new(*name, text.clone()));
        std::fs::write(dir.path().join(format!("{name}.txt")), text).expect("written");
    }
    std::fs::write(dir.path().join("c.json"), write_corpus(&corpus, Form::Json)).expect("written");
    let out = taliq(&["validate", "c.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(
            "c.json: document \"control_characters\" (#2), field documents[2].text: the text holds U+0000 (NUL) at offset 1 (line 1, column 2, and 2 more control characters)"
        ),
        "{said}"
    );
    assert!(said.contains("invalid (4 problems)"), "{said}");
    let mut args = vec!["import", "--format", "txt", "--out", "texts.json"];
    let files: Vec<String> = refused.iter().map(|(n, _)| format!("{n}.txt")).collect();
    args.extend(files.iter().map(String::as_str));
    let out = taliq(&args, dir.path());
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    for file in &files {
        assert!(said.contains(&format!("{file}: U+00")), "{file}: {said}");
    }
    assert!(
        said.contains("4 files could not be imported; nothing written"),
        "{said}"
    );
    assert!(!dir.path().join("texts.json").exists());
}

#[test]
fn the_command_line_takes_every_hostile_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut corpus = Corpus::with_default_labels();
    for (name, text) in storable_texts() {
        let mut doc = labelled(&text);
        doc.id = name.to_owned();
        corpus.documents.push(doc);
        std::fs::write(dir.path().join(format!("{name}.txt")), &text).expect("written");
    }
    std::fs::write(
        dir.path().join("hostile.json"),
        write_corpus(&corpus, Form::Json),
    )
    .expect("written");
    assert_success(
        &taliq(&["validate", "hostile.json"], dir.path()),
        "validate",
    );
    assert_success(&taliq(&["stats", "hostile.json"], dir.path()), "stats");
    for doc in &corpus.documents {
        let out = taliq(
            &[
                "render",
                "hostile.json",
                "--doc",
                &doc.id,
                "--width",
                "300",
                "--out",
                "p.png",
            ],
            dir.path(),
        );
        assert_success(&out, &format!("render {}", doc.id));
    }
    for (format, out_name) in [
        ("jsonl", "e.jsonl"),
        ("conll", "e.conll"),
        ("hf", "hf"),
        ("brat", "brat"),
        ("label-studio", "e.json"),
        ("doccano", "d.jsonl"),
    ] {
        let out = taliq(
            &[
                "export",
                "hostile.json",
                "--format",
                format,
                "--out",
                out_name,
            ],
            dir.path(),
        );
        assert_success(&out, &format!("export {format}"));
        if format == "hf" {
            continue;
        }
        let back = format!("back-{format}.json");
        let out = taliq(
            &["import", "--format", format, out_name, "--out", &back],
            dir.path(),
        );
        assert_success(&out, &format!("import {format}"));
        let imported = taliq::format::load(dir.path().join(&back)).expect("loads");
        if format != "conll" {
            // Every format but CoNLL (tokens only) keeps texts and spans exactly.
            for doc in &corpus.documents {
                let back = imported.document(&doc.id).expect("imported");
                assert!(
                    back.text() == doc.text() && back.spans() == doc.spans(),
                    "{format}: {} changed",
                    doc.id
                );
            }
        }
    }
    let texts: Vec<String> = storable_texts()
        .iter()
        .map(|(n, _)| format!("{n}.txt"))
        .collect();
    let mut args = vec!["import", "--format", "txt", "--out", "texts.json"];
    args.extend(texts.iter().map(String::as_str));
    assert_success(&taliq(&args, dir.path()), "import txt");
    let imported = taliq::format::load(dir.path().join("texts.json")).expect("loads");
    for (name, text) in storable_texts() {
        let doc = imported.document(name).expect("imported");
        assert_eq!(doc.text(), text, "{name}");
    }
}
