//! The tagger end to end on generated Arabic news sentences.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

use unicode_segmentation::UnicodeSegmentation;

use super::*;
use crate::model::{Corpus, Document};
use crate::synth::ner_corpus;

pub(super) fn quick() -> TrainOptions {
    TrainOptions {
        max_iterations: 60,
        ..TrainOptions::default()
    }
}

pub(super) fn train_on(corpus: &Corpus) -> Tagger {
    train_with(corpus, &Resources::default(), &quick())
}

/// A tagger trained on every document of `corpus`, without progress or cancelling.
pub(super) fn train_with(
    corpus: &Corpus,
    resources: &Resources<'_>,
    options: &TrainOptions,
) -> Tagger {
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    train(&docs, resources, options, &|_| {}, &AtomicBool::new(false)).expect("spans to learn from")
}

fn score(tagger: &Tagger, corpus: &Corpus) -> Scores {
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let mut scores = Scores::default();
    for (doc, predicted) in docs.iter().zip(tagger.tag_many(&docs)) {
        scores.add_document(doc, &predicted);
    }
    scores
}

/// The majority baseline: every word tagged as it most often was in training, spans read
/// from those tags.
fn majority_baseline(train: &Corpus, test: &Corpus) -> Scores {
    let docs: Vec<&Document> = train.documents.iter().collect();
    let mut stats = sentences::GoldStats::default();
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::new();
    for s in sentences::sentences(&docs, Some(&mut stats)) {
        for (w, t) in s.words.iter().zip(&s.gold) {
            *votes
                .entry(w.clone())
                .or_default()
                .entry(t.clone())
                .or_default() += 1;
        }
    }
    let best: HashMap<String, String> = votes
        .into_iter()
        .map(|(w, v)| {
            let tag = v
                .into_iter()
                .max_by_key(|(t, n)| (*n, t.clone()))
                .map(|(t, _)| t);
            (w, tag.unwrap_or_else(|| "O".into()))
        })
        .collect();
    let test_docs: Vec<&Document> = test.documents.iter().collect();
    let mut scores = Scores::default();
    for s in sentences::sentences(&test_docs, None) {
        let tags: Vec<&str> = s
            .words
            .iter()
            .map(|w| best.get(w).map_or("O", String::as_str))
            .collect();
        let predicted: Vec<_> = sentences::decode(tags)
            .iter()
            .map(|span| {
                (
                    sentences::span_range(&s, span, &stats.cuts),
                    span.label.clone(),
                )
            })
            .collect();
        let gold: Vec<_> = test_docs[s.doc]
            .spans()
            .iter()
            .filter(|g| {
                g.range.start() >= s.ranges[0].start()
                    && g.range.start() < s.ranges[s.ranges.len() - 1].end()
            })
            .map(|g| (g.range, g.label.as_str()))
            .collect();
        let predicted: Vec<_> = predicted.iter().map(|(r, l)| (*r, l.as_str())).collect();
        scores.add(&gold, &predicted);
    }
    scores
}

