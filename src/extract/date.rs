//! Dates: absolute, periods, month parts, relative to the document's year, or unplaced.
//!
//! | form | example | iso |
//! | --- | --- | --- |
//! | year | `2022年`, `2022年度`, `二〇二二年` | `2022` |
//! | day | `2022年12月2日`, `12月2日` (the year in force) | `2022-12-02` |
//! | month, month part | `2022年10月底`, `9月上旬`, `3月末` | `2022-10`, `…-09`, `…-03` |
//! | months | `2022年1至11月`, `1-9月`, `1—5月份` | `2022-01/2022-11`, `…-01/…-09` |
//! | half, quarter | `上半年`, `一季度`, `前三季度` | `Y-01/Y-06`, `Y-01/Y-03`, `Y-01/Y-09` |
//! | plan period | `“十四五”时期`, `十三五期间` | `2021/2025`, `2016/2020` |
//! | relative | `去年`, `今年`, `前年`, `明年`, `去年全年` | the document year −1, 0, −2, +1 |
//! | the year before the one described | `2023年…比上年增长` | `2022` |
//! | the year in force | `全年`, `年末`, `年底`, `同期` after a year | that year |
//! | end of a year | `2022年底`, `上年末` | `2022`, the document year −1 |
//! | unplaced | `目前`, `近年来`, `当前`, `如今`, `日前`, `近日` | null |
//!
//! The document year is an [`crate::Extractor`] option. Without it, it is inferred: the
//! latest year the text writes out (`2022年`), plus one when the text says `去年` or `上年`
//! but never `今年` — a report written early in a year reviews the year before, and calls
//! it both `2022年` and `去年`. With no year written out at all, relative dates stay null.

use super::date_pattern::{self, DateMatch, Groups};
use super::vocabulary::{MarkTable, marks_of};
use super::{Claims, Doc, char_at, char_before, has_any, positions};
use crate::fact::{Date, Fact};
use crate::numeral;
use std::borrow::Cow;

/// Time words that name no placeable time (a [`crate::Lexicon`] adds to them).
pub(crate) const UNPLACED: &[&str] = &[
    "目前",
    "近年来",
    "当前",
    "如今",
    "日前",
    "近日",
    "近期",
    "此前",
    "今后",
    "过去一年",
    "近几年",
];

/// The document year the relative dates are read against.
#[cfg(test)]
pub(crate) fn infer_document_year(text: &str) -> Option<i32> {
    year_evidence(text).document_year()
}

/// What a text (or a piece of a document) says of the document's year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct YearEvidence {
    /// The latest year written out, not a target.
    pub latest: Option<i32>,
    /// It says 去年 or 上年.
    pub says_last: bool,
    /// It says 今年.
    pub says_this_year: bool,
    /// It has a character of a relative date, for which a whole text infers its year.
    pub relative: bool,
}

impl YearEvidence {
    /// The evidence of two pieces of one document.
    pub fn merge(self, other: YearEvidence) -> YearEvidence {
        YearEvidence {
            latest: self.latest.max(other.latest),
            says_last: self.says_last || other.says_last,
            says_this_year: self.says_this_year || other.says_this_year,
            relative: self.relative || other.relative,
        }
    }

    /// The year the document was written: the latest year it writes out, plus one when it
    /// says `去年` or `上年` but never `今年` — a report written early in a year reviews the
    /// year before, and calls it both `2022年` and `去年`.
    pub fn document_year(&self) -> Option<i32> {
        let latest = self.latest?;
        Some(if self.says_last && !self.says_this_year {
            latest + 1
        } else {
            latest
        })
    }
}

/// What `piece` says of its document's year, read as extraction reads it (line breaks
/// inside sentences joined).
pub(crate) fn year_evidence(piece: &str) -> YearEvidence {
    let joined = crate::text::Joined::new(piece);
    let text: &str = &joined.text;
    let anchors: Vec<usize> = text.match_indices('年').map(|(i, _)| i).collect();
    YearEvidence {
        latest: latest_year_written(text, &anchors),
        says_last: text.contains("去年") || text.contains("上年"),
        says_this_year: text.contains("今年"),
        relative: text.contains(RELATIVE_CHARS),
    }
}

/// The characters of relative dates: a text with none of them infers no document year
/// (trigger characters: the pass records where they are).
pub(crate) const RELATIVE_CHARS: &[char] = &['去', '上', '今', '本', '前', '明', '当', '全', '同'];

