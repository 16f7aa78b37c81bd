//! The extractors, the order they run in, and how their matches are kept apart.
//!
//! Each extractor reads the joined text (see [`crate::text`]) and returns facts with spans
//! in it; the pipeline maps the spans back to the input. Extractors run in a fixed order,
//! and the spans of dates, percentages, rankings and company names are claimed, so that
//! the number extractor does not report `2022年`, the `25` of `25%` or the `14` of
//! `第14位`.
//!
//! | module | what it holds |
//! | --- | --- |
//! | this one | the pipeline: the kinds, their order, the claims |
//! | [`pass`] | the one pass over the bytes (numeral starts, date anchors, clause marks) |
//! | [`vocabulary`] | the rules' word tables put together, and their one Aho-Corasick pass |
//! | [`pattern`] | named regexes, run anchored where the pass marks a start |
//! | [`words`], [`chars`], [`bound`] | word sets, reading around an offset, bound words |
//! | [`subject`], [`period`] | what each number and percentage measures, and when |
//! | one per kind | its words, its patterns and its example corpus |

#[macro_use]
mod words;
#[macro_use]
pub(crate) mod pattern;
pub(crate) mod bound;
pub(crate) mod chars;
pub(crate) mod cluster_chain;
pub(crate) mod date;
pub(crate) mod date_pattern;
pub(crate) mod enterprise;
pub(crate) mod formula;
pub(crate) mod number;
pub(crate) mod pass;
pub(crate) mod percentage;
pub(crate) mod period;
pub(crate) mod ranking;
pub(crate) mod subject;
pub(crate) mod vocabulary;

pub(crate) use bound::{ABOUT_BEFORE, OVER_BEFORE, UNDER_BEFORE, bound_after};
pub(crate) use chars::*;
pub(crate) use pass::{ClauseMark, has_any, partition_point_near, positions, stretch_end};
pub(crate) use words::WordSet;

use crate::fact::{Fact, Kind};
use crate::text::Joined;
use pass::{Pass, read_triggers};
use std::borrow::Cow;
use vocabulary::{Mark, Vocabulary};

/// Byte ranges of the joined text that an earlier extractor has taken.
///
/// Kept as sorted, merged intervals: memory grows with the facts, not with the text.
#[derive(Default)]
pub(crate) struct Claims {
    spans: Vec<(usize, usize)>,
}

impl Claims {
    /// Marks `start..end` as taken; call [`Claims::settle`] before asking.
    pub fn claim(&mut self, start: usize, end: usize) {
        if start < end {
            self.spans.push((start, end));
        }
    }

    /// Sorts and merges the spans claimed so far, in place.
    pub fn settle(&mut self) {
        let spans = &mut self.spans;
        spans.sort_unstable();
        let mut kept = 0usize;
        for r in 0..spans.len() {
            let (s, e) = spans[r];
            match kept.checked_sub(1).map(|k| &mut spans[k]) {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => {
                    spans[kept] = (s, e);
                    kept += 1;
                }
            }
        }
        spans.truncate(kept);
    }

    /// Does `start..end` touch a taken byte?
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.spans.partition_point(|&(s, _)| s < end);
        i > 0 && self.spans[i - 1].1 > start
    }
}

