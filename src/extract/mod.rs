//! The extractors, the order they run in, and how their matches are kept apart.
//!
//! Each extractor reads the joined text (see [`crate::text`]) and returns facts with spans
//! in it; the pipeline maps the spans back to the input. Extractors run in a fixed order,
//! and the spans of dates, percentages, rankings and company names are claimed, so that
//! the number extractor does not report `2022年`, the `25` of `25%` or the `14` of
//! `第14位`.

/// A word list indexed by first and last character, for lookups on the hot path: only
/// the words that share the character under the cursor are compared.
pub(crate) struct WordSet {
    by_first: CharTable,
    by_last: CharTable,
    /// One bit per first character (see [`char_bit`]): most characters are told apart
    /// from the set's without a table lookup.
    first_bits: u64,
    /// The same for the last characters.
    last_bits: u64,
}

/// A character's bit in a 64-bit filter.
#[inline]
fn char_bit(c: char) -> u64 {
    1 << ((c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// Words grouped by a character, longest first in each group: an open-addressing table
/// keyed by the character, hashed by one multiplication (the keys are few and not chosen
/// by an adversary: they are the characters of static word lists), at most a quarter full.
struct CharTable {
    /// `(character, first word, number of words)`; the character 0 marks an empty slot.
    slots: Vec<(u32, u32, u32)>,
    words: Vec<Box<str>>,
}

impl CharTable {
    /// Groups `words` by the character `key` gives each.
    fn new(words: &[&str], key: impl Fn(&str) -> Option<char>) -> CharTable {
        let mut groups: std::collections::BTreeMap<char, Vec<&str>> = Default::default();
        for &w in words {
            if let Some(c) = key(w) {
                groups.entry(c).or_default().push(w);
            }
        }
        let size = (groups.len() * 4).next_power_of_two().max(8);
        let mut table = CharTable {
            slots: vec![(0, 0, 0); size],
            words: Vec::new(),
        };
        for (c, mut group) in groups {
            group.sort_by_key(|w| std::cmp::Reverse(w.len()));
            group.dedup();
            let mut i = table.slot(c);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (c as u32, table.words.len() as u32, group.len() as u32);
            table.words.extend(group.into_iter().map(Box::from));
        }
        table
    }

    /// The first slot of `c`.
    #[inline]
    fn slot(&self, c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 16) as usize & (self.slots.len() - 1)
    }

    /// The words of `c`, longest first.
    #[inline]
    fn get(&self, c: char) -> &[Box<str>] {
        let mut i = self.slot(c);
        loop {
            let (key, first, n) = self.slots[i];
            if key == c as u32 {
                return &self.words[first as usize..(first + n) as usize];
            }
            if key == 0 {
                return &[];
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The characters that have words.
    fn keys(&self) -> impl Iterator<Item = char> + '_ {
        self.slots
            .iter()
            .filter_map(|s| char::from_u32(s.0).filter(|_| s.0 != 0))
    }
}

impl WordSet {
    /// Indexes `words`; longer words are tried first.
    pub fn new<'w>(words: impl AsRef<[&'w str]>) -> WordSet {
        let words = words.as_ref();
        let by_first = CharTable::new(words, |w| w.chars().next());
        let by_last = CharTable::new(words, |w| w.chars().next_back());
        let first_bits = by_first.keys().fold(0, |b, c| b | char_bit(c));
        let last_bits = by_last.keys().fold(0, |b, c| b | char_bit(c));
        WordSet {
            by_first,
            by_last,
            first_bits,
            last_bits,
        }
    }

    /// The longest word that `text` has at byte `pos`.
    pub fn longest_at(&self, text: &str, pos: usize) -> Option<&str> {
        let rest = text.get(pos..)?;
        let c = rest.chars().next()?;
        if self.first_bits & char_bit(c) == 0 {
            return None;
        }
        self.by_first
            .get(c)
            .iter()
            .find(|w| rest.starts_with(&w[..]))
            .map(|w| &**w)
    }

    /// The longest word that ends at byte `pos` of `text`.
    pub fn longest_before(&self, text: &str, pos: usize) -> Option<&str> {
        let head = text.get(..pos)?;
        let c = head.chars().next_back()?;
        if self.last_bits & char_bit(c) == 0 {
            return None;
        }
        self.by_last
            .get(c)
            .iter()
            .find(|w| head.ends_with(&w[..]))
            .map(|w| &**w)
    }

    /// Is `word` in the set?
    pub fn contains(&self, word: &str) -> bool {
        word.chars()
            .next()
            .filter(|c| self.first_bits & char_bit(*c) != 0)
            .is_some_and(|c| self.by_first.get(c).iter().any(|w| **w == *word))
    }
}

/// A lazily built [`WordSet`] over a static word list, one per call site.
macro_rules! word_set {
    ($list:expr) => {{
        static SET: once_cell::sync::Lazy<$crate::extract::WordSet> =
            once_cell::sync::Lazy::new(|| $crate::extract::WordSet::new($list));
        &*SET
    }};
}

/// The longest word of a static list that ends at byte `pos` of `text`.
macro_rules! longest_before {
    ($text:expr, $pos:expr, $list:expr) => {
        word_set!($list).longest_before($text, $pos)
    };
}

#[macro_use]
pub(crate) mod pattern;
pub(crate) mod cluster_chain;
pub(crate) mod date;
pub(crate) mod date_pattern;
pub(crate) mod enterprise;
pub(crate) mod formula;
pub(crate) mod number;
pub(crate) mod percentage;
pub(crate) mod ranking;
pub(crate) mod subject;
pub(crate) mod vocabulary;

use crate::fact::{Bound, Fact, Kind};
use crate::text::Joined;
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
    /// Every other trigger character: its byte offset and its index in [`TRIGGERS`].
    pub trigger_hits: &'p [(usize, u8)],
    /// The words of the rules, built-in and a lexicon's.
    pub vocabulary: &'p Vocabulary,
    /// The words of the vocabulary's one pass (legal-form endings, time words), in order.
    pub marks: &'p [Mark],
    /// The clause marks, in order.
    pub clause_marks: &'p [ClauseMark],
    /// Every numeral of the text, read once for the extractors that need them.
    pub numerals: once_cell::unsync::OnceCell<Vec<crate::numeral::NumeralMatch>>,
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
        }
    }

    /// The numerals of the text, scanned on first use.
    pub fn numerals(&self) -> &[crate::numeral::NumeralMatch] {
        self.numerals
            .get_or_init(|| crate::numeral::scan_into(self.text, self.numeral_starts, Vec::new()))
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
    // The vectors of a text are made for it and freed after it: keeping them per thread
    // for the next text was measured (session 8, the throughput example) to save nothing,
    // 239.6 M instructions either way and no difference in time.
    let mut pass = Pass::default();
    // The pass over the input stops at its first line break: most texts have none, and
    // are read as they are; the others are passed over again once joined.
    let (triggers, line_break) = read_triggers(input, &mut pass, true);
    if !line_break {
        return run_on(
            input,
            input,
            &Joined::unchanged(input),
            triggers,
            (dating, vocabulary),
            &enabled,
            pass,
            |f| f,
        );
    }
    let joined = Joined::new(input);
    let (triggers, _) = read_triggers(&joined.text, &mut pass, false);
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
    let mut claims = Claims::default();
    vocabulary.marks_into(text, &mut pass.marks);
    let doc = Doc::new(text, dating, triggers, &pass, vocabulary);
    let numbers_wanted = enabled(Kind::Number);
    for (kind, extractor, claims_spans) in EXTRACTORS {
        // A claiming kind runs when numbers are wanted even if it is not, so that the
        // numbers stay the same whichever kinds are chosen.
        let needed = enabled(*kind) || (*claims_spans && numbers_wanted);
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
            found.truncate(from);
        }
    }
    subject::annotate(&doc, &mut found);
    // Freed before the facts are mapped, so that the facts are the most memory a large
    // text holds.
    drop(doc);
    drop((claims, pass));
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

