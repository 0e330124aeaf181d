//! Agreement figures against reference implementations (scikit-learn, statsmodels, the
//! `krippendorff` package) and against span counts made independently in Python, on three
//! annotators' versions of the sample article. Fixtures: `tests/fixtures/make_agreement_fixtures.py`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use taliq::review::alpha::AlphaTally;
use taliq::review::kappa::{FleissTally, cohen, one_vs_rest};
use taliq::review::{self, Report};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read_json(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn ratings(v: &Value) -> Vec<Vec<Option<usize>>> {
    v.as_array()
        .expect("raters")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("units")
                .iter()
                .map(|x| x.as_u64().map(|x| x as usize))
                .collect()
        })
        .collect()
}

fn close(actual: Option<f64>, expected: &Value) {
    let expected = expected.as_f64().expect("a number");
    let actual = actual.expect("defined");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

fn unit_counts(ratings: &[Vec<Option<usize>>], categories: usize, unit: usize) -> Vec<u64> {
    let mut counts = vec![0; categories];
    for rater in ratings {
        if let Some(c) = rater[unit] {
            counts[c] += 1;
        }
    }
    counts
}

#[test]
fn kappa_and_alpha_equal_the_python_reference_implementations() {
    let fx = read_json("agreement_reference.json");
    let k = fx["categories"].as_u64().unwrap() as usize;
    let full = ratings(&fx["ratings"]);
    let units = full[0].len();

    let mut confusion = vec![vec![0_u64; k]; k];
    for u in 0..units {
        confusion[full[0][u].unwrap()][full[1][u].unwrap()] += 1;
    }
    close(cohen(&confusion), &fx["cohen_kappa_0_1"]);
    for c in 0..k {
        close(
            cohen(&one_vs_rest(&confusion, c)),
            &fx["cohen_kappa_0_1_per_category"][c],
        );
    }

    let mut fleiss = FleissTally::new(k, 3);
    let mut alpha = AlphaTally::new(k);
    for u in 0..units {
        let counts = unit_counts(&full, k, u);
        fleiss.add_unit(&counts);
        alpha.add_unit(&counts);
    }
    close(fleiss.kappa(), &fx["fleiss_kappa"]);
    close(alpha.alpha(), &fx["krippendorff_alpha"]);

    let missing = ratings(&fx["ratings_with_missing"]);
    assert!(missing.iter().flatten().any(Option::is_none));
    let mut alpha = AlphaTally::new(k);
    for u in 0..units {
        alpha.add_unit(&unit_counts(&missing, k, u));
    }
    close(alpha.alpha(), &fx["krippendorff_alpha_with_missing"]);
}

fn sample_report() -> Report {
    let names: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|n| format!("agreement_{n}.json"))
        .collect();
    let corpora: Vec<_> = names
        .iter()
        .map(|n| taliq::format::load(fixture(n)).expect("valid fixture"))
        .collect();
    review::agree(&corpora, &names).expect("same texts")
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

#[test]
fn three_annotators_on_the_sample_article_give_the_expected_span_figures() {
    let expected = read_json("agreement_expected.json");
    let report = sample_report();
    assert_eq!(report.documents, 1);
    assert_eq!(
        serde_json::to_value(&report.partial_documents).unwrap(),
        expected["partial_documents"]
    );
    assert_eq!(report.pairs.len(), 3);
    for pair in &report.pairs {
        let key = format!("{}-{}", pair.reference, pair.other);
        let counts = &expected["pairs"][&key];
        for fig in pair.per_label.iter().chain([&pair.overall]) {
            let c = &counts[&fig.label];
            let n = |f: &str| c[f].as_u64().expect("count");
            let (r, o) = (n("reference"), n("other"));
            assert_eq!(
                fig.exact.precision,
                ratio(n("exact"), o),
                "{key} {}",
                fig.label
            );
            assert_eq!(
                fig.exact.recall,
                ratio(n("exact"), r),
                "{key} {}",
                fig.label
            );
            assert_eq!(
                fig.exact.f1,
                ratio(2 * n("exact"), r + o),
                "{key} {}",
                fig.label
            );
            assert_eq!(
                fig.partial.f1,
                ratio(2 * n("partial"), r + o),
                "{key} {}",
                fig.label
            );
        }
        let confusion: Vec<Value> = pair
            .confusion
            .iter()
            .map(|c| serde_json::json!([c.reference_label, c.other_label, c.count]))
            .collect();
        let mut want = expected["confusion"][&key].as_array().unwrap().clone();
        let mut got = confusion;
        want.sort_by_key(ToString::to_string);
        got.sort_by_key(ToString::to_string);
        assert_eq!(got, want, "confusion {key}");
    }
    let only: Vec<Value> = report
        .only_one
        .iter()
        .map(|o| serde_json::json!([o.annotator, o.label, o.count]))
        .collect();
    assert_eq!(Value::from(only), expected["only_one"]);
}

#[test]
fn boundary_conflict_scores_partial_credit_not_a_miss() {
    // Annotators a and b differ on الكرملين vs “الكرملين”, موسكو's label and a left-out span:
    // partial F1 over ORG must be above exact F1.
    let report = sample_report();
    let ab = &report.pairs[0];
    let org = ab.per_label.iter().find(|f| f.label == "ORG").unwrap();
    assert!(org.partial.f1.unwrap() > org.exact.f1.unwrap());
}

#[test]
fn identical_annotators_agree_perfectly_on_every_measure() {
    let corpus = taliq::format::load(fixture("agreement_a.json")).unwrap();
    let names = vec!["x".to_owned(), "y".to_owned(), "z".to_owned()];
    let report = review::agree(&[corpus.clone(), corpus.clone(), corpus], &names).unwrap();
    let o = &report.overall;
    assert_eq!((o.exact.f1, o.partial.f1), (Some(1.0), Some(1.0)));
    for v in [
        o.cohen_kappa,
        o.fleiss_kappa,
        o.krippendorff_alpha,
        o.unitizing_alpha,
    ] {
        assert!((v.unwrap() - 1.0).abs() < 1e-12);
    }
    assert!(report.only_one.is_empty());
    assert!(report.pairs.iter().all(|p| p.confusion.is_empty()));
}

#[test]
fn token_measures_drop_when_annotators_disagree() {
    let report = sample_report();
    let o = &report.overall;
    for v in [
        o.cohen_kappa,
        o.fleiss_kappa,
        o.krippendorff_alpha,
        o.unitizing_alpha,
    ] {
        let v = v.unwrap();
        assert!(v > 0.5 && v < 1.0, "{v}");
    }
    // c labelled one PER span ORG, so PER agreement falls below 1; DATE spans are all equal.
    let per = report.per_label.iter().find(|f| f.label == "PER").unwrap();
    assert!(per.fleiss_kappa.unwrap() < 1.0);
    let date = report.per_label.iter().find(|f| f.label == "DATE").unwrap();
    assert!(
        (date.krippendorff_alpha.unwrap() - 1.0).abs() < 1e-12,
        "DATE spans are all equal"
    );
}

fn taliq(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_taliq"))
        .args(args)
        .current_dir(fixture(""))
        .output()
        .expect("taliq runs")
}

#[test]
fn agree_cli_prints_a_table_and_the_same_figures_as_json() {
    let files = ["agreement_a.json", "agreement_b.json", "agreement_c.json"];
    let out = taliq(&[&["agree"][..], &files[..]].concat());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("compared 1 documents"), "{text}");
    assert!(
        text.contains("not compared: only-a-b (only in annotator 1, 2)"),
        "{text}"
    );
    let overall = text
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("overall row");
    assert!(overall.contains("12/11/12"), "{overall}");
    assert!(text.contains("LOC      → ORG"), "{text}");

    let out = taliq(&[&["agree", "--json"][..], &files[..]].concat());
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = sample_report();
    same_figures(
        &json["overall"],
        &serde_json::to_value(&report.overall).unwrap(),
    );
    same_figures(
        &json["per_label"],
        &serde_json::to_value(&report.per_label).unwrap(),
    );
}