/// The anchor characters of dates: every date has one at most
/// [`date_pattern::BACK`] bytes after its start (trigger characters, listed first).
pub(crate) const ANCHORS: &[char] = &['年', '月', '季', '五', '同'];

/// The latest year `text` writes out (`2022年`, not a target such as `到2025年`), given the
/// offsets of its anchors (at least every 年).
fn latest_year_written(text: &str, anchors: &[usize]) -> Option<i32> {
    // `[12][0-9]{3}年`: four ASCII digits right before a 年.
    anchors
        .iter()
        .filter(|&&a| text[a..].starts_with('年') && a >= 4)
        .filter_map(|&a| {
            let digits = text.get(a - 4..a)?;
            let b = digits.as_bytes();
            (matches!(b[0], b'1' | b'2') && b.iter().all(u8::is_ascii_digit) && !is_target(text, a - 4, a + 3))
                .then(|| digits.parse::<i32>().ok())
                .flatten()
        })
        .filter(|y| (1900..=2100).contains(y))
        .max()
}

/// Words before a year that the text looks forward to: `到2025年`, `预计2026年`.
pub(crate) const AHEAD: &[&str] = &["到", "至", "预计", "力争", "计划", "争取", "确保", "目标", "展望"];

/// Is the date at `start..end` a target or a plan (`到2025年`, `预计2026年6月底前`) rather than
/// a time the text reports on? Such a date neither dates the text nor sets the year in force.
fn is_target(text: &str, start: usize, end: usize) -> bool {
    let before = &text[super::floor_back(text, start, 9)..start];
    let after = &text[end..super::ceil_forward(text, end, 24)];
    AHEAD.iter().any(|w| before.ends_with(w))
        || after
            .split(['，', '。', '；'])
            .next()
            .is_some_and(|clause| clause.contains('前'))
}

fn month(s: &str) -> Option<u32> {
    let v = numeral::parse(s).ok()?;
    (v.fract() == 0.0 && (1.0..=12.0).contains(&v)).then_some(v as u32)
}

fn year(s: &str) -> Option<i32> {
    let v = numeral::parse(s).ok()?;
    (v.fract() == 0.0 && (1000.0..=2999.0).contains(&v)).then_some(v as i32)
}

/// Finds the dates of `doc`.
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, _claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let from = out.len();
    // Every date has an anchor (年 月 季 五 同); the unplaced time words are marks.
    let mut time_words = marks_of(doc.marks, MarkTable::TimeWord).peekable();
    if doc.date_anchors.is_empty() && time_words.peek().is_none() {
        return;
    }
    // Dates with a year (or a plan period, or 同期) first; periods alone where none is.
    let (mut spans, mut periods) = (Vec::new(), Vec::new());
    date_matches(doc, &mut spans, &mut periods);
    let mut reading = Reading::of(doc);
    let _ = doc.years.set((reading.doc_year, reading.reviewed));
    for m in &spans {
        if let Some(iso) = reading.iso(doc.text, m) {
            out.push(found(m.start, m.end, iso));
        }
    }
    // Unplaced time words: the pass found them leftmost longest, not overlapping.
    for m in time_words {
        // `在当前社会环境下`: a time word that modifies the noun after 在 frames a
        // circumstance, not a time.
        let modifies =
            char_before(doc.text, m.start) == Some('在') && char_at(doc.text, m.end).is_some_and(super::is_han);
        if !modifies {
            out.push(found(m.start, m.end, None));
        }
    }
    super::keep_outermost(out, from);
}

/// The date matches of `doc`, in order, into `spans`: those with a year (or a plan
/// period, or 同期), and the periods alone (matched into `periods`) where none is.
fn date_matches(doc: &Doc, spans: &mut Vec<DateMatch>, periods: &mut Vec<DateMatch>) {
    let (text, anchors) = (doc.text, doc.date_anchors);
    date_pattern::matches_near_into(
        text,
        anchors.iter().copied(),
        |s| date_pattern::with_year_pattern_at(text, s),
        spans,
    );
    // A period whose anchor is inside a date with a year is part of it, or overlaps it
    // and is dropped below: it is not matched.
    let mut k = 0;
    let period_anchors = date_pattern::period_anchors(text.as_bytes(), anchors).filter(|&a| {
        while k < spans.len() && spans[k].end <= a {
            k += 1;
        }
        !(k < spans.len() && spans[k].start <= a)
    });
    date_pattern::matches_near_into(
        text,
        period_anchors,
        |s| date_pattern::period_pattern_at(text, s),
        periods,
    );
    let with_year = spans.len();
    let mut k = 0;
    for &m in periods.iter() {
        while k < with_year && spans[k].end <= m.start {
            k += 1;
        }
        if !(k < with_year && spans[k].start < m.end) {
            spans.push(m);
        }
    }
    spans.sort_by_key(|m| m.start);
}