/// The characters that rules gate on and read positions from: a rule whose characters are
/// all absent from a text is skipped, and the others look only where theirs are.
const TRIGGERS: [char; 26] = [
    '链', '群', '产', '年', '去', '上', '今', '本', '前', '明', '当', '全', '同', '期', '五', '月', '季', '半', '“',
    '大', '%', '％', '分', '成', '折', '‰',
];

/// The bit of a trigger character in [`Doc::triggers`].
fn trigger_bit(c: char) -> u64 {
    match CHAR_KIND.get(c as usize).map(|k| k & KIND_TRIGGER) {
        Some(t) if t != 0 => 1 << (t - 1),
        _ => 0,
    }
}

/// [`CHAR_KIND`]: the trigger index plus one, in the low six bits (0: no trigger).
const KIND_TRIGGER: u8 = 0x3F;
/// [`CHAR_KIND`]: a numeral may start with the character.
const KIND_STARTER: u8 = 0x40;
/// [`CHAR_KIND`]: the character is a clause mark.
const KIND_MARK: u8 = 0x80;
/// The clause marks: ，。；：！？, their ASCII forms, and the line break.
const CLAUSE_MARK_CHARS: [char; 12] = ['，', '。', '；', '：', '！', '？', '\n', ',', ';', ':', '!', '?'];