/// Equal JSON trees, numbers within 1e-12: `serde_json` may parse a float one ulp off.
fn same_figures(a: &Value, b: &Value) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().expect("f64"), y.as_f64().expect("f64"));
            assert!((x - y).abs() < 1e-12, "{x} != {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len());
            x.iter().zip(y).for_each(|(x, y)| same_figures(x, y));
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
            x.values()
                .zip(y.values())
                .for_each(|(x, y)| same_figures(x, y));
        }
        _ => assert_eq!(a, b),
    }
}

#[test]
fn agree_cli_names_the_document_whose_text_differs() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read_to_string(fixture("agreement_a.json")).unwrap();
    // Replace the first curly quote of the article, at code point 20, with a guillemet.
    let changed = a.replacen("“الكرملين”،", "«الكرملين»،", 1);
    assert_ne!(a, changed);
    let path = dir.path().join("changed.json");
    std::fs::write(
        &path,
        changed.replace("\"text\": \"“الكرملين”\"", "\"text\": \"«الكرملين»\""),
    )
    .unwrap();
    let out = taliq(&[
        "agree",
        fixture("agreement_b.json").to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\"000_f13009966aefca6f\""), "{err}");
    assert!(err.contains("first difference at code point 20"), "{err}");

    let out = taliq(&["agree", "agreement_a.json"]);
    assert_eq!(out.status.code(), Some(2), "one file is a usage error");

    // A review names the two files too, and writes no gold file.
    let gold = dir.path().join("gold.json");
    let out = taliq(&[
        "adjudicate",
        fixture("agreement_b.json").to_str().unwrap(),
        path.to_str().unwrap(),
        "--gold",
        gold.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("changed.json (a) than in") && err.contains("agreement_b.json (b)"),
        "{err}"
    );
    assert!(err.contains("first difference at code point 20"), "{err}");
    assert!(!gold.exists());
}

