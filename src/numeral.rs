//! Numeral normalizer: a Chinese, Arabic or mixed numeral to an exact value.
//!
//! Forms recognized (each is pinned by a test below):
//!
//! | form | example | value |
//! | --- | --- | --- |
//! | Arabic, separators, full-width | `1,050,000`, `４，５６５`, `２．２` | 1050000, 4565, 2.2 |
//! | exponents, `k`/`M` suffixes | `12.32e+14`, `2^5`, `40k` | 1232000000000000, 32, 40000 |
//! | 十百千万亿兆 and compounds | `四千五百六十九万八千三百一十一亿…`, `三百五十一万亿` | exact |
//! | 零/〇 gaps, shorthand | `一千零五`, `一万三`, `四百五`, `百二萬` | 1005, 13000, 450, 1200000 |
//! | 两, financial capitals | `倆千两百贰拾二`, `拾万零五十六` | 2222, 100056 |
//! | mixed | `3.98万`, `1005.5亿`, `3万4000`, `1,100.9亿` | 39800, 100550000000, 34000, 110090000000 |
//! | 点 decimals | `三点五`, `两千万点五五四四` | 3.5, 20000000.5544 |
//! | digit by digit | `二〇二二`, `三八` | 2022, 38 |
//! | fractions | `三分之一`, `三百五十又3分之1`, `3/5` | 0.333…, 350.333…, 0.6 |
//! | negatives | `负三十二`, `-10000` | -32, -10000 |
//! | approximations | `十多万`, `500余万`, `二十几万` | 100000, 5000000, 200000 (flagged) |
//!
//! Values are computed on decimal integers (`i128` mantissa and a power of ten) and rounded
//! to `f64` once, at the end, so `3.98万` is exactly `39800.0` and `27.7` is the `f64`
//! nearest to 27.7. A numeral whose exact value does not fit (more than 38 significant
//! digits) is an error, [`NumeralError::TooLarge`], and the scanner skips it: no value is
//! better than a wrong one.
//!
//! [`scan`] finds every numeral in a text without any context rule (the layer that the
//! conformance suite measures); the extractors of this crate decide which of them are
//! facts.

use thiserror::Error;

/// Why a string is not a numeral.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NumeralError {
    /// The string is empty or only white space.
    #[error("empty numeral")]
    Empty,
    /// The string does not start with a numeral.
    #[error("not a numeral")]
    NotANumeral,
    /// A numeral was read, but more text follows it at this byte offset.
    #[error("unexpected text after the numeral at byte {0}")]
    Trailing(usize),
    /// The value has more significant digits than an exact computation can hold.
    #[error("numeral too large for an exact value")]
    TooLarge,
}

/// A numeral found by [`scan`].
#[derive(Debug, Clone, PartialEq)]
pub struct NumeralMatch {
    /// Byte offset of the first byte of the numeral (a sign included).
    pub start: usize,
    /// Byte offset one past the numeral.
    pub end: usize,
    /// The value, multipliers applied; for a fraction, the quotient.
    pub value: f64,
    /// The numeral carries 余, 多 or 几 (`500余万`, `十多万`): the value is a lower bound.
    pub approx: bool,
    /// Which digits it is written with.
    pub script: Script,
    /// It is written `X分之Y`; `denominator` is X, the numerator is `value * X`.
    pub denominator: Option<f64>,
    /// For a fraction, the numerator Y of `X分之Y`, exactly as written.
    pub numerator: Option<f64>,
    /// The denominator is a bare power of ten with no digit (`百分之…`, `千分之…`).
    pub bare_denominator: bool,
    /// Written digit by digit with no unit (`二〇二二`, `三八`).
    pub digit_sequence: bool,
    /// Only a multiplier with no digit before it (`百`, `千`, `十`).
    pub bare_multiplier: bool,
    /// The last character read is a multiplier (十百千万亿), so a unit such as 千米 may
    /// begin inside it.
    pub ends_with_multiplier: bool,
}

/// The digits a numeral is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Script {
    /// Arabic digits only (`1005.5`).
    Arabic,
    /// Chinese characters only (`一千零五`).
    #[default]
    Chinese,
    /// Arabic digits with Chinese multipliers (`3.98万`).
    Mixed,
}

/// Parses a whole string as one numeral.
///
/// # Example
/// ```
/// assert_eq!(zhfacts::numeral::parse("3.98万"), Ok(39800.0));
/// assert_eq!(zhfacts::numeral::parse("一千零五"), Ok(1005.0));
/// assert!(zhfacts::numeral::parse("统一").is_err());
/// ```
///
/// # Errors
/// [`NumeralError`] when the string is empty, does not begin with a numeral, has text
/// after it, or is too large for an exact value.
pub fn parse(s: &str) -> Result<f64, NumeralError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(NumeralError::Empty);
    }
    let off = s.len() - s.trim_start().len();
    // The plain forms (`2022`, `3.5`, `三`) read what the general reader reads.
    if let Some(m) = t.chars().next().and_then(|c| plain_at(t, 0, c))
        && m.end == t.len()
    {
        return Ok(m.value);
    }
    match read_at(t, 0) {
        Read::Numeral(m) if m.end == t.len() => Ok(m.value),
        Read::Numeral(m) => Err(NumeralError::Trailing(off + m.end)),
        Read::TooLarge(_) => Err(NumeralError::TooLarge),
        Read::Nothing(_) => Err(NumeralError::NotANumeral),
    }
}

/// Finds every numeral in `text`, left to right, without overlap.
///
/// Runs in time linear in `text`: a run of numeral characters is read once.
///
/// # Example
/// ```
/// let found = zhfacts::numeral::scan("累计发放5174万元、惠及十多万人");
/// let values: Vec<f64> = found.iter().map(|m| m.value).collect();
/// assert_eq!(values, [51740000.0, 100000.0]);
/// assert!(found[1].approx);
/// ```
pub fn scan(text: &str) -> Vec<NumeralMatch> {
    let mut runs = StarterRuns::default();
    for_each_char(text, |i, u| runs.see(i, u));
    scan_from(text, &runs.runs)
}

/// Maximal runs of characters a numeral may start with, as byte ranges: a long run of
/// digits is one entry, not one per digit.
#[derive(Default)]
pub(crate) struct StarterRuns {
    /// The runs, in order.
    pub runs: Vec<(usize, usize)>,
}

impl StarterRuns {
    /// Records the character `u` at byte `i` (characters are seen in order).
    #[inline]
    pub fn see(&mut self, i: usize, u: u32) {
        if starts_numeral_u32(u) {
            self.see_starter(i, char::from_u32(u).map_or(1, char::len_utf8));
        }
    }

    /// Records a character a numeral may start with, at byte `i`, `len` bytes long.
    #[inline]
    pub fn see_starter(&mut self, i: usize, len: usize) {
        match self.runs.last_mut() {
            Some(run) if run.1 == i => run.1 = i + len,
            _ => self.runs.push((i, i + len)),
        }
    }
}

/// Calls `f(byte offset, code point)` for every character of `text`, decoding the bytes
/// directly (faster than `char_indices` on CJK text, where most characters are 3 bytes).
pub(crate) fn for_each_char(text: &str, mut f: impl FnMut(usize, u32)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (u, n) = decode_utf8(b, i);
        f(i, u);
        i += n;
    }
}

/// The code point that starts at byte `i` of valid UTF-8 `b`, and its length in bytes.
/// A `const fn`, so that the compile-time tables decode with it too.
#[inline(always)]
pub(crate) const fn decode_utf8(b: &[u8], i: usize) -> (u32, usize) {
    let b0 = b[i] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        let u = ((b0 & 0x07) << 18)
            | ((b[i + 1] as u32 & 0x3F) << 12)
            | ((b[i + 2] as u32 & 0x3F) << 6)
            | (b[i + 3] as u32 & 0x3F);
        (u, 4)
    }
}

/// [`scan`] over known runs of starter characters ([`StarterRuns`]): a numeral may begin
/// at any character of a run that the previous numeral did not take.
pub(crate) fn scan_from(text: &str, runs: &[(usize, usize)]) -> Vec<NumeralMatch> {
    scan_into(text, runs, Vec::new())
}

/// [`scan_from`] into `out`, emptied first (its capacity is reused).
pub(crate) fn scan_into(text: &str, runs: &[(usize, usize)], mut out: Vec<NumeralMatch>) -> Vec<NumeralMatch> {
    out.clear();
    // About one numeral per run of starter characters.
    out.reserve(runs.len());
    let mut resume = 0;
    for &(run_start, run_end) in runs {
        let mut i = run_start.max(resume);
        while i < run_end {
            let Some(c) = text[i..].chars().next() else { break };
            // Words with a numeral character (一般, 统一) first; then the plain forms; then
            // the general reader. The character is read once, for all of them.
            let next = if let Some(end) = numeral_inside_word(text, i, c) {
                end
            } else if let Some(m) = plain_at(text, i, c) {
                let end = m.end;
                out.push(m);
                end
            } else {
                match read_at(text, i) {
                    Read::Numeral(m) => {
                        let end = m.end.max(i + c.len_utf8());
                        out.push(m);
                        end
                    }
                    Read::TooLarge(end) | Read::Nothing(end) => end.max(i + c.len_utf8()),
                }
            };
            resume = next;
            i = next;
            // A numeral may end inside a character run only on a char boundary.
            while i < run_end && !text.is_char_boundary(i) {
                i += 1;
            }
        }
    }
    out
}

