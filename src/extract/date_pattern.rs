//! The date patterns, matched by hand at anchor characters instead of by a regex scan.
//!
//! Every date has an anchor character (年, 月, 季, 五 or 同) at most [`BACK`] bytes after its
//! start, so the patterns are tried only at the few starts before each anchor. The
//! matchers follow the leftmost-first semantics of the regexes they replace (kept in the
//! tests as the oracle): alternatives in order, optional parts greedy, and the first
//! way that matches wins.
//!
//! ```text
//! WITH_YEAR = [“"]?(?P<plan>十[一-九]?)五[”"]?(?:时期|期间)?
//!           | (?P<same>同期)
//!           | (?:(?P<y>YEAR)年(?P<du>度)?|(?P<rel>去年|上年|今年|本年|前年|明年|当年)|(?P<all2>全年|年末|年底|年初))
//!             (?:末|底)?(?P<all>全年)?(?:PERIOD)?
//! PERIOD    = (?P<m1>MONTH)(?:月份?)?(?:至|到|-|—|－|~|～)(?P<m2>MONTH)月份?
//!           | (?P<m>MONTH)月份?(?:(?P<d>DAY)[日号]|(?P<part>底|末|初|上旬|中旬|下旬))?
//!           | (?P<half>上半年|下半年)
//!           | (?P<q>前三季度|(?:第)?[一二三四1-4]季度)
//! YEAR      = [12][0-9]{3}|[一二三四五六七八九〇零]{4}
//! MONTH     = 1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]
//! DAY       = 3[01]|[12][0-9]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]
//! ```

/// A byte span of the text.
pub(crate) type Span = Option<(usize, usize)>;

/// The named groups of a date match, as byte spans of the text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Groups {
    pub plan: Span,
    pub same: Span,
    pub y: Span,
    pub du: Span,
    pub rel: Span,
    pub all2: Span,
    pub all: Span,
    pub m1: Span,
    pub m2: Span,
    pub m: Span,
    pub d: Span,
    pub part: Span,
    pub half: Span,
    pub q: Span,
}

/// A date match: its span and groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub groups: Groups,
}

/// How far before its first anchor character a date may start, in bytes.
pub(crate) const BACK: usize = 15;

/// Is `c` an anchor (年, 月, 季, 五, 同)? The pipeline finds them in its one pass over the
/// text (`read_triggers`); this is the same test, for the tests.
#[cfg(test)]
pub(crate) fn is_anchor(c: char) -> bool {
    matches!(c, '年' | '月' | '季' | '五' | '同')
}

/// Up to eight candidate ends, in the order a backtracking matcher tries them.
#[derive(Default)]
struct Ends {
    ends: [usize; 8],
    len: usize,
}

impl Ends {
    fn push(&mut self, e: usize) {
        if self.len < self.ends.len() {
            self.ends[self.len] = e;
            self.len += 1;
        }
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.ends[..self.len].iter().copied()
    }
}

/// The end of `word` when `t` has it at `p`.
fn lit(t: &[u8], p: usize, word: &str) -> Option<usize> {
    t.get(p..p + word.len())
        .is_some_and(|b| b == word.as_bytes())
        .then_some(p + word.len())
}

/// The end of the first of `words` that `t` has at `p`.
fn any_of(t: &[u8], p: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| lit(t, p, w))
}

/// The end of an ASCII byte in `lo..=hi` at `p`.
fn ascii(t: &[u8], p: usize, lo: u8, hi: u8) -> Option<usize> {
    t.get(p).filter(|b| (lo..=hi).contains(b)).map(|_| p + 1)
}

const ONE_TO_NINE: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// `MONTH`: the candidate ends at `p`.
fn month_ends(t: &[u8], p: usize) -> Ends {
    let mut e = Ends::default();
    if let Some(a) = lit(t, p, "1").and_then(|a| ascii(t, a, b'0', b'2')) {
        e.push(a);
    }
    if let Some(a) = lit(t, p, "0").and_then(|a| ascii(t, a, b'1', b'9')) {
        e.push(a);
    }
    if let Some(a) = ascii(t, p, b'1', b'9') {
        e.push(a);
    }
    if let Some(a) = lit(t, p, "十") {
        if let Some(b) = any_of(t, a, &["一", "二"]) {
            e.push(b);
        }
        e.push(a);
    }
    if let Some(a) = any_of(t, p, ONE_TO_NINE) {
        e.push(a);
    }
    e
}

