//! User lexicons: words added to the built-in vocabulary of the rules.
//!
//! Each rule keeps its own words in a table beside it (the units in the number rule, the
//! legal-form endings in the enterprise rule, …). A [`Lexicon`] adds words to some of those
//! tables, without a fork: a port's `标箱`, a region's cooperative form `专业合作社`.
//!
//! ```
//! use zhfacts::{Extractor, Fact, Lexicon};
//!
//! let lexicon = Lexicon::from_toml(r#"units = ["标箱", "艘次"]"#)?;
//! let extractor = Extractor::new().with_lexicon(lexicon);
//! let number = |text| match &extractor.extract(text)[..] {
//!     [Fact::Number(n)] => Some((n.value, n.unit.clone().unwrap_or_default().into_owned())),
//!     _ => None,
//! };
//! assert_eq!(number("集装箱吞吐量120万标箱"), Some((1_200_000.0, "标箱".into())));
//! // Without the lexicon, 艘次 is read as 艘.
//! assert_eq!(number("进出港船舶3500艘次"), Some((3500.0, "艘次".into())));
//! # Ok::<(), zhfacts::LexiconError>(())
//! ```

use serde::Deserialize;

/// Words added to the built-in vocabulary, each list to one table of the rules.
///
/// Read from TOML ([`Lexicon::from_toml`]), a file kept beside the data:
///
/// ```toml
/// units = ["标箱", "艘次"]
/// over = ["多达"]
/// enterprise_endings = ["专业合作社"]
/// time_words = ["眼下"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lexicon {
    /// Units of numbers (`标箱`: `120万标箱` is 1,200,000 标箱).
    pub units: Vec<String>,
    /// Words before a number that make it a lower bound (`多达`).
    pub over: Vec<String>,
    /// Words before a number that make it an upper bound (`不足`).
    pub under: Vec<String>,
    /// Words before a number that make it approximate (`大约`).
    pub about: Vec<String>,
    /// Legal-form endings of company names (`专业合作社`).
    pub enterprise_endings: Vec<String>,
    /// Scopes of rankings, written right before the place (`全流域`).
    pub scopes: Vec<String>,
    /// Time words that name no placeable time (`眼下`): dates with a null `iso`.
    pub time_words: Vec<String>,
}

/// Why a lexicon was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The TOML does not parse, or names a field a lexicon does not have.
    #[error("lexicon line {line}: {message}")]
    Toml {
        /// The line (from 1) where the error is, 0 if unknown.
        line: usize,
        /// What is wrong, in the `toml` crate's words.
        message: String,
    },
    /// A word that no text could hold as a word.
    #[error("lexicon line {line}: {field} entry {word:?} {why}")]
    BadEntry {
        /// The line (from 1) of the entry, 0 for a lexicon not read from TOML.
        line: usize,
        /// The field it is in (`units`, `time_words`, …).
        field: &'static str,
        /// The entry as written.
        word: String,
        /// What is wrong with it.
        why: &'static str,
    },
}

impl Lexicon {
    /// Reads a lexicon from TOML: a list of strings per field, every field optional.
    ///
    /// ```
    /// use zhfacts::{Lexicon, LexiconError};
    /// let err = Lexicon::from_toml("units = [\"标箱\"]\ntime_words = [\"眼 下\"]").unwrap_err();
    /// assert!(matches!(err, LexiconError::BadEntry { line: 2, field: "time_words", .. }));
    /// assert_eq!(err.to_string(), "lexicon line 2: time_words entry \"眼 下\" has a space");
    /// assert!(matches!(Lexicon::from_toml("unit = []"), Err(LexiconError::Toml { line: 1, .. })));
    /// ```
    pub fn from_toml(text: &str) -> Result<Lexicon, LexiconError> {
        let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
        let lexicon: Lexicon = toml::from_str(text).map_err(|e| LexiconError::Toml {
            line: e.span().map_or(0, |s| line_of(s.start)),
            message: e.message().to_string(),
        })?;
        if let Err(LexiconError::BadEntry { field, word, why, .. }) = lexicon.check() {
            // The entry's line: where the word is first written as a string (0 if it is
            // written with escapes).
            let line = text.find(&format!("\"{word}\"")).map_or(0, line_of);
            return Err(LexiconError::BadEntry { line, field, word, why });
        }
        Ok(lexicon)
    }

    /// The fields by name, in order.
    fn fields(&self) -> [(&'static str, &[String]); 7] {
        [
            ("units", &self.units),
            ("over", &self.over),
            ("under", &self.under),
            ("about", &self.about),
            ("enterprise_endings", &self.enterprise_endings),
            ("scopes", &self.scopes),
            ("time_words", &self.time_words),
        ]
    }

    /// Every entry a word: not empty, no whitespace.
    pub fn check(&self) -> Result<(), LexiconError> {
        for (field, words) in self.fields() {
            for word in words {
                let why = if word.is_empty() {
                    "is empty"
                } else if word.chars().any(char::is_whitespace) {
                    "has a space"
                } else {
                    continue;
                };
                return Err(LexiconError::BadEntry {
                    line: 0,
                    field,
                    word: word.clone(),
                    why,
                });
            }
        }
        Ok(())
    }

    /// Does it add no word?
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, words)| words.is_empty())
    }
}
