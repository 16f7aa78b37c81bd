//! The only user of jieba-rs: one lazily built segmenter with the genre's words added.

use jieba_rs::{Jieba, Tag};
use once_cell::sync::Lazy;

/// A word of the segmentation, with byte offsets into the segmented text: jieba's tagged
/// word as jieba returns it (the vector jieba allocates is kept, not copied).
#[derive(Debug, Clone)]
#[repr(transparent)]
pub(crate) struct Word<'a>(Tag<'a>);

impl<'a> Word<'a> {
    /// The word.
    pub fn text(&self) -> &'a str {
        self.0.word
    }
    /// Byte offset of its first byte (jieba's `start` counts characters).
    #[allow(clippy::misnamed_getters)]
    pub fn start(&self) -> usize {
        self.0.byte_start
    }
    /// Byte offset one past it.
    #[allow(clippy::misnamed_getters)]
    pub fn end(&self) -> usize {
        self.0.byte_end
    }
    /// jieba's part-of-speech tag (`n`, `v`, `m`, `x` …), borrowed from the segmenter,
    /// which is static.
    pub fn tag(&self) -> &'a str {
        self.0.tag
    }
}

/// Words are equal when their text, place and tag are (not their character offsets,
/// which the rules do not read).
impl PartialEq for Word<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.text(), self.start(), self.end(), self.tag()) == (other.text(), other.start(), other.end(), other.tag())
    }
}

impl Eq for Word<'_> {}

/// Words the embedded dictionary lacks or cuts badly in this genre, with a tag.
const GENRE_WORDS: &[(&str, &str)] = &[
    ("百分点", "q"),
    ("个百分点", "q"),
    ("规上工业", "n"),
    ("规上", "b"),
    ("应税销售", "n"),
    ("产业集群", "n"),
    ("产业链", "n"),
    ("有限公司", "n"),
    ("股份有限公司", "n"),
    ("有限责任公司", "n"),
    ("集团有限公司", "n"),
    ("平方公里", "q"),
    ("平方米", "q"),
    ("万千瓦", "q"),
    ("千瓦时", "q"),
    ("标准箱", "q"),
    // Policy terms of the genre that the dictionary cuts into pieces tagged as adverbs.
    ("专精特新", "n"),
    ("小巨人", "n"),
    ("独角兽", "n"),
    ("瞪羚", "n"),
    ("单项冠军", "n"),
    ("高新技术企业", "n"),
    ("规上企业", "n"),
];

static JIEBA: Lazy<Jieba> = Lazy::new(|| {
    let mut j = Jieba::new();
    for (w, tag) in GENRE_WORDS {
        j.add_word(w, None, Some(tag));
    }
    j
});

/// Builds the segmenter now rather than at the first call that needs it.
pub(crate) fn warm_up() {
    Lazy::force(&JIEBA);
}

/// Marks that jieba always cuts off as words of their own, tagged `x` (they are outside
/// its Han class, so the text on either side is segmented apart): a rule that stops at
/// punctuation may segment only the text on its side of the nearest one.
pub(crate) const LONE_MARKS: [char; 14] = [
    '、', '“', '”', '‘', '’', '（', '）', '《', '》', '【', '】', '「', '」', '　',
];

/// The byte offset of the last of [`LONE_MARKS`] in `text`.
///
/// Every lone mark is three bytes long and begins with E2, E3 or EF, which CJK characters
/// (E4 to E9) do not: the bytes are searched from the end for those, and only where one is
/// are three bytes compared with the marks.
pub(crate) fn last_lone_mark(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut end = b.len();
    while let Some(p) = b[..end].iter().rposition(|&x| matches!(x, 0xE2 | 0xE3 | 0xEF)) {
        if let Some(&[b0, b1, b2]) = b.get(p..p + 3)
            && LONE_MARK_BYTES.contains(&[b0, b1, b2])
        {
            return Some(p);
        }
        end = p;
    }
    None
}