/// `DAY`: the candidate ends at `p`.
fn day_ends(t: &[u8], p: usize) -> Ends {
    let mut e = Ends::default();
    if let Some(a) = lit(t, p, "3").and_then(|a| ascii(t, a, b'0', b'1')) {
        e.push(a);
    }
    if let Some(a) = ascii(t, p, b'1', b'2').and_then(|a| ascii(t, a, b'0', b'9')) {
        e.push(a);
    }
    if let Some(a) = lit(t, p, "0").and_then(|a| ascii(t, a, b'1', b'9')) {
        e.push(a);
    }
    if let Some(a) = ascii(t, p, b'1', b'9') {
        e.push(a);
    }
    // [一二三]?十[一-九]?: with the prefix first, then without.
    for from in [any_of(t, p, &["一", "二", "三"]), Some(p)].into_iter().flatten() {
        if let Some(a) = lit(t, from, "十") {
            if let Some(b) = any_of(t, a, ONE_TO_NINE) {
                e.push(b);
            }
            e.push(a);
        }
    }
    if let Some(a) = any_of(t, p, ONE_TO_NINE) {
        e.push(a);
    }
    e
}

const SEPARATORS: &[&str] = &["至", "到", "-", "—", "－", "~", "～"];

/// The character at byte `p` of `t` (a char boundary of valid UTF-8), if any.
fn char_at(t: &[u8], p: usize) -> Option<char> {
    (p < t.len())
        .then(|| char::from_u32(crate::numeral::decode_utf8(t, p).0))
        .flatten()
}

/// `PERIOD` at `p`: its end and groups.
pub(crate) fn period_at(t: &[u8], p: usize) -> Option<(usize, Groups)> {
    // Every alternative starts with one of these.
    if !char_at(t, p).is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '十' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '上' | '下' | '前' | '第'
            )
    }) {
        return None;
    }
    let months = month_ends(t, p);
    // m1 (月份?)? sep m2 月份?
    for e1 in months.iter() {
        let mut after_m1 = Ends::default();
        if let Some(a) = lit(t, e1, "月") {
            if let Some(b) = lit(t, a, "份") {
                after_m1.push(b);
            }
            after_m1.push(a);
        }
        after_m1.push(e1);
        for a in after_m1.iter() {
            let Some(s) = any_of(t, a, SEPARATORS) else { continue };
            for e2 in month_ends(t, s).iter() {
                if let Some(end) = lit(t, e2, "月") {
                    let end = lit(t, end, "份").unwrap_or(end);
                    let g = Groups {
                        m1: Some((p, e1)),
                        m2: Some((s, e2)),
                        ..Groups::default()
                    };
                    return Some((end, g));
                }
            }
        }
    }
    // m 月份? (d [日号] | part)?
    for e1 in months.iter() {
        let Some(a) = lit(t, e1, "月") else { continue };
        let a = lit(t, a, "份").unwrap_or(a);
        let mut g = Groups {
            m: Some((p, e1)),
            ..Groups::default()
        };
        for d in day_ends(t, a).iter() {
            if let Some(end) = any_of(t, d, &["日", "号"]) {
                g.d = Some((a, d));
                return Some((end, g));
            }
        }
        if let Some(end) = any_of(t, a, &["底", "末", "初", "上旬", "中旬", "下旬"]) {
            g.part = Some((a, end));
            return Some((end, g));
        }
        return Some((a, g));
    }
    if let Some(end) = any_of(t, p, &["上半年", "下半年"]) {
        let g = Groups {
            half: Some((p, end)),
            ..Groups::default()
        };
        return Some((end, g));
    }
    let quarter = |from: usize| {
        any_of(t, from, &["一", "二", "三", "四"])
            .or_else(|| ascii(t, from, b'1', b'4'))
            .and_then(|a| lit(t, a, "季度"))
    };
    let q_end = lit(t, p, "前三季度")
        .or_else(|| lit(t, p, "第").and_then(quarter))
        .or_else(|| quarter(p));
    q_end.map(|end| {
        let g = Groups {
            q: Some((p, end)),
            ..Groups::default()
        };
        (end, g)
    })
}

