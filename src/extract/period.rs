//! Periods: the time each number and percentage describes, decided as a careful reader
//! decides it, from the dates around the value and the passage it is in.
//!
//! The first rule that applies decides:
//!
//! | rule | what decides | example | period |
//! | --- | --- | --- | --- |
//! | no time | a planned or designed quantity, or a vague span before the value | `规划钢铁产能2000万吨`, `三年多来…达7423亿元` | none |
//! | clause, sentence | the last date before the value in its sentence | `2022年1至11月，…应税销售1005.5亿元` | `2022-01/2022-11` |
//! | paragraph | a date in the paragraph's first clause (after a short heading sentence) | `二是…发展。上半年，…` | that date |
//! | passage | what the passage reports on | a 2023 work report's `全市生产总值增长3.8%` | `2022` |
//!
//! and a streak (`连续13年稳定在430亿斤以上`) makes the year a span that ends there
//! (`2013/2025`).
//!
//! Which dates govern: a date that is only a comparison base (`比一季度`, `较上年`) or a
//! target (`到2025年`, `6月底前`) governs nothing; a "now" word (`目前`, `如今`) places the
//! value in the passage's year; `今年以来` in a periodic analysis is its period; a vague span
//! (`近年来`) places it nowhere.
//!
//! The passage: a text whose first date, in its title, is a half or a quarter
//! (`上半年全市经济运行情况分析`) is a periodic analysis, about that period throughout.
//! Else the passage is in the document year, or in the year before when the text reviews
//! it (it writes that year as its latest, says `去年` or `过去一年` and never `今年`, as a
//! work report's review); a paragraph that opens with a five-year review (`过去五年`),
//! last year's review (`过去一年`, `2022年`) or the plan (`今年`, `主要预期目标`) turns it
//! to that span or year.
//!
//! Every table is a word list the pass or a rule reads; the examples are at the end.

use super::Doc;
use super::chars::{ceil_forward, floor_back};
use super::vocabulary::MarkTable;
use crate::fact::Fact;
use std::borrow::Cow;

/// Words right before a date that make it a comparison base (`比一季度提高`,
/// `与2021年相比`): the value describes its clause's period, not the base.
const BASE_BEFORE: &[&str] = &["比", "较", "与", "同比", "相比", "对比", "高于", "低于", "快于", "慢于"];

/// Words before a date that read as a target (the date rule's `AHEAD`: `到2025年`,
/// `预计全年`) but report (`截至10月底`).
const REPORTING_BEFORE: &[&str] = &["截至", "截止"];

/// Words right after a date that make it a deadline (`6月底前`).
const DEADLINE_AFTER: &[&str] = &["前", "以前"];

/// Time words that place a value in the year of the passage, though their dates are
/// unplaced (`目前，项目两条生产线…`); each is one of the date rule's unplaced words.
const NOW_WORDS: &[&str] = &["目前", "如今", "当前"];

/// Words before a value in its sentence that make its time vague: the value gets none.
pub(crate) const VAGUE_SPANS: &[&str] = &["近年来", "这几年", "近几年", "多年来", "未来"];

/// After a count of years, a vague span (`三年多来`).
const YEARS_AND_MORE: &str = "年多来";

/// Words before a value in its clause that make it a planned or designed quantity, about
/// no time (`规划钢铁产能2000万吨`).
pub(crate) const NO_TIME_BEFORE: &[&str] = &["规划", "设计", "占地面积"];

/// Words after `今年`/`年初` that run from January to the end of a periodic analysis's
/// period (`今年以来`).
const SINCE_AFTER: &str = "以来";

/// Words that open a paragraph of a five-year review.
const FIVE_YEAR_CUES: &[&str] = &["过去五年", "五年来", "这五年"];

/// Words that open a paragraph of last year's review (`刚刚过去的一年` holds `过去的一年`).
const ONE_YEAR_CUES: &[&str] = &["过去一年", "过去的一年"];

/// Words near a paragraph's start that open the plan for the document year.
const PLAN_CUES: &[&str] = &["预期目标"];