/// What every extractor is given.
pub(crate) struct Doc<'a, 'p> {
    /// The joined text.
    pub text: &'a str,
    /// The year that relative dates (`去年`) are read against, and what the whole document
    /// says of it.
    pub dating: crate::Dating,
    /// The trigger characters of the text (see [`has_any`]).
    pub triggers: u64,
    /// Byte ranges of the runs of characters a numeral may start with.
    pub numeral_starts: &'p [(usize, usize)],
    /// Byte offsets of the anchor characters of dates (see `date_pattern::is_anchor`).
    pub date_anchors: &'p [usize],
    /// Every other trigger character: its byte offset and its index in the pass's `TRIGGERS`.
    pub trigger_hits: &'p [(usize, u8)],
    /// The words of the rules, built-in and a lexicon's.
    pub vocabulary: &'p Vocabulary,
    /// The words of the vocabulary's one pass (legal-form endings, time words), in order.
    pub marks: &'p [Mark],
    /// The clause marks, in order.
    pub clause_marks: &'p [ClauseMark],
    /// Every numeral of the text, read once for the extractors that need them.
    pub numerals: once_cell::unsync::OnceCell<Vec<crate::numeral::NumeralMatch>>,
    /// The empty vector the numerals are scanned into.
    numeral_buffer: std::cell::Cell<Vec<crate::numeral::NumeralMatch>>,
    /// The document year and the year a review reports on, read once by the dates and
    /// kept for the periods.
    pub years: once_cell::unsync::OnceCell<(Option<i32>, Option<i32>)>,
}

impl<'a, 'p> Doc<'a, 'p> {
    /// The document of `text`, whose pass filled `pass` and found the trigger characters
    /// `triggers`; its numerals are scanned on first use.
    fn new(text: &'a str, dating: crate::Dating, triggers: u64, pass: &'p Pass, vocabulary: &'p Vocabulary) -> Self {
        Doc {
            text,
            dating,
            triggers,
            numeral_starts: &pass.numeral_starts,
            date_anchors: &pass.date_anchors,
            trigger_hits: &pass.trigger_hits,
            vocabulary,
            marks: &pass.marks,
            clause_marks: &pass.clause_marks,
            numerals: Default::default(),
            numeral_buffer: Default::default(),
            years: Default::default(),
        }
    }

    /// The numerals of the text, scanned on first use.
    pub fn numerals(&self) -> &[crate::numeral::NumeralMatch] {
        self.numerals
            .get_or_init(|| crate::numeral::scan_into(self.text, self.numeral_starts, self.numeral_buffer.take()))
    }
}

/// An extractor: appends what it finds in the document to the facts found so far, and
/// touches no fact it did not append.
type ExtractFn = for<'d, 'p> fn(&Doc<'d, 'p>, &Claims, &mut Vec<Fact<'d>>);

/// Orders the facts of `facts[from..]` by start, longer first, and drops each that
/// overlaps one kept before it: nested matches (全市第一 inside 全市第一方阵) keep the
/// outer one.
pub(crate) fn keep_outermost(facts: &mut Vec<Fact<'_>>, from: usize) {
    facts[from..].sort_by_key(|f| (f.start(), std::cmp::Reverse(f.end())));
    let mut kept_end = 0;
    retain_from(facts, from, |f| {
        let keep = f.start() >= kept_end;
        if keep {
            kept_end = f.end();
        }
        keep
    });
}

/// Keeps the facts of `facts[from..]` that `keep` accepts, in order (those before `from`
/// are another extractor's).
pub(crate) fn retain_from<'d>(facts: &mut Vec<Fact<'d>>, from: usize, mut keep: impl FnMut(&Fact<'d>) -> bool) {
    let mut kept = from;
    for i in from..facts.len() {
        if keep(&facts[i]) {
            facts.swap(kept, i);
            kept += 1;
        }
    }
    facts.truncate(kept);
}

/// The extractors in the order they run; the kinds whose spans numbers may not overlap
/// claim them as they go.
const EXTRACTORS: &[(Kind, ExtractFn, bool)] = &[
    // (kind, extractor, claims its spans)
    (Kind::Date, date::extract, true),
    (Kind::Percentage, percentage::extract, true),
    (Kind::Ranking, ranking::extract, true),
    (Kind::ClusterChain, cluster_chain::extract, false),
    (Kind::Formula, formula::extract, false),
    (Kind::Enterprise, enterprise::extract, true),
    (Kind::Number, number::extract, false),
];

/// Runs the extractors of `kinds` over `input`; facts ordered by start offset.
pub(crate) fn run<'i>(
    input: &'i str,
    dating: crate::Dating,
    vocabulary: &Vocabulary,
    enabled: impl Fn(Kind) -> bool,
) -> Vec<Fact<'i>> {
    if input.is_empty() {
        return Vec::new();
    }
    let mut pass = Pass::take();
    // The pass over the input stops at its first line break: most texts have none, and
    // are read as they are; the others are passed over again once joined.
    let (mut triggers, line_break) = read_triggers(input, &mut pass, vocabulary, true);
    let joined = if line_break {
        let joined = Joined::new(input);
        triggers = read_triggers(&joined.text, &mut pass, vocabulary, false).0;
        joined
    } else {
        Joined::unchanged(input)
    };
    match &joined.text {
        // Nothing joined: the facts borrow from the input.
        Cow::Borrowed(text) => run_on(
            input,
            text,
            &joined,
            triggers,
            (dating, vocabulary),
            &enabled,
            pass,
            |f| f,
        ),
        // Breaks joined: what the facts read is in a text of this call only, so they take
        // their own copies.
        Cow::Owned(text) => run_on(
            input,
            text,
            &joined,
            triggers,
            (dating, vocabulary),
            &enabled,
            pass,
            |f| -> Fact<'i> { f.into_owned() },
        ),
    }
}

