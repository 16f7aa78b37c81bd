//! Named patterns: a rule's regex (the `regex` crate), run anchored where the vocabulary's
//! one pass says a match may start ([`super::vocabulary`]), with captures read only for a
//! match.
//!
//! A rule declares a pattern once, as a record: its name and its regex, the regex built
//! from the rule's word tables where it names words (so that a word is added in one
//! place). Running it anchored at the few places a match may start costs one short DFA
//! walk per place, where a scan of the whole text would cost a walk per byte.

use regex::{CaptureLocations, Regex};
use std::cell::RefCell;

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

thread_local! {
    /// Capture locations of each pattern, by its address, kept for the thread's next
    /// match: a search needs them, and most searches find nothing.
    static LOCATIONS: RefCell<Vec<(usize, CaptureLocations)>> = const { RefCell::new(Vec::new()) };
}

impl Pattern {
    /// The pattern `name`, of `regex` (named groups `(?P<name>…)` for what the rule reads).
    ///
    /// # Panics
    /// When `regex` does not compile, or has more than 23 groups: a pattern is a constant of
    /// the rule, checked by its tests.
    pub fn new(name: &'static str, regex: &str) -> Pattern {
        let regex = Regex::new(&format!("^(?:{regex})")).unwrap_or_else(|e| panic!("pattern {name}: {e}"));
        assert!(regex.captures_len() <= MAX_GROUPS, "pattern {name}: too many groups");
        let groups = regex
            .capture_names()
            .enumerate()
            .filter_map(|(i, n)| n.map(|n| (Box::from(n), i)))
            .collect();
        Pattern { name, regex, groups }
    }

    /// The match that starts at byte `at` of `text`, if any (leftmost-first: alternatives
    /// in order, repetitions greedy).
    pub fn match_at<'t>(&'t self, text: &'t str, at: usize) -> Option<PatternMatch<'t>> {
        text.get(at..)?;
        let key = self as *const Pattern as usize;
        LOCATIONS.with(|cell| {
            let Ok(mut kept) = cell.try_borrow_mut() else {
                return self.read(text, at, &mut self.regex.capture_locations());
            };
            let i = match kept.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    kept.push((key, self.regex.capture_locations()));
                    kept.len() - 1
                }
            };
            self.read(text, at, &mut kept[i].1)
        })
    }

    /// The match at `at`, read into `locations`.
    fn read<'t>(&'t self, text: &'t str, at: usize, locations: &mut CaptureLocations) -> Option<PatternMatch<'t>> {
        // A place where nothing matches costs the DFA's walk alone; the groups are read
        // only for a match.
        self.regex.captures_read(locations, &text[at..])?;
        let mut spans = [None; MAX_GROUPS];
        for (i, span) in spans.iter_mut().enumerate().take(locations.len()) {
            *span = locations.get(i).map(|(s, e)| (at + s, at + e));
        }
        Some(PatternMatch {
            text,
            pattern: self,
            spans,
        })
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