/// The words of the three kinds of cues, for the vocabulary's pass.
pub(crate) fn cue_words() -> Vec<&'static str> {
    [FIVE_YEAR_CUES, ONE_YEAR_CUES, PLAN_CUES].concat()
}

/// The most bytes a paragraph's start is read for its cues (about 40 characters).
const CUE_BYTES: usize = 120;

/// The most bytes before a value read for the words of a clause or sentence.
const CLAUSE_BYTES: usize = 240;

/// Where a streak starts (`连续13年`).
pub(crate) const STREAK: &[&str] = &["连续"];

/// How far into the text a title's date may end.
const TITLE_BYTES: usize = 150;

/// The longest heading sentence a paragraph may open with, in bytes.
const HEADING_BYTES: usize = 90;

/// What a date does for the values after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// It places them in its period (or in none).
    Governs,
    /// It is a comparison base (`比去年同期`, the date right after a base is one too):
    /// it places nothing.
    Base,
    /// It is a target or an unplaced word: it places nothing.
    Nothing,
}

/// A date of the text, as the period rules read it.
struct Dated {
    start: usize,
    end: usize,
    /// The period it gives a value it governs.
    period: Option<Period>,
    role: Role,
    /// The last governing date at or before this one (an index in the dates).
    last_governing: Option<usize>,
}

/// Is `f` a number or a percentage?
fn is_value(f: &Fact) -> bool {
    matches!(f, Fact::Number(_) | Fact::Percentage(_))
}

/// Sets the `period` of every number and percentage of `facts`, from the dates among them
/// and `more_dates` (the dates found though the caller wants none).
pub(crate) fn annotate<'d>(doc: &Doc<'d, '_>, facts: &mut [Fact<'d>], more_dates: &[Fact<'d>]) {
    // Most texts of a batch of lines have no value, or no date and no year to read one
    // against: their values stay unplaced, and the rules' code is not run (nor loaded
    // into the instruction cache, where it cost more than its instructions).
    let is_date = |f: &Fact| matches!(f, Fact::Date(_));
    if !facts.iter().any(is_value)
        || (doc.dating.year.is_none()
            && doc.dating.latest_written.is_none()
            && !facts.iter().chain(more_dates).any(is_date))
    {
        return;
    }
    place(doc, facts, more_dates);
}

/// [`annotate`] for a text with values and something to place them by.
#[inline(never)]
fn place<'d>(doc: &Doc<'d, '_>, facts: &mut [Fact<'d>], more_dates: &[Fact<'d>]) {
    // The dates come from one extractor's run, in order.
    let raw = facts.iter().chain(more_dates).filter_map(|f| match f {
        Fact::Date(d) => Some(d),
        _ => None,
    });
    let passage = Passage::of(doc, raw.clone().next());
    let mut dates: Vec<Dated> = raw.map(|d| dated(doc.text, d, &passage)).collect();
    if !dates.is_sorted_by_key(|d| d.start) {
        dates.sort_by_key(|d| d.start);
    }
    let mut last = None;
    for i in 0..dates.len() {
        if i > 0 && dates[i - 1].role == Role::Base && dates[i - 1].end == dates[i].start {
            dates[i].role = Role::Base;
        }
        if dates[i].role == Role::Governs {
            last = Some(i);
        }
        dates[i].last_governing = last;
    }
    // Nothing to place the values in: their periods stay none.
    if passage.default.is_none() && dates.iter().all(|d| d.period.is_none()) {
        return;
    }
    let bounds = Bounds::of(doc);
    let mut walk = passage.walk(doc, &bounds);
    let reading = Reading {
        doc,
        bounds: &bounds,
        dates: &dates,
        opener: std::cell::Cell::new((None, None)),
    };
    for f in facts.iter_mut() {
        match f {
            Fact::Number(n) => n.period = reading.period_of(&mut walk, n.start),
            Fact::Percentage(p) => p.period = reading.period_of(&mut walk, p.start),
            _ => {}
        }
    }
}

/// What the values of a text are read against.
struct Reading<'r, 'd, 'p> {
    doc: &'r Doc<'d, 'p>,
    bounds: &'r Bounds<'d, 'p>,
    /// The dates, in order.
    dates: &'r [Dated],
    /// The paragraph whose opener was read last, and its opener (an index in `dates`).
    opener: std::cell::Cell<(Option<usize>, Option<usize>)>,
}

