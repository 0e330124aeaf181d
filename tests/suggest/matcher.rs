//! The matcher on real data and hostile text: the goal on the bundled sample article (with
//! only the first mention of each entity labelled, it proposes the other mentions), and a
//! property test that every prediction is on grapheme boundaries inside the text.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use taliq::annotate::search::{SearchOptions, find_all};
use taliq::model::{CharRange, Corpus, Document, Span};
use taliq::suggest::matcher::Matcher;
use taliq::tokenize::is_proclitic_prefix;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Every mention of `form` in `chars` as the search finds it (folding letters and marks),
/// kept when it is a whole word or follows only one or two proclitic letters in its word.
/// Independent of the matcher: a scan of the text per form, not a token lookup.
fn mentions(text: &str, chars: &[char], form: &str) -> Vec<CharRange> {
    let options = SearchOptions {
        fold_letters: true,
        inside_words: true,
    };
    find_all(text, form, options)
        .into_iter()
        .filter(|r| {
            let ends_word = r.end() == chars.len() || !is_word_char(chars[r.end()]);
            let mut word_start = r.start();
            while word_start > 0 && is_word_char(chars[word_start - 1]) {
                word_start -= 1;
            }
            let prefix: String = chars[word_start..r.start()].iter().collect();
            let proclitics = prefix.is_empty()
                || (prefix.chars().count() <= 2
                    && !prefix.contains("ال")
                    && is_proclitic_prefix(&prefix));
            ends_word && proclitics
        })
        .collect()
}

#[test]
fn on_the_sample_it_finds_the_repeated_mentions_of_first_labelled_entities() {
    let sample = taliq::format::load("assets/sample/sample.json").unwrap();
    let (mut tp, mut predicted, mut gold_total) = (0, 0, 0);
    for full in &sample.documents {
        let text = full.text();
        let chars: Vec<char> = text.chars().collect();
        // Each entity (surface form and label) of the sample's spans, every mention of it,
        // and only its first mention labelled.
        let mut first_only = Document::new(full.id.clone(), text);
        let mut gold: Vec<(CharRange, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for span in full.spans() {
            let form = full.span_text(span).to_owned();
            if !seen.insert((form.clone(), span.label.clone())) {
                continue;
            }
            let all = mentions(text, &chars, &form);
            assert!(!all.is_empty(), "{form}");
            first_only.add_span(Span::new(all[0], &span.label)).unwrap();
            gold.extend(all[1..].iter().map(|r| (*r, span.label.clone())));
        }
        let mut corpus = Corpus::with_default_labels();
        corpus.documents.push(first_only);
        let matcher = Matcher::from_corpus(&corpus);
        let predictions = matcher.predict(&corpus.documents[0]);
        for p in &predictions {
            assert!(corpus.documents[0].check_range(p.range).is_ok());
        }
        tp += predictions
            .iter()
            .filter(|p| gold.contains(&(p.range, p.label.clone())))
            .count();
        predicted += predictions.len();
        gold_total += gold.len();
        let missed: Vec<_> = gold
            .iter()
            .filter(|(r, l)| !predictions.iter().any(|p| p.range == *r && &p.label == l))
            .map(|(r, l)| format!("{l} {r} {}", corpus.documents[0].slice(*r)))
            .collect();
        let wrong: Vec<_> = predictions
            .iter()
            .filter(|p| !gold.contains(&(p.range, p.label.clone())))
            .map(|p| {
                format!(
                    "{} {} {}",
                    p.label,
                    p.range,
                    corpus.documents[0].slice(p.range)
                )
            })
            .collect();
        eprintln!("{}: missed {missed:?}, wrong {wrong:?}", full.id);
    }
    assert!(
        gold_total >= 10,
        "the sample repeats entities: {gold_total}"
    );
    #[allow(clippy::cast_precision_loss)]
    let (precision, recall) = (
        tp as f64 / predicted.max(1) as f64,
        tp as f64 / gold_total as f64,
    );
    eprintln!(
        "matcher on the sample: {tp} of {gold_total} repeated mentions found, {predicted} proposed: recall {recall:.3}, precision {precision:.3}"
    );
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(precision >= 0.9, "precision {precision:.3}");
}

proptest::proptest! {
    #[test]
    fn every_prediction_is_inside_the_text_on_grapheme_boundaries(
        pieces in proptest::collection::vec(proptest::sample::select(&[
            "روسيا", "لروسيا", "وب", "بوتين", "ف", "ل", "\u{064E}", "\u{0651}", "ـ", "ة", "ه",
            "أ", "ا", "ى", " ", "\n", "\u{2029}", "\u{200F}", "\u{202B}", "\u{202C}", "\u{200D}",
            "😀", "👨\u{200D}👩", "\u{1F1F8}\u{1F1E6}", "e\u{0301}", "CIA", "21", "/", "،", "«",
            "\u{0}", "\t", "\r\n",
        ][..]), 0..50),
        names in proptest::collection::vec(proptest::sample::select(&[
            "روسيا", "بوتين", "روسيا بوتين", "ة", "ـ", "CIA 21", "😀", "\u{064E}", "e\u{0301}",
            "ل", "و ب",
        ][..]), 0..5),
    ) {
        let text = pieces.concat();
        let mut matcher = Matcher::default();
        for (i, name) in names.iter().enumerate() {
            matcher.learn(name, ["PER", "LOC"][i % 2]);
        }
        let doc = Document::new("d", text);
        for p in matcher.predict(&doc) {
            proptest::prop_assert!(doc.check_range(p.range).is_ok(), "{:?}", p);
            proptest::prop_assert!((0.0..=1.0).contains(&p.score));
        }
    }
}