/// The plain forms, read without the general reader: [`plain_arabic_at`] where `c`, the
/// character at `i`, is a digit, [`plain_chinese_at`] where it is not (a digit is no
/// Chinese digit, and the Arabic reader reads only digits).
#[inline]
fn plain_at(text: &str, i: usize, c: char) -> Option<NumeralMatch> {
    if c.is_ascii_digit() {
        plain_arabic_at(text, i)
    } else {
        plain_chinese_at(text, i, c)
    }
}

/// The most common numeral, read without the general reader: ASCII digits, at most one
/// decimal part, at most one multiplier 万 or 亿 (`1005.5亿`), and then a character that no
/// numeral continues with (a Han character
/// that is no numeral, multiplier or numeral word, or punctuation such as `%`, `，`).
/// `None` where the general reader must decide; where `Some`, it is what [`read_at`]
/// reads (a test compares the two).
fn plain_arabic_at(text: &str, i: usize) -> Option<NumeralMatch> {
    let b = text.as_bytes();
    if !b.get(i)?.is_ascii_digit() {
        return None;
    }
    // A digit or a dot before: inside a longer number or a dotted chain.
    if let Some(p) = text[..i].chars().next_back()
        && (p.is_ascii_alphanumeric() || arabic_digit(p).is_some() || matches!(p, '.' | '．'))
    {
        return None;
    }
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_len = digits(i);
    let mut end = i + int_len;
    let mut frac_len = 0;
    if b.get(end) == Some(&b'.') {
        frac_len = digits(end + 1);
        if frac_len == 0 {
            return None;
        }
        end += 1 + frac_len;
    }
    // At most 18 digits: the value is exact in an i64, as the general reader's.
    if int_len + frac_len > 18 {
        return None;
    }
    let digits_end = end;
    // One multiplier 万 or 亿 may follow (`1005.5亿`, `3.98万`).
    let mut next = text[end..].chars().next();
    let power = plain_big_power(next).unwrap_or(0);
    if power > 0 {
        end += '万'.len_utf8();
        next = text[end..].chars().next();
    }
    // 余/多 (about) or 分 (minutes, points) after the number and before a character that
    // ends a numeral are not part of it (`5870余人`, `200多家`, `15分钟`; but `20余万`,
    // `三分之一`).
    let after_next = |n: char| text[end + n.len_utf8()..].chars().next();
    let ends = match next {
        Some(n @ ('余' | '多')) => ends_any_numeral(after_next(n)),
        Some(n @ '分') => after_next(n) != Some('之') && ends_any_numeral(after_next(n)),
        _ => ends_any_numeral(next),
    };
    if !ends {
        return None;
    }
    // At most 18 digits: exact in an i64.
    let mut m: i64 = 0;
    for &d in b[i..digits_end].iter().filter(|d| d.is_ascii_digit()) {
        m = m * 10 + i64::from(d - b'0');
    }
    let m = i128::from(m);
    // `0万`: the general reader decides.
    if power > 0 && m == 0 {
        return None;
    }
    let value = Dec {
        m,
        e: power - frac_len as i32,
    }
    .to_f64()?;
    let script = if power > 0 { Script::Mixed } else { Script::Arabic };
    Some(NumeralMatch::whole(i, end, value, script, power > 0))
}

/// The power of ten of the multiplier the plain readers take after a number: 万 or 亿
/// (not 萬, 億 or 兆, which the general reader reads).
fn plain_big_power(c: Option<char>) -> Option<i32> {
    match c {
        Some('万') => Some(4),
        Some('亿') => Some(8),
        _ => None,
    }
}

/// Does no numeral continue with `next` (the character after one that was read)? A Han
/// character that is no numeral, multiplier or numeral word, or punctuation such as `%`, `，`.
fn ends_any_numeral(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c @ '\u{4e00}'..='\u{9fff}') => {
            !starts_numeral_u32(c as u32) && !matches!(c, '点' | '點' | '余' | '多' | '几' | '幾' | '分' | '又' | '打')
        }
        Some(c) => matches!(
            c,
            '%' | '％' | '，' | '。' | '、' | '；' | '：' | '）' | '（' | '”' | '“' | '\n'
        ),
    }
}

/// A lone Chinese digit (`一`, `三`, `两`, `零`, no financial capital) or multiplier (`十`,
/// `百`, `千`: `千亩`, `百强`) that no numeral character follows, read without the general
/// reader; or a short compound of them: a digit, then 十/百/千, then 万/亿, each but one
/// of them optional (`二十`, `三百亿`, `千亿`, `五万`). `None` where the general reader must
/// decide. Where `Some`, it is what [`read_at`] reads (a test compares the two). Words such
/// as `一般` are checked before, by `numeral_inside_word`.
///
/// `c` is the character at `i`.
fn plain_chinese_at(text: &str, i: usize, c: char) -> Option<NumeralMatch> {
    let small = |c: char| match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    };
    let (mut value, multiplier) = match (c, small(c)) {
        (_, Some(s)) => (s, true),
        ('零', _) => (0, false),
        (c, _) => (chinese_digit(c)? as i64, false),
    };
    let mut end = i + c.len_utf8();
    let mut next = text[end..].chars().next();
    if ends_any_numeral(next) {
        let mut m = NumeralMatch::whole(i, end, value as f64, Script::Chinese, multiplier);
        m.bare_multiplier = multiplier;
        return Some(m);
    }
    // A compound: 十/百/千 after a digit, then 万/亿.
    if value == 0 {
        return None;
    }
    if !multiplier && let Some(s) = next.and_then(small) {
        value *= s;
        end += '十'.len_utf8();
        next = text[end..].chars().next();
    }
    if let Some(p) = plain_big_power(next) {
        value *= 10i64.pow(p.unsigned_abs());
        end += '万'.len_utf8();
        next = text[end..].chars().next();
    }
    // Nothing was added to the first character, or a numeral goes on.
    if end == i + c.len_utf8() || !ends_any_numeral(next) {
        return None;
    }
    let mut m = NumeralMatch::whole(i, end, value as f64, Script::Chinese, true);
    // Multipliers only, no digit (千万).
    m.bare_multiplier = multiplier;
    Some(m)
}

