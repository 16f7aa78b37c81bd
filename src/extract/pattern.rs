//! Named patterns: a rule's regex (the `regex` crate), run anchored where the vocabulary's
//! one pass says a match may start ([`super::vocabulary`]), with captures read only for a
//! match.
//!
//! A rule declares a pattern once, as a record: its name and its regex, the regex built
//! from the rule's word tables where it names words (so that a word is added in one
//! place). Running it anchored at the few places a match may start costs one short DFA
//! walk per place, where a scan of the whole text would cost a walk per byte.

use regex::{CaptureLocations, Regex};

/// A named regex of a rule.
pub(crate) struct Pattern {
    /// The name the rule's tests and errors use.
    pub name: &'static str,
    /// The regex, anchored at the start of the text it is given (`^(?:…)`): a match at a
    /// place is a match in the text from there.
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
    /// Where the match was tried: the groups' offsets are from here.
    at: usize,
    pattern: &'t Pattern,
    locations: CaptureLocations,
}

impl Pattern {
    /// The pattern `name`, of `regex` (named groups `(?P<name>…)` for what the rule reads).
    ///
    /// # Panics
    /// When `regex` does not compile: a pattern is a constant of the rule, checked by its
    /// tests.
    pub fn new(name: &'static str, regex: &str) -> Pattern {
        let regex = Regex::new(&format!("^(?:{regex})")).unwrap_or_else(|e| panic!("pattern {name}: {e}"));
        Pattern { name, regex }
    }

    /// The match that starts at byte `at` of `text`, if any (leftmost-first: alternatives
    /// in order, repetitions greedy).
    pub fn match_at<'t>(&'t self, text: &'t str, at: usize) -> Option<PatternMatch<'t>> {
        let rest = text.get(at..)?;
        // The DFA answers most places, where nothing matches, without the captures.
        if !self.regex.is_match(rest) {
            return None;
        }
        let mut locations = self.regex.capture_locations();
        self.regex.captures_read(&mut locations, rest)?;
        Some(PatternMatch {
            text,
            at,
            pattern: self,
            locations,
        })
    }
}

impl<'t> PatternMatch<'t> {
    /// Where the match starts.
    pub fn start(&self) -> usize {
        self.at
    }

    /// Where it ends.
    pub fn end(&self) -> usize {
        self.locations.get(0).map_or(self.at, |(_, e)| self.at + e)
    }

    /// The text of the group `name`, if it took part in the match.
    pub fn group(&self, name: &str) -> Option<&'t str> {
        self.group_span(name).map(|(s, e)| &self.text[s..e])
    }

    /// The byte span in the text of the group `name`, if it took part in the match.
    pub fn group_span(&self, name: &str) -> Option<(usize, usize)> {
        let index = self.pattern.regex.capture_names().position(|n| n == Some(name))?;
        let (s, e) = self.locations.get(index)?;
        Some((self.at + s, self.at + e))
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
