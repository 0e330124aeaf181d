//! The catalogs against each other and against the code: the same ids with the same
//! variables in every language, every id the code asks for present, Arabic's six plural
//! forms, digits and the choice of language from the environment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::catalog::source;
use super::locale::{Digits, Language, overridden, system_language};
use super::{Arg, Catalog};

/// Every message of `language`'s file with the variables it uses; parse errors fail.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source(language))
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", language.code()));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut variables);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut variables);
            }
            let previous = out.insert(message.id.name.to_owned(), variables);
            assert!(
                previous.is_none(),
                "{} twice in {}.ftl",
                message.id.name,
                language.code()
            );
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_language_has_the_same_ids_with_the_same_variables() {
    let english = messages(Language::English);
    assert!(english.len() > 30, "{} messages", english.len());
    for language in Language::ALL {
        let other = messages(language);
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "{}.ftl lacks {missing:?}",
            language.code()
        );
        assert!(
            extra.is_empty(),
            "{}.ftl has unknown ids {extra:?}",
            language.code()
        );
        for (id, variables) in &english {
            assert_eq!(
                &other[id],
                variables,
                "message {id}: the variables differ in {}.ftl",
                language.code()
            );
        }
    }
}

/// Every `tr!("id", name = …)` and `msg_id!("id")` under `dir`, with the variables the
/// code gives it (none for `msg_id!`, whose variables are given where it is looked up).
fn ids_in_code(dir: &Path, out: &mut Vec<(String, String, Option<BTreeSet<String>>)>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            ids_in_code(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            // This file's messages quote the macro; it asks for nothing.
            && !path.ends_with("i18n/tests.rs")
        {
            let text = std::fs::read_to_string(&path).expect("source file");
            for (macro_name, with_args) in [("tr!(", true), ("msg_id!(", false)] {
                for (at, _) in text.match_indices(macro_name) {
                    // `include_str!(` ends with `tr!(` too: only the macro itself counts,
                    // and not where a comment shows how it is called.
                    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    if text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                        || text[line_start..at].trim_start().starts_with("//")
                    {
                        continue;
                    }
                    let rest = text[at + macro_name.len()..].trim_start();
                    // The macros' own definitions and docs name no literal id.
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let Some(end) = rest.find('"') else { continue };
                    let id = rest[..end].to_owned();
                    let variables = with_args.then(|| call_variables(&rest[end + 1..]));
                    out.push((path.display().to_string(), id, variables));
                }
            }
        }
    }
}

/// The `name = …` variables of a `tr!` call whose text after the id is `after`.
fn call_variables(after: &str) -> BTreeSet<String> {
    // The call ends at the parenthesis that closes it.
    let mut depth = 1;
    let mut end = after.len();
    for (i, c) in after.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let call = &after[..end];
    let mut names = BTreeSet::new();
    let mut depth = 0;
    for (i, c) in call.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                let field = call[i + 1..].trim_start();
                let name: String = field
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && field[name.len()..].trim_start().starts_with('=') {
                    names.insert(name);
                }
            }
            _ => {}
        }
    }
    names
}

#[test]
fn every_id_the_code_asks_for_exists_with_the_variables_it_is_given() {
    let english = messages(Language::English);
    let mut used = Vec::new();
    ids_in_code(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    assert!(used.len() > 30, "only {} ids found in the code", used.len());
    for (file, id, variables) in &used {
        let Some(declared) = english.get(id) else {
            panic!("{file} asks for message {id}, which en.ftl lacks");
        };
        if let Some(given) = variables {
            assert_eq!(
                given, declared,
                "{file}: tr!(\"{id}\") gives other variables than en.ftl uses"
            );
        }
    }
}

/// `text` without the bidi isolates Fluent puts around what it places in an Arabic message.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

#[test]
fn arabic_plurals_take_their_six_forms() {
    let arabic = Catalog::new(Language::Arabic, Digits::ArabicIndic);
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| plain(&arabic.text("count-spans", &[("count", Arg::from(n))])))
        .collect();
    assert_eq!(
        forms,
        [
            "لا مقاطع",
            "مقطع واحد",
            "مقطعان",
            "٣ مقاطع",
            "١١ مقطعًا",
            "١٠٠ مقطع"
        ]
    );
    let western = Catalog::new(Language::Arabic, Digits::Western);
    assert_eq!(
        plain(&western.text("count-spans", &[("count", Arg::from(11))])),
        "11 مقطعًا"
    );
    let english = Catalog::new(Language::English, Digits::Western);
    let english_forms: Vec<String> = [0, 1, 2]
        .into_iter()
        .map(|n| english.text("count-spans", &[("count", Arg::from(n))]))
        .collect();
    assert_eq!(english_forms, ["0 spans", "1 span", "2 spans"]);
}

