//! What each number and percentage measures (`subject`) and which way it moved (`change`).
//!
//! `subject` is the noun phrase that names what is measured, as written:
//!
//! | sentence | number | subject |
//! | --- | --- | --- |
//! | `规上工业应税销售突破1000亿元` | 1000亿元 | 规上工业应税销售 (before the number) |
//! | `累计提供就业岗位3.98万个` | 3.98万个 | 就业岗位 (after the governing verb 提供) |
//! | `等6个老旧小区实施改造` | 6个 | 老旧小区 (after a classifier) |
//! | `两条接轨上海、融入苏南的便捷通道` | 两条 | 便捷通道 (after a relative clause) |
//! | `实现应税销售1005.5亿元，占…的84%，增幅达到27.7%` | 84%, 27.7% | 应税销售 (a share or a generic 增幅 takes the sentence's subject) |
//! | `A、B分别占全市总量的25%、45%` | 25%, 45% | A, B (分别 splits the list) |
//! | `收入分别增长5%和7%` | 5%, 7% | 收入 (values joined by 和 share) |
//! | `制造业增加值占地区生产总值的比重提高2.5个百分点` | 2.5个百分点 | the whole `X占Y的比重` |
//!
//! jieba's cut gives the word boundaries; its part-of-speech tags are too noisy in this
//! genre for the verbs (`支出/v`, `收入/v`), so the left edge of a subject is a governing
//! verb of the genre (提供, 实现, 新增 …), a function word (adverb, preposition,
//! pronoun, conjunction, particle, time word) or punctuation.
//!
//! `change` is `up` or `down` when the clause before the value has a change word:
//! 增长 提高 增加 新增 上升 增幅 提升 上涨 / 下降 减少 降低 回落 下滑 (增加值, value added,
//! is no change).

use super::vocabulary::MarkTable;
use super::{ClauseMark, Doc};
use crate::fact::{Change, Fact};
use crate::segment::{self, Word};
use std::borrow::Cow;

/// Change words, nearest before the value wins (found by the vocabulary's one pass).
pub(crate) const UP: &[&str] = &[
    "增长", "提高", "增加", "新增", "上升", "增幅", "提升", "上涨", "扩大", "增速", "多增", "攀升",
];
pub(crate) const DOWN: &[&str] = &["下降", "减少", "降低", "回落", "下滑", "下跌", "缩小", "减", "降幅"];

/// Verbs that govern the measured thing as their object: `实现应税销售1005.5亿元`.
const GOVERNING: &[&str] = &[
    "实现",
    "完成",
    "提供",
    "新增",
    "改造",
    "更新",
    "实施",
    "引进",
    "聚集",
    "集聚",
    "发放",
    "惠及",
    "落实",
    "稳定",
    "建立",
    "入选",
    "规划",
    "达到",
    "新开工",
    "开工",
    "建成",
    "竣工",
    "培育",
    "打造",
    "建设",
    "新建",
    "创建",
    "获得",
    "争取",
    "招引",
    "签约",
    "吸引",
    "带动",
    "拉动",
    "安置",
    "帮助",
    "开展",
    "组织",
    "举办",
    "接待",
    "推进",
    "启动",
    "认定",
    "新认定",
    "获批",
    "拥有",
    "共有",
    "形成",
    "累计",
    "新培育",
    "新引进",
    "新建成",
    "帮扶",
    "支持",
    "兑现",
    "减免",
    "减征",
    "发放",
    "筹集",
    "完成",
    "达",
    "有",
    "获",
    "入围",
    "落户",
    "汇聚",
    "成为",
    "位于",
    "是",
    "在",
    "将",
    "已",
    "使",
    "突破",
    "超过",
    "提高",
    "增长",
    "下降",
    "减少",
    "增加",
    "降低",
    "提升",
    "扩大",
    "整治",
    "修复",
    "清理",
    "关停",
    "加快",
    "着力",
    "力争",
    "确保",
    "布局",
    "开通",
];

/// Words between a subject and its value: `应税销售已突破`, `收入预计分别增长`.
const CONNECTORS: &[&str] = &[
    "达到",
    "达",
    "为",
    "是",
    "增长",
    "提高",
    "下降",
    "增加",
    "减少",
    "上升",
    "降低",
    "回落",
    "提升",
    "上涨",
    "扩大",
    "分别",
    "预计",
    "同比",
    "比上年",
    "较上年",
    "比",
    "较",
    "年均",
    "已",
    "已经",
    "共",
    "约",
    "至",
    "到",
    "了",
    "累计达",
    "总计",
    "合计",
    "实现",
    "突破",
    "超过",
    "超",
    "控制",
    "控制在",
    "保持",
    "保持在",
    "稳定在",
    "累计达到",
    "维持",
    "高",
    "低",
    "高出",
    "快",
    "慢",
    "环比",
    "完成",
    "连续",
    "持续",
    "上涨",
    "下跌",
    "回升",
];

/// Heads that name no measured thing by themselves: `增幅达到27.7%` measures the
/// sentence's subject.
const GENERIC: &[&str] = &[
    "增幅", "增速", "增长", "比重", "占比", "总量", "总额", "规模", "数量", "总数", "增量", "幅度", "降幅",
];

/// Single-character suffixes that make a noun of a governing verb: `建成率`, `完成额`.
const NOUN_SUFFIX: &[&str] = &["率", "量", "数", "额", "值", "面积"];

/// Scope and actor words at the start of a phrase, not part of what is measured.
const LEADING_ACTORS: &[&str] = &["全市", "全省", "全区", "全县", "全国", "全镇", "该区", "该市", "该县"];

/// Words that begin the predicate after a counted phrase: `27项主要指标全部完成`.
const PREDICATE_WORDS: &[&str] = &[
    "全部", "全面", "基本", "进展", "全都", "均", "都", "相继", "先后", "顺利", "陆续", "主要", "荣登", "接通", "上榜",
    "来自", "落地",
];

