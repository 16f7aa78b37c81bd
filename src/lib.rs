#![warn(missing_docs)]
//! Facts from Chinese government-report prose, as typed records.
//!
//! ```
//! use zhfacts::{extract, Fact};
//!
//! let facts = extract("规上工业应税销售突破1000亿元，城镇登记失业率低于3%。");
//! let Fact::Number(sales) = &facts[0] else { panic!() };
//! assert_eq!((sales.value, sales.unit.as_deref()), (1e11, Some("元")));
//! let Fact::Percentage(rate) = &facts[1] else { panic!() };
//! assert_eq!((&*rate.text, rate.value), ("低于3%", 3.0));
//! ```
//!
//! A fact's strings borrow from the text it was read from: extraction copies none.
//! [`Fact::into_owned`] gives a fact to keep after the text is gone.
//!
//! # What it finds
//!
//! | [`Fact`] | example |
//! | --- | --- |
//! | [`Number`] | `突破1000亿元` → 100000000000 元, over |
//! | [`Percentage`] | `2.5个百分点` → 2.5, points |
//! | [`Ranking`] | `“全国百强区”第18位`, `全市第一方阵`, `前移2位` |
//! | [`Enterprise`] | `中天钢铁集团（南通）有限公司` |
//! | [`ClusterChain`] | `7群12链`, `12条产业链和7大产业集群`, with their members |
//! | [`Date`] | `2022年1至11月` → `2022-01/2022-11`, `去年` against the document year |
//! | [`Formula`] | `一示范四城市` → `[[1,"示范"],[4,"城市"]]`, with its members |
//!
//! Numbers and percentages also carry what they measure (`subject`) and which way it moved
//! (`change`).
//!
//! # Stages
//!
//! 1. Line breaks inside sentences (PDF text) are joined; offsets are mapped back later.
//! 2. One pass over the bytes records where the characters each rule needs are (date
//!    anchors, numeral starts, clause marks, trigger characters); rules with none of them
//!    are skipped. The words that mark a rule's place on their own (legal-form endings,
//!    time words, change words, where a ranking starts) are found by one Aho-Corasick
//!    automaton over the rules' word tables, which a [`Lexicon`] extends.
//! 3. The rules' patterns (dates, rankings, N群M链 structures) are named regexes, run
//!    anchored only where the pass says a match may start.
//! 4. Numerals are read once by the normalizer ([`numeral`]), exactly.
//! 5. The extractors run in a fixed order; dates, percentages, rankings and company names
//!    claim their spans so that numbers do not repeat them (`2022年` is no number).
//! 6. Subjects and changes are read around each value, segmenting (jieba-rs) only a short
//!    window.
//!
//! # Files
//!
//! [`input`] reads report files: UTF-8 as it is, GB18030 and UTF-16 when named, and an
//! error that names the encoding a file looks like when it is not UTF-8.
//!
//! # Offsets
//!
//! Every record's `start` and `end` are byte offsets into the input, half-open, on char
//! boundaries: `&input[start..end] == text`.

mod error;
mod extract;
pub mod fact;
pub mod input;
mod lexicon;
pub mod numeral;
mod segment;
#[cfg(test)]
mod testing;
mod text;

pub use error::Error;
pub use fact::{Bound, Change, ClusterChain, Date, Enterprise, Fact, Formula, Kind, Number, Percentage, Ranking};
pub use lexicon::{Lexicon, LexiconError};

/// The document years an [`Extractor`] takes: years of four digits. A relative date
/// (`前年`, `明年`) is read at most two years away from one.
pub const DOCUMENT_YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Extraction options, built once and reused across threads.
///
/// # Example
/// ```
/// use zhfacts::{Extractor, Kind};
/// let percent_only = Extractor::new().with_kinds(&[Kind::Percentage]);
/// let facts = percent_only.extract("增长12.6%，实现营收3亿元");
/// assert_eq!(facts.len(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    kinds: [bool; 7],
    dating: Dating,
    /// The built-in words plus a lexicon's (`None`: the built-in words alone).
    vocabulary: Option<std::sync::Arc<extract::vocabulary::Vocabulary>>,
}

/// What the date rules are told of the document, beyond its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Dating {
    /// The year relative dates are read against (else inferred from the text).
    pub year: Option<i32>,
    /// Whether the whole document says `今年` (else: whether the text does).
    pub says_this_year: Option<bool>,
    /// The latest year the whole document writes (else: the text's).
    pub latest_written: Option<Option<i32>>,
}

/// What the date rules read of a whole document, gathered piece by piece, so that a
/// document too large to hold is extracted a piece at a time with the dates of a
/// whole-document extraction.
///
/// ```
/// use zhfacts::{DocumentYear, Extractor, Fact};
/// let pieces = ["2022年，全市经济平稳增长。\n\n", "去年全年新增企业500家。"];
/// let mut whole = DocumentYear::new();
/// for piece in pieces {
///     whole.read(piece);
/// }
/// assert_eq!(whole.year(), Some(2023)); // 2022 is called 去年, and 今年 is never said
///
/// let iso = |facts: Vec<Fact>| facts.into_iter().find_map(|f| match f {
///     Fact::Date(d) if d.text == "去年全年" => d.iso,
///     _ => None,
/// });
/// let piece = Extractor::new().with_whole_document(&whole).extract(pieces[1]);
/// assert_eq!(iso(piece).as_deref(), Some("2022"));
/// assert_eq!(iso(Extractor::new().extract(&pieces.concat())).as_deref(), Some("2022"));
/// // Alone, the second piece writes no year: its relative date stays unplaced.
/// assert_eq!(iso(Extractor::new().extract(pieces[1])), None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentYear {
    seen: extract::date::YearEvidence,
}

