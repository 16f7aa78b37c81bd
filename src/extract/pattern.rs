//! Named patterns: a rule's regex, run anchored where the vocabulary's one pass says a
//! match may start ([`super::vocabulary`]), with captures read only for a match.
//!
//! A rule declares a pattern once, as a record: its name and its regex, the regex built
//! from the rule's word tables where it names words (so that a word is added in one
//! place). Running it anchored at the few places a match may start costs one short DFA
//! walk per place, where a scan of the whole text would cost a walk per byte.

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

/// A named regex of a rule.
pub(crate) struct Pattern {
    /// The name the rule's tests and errors use.
    pub name: &'static str,
    regex: Regex,
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pattern {}", self.name)
    }
}

/// A match of a [`Pattern`]: its span and its named groups.
pub(crate) struct PatternMatch<'t> {
    text: &'t str,
    captures: Captures,
}

impl Pattern {
    /// The pattern `name`, of `regex` (named groups `(?P<name>…)` for what the rule reads).
    ///
    /// # Panics
    /// When `regex` does not compile: a pattern is a constant of the rule, checked by its
    /// tests.
    pub fn new(name: &'static str, regex: &str) -> Pattern {
        let regex = Regex::new(regex).unwrap_or_else(|e| panic!("pattern {name}: {e}"));
        Pattern { name, regex }
    }

    /// The match that starts at byte `at` of `text`, if any (leftmost-first: alternatives
    /// in order, repetitions greedy).
    pub fn match_at<'t>(&self, text: &'t str, at: usize) -> Option<PatternMatch<'t>> {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        // The DFA answers most places, where nothing matches, without the captures.
        self.regex.search_half(&input)?;
        let mut captures = self.regex.create_captures();
        self.regex.search_captures(&input, &mut captures);
        captures.is_match().then_some(PatternMatch { text, captures })
    }
}

impl<'t> PatternMatch<'t> {
    /// Where the match starts.
    pub fn start(&self) -> usize {
        self.captures.get_match().map_or(0, |m| m.start())
    }

    /// Where it ends.
    pub fn end(&self) -> usize {
        self.captures.get_match().map_or(0, |m| m.end())
    }

    /// The text of the group `name`, if it took part in the match.
    pub fn group(&self, name: &str) -> Option<&'t str> {
        self.captures
            .get_group_by_name(name)
            .map(|span| &self.text[span.range()])
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