/// [`LONE_MARKS`] in UTF-8.
const LONE_MARK_BYTES: [[u8; 3]; 14] = {
    let mut out = [[0u8; 3]; 14];
    let mut k = 0;
    while k < LONE_MARKS.len() {
        let mut buf = [0u8; 4];
        let encoded = LONE_MARKS[k].encode_utf8(&mut buf).as_bytes();
        assert!(encoded.len() == 3, "every lone mark is three bytes long");
        out[k] = [encoded[0], encoded[1], encoded[2]];
        k += 1;
    }
    out
};

/// Segments `text` and tags each word.
///
/// Word boundaries come from `cut` with the word HMM, which joins unknown names
/// (`澳斯康`); tags come from the dictionary, one word at a time, and a word the dictionary
/// does not know is a name (`nz`). jieba's own `tag` with its POS HMM would guess those
/// tags, but costs a large fixed setup on every call.
pub(crate) fn tag(text: &str) -> Vec<Word<'_>> {
    let mut words = tag_fast(text);
    // The HMM only re-cuts runs of two or more single-character route steps; before the
    // first such run the two cuts agree, and so do the tags.
    let Some(run) = first_hmm_run(&words) else {
        return words;
    };
    // jieba's best route from a character depends only on the text after it, so the
    // text from the run's first word on is cut as the whole text is cut there.
    let from = words[run].start();
    let rest = tag_aligned(&text[from..], &words[run..], from);
    words.truncate(run);
    words.extend(rest);
    words
}

/// Could the word HMM cut `plain` (a cut without it) differently?
#[cfg(test)]
fn may_differ_with_hmm(plain: &[Word]) -> bool {
    first_hmm_run(plain).is_some()
}

/// The index of the first word of `plain` (a cut without the word HMM) that the HMM may
/// cut differently, if any. The HMM re-cuts runs of single-character route steps: two
/// single-character words of jieba's Han class (CJK, ASCII letters and digits, `+#&._%-`)
/// side by side, or a word of several ASCII characters (which the cut without HMM joins)
/// with the single characters before it. The words before that index are the same in
/// both cuts.
fn first_hmm_run(plain: &[Word]) -> Option<usize> {
    let single_step = |w: &Word| {
        let mut chars = w.text().chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => is_han_class(c),
            _ => false,
        }
    };
    for (k, w) in plain.iter().enumerate() {
        if single_step(w) && plain.get(k + 1).is_some_and(single_step) {
            return Some(k);
        }
        if w.text().len() > 1 && w.text().is_ascii() {
            let singles_before = plain[..k].iter().rev().take_while(|w| single_step(w)).count();
            return Some(k - singles_before);
        }
    }
    None
}

/// jieba's Han class: the characters it segments by dictionary and HMM.
fn is_han_class(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | 'a'..='z' | 'A'..='Z' | '0'..='9'
        | '+' | '#' | '&' | '.' | '_' | '%' | '-'
    )
}