/// For each code point of the Basic Multilingual Plane, what the pass over the text
/// records of it: its trigger index, whether a numeral may start with it, whether it is
/// a clause mark. Read only for the characters [`INTERESTING`] marks.
static CHAR_KIND: [u8; 0x10000] = {
    let mut t = [0u8; 0x10000];
    let mut i = 0;
    while i < TRIGGERS.len() {
        t[TRIGGERS[i] as usize] = i as u8 + 1;
        i += 1;
    }
    let starters = crate::numeral::STARTER_CHARS.as_bytes();
    let mut i = 0;
    while i < starters.len() {
        let (u, n) = crate::numeral::decode_utf8(starters, i);
        t[u as usize] |= KIND_STARTER;
        i += n;
    }
    let mut i = 0;
    while i < CLAUSE_MARK_CHARS.len() {
        t[CLAUSE_MARK_CHARS[i] as usize] |= KIND_MARK;
        i += 1;
    }
    t
};

/// The trigger characters, the numeral starters and the clause marks, as one bitmap over the Basic
/// Multilingual Plane (8 KiB).
static INTERESTING: [u64; 1024] = {
    let mut map = crate::numeral::STARTERS;
    let mut i = 0;
    while i < TRIGGERS.len() {
        let u = TRIGGERS[i] as u32;
        map[(u >> 6) as usize] |= 1 << (u & 63);
        i += 1;
    }
    let mut i = 0;
    while i < CLAUSE_MARK_CHARS.len() {
        let u = CLAUSE_MARK_CHARS[i] as u32;
        map[(u >> 6) as usize] |= 1 << (u & 63);
        i += 1;
    }
    map
};

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

/// What one pass over the text finds (see [`read_triggers`]), filled in place.
#[derive(Default)]
struct Pass {
    /// Where a numeral may start.
    numeral_starts: Vec<(usize, usize)>,
    /// Where the anchor characters of dates are.
    date_anchors: Vec<usize>,
    /// Where the other trigger characters are, and which.
    trigger_hits: Vec<(usize, u8)>,
    /// The words of the vocabulary's one pass (see [`Vocabulary::marks_into`]).
    marks: Vec<Mark>,
    /// The clause marks, in order.
    clause_marks: Vec<ClauseMark>,
}

/// A punctuation mark that ends a clause: ，。；：！？, their ASCII forms, or a line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClauseMark {
    /// Its byte offset.
    pub at: usize,
    /// The byte after it.
    pub end: usize,
    /// Does it end a sentence too (not ，：)?
    pub ends_sentence: bool,
}

/// The trigger bits of the date anchors (年, 月, 季, 五, 同).
const DATE_ANCHOR_BITS: u64 = {
    let mut bits = 0u64;
    let mut i = 0;
    while i < TRIGGERS.len() {
        if matches!(TRIGGERS[i], '年' | '月' | '季' | '五' | '同') {
            bits |= 1 << i;
        }
        i += 1;
    }
    bits
};

