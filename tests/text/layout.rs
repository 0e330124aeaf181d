//! The text layout, pixel-free: shaped glyphs, bidi order, wrapping, hit-testing and geometry.

use cosmic_text::FontSystem;
use taliq::model::CharRange;
use taliq::text::fonts;
use taliq::text::hit::{Side, VisualCaret};
use taliq::text::layout::{LayoutConfig, TextLayout};
use taliq::text::words::next_grapheme;

const WIDTH: f32 = 900.0;

fn laid_out(text: &str, width: f32) -> (FontSystem, TextLayout) {
    let mut fonts = fonts::font_system(false);
    let mut layout = TextLayout::new(text, LayoutConfig::new(24.0, width));
    layout.lay_out_all(&mut fonts);
    (fonts, layout)
}

/// x-range of the grapheme covering code point `offset` on paragraph 0, line `line`.
fn box_of(layout: &TextLayout, line: usize, offset: usize) -> (f32, f32) {
    let l = &layout.laid_out(0).expect("laid out").lines[line];
    let b = l
        .graphemes
        .iter()
        .find(|b| b.chars.start() <= offset && offset < b.chars.end())
        .expect("every code point is in a grapheme box");
    (b.x0, b.x1)
}

fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut stops = vec![0];
    loop {
        let last = stops[stops.len() - 1];
        let next = next_grapheme(text, last);
        if next == last {
            return stops;
        }
        stops.push(next);
    }
}

#[test]
fn arabic_paragraph_is_right_aligned_and_reads_right_to_left() {
    let (_, layout) = laid_out("قال الكرملين إن المحادثات جرت في أنقرة", WIDTH);
    let paragraph = layout.laid_out(0).unwrap();
    assert!(paragraph.rtl);
    assert_eq!(paragraph.lines.len(), 1);
    let line = &paragraph.lines[0];
    let right = line.graphemes.iter().map(|b| b.x1).fold(0.0, f32::max);
    assert!((right - WIDTH).abs() < 1.0, "right edge {right}");
    // Logical order runs right to left: each word starts to the left of the previous one.
    let (q0, _) = box_of(&layout, 0, 0);
    let (k0, k1) = box_of(&layout, 0, 4);
    let (a0, _) = box_of(&layout, 0, 33);
    assert!(k1 <= q0 && a0 < k0, "قال right of الكرملين right of أنقرة");
}

#[test]
fn latin_and_numbers_keep_their_own_direction_inside_arabic() {
    let text = "قال Reuters إن 2022 كان عاماً";
    let (_, layout) = laid_out(text, WIDTH);
    let xs = |from: usize, to: usize| -> Vec<f32> {
        (from..to).map(|i| box_of(&layout, 0, i).0).collect()
    };
    let reuters = xs(4, 11);
    assert!(
        reuters.windows(2).all(|w| w[0] < w[1]),
        "Reuters left to right: {reuters:?}"
    );
    let year = xs(15, 19);
    assert!(
        year.windows(2).all(|w| w[0] < w[1]),
        "2022 left to right: {year:?}"
    );
    let qal = xs(0, 3);
    assert!(qal.windows(2).all(|w| w[0] > w[1]), "قال right to left");
    // Reuters sits left of قال and right of إن, as the bidi algorithm orders the runs.
    assert!(box_of(&layout, 0, 10).1 <= box_of(&layout, 0, 2).0);
    assert!(box_of(&layout, 0, 12).1 <= box_of(&layout, 0, 4).0);
}

#[test]
fn mirrored_brackets_face_the_right_way() {
    // In an RTL run "(" is drawn with the glyph of ")" (HarfBuzz mirrors it): same shaping as the fixture.
    let mut fonts = fonts::font_system(false);
    let font = taliq::text::shape::arabic_font(&mut fonts).unwrap();
    let ltr =
        taliq::text::shape::shape_run(&font, "(", &taliq::text::shape::RunProperties::default())
            .unwrap();
    let (_, layout) = laid_out("قال (الكرملين)", WIDTH);
    let open = &layout.laid_out(0).unwrap().lines[0]
        .glyphs
        .iter()
        .find(|g| g.start == 7)
        .unwrap();
    assert_ne!(u32::from(open.glyph_id), ltr[0].glyph_id);
}

