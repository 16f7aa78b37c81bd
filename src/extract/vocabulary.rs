//! The words of the rules that a [`Lexicon`] extends: each table stays in the file of the
//! rule that owns it (the units in [`super::number`], the legal-form endings in
//! [`super::enterprise`], …); this module puts the built-in words and a lexicon's together.
//!
//! The words looked up beside a numeral or a place (units, bound words, scopes) are
//! indexed for lookups at a position. The words that mark where a rule may apply on their
//! own (legal-form endings, unplaced time words, the starts of the ranking patterns) are
//! found by one Aho-Corasick automaton in one pass over the text: adding a word to its
//! table is the whole change, with no trigger character to keep in step. The marks do not
//! overlap: where words of two tables would, the longest of those starting leftmost wins
//! (no such pair occurs among the tables' words).

use aho_corasick::{AhoCorasick, MatchKind};

use super::WordSet;
use crate::Lexicon;
use crate::fact::Bound;

/// The tables of the words found in one pass (a word may be in several).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkTable {
    /// A legal-form ending of a company name (`有限公司`).
    EnterpriseEnding,
    /// A time word that names no placeable time (`目前`).
    TimeWord,
    /// Where an ordinal starts (`第`).
    RankingOrdinal,
    /// A first place in a word (`榜首`, `首位`).
    RankingTop,
    /// The verb of a move in a ranking (`前移`).
    RankingShift,
    /// A change word of growth (`增长`).
    ChangeUp,
    /// A change word of decline (`下降`).
    ChangeDown,
    /// A word that holds a change word but names none (`增加值`).
    ChangeNone,
}

impl MarkTable {
    /// The table's bit in [`Mark::tables`].
    pub fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A word of the [`MarkTable`]s found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Its byte offset.
    pub start: usize,
    /// The byte after it.
    pub end: usize,
    /// Its tables, a bit each ([`MarkTable::bit`]).
    pub tables: u16,
}

impl Mark {
    /// Is the word in `table`?
    pub fn is(&self, table: MarkTable) -> bool {
        self.tables & table.bit() != 0
    }
}

/// The marks of `table` among `marks`, in order.
pub(crate) fn marks_of(marks: &[Mark], table: MarkTable) -> impl Iterator<Item = &Mark> {
    marks.iter().filter(move |m| m.is(table))
}

/// The words of the rules: built-in, plus a lexicon's.
pub(crate) struct Vocabulary {
    /// Units of numbers.
    pub units: WordSet,
    /// Every bound word before a number.
    bound_words: WordSet,
    /// Those that make a lower bound.
    over: WordSet,
    /// Those that make an upper bound.
    under: WordSet,
    /// Scopes of rankings.
    pub scopes: WordSet,
    /// The words of the [`MarkTable`]s, each once, leftmost longest.
    marks: AhoCorasick,
    /// The tables of each word of `marks`, by pattern index.
    mark_tables: Vec<u16>,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("marks", &self.mark_tables.len())
            .finish_non_exhaustive()
    }
}

impl Vocabulary {
    /// The built-in words alone.
    pub fn built_in() -> &'static Vocabulary {
        static BUILT_IN: once_cell::sync::Lazy<Vocabulary> =
            once_cell::sync::Lazy::new(|| Vocabulary::new(&Lexicon::default()));
        &BUILT_IN
    }

    /// The built-in words and `lexicon`'s.
    pub fn new(lexicon: &Lexicon) -> Vocabulary {
        fn with<'w>(built_in: &[&'w str], added: &'w [String]) -> Vec<&'w str> {
            built_in
                .iter()
                .copied()
                .chain(added.iter().map(String::as_str))
                .collect()
        }
        let over = with(super::OVER_BEFORE, &lexicon.over);
        let under = with(super::UNDER_BEFORE, &lexicon.under);
        let about = with(super::ABOUT_BEFORE, &lexicon.about);
        // Each word once, with the bits of every table it is in.
        let mut marks: Vec<&str> = Vec::new();
        let mut mark_tables: Vec<u16> = Vec::new();
        for (table, words) in [
            (
                MarkTable::EnterpriseEnding,
                with(super::enterprise::LEGAL_FORMS, &lexicon.enterprise_endings),
            ),
            (MarkTable::TimeWord, with(super::date::UNPLACED, &lexicon.time_words)),
            (MarkTable::RankingOrdinal, super::ranking::ORDINAL_STARTS.to_vec()),
            (MarkTable::RankingTop, super::ranking::TOPS.to_vec()),
            (MarkTable::RankingShift, super::ranking::SHIFT_VERBS.to_vec()),
            (MarkTable::ChangeUp, super::subject::UP.to_vec()),
            (MarkTable::ChangeDown, super::subject::DOWN.to_vec()),
            (MarkTable::ChangeNone, super::subject::NO_CHANGE.to_vec()),
        ] {
            for word in words {
                match marks.iter().position(|w| *w == word) {
                    Some(i) => mark_tables[i] |= table.bit(),
                    None => {
                        marks.push(word);
                        mark_tables.push(table.bit());
                    }
                }
            }
        }
        Vocabulary {
            units: WordSet::new(with(super::number::UNITS, &lexicon.units)),
            bound_words: WordSet::new([&under[..], &over[..], &about[..]].concat()),
            over: WordSet::new(over),
            under: WordSet::new(under),
            scopes: WordSet::new(with(super::ranking::SCOPES, &lexicon.scopes)),
            marks: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&marks)
                .expect("a few dozen words make a small automaton"),
            mark_tables,
        }
    }

    /// The words of the [`MarkTable`]s in `text`, in order, not overlapping (the longest of
    /// those starting leftmost), appended to `out`.
    pub fn marks_into(&self, text: &str, out: &mut Vec<Mark>) {
        out.extend(self.marks.find_iter(text).map(|m| Mark {
            start: m.start(),
            end: m.end(),
            tables: self.mark_tables[m.pattern().as_usize()],
        }));
    }

    /// A bound word ending at `pos`: the bound and where the word starts.
    pub fn bound_before(&self, text: &str, pos: usize) -> Option<(Bound, usize)> {
        // The longest bound word of any kind; a word of two lists counts as the first's
        // (under, over, about).
        let word = self.bound_words.longest_before(text, pos)?;
        let bound = if self.under.contains(word) {
            Bound::Under
        } else if self.over.contains(word) {
            Bound::Over
        } else {
            Bound::About
        };
        let start = pos - word.len();
        // 近 in 最近 / 附近 / 将近 is read by the longest word; 近年 is a date, not a bound.
        if bound == Bound::About
            && text[start..pos] == *"近"
            && matches!(super::char_before(text, start), Some('最' | '附' | '邻' | '靠' | '接'))
        {
            return None;
        }
        Some((bound, start))
    }
}
