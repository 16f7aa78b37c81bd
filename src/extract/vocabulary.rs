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

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

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
    /// Where a position in a list starts (`No.`, `TOP`).
    RankingListPosition,
    /// A change word of growth (`增长`).
    ChangeUp,
    /// A change word of decline (`下降`).
    ChangeDown,
    /// A word that holds a change word but names none (`增加值`).
    ChangeNone,
    /// A word after which no change is named (`收窄` of a 降幅, `持平`).
    ChangeNeutral,
    /// A word before a value that makes it about no time (`规划`).
    PeriodNoTime,
    /// A vague span before a value (`近年来`).
    PeriodVague,
    /// Where a streak of years starts (`连续`).
    PeriodStreak,
    /// A word that opens a passage (`过去五年`, `主要预期目标`).
    PeriodCue,
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
    /// The words of the [`MarkTable`]s, each once, longest first, searched anchored.
    marks: DFA,
    /// The first characters of those words, a bit each over the Basic Multilingual Plane:
    /// the one pass over the text records where they are ([`super::pass::read_triggers`]).
    pub mark_firsts: Box<[u64; 1024]>,
    /// Does some word of `marks` start outside the Basic Multilingual Plane?
    pub mark_first_beyond_bmp: bool,
    /// `mark_firsts` and the characters the pass records for the rules (trigger
    /// characters, numeral starters, clause marks): one load tells the pass that a
    /// character is neither.
    pass_chars: Box<[u64; 1024]>,
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
            (
                MarkTable::RankingListPosition,
                super::ranking::LIST_POSITION_STARTS.to_vec(),
            ),
            (MarkTable::ChangeUp, super::subject::UP.to_vec()),
            (MarkTable::ChangeDown, super::subject::DOWN.to_vec()),
            (MarkTable::ChangeNone, super::subject::NO_CHANGE.to_vec()),
            (MarkTable::ChangeNeutral, super::subject::NEUTRAL.to_vec()),
            (MarkTable::PeriodNoTime, super::period::NO_TIME_BEFORE.to_vec()),
            (MarkTable::PeriodVague, super::period::VAGUE_SPANS.to_vec()),
            (MarkTable::PeriodStreak, super::period::STREAK.to_vec()),
            (MarkTable::PeriodCue, super::period::cue_words()),
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
        let mut mark_firsts = Box::new([0u64; 1024]);
        let mut mark_first_beyond_bmp = false;
        for c in marks.iter().filter_map(|w| w.chars().next()) {
            match u32::from(c) {
                u @ ..0x10000 => mark_firsts[(u >> 6) as usize] |= 1 << (u & 63),
                _ => mark_first_beyond_bmp = true,
            }
        }
        let mut pass_chars = Box::new(super::pass::INTERESTING);
        for (both, firsts) in pass_chars.iter_mut().zip(mark_firsts.iter()) {
            *both |= firsts;
        }
        Vocabulary {
            units: WordSet::new(with(super::number::UNITS, &lexicon.units)),
            bound_words: WordSet::new([&under[..], &over[..], &about[..]].concat()),
            over: WordSet::new(over),
            under: WordSet::new(under),
            scopes: WordSet::new(with(super::ranking::SCOPES, &lexicon.scopes)),
            // Searched only anchored, where the pass saw a first character: a DFA of a few
            // dozen words is small, and a step per byte of the word. (A search of the whole
            // text took 6% of extraction's instructions, session 9.)
            marks: DFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&marks)
                .expect("a few dozen words make a small automaton"),
            mark_tables,
            mark_firsts,
            mark_first_beyond_bmp,
            pass_chars,
        }
    }

    /// The characters the pass stops at, a bit each over the Basic Multilingual Plane.
    pub fn pass_chars(&self) -> &[u64; 1024] {
        &self.pass_chars
    }

    /// Does some word of the [`MarkTable`]s start with `c`?
    pub fn starts_a_mark(&self, c: char) -> bool {
        match u32::from(c) {
            u @ ..0x10000 => self.mark_firsts[(u >> 6) as usize] & (1 << (u & 63)) != 0,
            _ => self.mark_first_beyond_bmp,
        }
    }

    /// The words of the [`MarkTable`]s in `text`, in order, not overlapping (the longest of
    /// those starting leftmost), appended to `out`; `starts` are the places in order where
    /// a character is that [starts a mark](Self::starts_a_mark).
    pub fn marks_into(&self, text: &str, starts: &[usize], out: &mut Vec<Mark>) {
        let mut end = 0;
        for &start in starts {
            if start < end {
                continue;
            }
            if let Some((word, word_end)) = self.longest_mark_at(text.as_bytes(), start) {
                end = word_end;
                out.push(Mark {
                    start,
                    end,
                    tables: self.mark_tables[word],
                });
            }
        }
    }

    /// The longest word of the marks that starts at `start` of `text`: its index and end.
    /// (The automaton's states walked here: its search API spent more than a hundred
    /// instructions a call setting up, as much again as the walk, session 9.)
    fn longest_mark_at(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        let dfa = &self.marks;
        let mut state = dfa.start_state(Anchored::Yes).ok()?;
        let mut longest = None;
        for (i, &byte) in text.iter().enumerate().skip(start) {
            state = dfa.next_state(Anchored::Yes, state, byte);
            if dfa.is_special(state) {
                if dfa.is_dead(state) {
                    break;
                }
                if dfa.is_match(state) {
                    longest = Some((dfa.match_pattern(state, 0).as_usize(), i + 1));
                }
            }
        }
        longest
    }

    /// The marks of `text`, found from its characters (for tests: the pipeline has the
    /// places from its one pass).
    #[cfg(test)]
    pub fn marks(&self, text: &str) -> Vec<Mark> {
        let starts: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| self.starts_a_mark(c))
            .map(|(i, _)| i)
            .collect();
        let mut out = Vec::new();
        self.marks_into(text, &starts, &mut out);
        out
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
