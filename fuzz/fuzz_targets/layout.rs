//! Fuzz target: the property of tests/layout_props/check.rs on the text layout. The first
//! byte picks the width (60–315 px), the next ones the points and ranges probed, the rest
//! is the text (invalid UTF-8 replaced, as a reader would have refused it).
#![no_main]

#[path = "../../tests/layout_props/check.rs"]
mod check;

thread_local! {
    /// Loaded once: the fonts are the same for every input.
    static FONTS: std::cell::RefCell<cosmic_text::FontSystem> =
        std::cell::RefCell::new(taliq::text::fonts::font_system(false));
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let (probes, text) = rest.split_at(rest.len().min(8));
    let points: Vec<(f32, f32)> = probes
        .chunks(2)
        .map(|p| (f32::from(p[0]) * 3.0 - 50.0, f32::from(p[p.len() - 1]) * 2.0 - 20.0))
        .collect();
    let picks: Vec<(usize, usize)> = probes
        .iter()
        .zip(probes.iter().rev())
        .map(|(&a, &b)| (usize::from(a), usize::from(b)))
        .collect();
    let text = String::from_utf8_lossy(text);
    let checked = FONTS.with_borrow_mut(|fs| {
        check::check_layout(fs, &text, 60.0 + f32::from(width), &points, &picks)
    });
    if let Err(broken) = checked {
        panic!("{broken}");
    }
});