#[test]
fn wrapping_puts_the_logical_start_on_the_first_line_right_edge() {
    let text = "قال الكرملين الثلاثاء إن المحادثات التي جرت في العاصمة التركية أنقرة بين مدير المخابرات الروسية ونظيره الأميركي تناولت الأسلحة النووية";
    let (_, layout) = laid_out(text, 320.0);
    let lines = &layout.laid_out(0).unwrap().lines;
    assert!(lines.len() >= 3, "{} lines", lines.len());
    assert_eq!(lines[0].chars.start(), 0);
    assert_eq!(lines.last().unwrap().chars.end(), text.chars().count());
    for pair in lines.windows(2) {
        assert_eq!(
            pair[0].chars.end(),
            pair[1].chars.start(),
            "lines tile the paragraph"
        );
    }
    for (i, line) in lines.iter().enumerate() {
        let right = line
            .graphemes
            .iter()
            .max_by(|a, b| a.x1.total_cmp(&b.x1))
            .unwrap();
        assert_eq!(
            right.chars.start(),
            line.chars.start(),
            "line {i} starts at its right edge"
        );
        assert!(
            line.graphemes.iter().all(|b| b.x0 >= -0.5 && b.x1 <= 320.5),
            "line {i} fits"
        );
    }
}

#[test]
fn caret_and_hit_round_trip_at_every_cluster_boundary() {
    for text in [
        "قال Reuters إن الجولة «انتهت» في 21 أيلول/سبتمبر",
        "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ لأوكرانيا",
        "Ankara: الكرملين (CIA) 2022 talks",
        "كـــتاب پژوهش ۱۴۰۱ و ٢٠٢٢",
    ] {
        let (mut fonts, mut layout) = laid_out(text, WIDTH);
        for offset in grapheme_boundaries(text) {
            let caret = layout.caret(&mut fonts, offset);
            // A point just inside the grapheme that places the caret maps back to the offset.
            let x = caret.x + caret.inward * 1.5;
            let y = f32::midpoint(caret.y0, caret.y1);
            assert_eq!(
                layout.hit(&mut fonts, x, y),
                offset,
                "{text:?} at {offset} (caret x {})",
                caret.x
            );
        }
    }
}

#[test]
fn range_across_a_direction_change_is_two_rectangles_and_maps_back() {
    let text = "Reuters إن الجولة";
    let (mut fonts, mut layout) = laid_out(text, WIDTH);
    // "ters إن" crosses from the LTR run into the RTL run: two disjoint pieces on one line.
    let range = CharRange::new(3, 10).unwrap();
    let rects = layout.range_rects(&mut fonts, range);
    assert_eq!(rects.len(), 2, "{rects:?}");
    for r in &rects {
        let (x, y) = r.center();
        let hit = layout.hit(&mut fonts, x, y);
        assert!(
            range.start() <= hit && hit <= range.end(),
            "centre of {r:?} hit {hit}"
        );
    }
    // A range inside one run is one rectangle.
    assert_eq!(
        layout
            .range_rects(&mut fonts, CharRange::new(11, 17).unwrap())
            .len(),
        1
    );
}

#[test]
fn entity_after_lam_of_lam_alef_is_selectable_and_drawable() {
    let text = "وصل الوفد لأوكرانيا";
    let (mut fonts, mut layout) = laid_out(text, WIDTH);
    let entity = CharRange::new(11, 19).unwrap();
    let rects = layout.range_rects(&mut fonts, entity);
    assert_eq!(rects.len(), 1);
    let (lam0, lam1) = box_of(&layout, 0, 10);
    assert!(
        rects[0].x1 <= lam0 + 0.5,
        "the lam ({lam0}..{lam1}) stays outside {rects:?}"
    );
    // Clicking in the right half of the alef, next to the lam, gives the boundary after the lam.
    let caret = layout.caret(&mut fonts, 11);
    assert!((caret.x - lam0).abs() < 0.5);
    assert_eq!(layout.hit(&mut fonts, caret.x - 1.0, caret.y0 + 10.0), 11);
}

#[test]
fn moving_left_walks_a_mixed_line_in_visual_order() {
    let text = "قال Reuters إن 2022";
    let (mut fonts, mut layout) = laid_out(text, WIDTH);
    let mut caret = VisualCaret::at(0);
    let mut xs = vec![layout.visual_caret_x(&mut fonts, caret)];
    for _ in 0..text.chars().count() {
        caret = layout.move_visually(&mut fonts, caret, Side::Left);
        xs.push(layout.visual_caret_x(&mut fonts, caret));
    }
    assert!(
        xs.windows(2).all(|w| w[1] < w[0]),
        "strictly leftwards: {xs:?}"
    );
    let mut back = caret;
    for _ in 0..text.chars().count() {
        back = layout.move_visually(&mut fonts, back, Side::Right);
    }
    assert_eq!(
        back.offset, 0,
        "moving right as often comes back to the start"
    );
}