/// The document year of `doc` (given, or inferred as the dates infer it) and the year its
/// periods without a year are in (the year before, in a work report's review).
pub(crate) fn document_years(doc: &Doc) -> (Option<i32>, Option<i32>) {
    // Without a year given, a text that writes none (no 年 at all) infers none.
    if doc.dating.year.is_none() && doc.dating.latest_written.is_none() && doc.date_anchors.is_empty() {
        return (None, None);
    }
    *doc.years.get_or_init(|| {
        let reading = Reading::of(doc);
        (reading.doc_year, reading.reviewed)
    })
}

/// What the dates of a text are read against, as they are read in order.
struct Reading {
    /// The year the document was written, given or inferred.
    doc_year: Option<i32>,
    /// The year a review reports on, which a period without a year is in: the year
    /// before the document's when the text writes that year as its latest and never says
    /// 今年 (a work report's review), else the document year (a half-year analysis).
    reviewed: Option<i32>,
    /// The year in force: the last year written or resolved.
    in_force: Option<i32>,
    /// The period in force (`上半年` of a year: its year and months), which `同期` is a
    /// year before.
    period_in_force: Option<(i32, u32, u32)>,
}

/// The lead of a text, in bytes (its first hundred characters or so): a day date there
/// (a dateline, `南京7月8日电`, or the date of the speech) is the date of writing, in the
/// document year.
const LEAD: usize = 300;

impl Reading {
    /// The reading of `doc` before its first date.
    #[inline(always)]
    fn of(doc: &Doc) -> Reading {
        let text = doc.text;
        // 去年 / 上年 and 今年, read where the text has 去, 上 and 今.
        fn says(text: &str, mut at: impl Iterator<Item = usize>, word: &str) -> bool {
            at.any(|i| text[i..].starts_with(word))
        }
        let says_this_year = doc
            .dating
            .says_this_year
            .unwrap_or_else(|| says(text, positions(doc, '今'), "今年"));
        // The latest year written, read once and only when needed.
        let latest_cell = std::cell::OnceCell::new();
        let latest = || {
            *latest_cell.get_or_init(|| {
                doc.dating
                    .latest_written
                    .unwrap_or_else(|| latest_year_written(text, doc.date_anchors))
            })
        };
        // Inferred only when the text has a relative date to read.
        let doc_year = match doc.dating.year {
            Some(y) => Some(y),
            None if has_any(doc, RELATIVE_CHARS) => {
                let seen = YearEvidence {
                    latest: latest(),
                    says_last: says(text, positions(doc, '去'), "去年") || says(text, positions(doc, '上'), "上年"),
                    says_this_year,
                    relative: true,
                };
                seen.document_year()
            }
            None => None,
        };
        let reviews_last_year = |y: i32| !says_this_year && latest() == Some(y - 1);
        Reading {
            doc_year,
            reviewed: doc_year.map(|y| if reviews_last_year(y) { y - 1 } else { y }),
            in_force: None,
            period_in_force: None,
        }
    }