/// Amounts of the counted things, which the counted thing ends before: `8个工业项目总投资额
/// 120亿元` counts 工业项目.
const AMOUNTS_OF: &[&str] = &["总投资额", "投资额", "总投资", "总额", "总量", "总产值", "产值"];

/// Verbs after a count of people that name what they were counted as: `2人当选中国工程院院士`,
/// `47人入选国家重点人才计划`.
const ELECTED_TO: &[&str] = &["当选", "入选", "获评"];

/// Classifiers after which the counted thing follows: `7项工作`, `6个老旧小区`.
const CLASSIFIERS: &[&str] = &[
    "个", "项", "条", "家", "座", "所", "位", "名", "处", "户", "批", "件", "台", "套", "种", "类", "款", "支", "场",
    "部",
];

fn stop_tag(tag: &str) -> bool {
    // Matched as bytes: a string pattern compares through a call per alternative.
    matches!(
        tag.as_bytes(),
        [b'x' | b'p' | b'r' | b'c' | b'd' | b't' | b'm' | b'u' | b'f' | b'y' | b'e' | b'o']
            | [b'u', b'j' | b'l' | b'z' | b'g' | b'v' | b'd']
    )
}

/// The byte after the last clause mark (only sentence ends with `sentence_only`) that
/// lies in `lo..hi`, if any.
///
/// `hint` is where the search starts (see [`super::partition_point_near`]).
fn after_last_mark(marks: &[ClauseMark], lo: usize, hi: usize, sentence_only: bool, hint: &mut usize) -> Option<usize> {
    let upto = super::partition_point_near(marks, hint, |m| m.end <= hi);
    marks[..upto]
        .iter()
        .rev()
        .take_while(|m| m.at >= lo)
        .find(|m| m.ends_sentence || !sentence_only)
        .map(|m| m.end)
}

/// The first clause mark in `lo..hi`, if any.
fn first_mark(marks: &[ClauseMark], lo: usize, hi: usize, hint: &mut usize) -> Option<usize> {
    let from = super::partition_point_near(marks, hint, |m| m.at < lo);
    marks.get(from).filter(|m| m.end <= hi).map(|m| m.at)
}

/// How far a subject may reach from its value, in bytes (about 30 characters): the
/// segmenter reads no more than this around a value.
const WINDOW: usize = 90;

/// The start of the clause before `pos`, at most WINDOW bytes back, on a char boundary.
fn window_start(text: &str, marks: &[ClauseMark], pos: usize, hint: &mut usize) -> usize {
    let from = super::floor_back(text, pos, WINDOW);
    after_last_mark(marks, from, pos, false, hint).unwrap_or(from)
}

/// The end of the clause after `pos`, at most 18 characters on: what a classifier
/// counts follows it closely (`6个老旧小区`, `两条…的便捷通道`).
fn window_end(text: &str, marks: &[ClauseMark], pos: usize, hint: &mut usize) -> usize {
    let limit = super::ceil_forward(text, pos, 54);
    first_mark(marks, pos, limit, hint).unwrap_or(limit)
}

/// Words that name no change for the value right after them: `降幅比同期收窄2.2个百分点`
/// (a narrower fall).
pub(crate) const NEUTRAL: &[&str] = &["收窄", "持平"];

/// Words that hold a change word but name no change: 增加值 (value added).
pub(crate) const NO_CHANGE: &[&str] = &["增加值"];

/// The change word nearest before byte `end`, read in `lo..end` from the marks of the
/// vocabulary's pass (the longest word at each place, not overlapping): the last one
/// decides. `hint` is where the search of the marks starts (see
/// [`super::partition_point_near`]).
fn change_before(doc: &Doc, lo: usize, end: usize, hint: &mut usize) -> Option<Change> {
    let from = super::partition_point_near(doc.marks, hint, |m| m.start < lo);
    let mut best = None;
    for m in doc.marks[from..].iter().take_while(|m| m.end <= end) {
        if m.is(MarkTable::ChangeUp) {
            best = Some(Change::Up);
        } else if m.is(MarkTable::ChangeDown) {
            best = Some(Change::Down);
        } else if m.is(MarkTable::ChangeNeutral) && m.end == end {
            // Right before the value: `降幅比同期收窄2.2个百分点`.
            best = None;
        } else if m.is(MarkTable::ChangeNone) {
            continue;
        }
    }
    best
}

/// What the backward search found.
#[derive(Debug, PartialEq)]
enum Before<'t> {
    /// A slice of the clause, or one composed of two (`第一产业` + `增加值`).
    Phrase(Cow<'t, str>),
    /// A share (`占…的84%`) or a generic head: the sentence's subject.
    Inherit,
}

/// The noun phrase that ends right before the value (connectors skipped). Most phrases
/// end within a few words: when the text to segment is much longer than 15 characters,
/// its last 15 are segmented first, and the whole only when the phrase reaches the edge
/// of that window.
fn phrase_before(clause: &str, point: bool) -> Before<'_> {
    if let Some(pull) = pull_before(clause) {
        return Before::Phrase(Cow::Borrowed(pull));
    }
    let clause = before_comparison(without_parenthesis(clause));
    // The walk back stops at a lone mark (、 “ （ …) at the latest, and the marks cut
    // the segmentation in pieces that do not affect each other: only the text from the
    // last mark on needs segmenting, with the same words there.
    let from = segment::last_lone_mark(clause).unwrap_or(0);
    let short = super::floor_back(clause, clause.len(), 45);
    // A window shorter by a few characters saves little, and costs a second cut when the
    // phrase reaches its edge.
    if short > from + 30 {
        let (found, reached_edge) = phrase_before_in(&clause[short..], 0, point);
        if !reached_edge {
            return found;
        }
    }
    with_list_before(clause, phrase_before_in(clause, from, point).0)
}