#[test]
fn only_visible_paragraphs_are_laid_out() {
    let paragraph = "قال الكرملين إن المحادثات جرت في أنقرة بين مسؤولين من البلدين.\n";
    let text = paragraph.repeat(2_000);
    let mut fonts = fonts::font_system(false);
    let mut layout = TextLayout::new(&text, LayoutConfig::new(24.0, 800.0));
    let visible = layout.paragraphs_in(&mut fonts, 0.0, 600.0);
    assert!(visible.len() < 20, "{visible:?}");
    let laid = (0..layout.paragraphs().len())
        .filter(|&i| layout.laid_out(i).is_some())
        .count();
    assert_eq!(laid, visible.len());
    // Jumping to the middle lays out only what is there.
    let middle = layout.height() / 2.0;
    let there = layout.paragraphs_in(&mut fonts, middle, middle + 600.0);
    assert!(there.start > 500, "{there:?}");
}

#[test]
fn proclitic_lam_stays_outside_the_span_that_follows_it() {
    // From the sample article: "...المتتالية لموسكو." with LOC موسكو after the lam.
    let text = "في ظل الانكسارات الميدانية المتتالية لموسكو.";
    let lam = text[..text.find("لموسكو").unwrap()].chars().count();
    let (mut fonts, mut layout) = laid_out(text, WIDTH);
    let entity = CharRange::new(lam + 1, lam + 6).unwrap();
    let rects = layout.range_rects(&mut fonts, entity);
    let (lam0, lam1) = box_of(&layout, 0, lam);
    let (meem0, meem1) = box_of(&layout, 0, lam + 1);
    assert_eq!(rects.len(), 1);
    assert!(
        lam0 >= meem1 - 0.5,
        "lam {lam0}..{lam1} is right of meem {meem0}..{meem1}"
    );
    assert!(
        rects[0].x1 <= lam0 + 0.5,
        "span {:?} must end where the lam begins ({lam0})",
        rects[0]
    );
}

/// The boxes of every line of paragraph 0, with the line's index.
fn all_boxes(layout: &TextLayout) -> Vec<(usize, taliq::text::layout::GraphemeBox)> {
    let paragraph = layout.laid_out(0).expect("laid out");
    paragraph
        .lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.graphemes.iter().map(move |b| (i, *b)))
        .collect()
}

#[test]
fn a_word_wider_than_the_view_wraps_at_grapheme_boundaries_right_to_left() {
    // A 5,000-letter word with harakat after a short one: it used to stick out of the view
    // to the left (cosmic-text wraps between words only).
    let word = "مُحَمَّدٌ".repeat(500);
    let text = format!("قال {word}");
    let width = 400.0;
    let (mut fonts, mut layout) = laid_out(&text, width);
    let boxes = all_boxes(&layout);
    let lines = layout.laid_out(0).unwrap().lines.len();
    assert!(lines > 20, "only {lines} lines");
    for (line, b) in &boxes {
        assert!(
            b.x0 >= -0.5 && b.x1 <= width + 0.5,
            "line {line}: {b:?} outside 0..{width}"
        );
    }
    // No letter is lost: every letter and harakah of the word still has its glyph.
    let glyphs: usize = layout
        .laid_out(0)
        .unwrap()
        .lines
        .iter()
        .map(|l| l.glyphs.len())
        .sum();
    assert!(glyphs >= text.chars().filter(|c| *c != ' ').count());
    // Cuts fall between letters, never between a letter and its harakat.
    let bounds = grapheme_boundaries(&text);
    for l in &layout.laid_out(0).unwrap().lines {
        assert!(
            bounds.binary_search(&l.chars.start()).is_ok(),
            "{:?}",
            l.chars
        );
    }
    // Each full line of the word hugs the right edge, its logical start on the right.
    let second = &layout.laid_out(0).unwrap().lines[2];
    let right = second.graphemes.iter().map(|b| b.x1).fold(0.0, f32::max);
    assert!((right - width).abs() < 1.0, "right edge {right}");
    let first = second.chars.start();
    let caret = layout.caret(&mut fonts, first);
    assert!((caret.x - width).abs() < 1.0, "line start at x {}", caret.x);
    // A selection across a cut is drawn on both lines and hit-tests back inside the word.
    let cut = layout.laid_out(0).unwrap().lines[3].chars.start();
    let rects = layout.range_rects(&mut fonts, CharRange::new(cut - 4, cut + 4).unwrap());
    assert_eq!(rects.len(), 2, "{rects:?}");
    for r in &rects {
        let (x, y) = r.center();
        let hit = layout.hit(&mut fonts, x, y);
        assert!((cut - 4..=cut + 4).contains(&hit), "hit {hit} for {r:?}");
    }
}

