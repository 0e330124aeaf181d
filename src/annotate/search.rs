//! Arabic-aware search: matches that ignore harakat and tatweel and, on request, fold
//! letter variants, reported as code-point ranges of the original text.

use crate::model::CharRange;

/// How loosely a query matches the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    /// Treat أ إ آ ٱ as ا, ى as ي and ة as ه.
    pub fold_letters: bool,
    /// Also match inside words (after proclitics such as و and ل, or as part of a longer word);
    /// otherwise a match must start and end at word edges.
    pub inside_words: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            fold_letters: true,
            inside_words: false,
        }
    }
}

/// Whether a character is left out of matching: harakat, Quranic marks, superscript alef, tatweel.
fn ignored(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

fn fold(c: char, letters: bool) -> char {
    if !letters {
        return c;
    }
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        other => other.to_lowercase().next().unwrap_or(other),
    }
}

/// `text` as matching sees it with letters folded: harakat and tatweel dropped, أ إ آ ٱ as ا,
/// ى as ي, ة as ه, Latin lower-cased (the suggestion tagger's folded word form).
pub fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !ignored(*c))
        .map(|c| fold(c, true))
        .collect()
}

/// The text reduced for matching, with the code-point offset each reduced character came from.
fn reduce(text: &str, letters: bool) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len() / 2);
    let mut origin = Vec::with_capacity(text.len() / 2);
    for (i, c) in text.chars().enumerate() {
        if !ignored(c) {
            chars.push(fold(c, letters));
            origin.push(i);
        }
    }
    (chars, origin)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ignored(c)
}

/// Every match of `query` in `text`, in order, non-overlapping, as ranges of the original
/// text that take in the marks following the last matched letter.
pub fn find_all(text: &str, query: &str, options: SearchOptions) -> Vec<CharRange> {
    let (needle, _) = reduce(query, options.fold_letters);
    if needle.is_empty() {
        return Vec::new();
    }
    let (hay, origin) = reduce(text, options.fold_letters);
    let all: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            let start = origin[i];
            // The match ends after the last letter and any marks or tatweel that follow it.
            let mut end = origin[i + needle.len() - 1] + 1;
            while end < all.len() && ignored(all[end]) {
                end += 1;
            }
            let at_word_edges = (start == 0 || !is_word_char(all[start - 1]))
                && (end == all.len() || !is_word_char(all[end]));
            if options.inside_words || at_word_edges {
                found.push(CharRange::between(start, end));
                i += needle.len();
                continue;
            }
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, query: &str, options: SearchOptions) -> Vec<String> {
        find_all(text, query, options)
            .iter()
            .map(|r| crate::model::textindex::char_slice(text, *r).to_owned())
            .collect()
    }

    #[test]
    fn harakat_and_tatweel_are_ignored_on_both_sides() {
        let text = "قال مُحَمَّدٌ إن مـحـمـد ومحمد حضروا";
        let whole = SearchOptions::default();
        assert_eq!(texts(text, "محمد", whole), ["مُحَمَّدٌ", "مـحـمـد"]);
        assert_eq!(texts(text, "مُحَمَّد", whole), ["مُحَمَّدٌ", "مـحـمـد"]);
        let inside = SearchOptions {
            inside_words: true,
            ..whole
        };
        assert_eq!(texts(text, "محمد", inside), ["مُحَمَّدٌ", "مـحـمـد", "محمد"]);
    }

    #[test]
    fn letter_variants_fold_only_on_request() {
        let text = "أوكرانيا واوكرانيا إوكرانيا مدرسة مدرسه على علي";
        let fold = SearchOptions {
            fold_letters: true,
            inside_words: true,
        };
        assert_eq!(texts(text, "اوكرانيا", fold).len(), 3);
        assert_eq!(texts(text, "مدرسة", fold), ["مدرسة", "مدرسه"]);
        assert_eq!(texts(text, "على", fold), ["على", "علي"]);
        let exact = SearchOptions {
            fold_letters: false,
            inside_words: true,
        };
        assert_eq!(texts(text, "أوكرانيا", exact), ["أوكرانيا"]);
    }

    #[test]
    fn inside_words_finds_entities_after_proclitics() {
        let text = "دعم أوكرانيا، وأوكرانيا ولأوكرانيا «أوكرانيا»";
        let whole = SearchOptions::default();
        assert_eq!(
            find_all(text, "أوكرانيا", whole).len(),
            2,
            "only the free-standing ones"
        );
        let inside = SearchOptions {
            inside_words: true,
            ..whole
        };
        let found = find_all(text, "أوكرانيا", inside);
        assert_eq!(found.len(), 4);
        // The one after و ل starts after the lam, inside the lam-alef.
        let third: String = text.chars().skip(found[2].start() - 2).take(2).collect();
        assert_eq!(third, "ول");
    }
}
