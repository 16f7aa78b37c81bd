//! Named patterns: a rule's regex (`regex-automata`'s meta regex), run anchored where the vocabulary's
//! one pass says a match may start ([`super::vocabulary`]), with captures read only for a
//! match.
//!
//! A rule declares a pattern once, as a record: its name and its regex, the regex built
//! from the rule's word tables where it names words (so that a word is added in one
//! place). Running it anchored at the few places a match may start costs one short DFA
//! walk per place, where a scan of the whole text would cost a walk per byte.

use regex_automata::meta::{Cache, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Input, PatternID};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The most groups (the whole match included) a pattern may have.
const MAX_GROUPS: usize = 24;

/// A named regex of a rule.
pub(crate) struct Pattern {
    /// The name the rule's tests and errors use.
    pub name: &'static str,
    /// The regex, anchored at the start of the text it is given (`^(?:…)`): a match at a
    /// place is a match in the text from there.
    regex: Regex,
    /// The named groups and their indexes.
    groups: Vec<(Box<str>, usize)>,
    /// The place of what a thread keeps of this pattern in its [`KEPT`].
    id: usize,
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pattern {}", self.name)
    }
}

/// A match of a [`Pattern`]: its span and its named groups.
pub(crate) struct PatternMatch<'t> {
    text: &'t str,
    pattern: &'t Pattern,
    /// The byte span in `text` of each group that took part, by index (0: the match).
    spans: [Option<(usize, usize)>; MAX_GROUPS],
}

/// What a thread keeps of a pattern between its searches.
struct Kept {
    /// The regex's search state, this thread's own. Held here rather than taken from the
    /// regex's own pool: the pool is fast only for the thread that used the regex first,
    /// and a Python call or a rayon worker is another thread (its lock took 1.4% of
    /// extraction's instructions on the Python binding's thread, callgrind, session 10).
    cache: Cache,
    /// Capture slots for the next match.
    captures: Captures,
    /// The groups of the texts the pattern matched, relative to the match: a match's
    /// groups depend on its text alone (the patterns have no assertions but the leading
    /// `^`), and a report writes the same few dates again and again. Reading the groups
    /// (the regex crate's backtracker) costs about 2,400 instructions a match; without
    /// this memo the date patterns took 6% of extraction's instructions on the
    /// throughput example (callgrind, session 9).
    groups_of: HashMap<Box<str>, Box<[Option<(u32, u32)>]>>,
}

/// The most matched texts a thread keeps the groups of, per pattern: the memo is emptied
/// when it holds as many.
const MEMO_TEXTS: usize = 512;

/// The id of the next pattern made.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// What each pattern keeps on this thread, by its id.
    static KEPT: RefCell<Vec<Option<Kept>>> = const { RefCell::new(Vec::new()) };
}

impl Pattern {
    /// The pattern `name`, of `regex` (named groups `(?P<name>…)` for what the rule reads).
    ///
    /// # Panics
    /// When `regex` does not compile, or has more than 23 groups: a pattern is a constant of
    /// the rule, checked by its tests.
    pub fn new(name: &'static str, regex: &str) -> Pattern {
        let regex = Regex::new(&format!("^(?:{regex})")).unwrap_or_else(|e| panic!("pattern {name}: {e}"));
        let info = regex.group_info();
        assert!(
            info.group_len(PatternID::ZERO) <= MAX_GROUPS,
            "pattern {name}: too many groups"
        );
        let groups = info
            .pattern_names(PatternID::ZERO)
            .enumerate()
            .filter_map(|(i, n)| n.map(|n| (Box::from(n), i)))
            .collect();
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Pattern {
            name,
            regex,
            groups,
            id,
        }
    }

    /// Runs `f` with what this thread keeps of the pattern; with a new one when the
    /// thread's is in use (a search inside a search) or gone (the thread ending).
    fn with_kept<R>(&self, f: impl FnOnce(&mut Kept) -> R) -> R {
        let new = || Kept {
            cache: self.regex.create_cache(),
            captures: self.regex.create_captures(),
            groups_of: HashMap::new(),
        };
        let mut f = Some(f);
        let kept = KEPT.try_with(|cell| {
            let Ok(mut all) = cell.try_borrow_mut() else {
                return None;
            };
            if all.len() <= self.id {
                all.resize_with(self.id + 1, || None);
            }
            let f = f.take()?;
            Some(f(all[self.id].get_or_insert_with(new)))
        });
        match kept {
            Ok(Some(r)) => r,
            _ => (f.take().expect("not called"))(&mut new()),
        }
    }

    /// Where the match that starts at `text`'s start ends, if there is one.
    fn end_in(&self, kept: &mut Kept, text: &str) -> Option<usize> {
        Some(self.regex.search_with(&mut kept.cache, &Input::new(text))?.end())
    }