const YEAR_DIGITS_CN: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "〇", "零"];

/// `YEAR` at `p`: its end.
fn year_end(t: &[u8], p: usize) -> Option<usize> {
    if let Some(mut a) = ascii(t, p, b'1', b'2') {
        for _ in 0..3 {
            a = ascii(t, a, b'0', b'9')?;
        }
        return Some(a);
    }
    let mut a = p;
    for _ in 0..4 {
        a = any_of(t, a, YEAR_DIGITS_CN)?;
    }
    Some(a)
}

/// `WITH_YEAR` at `s`.
pub(crate) fn with_year_at(t: &[u8], s: usize) -> Option<DateMatch> {
    // Every alternative starts with one of these.
    if !char_at(t, s).is_some_and(|c| {
        matches!(
            c,
            '1' | '2' | '“' | '"' | '十' | '同' | '全' | '年' | '去' | '上' | '今' | '本' | '前' | '明' | '当'
        ) || YEAR_DIGITS_CN.iter().any(|d| d.starts_with(c))
    }) {
        return None;
    }
    let done = |end: usize, groups: Groups| Some(DateMatch { start: s, end, groups });
    // A plan period: [“"]?(十[一-九]?)五[”"]?(时期|期间)?
    let p = any_of(t, s, &["“", "\""]).unwrap_or(s);
    if let Some(a) = lit(t, p, "十") {
        let digit = any_of(t, a, ONE_TO_NINE);
        for plan_end in [digit, Some(a)].into_iter().flatten() {
            if let Some(b) = lit(t, plan_end, "五") {
                let b = any_of(t, b, &["”", "\""]).unwrap_or(b);
                let b = any_of(t, b, &["时期", "期间"]).unwrap_or(b);
                let g = Groups {
                    plan: Some((p, plan_end)),
                    ..Groups::default()
                };
                return done(b, g);
            }
        }
    }
    if let Some(end) = lit(t, s, "同期") {
        let g = Groups {
            same: Some((s, end)),
            ..Groups::default()
        };
        return done(end, g);
    }
    let mut g = Groups::default();
    let head_end = if let Some(a) = year_end(t, s).and_then(|y| lit(t, y, "年").map(|n| (y, n))) {
        let (y, n) = a;
        g.y = Some((s, y));
        match lit(t, n, "度") {
            Some(d) => {
                g.du = Some((n, d));
                d
            }
            None => n,
        }
    } else if let Some(a) = any_of(t, s, &["去年", "上年", "今年", "本年", "前年", "明年", "当年"]) {
        g.rel = Some((s, a));
        a
    } else if let Some(a) = any_of(t, s, &["全年", "年末", "年底", "年初"]) {
        g.all2 = Some((s, a));
        a
    } else {
        return None;
    };
    let mut end = any_of(t, head_end, &["末", "底"]).unwrap_or(head_end);
    if let Some(a) = lit(t, end, "全年") {
        g.all = Some((end, a));
        end = a;
    }
    if let Some((a, pg)) = period_at(t, end) {
        g = Groups {
            m1: pg.m1,
            m2: pg.m2,
            m: pg.m,
            d: pg.d,
            part: pg.part,
            half: pg.half,
            q: pg.q,
            ..g
        };
        end = a;
    }
    done(end, g)
}

/// The leftmost-first, non-overlapping matches of `at` in `text`, tried only at the
/// starts up to [`BACK`] bytes before each anchor of `anchors` (ascending byte offsets).
#[cfg(test)]
pub(crate) fn matches_near(
    text: &str,
    anchors: &[usize],
    at: impl Fn(&[u8], usize) -> Option<DateMatch>,
) -> Vec<DateMatch> {
    let mut out = Vec::new();
    matches_near_into(text, anchors.iter().copied(), at, &mut out);
    out
}