#[test]
fn a_long_latin_word_wraps_left_aligned_and_keeps_every_letter() {
    let text = "Supercalifragilistic".repeat(20);
    let width = 300.0;
    let (_, layout) = laid_out(&text, width);
    let paragraph = layout.laid_out(0).unwrap();
    assert!(!paragraph.rtl);
    assert!(paragraph.lines.len() > 3);
    for line in &paragraph.lines {
        let left = line.graphemes.iter().map(|b| b.x0).fold(f32::MAX, f32::min);
        assert!(left.abs() < 0.5, "left edge {left}");
    }
    let letters: Vec<usize> = paragraph
        .lines
        .iter()
        .flat_map(|l| l.graphemes.iter().map(|b| b.chars.start()))
        .collect();
    assert_eq!(letters.len(), text.chars().count());
}

#[test]
fn a_mark_after_an_embedded_name_keeps_the_figures_after_it() {
    // An interface line (left to right) naming سارة before a figure: without the mark the
    // figure joins the name's right-to-left run and is drawn before it.
    let lrm = '\u{200e}';
    let name = "سارة";
    let line = |embedded: &str| format!("{lrm}you: {embedded} · 11 of 16 done");
    let name_at = "you: ".chars().count() + 1;
    let figure_at = |text: &str| text.chars().position(|c| c == '1').unwrap();

    let without = line(name);
    let (_, layout) = laid_out(&without, WIDTH);
    let (figure_left, _) = box_of(&layout, 0, figure_at(&without));
    let (name_left, _) = box_of(&layout, 0, name_at);
    assert!(figure_left < name_left, "the problem this guards against");

    let with = line(&taliq::app::widgets::embedded(name));
    let (_, layout) = laid_out(&with, WIDTH);
    let (_, name_right) = box_of(&layout, 0, name_at);
    let (figure_left, _) = box_of(&layout, 0, figure_at(&with));
    assert!(name_right <= figure_left, "سارة, then 11");
}

#[test]
fn a_relation_line_points_from_its_first_span_to_its_second() {
    use taliq::app::widgets::relation_line;
    let lrm = '\u{200e}';
    for (from, to) in [
        ("بوتينُ", "أردوغانَ"),
        ("Reuters", "موسكو"),
        ("موسكو", "Reuters"),
    ] {
        let text = format!("{lrm}{}", relation_line(from, to));
        let (_, layout) = laid_out(&text, WIDTH);
        let at = |word: &str| text[..text.find(word).unwrap()].chars().count();
        let arrow = text.chars().position(|c| c == '→').unwrap();
        let (_, from_right) = box_of(&layout, 0, at(from));
        let (to_left, _) = box_of(&layout, 0, at(to));
        let (arrow_left, arrow_right) = box_of(&layout, 0, arrow);
        assert!(
            from_right <= arrow_left && arrow_right <= to_left,
            "{from}, →, {to} from left to right: {text}"
        );
    }
}

#[test]
fn a_point_left_of_a_wrapped_arabic_line_hits_its_last_word() {
    // Issue #25 item 9: the empty space left of a wrapped right-to-left line is past the
    // line's logical end, which is also the next line's start; the hit must stay on the line.
    let text = "قال الكرملين الثلاثاء إن المحادثات التي جرت في العاصمة التركية أنقرة بين مدير المخابرات الروسية ونظيره الأميركي";
    let (mut fonts, mut layout) = laid_out(text, 320.0);
    let lines = layout.laid_out(0).unwrap().lines.clone();
    assert!(lines.len() >= 3, "{} lines", lines.len());
    let height = layout.config().line_height;
    for (i, line) in lines.iter().enumerate().take(lines.len() - 1) {
        let (left, _) = line.extent().unwrap();
        assert!(left > 10.0, "line {i} leaves room on its left");
        let y = line.top + height / 2.0;
        let offset = layout.hit(&mut fonts, 2.0, y);
        assert!(
            line.chars.start() <= offset && offset < line.chars.end(),
            "line {i} ({:?}) hit at {offset}",
            line.chars
        );
        let word = layout.word_hit(&mut fonts, 2.0, y).expect("a word");
        let last_word = taliq::text::words::words(text)
            .into_iter()
            .rev()
            .find(|w| w.end() <= line.chars.end())
            .unwrap();
        assert_eq!(word, last_word, "line {i}: its last word");
        // The caret for that offset is drawn on the same line.
        let caret = layout.caret(&mut fonts, offset);
        assert!((caret.y0 - line.top).abs() < 0.5, "line {i}: caret on it");
    }
}