impl Reading<'_, '_, '_> {
    /// The period of the value that starts at `start`.
    fn period_of(&self, walk: &mut PassageWalk, start: usize) -> Option<Period> {
        let (doc, bounds, dates) = (self.doc, self.bounds, self.dates);
        let text = doc.text;
        let (sentence, clause) = bounds.sentence_and_clause(start);
        let clause = clause.max(floor_back(text, start, CLAUSE_BYTES));
        // No time: a planned quantity, a vague span; and where a streak starts.
        let marks = words_before(doc, sentence.max(floor_back(text, start, CLAUSE_BYTES)), clause, start);
        if marks.no_time || marks.vague {
            return None;
        }
        // The last governing date before the value in its sentence.
        let before = dates.partition_point(|d| d.end <= start);
        let governing = before
            .checked_sub(1)
            .and_then(|i| dates[i].last_governing)
            .map(|i| &dates[i])
            .filter(|d| d.start >= sentence);
        let paragraph = bounds.paragraph_start(start);
        let period = match governing.or_else(|| self.paragraph_opener(paragraph, start)) {
            Some(d) => d.period.clone(),
            None => walk.at(paragraph),
        };
        match marks.streak.and_then(|at| streak_years(&text[at..start])) {
            Some(years) => period.map(|p| streak_span(p, years)),
            None => period,
        }
    }

    /// The governing date that opens the paragraph at `paragraph`, before `value`: in its
    /// first clause, or in the first clause after a short heading sentence. Read once per
    /// paragraph.
    fn paragraph_opener(&self, paragraph: usize, value: usize) -> Option<&Dated> {
        let (cached_at, cached) = self.opener.get();
        let opener = if cached_at == Some(paragraph) {
            cached
        } else {
            let opener = self.find_opener(paragraph);
            self.opener.set((Some(paragraph), opener));
            opener
        };
        opener.map(|i| &self.dates[i]).filter(|d| d.end <= value)
    }

    /// The index of the governing date that opens the paragraph at `paragraph`.
    #[inline(never)]
    fn find_opener(&self, paragraph: usize) -> Option<usize> {
        let (bounds, dates) = (self.bounds, self.dates);
        let first_in = |from: usize| {
            let clause_end = bounds.clause_end(from);
            let i = dates.partition_point(|d| d.start < from);
            dates[i..]
                .iter()
                .take_while(|d| d.start < clause_end)
                .position(|d| d.role == Role::Governs)
                .map(|k| i + k)
        };
        first_in(paragraph).or_else(|| {
            let text = self.doc.text;
            let heading_end = bounds.sentence_end(paragraph);
            let short = heading_end - paragraph <= HEADING_BYTES && !text[heading_end..].starts_with('\n');
            let next = heading_end + text[heading_end..].chars().next().map_or(0, char::len_utf8);
            short.then(|| first_in(next)).flatten()
        })
    }
}

/// What the words of the pass say before a value.
struct WordsBefore {
    /// A planned quantity's word in the clause.
    no_time: bool,
    /// A vague span in the sentence.
    vague: bool,
    /// Where the last streak word of the clause ends.
    streak: Option<usize>,
}

/// The words of the pass before the value at `value`: in its sentence from `sentence`,
/// in its clause from `clause`. `N年多来` is read at the date anchors (年 is too common a
/// first character for the pass's words).
fn words_before(doc: &Doc, sentence: usize, clause: usize, value: usize) -> WordsBefore {
    let mut words = WordsBefore {
        no_time: false,
        vague: false,
        streak: None,
    };
    let i = doc.marks.partition_point(|m| m.start < sentence);
    for m in doc.marks[i..].iter().take_while(|m| m.end <= value) {
        words.vague |= m.is(MarkTable::PeriodVague);
        if m.start >= clause {
            words.no_time |= m.is(MarkTable::PeriodNoTime);
            if m.is(MarkTable::PeriodStreak) {
                words.streak = Some(m.end);
            }
        }
    }
    if !words.vague {
        let a = doc.date_anchors.partition_point(|&a| a < sentence);
        words.vague = doc.date_anchors[a..]
            .iter()
            .take_while(|&&a| a < value)
            // 年 then the first byte pair of 多 (E5 A4 9A), before the whole word is compared.
            .any(|&a| {
                doc.text.as_bytes().get(a + 3..a + 5) == Some(&[0xE5, 0xA4])
                    && doc.text[a..].starts_with(YEARS_AND_MORE)
            });
    }
    words
}