    /// The iso form of the date match `m` (`Some(None)`: a date left unplaced), or `None`
    /// when it is no date; the year in force moves on as the match says.
    fn iso(&mut self, text: &str, m: &DateMatch) -> Option<Option<String>> {
        let &DateMatch {
            start: s,
            end: e,
            groups,
        } = m;
        // 初步 (preliminary) is no 年初.
        if s == e || (text[..e].ends_with("年初") && text[e..].starts_with('步')) {
            return None;
        }
        // Not inside a longer number (`12022年`) or a word (`第2季度` is fine, `3月` of `13月` is not).
        if char_before(text, s).is_some_and(|p| p.is_ascii_digit()) {
            return None;
        }
        let g = |span: date_pattern::Span| span.map(|(a, b)| &text[a..b]);
        if let Some(p) = g(groups.plan_number) {
            let k = numeral::parse(p).ok();
            return Some(k.filter(|k| *k >= 3.0 && *k <= 30.0).map(|k| {
                let start = 1966 + 5 * (k as i32 - 3);
                iso(&[(start, 0, '/'), (start + 4, 0, ' ')])
            }));
        }
        if groups.same_period.is_some() {
            // `“十三五”同期`: the same stretch of a plan period, no year's.
            if matches!(char_before(text, s), Some('”' | '"' | '五')) {
                return None;
            }
            if let Some((y, a, b)) = self.period_in_force {
                return Some(Some(months(y - 1, a, b)));
            }
            return self.in_force.map(|y| Some(iso(&[(y, 0, ' ')])));
        }
        let undated_day = groups.day.is_some() && groups.year.is_none() && groups.relative_year.is_none();
        if undated_day && s < LEAD {
            return resolve(text, &groups, self.doc_year);
        }
        let y = self.year_of(text, &groups)?;
        // `比上年增长`, `比去年全年提高` compare with last year; the year in force stays.
        let last_of_year = groups.whole_year.map_or(groups.relative_year, Some);
        let comparison = last_of_year.is_some_and(|(_, last_end)| last_end == e)
            && groups.relative_year.is_some()
            && matches!(char_before(text, s), Some('比' | '较' | '于' | '同' | '与'));
        if (groups.year.is_some() || groups.relative_year.is_some()) && !comparison && !is_target(text, s, e) {
            self.in_force = y;
        }
        // `比一季度提高` compares with a period; the period in force stays.
        let compared = matches!(char_before(text, s), Some('比' | '较' | '与'));
        if let (Some(y), Some((a, b)), false) = (y, months_of(text, &groups), compared) {
            self.period_in_force = Some((y, a, b));
        }
        resolve(text, &groups, y)
    }

    /// The year a match is in: the year it writes, the relative year it names, or the
    /// year in force. `None` when it writes an impossible year.
    fn year_of(&self, text: &str, groups: &Groups) -> Option<Option<i32>> {
        let g = |span: date_pattern::Span| span.map(|(a, b)| &text[a..b]);
        if let Some(y) = g(groups.year) {
            return year(y).map(Some);
        }
        let Some(r) = g(groups.relative_year) else {
            return Some(self.in_force.or(self.reviewed));
        };
        // 上年 is the year before the one described (2023年…比上年: 2022); 去年 the year
        // before the document's.
        if r == "上年" && self.in_force.is_some() {
            return Some(self.in_force.map(|y| y - 1));
        }
        Some(self.doc_year.map(|d| match r {
            "去年" | "上年" => d - 1,
            "前年" => d - 2,
            "明年" => d + 1,
            "当年" => self.in_force.unwrap_or(d),
            _ => d,
        }))
    }
}

fn found(start: usize, end: usize, iso: Option<String>) -> Fact<'static> {
    Fact::Date(Date {
        text: Cow::Borrowed(""),
        start,
        end,
        iso,
    })
}