/// [`run`] over `text`, the joined input, whose `pass` found the trigger characters
/// `triggers`; `to_input` makes a fact read from it a fact of the input (its span is set
/// after).
#[allow(clippy::too_many_arguments)]
fn run_on<'i, 'd>(
    input: &'i str,
    text: &'d str,
    joined: &Joined<'_>,
    triggers: u64,
    (dating, vocabulary): (crate::Dating, &Vocabulary),
    enabled: &impl Fn(Kind) -> bool,
    mut pass: Pass,
    to_input: impl Fn(Fact<'d>) -> Fact<'i>,
) -> Vec<Fact<'i>> {
    // The facts found become the output, in place: a fact usually starts with a numeral.
    let mut found: Vec<Fact<'d>> = Vec::with_capacity(pass.numeral_starts.len());
    let mut claims = Claims {
        spans: std::mem::take(&mut pass.claimed),
    };
    let numeral_buffer = std::mem::take(&mut pass.numerals);
    vocabulary.marks_into(text, &pass.mark_starts, &mut pass.marks);
    let doc = Doc::new(text, dating, triggers, &pass, vocabulary);
    doc.numeral_buffer.set(numeral_buffer);
    let numbers_wanted = enabled(Kind::Number);
    let mut hidden_dates = Vec::new();
    for (kind, extractor, claims_spans) in EXTRACTORS {
        // A claiming kind runs when numbers are wanted even if it is not, so that the
        // numbers stay the same whichever kinds are chosen; dates run for the periods of
        // percentages too.
        let needed =
            enabled(*kind) || (*claims_spans && numbers_wanted) || (*kind == Kind::Date && enabled(Kind::Percentage));
        if !needed {
            continue;
        }
        let from = found.len();
        extractor(&doc, &claims, &mut found);
        if *claims_spans && found.len() > from {
            for f in &found[from..] {
                claims.claim(f.start(), f.end());
            }
            claims.settle();
        }
        if !enabled(*kind) {
            // Dates found for the numbers' sake still place them in time.
            if *kind == Kind::Date {
                hidden_dates.extend(found.drain(from..));
            } else {
                found.truncate(from);
            }
        }
    }
    subject::annotate(&doc, &mut found);
    period::annotate(&doc, &mut found, &hidden_dates);
    drop(hidden_dates);
    // Freed before the facts are mapped, so that the facts are the most memory a large
    // text holds.
    let numerals = doc.numerals.into_inner().unwrap_or_else(|| doc.numeral_buffer.take());
    pass.numerals = numerals;
    pass.claimed = claims.spans;
    pass.keep();
    let mut facts = to_input_facts(found, input, joined, to_input);
    // The order of the extractors breaks ties, as a stable sort would keep it; an unstable
    // sort needs no second buffer of the facts' size.
    if !facts.is_sorted_by_key(order_key) {
        facts.sort_unstable_by_key(order_key);
    }
    // A vector that grew by doubling may hold twice its facts: give back what is unused.
    if facts.capacity() > facts.len().saturating_mul(5) / 4 + 16 {
        facts.shrink_to_fit();
    }
    facts
}