#[test]
fn confusion_matrix_of_the_sample_puts_each_conflict_in_its_cell() {
    let report = sample_report();
    let at = |m: &[Vec<u64>], r: &str, c: &str| {
        let i = |l: &str| report.labels.iter().position(|x| x == l).unwrap();
        m[i(r)][i(c)]
    };
    // a and b: موسكو LOC against ORG.
    let ab = report.confusion_matrix(Some(0));
    assert_eq!(at(&ab, "LOC", "ORG"), 1);
    assert_eq!(ab.iter().flatten().sum::<u64>(), 1);
    // b and c: موسكو ORG against LOC, and سيرغي ناريشكين PER against ORG.
    let bc = report.confusion_matrix(Some(2));
    assert_eq!(at(&bc, "ORG", "LOC"), 1);
    assert_eq!(at(&bc, "PER", "ORG"), 1);
    // Every pair: a and c add ناريشكين PER against ORG once more.
    let all = report.confusion_matrix(None);
    assert_eq!(at(&all, "PER", "ORG"), 2);
    assert_eq!(all.iter().flatten().sum::<u64>(), 4);
    assert!(
        report
            .confusion_matrix(Some(3))
            .iter()
            .flatten()
            .all(|&n| n == 0)
    );
}

#[test]
fn adjudicate_cli_accepts_what_all_agree_on_then_review_goes_on_from_there() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.json");
    let files = ["a", "b", "c"].map(|n| fixture(&format!("agreement_{n}.json")));
    let mut args = vec!["adjudicate"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["--gold", gold.to_str().unwrap()]);
    let out = taliq(&args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("7 agreed spans accepted in 1 documents; 9 candidates left to review"),
        "{said}"
    );
    let corpus = taliq::format::load(&gold).expect("the gold file validates");
    let doc = &corpus.documents[0];
    assert_eq!(doc.spans().len(), 7);
    assert!(
        doc.spans()
            .iter()
            .all(|s| s.extra["annotators"] == serde_json::json!(["a", "b", "c"]))
    );
    // A second run finds nothing more to take and leaves the file as it was.
    let before = std::fs::read(&gold).unwrap();
    let out = taliq(&args);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("0 agreed spans accepted"),
    );
    assert_eq!(std::fs::read(&gold).unwrap(), before);
    // An annotator's file is never taken as the gold.
    let a = std::fs::read(&files[0]).unwrap();
    let out = taliq(&[
        "adjudicate",
        files[0].to_str().unwrap(),
        files[1].to_str().unwrap(),
        "--gold",
        files[0].to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&files[0]).unwrap(), a);
}
