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
    /// jieba's part-of-speech tag (`n`, `v`, `m`, `x` …).
    pub tag: &'static str,
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

/// Segments `text` and tags each word.
///
/// Word boundaries come from `cut` with the word HMM, which joins unknown names
/// (`澳斯康`); tags come from the dictionary, one word at a time, and a word the dictionary
/// does not know is a name (`nz`). jieba's own `tag` with its POS HMM would guess those
/// tags, but costs a large fixed setup on every call.
pub(crate) fn tag(text: &str) -> Vec<Word<'_>> {
    let jieba: &'static Jieba = &JIEBA;
    let plain = tag_fast(text);
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
            tag: tag_static(jieba, t.tag),
        })
        .collect()
}

/// jieba hands out tags borrowed from itself; the segmenter is static, so they live forever.
fn tag_static(_jieba: &'static Jieba, tag: &str) -> &'static str {
    // Tags are a small closed set; map them to static strings without leaking.
    const TAGS: &[&str] = &[
        "n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "v", "vn", "vd", "vg", "vi", "vq", "a", "ad", "an", "ag",
        "b", "c", "d", "df", "dg", "e", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq", "o", "p", "q", "r", "rg",
        "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "x", "y", "z", "zg", "eng",
    ];
    TAGS.iter().find(|t| **t == tag).copied().unwrap_or("x")
}