/// The facts of the joined text as facts of `input`, in `found`'s own allocation (the
/// two vectors have one layout, so the collection happens in place): spans mapped back
/// through `joined`, strings made the input's by `to_input`.
fn to_input_facts<'i, 'd>(
    found: Vec<Fact<'d>>,
    input: &'i str,
    joined: &Joined<'_>,
    to_input: impl Fn(Fact<'d>) -> Fact<'i>,
) -> Vec<Fact<'i>> {
    found
        .into_iter()
        .map(|f| {
            let (s, e) = joined.original(f.start(), f.end());
            let mut fact = to_input(f);
            fact.set_span(input, s, e);
            fact
        })
        .collect()
}

/// The place of each kind's extractor in [`EXTRACTORS`], by `Kind as usize`.
const EXTRACTOR_RANK: [u8; Kind::ALL.len()] = {
    let mut rank = [0u8; Kind::ALL.len()];
    let mut i = 0;
    while i < EXTRACTORS.len() {
        rank[EXTRACTORS[i].0 as usize] = i as u8;
        i += 1;
    }
    rank
};

/// The order of the output: by start, the longer first, then in the order the extractors
/// run.
fn order_key(f: &Fact<'_>) -> (usize, std::cmp::Reverse<usize>, u8) {
    (f.start(), std::cmp::Reverse(f.end()), EXTRACTOR_RANK[f.kind() as usize])
}

/// Calls `f` with the document of `text` (no line breaks joined), for tests of the parts
/// that read a [`Doc`].
#[cfg(test)]
pub(crate) fn with_doc<R>(text: &str, f: impl FnOnce(&Doc) -> R) -> R {
    let mut pass = Pass::default();
    let vocabulary = vocabulary::Vocabulary::built_in();
    let (triggers, _) = read_triggers(text, &mut pass, vocabulary, false);
    vocabulary.marks_into(text, &pass.mark_starts, &mut pass.marks);
    f(&Doc::new(
        text,
        crate::Dating::default(),
        triggers,
        &pass,
        vocabulary::Vocabulary::built_in(),
    ))
}

