//! The date patterns: two named regexes (see [`super::pattern`]), tried only at the few
//! starts before each anchor character.
//!
//! Every date has an anchor character (年, 月, 季, 五 or 同) at most [`BACK`] bytes after its
//! start, and nothing but the patterns' characters before it, so a match is tried at those
//! starts alone; the tests check that this finds what a scan of the whole text finds.
//!
//! ```text
//! WITH_YEAR = [“"]?(?P<plan_number>十[一-九]?)五[”"]?(?:时期|期间)?
//!           | (?P<same_period>同期)
//!           | (?:(?P<year>YEAR)年(?P<annual>度)?|(?P<relative_year>去年|上年|今年|本年|前年|明年|当年)|(?P<year_part>全年|年末|年底|年初))
//!             (?P<year_end>末|底)?(?P<whole_year>全年)?(?:PERIOD)?
//! PERIOD    = (?P<from_month>MONTH)(?:月份?)?(?:至|到|-|—|－|~|～)(?P<to_month>MONTH)月份?
//!           | (?P<month>MONTH)月份?(?:(?P<day>DAY)[日号]|(?P<month_part>底|末|初|上旬|中旬|下旬))?
//!           | (?P<half_year>上半年|下半年)
//!           | (?P<quarter>前三季度|(?:第)?[一二三四1-4]季度)
//! ```
//!
//! Measured after they replaced hand-compiled matchers (session 8, the throughput
//! example): regex code about 8% of extraction's time (perf), most of it reading the
//! groups of the matches.

/// A byte span of the text.
pub(crate) type Span = Option<(usize, usize)>;

/// The named groups of a date match, as byte spans of the text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Groups {
    /// The number of a five-year plan (`十四` of `“十四五”`).
    pub plan_number: Span,
    /// `同期`: the same period of the year in force.
    pub same_period: Span,
    /// A year written out (`2022`, `二〇二二`).
    pub year: Span,
    /// `度` of `2022年度`.
    pub annual: Span,
    /// A relative year (`去年`, `上年`, `今年` …).
    pub relative_year: Span,
    /// A part of the year in force (`全年`, `年末`, `年底`, `年初`).
    pub year_part: Span,
    /// `全年` after a year (`去年全年`).
    pub whole_year: Span,
    /// `末` or `底` after a year (`2012年末`, `今年底`): its last month.
    pub year_end: Span,
    /// The first and last months of a span of months (`1` and `11` of `1至11月`).
    pub from_month: Span,
    pub to_month: Span,
    /// A month, and its day or part (`上旬`, `底`).
    pub month: Span,
    pub day: Span,
    pub month_part: Span,
    /// `上半年`, `下半年`.
    pub half_year: Span,
    /// A quarter (`一季度`, `前三季度`).
    pub quarter: Span,
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
    super::date::ANCHORS.contains(&c)
}

/// The leftmost-first, non-overlapping matches of `at` in `text`, tried only at the
/// starts up to [`BACK`] bytes before each anchor of `anchors` (ascending byte offsets).
#[cfg(test)]
pub(crate) fn matches_near(text: &str, anchors: &[usize], at: impl Fn(usize) -> Option<DateMatch>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    matches_near_into(text, anchors.iter().copied(), at, &mut out);
    out
}