/// One pass over `text`, filling `pass` (emptied first): where a numeral may start, where
/// the date anchors, the other trigger characters and the clause marks are. Returns which
/// trigger characters the text has, one bit each, and whether it has a `\n` or `\r`
/// (which [`Joined`] may remove).
///
/// With `stop_at_break`, the pass stops at the first line break (and `pass` is incomplete).
fn read_triggers(text: &str, pass: &mut Pass, stop_at_break: bool) -> (u64, bool) {
    let mut mask = 0u64;
    let mut runs = std::mem::take(&mut pass.numeral_starts);
    runs.clear();
    let Pass {
        date_anchors,
        trigger_hits,
        clause_marks,
        ..
    } = pass;
    date_anchors.clear();
    trigger_hits.clear();
    clause_marks.clear();
    // Sized for report prose (a clause mark every ten characters or so), so that the
    // vectors rarely grow while they are filled.
    let n = text.len();
    runs.reserve(n / 32 + 4);
    date_anchors.reserve(n / 64 + 4);
    trigger_hits.reserve(n / 32 + 4);
    clause_marks.reserve(n / 24 + 4);
    let mut runs = crate::numeral::StarterRuns { runs };
    // What is recorded of an interesting character `u`, `n` bytes long, at byte `i`
    // (a macro, so that both reads below have it inline).
    macro_rules! record {
        ($i:expr, $u:expr, $n:expr) => {{
            let (i, u, n): (usize, u32, usize) = ($i, $u, $n);
            let kind = CHAR_KIND[u as usize];
            let t = kind & KIND_TRIGGER;
            if t != 0 {
                let bit = 1 << (t - 1);
                mask |= bit;
                if DATE_ANCHOR_BITS & bit != 0 {
                    date_anchors.push(i);
                } else {
                    trigger_hits.push((i, t - 1));
                }
            }
            if kind & KIND_STARTER != 0 {
                runs.see_starter(i, n);
            }
            if kind & KIND_MARK != 0 {
                clause_marks.push(ClauseMark {
                    at: i,
                    end: i + n,
                    ends_sentence: !matches!(u, 0xFF0C | 0xFF1A | 0x2C | 0x3A),
                });
            }
        }};
    }
    // Most characters are none of these: one load from an 8 KiB bitmap tells. Three-byte
    // characters (all of CJK) are read straight from the bytes.
    let interesting = |u: u32| u < 0x10000 && INTERESTING[(u >> 6) as usize] & (1 << (u & 63)) != 0;
    let bytes = text.as_bytes();
    let mut line_break = false;
    let mut i = 0;
    loop {
        // The runs of three-byte characters, with one test of the bytes left each.
        while let Some(&[b0, b1, b2]) = bytes.get(i..i + 3) {
            if b0 & 0xF0 != 0xE0 {
                break;
            }
            let hi = (usize::from(b0 & 0x0F) << 6) | usize::from(b1 & 0x3F);
            if INTERESTING[hi] & (1 << (b2 & 0x3F)) != 0 {
                record!(i, ((hi as u32) << 6) | u32::from(b2 & 0x3F), 3);
            }
            i += 3;
        }
        if i >= n {
            break;
        }
        let (u, len) = crate::numeral::decode_utf8(bytes, i);
        if matches!(u, 0x0A | 0x0D) {
            line_break = true;
            if stop_at_break {
                break;
            }
        }
        if interesting(u) {
            record!(i, u, len);
        }
        i += len;
    }
    pass.numeral_starts = runs.runs;
    (mask, line_break)
}

/// The byte offsets of `c` in the document, in order: `c` is a trigger character that is
/// no date anchor (those have a list of their own).
pub(crate) fn positions<'d>(doc: &'d Doc, c: char) -> impl Iterator<Item = usize> + 'd {
    let bit = trigger_bit(c);
    debug_assert!(bit != 0 && DATE_ANCHOR_BITS & bit == 0, "{c} has no positions");
    let index = bit.trailing_zeros() as u8;
    let hits = if doc.triggers & bit != 0 { doc.trigger_hits } else { &[] };
    hits.iter().filter(move |h| h.1 == index).map(|h| h.0)
}