/// `found` with the 、-list of short names that opens the clause before it, when the
/// phrase's head is the list's last item: `蔬菜、瓜果、食用菌产量11.5万吨` measures
/// 蔬菜、瓜果、食用菌产量. Each item is one to six Han characters, and the list starts the
/// clause (or follows a governing verb).
fn with_list_before<'t>(clause: &'t str, found: Before<'t>) -> Before<'t> {
    let Before::Phrase(Cow::Borrowed(phrase)) = found else {
        return found;
    };
    let start = super::offset_in(clause, phrase);
    let mut at = start;
    while let Some(head) = clause[..at].strip_suffix('、') {
        let item_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !super::is_han(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if !(1..=6).contains(&head[item_start..].chars().count()) {
            break;
        }
        at = item_start;
    }
    let opens_clause = at == 0 || word_set!(GOVERNING).longest_before(clause, at).is_some();
    // A time or scope word that opens the first item is no part of it (`全年蔬菜`).
    if at < start {
        let first_end = at + clause[at..].find('、').unwrap_or(0);
        let words = segment::tag_fast(&clause[at..first_end]);
        if let Some(w) = words
            .iter()
            .take_while(|w| matches!(w.tag(), "t" | "m") || LEADING_ACTORS.contains(&w.text()))
            .last()
        {
            at += w.end();
        }
    }
    let end = start + phrase.len();
    Before::Phrase(Cow::Borrowed(if at < start && opens_clause {
        &clause[at..end]
    } else {
        phrase
    }))
}

/// Verbs of a contribution to growth: `拉动GDP增长0.1个百分点` measures the pull, written
/// whole (`拉动GDP增长`).
const PULL_VERBS: &[&str] = &["拉动"];

/// The pull that ends `clause` (`拉动全市经济增长`): a pull verb, at most ten characters,
/// and 增长.
fn pull_before(clause: &str) -> Option<&str> {
    let pulled = clause.strip_suffix("增长")?;
    let (at, verb) = PULL_VERBS
        .iter()
        .filter_map(|v| pulled.rfind(v).map(|at| (at, v)))
        .max()?;
    let object = &pulled[at + verb.len()..];
    let plain = !object.is_empty() && object.chars().count() <= 10 && object.chars().all(|c| c.is_alphanumeric());
    plain.then_some(&clause[at..])
}

/// `clause` up to a parenthesis that ends it, or that only a verb of up to four characters
/// follows: `地区生产总值（GDP）1228亿元` and `一般公共预算收入（扣除留抵退税因素）增长7.2%`
/// measure 地区生产总值 and 一般公共预算收入.
fn without_parenthesis(clause: &str) -> &str {
    let Some(close) = clause.rfind(['）', ')']) else {
        return clause;
    };
    let after = &clause[close..];
    let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
    if after.chars().count() > 4 || !after.chars().all(super::is_han) {
        return clause;
    }
    match clause[..close].rfind(['（', '(']) {
        Some(open) if close - open <= 60 => &clause[..open],
        _ => clause,
    }
}

/// Characters before 比 or 较 that make a word of it, no comparison (`同比`, `占比`).
const NOT_COMPARISON_AFTER: &[char] = &['同', '环', '占', '对', '相', '评', '好', '无', '类', '可'];

/// Characters after 比 or 较 that make a word of it (`比重`, `比例`, `较为`).
const NOT_COMPARISON_BEFORE: &[char] = &['重', '例', '率', '值', '如', '较', '拼', '武', '赛', '为'];

/// `clause` up to its last comparison marker: in `增速比同期提高` and `增速较一季度提升`
/// the comparand (`同期`, `一季度`) is no part of what is measured.
fn before_comparison(clause: &str) -> &str {
    let mut end = clause.len();
    while let Some(i) = clause[..end].rfind(['比', '较']) {
        end = i;
        let (before, after) = (&clause[..i], &clause[i + '比'.len_utf8()..]);
        let in_word = before.ends_with(NOT_COMPARISON_AFTER) || after.starts_with(NOT_COMPARISON_BEFORE);
        if !in_word && !after.is_empty() {
            return before;
        }
    }
    clause
}

/// [`phrase_before`] in `clause` as given, segmented from byte `from` (0, or its last lone
/// mark); also whether the phrase reached the start of the segmented text.
fn phrase_before_in(clause: &str, from: usize, point: bool) -> (Before<'_>, bool) {
    let segmented = &clause[from..];
    let words = segment::tag_fast(segmented);
    let mut i = words.len();
    // Connectors, adverbs, comparisons (比上年, 同比) and a verb of growth between the
    // phrase and the value (`央企在保子公司新增25家`).
    while i > 0
        && (matches!(words[i - 1].tag(), "d" | "ul" | "p" | "t")
            || word_set!(CONNECTORS).contains(words[i - 1].text())
            || VERBS_AFTER_SUBJECT.contains(&words[i - 1].text())
            || is_per_unit(words[i - 1].text()))
    {
        i -= 1;
    }
    if i == 0 {
        return (Before::Inherit, true);
    }
    if words[i - 1].text() == "的" && clause.contains('占') {
        return (Before::Inherit, false);
    }
    let end = i;
    let mut start = end;
    let share_head = ["比重", "比例", "占比"].contains(&words[end - 1].text());
    while start > 0 {
        let w = &words[start - 1];
        let right: Option<&Word> = words.get(start).filter(|_| start < end);
        let head_is_share = start < end && share_head;
        if head_is_share && (w.text() == "的" || w.text() == "占") {
            start -= 1;
            continue;
        }
        let noun_suffix = || right.is_some_and(|r| NOUN_SUFFIX.contains(&r.text()));
        // Nouns joined inside the phrase (`卫生和社会工作投资`, `电气机械和器材制造业`).
        if start < end && start >= 2 && joins_nouns(w, &words[start - 2]) {
            start -= 2;
            continue;
        }
        // A classifier after a numeral counts the phrase (`10个金融项目总投资额`).
        let counted = w.tag() == "q" && start >= 2 && words[start - 2].tag() == "m";
        if stop_tag(w.tag()) || counted || (word_set!(GOVERNING).contains(w.text()) && !noun_suffix()) {
            break;
        }
        start -= 1;
    }
    // A modifier written with a stop word (`规模以上工业增加值`) belongs to the phrase.
    if let Some(k) = PHRASE_PREFIXES.iter().find_map(|prefix| {
        let at = segmented[..words.get(start)?.start()].strip_suffix(prefix)?.len();
        words[..start].iter().position(|w| w.start() == at)
    }) {
        start = k;
    }
    let reached_edge = start == 0;
    if start == end {
        return (Before::Inherit, reached_edge);
    }
    // `较全省平均高1.2个百分点`: a phrase after 比/较 is the benchmark, not what is measured.
    if start > 0 && matches!(words[start - 1].text(), "比" | "较" | "比较" | "与" | "同") {
        return (Before::Inherit, false);
    }
    let phrase = trim_actor(segmented, &words[start..end]);
    // A comparison or a change glued to the head by the cut (价格比 + 上年, 价格下降):
    // not part of the subject. The 比 of 占比 (share) stays.
    let mut phrase = match phrase.strip_suffix('比') {
        Some(head) if !head.ends_with('占') => head,
        _ => phrase.strip_suffix('较').unwrap_or(phrase),
    };
    // No change word ends another, so at most one ends the phrase.
    static CHANGES: once_cell::sync::Lazy<super::WordSet> =
        once_cell::sync::Lazy::new(|| super::WordSet::new([UP, DOWN].concat()));
    if let Some(w) = CHANGES
        .longest_before(phrase, phrase.len())
        .filter(|w| phrase.len() > w.len() && !RATES.contains(w))
    {
        phrase = &phrase[..phrase.len() - w.len()];
    }
    // A predicate glued to the head by the cut (`占比达`, `总值翻番`).
    if let Some(head) = PHRASE_END_PREDICATES
        .iter()
        .find_map(|w| phrase.strip_suffix(w))
        .filter(|h| !h.is_empty())
    {
        phrase = head;
    }
    // A quoted name that opens the phrase (`打造“四化”样板示范街道67条`) is part of it: the
    // segmented text starts at its closing quote.
    let phrase = match quoted_opening(clause, from, &words, start) {
        Some(open) => {
            let end = super::offset_in(clause, phrase) + phrase.len();
            &clause[open..end]
        }
        None => phrase,
    };
    // For a percentage point the rate itself is measured: `增速比同期提高0.9个百分点`.
    if phrase.is_empty() || (GENERIC.contains(&phrase) && !(point && RATES.contains(&phrase))) {
        return (Before::Inherit, reached_edge);
    }
    match actor_before(segmented, &words[..start]) {
        Some((actor, actor_reached_edge)) => (
            Before::Phrase(Cow::Owned(format!("{actor}{phrase}"))),
            reached_edge || actor_reached_edge,
        ),
        None => (Before::Phrase(Cow::Borrowed(phrase)), reached_edge),
    }
}

/// A price's unit written before it (`每公斤`, `每吨`): no part of what is priced.
fn is_per_unit(word: &str) -> bool {
    word.strip_prefix('每')
        .is_some_and(|unit| (1..=2).contains(&unit.chars().count()))
}

/// Is `conjunction` (和, 与, 及) between `before` and the phrase a join of nouns inside it?
fn joins_nouns(conjunction: &Word, before: &Word) -> bool {
    matches!(conjunction.text(), "和" | "与" | "及") && is_nominal(before)
}

/// A word of a noun phrase: a noun, an abbreviation, an attribute, a verbal noun, a
/// Latin word, or an ordinal (`第一产业`).
fn is_nominal(w: &Word) -> bool {
    w.tag().starts_with('n') || matches!(w.tag(), "j" | "b" | "vn" | "an" | "eng") || w.text().starts_with('第')
}

/// Verbs of growth written between what grew and the value: `央企在保子公司新增25家`,
/// `合作项目累计达707项`.
const VERBS_AFTER_SUBJECT: &[&str] = &["新增", "净增", "累计"];

/// Modifiers written with a word that stops the walk back (`以上`), part of the phrase
/// they open: `规模以上工业增加值`, `亿元以上省大中型项目`.
const PHRASE_PREFIXES: &[&str] = &["规模以上", "限额以上", "亿元以上", "万元以上"];

/// Predicates that the cut may glue to a phrase's head: `可再生能源装机占比达56.2%`,
/// `进出口总值翻番达到2206亿元`.
const PHRASE_END_PREDICATES: &[&str] = &["达", "翻番", "双双"];

/// Where the quoted name right before the phrase opens, when the phrase starts right
/// after a closing quote at `from` (the start of the segmented `words`) and the name opens
/// the noun phrase: at most 12 characters, no punctuation inside, and after a clause mark,
/// a lone mark or a governing verb. (After other words, `入选市“暖心惠民”民生实事项目`, the
/// noun phrase runs on past the name, further than the walk reads; it is left at the head.)
fn quoted_opening(clause: &str, from: usize, words: &[Word], start: usize) -> Option<usize> {
    if start != 1 || words.first()?.text() != "”" {
        return None;
    }
    let open = clause[..from].rfind('“')?;
    let name = &clause[open + '“'.len_utf8()..from];
    let plain = !name.is_empty() && name.chars().count() <= 12 && name.chars().all(char::is_alphanumeric);
    let before = &clause[..open];
    let opens_phrase = before.is_empty()
        || before.ends_with(|c: char| !c.is_alphanumeric())
        || word_set!(GOVERNING).longest_before(before, before.len()).is_some();
    (plain && opens_phrase).then_some(open)
}

/// Rates that a percentage point measures by themselves: `增速`, `比重`.
const RATES: &[&str] = &["增速", "增幅", "降幅", "比重", "占比"];

/// Verbs whose subject names the part of a whole that achieves the object: in
/// `第一产业实现增加值47.5亿元` the value is 第一产业's 增加值.
const ACHIEVING: &[&str] = &["实现", "完成"];

/// The actor of an achieving verb that ends `words` (words of `text`): the noun phrase
/// before it, unless it is a scope or a place (`全市实现地区生产总值` measures
/// 地区生产总值); also whether it reached the start of `words`.
fn actor_before<'t>(text: &'t str, words: &[Word<'t>]) -> Option<(&'t str, bool)> {
    let (verb, before) = words.split_last()?;
    if !ACHIEVING.contains(&verb.text()) {
        return None;
    }
    let mut start = before.len();
    while start > 0 {
        let w = &before[start - 1];
        // `石油和天然气开采业实现增加值`: nouns joined inside the actor.
        if start >= 2 && start < before.len() && joins_nouns(w, &before[start - 2]) {
            start -= 2;
            continue;
        }
        if !is_nominal(w) || word_set!(GOVERNING).contains(w.text()) {
            break;
        }
        start -= 1;
    }
    let actor = &before[start..];
    let (first, last) = (actor.first()?, actor.last()?);
    let is_place = actor.iter().all(|w| w.tag() == "ns")
        || LEADING_ACTORS.contains(&first.text())
        || (actor.len() <= 2 && last.text().ends_with(['市', '区', '县', '省', '镇']));
    (!is_place).then(|| (&text[first.start()..last.end()], start == 0))
}

/// Drops a leading scope or place (`全市`, `海门区`) from a phrase of several words (consecutive
/// words of `text`).
fn trim_actor<'t>(text: &'t str, words: &[Word<'t>]) -> &'t str {
    let mut k = 0;
    if words.len() > 1 && LEADING_ACTORS.contains(&words[0].text()) {
        k = 1;
    } else if words.len() > 2 && matches!(words[1].text(), "区" | "市" | "县" | "镇") {
        k = 2;
    }
    // The words are consecutive: the phrase is the text from the first to the last.
    match (words.get(k), words.last()) {
        (Some(first), Some(last)) => &text[first.start()..last.end()],
        _ => "",
    }
}

/// The noun phrase after a classifier: `7项工作`, `两条…的便捷通道`.
fn phrase_after(rest: &str) -> Option<&str> {
    // With the word HMM: the counted thing is often a compound the dictionary lacks.
    let words = segment::tag(rest);
    // The words taken are consecutive: the phrase is the text they cover.
    let take = |from: usize| -> &str {
        let Some(first) = words.get(from) else { return "" };
        let (start, mut end) = (first.start(), first.start());
        let mut j = from;
        while j < words.len() {
            let w = &words[j];
            if w.text() == "、" {
                // `210家、科技型中小企业1235家`: the next item of a list, not the counted thing.
                if end == start {
                    break;
                }
                // Coordination of nouns (生物医药、电子信息企业), not of counts.
                if words.get(j + 1).is_some_and(|n| !stop_tag(n.tag()) && n.tag() != "v") {
                    end = w.end();
                    j += 1;
                    continue;
                }
                break;
            }
            let one_char_verb = w.tag() == "v" && w.text().chars().count() == 1;
            // A verb opening the phrase heads a verb phrase when a place or nothing
            // nominal follows (接轨上海), and modifies a noun otherwise (知名药企).
            let opens_verb_phrase = w.tag() == "v"
                && end == start
                && !words
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.tag(), "n" | "ng" | "nz" | "vn" | "nt"));
            let predicate = (matches!(w.tag(), "a" | "ad")
                || PREDICATE_WORDS.contains(&w.text())
                || ELECTED_TO.contains(&w.text()))
                && end > start;
            // A quoted name inside the counted thing, between its words
            // (`20家省级“两业”融合标杆企业`).
            if w.text() == "“"
                && end > start
                && let Some(k) = words[j + 1..].iter().take(6).position(|n| n.text() == "”")
                && words
                    .get(j + k + 2)
                    .is_some_and(|n| n.tag().starts_with('n') || matches!(n.tag(), "vn" | "j"))
            {
                end = words[j + 1 + k].end();
                j += k + 2;
                continue;
            }
            if stop_tag(w.tag())
                || word_set!(GOVERNING).contains(w.text())
                || (end > start && AMOUNTS_OF.contains(&w.text()))
                || one_char_verb
                || opens_verb_phrase
                || predicate
            {
                break;
            }
            end = w.end();
            j += 1;
        }
        rest[start..end].trim_end_matches('、')
    };
    // `2人当选中国工程院院士`: people counted by the title they were elected to.
    if words.first().is_some_and(|w| ELECTED_TO.contains(&w.text())) {
        let title = take(1);
        return (!title.is_empty()).then_some(title);
    }
    let direct = take(0);
    if !direct.is_empty() {
        return Some(direct);
    }
    // A relative clause: the phrase after its 的.
    let de = words.iter().position(|w| w.text() == "的")?;
    let after = take(de + 1);
    (!after.is_empty()).then_some(after)
}