/// The years of a streak, `13年…` or `十三年…` after `连续`.
#[cold]
#[inline(never)]
fn streak_years(after: &str) -> Option<i32> {
    let years = crate::numeral::parse(&after[..after.find('年')?]).ok()?;
    (years > 1.0 && years < 1000.0 && years.fract() == 0.0).then_some(years as i32)
}

/// The span of `years` years that ends in the last year of `period`.
#[cold]
#[inline(never)]
fn streak_span(period: Period, years: i32) -> Period {
    match period
        .get(period.len().saturating_sub(4)..)
        .and_then(|y| y.parse::<i32>().ok())
    {
        Some(end) => Cow::Owned(format!("{}/{end}", end - years + 1)),
        None => period,
    }
}

/// A value's period: borrowed from [`YEARS`] when it is a year, which most are.
type Period = Cow<'static, str>;

/// The years `1000` to `9999` written one after another: a year's period is a slice of it,
/// so that most values' periods cost no allocation.
static YEARS: once_cell::sync::Lazy<String> =
    once_cell::sync::Lazy::new(|| crate::DOCUMENT_YEARS.map(|y| y.to_string()).collect());

/// The period `iso`, a slice of [`YEARS`] when it is a year.
fn period(iso: &str) -> Period {
    match *iso.as_bytes() {
        [a, b, c, d] if [a, b, c, d].iter().all(u8::is_ascii_digit) => year(
            [a, b, c, d]
                .iter()
                .fold(0, |y, &digit| y * 10 + i32::from(digit - b'0')),
        ),
        _ => Cow::Owned(iso.to_string()),
    }
}

/// The period of the year `y`.
fn year(y: i32) -> Period {
    if crate::DOCUMENT_YEARS.contains(&y) {
        let at = (y - crate::DOCUMENT_YEARS.start()) as usize * 4;
        Cow::Borrowed(&YEARS[at..at + 4])
    } else {
        Cow::Owned(y.to_string())
    }
}

/// The role and period of the date `d`.
fn dated(text: &str, d: &crate::fact::Date<'_>, passage: &Passage) -> Dated {
    let before = &text[floor_back(text, d.start, 12)..d.start];
    let after = &text[d.end..ceil_forward(text, d.end, 12)];
    let word = &text[d.start..d.end];
    let ends = |words: &[&str]| words.iter().any(|w| before.ends_with(w));
    let (role, period) = if ends(BASE_BEFORE) {
        (Role::Base, None)
    } else if (ends(super::date::AHEAD) && !ends(REPORTING_BEFORE))
        || DEADLINE_AFTER.iter().any(|w| after.starts_with(w))
    {
        (Role::Nothing, None)
    } else if VAGUE_SPANS.contains(&word) {
        (Role::Governs, None)
    } else if passage.periodic.is_some() && after.starts_with(SINCE_AFTER) && matches!(word, "今年" | "年初") {
        (Role::Governs, passage.periodic.clone())
    } else if let Some(iso) = &d.iso {
        (Role::Governs, Some(period(iso)))
    } else if NOW_WORDS.contains(&word) {
        (Role::Governs, passage.year_now.map(year))
    } else {
        (Role::Nothing, None)
    };
    Dated {
        start: d.start,
        end: d.end,
        period,
        role,
        last_governing: None,
    }
}

/// Where the clauses, sentences and paragraphs of the text start: read from the clause
/// marks of the one pass.
struct Bounds<'d, 'p> {
    text: &'d str,
    /// Every clause mark (`，；：。！？` and line breaks), in order.
    marks: &'p [super::ClauseMark],
    /// The byte after each line break.
    paragraph_starts: Vec<usize>,
}