#[test]
fn arabic_messages_isolate_what_is_put_into_them_and_english_ones_do_not() {
    let arabic = Catalog::new(Language::Arabic, Digits::ArabicIndic);
    assert_eq!(
        arabic.text("count-spans", &[("count", Arg::from(3))]),
        "\u{2068}٣\u{2069} مقاطع"
    );
    let english = Catalog::new(Language::English, Digits::Western);
    assert_eq!(
        english.text("count-spans", &[("count", Arg::from(3))]),
        "3 spans"
    );
}

#[test]
fn digits_are_written_as_chosen_and_text_is_not_touched() {
    let arabic = Catalog::new(Language::Arabic, Digits::ArabicIndic);
    assert_eq!(arabic.number(2026.0), "٢٠٢٦");
    assert_eq!(arabic.decimal(0.7614, 2), "٠٫٧٦");
    assert_eq!(
        super::localize_digits("v1.2 of 3.5", Digits::ArabicIndic),
        "v١٫٢ of ٣٫٥"
    );
    assert_eq!(
        Catalog::new(Language::English, Digits::ArabicIndic).number(12.0),
        "١٢"
    );
    assert_eq!(
        Catalog::new(Language::Arabic, Digits::Western).decimal(0.5, 3),
        "0.500"
    );
    let scores = Catalog::new(Language::Arabic, Digits::ArabicIndic);
    let text = scores.text("status-language", &[]);
    assert!(!text.is_empty());
}

#[test]
fn numbers_typed_in_either_digits_are_read() {
    assert_eq!(super::parse_number("٢٢"), Some(22.0));
    assert_eq!(super::parse_number(" ١٫٥ "), Some(1.5));
    assert_eq!(super::parse_number("۳۰"), Some(30.0));
    assert_eq!(super::parse_number("1.8"), Some(1.8));
    assert_eq!(super::parse_number("−٣"), Some(-3.0));
    // What localize_digits writes reads back.
    let written = super::localize_digits("2.4", Digits::ArabicIndic);
    assert_eq!(super::parse_number(&written), Some(2.4));
    for not_a_number in ["", "pt", "٢٢ pt", "1..2", "NaN", "inf", "١e999"] {
        assert_eq!(super::parse_number(not_a_number), None, "{not_a_number:?}");
    }
}

#[test]
fn an_unknown_id_falls_back_to_english_then_to_the_id() {
    let arabic = Catalog::new(Language::Arabic, Digits::Western);
    assert_eq!(arabic.text("no-such-message", &[]), "no-such-message");
}

#[test]
fn the_language_follows_taliq_lang_then_the_system_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        system_language(env(&[("LANG", "ar_SA.UTF-8")])),
        Language::Arabic
    );
    assert_eq!(
        system_language(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ar_EG.UTF-8")])),
        Language::English
    );
    assert_eq!(
        system_language(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "ar"),
            ("LANG", "en_GB")
        ])),
        Language::Arabic
    );
    assert_eq!(system_language(env(&[("LANG", "C")])), Language::English);
    assert_eq!(
        system_language(env(&[("LANG", "fr_FR.UTF-8")])),
        Language::English
    );
    assert_eq!(system_language(env(&[])), Language::English);
    assert_eq!(
        overridden(env(&[("TALIQ_LANG", "ar")])),
        Some(Language::Arabic)
    );
    assert_eq!(
        overridden(env(&[("TALIQ_LANG", "EN")])),
        Some(Language::English)
    );
    assert_eq!(overridden(env(&[("TALIQ_LANG", "de")])), None);
    assert_eq!(overridden(env(&[])), None);
}

#[test]
fn the_language_in_force_is_per_thread() {
    super::set_locale(Language::Arabic, Digits::ArabicIndic);
    assert!(super::is_rtl());
    assert_eq!(plain(&super::tr!("count-spans", count = 2)), "مقطعان");
    let other = std::thread::spawn(|| super::tr!("count-spans", count = 2))
        .join()
        .expect("thread");
    assert_eq!(other, "2 spans");
    super::set_locale(Language::English, Digits::Western);
    assert_eq!(super::tr!("menu-file"), "File");
}