/// Is the text between two values a plain join (`、`, `和`), possibly with the second
/// value's own change word (`和下降`)?
fn joins_values(between: &str) -> bool {
    let t = between.trim();
    let Some(rest) = ["、", "和", "及", "与", "或"].iter().find_map(|j| t.strip_prefix(j)) else {
        return false;
    };
    rest.is_empty() || UP.contains(&rest) || DOWN.contains(&rest)
}

/// Where `clause` first has 分别: found by its 分, a character search (which reads the text
/// faster than a search for the word would set up).
fn find_respectively(clause: &str) -> Option<usize> {
    clause
        .match_indices('分')
        .map(|(i, _)| i)
        .find(|&i| clause[i..].starts_with("分别"))
}

/// The items of `A、B分别` (`head` is the text before 分别): the subjects that 分别 hands out
/// in order.
fn respectively(head: &str) -> Option<Vec<&str>> {
    let words = segment::tag_fast(head);
    let mut start = words.len();
    while start > 0 {
        let w = &words[start - 1];
        if w.text() != "、" && w.text() != "和" && (stop_tag(w.tag()) || word_set!(GOVERNING).contains(w.text())) {
            break;
        }
        start -= 1;
    }
    // The words are consecutive and run to the end of `head`.
    let list = words.get(start).map_or("", |w| &head[w.start()..]);
    let items: Vec<&str> = list.split(['、', '和']).filter(|s| !s.is_empty()).collect();
    (items.len() > 1).then_some(items)
}