#[test]
fn the_caret_on_a_blank_line_between_arabic_paragraphs_stands_at_the_right() {
    let text = "قال الكرملين\n\nإن المحادثات جرت";
    let (mut fonts, mut layout) = laid_out(text, WIDTH);
    let blank = "قال الكرملين\n".chars().count();
    assert!(layout.laid_out(1).unwrap().lines[0].chars.is_empty());
    let caret = layout.caret(&mut fonts, blank);
    assert!((caret.x - WIDTH).abs() < 1.0, "caret at {}", caret.x);
    // Between English paragraphs it stays at the left.
    let (mut fonts, mut layout) = laid_out("Reuters said\n\nthe talks", WIDTH);
    let caret = layout.caret(&mut fonts, "Reuters said\n".chars().count());
    assert!(caret.x.abs() < 1.0, "caret at {}", caret.x);
}

#[test]
fn home_and_end_go_to_the_logical_start_and_end_of_a_wrapped_line() {
    let text = "قال الكرملين الثلاثاء إن المحادثات التي جرت في العاصمة التركية أنقرة بين مدير المخابرات الروسية ونظيره الأميركي";
    let (mut fonts, mut layout) = laid_out(text, 320.0);
    let lines = layout.laid_out(0).unwrap().lines.clone();
    assert!(lines.len() >= 3);
    let middle = &lines[1];
    let inside = middle.chars.start() + 3;
    let start = layout.line_edge(&mut fonts, inside, false);
    let end = layout.line_edge(&mut fonts, inside, true);
    assert_eq!(start, middle.chars.start());
    assert!(start < end && end < middle.chars.end(), "{end} on the line");
    let (_, right) = middle.extent().unwrap();
    let (left, _) = middle.extent().unwrap();
    // Start at the right edge, end at the left, both drawn on this line.
    let at_start = layout.caret(&mut fonts, start);
    let at_end = layout.caret(&mut fonts, end);
    assert!(
        (at_start.x - right).abs() < 1.0,
        "{} vs {right}",
        at_start.x
    );
    assert!(at_end.x < left + 15.0, "{} vs {left}", at_end.x);
    assert!((at_start.y0 - middle.top).abs() < 0.5 && (at_end.y0 - middle.top).abs() < 0.5);
    // The last line's end is the paragraph's end.
    let last = lines.last().unwrap();
    assert_eq!(
        layout.line_edge(&mut fonts, last.chars.start(), true),
        text.chars().count()
    );
}

#[test]
fn room_above_moves_down_only_the_lines_that_ask_for_it() {
    let text = "قال الكرملين الثلاثاء إن المحادثات التي جرت في العاصمة التركية أنقرة بين مدير المخابرات الروسية ونظيره الأميركي";
    let (mut fonts, mut layout) = laid_out(text, 320.0);
    let before = layout.laid_out(0).unwrap().lines.clone();
    let height = layout.height();
    let line_height = layout.config().line_height;
    assert!(before.len() >= 3);
    let on_second = before[1].chars.start() + 2;
    layout.set_room_above(vec![(on_second, 30.0)]);
    let after = layout.laid_out(0).unwrap().lines.clone();
    let near = |a: f32, b: f32| (a - b).abs() < 0.01;
    assert!(near(after[0].top, before[0].top));
    assert!(near(after[1].top, before[1].top + 30.0));
    assert!(near(after[2].top, before[2].top + 30.0));
    assert!(near(after[0].room, 0.0) && near(after[1].room, 30.0) && near(after[2].room, 0.0));
    assert!((layout.height() - height - 30.0).abs() < 0.01);
    // The room belongs to the line under it: a point there hits that line, and the caret
    // of an offset on it is drawn on its text, below the room.
    let in_room = after[1].top - 10.0;
    assert_eq!(layout.line_at(&mut fonts, in_room), (0, 1));
    let caret = layout.caret(&mut fonts, on_second);
    assert!(near(caret.y0, after[1].top));
    assert!(near(caret.y1, after[1].top + line_height));
}