/// The facts of `text` that `pick` keeps, for the example tables of each extractor.
#[cfg(test)]
pub(crate) fn facts_of<'a, T>(text: &'a str, pick: impl Fn(crate::Fact<'a>) -> Option<T>) -> Vec<T> {
    crate::extract(text).into_iter().filter_map(pick).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_answer_overlaps() {
        let mut c = Claims::default();
        c.claim(10, 20);
        c.claim(15, 30);
        c.claim(40, 41);
        c.settle();
        assert!(c.overlaps(0, 11) && c.overlaps(29, 35) && c.overlaps(40, 41) && c.overlaps(5, 50));
        assert!(!c.overlaps(0, 10) && !c.overlaps(30, 40) && !c.overlaps(41, 60));
        // Claims after a settle are merged with the earlier ones, touching spans into one.
        c.claim(30, 35);
        c.claim(5, 8);
        c.claim(50, 50);
        c.settle();
        assert_eq!(c.spans, [(5, 8), (10, 35), (40, 41)]);
    }

    #[test]
    fn facts_are_mapped_to_the_input_in_place() {
        let text = String::from("2022年");
        let mut v: Vec<Fact> = Vec::with_capacity(16);
        v.push(Fact::Date(crate::fact::Date {
            text: Cow::Borrowed(""),
            start: 0,
            end: text.len(),
            iso: None,
        }));
        let ptr = v.as_ptr() as usize;
        let facts = to_input_facts(v, &text, &Joined::unchanged(&text), |f| f);
        assert_eq!((facts.as_ptr() as usize, facts.capacity()), (ptr, 16));
        assert_eq!(facts[0].text(), "2022年");
    }

    /// Facts borrow their strings from the input when no line break was joined, and own
    /// them when one was (what they read is then a text of the call only); both read the
    /// same, and `into_owned` changes nothing but the ownership.
    #[test]
    fn facts_borrow_from_the_input_unless_breaks_were_joined() {
        let is_borrowed = |f: &Fact| match f {
            Fact::Number(n) => matches!((&n.text, &n.subject), (Cow::Borrowed(_), Some(Cow::Borrowed(_)))),
            _ => false,
        };
        let flat = "全年接待游客3200万人次，实现旅游收入48亿元";
        let broken = "全年接待游客\n3200万人次，实现旅游\n收入48亿元";
        let numbers = |text| -> Vec<Fact> {
            crate::extract(text)
                .into_iter()
                .filter(|f| f.kind() == Kind::Number)
                .collect()
        };
        let (a, b) = (numbers(flat), numbers(broken));
        assert_eq!((a.len(), b.len()), (2, 2));
        assert!(a.iter().all(is_borrowed), "{a:?}");
        assert!(b.iter().all(|f| !is_borrowed(f)), "{b:?}");
        for (x, y) in a.iter().zip(&b) {
            let (Fact::Number(x), Fact::Number(y)) = (x, y) else {
                panic!()
            };
            assert_eq!((x.value, &x.unit, &x.subject), (y.value, &y.unit, &y.subject));
            assert_eq!(&broken[y.start..y.end], y.text);
        }
        let owned: Vec<Fact<'static>> = a.iter().cloned().map(Fact::into_owned).collect();
        assert_eq!(owned, a);
    }

    /// The pass over the text tells whether it has a break, in every form: a text with one
    /// gives the facts of the text with its mid-sentence breaks removed, at the input's
    /// offsets; a break that stays (after 。) leaves the facts borrowed.
    #[test]
    fn every_form_of_line_break_is_joined() {
        let flat = crate::extract("规上工业应税销售增长12.5%，实现利润四十八亿元");
        for br in ["\n", "\r\n", "\r", "\n\n", " \n　"] {
            let broken = format!("规上工业应税销售{br}增长12.5%，实现利润四十{br}八亿元");
            let facts = crate::extract(&broken);
            assert_eq!(facts.len(), flat.len(), "{br:?}: {facts:?}");
            for (f, g) in facts.iter().zip(&flat) {
                let subject = |f: &Fact| match f {
                    Fact::Number(n) => n.subject.as_deref().map(str::to_string),
                    Fact::Percentage(p) => p.subject.as_deref().map(str::to_string),
                    _ => None,
                };
                assert_eq!(
                    (f.kind(), f.text().replace(br, ""), subject(f)),
                    (g.kind(), g.text().to_string(), subject(g)),
                    "{br:?}"
                );
                assert_eq!(&broken[f.start()..f.end()], f.text());
            }
        }
        let kept = "全年增长12.5%。\n实现利润48亿元";
        let facts = crate::extract(kept);
        let input = kept.as_bytes().as_ptr_range();
        assert_eq!(facts.len(), 3, "{facts:?}");
        assert!(facts.iter().all(|f| input.contains(&f.text().as_ptr())), "{facts:?}");
    }

    #[test]
    fn retain_from_keeps_the_facts_before_untouched() {
        let fact = |start: usize| {
            Fact::Date(crate::fact::Date {
                text: Cow::Borrowed(""),
                start,
                end: start + 1,
                iso: None,
            })
        };
        let mut facts: Vec<Fact> = (0..8).map(fact).collect();
        retain_from(&mut facts, 3, |f| f.start() % 2 == 0);
        let starts: Vec<usize> = facts.iter().map(|f| f.start()).collect();
        assert_eq!(starts, [0, 1, 2, 4, 6]);
    }
}
