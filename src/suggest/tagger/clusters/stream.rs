//! Text as the clusters see it: every sentence's folded words, interned, in one stream.
//!
//! Sentences are cut as the tagger cuts them (line breaks, `.`, `!`, `?`, `؟`) and words are
//! the tagger's tokens folded as its features fold them, so a word of a document to tag is
//! found under the same key its cluster was learned under.

use crate::suggest::tagger::WordMap;

use crate::annotate::search::fold_word;
use crate::tokenize::tokenize_with_clitics_located;

/// Marks the end of a sentence in [`WordStream::tokens`].
pub const SENTENCE_END: u32 = u32::MAX;

/// Interned folded words of some text, in order, sentences ended by [`SENTENCE_END`].
#[derive(Debug, Default, Clone)]
pub struct WordStream {
    ids: WordMap<String, u32>,
    /// Each word id's folded word.
    pub words: Vec<String>,
    /// Each word id's count.
    pub counts: Vec<u32>,
    /// The word ids in text order, each sentence followed by [`SENTENCE_END`].
    pub tokens: Vec<u32>,
}

impl WordStream {
    /// Words in the stream (sentence ends not counted).
    pub fn word_count(&self) -> usize {
        self.tokens.len() - self.sentence_count()
    }

    /// Sentences in the stream.
    pub fn sentence_count(&self) -> usize {
        self.tokens.iter().filter(|&&t| t == SENTENCE_END).count()
    }

    fn intern(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            self.counts[id as usize] += 1;
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(folded.to_owned(), id);
        self.words.push(folded.to_owned());
        self.counts.push(1);
        id
    }

    /// Adds a sentence of words already folded.
    pub fn add_sentence<S: AsRef<str>>(&mut self, folded_words: impl IntoIterator<Item = S>) {
        let before = self.tokens.len();
        for w in folded_words {
            let id = self.intern(w.as_ref());
            self.tokens.push(id);
        }
        if self.tokens.len() > before {
            self.tokens.push(SENTENCE_END);
        }
    }

    /// Adds a text: tokenised, cut into sentences and folded as the tagger does.
    pub fn add_text(&mut self, text: &str) {
        let tokens = tokenize_with_clitics_located(text, &[]);
        let mut open = false;
        for (i, (_, bytes)) in tokens.iter().enumerate() {
            let word = &text[bytes.clone()];
            let id = self.intern(&fold_word(word));
            self.tokens.push(id);
            open = true;
            if super::super::sentences::ends_sentence(text, &tokens, i) {
                self.tokens.push(SENTENCE_END);
                open = false;
            }
        }
        if open {
            self.tokens.push(SENTENCE_END);
        }
    }

    /// The stream of some texts, tokenised on `threads` threads (0: all cores); the same
    /// stream, ids included, whatever the thread count.
    pub fn of_texts(texts: &[&str], threads: usize) -> Self {
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        } else {
            threads
        }
        .clamp(1, texts.len().max(1));
        if threads == 1 {
            let mut stream = Self::default();
            for text in texts {
                stream.add_text(text);
            }
            return stream;
        }
        let chunk = texts.len().div_ceil(threads);
        let parts: Vec<Self> = std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut stream = Self::default();
                        for text in part {
                            stream.add_text(text);
                        }
                        stream
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut stream = Self::default();
        for part in parts {
            stream.append(&part);
        }
        stream
    }

    /// Appends another stream after this one, re-interning its words in order of first
    /// appearance (so ids are as if its text had been added here).
    pub fn append(&mut self, other: &Self) {
        let mut remap = vec![u32::MAX; other.words.len()];
        self.tokens.reserve(other.tokens.len());
        for &t in &other.tokens {
            if t == SENTENCE_END {
                self.tokens.push(SENTENCE_END);
                continue;
            }
            let mapped = &mut remap[t as usize];
            if *mapped == u32::MAX {
                let word = &other.words[t as usize];
                *mapped = if let Some(&id) = self.ids.get(word) {
                    id
                } else {
                    let id = self.words.len() as u32;
                    self.ids.insert(word.clone(), id);
                    self.words.push(word.clone());
                    self.counts.push(0);
                    id
                };
            }
            self.counts[*mapped as usize] += 1;
            self.tokens.push(*mapped);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_into_sentences_of_folded_words() {
        let mut s = WordStream::default();
        s.add_text("قالَ بوتين: إنّ موسكو مستعدة. وأضاف\nأمس");
        let words: Vec<&str> = s
            .tokens
            .iter()
            .map(|&t| {
                if t == SENTENCE_END {
                    "|"
                } else {
                    s.words[t as usize].as_str()
                }
            })
            .collect();
        assert_eq!(
            words,
            [
                "قال",
                "بوتين",
                ":",
                "ان",
                "موسكو",
                "مستعده",
                ".",
                "|",
                "واضاف",
                "|",
                "امس",
                "|"
            ]
        );
        assert_eq!(s.sentence_count(), 3);
        assert_eq!(s.word_count(), 9);
    }

    #[test]
    fn threads_give_the_same_stream() {
        let texts: Vec<String> = (0..40)
            .map(|i| format!("زار الرئيس مدينة رقم {i} أمس. ثم عاد إلى القاهرة 😀\u{0}"))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let one = WordStream::of_texts(&refs, 1);
        let three = WordStream::of_texts(&refs, 3);
        assert_eq!(one.tokens, three.tokens);
        assert_eq!(one.words, three.words);
        assert_eq!(one.counts, three.counts);
    }
}