/// `slice.partition_point(pred)`, searched outward from index `*hint`, which is left at
/// the answer: a series of queries that moves along a long slice reads only entries near
/// the previous answer (a binary search over the whole slice would read entries spread
/// over it, which a long text pushes out of the caches). `pred` holds on a prefix.
pub(crate) fn partition_point_near<T>(slice: &[T], hint: &mut usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = slice.len();
    let h = (*hint).min(n);
    let answer = if h < n && pred(&slice[h]) {
        // After h: double the step until it passes the answer.
        let (mut lo, mut step) = (h + 1, 1);
        while lo + step <= n && pred(&slice[lo + step - 1]) {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(n);
        lo + slice[lo..hi].partition_point(&pred)
    } else {
        // At or before h.
        let (mut hi, mut step) = (h, 1);
        while hi >= step && !pred(&slice[hi - step]) {
            hi -= step;
            step *= 2;
        }
        let lo = hi.saturating_sub(step);
        lo + slice[lo..hi].partition_point(&pred)
    };
    *hint = answer;
    answer
}

/// The end of the stretch of the document that starts at `from`: the first clause mark
/// among `ends` (each a clause mark), at most 300 characters on, else that limit.
pub(crate) fn stretch_end(doc: &Doc, from: usize, ends: &[char]) -> usize {
    let limit = ceil_forward(doc.text, from, 900);
    let marks = &doc.clause_marks[doc.clause_marks.partition_point(|m| m.at < from)..];
    marks
        .iter()
        .take_while(|m| m.at < limit)
        .find(|m| doc.text[m.at..].starts_with(ends))
        .map_or(limit, |m| m.at)
}

/// Does the document have any of `chars` (each one of the trigger characters)?
pub(crate) fn has_any(doc: &Doc, chars: &[char]) -> bool {
    chars.iter().any(|c| {
        debug_assert!(TRIGGERS.contains(c), "{c} is no trigger");
        doc.triggers & trigger_bit(*c) != 0
    })
}

/// The byte offset `max` bytes before `pos` (or 0), moved forward to a char boundary:
/// where a backward search may start, so that no search reads more than `max` bytes.
pub(crate) fn floor_back(text: &str, pos: usize, max: usize) -> usize {
    let mut from = pos.saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The byte offset `max` bytes after `pos` (or the end), moved back to a char boundary.
pub(crate) fn ceil_forward(text: &str, pos: usize, max: usize) -> usize {
    let mut to = pos.saturating_add(max).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    to
}

/// Calls `f` with the document of `text` (no line breaks joined), for tests of the parts
/// that read a [`Doc`].
#[cfg(test)]
pub(crate) fn with_doc<R>(text: &str, f: impl FnOnce(&Doc) -> R) -> R {
    let mut pass = Pass::default();
    let (triggers, _) = read_triggers(text, &mut pass, false);
    vocabulary::Vocabulary::built_in().marks_into(text, &mut pass.marks);
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

/// Items read from the text (a list of members), as a record holds them.
pub(crate) fn as_members<'d>(items: &[&'d str]) -> Vec<Cow<'d, str>> {
    items.iter().map(|&s| Cow::Borrowed(s)).collect()
}

/// Splits the last item of an enumeration at 和/及/与 (`A、B和C`) into two, when both
/// sides are non-empty.
pub(crate) fn split_last_pair(items: &mut Vec<&str>) {
    if let Some(last) = items.pop() {
        match last.split_once(['和', '及', '与']) {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => items.extend([a, b]),
            _ => items.push(last),
        }
    }
}

/// The class of a digit of a count: Arabic (ASCII or full-width) `Some(true)`, Chinese
/// (一 … 十, 两) `Some(false)`.
pub(crate) fn digit_class(c: char) -> Option<bool> {
    match c {
        '0'..='9' | '０'..='９' => Some(true),
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' => Some(false),
        _ => None,
    }
}

/// The longest run of digits of one kind (`[0-9０-９]` or `[一二三四五六七八九十两]`) that
/// ends at byte `end` of `text`: its start.
pub(crate) fn number_run_before(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let last = head.chars().next_back()?;
    let class = digit_class(last)?;
    let run: usize = head
        .chars()
        .rev()
        .take_while(|c| digit_class(*c) == Some(class))
        .map(char::len_utf8)
        .sum();
    (run > 0).then_some(end - run)
}

/// The character before byte `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at byte `pos`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|t| t.chars().next())
}

/// Skips inline spaces (not line breaks) from `pos`, read as bytes: ` `, `\t` and the
/// ideographic space (E3 80 80), which no other character begins with.
pub(crate) fn skip_spaces(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    loop {
        match b.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(0xE3) if b.get(pos + 1..pos + 3) == Some(&[0x80, 0x80]) => pos += 3,
            _ => return pos,
        }
    }
}

// Bound words, as the record contract lists them.

/// Before a number, a lower bound: 超过1000亿元, 突破110亿元, 逾百家, 超50%.
pub(crate) const OVER_BEFORE: &[&str] = &[
    "超过",
    "突破",
    "逾",
    "超",
    "多于",
    "高于",
    "大于",
    "至少",
    "不少于",
    "不低于",
    "超出",
];
/// Before a number, an upper bound: 低于3%, 不到一半, 不足百人.
pub(crate) const UNDER_BEFORE: &[&str] = &[
    "低于",
    "不到",
    "不足",
    "少于",
    "小于",
    "不超过",
    "不高于",
    "最多",
    "至多",
    "不多于",
];
/// Before a number, an approximation: 约5万人, 近10万个, 将近, 接近.
pub(crate) const ABOUT_BEFORE: &[&str] = &["约", "近", "将近", "接近", "大约", "约为", "大概"];
/// After a number (and its unit), a bound: 3000人以上, 5%以下, 200亿元左右.
const AFTER: &[(&str, Bound)] = &[
    ("以上", Bound::Over),
    ("有余", Bound::Over),
    ("以下", Bound::Under),
    ("以内", Bound::Under),
    ("左右", Bound::About),
    ("上下", Bound::About),
];

