//! The only user of jieba-rs: one lazily built segmenter with the genre's words added.

use jieba_rs::Jieba;
use once_cell::sync::Lazy;

/// A word of the segmentation, with byte offsets into the segmented text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// The word.
    pub text: &'a str,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
    /// jieba's part-of-speech tag (`n`, `v`, `m`, `x` …), borrowed from the segmenter,
    /// which is static.
    pub tag: &'a str,
}

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
pub(crate) fn last_lone_mark(text: &str) -> Option<usize> {
    text.rfind(LONE_MARKS)
}

/// Segments `text` and tags each word.
///
/// Word boundaries come from `cut` with the word HMM, which joins unknown names
/// (`澳斯康`); tags come from the dictionary, one word at a time, and a word the dictionary
/// does not know is a name (`nz`). jieba's own `tag` with its POS HMM would guess those
/// tags, but costs a large fixed setup on every call.
pub(crate) fn tag(text: &str) -> Vec<Word<'_>> {
    let plain = tag_fast(text);
    // The HMM only re-cuts runs of two or more single-character route steps; without
    // such a run the two cuts agree, and so do the tags.
    if !may_differ_with_hmm(&plain) {
        return plain;
    }
    tag_aligned(text, &plain)
}

/// Could the word HMM cut `plain` (a cut without it) differently? Yes where two
/// single-character words of jieba's Han class (CJK, ASCII letters and digits, `+#&._%-`)
/// stand side by side, or where a word is a run of ASCII characters (which the cut
/// without HMM joins, and the HMM may split).
fn may_differ_with_hmm(plain: &[Word]) -> bool {
    let single_step = |w: &Word| {
        let mut chars = w.text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => is_han_class(c),
            _ => false,
        }
    };
    plain.iter().any(|w| w.text.len() > 1 && w.text.is_ascii())
        || plain.windows(2).any(|p| single_step(&p[0]) && single_step(&p[1]))
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

/// [`tag`] the long way: the HMM cut's words, with the tags of the same words of `plain`.
fn tag_aligned<'t>(text: &'t str, plain: &[Word<'t>]) -> Vec<Word<'t>> {
    let jieba: &'static Jieba = &JIEBA;
    let mut k = 0;
    jieba
        .cut(text, true)
        .into_iter()
        .map(|t| {
            // The dictionary's word at the same place, if the HMM did not join it with others.
            while k < plain.len() && plain[k].start < t.byte_start {
                k += 1;
            }
            let tag = match plain.get(k) {
                Some(p) if p.start == t.byte_start && p.end == t.byte_end => p.tag,
                _ => "nz",
            };
            Word {
                text: t.word,
                start: t.byte_start,
                end: t.byte_end,
                tag,
            }
        })
        .collect()
}

/// Segments `text` and tags each word without any HMM: unknown names fall apart into
/// characters. Enough where only the boundaries of dictionary words matter.
pub(crate) fn tag_fast(text: &str) -> Vec<Word<'_>> {
    let jieba: &'static Jieba = &JIEBA;
    jieba
        .tag(text, false)
        .into_iter()
        .map(|t| Word {
            text: t.word,
            start: t.byte_start,
            end: t.byte_end,
            tag: t.tag,
        })
        .collect()
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
                let mark_word = whole.iter().find(|w| w.start == at).unwrap();
                assert_eq!((mark_word.end, mark_word.tag), (at + mark.len_utf8(), "x"), "{text}");
                let shifted = |from: usize, words: Vec<Word>| -> Vec<(usize, usize, String)> {
                    words
                        .iter()
                        .map(|w| (from + w.start, from + w.end, w.tag.to_string()))
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
        ];
        let clauses = seed.split(['，', '。', '；', '\n']).chain(extra);
        let (mut short, mut long) = (0, 0);
        for clause in clauses {
            let plain = tag_fast(clause);
            if may_differ_with_hmm(&plain) {
                long += 1;
            } else {
                short += 1;
            }
            assert_eq!(tag(clause), tag_aligned(clause, &plain), "{clause}");
            // Without a possible difference, the long way gives the plain cut.
            if !may_differ_with_hmm(&plain) {
                assert_eq!(tag_aligned(clause, &plain), plain, "{clause}");
            }
        }
        assert!(
            short > 0 && long > 0,
            "both ways are taken ({short} short, {long} long)"
        );
    }
}