/// The HMM cut's words of `text`, which starts at byte `from` of the segmented text, with
/// the tags of the same words of `plain` (the cut without HMM from there on); offsets
/// are in the segmented text.
fn tag_aligned<'t>(text: &'t str, plain: &[Word<'t>], from: usize) -> Vec<Word<'t>> {
    let jieba: &'static Jieba = &JIEBA;
    let mut k = 0;
    jieba
        .cut(text, true)
        .into_iter()
        .map(|t| {
            let (start, end) = (from + t.byte_start, from + t.byte_end);
            // The dictionary's word at the same place, if the HMM did not join it with others.
            while k < plain.len() && plain[k].start() < start {
                k += 1;
            }
            let tag = match plain.get(k) {
                Some(p) if p.start() == start && p.end() == end => p.tag(),
                _ => "nz",
            };
            Word(Tag {
                word: t.word,
                tag,
                start: t.start,
                end: t.end,
                byte_start: start,
                byte_end: end,
            })
        })
        .collect()
}

/// Segments `text` and tags each word without any HMM: unknown names fall apart into
/// characters. Enough where only the boundaries of dictionary words matter.
pub(crate) fn tag_fast(text: &str) -> Vec<Word<'_>> {
    // Nothing to segment (a value right after a mark): no call.
    if text.is_empty() {
        return Vec::new();
    }
    let jieba: &'static Jieba = &JIEBA;
    // The same layout: the vector is reused in place, with no allocation.
    jieba.tag(text, false).into_iter().map(Word).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each lone mark is a word of its own tagged `x`, and the words on either side are
    /// the words of each side segmented alone.
    #[test]
    fn lone_marks_cut_the_segmentation_in_independent_pieces() {
        let sides = [
            ("规上工业应税销售", "突破1000亿元"),
            ("位于海门港新区的", "中天钢铁集团"),
            ("出口2301亿元", "进口1266亿元"),
            ("全市", "十四五"),
            ("澳斯康生物", "南通"),
        ];
        for mark in LONE_MARKS {
            for (left, right) in sides {
                let text = format!("{left}{mark}{right}");
                let whole = tag_fast(&text);
                let at = text.find(mark).unwrap();
                let mark_word = whole.iter().find(|w| w.start() == at).unwrap();
                assert_eq!(
                    (mark_word.end(), mark_word.tag()),
                    (at + mark.len_utf8(), "x"),
                    "{text}"
                );
                let shifted = |from: usize, words: Vec<Word>| -> Vec<(usize, usize, String)> {
                    words
                        .iter()
                        .map(|w| (from + w.start(), from + w.end(), w.tag().to_string()))
                        .collect()
                };
                let pieces: Vec<_> = shifted(0, tag_fast(left))
                    .into_iter()
                    .chain([(at, at + mark.len_utf8(), "x".to_string())])
                    .chain(shifted(at + mark.len_utf8(), tag_fast(right)))
                    .collect();
                assert_eq!(shifted(0, whole), pieces, "{text}");
                assert_eq!(last_lone_mark(&text), Some(at));
            }
        }
        assert_eq!(last_lone_mark("全年增长8.5%"), None);
        // The same answer as a search by characters, on texts of marks, CJK, punctuation
        // that shares a first byte with a mark (，—…・), and ASCII.
        let pieces = [
            "、", "“", "”", "（", "）", "《", "》", "　", "，", "—", "…", "・", "增长", "8.5%", "a", "。", "【",
        ];
        let mut rng = crate::testing::Rng::new(7);
        for _ in 0..5000 {
            let text = rng.text(&pieces, 12);
            assert_eq!(last_lone_mark(&text), text.rfind(LONE_MARKS), "{text:?}");
        }
    }

    /// The shortcut of [`tag`] gives what the long way gives, on sentences of the genre
    /// and on every clause of the seed.
    #[test]
    fn tag_agrees_with_the_aligned_cut() {
        let seed = include_str!("../fixtures/haimen-2022.txt");
        let extra = [
            "澳斯康生物医药项目投产，中天钢铁集团（南通）有限公司落户",
            "全年规上工业增加值增长8.5%，5G基站新建1200个，GDP达1.2万亿元",
            "其中出口2301亿元、进口1266亿元，分别增长4.1%和下降2.3%",
            "“十四五”时期，全省将加快建设A、B和C三大产业集群",
            "新5G基站",
            "建成5G基站1200个",
            "A股上市企业3家",
            "位于临江新区的澳斯康生物",
        ];
        // And pieces of the seed cut anywhere.
        let chars: Vec<usize> = seed.char_indices().map(|(i, _)| i).collect();
        let mut rng = crate::testing::Rng::new(11);
        let pieces: Vec<&str> = (0..800)
            .map(|_| {
                let a = rng.below(chars.len());
                let b = (a + rng.below(24)).min(chars.len() - 1);
                &seed[chars[a]..chars[b]]
            })
            .collect();
        let clauses = seed.split(['，', '。', '；', '\n']).chain(extra).chain(pieces);
        let (mut short, mut long) = (0, 0);
        for clause in clauses {
            let plain = tag_fast(clause);
            if may_differ_with_hmm(&plain) {
                long += 1;
            } else {
                short += 1;
            }
            assert_eq!(tag(clause), tag_aligned(clause, &plain, 0), "{clause}");
            // Without a possible difference, the long way gives the plain cut.
            if !may_differ_with_hmm(&plain) {
                assert_eq!(tag_aligned(clause, &plain, 0), plain, "{clause}");
            }
        }
        assert!(
            short > 0 && long > 0,
            "both ways are taken ({short} short, {long} long)"
        );
    }
}