fn subject_and_change<'f, 'd>(
    fact: &'f mut Fact<'d>,
) -> Option<(&'f mut Option<Cow<'d, str>>, &'f mut Option<Change>)> {
    match fact {
        Fact::Number(n) => Some((&mut n.subject, &mut n.change)),
        Fact::Percentage(p) => Some((&mut p.subject, &mut p.change)),
        _ => None,
    }
}

/// A subject as the values of a sentence share it: a slice of the text, or composed of
/// two.
type Subject<'t> = Cow<'t, str>;

/// Sets `subject` and `change` on the numbers and percentages of `found` (spans in the
/// document's text).
pub(crate) fn annotate<'d>(doc: &Doc<'d, '_>, found: &mut [Fact<'d>]) {
    // A text with no value (a heading, a sentence of prose) takes no vectors.
    if !found.iter().any(|f| matches!(f, Fact::Number(_) | Fact::Percentage(_))) {
        return;
    }
    let (mut idx, mut history) = (Vec::new(), Vec::new());
    annotate_with(doc, found, &mut idx, &mut history);
}

/// [`annotate`] with the vectors given (empty).
fn annotate_with<'d>(
    doc: &Doc<'d, '_>,
    found: &mut [Fact<'d>],
    idx: &mut Vec<usize>,
    history: &mut Vec<(usize, Option<Subject<'d>>)>,
) {
    let (text, marks) = (doc.text, doc.clause_marks);
    let is_value = |f: &Fact| matches!(f, Fact::Number(_) | Fact::Percentage(_));
    // Sized once: on a text dense with values these are as long as the facts.
    let values = found.iter().filter(|f| is_value(f)).count();
    idx.reserve_exact(values);
    history.reserve_exact(values);
    idx.extend((0..found.len()).filter(|&i| is_value(&found[i])));
    // Stable, and without a scratch buffer: indices are unique, so ties cannot occur.
    idx.sort_unstable_by_key(|&i| (found[i].start(), i));
    let idx = &idx[..];
    let mut prev: Option<(usize, usize, Option<Subject>)> = None; // (sentence start, end, subject)
    // The values of a list joined by 、 / 和 are consecutive: the run is `idx[run_from..]`
    // up to the current value.
    let mut run_from = 0usize;
    // Where each series of searches in the marks and trigger positions left off: the
    // values come in order, so each search starts near the last one's answer.
    let mut hints = [0usize; 4];
    // The sentence of each value, found by reading forward once (values are in order).
    let mut sentence = 0usize;
    let mut scanned = 0usize;
    for (k, &i) in idx.iter().enumerate() {
        let (start, end) = (found[i].start(), found[i].end());
        if start > scanned {
            let from = scanned;
            if let Some(p) = after_last_mark(marks, from, start, true, &mut hints[0]) {
                sentence = p;
            }
            scanned = start;
        }
        let clause_start = window_start(text, marks, start, &mut hints[1]);
        let clause = &text[clause_start..start];
        let change = change_before(doc, clause_start, start, &mut hints[2]);
        let same_sentence = prev.as_ref().filter(|p| p.0 == sentence);
        let joined = same_sentence.is_some_and(|p| text.get(p.1..start).is_some_and(joins_values));
        let is_classifier = match &found[i] {
            Fact::Number(n) => n.unit.as_deref().is_some_and(|u| CLASSIFIERS.contains(&u)),
            _ => false,
        };
        let subject = if joined {
            same_sentence.and_then(|p| p.2.clone())
        } else {
            let elected = ELECTED_TO.iter().any(|v| text[end..].starts_with(v));
            let after = if is_classifier || elected {
                phrase_after(&text[end..window_end(text, marks, end, &mut hints[3])])
            } else {
                None
            };
            let point = matches!(&found[i], Fact::Percentage(p) if p.point);
            after.map(Cow::Borrowed).or_else(|| match phrase_before(clause, point) {
                Before::Phrase(p) => Some(p),
                Before::Inherit => same_sentence.and_then(|p| p.2.clone()),
            })
        };
        if !joined {
            split_respectively(text, marks, found, &idx[run_from..k], history, run_from);
            run_from = k;
        }
        // A change word between two joined values is the second one's own (增长4.1%和下降2.3%).
        let change = if joined {
            change_before(doc, prev.as_ref().map_or(start, |p| p.1), start, &mut hints[2]).or(change)
        } else {
            change
        };
        if let Some((s, c)) = subject_and_change(&mut found[i]) {
            *s = subject.clone();
            *c = change;
        }
        history.push((sentence, subject.clone()));
        prev = Some((sentence, end, subject));
        if k + 1 == idx.len() {
            split_respectively(text, marks, found, &idx[run_from..], history, run_from);
        }
    }
}

/// `A、B分别占…25%、45%`: gives each value of the run its own subject.
///
/// When the clause with 分别 names no list (`其中出口2301亿元、进口1266亿元，分别增长4.1%和
/// 下降2.3%`), the values of the run take the subjects of as many values just before it in
/// the same sentence. `history` is `(sentence start, subject span)` of every value so far, the
/// run starting at `history[run_from]` (sentences are tracked by the caller, so that no
/// search reads back to the sentence start again).
fn split_respectively<'d>(
    text: &'d str,
    marks: &[ClauseMark],
    found: &mut [Fact<'d>],
    run: &[usize],
    history: &[(usize, Option<Subject<'d>>)],
    run_from: usize,
) {
    if run.len() < 2 {
        return;
    }
    let (before, sentence) = (&history[..run_from], history.get(run_from).map_or(0, |h| h.0));
    let first = found[run[0]].start();
    let clause = &text[window_start(text, marks, first, &mut 0)..first];
    // Both ways of handing out subjects need 分别 in the clause.
    let Some(at) = find_respectively(clause) else {
        return;
    };
    // `起数、死亡人数较“十三五”同期分别下降`: the comparand is no item.
    let items: Vec<Subject<'d>> = match respectively(before_comparison(&clause[..at])) {
        Some(items) => items.into_iter().map(Cow::Borrowed).collect(),
        None if before.len() >= run.len() => {
            let earlier = &before[before.len() - run.len()..];
            let subjects: Vec<Subject<'d>> = earlier
                .iter()
                .filter(|(s, _)| *s == sentence)
                .filter_map(|(_, subject)| subject.clone())
                .collect();
            let distinct = subjects.windows(2).all(|w| w[0] != w[1]);
            if subjects.len() != run.len() || !distinct {
                return;
            }
            subjects
        }
        None => return,
    };
    if items.len() != run.len() {
        return;
    }
    for (&i, item) in run.iter().zip(items) {
        if let Some((s, _)) = subject_and_change(&mut found[i]) {
            *s = Some(item);
        }
    }
}

#[cfg(test)]
mod tests {

    /// The byte patterns of `stop_tag` are the tags it names, among all of jieba's.
    #[test]
    fn stop_tags_are_the_named_tags() {
        let named = [
            "x", "p", "r", "c", "d", "t", "m", "uj", "ul", "uz", "ug", "uv", "ud", "u", "f", "y", "e", "o",
        ];
        let all = [
            "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l", "m", "mg",
            "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t",
            "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "z", "zg", "",
        ];
        for tag in all {
            assert_eq!(super::stop_tag(tag), named.contains(&tag), "{tag}");
        }
    }

    /// Segmenting a long clause's last 15 characters first finds what segmenting the
    /// whole clause (from its last lone mark) finds; the clauses longer than 25 characters
    /// after their last mark take the short window.
    #[test]
    fn the_short_window_finds_what_the_whole_clause_does() {
        use super::{phrase_before, phrase_before_in};
        use crate::segment::last_lone_mark;
        let clauses = [
            "在一系列稳增长政策措施的有力推动下全市规模以上工业增加值比上年",
            "全年全市居民消费价格指数在食品和能源价格上涨的带动下比上年",
            "其中规模以上高技术制造业和装备制造业增加值分别比上年",
            "全年新登记注册各类市场主体同比增长的同时全市个体工商户户数达到",
            "按照“稳中求进”的工作总基调，全区社会消费品零售总额比上年",
            "海门区财政民生支出占一般公共预算支出比重达",
            "城乡居民人均可支配收入预计分别增长",
            "全市规模以上工业企业实现营业收入",
        ];
        let mut short = 0;
        for clause in clauses {
            let from = last_lone_mark(clause).unwrap_or(0);
            short += usize::from(clause[from..].chars().count() > 25);
            assert_eq!(
                phrase_before(clause, false),
                phrase_before_in(clause, from, false).0,
                "{clause}"
            );
        }
        assert!(short >= 3, "too few clauses take the short window");
    }

    #[test]
    fn no_change_word_ends_another() {
        let all: Vec<&str> = super::UP.iter().chain(super::DOWN).copied().collect();
        for a in &all {
            for b in &all {
                assert!(a == b || !a.ends_with(b), "{b} ends {a}");
            }
        }
    }

    /// The change words read from the pass's marks are those the alternation regex of
    /// them finds (longest first).
    #[test]
    fn change_before_agrees_with_the_regex() {
        use super::{Change, DOWN, NEUTRAL, NO_CHANGE, UP, change_before};
        let mut words: Vec<&str> = [NO_CHANGE, NEUTRAL, UP, DOWN].concat();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let re = regex::Regex::new(&words.join("|")).unwrap();
        let oracle = |clause: &str| {
            re.find_iter(clause).fold(None, |best, m| match m.as_str() {
                "增加值" => best,
                w if NEUTRAL.contains(&w) => (m.end() < clause.len()).then_some(best).flatten(),
                w if UP.contains(&w) => Some(Change::Up),
                _ => Some(Change::Down),
            })
        };
        let pieces = [
            "增", "加", "值", "长", "下", "降", "幅", "减", "少", "多", "增速", "提高", "回落", "工业", "，", "收窄",
            "持平",
        ];
        let mut rng = crate::testing::Rng::new(0x0ddb_1a5e_5bad_5eed);
        for _ in 0..20_000 {
            let clause = rng.text(&pieces, 8);
            let got = crate::extract::with_doc(&clause, |doc| change_before(doc, 0, clause.len(), &mut 0));
            assert_eq!(got, oracle(&clause), "{clause}");
        }
    }
    use crate::{Change, Fact, extract};

    /// The subjects and changes of numbers and percentages, grouped by `(subject, change)`;
    /// in each sentence `[…]` marks the value's text.
    const EXAMPLES: &[((&str, Option<Change>), &[&str])] = &[
        // A percentage point of a comparison measures the rate, not the comparand.
        (
            ("工业增加值", Some(Change::Up)),
            &["全市工业增加值增长[6.5%]，增速比上年同期提高1.2个百分点"],
        ),
        (
            ("增速", Some(Change::Up)),
            &["全市工业增加值增长6.5%，增速比上年同期提高[1.2个百分点]"],
        ),
        (
            ("商品房销售面积", Some(Change::Down)),
            &["商品房销售面积下降[8%]，降幅较一季度收窄0.8个百分点"],
        ),
        (("降幅", None), &["商品房销售面积下降8%，降幅较一季度收窄[0.8个百分点]"]),
        // A pull on growth is measured whole.
        (
            ("拉动全省经济增长", Some(Change::Up)),
            &["工业投资拉动全省经济增长[1.5个百分点]"],
        ),
        // The part of a whole that achieves the value names it with the object.
        (
            ("第二产业增加值", None),
            &["第二产业实现增加值[1680亿元]，同比增长6.2%"],
        ),
        (
            ("第二产业增加值", Some(Change::Up)),
            &["第二产业实现增加值1680亿元，同比增长[6.2%]"],
        ),
        (("地区生产总值", None), &["全省实现地区生产总值（GDP）[5.2万亿元]"]),
        (
            ("规模以上工业增加值", Some(Change::Up)),
            &["全省规模以上工业增加值增长[7.1%]"],
        ),
        (("研发经费投入占比", None), &["研发经费投入占比达[2.8%]"]),
        (
            ("国家级专精特新企业", Some(Change::Up)),
            &["国家级专精特新企业新增[12家]"],
        ),
        (("高新技术企业", None), &["新认定高新技术企业[320家]、专精特新企业85家"]),
        (("专精特新企业", None), &["新认定高新技术企业320家、专精特新企业[85家]"]),
        (("乡镇", None), &["[12个]乡镇接通天然气管道"]),
        (("第三产业增加值", None), &["第三产业实现增加值[2100亿元]"]),
        // People counted by the title they were elected to.
        (("中国科学院院士", None), &["全省今年有[3人]当选中国科学院院士"]),
        // A parenthesis between the phrase and its verb; a comparison before 分别.
        (
            ("一般公共预算收入", Some(Change::Up)),
            &["一般公共预算收入（扣除留抵退税因素）增长[7.2%]"],
        ),
        (
            ("事故起数", Some(Change::Down)),
            &["事故起数、死亡人数较上年同期分别下降[12.5%]、8.3%"],
        ),
        (
            ("死亡人数", Some(Change::Down)),
            &["事故起数、死亡人数较上年同期分别下降12.5%、[8.3%]"],
        ),
        // A list of short names that opens the clause, before the phrase's head.
        (
            ("蔬菜、水果、食用菌产量", None),
            &["全年蔬菜、水果、食用菌产量[86.2万吨]"],
        ),
        // Nouns joined by 和 inside a phrase.
        (
            ("卫生和社会工作投资", Some(Change::Up)),
            &["卫生和社会工作投资增长[15.2%]"],
        ),
        (
            ("石油和天然气开采业增加值", None),
            &["石油和天然气开采业实现增加值[310亿元]"],
        ),
        // A quoted name that opens the phrase is part of it; inside a longer phrase the
        // head is taken.
        (("“专精特新”企业", None), &["新培育“专精特新”企业[56家]"]),
        (("民生实事项目", None), &["入选市“暖心惠民”民生实事项目[3个]"]),
        (
            ("省级“专精特新”中小企业", None),
            &["新培育[35家]省级“专精特新”中小企业"],
        ),
        (("猪肉零售价格", None), &["猪肉零售价格为每公斤[28元]"]),
        (("企业", None), &["[15家]企业上榜省百强榜单"]),
        (("重点项目", None), &["[32个]重点项目落地"]),
        (("工业项目总投资额", None), &["签约的8个工业项目总投资额[120亿元]"]),
        (("工业项目", None), &["签约的[8个]工业项目总投资额120亿元"]),
        (("规上工业应税销售", None), &["规上工业应税销售[突破1000亿元]"]),
        (("城镇登记失业率", None), &["城镇登记失业率[低于3%]"]),
        (
            ("应税销售", None),
            &["实现应税销售[1005.5亿元]，占全区工业应税销售的[84%]，增幅达到27.7%"],
        ),
        (
            ("应税销售", Some(Change::Up)),
            &["实现应税销售1005.5亿元，占全区工业应税销售的84%，增幅达到[27.7%]"],
        ),
        (
            ("地区生产总值", None),
            &["全年全省地区生产总值[122875.6亿元]，比上年增长2.8%"],
        ),
        (
            ("地区生产总值", Some(Change::Up)),
            &["全年全省地区生产总值122875.6亿元，比上年增长[2.8%]"],
        ),
        (("粮食总产量", None), &["全年粮食总产量[759.2亿斤]，比上年减少8.0亿斤"]),
        (
            ("粮食总产量", Some(Change::Down)),
            &["全年粮食总产量759.2亿斤，比上年减少[8.0亿斤]"],
        ),
        (
            ("城乡居民人均可支配收入", Some(Change::Up)),
            &["城乡居民人均可支配收入分别增长[5%]和[7%]"],
        ),
        (
            ("高新技术企业", None),
            &["高新技术企业、专精特新企业分别达到[1200家]、350家"],
        ),
        (
            ("专精特新企业", None),
            &["高新技术企业、专精特新企业分别达到1200家、[350家]"],
        ),
        (("公共停车位", Some(Change::Up)), &["新增公共停车位[2020个]"]),
        (("普通高校", None), &["全市共有普通高校[167所]"]),
        (("院士合作项目", None), &["引进[4个]院士合作项目"]),
        (("知名药企", None), &["汇集了[百余家]知名药企的园区"]),
        (("便捷通道", None), &["[两条]接轨上海、融入苏南的便捷通道在境内汇聚"]),
        (("燃气管道", None), &["更新燃气管道[26公里]"]),
        (("第一产业增加值", None), &["第一产业增加值[4959.4亿元]"]),
        (("工业用电量", Some(Change::Down)), &["工业用电量下降[3.5%]"]),
        (
            ("居民消费价格", Some(Change::Up)),
            &["全年居民消费价格比上年上涨[2.2%]"],
        ),
        (
            ("主要指标", None),
            &["规划确定的[27项]主要指标全部完成", "[27项]主要指标进展顺利"],
        ),
        (("城镇调查失业率", None), &["城镇调查失业率控制在[5%以内]"]),
        (
            ("食品烟酒类价格", Some(Change::Down)),
            &["其中食品烟酒类价格下降[0.8%]"],
        ),
    ];

    #[test]
    fn subjects_and_changes() {
        crate::testing::assert_corpus(crate::Kind::Number, EXAMPLES, &[], |sentence| {
            let leak = |s: Option<std::borrow::Cow<str>>| s.map_or("(none)", |s| crate::testing::leak(&s));
            extract(sentence)
                .into_iter()
                .filter_map(|f| match f {
                    Fact::Number(n) => Some((n.text.into_owned(), (leak(n.subject), n.change))),
                    Fact::Percentage(p) => Some((p.text.into_owned(), (leak(p.subject), p.change))),
                    _ => None,
                })
                .collect()
        });
    }
}