/// The most clause marks a sentence's start or end is looked for across: a longer run
/// without a sentence mark is cut there, so that each value costs a bounded walk.
const SENTENCE_MARKS: usize = 64;

impl<'d, 'p> Bounds<'d, 'p> {
    fn of(doc: &Doc<'d, 'p>) -> Bounds<'d, 'p> {
        let text = doc.text;
        Bounds {
            text,
            marks: doc.clause_marks,
            paragraph_starts: doc
                .clause_marks
                .iter()
                .filter(|m| text.as_bytes()[m.at] == b'\n')
                .map(|m| m.end)
                .collect(),
        }
    }

    /// Does the mark `m` end a sentence (`。！？` or a line break; `；` ends a clause)?
    fn ends_sentence(&self, m: &super::ClauseMark) -> bool {
        m.ends_sentence && !matches!(&self.text.as_bytes()[m.at..], [b';', ..] | [0xEF, 0xBC, 0x9B, ..])
    }

    /// Where the sentence and the clause of the byte `at` start.
    fn sentence_and_clause(&self, at: usize) -> (usize, usize) {
        let i = self.marks.partition_point(|m| m.at < at);
        let clause = i.checked_sub(1).map_or(0, |i| self.marks[i].end);
        let from = i.saturating_sub(SENTENCE_MARKS);
        let sentence = match self.marks[from..i].iter().rposition(|m| self.ends_sentence(m)) {
            Some(k) => self.marks[from + k].end,
            None if from == 0 => 0,
            None => self.marks[from].end,
        };
        (sentence, clause)
    }

    /// Where the paragraph of the byte `at` starts.
    fn paragraph_start(&self, at: usize) -> usize {
        let i = self.paragraph_starts.partition_point(|&s| s <= at);
        i.checked_sub(1).map_or(0, |i| self.paragraph_starts[i])
    }

    /// Where the clause that starts at `from` ends (its mark, or the end of the text).
    fn clause_end(&self, from: usize) -> usize {
        let i = self.marks.partition_point(|m| m.at < from);
        self.marks.get(i).map_or(self.text.len(), |m| m.at)
    }

    /// Where the sentence that starts at `from` ends (its mark, or the end of the text).
    fn sentence_end(&self, from: usize) -> usize {
        let i = self.marks.partition_point(|m| m.at < from);
        self.marks[i..]
            .iter()
            .take(SENTENCE_MARKS)
            .find(|m| self.ends_sentence(m))
            .map_or(self.text.len(), |m| m.at)
    }
}

/// What the document as a whole reports on.
struct Passage {
    /// The half or quarter of a periodic analysis (its title's).
    periodic: Option<Period>,
    /// The period of a passage without cues.
    default: Option<Period>,
    /// The year a "now" word places a value in.
    year_now: Option<i32>,
    /// The document year, against which the paragraphs' cues are read (none in a
    /// periodic analysis: its passage does not turn).
    turns_in: Option<i32>,
}

impl Passage {
    /// The passage of `doc`, whose first date is `first`.
    fn of(doc: &Doc, first: Option<&crate::fact::Date>) -> Passage {
        let text = doc.text;
        let (doc_year, reviewed) = super::date::document_years(doc);
        // A title is often joined to the line after it (it ends in no sentence mark):
        // the text's first date, near its start, is read as the title's.
        let periodic = first
            .filter(|d| {
                let word = &text[d.start..d.end];
                d.end <= TITLE_BYTES && (word.ends_with("半年") || word.ends_with("季度"))
            })
            .and_then(|d| d.iso.as_deref().map(period));
        let reviews = reviewed.is_some() && reviewed != doc_year && says_review(doc);
        let year = if reviews { reviewed } else { doc_year };
        Passage {
            default: periodic.clone().or_else(|| year.map(self::year)),
            turns_in: if periodic.is_some() { None } else { doc_year },
            periodic,
            year_now: year,
        }
    }