impl DocumentYear {
    /// Nothing read yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one piece of the document (pieces cut between paragraphs).
    pub fn read(&mut self, piece: &str) {
        self.seen = self.seen.merge(extract::date::year_evidence(piece));
    }

    /// The document year a whole-document extraction infers (none where the document has
    /// no relative date to read, or writes no year).
    pub fn year(&self) -> Option<i32> {
        self.seen.relative.then(|| self.seen.document_year()).flatten()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor of every kind.
    pub fn new() -> Self {
        Extractor {
            kinds: [true; 7],
            dating: Dating {
                year: None,
                says_this_year: None,
                latest_written: None,
            },
            vocabulary: None,
        }
    }

    /// Adds the words of `lexicon` to the built-in ones (units, bound words, legal-form
    /// endings, ranking scopes, time words). A later call replaces the earlier lexicon.
    ///
    /// ```
    /// use zhfacts::{Extractor, Fact, Lexicon};
    /// let lexicon = Lexicon { time_words: vec!["眼下".into()], ..Lexicon::default() };
    /// let facts = Extractor::new().with_lexicon(lexicon).extract("眼下正值秋收");
    /// assert!(matches!(&facts[..], [Fact::Date(d)] if d.text == "眼下" && d.iso.is_none()));
    /// ```
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Self {
        self.vocabulary =
            (!lexicon.is_empty()).then(|| std::sync::Arc::new(extract::vocabulary::Vocabulary::new(&lexicon)));
        self
    }

    /// Extracts each piece of a document as part of the whole that `whole` has read:
    /// relative dates read against the whole document's year (unless
    /// [`with_document_year`](Self::with_document_year) gave one), and periods without a
    /// year against what the whole says.
    pub fn with_whole_document(mut self, whole: &DocumentYear) -> Self {
        self.dating.year = self.dating.year.or(whole.year());
        self.dating.says_this_year = Some(whole.seen.says_this_year);
        self.dating.latest_written = Some(whole.seen.latest);
        self
    }

    /// Reads relative dates (`去年`, `今年`) against `year`, the year the document was
    /// written. Without it the year is inferred from the text (see [`Fact::Date`] and the
    /// date rules: the latest year written out, plus one when the text says `去年` but not
    /// `今年`).
    ///
    /// A year outside [`DOCUMENT_YEARS`] is clamped into it;
    /// [`try_with_document_year`](Self::try_with_document_year) refuses it instead.
    pub fn with_document_year(mut self, year: i32) -> Self {
        self.dating.year = Some(year.clamp(*DOCUMENT_YEARS.start(), *DOCUMENT_YEARS.end()));
        self
    }

    /// [`with_document_year`](Self::with_document_year), or [`Error::YearOutOfRange`] for
    /// a year outside [`DOCUMENT_YEARS`].
    ///
    /// ```
    /// use zhfacts::{Error, Extractor};
    /// assert!(Extractor::new().try_with_document_year(2023).is_ok());
    /// assert_eq!(
    ///     Extractor::new().try_with_document_year(i32::MIN).unwrap_err(),
    ///     Error::YearOutOfRange { year: i32::MIN }
    /// );
    /// ```
    pub fn try_with_document_year(self, year: i32) -> Result<Self, Error> {
        if DOCUMENT_YEARS.contains(&year) {
            Ok(self.with_document_year(year))
        } else {
            Err(Error::YearOutOfRange { year })
        }
    }

    /// Only the given kinds are returned.
    pub fn with_kinds(mut self, kinds: &[Kind]) -> Self {
        self.kinds = [false; 7];
        for k in kinds {
            self.kinds[*k as usize] = true;
        }
        self
    }

    /// Does this extractor return facts of `kind`?
    pub fn wants(&self, kind: Kind) -> bool {
        self.kinds[kind as usize]
    }

    /// Every fact of the enabled kinds in `text`, ordered by start offset.
    ///
    /// Never fails and never panics: text with nothing to find gives an empty `Vec`.
    pub fn extract<'a>(&self, text: &'a str) -> Vec<Fact<'a>> {
        let vocabulary = match &self.vocabulary {
            Some(v) => v,
            None => extract::vocabulary::Vocabulary::built_in(),
        };
        extract::run(text, self.dating, vocabulary, |k| self.wants(k))
    }
}

/// Every fact in `text`, ordered by start offset, with the default [`Extractor`].
pub fn extract(text: &str) -> Vec<Fact<'_>> {
    static DEFAULT: Extractor = Extractor {
        kinds: [true; 7],
        dating: Dating {
            year: None,
            says_this_year: None,
            latest_written: None,
        },
        vocabulary: None,
    };
    DEFAULT.extract(text)
}

/// Builds the segmenter now, so that the first call of [`extract()`] does not pay for it.
pub fn warm_up() {
    segment::warm_up();
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