/// `matches_near`, into `out` (emptied first).
pub(crate) fn matches_near_into(
    text: &str,
    anchors: impl IntoIterator<Item = usize>,
    at: impl Fn(&[u8], usize) -> Option<DateMatch>,
    out: &mut Vec<DateMatch>,
) {
    let t = text.as_bytes();
    out.clear();
    let mut pos = 0; // no match may start before this
    let mut tried = 0; // starts below this have been tried
    for a in anchors {
        if a < pos {
            continue;
        }
        // Every character of a date before its first anchor is one of the patterns'
        // characters: no date starts before the nearest other character.
        let mut from = a.saturating_sub(BACK).max(pos);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut lo = a;
        for (i, c) in text[from..a].char_indices().rev() {
            if !in_date_alphabet(c) {
                break;
            }
            lo = from + i;
        }
        let mut s = lo.max(pos).max(tried);
        while s <= a {
            if text.is_char_boundary(s)
                && let Some(m) = at(t, s)
            {
                out.push(m);
                pos = m.end;
                break;
            }
            s += 1;
        }
        tried = s.max(tried);
        if pos > tried {
            tried = pos;
        }
    }
}

/// Is `c` a character of some date pattern (a digit, a quote, 年, 月, 至 …)?
fn in_date_alphabet(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '"' | '-'
                | '~'
                | '“'
                | '”'
                | '十'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '〇'
                | '零'
                | '时'
                | '期'
                | '间'
                | '同'
                | '年'
                | '度'
                | '去'
                | '上'
                | '今'
                | '本'
                | '前'
                | '明'
                | '当'
                | '全'
                | '末'
                | '底'
                | '初'
                | '月'
                | '份'
                | '至'
                | '到'
                | '—'
                | '－'
                | '～'
                | '日'
                | '号'
                | '中'
                | '下'
                | '旬'
                | '半'
                | '季'
                | '第'
        )
}

/// The anchors of `anchors` (all of the text's, in order) that a `PERIOD` may have: 月 and
/// 季, and 年 after 半 (`上半年`). Every `PERIOD` has one of these at most [`BACK`] bytes
/// after its start, as every date has an anchor: `matches_near` needs no other.
pub(crate) fn period_anchors<'a>(t: &'a [u8], anchors: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    const MONTH: &[u8] = "月".as_bytes();
    const SEASON: &[u8] = "季".as_bytes();
    const YEAR: &[u8] = "年".as_bytes();
    const HALF: &[u8] = "半".as_bytes();
    anchors.iter().copied().filter(move |&a| {
        let here = t.get(a..a + 3);
        here == Some(MONTH) || here == Some(SEASON) || (here == Some(YEAR) && t.get(a.wrapping_sub(3)..a) == Some(HALF))
    })
}