    /// The walk over the paragraphs of `text`, turning the passage at their cues.
    fn walk<'b>(&'b self, doc: &'b Doc, bounds: &'b Bounds<'_, '_>) -> PassageWalk<'b> {
        PassageWalk {
            passage: self,
            text: doc.text,
            marks: doc.marks,
            starts: &bounds.paragraph_starts,
            next: None,
            current: None,
        }
    }
}

/// Does the text review last year: `去年`, `过去一年`?
fn says_review(doc: &Doc) -> bool {
    super::positions(doc, '去').any(|i| {
        let t = doc.text;
        t[i..].starts_with("去年")
            || (t[..i].ends_with('过') && (t[i..].starts_with("去一年") || t[i..].starts_with("去的一年")))
    })
}

/// The passage in force as the paragraphs are visited in order.
struct PassageWalk<'b> {
    passage: &'b Passage,
    text: &'b str,
    /// The words of the pass, the cues among them.
    marks: &'b [super::vocabulary::Mark],
    /// Where the paragraphs after the first start.
    starts: &'b [usize],
    /// The index in `starts` of the next paragraph to read; none before the first.
    next: Option<usize>,
    current: Option<Period>,
}

impl PassageWalk<'_> {
    /// The passage at the paragraph that starts at `paragraph`.
    #[inline(never)]
    fn at(&mut self, paragraph: usize) -> Option<Period> {
        let turns_in = self.passage.turns_in;
        let (text, marks) = (self.text, self.marks);
        let read = |start: usize| turns_in.and_then(|y| turn(text, marks, start, y));
        let visited = self.next.map_or(0, |n| n.checked_sub(1).map_or(0, |k| self.starts[k]));
        if self.next.is_none() || paragraph < visited {
            // From the first paragraph, which may turn it too.
            self.current = read(0).or_else(|| self.passage.default.clone());
            self.next = Some(0);
        }
        let mut next = self.next.unwrap_or(0);
        while next < self.starts.len() && self.starts[next] <= paragraph {
            if let Some(turned) = read(self.starts[next]) {
                self.current = Some(turned);
            }
            next += 1;
        }
        self.next = Some(next);
        self.current.clone()
    }
}

