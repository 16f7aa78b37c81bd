//! The one pass over the bytes of a text: where numerals may start, where the date
//! anchors, the trigger characters and the clause marks are; and the lookups in what it
//! found.

use super::vocabulary::{Mark, Vocabulary};
use super::{Doc, ceil_forward};

/// The characters that rules gate on and read positions from: a rule whose characters are
/// all absent from a text is skipped, and the others look only where theirs are. Each
/// rule declares its own in its file; they are put together here, each once.
const TRIGGER_LISTS: [&[char]; 5] = [
    super::date::ANCHORS,
    super::date::RELATIVE_CHARS,
    super::cluster_chain::TRIGGERS,
    super::formula::TRIGGERS,
    super::percentage::TRIGGERS,
];

/// [`TRIGGER_LISTS`] as one list without repeats, padded, and its length (at most 63: a
/// trigger's index plus one fits the six bits of [`KIND_TRIGGER`]).
const TRIGGER_TABLE: ([char; 63], usize) = {
    let mut table = ['\0'; 63];
    let mut n = 0;
    let mut l = 0;
    while l < TRIGGER_LISTS.len() {
        let list = TRIGGER_LISTS[l];
        let mut i = 0;
        while i < list.len() {
            let mut seen = false;
            let mut j = 0;
            while j < n {
                seen |= table[j] == list[i];
                j += 1;
            }
            if !seen {
                assert!(n < 63, "at most 63 trigger characters");
                table[n] = list[i];
                n += 1;
            }
            i += 1;
        }
        l += 1;
    }
    (table, n)
};

/// The trigger characters, each once.
const TRIGGERS: &[char] = TRIGGER_TABLE.0.split_at(TRIGGER_TABLE.1).0;

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
pub(crate) static INTERESTING: [u64; 1024] = {
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

/// What one pass over the text finds (see [`read_triggers`]), filled in place.
#[derive(Default)]
pub(crate) struct Pass {
    /// Where a numeral may start.
    pub numeral_starts: Vec<(usize, usize)>,
    /// Where the anchor characters of dates are.
    pub date_anchors: Vec<usize>,
    /// Where the other trigger characters are, and which.
    pub trigger_hits: Vec<(usize, u8)>,
    /// Where a character is that starts a word of the vocabulary's marks.
    pub mark_starts: Vec<usize>,
    /// The words of the vocabulary's marks (see [`super::vocabulary::Vocabulary::marks_into`]).
    pub marks: Vec<Mark>,
    /// The clause marks, in order.
    pub clause_marks: Vec<ClauseMark>,
    /// An empty vector for the text's numerals (see [`super::Doc::numerals`]).
    pub numerals: Vec<crate::numeral::NumeralMatch>,
    /// An empty vector for the spans the extractors claim.
    pub claimed: Vec<(usize, usize)>,
}

thread_local! {
    /// The vectors of this thread's last pass, emptied, for its next text.
    static KEPT: std::cell::Cell<Option<Pass>> = const { std::cell::Cell::new(None) };
}

/// The most bytes the vectors of a kept pass may hold: a huge text's are freed.
const KEEP_BYTES: usize = 4 << 20;

impl Pass {
    /// This thread's vectors from its last text, or new ones.
    ///
    /// Kept because they pay: without them, allocation took about 6% of extraction's time
    /// on the throughput example's lines, against about 4% with them (perf, session 8).
    pub fn take() -> Pass {
        KEPT.with(|kept| kept.take()).unwrap_or_default()
    }

    /// Gives the vectors back for the thread's next text, emptied, unless a huge text made
    /// them larger than 4 MiB.
    pub fn keep(mut self) {
        let bytes = self.numeral_starts.capacity() * size_of::<(usize, usize)>()
            + self.date_anchors.capacity() * size_of::<usize>()
            + self.trigger_hits.capacity() * size_of::<(usize, u8)>()
            + self.mark_starts.capacity() * size_of::<usize>()
            + self.marks.capacity() * size_of::<Mark>()
            + self.clause_marks.capacity() * size_of::<ClauseMark>()
            + self.numerals.capacity() * size_of::<crate::numeral::NumeralMatch>()
            + self.claimed.capacity() * size_of::<(usize, usize)>();
        if bytes > KEEP_BYTES {
            return;
        }
        self.numeral_starts.clear();
        self.date_anchors.clear();
        self.trigger_hits.clear();
        self.mark_starts.clear();
        self.marks.clear();
        self.clause_marks.clear();
        self.numerals.clear();
        self.claimed.clear();
        KEPT.with(|kept| kept.set(Some(self)));
    }
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

/// The trigger bits of the date anchors ([`super::date::ANCHORS`]): they come first.
const DATE_ANCHOR_BITS: u64 = (1 << super::date::ANCHORS.len()) - 1;

/// One pass over `text`, filling `pass` (emptied first): where a numeral may start, where
/// the date anchors, the other trigger characters, the clause marks and the first
/// characters of `vocabulary`'s marks are. Returns which
/// trigger characters the text has, one bit each, and whether it has a `\n` or `\r`
/// (which [`crate::text::Joined`] may remove).
///
/// With `stop_at_break`, the pass stops at the first line break (and `pass` is incomplete).
pub(crate) fn read_triggers(text: &str, pass: &mut Pass, vocabulary: &Vocabulary, stop_at_break: bool) -> (u64, bool) {
    let mut mask = 0u64;
    let mut runs = std::mem::take(&mut pass.numeral_starts);
    runs.clear();
    let Pass {
        date_anchors,
        trigger_hits,
        clause_marks,
        mark_starts,
        ..
    } = pass;
    date_anchors.clear();
    trigger_hits.clear();
    clause_marks.clear();
    mark_starts.clear();
    let mark_firsts = &*vocabulary.mark_firsts;
    let either = vocabulary.pass_chars();
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
    let starts_a_mark = |u: u32| char::from_u32(u).is_some_and(|c| vocabulary.starts_a_mark(c));
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
            let bit = 1 << (b2 & 0x3F);
            if either[hi] & bit != 0 {
                if INTERESTING[hi] & bit != 0 {
                    record!(i, ((hi as u32) << 6) | u32::from(b2 & 0x3F), 3);
                }
                if mark_firsts[hi] & bit != 0 {
                    mark_starts.push(i);
                }
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
        if starts_a_mark(u) {
            mark_starts.push(i);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