    /// Where the match that starts at byte `at` of `text` ends, if there is one: the DFA's
    /// walk alone, for a rule that reads no groups.
    pub fn end_at(&self, text: &str, at: usize) -> Option<usize> {
        let rest = text.get(at..)?;
        Some(at + self.with_kept(|kept| self.end_in(kept, rest))?)
    }

    /// The match that starts at byte `at` of `text`, if any (leftmost-first: alternatives
    /// in order, repetitions greedy).
    pub fn match_at<'t>(&'t self, text: &'t str, at: usize) -> Option<PatternMatch<'t>> {
        let rest = text.get(at..)?;
        let mut spans = [None; MAX_GROUPS];
        let found = self.with_kept(|kept| {
            // A place where nothing matches costs the DFA's walk alone; the groups are
            // read only for a match.
            let matched = &rest[..self.end_in(kept, rest)?];
            let mut place = |relative: &[Option<(u32, u32)>]| {
                for (span, r) in spans.iter_mut().zip(relative) {
                    *span = r.map(|(s, e)| (at + s as usize, at + e as usize));
                }
            };
            if let Some(relative) = kept.groups_of.get(matched) {
                place(relative);
            } else {
                let relative = self.groups(matched, kept);
                place(&relative);
                if kept.groups_of.len() >= MEMO_TEXTS {
                    kept.groups_of.clear();
                }
                kept.groups_of.insert(matched.into(), relative);
            }
            Some(())
        });
        found.map(|()| PatternMatch {
            text,
            pattern: self,
            spans,
        })
    }

    /// The groups of the match `matched` (the whole of it), relative to its start.
    fn groups(&self, matched: &str, kept: &mut Kept) -> Box<[Option<(u32, u32)>]> {
        let Kept { cache, captures, .. } = kept;
        self.regex.search_captures_with(cache, &Input::new(matched), captures);
        debug_assert_eq!(
            captures.get_match().map(|m| m.end()),
            Some(matched.len()),
            "pattern {}",
            self.name
        );
        (0..captures.group_len())
            .map(|i| captures.get_group(i).map(|s| (s.start as u32, s.end as u32)))
            .collect()
    }
}

impl<'t> PatternMatch<'t> {
    /// Where the match starts.
    pub fn start(&self) -> usize {
        self.spans[0].map_or(0, |s| s.0)
    }

    /// Where it ends.
    pub fn end(&self) -> usize {
        self.spans[0].map_or(0, |s| s.1)
    }

    /// The text of the group `name`, if it took part in the match.
    pub fn group(&self, name: &str) -> Option<&'t str> {
        self.group_span(name).map(|(s, e)| &self.text[s..e])
    }

    /// The byte span in the text of the group `name`, if it took part in the match.
    pub fn group_span(&self, name: &str) -> Option<(usize, usize)> {
        let &(_, i) = self.pattern.groups.iter().find(|(n, _)| **n == *name)?;
        self.spans[i]
    }

    /// Every named group that took part in the match, with its byte span.
    pub fn named_spans(&self) -> impl Iterator<Item = (&str, (usize, usize))> + '_ {
        self.pattern
            .groups
            .iter()
            .filter_map(|(n, i)| self.spans[*i].map(|span| (&**n, span)))
    }
}

/// A lazily compiled [`Pattern`], one per call site: `pattern!("name", regex)`, the regex
/// a `&str` expression (a literal, or a `format!` of the rule's word tables).
macro_rules! pattern {
    ($name:literal, $regex:expr) => {{
        static PATTERN: once_cell::sync::Lazy<$crate::extract::pattern::Pattern> =
            once_cell::sync::Lazy::new(|| $crate::extract::pattern::Pattern::new($name, &$regex));
        &*PATTERN
    }};
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    /// The groups read from the memo (a text matched before) are those read anew, placed
    /// at the new match.
    #[test]
    fn a_text_matched_again_has_the_same_groups_at_its_place() {
        let pattern = Pattern::new("year_month", r"(?P<year>[0-9]{4})年(?:(?P<month>[0-9]{1,2})月)?");
        let text = "2022年1月，2022年1月，2023年。";
        let second = text.find("，2022").unwrap() + "，".len();
        let first = pattern.match_at(text, 0).unwrap();
        let again = pattern.match_at(text, second).unwrap();
        assert_eq!(first.group("month"), Some("1"));
        assert_eq!(again.group_span("year"), Some((second, second + 4)));
        assert_eq!(again.group("month"), Some("1"));
        let other = pattern.match_at(text, text.find("2023").unwrap()).unwrap();
        assert_eq!((other.group("year"), other.group("month")), (Some("2023"), None));
        assert!(pattern.match_at(text, "2022年".len()).is_none());
    }
}