/// The passage a paragraph that starts at `start` turns to, in a document of year `y`:
/// its cues are among the pass's `marks`.
fn turn(text: &str, marks: &[super::vocabulary::Mark], start: usize, y: i32) -> Option<Period> {
    let head = &text[start..ceil_forward(text, start, CUE_BYTES)];
    let i = marks.partition_point(|m| m.start < start);
    let cues = marks[i..]
        .iter()
        .take_while(|m| m.end <= start + head.len())
        .filter(|m| m.is(MarkTable::PeriodCue))
        .map(|m| (m.start - start, &text[m.start..m.end]));
    let (mut five, mut one, mut plan) = (false, false, false);
    for (at, cue) in cues {
        five |= FIVE_YEAR_CUES.contains(&cue);
        one |= ONE_YEAR_CUES.contains(&cue);
        plan |= PLAN_CUES.contains(&cue) && at < 36;
    }
    let opens = |w: &str| head.starts_with(w);
    // `2022年…`: four digits (a parse of four bytes that succeeds is four ASCII digits).
    let year_opens =
        |year: i32| head.get(..4).and_then(|d| d.parse::<i32>().ok()) == Some(year) && head[4..].starts_with('年');
    if five {
        Some(Cow::Owned(format!("{}/{}", y - 5, y - 1)))
    } else if one || opens("去年") || year_opens(y - 1) {
        Some(year(y - 1))
    } else if plan || opens("今年") || year_opens(y) {
        Some(year(y))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Fact};

    /// Numbers and percentages grouped by their period, read in a document of 2023; in
    /// each sentence `[…]` marks the value's text.
    const EXAMPLES: &[(Option<&str>, &[&str])] = &[
        // The last date before the value in its sentence, comparison bases skipped.
        (
            Some("2021-01/2021-09"),
            &["2021年1至9月，全区规上工业企业实现营业收入[856.3亿元]"],
        ),
        (
            Some("2023-01/2023-09"),
            &["前三季度，全县地区生产总值完成[312.6亿元]，同比增长[4.1%]"],
        ),
        (Some("2023-09"), &["截至9月底，全市市场主体总数达[52.3万户]"]),
        (
            Some("2023-01/2023-03"),
            &[
                "一季度，全省固定资产投资增长[8.2%]，增速比去年同期回落[1.1个百分点]",
                "三是消费市场回暖。一季度全市社会消费品零售总额[206亿元]。其中餐饮收入增长[12.5%]",
                "一季度经济运行简析\n今年以来，全区规上工业增加值增长[7.2%]",
            ],
        ),
        // A date that opens the paragraph.
        (
            Some("2023-01/2023-06"),
            &[
                "上半年，全市经济运行稳中向好。规模以上工业增加值增长[6.1%]",
                "上半年全市经济运行情况分析\n全市实现地区生产总值[1180亿元]，同比增长[5.5%]。",
            ],
        ),
        // "Now" words and the plan: the document year.
        (
            Some("2023"),
            &[
                "目前，全市已建成5G基站[1.2万个]",
                "今年主要预期目标是：全市地区生产总值增长[5%左右]",
                // A target governs nothing: the plan's year.
                "力争到2025年，全市高新技术企业达到[3000家]",
                "全省粮食总产量连续[5年]稳定在700亿斤以上",
                "全县财政收入连续[五年]保持在10亿元以上",
                // The span's own count is read before the span is.
                "[三年]多来，全区新增市场主体1.8万户",
            ],
        ),
        // The passage: a paragraph opened by last year, a five-year review.
        (
            Some("2022"),
            &["2022年是极不平凡的一年。\n全市地区生产总值增长[3.8%]，一般公共预算收入[512亿元]。"],
        ),
        (Some("2018/2022"), &["过去[五年]，全市地区生产总值年均增长[6.8%]"]),
        // A streak ends in the year of the passage.
        (
            Some("2019/2023"),
            &[
                "全省粮食总产量连续5年稳定在[700亿斤以上]",
                "全县财政收入连续五年保持在[10亿元以上]",
            ],
        ),
        // No time.
        (
            None,
            &[
                "近年来，全市累计引进高层次人才[2300余名]",
                "三年多来，全区新增市场主体[1.8万户]",
                "该项目规划用地[500亩]",
                "项目设计年产能[30万吨]",
            ],
        ),
    ];

    fn periods(text: &str) -> Vec<(String, Option<&'static str>)> {
        Extractor::new()
            .with_document_year(2023)
            .extract(text)
            .into_iter()
            .filter_map(|f| match f {
                Fact::Number(n) => Some((n.text.into_owned(), n.period)),
                Fact::Percentage(p) => Some((p.text.into_owned(), p.period)),
                _ => None,
            })
            .map(|(t, p)| (t, p.map(|p| crate::testing::leak(&p))))
            .collect()
    }

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::Number, EXAMPLES, &[], periods);
    }

    /// Dates place the values even where the caller asks for no dates.
    #[test]
    fn dates_place_values_whichever_kinds_are_chosen() {
        let text = "2021年1至9月，全区规上工业企业实现营业收入856.3亿元，同比增长4.1%。";
        let periods_of = |kinds: &[crate::Kind]| -> Vec<Option<String>> {
            Extractor::new()
                .with_document_year(2023)
                .with_kinds(kinds)
                .extract(text)
                .into_iter()
                .filter_map(|f| match f {
                    Fact::Number(n) => Some(n.period.map(|p| p.into_owned())),
                    Fact::Percentage(p) => Some(p.period.map(|p| p.into_owned())),
                    _ => None,
                })
                .collect()
        };
        let all = periods_of(&crate::Kind::ALL);
        assert_eq!(all, vec![Some("2021-01/2021-09".to_string()); 2]);
        let mut apart = periods_of(&[crate::Kind::Number]);
        apart.extend(periods_of(&[crate::Kind::Percentage]));
        assert_eq!(apart, all);
    }

    /// A "now" word places values only if the date rule finds it as a date.
    #[test]
    fn now_words_are_dates() {
        for w in super::NOW_WORDS {
            assert!(
                crate::extract::date::UNPLACED.contains(w),
                "{w} is no unplaced time word"
            );
        }
    }
}