/// `PERIOD` as a matcher for `matches_near`.
pub(crate) fn period_match(t: &[u8], s: usize) -> Option<DateMatch> {
    period_at(t, s).map(|(end, groups)| DateMatch { start: s, end, groups })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const YEAR: &str = r"[12][0-9]{3}|[一二三四五六七八九〇零]{4}";
    const MONTH: &str = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]";
    const DAY: &str = r"3[01]|[12][0-9]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";

    fn period() -> String {
        format!(
            r"(?P<m1>{MONTH})(?:月份?)?(?:至|到|-|—|－|~|～)(?P<m2>{MONTH})月份?|(?P<m>{MONTH})月份?(?:(?P<d>{DAY})[日号]|(?P<part>底|末|初|上旬|中旬|下旬))?|(?P<half>上半年|下半年)|(?P<q>前三季度|(?:第)?[一二三四1-4]季度)"
        )
    }

    fn with_year() -> Regex {
        let rel = "去年|上年|今年|本年|前年|明年|当年";
        let period = period();
        Regex::new(&format!(
            r"[“\x22]?(?P<plan>十[一二三四五六七八九]?)五[”\x22]?(?:时期|期间)?|(?P<same>同期)|(?:(?P<y>{YEAR})年(?P<du>度)?|(?P<rel>{rel})|(?P<all2>全年|年末|年底|年初))(?:末|底)?(?P<all>全年)?(?:{period})?"
        ))
        .unwrap()
    }

    /// The regex's matches, as [`DateMatch`]es.
    fn oracle(re: &Regex, text: &str) -> Vec<DateMatch> {
        re.captures_iter(text)
            .map(|c| {
                let g = |n: &str| c.name(n).map(|m| (m.start(), m.end()));
                let all = c.get(0).unwrap();
                DateMatch {
                    start: all.start(),
                    end: all.end(),
                    groups: Groups {
                        plan: g("plan"),
                        same: g("same"),
                        y: g("y"),
                        du: g("du"),
                        rel: g("rel"),
                        all2: g("all2"),
                        all: g("all"),
                        m1: g("m1"),
                        m2: g("m2"),
                        m: g("m"),
                        d: g("d"),
                        part: g("part"),
                        half: g("half"),
                        q: g("q"),
                    },
                }
            })
            .collect()
    }

    fn anchors(text: &str) -> Vec<usize> {
        text.char_indices()
            .filter(|(_, c)| is_anchor(*c))
            .map(|(i, _)| i)
            .collect()
    }

    fn check(text: &str, with_year_re: &Regex, period_re: &Regex) {
        let a = anchors(text);
        assert_eq!(
            matches_near(text, &a, with_year_at),
            oracle(with_year_re, text),
            "WITH_YEAR in {text:?}"
        );
        assert_eq!(
            matches_near(text, &a, period_match),
            oracle(period_re, text),
            "PERIOD in {text:?}"
        );
        let mut periods = Vec::new();
        matches_near_into(text, period_anchors(text.as_bytes(), &a), period_match, &mut periods);
        assert_eq!(
            periods,
            oracle(period_re, text),
            "PERIOD at its own anchors in {text:?}"
        );
    }

    #[test]
    fn examples_agree_with_the_regexes() {
        let (wy, pe) = (with_year(), Regex::new(&period()).unwrap());
        for text in [
            "2022年12月2日，四部委联合公示2022年度名单",
            "2022年1至11月，七大产业集群",
            "去年9月上旬开工",
            "去年全年累计",
            "2023年上半年，全市",
            "今年前三季度",
            "1-9月，全市",
            "“十四五”时期，全省",
            "十三五期间",
            "二〇二二年工作回顾",
            "年末全市户籍总人口，比上年末减少",
            "到2025年底",
            "十五五规划",
            "12022年",
            "10月底前，第3季度，第二季度，1—5月份",
            "十二月二十五日，3月31号，三十一日",
            "6个月，13月，比同期",
        ] {
            check(text, &wy, &pe);
        }
    }

    /// Random strings over the patterns' characters: the hand matchers and the regexes
    /// must give the same matches and groups.
    #[test]
    fn random_texts_agree_with_the_regexes() {
        let (wy, pe) = (with_year(), Regex::new(&period()).unwrap());
        // Single characters, and pieces of dates so that whole dates come up often.
        let mut pieces: Vec<&str> = vec![
            "2022",
            "1998",
            "12",
            "31",
            "09",
            "3",
            "1",
            "0",
            "二〇二二",
            "十",
            "十二",
            "二十",
            "三十一",
            "年",
            "月",
            "日",
            "号",
            "度",
            "份",
            "末",
            "底",
            "初",
            "上旬",
            "下旬",
            "上半年",
            "季度",
            "第",
            "前三季度",
            "去年",
            "上年",
            "今年",
            "当年",
            "全年",
            "年末",
            "同期",
            "十四五",
            "“",
            "”",
            "\"",
            "时期",
            "期间",
            "至",
            "-",
            "—",
            "～",
            "，",
            "个",
        ];
        pieces.extend([
            "一", "二", "三", "四", "五", "九", "〇", "零", "两", "中", "下", "半", "前", "期", "A",
        ]);
        let mut rng = crate::testing::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut dates = 0;
        for _ in 0..30_000 {
            let text = rng.text(&pieces, 12);
            dates += oracle(&wy, &text).len();
            check(&text, &wy, &pe);
        }
        assert!(
            dates > 10_000,
            "the random texts hold too few dates ({dates}) to test much"
        );
    }
}
