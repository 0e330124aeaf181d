//! The messages of one language (Project Fluent): `assets/i18n/<code>.ftl`, built into the
//! binary, formatted with their variables, plurals by the language's CLDR rules (Arabic has
//! six forms) and numbers in the chosen digits.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::locale::{Digits, Language};

/// The `.ftl` source of `language`'s messages.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::English => include_str!("../../../assets/i18n/en.ftl"),
        Language::Arabic => include_str!("../../../assets/i18n/ar.ftl"),
    }
}

/// A value given to a message's variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text: a name, a path, a label; kept as it is (never re-digited).
    Text(String),
    /// A number: chooses the plural form, written in the chosen digits.
    Number(f64),
    /// A number written with exactly `places` decimals (a score), in the chosen digits.
    Decimal {
        /// The number.
        value: f64,
        /// How many decimals it is written with.
        places: usize,
    },
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Self::Text(text.into_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Self::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, isize, i32, i64, f32, f64);

/// The messages of one language, with the digits its numbers are written in.
pub struct Catalog {
    language: Language,
    digits: Digits,
    bundle: FluentBundle<FluentResource>,
    /// English, for an id this language lacks (the tests keep that from happening).
    fallback: Option<Box<Catalog>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("language", &self.language)
            .field("digits", &self.digits)
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// `language`'s messages with numbers in `digits`.
    pub fn new(language: Language, digits: Digits) -> Self {
        let resource = match FluentResource::try_new(source(language).to_owned()) {
            Ok(resource) => resource,
            // The tests parse both files; a message the parser skips still has its fallback.
            Err((resource, errors)) => {
                log::warn!("{}.ftl: {errors:?}", language.code());
                resource
            }
        };
        let id = language
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new(vec![id]);
        // Arabic sentences isolate what is put into them (a file name, `PER`, a number)
        // so it keeps its own order; English lines are isolated by the engine's interface
        // lines where they hold Arabic.
        bundle.set_use_isolating(language.is_rtl());
        if digits == Digits::ArabicIndic {
            bundle.set_formatter(Some(arabic_indic_number));
        }
        if let Err(errors) = bundle.add_resource(resource) {
            log::warn!("{}.ftl: {errors:?}", language.code());
        }
        let fallback =
            (language != Language::English).then(|| Box::new(Self::new(Language::English, digits)));
        Self {
            language,
            digits,
            bundle,
            fallback,
        }
    }

    /// The language of the messages.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The digits numbers are written in.
    pub fn digits(&self) -> Digits {
        self.digits
    }

    /// Whether the catalog has a message `id` with a value.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|message| message.value().is_some())
    }

    /// Message `id` with its variables set from `args`; English when this language lacks
    /// it, and the id itself when no language has it.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            log::warn!("no message {id} in {}.ftl", self.language.code());
            return self
                .fallback
                .as_ref()
                .map_or_else(|| id.to_owned(), |english| english.text(id, args));
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                Arg::Decimal { value, places } => {
                    fluent_args.set(*name, decimal_value(*value, *places));
                }
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            log::warn!("message {id}: {errors:?}");
        }
        text.into_owned()
    }

    /// `n` in the catalog's digits.
    pub fn number(&self, n: f64) -> String {
        localize_digits(
            &fluent_bundle::types::FluentNumber::from(n).as_string(),
            self.digits,
        )
    }

    /// `value` with `places` decimals, in the catalog's digits and decimal separator.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        localize_digits(&format!("{value:.places$}"), self.digits)
    }
}

/// A number for Fluent written with exactly `places` decimals.
fn decimal_value(value: f64, places: usize) -> FluentValue<'static> {
    let scale = 10f64.powi(i32::try_from(places).unwrap_or(0));
    let mut number = fluent_bundle::types::FluentNumber::from((value * scale).round() / scale);
    number.options.minimum_fraction_digits = Some(places);
    FluentValue::Number(number)
}

/// Fluent's number formatter for Arabic-Indic digits: the number as Fluent writes it, its
/// digits and decimal point made Arabic.
fn arabic_indic_number<M>(value: &FluentValue<'_>, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => {
            Some(localize_digits(&number.as_string(), Digits::ArabicIndic))
        }
        _ => None,
    }
}

/// `text` (a number as Rust or Fluent writes it) in `digits`: ASCII digits become
/// Arabic-Indic ones and the decimal point the Arabic decimal separator (U+066B).
pub fn localize_digits(text: &str, digits: Digits) -> String {
    match digits {
        Digits::Western => text.to_owned(),
        Digits::ArabicIndic => {
            let chars: Vec<char> = text.chars().collect();
            let mut out = String::with_capacity(text.len() * 2);
            for (i, &c) in chars.iter().enumerate() {
                let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
                let digit_after = chars.get(i + 1).is_some_and(char::is_ascii_digit);
                match c {
                    '0'..='9' => {
                        out.push(
                            char::from_u32(0x0660 + u32::from(c) - u32::from('0')).unwrap_or(c),
                        );
                    }
                    '.' if digit_before && digit_after => out.push('\u{066B}'),
                    _ => out.push(c),
                }
            }
            out
        }
    }
}

/// A number typed in either digits: Western, Arabic-Indic (٠–٩) or Extended Arabic-Indic
/// (۰–۹, Persian and Urdu keyboards), with a `.` or the Arabic decimal separator (U+066B);
/// `None` when it is not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    western_digits(text.trim())
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// `text` as typed, with its Arabic-Indic and Extended Arabic-Indic digits made Western,
/// the Arabic decimal separator a `.` and a minus sign a `-`, for parsers that read ASCII.
pub fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => {
                char::from_u32(u32::from(c) - 0x0660 + u32::from('0')).unwrap_or(c)
            }
            '\u{06F0}'..='\u{06F9}' => {
                char::from_u32(u32::from(c) - 0x06F0 + u32::from('0')).unwrap_or(c)
            }
            '\u{066B}' => '.',
            // A minus as the Arabic keyboard or a word processor may write it.
            '\u{2212}' => '-',
            _ => c,
        })
        .collect()
}