/// Numbers written in decimal, each zero-padded to its width and followed by its
/// separator (a space for none): `[(2022, 0, '-'), (3, 2, ' ')]` is `2022-03`. Without the
/// formatting machinery, which costs more than the date.
fn iso(parts: &[(i32, usize, char)]) -> String {
    let mut out = String::with_capacity(16);
    for &(n, width, separator) in parts {
        if n < 0 {
            out.push('-');
        }
        let mut digits = [0u8; 10];
        let mut k = 0;
        let mut v = n.unsigned_abs();
        loop {
            digits[k] = b'0' + (v % 10) as u8;
            k += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for _ in k..width {
            out.push('0');
        }
        out.extend(digits[..k].iter().rev().map(|&d| char::from(d)));
        if separator != ' ' {
            out.push(separator);
        }
    }
    out
}

/// `y-a/y-b`: a range of months of one year.
fn months(y: i32, a: u32, b: u32) -> String {
    iso(&[(y, 0, '-'), (a as i32, 2, '/'), (y, 0, '-'), (b as i32, 2, ' ')])
}

/// The first and last months of a match that names a span of months: `1至11月`,
/// `上半年`, `一季度`, `前三季度`.
fn months_of(text: &str, groups: &Groups) -> Option<(u32, u32)> {
    let g = |span: date_pattern::Span| span.map(|(a, b)| &text[a..b]);
    if let (Some(a), Some(b)) = (g(groups.from_month), g(groups.to_month)) {
        let (a, b) = (month(a)?, month(b)?);
        return (a < b).then_some((a, b));
    }
    if let Some(h) = g(groups.half_year) {
        return Some(if h == "上半年" { (1, 6) } else { (7, 12) });
    }
    let q = g(groups.quarter)?;
    if q == "前三季度" {
        return Some((1, 9));
    }
    let k = numeral::parse(q.trim_start_matches('第').trim_end_matches("季度")).ok()? as u32;
    Some((3 * k - 2, 3 * k))
}

/// The iso form of a placed match, given its year. `None`: the match is no date.
fn resolve(text: &str, groups: &Groups, y: Option<i32>) -> Option<Option<String>> {
    let g = |span: date_pattern::Span| span.map(|(a, b)| &text[a..b]);
    if groups.from_month.is_some() || groups.half_year.is_some() || groups.quarter.is_some() {
        let (a, b) = months_of(text, groups)?;
        return Some(y.map(|y| months(y, a, b)));
    }
    if let Some(m) = g(groups.month) {
        let m = month(m)?;
        if let Some(d) = g(groups.day) {
            let d = numeral::parse(d).ok()? as u32;
            if !(1..=31).contains(&d) {
                return None;
            }
            return Some(y.map(|y| iso(&[(y, 0, '-'), (m as i32, 2, '-'), (d as i32, 2, ' ')])));
        }
        return Some(y.map(|y| iso(&[(y, 0, '-'), (m as i32, 2, ' ')])));
    }
    // `2012年末`, `今年底`, `年底`: the year's last month.
    if groups.year_end.is_some() || g(groups.year_part).is_some_and(|p| p == "年末" || p == "年底") {
        return Some(y.map(|y| iso(&[(y, 0, '-'), (12, 2, ' ')])));
    }
    if g(groups.year).is_some()
        || g(groups.relative_year).is_some()
        || g(groups.whole_year).is_some()
        || g(groups.year_part).is_some()
    {
        return Some(y.map(|y| iso(&[(y, 0, ' ')])));
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_forms_are_the_formatted_numbers() {
        for y in [-12, 0, 7, 999, 2022, 2999, 12345, i32::MIN, i32::MAX] {
            for m in [0, 1, 9, 10, 12, 123] {
                assert_eq!(super::iso(&[(y, 0, '-'), (m, 2, ' ')]), format!("{y}-{m:02}"));
                assert_eq!(
                    super::iso(&[(y, 0, '-'), (m, 2, '/'), (y, 0, '-'), (m, 2, ' ')]),
                    format!("{y}-{m:02}/{y}-{m:02}")
                );
            }
            assert_eq!(super::iso(&[(y, 0, ' ')]), y.to_string());
        }
    }

    use crate::{Extractor, Fact, Kind};

    fn dates(year: Option<i32>, text: &str) -> Vec<(String, Option<String>)> {
        let mut ex = Extractor::new().with_kinds(&[Kind::Date]);
        if let Some(y) = year {
            ex = ex.with_document_year(y);
        }
        ex.extract(text)
            .into_iter()
            .filter_map(|f| match f {
                Fact::Date(d) => Some((d.text.into_owned(), d.iso)),
                _ => None,
            })
            .collect()
    }

    /// Dates grouped by the document year they are read against, then by their `iso`; in
    /// each sentence `[…]` marks the date's text.
    const EXAMPLES: &[(Option<i32>, &[(Option<&str>, &[&str])])] = &[
        (
            None,
            &[
                (Some("2016/2020"), &["[十三五期间]经济年均增长"]),
                (Some("2022"), &["[二〇二二年]工作回顾"]),
            ],
        ),
        (
            Some(2023),
            &[
                (Some("2022-12-02"), &["[2022年12月2日]，四部委联合公示2022年度名单"]),
                (
                    Some("2022"),
                    &[
                        "2022年12月2日，四部委联合公示[2022年度]名单",
                        "[去年全年]累计提供就业岗位",
                    ],
                ),
                (Some("2022-01/2022-11"), &["[2022年1至11月]，七大产业集群实现应税销售"]),
                (Some("2022-09"), &["[去年9月上旬]开工海太隧道"]),
                (None, &["[目前]，项目两条生产线已试生产。[近年来]，海门区抢抓机遇"]),
            ],
        ),
        (
            Some(2024),
            &[
                (Some("2023-01/2023-06"), &["[2023年上半年]，全市规上工业增加值增长8%"]),
                // A text that writes no year reports on the document year (a quarterly or
                // half-year analysis); one that writes the year before, and never 今年,
                // reviews that year (a work report).
                (Some("2024-01/2024-03"), &["[一季度]，全省地区生产总值同比增长5.2%"]),
                (
                    Some("2023-01/2023-03"),
                    &["2023年全市经济回升向好，[一季度]增长4.5%，二季度增长6.3%"],
                ),
                (
                    Some("2023-04/2023-06"),
                    &["2023年全市经济回升向好，一季度增长4.5%，[二季度]增长6.3%"],
                ),
                (
                    Some("2023"),
                    &[
                        "[2023年]全市经济回升向好，一季度增长4.5%，二季度增长6.3%",
                        "[2023年]，全市生产总值增长。年末全市户籍总人口757.7万人，比上年末减少2.1万人",
                        "3月5日，市长在市人大会议上作报告。[2023年]全市生产总值增长5%",
                    ],
                ),
                (
                    Some("2024-01/2024-09"),
                    &["[今年前三季度]，全市固定资产投资增长", "[1-9月]，全市进出口总额增长"],
                ),
                (Some("2021/2025"), &["[“十四五”时期]，全省将加快建设"]),
                // The end of a year is its last month.
                (
                    Some("2023-12"),
                    &["2023年，全市生产总值增长。[年末]全市户籍总人口757.7万人，比上年末减少2.1万人"],
                ),
                (
                    Some("2022-12"),
                    &["2023年，全市生产总值增长。年末全市户籍总人口757.7万人，比[上年末]减少2.1万人"],
                ),
                (Some("2025-12"), &["到[2025年底]，全省将建成5G基站30万个"]),
                // A day date in the lead (a dateline) is the date of writing.
                (
                    Some("2024-03-05"),
                    &["[3月5日]，市长在市人大会议上作报告。2023年全市生产总值增长5%"],
                ),
                // 同期 is the period in force a year before; a comparison sets no period or
                // year in force.
                (
                    Some("2024-01/2024-06"),
                    &["[上半年]，全市生产总值增长5%，增速比同期提高0.5个百分点，比去年全年提高1个百分点"],
                ),
                (
                    Some("2023-01/2023-06"),
                    &["上半年，全市生产总值增长5%，增速比[同期]提高0.5个百分点，比去年全年提高1个百分点"],
                ),
                (
                    Some("2023"),
                    &["上半年，全市生产总值增长5%，增速比同期提高0.5个百分点，比[去年全年]提高1个百分点"],
                ),
                (Some("2024-10/2024-12"), &["种植面积与上年基本持平，[四季度]将完成收储"]),
                (Some("2023"), &["种植面积与[上年]基本持平，四季度将完成收储"]),
                // The same stretch of a plan period is no year's.
                (Some("2016/2020"), &["死亡人数较[“十三五”]同期下降20%"]),
            ],
        ),
    ];

    /// Sentences with no date in them (read in a document of 2023).
    const NEGATIVE: &[&str] = &["6个月", "第3季", "13月", "在当前经济形势下"];

    #[test]
    fn examples() {
        for (year, groups) in EXAMPLES {
            let negative = if *year == Some(2023) { NEGATIVE } else { &[] };
            crate::testing::assert_corpus(crate::Kind::Date, groups, negative, |sentence| {
                dates(*year, sentence)
                    .into_iter()
                    .map(|(text, iso)| (text, iso.map(|i| crate::testing::leak(&i))))
                    .collect()
            });
        }
    }

    #[test]
    fn document_year_is_inferred() {
        assert_eq!(super::infer_document_year("2022年，全市……去年全年"), Some(2023));
        assert_eq!(super::infer_document_year("2023年是开局之年，今年要"), Some(2023));
        assert_eq!(super::infer_document_year("没有年份"), None);
        // Targets do not date the text.
        assert_eq!(
            super::infer_document_year("2023年实现增长，到2025年建成，预计2026年6月底前投运"),
            Some(2023)
        );
        assert_eq!(super::infer_document_year("预计2026年6月底前投运"), None);
        // Inferred: `去年` in a text that reviews 2022 is 2022.
        assert_eq!(
            dates(None, "2022年，海门区……去年全年提供岗位")[1].1.as_deref(),
            Some("2022")
        );
    }
}