/// `matches_near`, into `out` (emptied first).
pub(crate) fn matches_near_into(
    text: &str,
    anchors: impl IntoIterator<Item = usize>,
    at: impl Fn(usize) -> Option<DateMatch>,
    out: &mut Vec<DateMatch>,
) {
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
                && let Some(m) = at(s)
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

/// Is `c` a character of some date pattern (a digit, a quote, 年, 月, 至 …)? Read from the
/// patterns' own text, so that a character added to a pattern is one here too.
fn in_date_alphabet(c: char) -> bool {
    static ALPHABET: once_cell::sync::Lazy<Vec<char>> = once_cell::sync::Lazy::new(|| {
        let mut chars: Vec<char> = with_year_re()
            .chars()
            .filter(|c| !c.is_ascii() || matches!(c, '"' | '-' | '~'))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    c.is_ascii_digit() || ALPHABET.binary_search(&c).is_ok()
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

/// The parts of WITH_YEAR and PERIOD (see the module's grammar).
const YEAR_RE: &str = r"[12][0-9]{3}|[一二三四五六七八九〇零]{4}";
const MONTH_RE: &str = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]";
const DAY_RE: &str = r"3[01]|[12][0-9]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";

/// PERIOD: months, a month's day or part, a half, a quarter.
fn period_re() -> String {
    format!(
        r"(?P<from_month>{MONTH_RE})(?:月份?)?(?:至|到|-|—|－|~|～)(?P<to_month>{MONTH_RE})月份?|(?P<month>{MONTH_RE})月份?(?:(?P<day>{DAY_RE})[日号]|(?P<month_part>底|末|初|上旬|中旬|下旬))?|(?P<half_year>上半年|下半年)|(?P<quarter>前三季度|(?:第)?[一二三四1-4]季度)"
    )
}

/// WITH_YEAR: a plan period, 同期, or a year (written or relative) with an optional
/// PERIOD.
fn with_year_re() -> String {
    let rel = "去年|上年|今年|本年|前年|明年|当年";
    format!(
        r#"[“"]?(?P<plan_number>十[一二三四五六七八九]?)五[”"]?(?:时期|期间)?|(?P<same_period>同期)|(?:(?P<year>{YEAR_RE})年(?P<annual>度)?|(?P<relative_year>{rel})|(?P<year_part>全年|年末|年底|年初))(?P<year_end>末|底)?(?P<whole_year>全年)?(?:{})?"#,
        period_re()
    )
}

/// The match of `pattern` (WITH_YEAR or PERIOD) at `s`, with its named groups.
fn date_match(pattern: &super::pattern::Pattern, text: &str, s: usize) -> Option<DateMatch> {
    let m = pattern.match_at(text, s)?;
    let mut g = Groups::default();
    for (name, span) in m.named_spans() {
        let field = match name {
            "plan_number" => &mut g.plan_number,
            "same_period" => &mut g.same_period,
            "year" => &mut g.year,
            "annual" => &mut g.annual,
            "relative_year" => &mut g.relative_year,
            "year_part" => &mut g.year_part,
            "whole_year" => &mut g.whole_year,
            "year_end" => &mut g.year_end,
            "from_month" => &mut g.from_month,
            "to_month" => &mut g.to_month,
            "month" => &mut g.month,
            "day" => &mut g.day,
            "month_part" => &mut g.month_part,
            "half_year" => &mut g.half_year,
            "quarter" => &mut g.quarter,
            _ => continue,
        };
        *field = Some(span);
    }
    Some(DateMatch {
        start: s,
        end: m.end(),
        groups: g,
    })
}

/// WITH_YEAR at `s`.
pub(crate) fn with_year_pattern_at(text: &str, s: usize) -> Option<DateMatch> {
    date_match(pattern!("with_year", with_year_re()), text, s)
}

/// PERIOD at `s`.
pub(crate) fn period_pattern_at(text: &str, s: usize) -> Option<DateMatch> {
    date_match(pattern!("period", period_re()), text, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The patterns as regexes that scan the whole text: the oracles of the anchored runs.
    fn with_year() -> Regex {
        Regex::new(&with_year_re()).unwrap()
    }

    fn period() -> String {
        period_re()
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
                        plan_number: g("plan_number"),
                        same_period: g("same_period"),
                        year: g("year"),
                        annual: g("annual"),
                        relative_year: g("relative_year"),
                        year_part: g("year_part"),
                        whole_year: g("whole_year"),
                        year_end: g("year_end"),
                        from_month: g("from_month"),
                        to_month: g("to_month"),
                        month: g("month"),
                        day: g("day"),
                        month_part: g("month_part"),
                        half_year: g("half_year"),
                        quarter: g("quarter"),
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
            matches_near(text, &a, |s| with_year_pattern_at(text, s)),
            oracle(with_year_re, text),
            "WITH_YEAR in {text:?}"
        );
        assert_eq!(
            matches_near(text, &a, |s| period_pattern_at(text, s)),
            oracle(period_re, text),
            "PERIOD in {text:?}"
        );
        let mut periods = Vec::new();
        matches_near_into(
            text,
            period_anchors(text.as_bytes(), &a),
            |s| period_pattern_at(text, s),
            &mut periods,
        );
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
