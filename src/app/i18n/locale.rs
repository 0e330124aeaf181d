//! Which language the window speaks and which digits its numbers use, and how the first
//! start picks them from the environment.

use serde::{Deserialize, Serialize};

/// A language of the window's interface (the command line stays English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English, left to right.
    #[default]
    English,
    /// Arabic, the whole window mirrored right to left.
    Arabic,
}

impl Language {
    /// Every language, in the order View → Language lists them.
    pub const ALL: [Self; 2] = [Self::English, Self::Arabic];

    /// Its BCP 47 code, which names its `.ftl` file.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Arabic => "ar",
        }
    }

    /// Its name in itself, as the menu lists it whatever the window's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Arabic => "العربية",
        }
    }

    /// Whether its interface reads right to left (and the window is mirrored).
    pub fn is_rtl(self) -> bool {
        self == Self::Arabic
    }

    /// The digits its numbers use unless the reader chooses otherwise.
    pub fn default_digits(self) -> Digits {
        match self {
            Self::English => Digits::Western,
            Self::Arabic => Digits::ArabicIndic,
        }
    }

    /// The language a locale name (`ar`, `ar_EG.UTF-8`, `en-GB`, `C`) asks for, if taliq
    /// has it: the part before `_`, `-`, `.` or `@`.
    pub fn from_locale(name: &str) -> Option<Self> {
        let language = name
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "ar" => Some(Self::Arabic),
            "en" => Some(Self::English),
            _ => None,
        }
    }
}

/// The digits numbers are written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Digits {
    /// 0123456789.
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic, U+0660–U+0669).
    ArabicIndic,
}

/// The variable that overrides every other choice of language (`ar` or `en`): for tests,
/// screenshots and a one-off start in the other language.
pub const OVERRIDE_VARIABLE: &str = "TALIQ_LANG";

/// The language `TALIQ_LANG` asks for, read through `get` (the environment).
pub fn overridden(get: impl Fn(&str) -> Option<String>) -> Option<Language> {
    get(OVERRIDE_VARIABLE).and_then(|value| Language::from_locale(value.trim()))
}

/// The language of the system's locale, read through `get`: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides (POSIX's order); Arabic when
/// it starts with `ar`, else English.
pub fn system_language(get: impl Fn(&str) -> Option<String>) -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| get(name).filter(|value| !value.trim().is_empty()))
        .and_then(|value| Language::from_locale(value.trim()))
        .unwrap_or_default()
}

/// Reads one environment variable (for [`overridden`] and [`system_language`]).
pub fn environment(name: &str) -> Option<String> {
    std::env::var(name).ok()
}