/// A bound word at `pos`: the bound and where the word ends.
pub(crate) fn bound_after(text: &str, pos: usize) -> Option<(Bound, usize)> {
    let rest = text.get(pos..)?;
    AFTER
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, b)| (*b, pos + w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_skipped_as_bytes() {
        let text = "增长 \u{3000}\t8.5%　，";
        let at = "增长".len();
        assert_eq!(&text[skip_spaces(text, at)..], "8.5%　，");
        assert_eq!(skip_spaces(text, 0), 0);
        // Inside a character, or at the end: nothing to skip.
        assert_eq!(skip_spaces(text, 1), 1);
        assert_eq!(skip_spaces(text, text.len()), text.len());
        let end = text.len() - "，".len();
        assert_eq!(skip_spaces(text, end - "　".len()), end);
    }

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

    /// The word set answers what a scan of its list answers, at every character of the
    /// seed and for every word of the seed's segmentation.
    #[test]
    fn word_sets_answer_as_a_scan_of_their_list() {
        let seed = include_str!("../../fixtures/haimen-2022.txt");
        let lists: [&[&str]; 3] = [
            number::UNITS,
            OVER_BEFORE,
            &["增长", "增", "增长率", "率", "长", "A", "“"],
        ];
        for list in lists {
            let set = WordSet::new(list);
            let longest = |found: &mut dyn Iterator<Item = &&'static str>| found.max_by_key(|w| w.len()).copied();
            for (i, _) in seed.char_indices() {
                let at = longest(&mut list.iter().filter(|w| seed[i..].starts_with(**w)));
                assert_eq!(set.longest_at(seed, i), at, "at {i}");
                let before = longest(&mut list.iter().filter(|w| seed[..i].ends_with(**w)));
                assert_eq!(set.longest_before(seed, i), before, "before {i}");
            }
            for w in crate::segment::tag_fast(&seed[..3000]) {
                assert_eq!(set.contains(w.text()), list.contains(&w.text()), "{}", w.text());
            }
            assert!(list.iter().all(|w| set.contains(w)));
        }
    }

    #[test]
    fn partition_points_near_a_hint_are_the_partition_points() {
        let mut rng = crate::testing::Rng::new(3);
        for _ in 0..2000 {
            let n = rng.below(200);
            let mut values: Vec<usize> = (0..n).map(|_| rng.below(100)).collect();
            values.sort_unstable();
            let mut hint = rng.below(n + 5);
            for _ in 0..5 {
                let x = rng.below(110);
                let want = values.partition_point(|v| *v < x);
                assert_eq!(partition_point_near(&values, &mut hint, |v| *v < x), want);
                assert_eq!(hint, want);
            }
        }
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

    #[test]
    fn bound_word_lists_share_no_word() {
        for (a, b) in [
            (UNDER_BEFORE, OVER_BEFORE),
            (UNDER_BEFORE, ABOUT_BEFORE),
            (OVER_BEFORE, ABOUT_BEFORE),
        ] {
            assert!(a.iter().all(|w| !b.contains(w)));
        }
    }

    #[test]
    fn bound_words() {
        let bound_before = |t: &str, p: usize| Vocabulary::built_in().bound_before(t, p);
        let t = "总建筑面积超过65万平方米";
        let p = t.find("65").unwrap();
        assert_eq!(bound_before(t, p), Some((Bound::Over, t.find("超过").unwrap())));
        let t = "数量不超过5个";
        let p = t.find('5').unwrap();
        assert_eq!(bound_before(t, p).map(|b| b.0), Some(Bound::Under));
        let t = "最近3年";
        assert_eq!(bound_before(t, t.find('3').unwrap()), None);
        assert_eq!(
            bound_after("3000人以上", "3000人".len()).map(|b| b.0),
            Some(Bound::Over)
        );
    }
}