#[test]
fn learns_the_synthetic_pattern_it_was_trained_on() {
    let corpus = ner_corpus(30, 8, false, 1);
    let tagger = train_on(&corpus);
    let f1 = score(&tagger, &corpus).micro().f1;
    assert!(f1 > 0.97, "training-set F1 {f1}");
    // A span after a proclitic (عاد لموسكو) is suggested without the lam.
    let doc = Document::new("x", "توجه الوفد إلى القاهرة ثم عاد لبيروت بعد يومين .");
    let found: Vec<_> = tagger
        .tag(&doc)
        .into_iter()
        .map(|p| (doc.slice(p.range).to_owned(), p.label))
        .collect();
    assert!(
        found.contains(&("بيروت".to_owned(), "LOC".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("القاهرة".to_owned(), "LOC".to_owned())),
        "{found:?}"
    );
}

#[test]
fn beats_the_majority_baseline_on_names_it_never_saw() {
    let train_corpus = ner_corpus(40, 8, false, 2);
    let held_out = ner_corpus(15, 8, true, 3);
    let tagger = train_on(&train_corpus);
    let ours = score(&tagger, &held_out).micro().f1;
    let baseline = majority_baseline(&train_corpus, &held_out).micro().f1;
    assert!(
        ours > baseline + 0.3,
        "tagger {ours} vs baseline {baseline}"
    );
    assert!(ours > 0.45, "tagger F1 on unseen names {ours}");
}

#[test]
fn scores_are_probabilities_and_sure_spans_score_higher() {
    let corpus = ner_corpus(30, 8, false, 4);
    let tagger = train_on(&corpus);
    let seen = tagger.tag(&Document::new(
        "a",
        "قال الرئيس محمد لافروف في موسكو إن المحادثات مستمرة .",
    ));
    assert!(!seen.is_empty());
    assert!(seen.iter().all(|p| (0.0..=1.0).contains(&p.score)));
    assert!(seen.iter().all(|p| p.score > 0.5), "{seen:?}");
}

#[test]
fn cancelling_stops_training_and_progress_is_reported() {
    let corpus = ner_corpus(10, 6, false, 8);
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let cancel = AtomicBool::new(false);
    let seen = std::sync::Mutex::new(Vec::new());
    let result = train(
        &docs,
        &Resources::default(),
        &quick(),
        &|p| {
            seen.lock().unwrap().push(p);
            if p.stage == "training" {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert_eq!(result.unwrap_err(), TrainError::Cancelled);
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen[0].stage, "features");
    assert!(
        seen.iter()
            .any(|p| p.stage == "training" && p.fraction > 0.0)
    );
    let empty = Document::new("e", "لا شيء هنا");
    let err = train(
        &[&empty],
        &Resources::default(),
        &quick(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert_eq!(err, TrainError::NoSpans);
}

#[test]
fn user_gazetteer_names_are_features() {
    let corpus = ner_corpus(20, 6, false, 9);
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let gazetteer = vec![("LOC".to_owned(), "كاتماندو".to_owned())];
    let tagger = train(
        &docs,
        &Resources::gazetteer(&gazetteer),
        &quick(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(tagger.lexicon.gazetteer().any(|(_, l)| l == ["LOC"]));
}

fn grapheme_bounds(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut bounds = vec![0];
    for g in text.graphemes(true) {
        at += g.chars().count();
        bounds.push(at);
    }
    bounds
}

fn shared_tagger() -> &'static Tagger {
    static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(|| train_on(&ner_corpus(20, 6, false, 10)))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn every_prediction_is_inside_the_text_on_grapheme_boundaries(
        pieces in proptest::collection::vec(proptest::sample::select(&[
            "قال", "الرئيس", "محمد", "لبيروت", "في", "موسكو", "وللكرملين", "ل", "و", "\u{064E}",
            "\u{0651}", "ـ", "CIA", "1", "٢", ".", "،", "«", "»", " ", "\n", "\u{200c}", "\u{200f}",
            "😀", "e\u{0301}", "👩\u{200d}👩\u{200d}👧", "\u{0000}", "\r\n", "\t", "لأوكرانيا",
        ][..]), 0..60),
    ) {
        let text = pieces.concat();
        let doc = Document::new("p", text.as_str());
        let bounds = grapheme_bounds(&text);
        let total = text.chars().count();
        for p in shared_tagger().tag(&doc) {
            proptest::prop_assert!(p.range.start() < p.range.end());
            proptest::prop_assert!(p.range.end() <= total);
            proptest::prop_assert!(bounds.binary_search(&p.range.start()).is_ok(), "{:?}", p);
            proptest::prop_assert!(bounds.binary_search(&p.range.end()).is_ok(), "{:?}", p);
            proptest::prop_assert!((0.0..=1.0).contains(&p.score));
        }
    }
}

#[test]
fn text_like_the_training_is_surer_than_text_it_never_saw() {
    let tagger = shared_tagger();
    let like = ner_corpus(3, 6, false, 21);
    let foreign = Document::new(
        "f",
        "CIA 1999 ،، xyz qwerty ٢٣٤ «ؤؤؤ» ضظغ ثثث ؟ Lorem ipsum dolor sit amet ظظظ .",
    );
    let empty = Document::new("e", "");
    let docs: Vec<&Document> = like.documents.iter().chain([&foreign, &empty]).collect();
    let u = tagger.uncertainty(&docs);
    assert_eq!(u.len(), docs.len());
    assert!(u.iter().all(|x| (0.0..=1.0).contains(x)), "{u:?}");
    let familiar = u[..3].iter().copied().fold(0.0f32, f32::max);
    assert!(u[3] > familiar, "foreign {} vs familiar {u:?}", u[3]);
    assert!(u[4].abs() < f32::EPSILON, "no words, nothing unsure");
}

#[test]
fn the_learning_curve_rises_with_more_training_data() {
    // The first documents have only their people labelled: a tagger trained on a small
    // share of the data (the first units) never learns places or organisations.
    let mut corpus = ner_corpus(40, 8, true, 22);
    for doc in &mut corpus.documents[..12] {
        let mut people = Document::new(doc.id.clone(), doc.text());
        for span in doc.spans().iter().filter(|s| s.label == "PER") {
            people.add_span(span.clone()).unwrap();
        }
        *doc = people;
    }
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let points = learning_curve(
        &docs,
        &Resources::default(),
        &quick(),
        &[0.1, 1.0],
        4,
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(points.len(), 2);
    assert!(points[0].sentences < points[1].sentences);
    let (small, full) = (points[0].scores.micro().f1, points[1].scores.micro().f1);
    assert!(
        full > small + 0.2,
        "F1 {small} with a tenth, {full} with all"
    );
    let cancelled = AtomicBool::new(true);
    assert!(matches!(
        learning_curve(
            &docs,
            &Resources::default(),
            &quick(),
            &[0.5],
            4,
            &|_| {},
            &cancelled
        ),
        Err(TrainError::Cancelled)
    ));
}

#[test]
fn cross_validation_does_not_score_a_tagger_on_names_it_saw_in_training() {
    // Names repeat only inside their own document. Documents of 40 sentences are two runs
    // of 20 (the old folds' unit), so interleaved folds put every document on both sides.
    let corpus = crate::synth::own_names_corpus(9, 40, 23);
    let (train_docs, held_out) = corpus.documents.split_at(6);
    let docs: Vec<&Document> = train_docs.iter().collect();
    // Without context aggregation: the synthetic names' other mentions give them away from
    // their contexts, so a tagger with it finds unseen names almost as well as seen ones and
    // no fold scheme could over-state it. The leak is in the folds, measured on a tagger
    // that needs to have seen a name.
    let options = TrainOptions {
        max_iterations: 40,
        aggregate: false,
        ..TrainOptions::default()
    };
    let cancel = AtomicBool::new(false);

    // What the tagger really does on documents it never saw.
    let tagger = train(&docs, &Resources::default(), &options, &|_| {}, &cancel).unwrap();
    let held: Vec<&Document> = held_out.iter().collect();
    let mut scores = Scores::default();
    for (doc, predicted) in held.iter().zip(tagger.tag_many(&held)) {
        scores.add_document(doc, &predicted);
    }
    let held_out_f1 = scores.micro().f1;

    // Folds of contiguous documents.
    let cv = cross_validate(&docs, &Resources::default(), &options, 3, &|_| {}, &cancel).unwrap();
    assert_eq!(cv.folds.to_string(), "3 folds of contiguous documents");
    let contiguous = cv.pooled().micro().f1;

    // The old folds: runs of 20 sentences, fold = run mod K.
    let mut stats = sentences::GoldStats::default();
    let sents = sentences::sentences(&docs, Some(&mut stats));
    let interleaved: Vec<usize> = sents.iter().map(|s| s.group % 3).collect();
    let mut pooled = Scores::default();
    for fold in metrics::score_folds(
        &docs,
        &stats,
        &sents,
        &interleaved,
        &Resources::default(),
        &options,
        &|_| {},
        &cancel,
    )
    .unwrap()
    {
        pooled.merge(&fold);
    }
    let leaky = pooled.micro().f1;

    let figures =
        format!("held out {held_out_f1:.3}, contiguous {contiguous:.3}, interleaved {leaky:.3}");
    assert!(leaky > held_out_f1 + 0.2, "{figures}");
    assert!((contiguous - held_out_f1).abs() < 0.08, "{figures}");
}

#[test]
fn a_fold_with_no_span_outside_it_scores_as_finding_nothing() {
    // Only the first two of six documents are labelled: the first fold's tagger would learn
    // from none, and finds none of its names.
    let mut corpus = ner_corpus(6, 8, false, 24);
    for doc in &mut corpus.documents[2..] {
        *doc = Document::new(doc.id.clone(), doc.text());
    }
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let cancel = AtomicBool::new(false);
    let cv = cross_validate(&docs, &Resources::default(), &quick(), 3, &|_| {}, &cancel).unwrap();
    let first = cv.scores[0].total();
    assert_eq!(first.true_positives + first.false_positives, 0);
    assert!(first.false_negatives > 0, "{first:?}");
    // No span anywhere: nothing to cross-validate.
    let err = cross_validate(
        &docs[2..],
        &Resources::default(),
        &quick(),
        3,
        &|_| {},
        &cancel,
    )
    .unwrap_err();
    assert_eq!(err, TrainError::NoSpans);
}

/// The first words of the names of `label` in `corpus`, folded.
fn first_words(corpus: &Corpus, label: &str) -> Vec<String> {
    let mut words: Vec<String> = one_word_names_or_first(corpus, label, true);
    words.sort();
    words.dedup();
    words
}

/// The one-word names of `label` in `corpus`, folded.
fn one_word_names(corpus: &Corpus, label: &str) -> Vec<String> {
    one_word_names_or_first(corpus, label, false)
}

/// The one-word names of `label`, or (`first`) the first word of every name, folded.
fn one_word_names_or_first(corpus: &Corpus, label: &str, first: bool) -> Vec<String> {
    let mut names: Vec<String> = corpus
        .documents
        .iter()
        .flat_map(|d| {
            d.spans()
                .iter()
                .filter(|s| s.label == label)
                .map(|s| crate::annotate::search::fold_word(d.slice(s.range)))
                .collect::<Vec<_>>()
        })
        .filter_map(|n| match n.split_once(' ') {
            None => Some(n),
            Some((head, _)) => first.then(|| head.to_owned()),
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn clusters_learned_with_unlabelled_text_put_unseen_names_beside_seen_ones() {
    let labelled = ner_corpus(30, 8, false, 11);
    // Articles nobody labelled, naming people and places the labelled ones never name.
    let unlabelled = ner_corpus(60, 8, true, 31);
    let texts: Vec<&str> = labelled
        .documents
        .iter()
        .chain(&unlabelled.documents)
        .map(Document::text)
        .collect();
    let stream = clusters::WordStream::of_texts(&texts, 2);
    let learned =
        clusters::Clusters::learn_stream(&stream, &|_| {}, &AtomicBool::new(false)).unwrap();
    let (seen, unseen) = (
        one_word_names(&labelled, "LOC"),
        one_word_names(&unlabelled, "LOC"),
    );
    assert!(seen.len() > 3 && unseen.len() > 3, "{seen:?} {unseen:?}");
    assert!(unseen.iter().all(|n| !seen.contains(n)));
    // Most unseen places share a coarse class with a seen place, and few with a person.
    let people = first_words(&labelled, "PER");
    assert!(people.len() > 3, "{people:?}");
    let classes_of = |names: &[String]| -> std::collections::HashSet<u16> {
        names
            .iter()
            .filter_map(|n| learned.classes.get(n).map(|path| path[0]))
            .collect()
    };
    let (places, persons) = (classes_of(&seen), classes_of(&people));
    let beside = |classes: &std::collections::HashSet<u16>| {
        unseen
            .iter()
            .filter(|n| {
                learned
                    .classes
                    .get(*n)
                    .is_some_and(|p| classes.contains(&p[0]))
            })
            .count()
    };
    let (with_places, with_persons) = (beside(&places), beside(&persons));
    assert!(
        with_places * 2 > unseen.len() && with_persons * 4 < unseen.len(),
        "{} unseen places: {with_places} beside seen places, {with_persons} beside persons",
        unseen.len()
    );

    // From the labelled text alone the unseen names have no cluster at all.
    let alone = train_on(&labelled);
    assert!(
        unseen
            .iter()
            .all(|n| !alone.clusters.classes.contains_key(n))
    );
    let docs: Vec<&Document> = labelled.documents.iter().collect();
    let resources = Resources {
        gazetteer: &[],
        clusters: Some(&learned),
        unlabelled: None,
    };
    let with_text = train(
        &docs,
        &resources,
        &quick(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let gold = ner_corpus(8, 8, true, 12);
    let (before, after) = (
        score(&alone, &gold).micro().f1,
        score(&with_text, &gold).micro().f1,
    );
    // Measured: 0.435 with the labelled text's clusters, 0.569 with the unlabelled text.
    assert!(
        after > before + 0.05,
        "unseen names: F1 {before:.3} with clusters of the labelled text, {after:.3} with unlabelled text"
    );
}

#[test]
fn documents_tagged_in_batches_get_what_they_get_tagged_all_at_once() {
    // The window tags a large corpus in batches of documents to keep memory small: that is
    // only right if a document's suggestions and uncertainty do not depend on the others.
    let train = ner_corpus(20, 8, false, 5);
    let tagger = train_on(&train);
    let texts = ner_corpus(11, 6, false, 9);
    let mut docs: Vec<&Document> = texts.documents.iter().collect();
    // The same text twice, in different batches: names repeated across documents must not
    // carry from one to another.
    docs.push(&texts.documents[0]);
    let all = tagger.tag_many(&docs);
    let batched: Vec<_> = docs.chunks(4).flat_map(|b| tagger.tag_many(b)).collect();
    assert_eq!(all, batched);
    assert!(all.iter().any(|p| !p.is_empty()), "nothing was tagged");
    let unsure = tagger.uncertainty(&docs);
    let unsure_batched: Vec<f32> = docs.chunks(4).flat_map(|b| tagger.uncertainty(b)).collect();
    assert_eq!(unsure, unsure_batched);
    // Rating while tagging changes no suggestion (the window does both in one pass).
    assert_eq!(tagger.tag_and_rate(&docs), (all, unsure));
}

#[test]
fn a_name_in_a_context_that_says_nothing_is_read_from_its_other_mentions() {
    // Half the templates say which kind of name fills them (قال الرئيس …, وصل الوفد إلى …),
    // half do not (وأكد … أن). Names are new in every document, so a tagger that has not
    // seen them can only tell a bare mention's label from its other mentions' contexts.
    let corpus = crate::synth::own_names_corpus(9, 40, 23);
    let (train_docs, held_out) = corpus.documents.split_at(6);
    let docs: Vec<&Document> = train_docs.iter().collect();
    let held: Vec<&Document> = held_out.iter().collect();
    let cancel = AtomicBool::new(false);
    let f1 = |aggregate: bool| {
        let options = TrainOptions {
            max_iterations: 40,
            aggregate,
            ..TrainOptions::default()
        };
        let tagger = train(&docs, &Resources::default(), &options, &|_| {}, &cancel).unwrap();
        let mut scores = Scores::default();
        for (doc, predicted) in held.iter().zip(tagger.tag_many(&held)) {
            scores.add_document(doc, &predicted);
        }
        scores.micro().f1
    };
    let (without, with) = (f1(false), f1(true));
    assert!(
        with > without + 0.1,
        "with aggregation {with:.3}, without {without:.3}"
    );
}

#[test]
fn a_corpus_suggested_in_batches_gets_what_each_document_gets_alone() {
    // `taliq suggest` tags a corpus BATCH_DOCUMENTS documents at a time; past the first
    // batch each document must still get its own suggestions, no one else's.
    use crate::suggest::{BATCH_DOCUMENTS, Recommender, suggest_corpus, suggest_document};
    let tagger = shared_tagger();
    let mut corpus = ner_corpus(BATCH_DOCUMENTS + 3, 1, false, 17);
    corpus.documents = (corpus.documents.iter())
        .map(|doc| Document::new(doc.id.clone(), doc.text()))
        .collect();
    let recommenders: [&dyn Recommender; 1] = [tagger];
    let names: Vec<String> = corpus.labels.iter().map(|l| l.name.clone()).collect();
    let labels: Vec<&str> = names.iter().map(String::as_str).collect();
    let alone: Vec<_> = corpus
        .documents
        .iter()
        .map(|doc| suggest_document(doc, &recommenders, &labels, 0.0))
        .collect();
    let total = suggest_corpus(&mut corpus, &recommenders, 0.0);
    assert_eq!(total, alone.iter().map(Vec::len).sum::<usize>());
    assert!(
        !alone[BATCH_DOCUMENTS + 2].is_empty(),
        "the last batch has suggestions"
    );
    for (doc, expected) in corpus.documents.iter().zip(&alone) {
        assert_eq!(doc.suggestions(), expected.as_slice(), "{}", doc.id);
    }
}