/// The value of a Chinese digit 一 … 九 or 两 (no financial capital, no 〇).
pub(crate) fn chinese_digit(c: char) -> Option<f64> {
    Some(match c {
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

impl NumeralMatch {
    /// A numeral that is a plain value: no fraction, no approximation, no digit sequence.
    fn whole(start: usize, end: usize, value: f64, script: Script, ends_with_multiplier: bool) -> NumeralMatch {
        NumeralMatch {
            start,
            end,
            value,
            approx: false,
            script,
            denominator: None,
            numerator: None,
            bare_denominator: false,
            digit_sequence: false,
            bare_multiplier: false,
            ends_with_multiplier,
        }
    }
}

/// Words that begin with a numeral character but state no quantity: `一切`, `一般`,
/// `十分` (very), `四川` (Sichuan).
const WORDS_STARTING_WITH_NUMERAL: &[&str] = &[
    "一切",
    "一看",
    "一些",
    "一样",
    "一起",
    "一直",
    "一定",
    "一般",
    "一旦",
    "一律",
    "一致",
    "一流",
    "一体",
    "一向",
    "一再",
    "一度",
    "一路",
    "一道",
    "一同",
    "一边",
    "一面",
    "一举",
    "一带",
    "一手",
    "一心",
    "一贯",
    "一经",
    "一味",
    "一时",
    "一体化",
    "一揽子",
    "一把手",
    "一站式",
    "一盘棋",
    "一张网",
    "一张图",
    "十分",
    "三次产业",
    "一次性",
    "十足",
    "万分",
    "四川",
    "三亚",
    "三明",
    "六安",
    "九江",
    "十堰",
    "万宁",
    "万州",
    "千方百计",
    "千家万户",
    "百姓",
    "万物",
    "两岸",
    "两旁",
];

/// The first characters of [`WORDS_STARTING_WITH_NUMERAL`] and the last of
/// [`WORDS_ENDING_IN_NUMERAL`]: any other numeral character is no part of such a word.
#[cfg(test)]
fn word_initial(c: char) -> bool {
    initial_index(c).is_some()
}

/// The index of a `word_initial` character (`None` for any other character).
fn initial_index(c: char) -> Option<usize> {
    Some(match c {
        '一' => 0,
        '十' => 1,
        '万' => 2,
        '四' => 3,
        '三' => 4,
        '六' => 5,
        '九' => 6,
        '千' => 7,
        '百' => 8,
        '两' => 9,
        _ => return None,
    })
}

/// The first six bytes of `b` (two CJK characters) as a number, if it has them.
fn prefix_key(b: &[u8]) -> Option<u64> {
    Some(b.get(..6)?.iter().fold(0u64, |k, &x| k << 8 | u64::from(x)))
}

/// [`WORDS_STARTING_WITH_NUMERAL`] (every one of two characters or more) by their first
/// character ([`initial_index`]), each group sorted by the first two characters
/// ([`prefix_key`]) and in list order for each: a text has at most the words of its own
/// first two characters, found by one binary search in its group.
static WORDS_BY_PREFIX: once_cell::sync::Lazy<[Vec<(u64, &'static str)>; 10]> = once_cell::sync::Lazy::new(|| {
    let mut by: [Vec<(u64, &'static str)>; 10] = Default::default();
    for w in WORDS_STARTING_WITH_NUMERAL {
        if let (Some(k), Some(key)) = (w.chars().next().and_then(initial_index), prefix_key(w.as_bytes())) {
            by[k].push((key, w));
        }
    }
    // Stable: the list order stays within a prefix.
    by.iter_mut().for_each(|group| group.sort_by_key(|&(key, _)| key));
    by
});

/// Words whose last character is a numeral: `统一`, `唯一`, `之一`, `万一`.
const WORDS_ENDING_IN_NUMERAL: &[&str] = &[
    "统一", "唯一", "专一", "划一", "同一", "之一", "逐一", "单一", "初一", "周一", "合一", "归一", "均一", "不一",
    "万一",
];

/// If a word that merely contains a numeral character starts at `i`, the byte after it.
/// `c` is the character at `i`.
fn numeral_inside_word(text: &str, i: usize, c: char) -> Option<usize> {
    // Most starts (every digit) begin no such word: told by the character alone.
    let group = &WORDS_BY_PREFIX[initial_index(c)?];
    let rest = &text[i..];
    // The first of the words that share the text's first two characters and that it has.
    let key = prefix_key(rest.as_bytes());
    let words = &group[group.partition_point(|e| Some(e.0) < key)..];
    let found = words
        .iter()
        .take_while(|e| Some(e.0) == key)
        .map(|e| e.1)
        .find(|w| rest.starts_with(&**w));
    if let Some(w) = found {
        // 十分之一 is a fraction, not 十分 (very).
        if !text[i + w.len()..].starts_with('之') {
            return Some(i + w.len());
        }
    }
    let prev = text[..i].chars().next_back()?;
    if c != '一' {
        return None;
    }
    // Every such word ends in 一: compare its first character with `prev`, no allocation.
    let is_word = WORDS_ENDING_IN_NUMERAL.iter().any(|w| {
        let mut chars = w.chars();
        chars.next() == Some(prev) && chars.next() == Some(c) && chars.next().is_none()
    });
    let next = rest[c.len_utf8()..].chars().next();
    let continues = next.is_some_and(|n| cn_token(n).is_some() || arabic_digit(n).is_some());
    (is_word && !continues).then_some(i + c.len_utf8())
}

/// Verbs and words that begin with 打, after which 打 is no dozen: 打造, 打通, 打击.
const NOT_A_DOZEN_AFTER: &[char] = &[
    '造', '通', '击', '破', '赢', '好', '开', '响', '出', '入', '工', '卡', '折', '牢', '下', '算', '印', '扫', '车',
    '拼', '压', '进', '捞',
];

/// Can a numeral (or its sign) begin with this character?
#[cfg(test)]
fn starts_numeral(c: char) -> bool {
    starts_numeral_u32(c as u32)
}

/// `starts_numeral` on a code point.
#[inline]
pub(crate) fn starts_numeral_u32(u: u32) -> bool {
    u < 0x10000 && STARTERS[(u >> 6) as usize] & (1 << (u & 63)) != 0
}

/// Every character a numeral (or its sign) may begin with.
pub(crate) const STARTER_CHARS: &str = "负負-－−.．半0123456789０１２３４５６７８９零〇一二三四五六七八九两兩倆壹贰貳叁參肆伍陆陸柒捌玖十拾百佰千仟万萬亿億兆廿卅卌";

/// [`STARTER_CHARS`] as a bitmap over the Basic Multilingual Plane (8 KiB): the test of
/// every character of a text is one load and one mask.
pub(crate) static STARTERS: [u64; 1024] = {
    let mut map = [0u64; 1024];
    let bytes = STARTER_CHARS.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (u, n) = decode_utf8(bytes, i);
        map[(u >> 6) as usize] |= 1 << (u & 63);
        i += n;
    }
    map
};

/// The value of an Arabic digit, ASCII or full-width.
pub(crate) fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// One Chinese numeral character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cn {
    /// 零一二…九 and the financial capitals; `pair_two` marks the two of a pair, 两/兩/倆, `zero` 零/〇.
    Digit {
        d: u8,
        pair_two: bool,
        zero: bool,
        capital: bool,
    },
    /// 十 百 千 (and 拾 佰 仟): the power of ten.
    Small(u8),
    /// 万 亿 兆: the power of ten.
    Big(u8),
    /// 廿 卅 卌: two tens, three tens, four tens.
    Tens(u8),
}

/// 拾 佰 仟: multipliers written as financial capitals.
fn capital_multiplier(c: char) -> Option<Cn> {
    match c {
        '拾' => Some(Cn::Small(1)),
        '佰' => Some(Cn::Small(2)),
        '仟' => Some(Cn::Small(3)),
        _ => None,
    }
}

fn cn_token(c: char) -> Option<Cn> {
    if let Some(t) = capital_multiplier(c) {
        return Some(t);
    }
    let digit = |d, capital| {
        Some(Cn::Digit {
            d,
            pair_two: false,
            zero: false,
            capital,
        })
    };
    match c {
        '零' | '〇' => Some(Cn::Digit {
            d: 0,
            pair_two: false,
            zero: true,
            capital: false,
        }),
        '一' => digit(1, false),
        '二' => digit(2, false),
        '三' => digit(3, false),
        '四' => digit(4, false),
        '五' => digit(5, false),
        '六' => digit(6, false),
        '七' => digit(7, false),
        '八' => digit(8, false),
        '九' => digit(9, false),
        '两' | '兩' | '倆' => Some(Cn::Digit {
            d: 2,
            pair_two: true,
            zero: false,
            capital: false,
        }),
        '壹' => digit(1, true),
        '贰' | '貳' => digit(2, true),
        '叁' | '參' => digit(3, true),
        '肆' => digit(4, true),
        '伍' => digit(5, true),
        '陆' | '陸' => digit(6, true),
        '柒' => digit(7, true),
        '捌' => digit(8, true),
        '玖' => digit(9, true),
        '十' => Some(Cn::Small(1)),
        '百' => Some(Cn::Small(2)),
        '千' => Some(Cn::Small(3)),
        '万' | '萬' => Some(Cn::Big(4)),
        '亿' | '億' => Some(Cn::Big(8)),
        '兆' => Some(Cn::Big(12)),
        '廿' => Some(Cn::Tens(2)),
        '卅' => Some(Cn::Tens(3)),
        '卌' => Some(Cn::Tens(4)),
        _ => None,
    }
}

/// An exact decimal: `m × 10^e`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    m: i128,
    e: i32,
}

impl Dec {
    const ZERO: Dec = Dec { m: 0, e: 0 };

    fn int(v: i128) -> Dec {
        Dec { m: v, e: 0 }
    }

    fn is_zero(self) -> bool {
        self.m == 0
    }

    fn add(self, o: Dec) -> Option<Dec> {
        let e = self.e.min(o.e);
        let a = self.m.checked_mul(pow10(self.e - e)?)?;
        let b = o.m.checked_mul(pow10(o.e - e)?)?;
        Some(Dec {
            m: a.checked_add(b)?,
            e,
        })
    }

    fn shift(self, k: i32) -> Dec {
        Dec {
            m: self.m,
            e: self.e + k,
        }
    }

    /// The nearest `f64`, rounded once (`3.98万` is exactly 39800).
    fn to_f64(self) -> Option<f64> {
        if self.m == 0 {
            return Some(0.0);
        }
        // Fast path: the mantissa and the power of ten are exact in f64, so one
        // multiplication or division rounds once, correctly.
        const EXACT: i128 = 1 << 53;
        // The powers of ten that are exact in f64.
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ];
        if self.m.abs() < EXACT && (-22..=22).contains(&self.e) {
            // Through i64: the mantissa fits, and the conversion is one instruction.
            let m = self.m as i64 as f64;
            let p = POW10[self.e.unsigned_abs() as usize];
            let v = if self.e >= 0 { m * p } else { m / p };
            if self.e <= 0 || v.abs() < EXACT as f64 {
                return Some(v);
            }
        }
        let v: f64 = format!("{}e{}", self.m, self.e).parse().ok()?;
        v.is_finite().then_some(v)
    }
}

fn pow10(k: i32) -> Option<i128> {
    /// 10^0 … 10^38, every power of ten an `i128` holds.
    const POW10: [i128; 39] = {
        let mut t = [1i128; 39];
        let mut k = 1;
        while k < 39 {
            t[k] = t[k - 1] * 10;
            k += 1;
        }
        t
    };
    usize::try_from(k).ok().and_then(|k| POW10.get(k).copied())
}

enum Read {
    Numeral(NumeralMatch),
    /// A numeral was read up to here, but its value is not exact.
    TooLarge(usize),
    /// No numeral; the characters up to here need not be read again.
    Nothing(usize),
}

/// A cursor over the text with look-ahead that skips inline spaces.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }
    fn peek_at(&self, i: usize) -> Option<char> {
        self.s.get(i..).and_then(|t| t.chars().next())
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        Some(c)
    }
    /// Position after inline spaces (ASCII space, tab, ideographic space) from `i`.
    fn skip_spaces_from(&self, mut i: usize) -> usize {
        while let Some(c) = self.peek_at(i) {
            if c == ' ' || c == '\u{3000}' || c == '\t' {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－' | '−')
}

/// Reads one numeral starting exactly at byte `start`.
fn read_at(s: &str, start: usize) -> Read {
    let mut cur = Cursor { s, i: start };
    let negative = match read_sign(&mut cur) {
        Ok(negative) => negative,
        Err(nothing) => return nothing,
    };
    // A '.' starts a number only where no digit stands before it (`.5`, not `2222.2222`).
    if let Some(c @ ('.' | '．')) = cur.peek() {
        let before = s[..cur.i].chars().next_back();
        let next_digit = cur.peek_at(cur.i + c.len_utf8()).and_then(arabic_digit).is_some();
        if before.is_some_and(|p| arabic_digit(p).is_some() || p == '.' || p == '．') || !next_digit {
            return Read::Nothing(cur.i + c.len_utf8());
        }
    }
    let body_start = cur.i;
    if !negative && s[start..].starts_with("半百") {
        return Read::Numeral(NumeralMatch::whole(
            start,
            start + "半百".len(),
            50.0,
            Script::Chinese,
            true,
        ));
    }
    if cur.peek() == Some('半') {
        return Read::Nothing(start + '半'.len_utf8());
    }
    let (whole, info) = match read_integer_part(&mut cur) {
        Ok(Some(x)) => x,
        Ok(None) => {
            return bare_big_fraction(&cur, start, body_start, negative).unwrap_or(Read::Nothing(cur.i.max(start + 1)));
        }
        Err(end) => return Read::TooLarge(end),
    };
    if let Some(fraction) = fraction_of(&cur, start, negative, &whole, &info) {
        return fraction;
    }
    let mut m = NumeralMatch {
        start,
        end: cur.i,
        value: 0.0,
        approx: info.approx,
        script: info.script,
        denominator: None,
        numerator: None,
        bare_denominator: false,
        digit_sequence: info.digit_sequence,
        bare_multiplier: info.bare_multiplier,
        ends_with_multiplier: info.ends_with_multiplier,
    };
    let (value, fraction_value) = read_fraction_part(&cur, whole, &info, &mut m);
    let mut v = match value.to_f64() {
        Some(v) => v,
        None => return Read::TooLarge(m.end),
    };
    if let Some(f) = fraction_value {
        v += f;
    }
    m.value = if negative { -v } else { v };
    // 一打, 五十打: dozens, where 打 is not the verb of 打造, 打通 ….
    if fraction_value.is_none() && !info.decimal && cur.peek_at(m.end) == Some('打') {
        let after = cur.peek_at(m.end + '打'.len_utf8());
        if !after.is_some_and(|a| NOT_A_DOZEN_AFTER.contains(&a)) {
            m.value *= 12.0;
            m.end += '打'.len_utf8();
            m.ends_with_multiplier = false;
        }
    }
    // A lone financial capital (拾 in 收拾, 伍 in 队伍, 陆 in 陆地) is a word, not a numeral.
    if info.lone_capital && body_start + 3 >= m.end {
        return Read::Nothing(m.end);
    }
    Read::Numeral(m)
}

/// A sign at the cursor (负, or a minus not after a digit or letter), read when a numeral
/// follows it: whether there was one. `Err` when a sign leads to no numeral.
fn read_sign(cur: &mut Cursor) -> Result<bool, Read> {
    let Some(c) = cur.peek() else { return Ok(false) };
    let prev = cur.s[..cur.i].chars().next_back();
    let sign_ok = match c {
        '负' | '負' => true,
        c if is_minus(c) => {
            !prev.is_some_and(|p| is_minus(p) || arabic_digit(p).is_some() || p.is_ascii_alphanumeric())
        }
        _ => false,
    };
    if !sign_ok {
        return Ok(false);
    }
    let after = cur.i + c.len_utf8();
    let next = cur.peek_at(after);
    let leads = next.is_some_and(|n| arabic_digit(n).is_some() || cn_token(n).is_some() || n == '.' || n == '．');
    if !leads {
        return Err(Read::Nothing(after));
    }
    cur.i = after;
    Ok(true)
}

/// 万分之三, 万万分之七: a fraction whose denominator is big multipliers alone, at
/// `body_start` (where no integer part could be read).
fn bare_big_fraction(cur: &Cursor, start: usize, body_start: usize, negative: bool) -> Option<Read> {
    let (den, after) = bare_big_denominator(cur, body_start)?;
    let mut c2 = Cursor { s: cur.s, i: after };
    let Ok(Some((num, ninfo))) = read_integer_part(&mut c2) else {
        return None;
    };
    let n = num.to_f64()?;
    Some(Read::Numeral(NumeralMatch {
        start,
        end: c2.i,
        value: if negative { -n / den } else { n / den },
        approx: ninfo.approx,
        script: ninfo.script,
        denominator: Some(den),
        numerator: Some(n),
        bare_denominator: true,
        digit_sequence: false,
        bare_multiplier: false,
        ends_with_multiplier: ninfo.ends_with_multiplier,
    }))
}

/// X分之Y: a fraction, X the numeral `whole` just read (ending at the cursor).
fn fraction_of(cur: &Cursor, start: usize, negative: bool, whole: &Dec, info: &PartInfo) -> Option<Read> {
    let after = fraction_marker(cur, cur.i)?;
    let mut c2 = Cursor { s: cur.s, i: after };
    let mut neg_num = false;
    if let Some(ch @ ('负' | '負')) = c2.peek() {
        c2.i += ch.len_utf8();
        neg_num = true;
    }
    let Ok(Some((num, ninfo))) = read_integer_part(&mut c2) else {
        return None;
    };
    if whole.is_zero() {
        return None;
    }
    let (n, d) = (num.to_f64()?, whole.to_f64()?);
    let q = n / d;
    if !q.is_finite() {
        return None;
    }
    let q = if neg_num { -q } else { q };
    Some(Read::Numeral(NumeralMatch {
        start,
        end: c2.i,
        value: if negative { -q } else { q },
        approx: ninfo.approx,
        script: merge_script(info.script, ninfo.script),
        denominator: Some(d),
        numerator: Some(if neg_num { -n } else { n }),
        bare_denominator: info.bare_multiplier,
        digit_sequence: false,
        bare_multiplier: false,
        ends_with_multiplier: ninfo.ends_with_multiplier,
    }))
}

/// A fraction after the integer part `whole` (ending at `m.end`): N又X分之Y, or the Arabic
/// `a/b` and `a b/c`. Updates `m`'s end, denominator and flags; returns the value of the
/// whole part and the fraction's.
fn read_fraction_part(cur: &Cursor, whole: Dec, info: &PartInfo, m: &mut NumeralMatch) -> (Dec, Option<f64>) {
    let after_you = {
        let j = cur.skip_spaces_from(m.end);
        (cur.peek_at(j) == Some('又')).then(|| cur.skip_spaces_from(j + '又'.len_utf8()))
    };
    if let Some(j) = after_you
        && let Read::Numeral(fr) = read_at(cur.s, j)
        && fr.denominator.is_some()
        && fr.value >= 0.0
    {
        m.end = fr.end;
        m.denominator = fr.denominator;
        m.bare_denominator = fr.bare_denominator;
        m.script = merge_script(m.script, fr.script);
        m.digit_sequence = false;
        m.bare_multiplier = false;
        m.ends_with_multiplier = false;
        return (whole, Some(fr.value));
    }
    if info.script != Script::Arabic || info.decimal {
        return (whole, None);
    }
    // `3/5`, or `1 3/5` (a whole number, one space, a fraction).
    let Some((end, frac)) = arabic_fraction(cur, m.end, whole) else {
        return (whole, None);
    };
    m.end = end;
    match frac {
        ArabicFraction::Simple(q, d) => {
            m.denominator = Some(d);
            (Dec::ZERO, Some(q))
        }
        ArabicFraction::Mixed(q, d) => {
            m.denominator = Some(d);
            (whole, Some(q))
        }
    }
}

fn merge_script(a: Script, b: Script) -> Script {
    if a == b { a } else { Script::Mixed }
}

/// A run of 万/亿 followed by 分之 at `i`: the denominator and where the numerator starts.
fn bare_big_denominator(cur: &Cursor, mut i: usize) -> Option<(f64, usize)> {
    let mut power = 0i32;
    while let Some(Cn::Big(k)) = cur.peek_at(i).and_then(cn_token) {
        power += k as i32;
        i += cur.peek_at(i)?.len_utf8();
    }
    if power == 0 || power > 36 {
        return None;
    }
    Some((10f64.powi(power), fraction_marker(cur, i)?))
}

/// `分之` (spaces allowed around it) right after `end`: the byte after it.
fn fraction_marker(cur: &Cursor, end: usize) -> Option<usize> {
    let j = cur.skip_spaces_from(end);
    if cur.peek_at(j) != Some('分') {
        return None;
    }
    let j = cur.skip_spaces_from(j + '分'.len_utf8());
    if cur.peek_at(j) != Some('之') {
        return None;
    }
    Some(cur.skip_spaces_from(j + '之'.len_utf8()))
}

enum ArabicFraction {
    /// `a/b`: the quotient and b.
    Simple(f64, f64),
    /// `w a/b`: the fraction part to add to w, and b.
    Mixed(f64, f64),
}

fn slash(c: Option<char>) -> bool {
    matches!(c, Some('/' | '／'))
}

/// Reads an Arabic integer (no separators) at `i`: its value and end.
fn plain_int(cur: &Cursor, mut i: usize) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    let begin = i;
    while let Some(d) = cur.peek_at(i).and_then(arabic_digit) {
        v = v.checked_mul(10)?.checked_add(d as u64)?;
        i += cur.peek_at(i)?.len_utf8();
    }
    (i > begin).then_some((v, i))
}

fn arabic_fraction(cur: &Cursor, end: usize, whole: Dec) -> Option<(usize, ArabicFraction)> {
    if slash(cur.peek_at(end)) {
        let (den, e2) = plain_int(cur, end + 1 + usize::from(cur.peek_at(end) == Some('／')) * 2)?;
        if den == 0
            || cur
                .peek_at(e2)
                .is_some_and(|c| slash(Some(c)) || arabic_digit(c).is_some())
        {
            return None;
        }
        let num = whole.to_f64()?;
        return Some((e2, ArabicFraction::Simple(num / den as f64, den as f64)));
    }
    if cur.peek_at(end) == Some(' ') {
        let (num, e1) = plain_int(cur, end + 1)?;
        if !slash(cur.peek_at(e1)) {
            return None;
        }
        let w = cur.peek_at(e1)?.len_utf8();
        let (den, e2) = plain_int(cur, e1 + w)?;
        if den == 0 || slash(cur.peek_at(e2)) {
            return None;
        }
        return Some((e2, ArabicFraction::Mixed(num as f64 / den as f64, den as f64)));
    }
    None
}

#[derive(Default)]
struct PartInfo {
    approx: bool,
    script: Script,
    digit_sequence: bool,
    bare_multiplier: bool,
    ends_with_multiplier: bool,
    decimal: bool,
    lone_capital: bool,
}

/// Reads an Arabic number at the cursor: digits, separators, a decimal part, an exponent,
/// a `k`/`M` suffix. `Err(())` when the digits do not fit an exact value.
fn read_arabic(cur: &mut Cursor) -> Result<Option<(Dec, bool)>, ()> {
    let start = cur.i;
    let mut m: i128 = 0;
    let mut e: i32 = 0;
    let mut digits = 0usize;
    let mut overflow = false;
    read_integer_digits(cur, &mut m, &mut digits, &mut overflow);
    if digits == 0 {
        // `.5`
        if !matches!(cur.peek(), Some('.' | '．')) {
            return Ok(None);
        }
    }
    let decimal = match read_decimal_digits(cur, start, digits, &mut m, &mut e, &mut overflow) {
        Some(decimal) => decimal,
        None => return Ok(None),
    };
    let exponent = exponent_at(cur);
    if overflow {
        // The exponent, read or not, belongs to the numeral that is too large.
        if let Some(x) = exponent {
            cur.i = x.end;
        }
        return Err(());
    }
    let mut dec = Dec { m, e };
    if let Some(x) = exponent {
        // An exponent is part of the numeral even when it is too large to apply: `1e-400`
        // and `10^100` are unreadable, not `1` and `100`.
        cur.i = x.end;
        dec = x.apply(dec).ok_or(())?;
    }
    // k / K / M suffix (`40k`, `-2.5 M`), not the start of a word.
    let j = cur.skip_spaces_from(cur.i);
    if let Some(c @ ('k' | 'K' | 'Ｋ' | 'M')) = cur.peek_at(j) {
        let after = cur.peek_at(j + c.len_utf8());
        if !after.is_some_and(|a| a.is_ascii_alphanumeric()) {
            dec = dec.shift(if c == 'M' { 6 } else { 3 });
            cur.i = j + c.len_utf8();
        }
    }
    if cur.i == start {
        return Ok(None);
    }
    Ok(Some((dec, decimal)))
}

/// Appends the digit `d` to the mantissa `m`, or marks the overflow.
fn push_digit(m: &mut i128, d: u8, overflow: &mut bool) {
    match m.checked_mul(10).and_then(|x| x.checked_add(d as i128)) {
        Some(x) => *m = x,
        None => *overflow = true,
    }
}

/// The integer digits at the cursor, with thousands separators: appended to `m`, counted
/// in `digits`.
fn read_integer_digits(cur: &mut Cursor, m: &mut i128, digits: &mut usize, overflow: &mut bool) {
    let mut fullwidth = false;
    while let Some(c) = cur.peek() {
        if let Some(d) = arabic_digit(c) {
            fullwidth |= c > '\u{7f}';
            push_digit(m, d, overflow);
            *digits += 1;
            cur.bump();
            continue;
        }
        // Thousands separator: exactly three digits follow; `，` only among full-width digits.
        let sep = c == ',' || (c == '，' && fullwidth);
        if sep && *digits > 0 {
            let j = cur.i + c.len_utf8();
            let mut k = j;
            let mut n = 0;
            while let Some(d) = cur.peek_at(k).filter(|d| arabic_digit(*d).is_some()) {
                k += d.len_utf8();
                n += 1;
            }
            if n == 3 {
                cur.i = j;
                continue;
            }
        }
        break;
    }
}

/// A decimal part at the cursor (after `digits` integer digits of a numeral that starts
/// at `start`): its digits appended to `m`, `e` lowered by their count. Whether one was
/// read; `None` when there is no numeral at all (a lone point).
fn read_decimal_digits(
    cur: &mut Cursor,
    start: usize,
    digits: usize,
    m: &mut i128,
    e: &mut i32,
    overflow: &mut bool,
) -> Option<bool> {
    // Inside a dotted chain (`2222.2222.222`) no group takes a decimal part.
    let in_chain = matches!(cur.s[..start].chars().next_back(), Some('.' | '．'));
    let Some(c @ ('.' | '．')) = cur.peek().filter(|_| !in_chain || digits == 0) else {
        return Some(false);
    };
    let j = cur.i + c.len_utf8();
    let mut k = j;
    let mut frac = Vec::new();
    while let Some(d) = cur.peek_at(k).and_then(arabic_digit) {
        frac.push(d);
        k += cur.peek_at(k).map_or(1, char::len_utf8);
    }
    // `2022.12.05` or `2222.2222.2`: dotted groups, not a decimal.
    let dotted = matches!(cur.peek_at(k), Some('.' | '．'))
        && cur
            .peek_at(k + 1)
            .or(cur.peek_at(k + 3))
            .and_then(arabic_digit)
            .is_some();
    if !frac.is_empty() && !dotted {
        for d in frac {
            push_digit(m, d, overflow);
            *e -= 1;
        }
        cur.i = k;
        return Some(true);
    }
    (digits > 0).then_some(false)
}

/// An exponent after an Arabic numeral: `e5`, `E-1`, `e＋14`, or `^5` (a power).
#[derive(Debug, Clone, Copy)]
struct Exponent {
    /// `^`: a power of the numeral; else a power of ten.
    power: bool,
    negative: bool,
    /// `None` when the digits do not fit a `u64`.
    value: Option<u64>,
    /// The byte after the exponent's digits.
    end: usize,
}

impl Exponent {
    /// The largest power of ten and the largest power that are applied.
    const MAX_TEN: u64 = 300;
    const MAX_POWER: u64 = 64;

    /// `dec` raised by the exponent, exactly where it can be; `None` when the result is no
    /// finite exact value.
    fn apply(self, dec: Dec) -> Option<Dec> {
        let x = self.value?;
        if !self.power {
            let x = i32::try_from(x).ok().filter(|x| *x as u64 <= Self::MAX_TEN)?;
            return Some(dec.shift(if self.negative { -x } else { x }));
        }
        if x > Self::MAX_POWER {
            return None;
        }
        if !self.negative {
            // An integer power of a decimal is exact: (m·10^e)^x = m^x · 10^(e·x).
            let m = dec.m.checked_pow(x as u32)?;
            return Some(Dec {
                m,
                e: dec.e.checked_mul(x as i32)?,
            });
        }
        let p = dec.to_f64()?.powi(-(x as i32));
        if !p.is_finite() {
            return None;
        }
        f64_to_dec(p)
    }
}

/// The exponent at the cursor, if one is written there (not consumed):
/// `[eE][+-＋－]?digits` not followed by an ASCII letter, or `^[+-]*digits`.
fn exponent_at(cur: &Cursor) -> Option<Exponent> {
    let power = match cur.peek()? {
        'e' | 'E' => false,
        '^' => true,
        _ => return None,
    };
    let mut k = cur.i + 1;
    let mut negative = false;
    if power {
        while let Some(sg) = cur.peek_at(k).filter(|c| matches!(c, '+' | '-')) {
            negative ^= sg == '-';
            k += 1;
        }
    } else if let Some(sg) = cur.peek_at(k).filter(|c| matches!(c, '+' | '＋' | '-' | '－')) {
        negative = matches!(sg, '-' | '－');
        k += sg.len_utf8();
    }
    let mut end = k;
    while let Some(d) = cur.peek_at(end).filter(|c| arabic_digit(*c).is_some()) {
        end += d.len_utf8();
    }
    if end == k || (!power && cur.peek_at(end).is_some_and(|c| c.is_ascii_alphabetic())) {
        return None;
    }
    Some(Exponent {
        power,
        negative,
        value: plain_int(cur, k).map(|(v, _)| v),
        end,
    })
}

fn f64_to_dec(v: f64) -> Option<Dec> {
    let s = format!("{v:e}");
    let (mant, exp) = s.split_once('e')?;
    let exp: i32 = exp.parse().ok()?;
    let (neg, mant) = mant.strip_prefix('-').map_or((false, mant), |m| (true, m));
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{ip}{fp}");
    let m: i128 = digits.parse().ok()?;
    Some(Dec {
        m: if neg { -m } else { m },
        e: exp - fp.len() as i32,
    })
}

/// State of the Chinese evaluation: groups closed by 万/亿/兆, the current section under
/// 万, and the pending digit.
struct Eval {
    groups: Vec<(Dec, u8)>,
    section: Dec,
    pending: Option<Dec>,
    /// The pending value is one Chinese digit (shorthand applies: 一万三 → 13000).
    pending_cn_digit: bool,
    /// Power of ten of the last multiplier read, for shorthand.
    last_power: Option<u8>,
    zero_gap: bool,
    any_digit: bool,
}

impl Eval {
    fn new() -> Self {
        Eval {
            groups: Vec::new(),
            section: Dec::ZERO,
            pending: None,
            pending_cn_digit: false,
            last_power: None,
            zero_gap: false,
            any_digit: false,
        }
    }

    /// The pending digit with shorthand applied: `四百五` → 50, `一万三` → 3000.
    /// `below`: the multiplier about to apply, if any; shorthand only reads a digit as
    /// the next lower place of a smaller multiplier (百二萬 is 120万, 亿四万 is 4万).
    fn take_pending(&mut self, below: Option<u8>) -> Dec {
        let Some(p) = self.pending.take() else { return Dec::ZERO };
        let mut p = p;
        if self.pending_cn_digit
            && !self.zero_gap
            && let Some(k) = self.last_power
            && k >= 2
            && below.is_none_or(|b| k < b)
        {
            p = p.shift(k as i32 - 1);
        }
        self.pending_cn_digit = false;
        p
    }

    fn small(&mut self, k: u8) -> Option<()> {
        let n = match self.pending.take() {
            // A leading 零 before 十 (零十) still counts one ten.
            Some(n) if !n.is_zero() => n,
            _ => Dec::int(1),
        };
        self.pending_cn_digit = false;
        self.section = self.section.add(n.shift(k as i32))?;
        self.last_power = Some(k);
        self.zero_gap = false;
        Some(())
    }

    fn big(&mut self, k: u8) -> Option<()> {
        let p = self.take_pending(Some(k));
        let mut v = self.section.add(p)?;
        self.section = Dec::ZERO;
        let own = !v.is_zero();
        let mut top_popped = 0u8;
        if !own && let Some((g, gk)) = self.groups.pop() {
            // 万亿, 万万: the multiplier compounds the group just closed.
            v = g;
            top_popped = gk;
        }
        while let Some(&(g, gk)) = self.groups.last() {
            if gk >= k {
                break;
            }
            v = v.add(g)?;
            top_popped = top_popped.max(gk);
            self.groups.pop();
        }
        if v.is_zero() {
            v = Dec::int(1);
        }
        let power = if own { k } else { k.saturating_add(top_popped) };
        self.groups.push((v.shift(k as i32), power));
        self.last_power = Some(k);
        self.zero_gap = false;
        Some(())
    }

    fn total(&mut self) -> Option<Dec> {
        let p = self.take_pending(None);
        let mut t = self.section.add(p)?;
        for &(g, _) in &self.groups {
            t = t.add(g)?;
        }
        Some(t)
    }
}

/// Reads the integer part (and a 点 decimal part) of a numeral: Arabic digits, Chinese
/// characters, or both. `Ok(None)` when nothing numeral is here; `Err(end)` when the value
/// is too large.
fn read_integer_part(cur: &mut Cursor) -> Result<Option<(Dec, PartInfo)>, usize> {
    let mut reader = IntegerReader::new(cur.i);
    loop {
        // Spaces may stand between two parts of a numeral (`7 万5 千4 百`, `十 余 万`).
        let here = if reader.tokens > 0 {
            cur.skip_spaces_from(cur.i)
        } else {
            cur.i
        };
        let Some(c) = cur.peek_at(here) else { break };
        let step =
            if (arabic_digit(c).is_some() && !reader.decimal_done) || (reader.tokens == 0 && matches!(c, '.' | '．')) {
                reader.arabic(cur, here)
            } else if let Some(tok) = cn_token(c) {
                reader.chinese(cur, here, c, tok)
            } else if (c == '点' || c == '點') && !reader.decimal_done && (reader.ev.any_digit || reader.saw_unit) {
                reader.decimal_point(cur, here, c)
            } else if matches!(c, '余' | '多' | '几' | '幾') && reader.ev.any_digit_or_unit(reader.saw_unit) {
                reader.vague(cur, here, c)
            } else {
                Step::Stop
            };
        match step {
            Step::Next => continue,
            Step::Stop => break,
            Step::NoNumeral => return Ok(None),
        }
    }
    reader.finish(cur)
}

/// What [`read_integer_part`] does after a token.
enum Step {
    /// Read the next token.
    Next,
    /// The numeral ends at the last token read.
    Stop,
    /// What was read is no numeral (a range such as 二三十).
    NoNumeral,
}

/// The state of [`read_integer_part`] between tokens.
struct IntegerReader {
    /// Where the numeral starts.
    begin: usize,
    /// The value so far.
    ev: Eval,
    info: PartInfo,
    saw_arabic: bool,
    saw_cn: bool,
    cn_digits_in_row: usize,
    max_cn_digits_in_row: usize,
    /// The Chinese digits read, as one number digit by digit (二〇二二), and how many: the
    /// number is used only up to 38 digits, which an i128 holds.
    seq: i128,
    seq_len: usize,
    /// A multiplier (十百千万亿) was read.
    saw_unit: bool,
    saw_pair_two_in_seq: bool,
    /// The end of the last token that belongs to the numeral.
    last_end: usize,
    capitals: usize,
    tokens: usize,
    /// A decimal part was read: only multipliers may follow.
    decimal_done: bool,
    overflow: bool,
    last_was_multiplier: bool,
}

impl IntegerReader {
    fn new(begin: usize) -> Self {
        IntegerReader {
            begin,
            ev: Eval::new(),
            info: PartInfo::default(),
            saw_arabic: false,
            saw_cn: false,
            cn_digits_in_row: 0,
            max_cn_digits_in_row: 0,
            seq: 0,
            seq_len: 0,
            saw_unit: false,
            saw_pair_two_in_seq: false,
            last_end: begin,
            capitals: 0,
            tokens: 0,
            decimal_done: false,
            overflow: false,
            last_was_multiplier: false,
        }
    }

    /// Arabic digits (or a leading decimal point) at `here`.
    fn arabic(&mut self, cur: &mut Cursor, here: usize) -> Step {
        let spaced = here != cur.i;
        if self.saw_arabic && self.ev.pending.is_some() || spaced && self.ev.pending.is_some() {
            return Step::Stop;
        }
        if spaced && self.saw_arabic && !self.saw_cn {
            return Step::Stop;
        }
        cur.i = here;
        match read_arabic(cur) {
            Ok(Some((d, decimal))) => {
                if self.ev.pending.is_some() {
                    // A Chinese digit right before an Arabic one: not one numeral.
                    return Step::Stop;
                }
                self.ev.pending = Some(d);
                self.ev.pending_cn_digit = false;
                self.ev.any_digit = true;
                self.info.decimal |= decimal;
                self.saw_arabic = true;
                self.cn_digits_in_row = 0;
                self.tokens += 1;
                self.last_end = cur.i;
                self.last_was_multiplier = false;
                if decimal {
                    // `3.98万` may still take multipliers, but no more digits.
                    self.decimal_done = true;
                }
                Step::Next
            }
            Ok(None) => Step::Stop,
            Err(()) => {
                self.overflow = true;
                self.last_end = cur.i;
                Step::Stop
            }
        }
    }

    /// A Chinese digit or multiplier `c` at `here`.
    fn chinese(&mut self, cur: &mut Cursor, here: usize, c: char, tok: Cn) -> Step {
        // After a decimal part only multipliers may follow (`1005.5亿`, `三点五万`).
        if self.decimal_done && !matches!(tok, Cn::Big(_)) {
            return Step::Stop;
        }
        match tok {
            Cn::Digit {
                d,
                pair_two,
                zero,
                capital,
            } => self.cn_digit(cur, here + c.len_utf8(), d, pair_two, zero, capital),
            Cn::Small(k) => self.cn_small(cur, here + c.len_utf8(), c, k),
            Cn::Big(k) => {
                if self.max_cn_digits_in_row >= 2 && !self.saw_unit {
                    return Step::NoNumeral;
                }
                self.multiplier_read(cur, here + c.len_utf8());
                if self.ev.big(k).is_none() {
                    self.overflow = true;
                }
                Step::Next
            }
            Cn::Tens(t) => {
                if self.ev.pending.is_some() {
                    return Step::Stop;
                }
                cur.i = here + c.len_utf8();
                self.tokens += 1;
                self.saw_cn = true;
                self.saw_unit = true;
                self.last_end = cur.i;
                self.last_was_multiplier = false;
                self.ev.pending = Some(Dec::int(t as i128));
                self.ev.pending_cn_digit = false;
                self.ev.any_digit = true;
                if self.ev.small(1).is_none() {
                    self.overflow = true;
                }
                Step::Next
            }
        }
    }

    /// A multiplier token read, ending at `end`.
    fn multiplier_read(&mut self, cur: &mut Cursor, end: usize) {
        cur.i = end;
        self.tokens += 1;
        self.saw_cn = true;
        self.saw_unit = true;
        self.cn_digits_in_row = 0;
        self.last_end = end;
        self.last_was_multiplier = true;
    }

    /// A Chinese digit `d` (一 … 九, 两, 〇/零), ending at `end`.
    fn cn_digit(&mut self, cur: &mut Cursor, end: usize, d: u8, pair_two: bool, zero: bool, capital: bool) -> Step {
        let ev = &mut self.ev;
        if ev.pending.is_some() && !ev.pending_cn_digit {
            return Step::Stop; // Arabic then Chinese digit.
        }
        // Digit after digit once a multiplier was read (三百五六): two numerals.
        if ev.pending.is_some() && self.saw_unit && !zero {
            return Step::Stop;
        }
        cur.i = end;
        self.tokens += 1;
        self.saw_cn = true;
        self.capitals += usize::from(capital);
        self.last_was_multiplier = false;
        self.last_end = end;
        if zero {
            self.seq = self.seq.wrapping_mul(10);
            self.seq_len += 1;
            if ev.pending.is_some() && !self.saw_unit {
                // 二〇: sequence continues below.
                self.cn_digits_in_row += 1;
                self.max_cn_digits_in_row = self.max_cn_digits_in_row.max(self.cn_digits_in_row);
                ev.pending = Some(Dec::int(0));
                ev.pending_cn_digit = true;
            } else if !ev.any_digit && ev.pending.is_none() && ev.section.is_zero() && ev.groups.is_empty() {
                ev.pending = Some(Dec::int(0));
                ev.pending_cn_digit = false;
                self.cn_digits_in_row = 1;
                self.max_cn_digits_in_row = self.max_cn_digits_in_row.max(1);
                ev.any_digit = true;
            } else {
                ev.zero_gap = true;
                self.cn_digits_in_row = 0;
            }
            return Step::Next;
        }
        self.saw_pair_two_in_seq |= pair_two;
        self.seq = self.seq.wrapping_mul(10).wrapping_add(i128::from(d));
        self.seq_len += 1;
        self.cn_digits_in_row += 1;
        self.max_cn_digits_in_row = self.max_cn_digits_in_row.max(self.cn_digits_in_row);
        ev.pending = Some(Dec::int(d as i128));
        ev.pending_cn_digit = true;
        ev.any_digit = true;
        Step::Next
    }

    /// A small multiplier `c` (十百千) of power `k`, ending at `end`.
    fn cn_small(&mut self, cur: &mut Cursor, end: usize, c: char, k: u8) -> Step {
        self.capitals += usize::from(capital_multiplier(c).is_some());
        if self.max_cn_digits_in_row >= 2 {
            // 二三十, 三五百: a range, not a numeral; none of it is read again.
            while let Some(ch) = cur.peek().filter(|c| cn_token(*c).is_some()) {
                cur.i += ch.len_utf8();
            }
            return Step::NoNumeral;
        }
        let ev = &self.ev;
        if ev.pending.is_some() && !ev.pending_cn_digit && !self.saw_cn && self.info.decimal {
            return Step::Stop;
        }
        // 五十千: a multiplier straight after a smaller one is not part of it.
        if ev.pending.is_none()
            && !ev.zero_gap
            && ev.last_power.is_some_and(|p| p < 4 && p <= k)
            && self.last_was_multiplier
        {
            return Step::Stop;
        }
        self.multiplier_read(cur, end);
        if self.ev.small(k).is_none() {
            self.overflow = true;
        }
        Step::Next
    }

    /// 点 at `here`: a decimal point, when Chinese digits (not 两) follow.
    fn decimal_point(&mut self, cur: &mut Cursor, here: usize, c: char) -> Step {
        let mut k = cur.skip_spaces_from(here + c.len_utf8());
        let mut frac: Vec<u8> = Vec::new();
        while let Some(Cn::Digit { d, pair_two: false, .. }) = cur.peek_at(k).and_then(cn_token) {
            frac.push(d);
            k += cur.peek_at(k).map_or(3, char::len_utf8);
            let k2 = cur.skip_spaces_from(k);
            if matches!(
                cur.peek_at(k2).and_then(cn_token),
                Some(Cn::Digit { pair_two: false, .. })
            ) {
                k = k2;
            }
        }
        if frac.is_empty() {
            return Step::Stop;
        }
        let Some(int) = self.ev.total() else {
            self.overflow = true;
            return Step::Stop;
        };
        let mut f = Dec::ZERO;
        for (n, d) in frac.iter().enumerate() {
            match f.add(Dec {
                m: *d as i128,
                e: -(n as i32) - 1,
            }) {
                Some(x) => f = x,
                None => self.overflow = true,
            }
        }
        let Some(v) = int.add(f) else {
            self.overflow = true;
            return Step::Stop;
        };
        self.ev = Eval::new();
        self.ev.pending = Some(v);
        self.ev.any_digit = true;
        self.decimal_done = true;
        self.info.decimal = true;
        self.saw_cn = true;
        cur.i = k;
        self.last_end = k;
        self.tokens += 1;
        self.cn_digits_in_row = 0;
        self.last_was_multiplier = false;
        Step::Next
    }

    /// 余 / 多 after a numeral (`5870余人`, `十多万`), or 几 as an unknown digit, at `here`.
    fn vague(&mut self, cur: &mut Cursor, here: usize, c: char) -> Step {
        let after = cur.skip_spaces_from(here + c.len_utf8());
        let next_big = matches!(cur.peek_at(after).and_then(cn_token), Some(Cn::Big(_)));
        if matches!(c, '几' | '幾') {
            if self.ev.pending.is_some() && !self.saw_unit {
                return Step::Stop;
            }
            cur.i = here + c.len_utf8();
            self.info.approx = true;
            self.ev.pending = Some(Dec::ZERO);
            self.ev.pending_cn_digit = false;
            self.last_end = cur.i;
            self.tokens += 1;
            return Step::Next;
        }
        if next_big {
            cur.i = after;
            self.info.approx = true;
            // The pending value is complete (十多万: ten, then 万).
            self.ev.pending_cn_digit = false;
            return Step::Next;
        }
        // Trailing 余/多: the numeral ends here; the extractor reads the bound.
        Step::Stop
    }

    /// The numeral read, its value and what is known of it; the cursor left at its end.
    fn finish(self, cur: &mut Cursor) -> Result<Option<(Dec, PartInfo)>, usize> {
        let IntegerReader {
            begin,
            mut ev,
            mut info,
            last_end,
            ..
        } = self;
        cur.i = last_end;
        if self.overflow {
            return Err(last_end);
        }
        if self.tokens == 0 || cur.i == begin {
            return Ok(None);
        }
        // Without a digit, a numeral needs a small multiplier (百余家, 十): 万 and 万万 alone
        // are no numerals.
        if !ev.any_digit {
            let small_seen = cur.s[begin..cur.i]
                .chars()
                .any(|c| matches!(cn_token(c), Some(Cn::Small(_) | Cn::Tens(_))));
            if !small_seen {
                return Ok(None);
            }
        }
        let value = if self.max_cn_digits_in_row >= 2 && !self.saw_unit && !self.saw_arabic && !info.decimal {
            // Digit by digit: 二〇二二, 三八. 两 does not stand in such sequences (两两).
            if self.saw_pair_two_in_seq || self.seq_len > 38 {
                return Ok(None);
            }
            info.digit_sequence = true;
            Dec::int(self.seq)
        } else {
            match ev.total() {
                Some(v) => v,
                None => return Err(last_end),
            }
        };
        info.script = match (self.saw_arabic, self.saw_cn) {
            (true, false) => Script::Arabic,
            (true, true) => Script::Mixed,
            _ => Script::Chinese,
        };
        info.bare_multiplier = !ev.any_digit;
        info.ends_with_multiplier = self.last_was_multiplier;
        info.lone_capital = self.capitals == 1 && self.tokens == 1;
        Ok(Some((value, info)))
    }
}

impl Eval {
    fn any_digit_or_unit(&self, saw_unit: bool) -> bool {
        self.any_digit || saw_unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exponent is part of its numeral: applied exactly where it can be, and where it
    /// cannot, the whole numeral is unreadable — neither its head nor its exponent is
    /// read as a numeral of its own.
    #[test]
    fn exponents_belong_to_their_numeral() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("2.5E+12吨，增长3%", &[("2.5E+12", 2.5e12), ("3", 3.0)]),
            ("2^5个", &[("2^5", 32.0)]),
            ("10^22元", &[("10^22", 1e22)]),
            ("10^23元", &[("10^23", 1e23)]),
            ("1.5^2", &[("1.5^2", 2.25)]),
            ("2^-1", &[("2^-1", 0.5)]),
            // Unreadable as a whole: no fact rather than a wrong one.
            ("投资10^100元", &[]),
            ("1e-400元", &[]),
            ("营收1e400亿元", &[]),
            ("2^99999999999999999999999元", &[]),
            ("9999999999999999999999999999999999999999e5元", &[]),
            // No exponent: the numerals stand.
            ("3e", &[("3", 3.0)]),
            ("12eV的能量", &[("12", 12.0)]),
            ("5^", &[("5", 5.0)]),
        ];
        for &(text, want) in cases {
            let got: Vec<(&str, f64)> = scan(text).iter().map(|m| (&text[m.start..m.end], m.value)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The short forms of report prose that the plain readers take (the general reader
    /// agrees: see the next test), and forms they leave to it.
    #[test]
    fn plain_readers_take_the_common_short_forms() {
        let cases: &[(&str, Option<(&str, f64)>)] = &[
            ("三百亿级企业", Some(("三百亿", 3e10))),
            ("千亿级产业集群", Some(("千亿", 1e11))),
            ("二十大精神", Some(("二十", 20.0))),
            ("五万吨", Some(("五万", 5e4))),
            ("两百家", Some(("两百", 200.0))),
            ("5870余人", Some(("5870", 5870.0))),
            ("200多家企业", Some(("200", 200.0))),
            ("15分钟便民生活圈", Some(("15", 15.0))),
            ("1.5万多人", Some(("1.5万", 15000.0))),
            // Left to the general reader.
            ("20余万元", None),
            ("三分之一", None),
            ("十二个", None),
            ("一万三千", None),
            ("百分点", None),
        ];
        for &(text, expected) in cases {
            let c = text.chars().next().unwrap();
            let got = plain_at(text, 0, c).map(|m| (&text[m.start..m.end], m.value));
            assert_eq!(got, expected, "{text}");
        }
    }

    /// The table of powers is the powers an i128 holds, and none beyond.
    #[test]
    fn powers_of_ten_are_exact() {
        for k in -3..=45 {
            let expected = u32::try_from(k).ok().and_then(|k| 10i128.checked_pow(k));
            assert_eq!(pow10(k), expected, "10^{k}");
        }
    }

    /// A sequence of Chinese digits is read digit by digit up to 38 digits, the most an
    /// i128 holds; a longer one is no numeral.
    #[test]
    fn digit_sequences_up_to_38_digits() {
        assert_eq!(parse("二〇二二"), Ok(2022.0));
        assert_eq!(parse("三八"), Ok(38.0));
        let digits = |n: usize| "九八七六五四三二一〇".chars().cycle().take(n).collect::<String>();
        let arabic = |n: usize| "9876543210".chars().cycle().take(n).collect::<String>();
        assert_eq!(parse(&digits(38)), Ok(arabic(38).parse::<f64>().unwrap()));
        assert!(parse(&digits(39)).is_err());
    }

    /// One value, every surface form that must produce it.
    const VALUES: &[(f64, &[&str])] = &[
        (
            39800.0,
            &[
                "3.98万",
                "三万九千八百",
                "39,800",
                "３９８００",
                "3万9800",
                "三点九八万",
            ],
        ),
        (100550000000.0, &["1005.5亿", "一千零五亿五千万", "1,005.5亿"]),
        (1005.0, &["一千零五", "壹仟零伍", "1005"]),
        (13000.0, &["一万三", "一万三千", "1.3万", "萬三"]),
        (450.0, &["四百五", "四百五十", "肆佰伍拾"]),
        (2222.0, &["倆千两百贰拾二", "两千二百二十二"]),
        (351000000000000.0, &["三百五十一万亿", "351万亿"]),
        (
            4569831148725382.0,
            &["四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二"],
        ),
        (1000.0, &["１,０００", "一千", "千"]),
        (20000000.0, &["2000万", "两千万", "二千万"]),
        (3.5, &["三点五", "3.5", "３．５"]),
        (-32.0, &["负三十二", "-32", "負三十二"]),
        (0.5, &["二分之一", "1/2", ".5", "零点五"]),
        (34000.0, &["3万4000", "三万四", "3.4万"]),
        (2022.0, &["二〇二二", "二零二二"]),
        (100056.0, &["拾万零五十六"]),
        (1200000.0, &["百二萬", "一百二十万"]),
        (15.0, &["十五", "拾伍"]),
        (20000000.5544, &["两千万点五五四四"]),
        (1000000000.0, &["10万万", "十亿"]),
        (1232000000000000.0, &["12.32e+14"]),
        (33.0, &["卅三"]),
    ];

    #[test]
    fn every_form_gives_its_exact_value() {
        for (value, forms) in VALUES {
            for form in *forms {
                assert_eq!(parse(form), Ok(*value), "input: {form}");
            }
        }
    }

    #[test]
    fn fractions_and_approximations() {
        let third = parse("三分之一").unwrap();
        assert!((third - 1.0 / 3.0).abs() < 1e-12);
        assert!((parse("三百五十又3分之1").unwrap() - 350.0 - 1.0 / 3.0).abs() < 1e-9);
        let m = &scan("二十几万")[0];
        assert_eq!((m.value, m.approx), (200000.0, true));
        let m = &scan("500余万")[0];
        assert_eq!((m.value, m.approx), (5000000.0, true));
    }

    #[test]
    fn not_numerals() {
        for s in ["", "  ", "统", "万", "万万", "两两", "收拾", "队伍"] {
            assert!(parse(s).is_err(), "input: {s}");
        }
        assert_eq!(parse("三八折"), Err(NumeralError::Trailing(6)));
        assert_eq!(parse(&"9".repeat(60)), Err(NumeralError::TooLarge));
        // 二三十 is a range (twenty or thirty), not a value.
        assert!(parse("二三十").is_err());
    }

    #[test]
    fn scan_separates_numerals() {
        let v: Vec<f64> = scan("两百点两").iter().map(|m| m.value).collect();
        assert_eq!(v, [200.0, 2.0]);
        let v: Vec<f64> = scan("1, 234, 567").iter().map(|m| m.value).collect();
        assert_eq!(v, [1.0, 234.0, 567.0]);
        let v: Vec<f64> = scan("2222.2222.22222.222").iter().map(|m| m.value).collect();
        assert_eq!(v, [2222.0, 2222.0, 22222.0, 222.0]);
        let v: Vec<f64> = scan("5-20%").iter().map(|m| m.value).collect();
        assert_eq!(v, [5.0, 20.0]);
    }

    /// Where a plain reader reads a numeral, it reads what the general reader reads.
    #[test]
    fn plain_readers_agree_with_the_general_reader() {
        let pieces = [
            "1", "23", "4.5", ".", "0", "%", "亿", "万", "元", "个", "点", "余", "多", "分之", "又", "打", "年", "，",
            ",", "e", "k", "M", " ", "/", "-", "负", "二", "十", "来", "．", "５", "（", "A", "\n", "。", "一", "两",
            "三", "九", "成", "折", "倍", "项", "千", "百", "〇", "壹", "之", "半", "般", "切", "万", "亿", "万亿",
            "元", "亿元", "零", "强", "亩", "的", "佰", "十分", "分", "钟", "几", "余万", "多亿",
        ];
        let mut rng = crate::testing::Rng::new(0xfeed_face_dead_beef);
        let (mut read, mut chinese) = (0, 0);
        for _ in 0..80_000 {
            let text = rng.text(&pieces, 8);
            for i in 0..text.len() {
                if !text.is_char_boundary(i) {
                    continue;
                }
                let c = text[i..].chars().next().expect("a character at a boundary");
                if let Some(m) = plain_at(&text, i, c) {
                    read += 1;
                    chinese += usize::from(m.script == Script::Chinese);
                    match read_at(&text, i) {
                        Read::Numeral(general) => assert_eq!(m, general, "{text:?} at {i}"),
                        _ => panic!("{text:?} at {i}: the general reader reads no numeral"),
                    }
                }
            }
        }
        assert!(
            read > 8_000 && chinese > 2_000,
            "the plain readers read too little ({read}, {chinese} Chinese)"
        );
    }

    #[test]
    fn word_initials_cover_the_word_lists() {
        for w in WORDS_STARTING_WITH_NUMERAL {
            assert!(word_initial(w.chars().next().unwrap()), "{w}");
            // Indexed by its first two characters.
            assert!(w.chars().count() >= 2 && prefix_key(w.as_bytes()).is_some(), "{w}");
        }
        for w in WORDS_ENDING_IN_NUMERAL {
            assert!(word_initial(w.chars().next_back().unwrap()), "{w}");
        }
    }

    #[test]
    fn starter_bitmap_agrees_with_the_tokens() {
        for c in STARTER_CHARS.chars() {
            assert!(starts_numeral(c), "{c}");
        }
        for c in ['年', '的', 'a', '😀', '\u{0}', '月'] {
            assert!(!starts_numeral(c), "{c}");
        }
        for u in 0..0x10000u32 {
            if let Some(c) = char::from_u32(u)
                && (cn_token(c).is_some() || arabic_digit(c).is_some())
            {
                assert!(starts_numeral(c), "{c}");
            }
        }
    }

    #[test]
    fn scan_is_linear_on_long_runs() {
        let nines = "9".repeat(100_000);
        assert!(scan(&nines).is_empty());
        let yi = "亿".repeat(100_000);
        assert!(scan(&yi).is_empty());
    }
}
