//! Enterprises: registered company names.
//!
//! A name is a body, an optional bracketed region or note (`（南通）`, `(集团)`), and a
//! legal-form ending (有限公司, 股份有限公司, 有限责任公司, 集团有限公司, 集团公司,
//! 股份公司, 有限合伙). The ending is found by the vocabulary's one pass over the text
//! ([`super::vocabulary`]); the left edge by the segmentation
//! of the clause before it, walking back over the words of the name and stopping at a
//! verb, a preposition, a particle (`位于临江新区的`), punctuation or another name.
//!
//! | sentence | name |
//! | --- | --- |
//! | `位于海门港新区的中天钢铁集团（南通）有限公司作为…` | `中天钢铁集团（南通）有限公司` |
//! | `成功引进江苏恒瑞医药股份有限公司` | `江苏恒瑞医药股份有限公司` |
//! | `与腾讯科技（深圳）有限公司签约` | `腾讯科技（深圳）有限公司` |
//!
//! Government bodies, schools, hospitals, media and programmes end in none of these forms
//! and are never names: `工信部`, `省生产力促进中心`, `央视`.

use super::vocabulary::{Mark, MarkTable, marks_of};
use super::{Claims, Doc, char_at};
use crate::fact::{Enterprise, Fact};
use crate::segment;
use std::borrow::Cow;

/// Legal-form endings (a [`crate::Lexicon`] adds to them).
pub(crate) const LEGAL_FORMS: &[&str] = &[
    "集团股份有限公司",
    "集团有限责任公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "股份公司",
    "有限合伙",
];

/// Words of a name's trade or line of business that the segmenter tags as verbs:
/// `华为投资控股有限公司`, `南京中成新照明科技有限公司`.
const NAME_VERBS: &[&str] = &[
    "控股", "投资", "发展", "照明", "开发", "建设", "制造", "设计", "咨询", "管理", "服务", "贸易", "研究", "生产",
    "运输", "物流", "置业", "经营", "创业", "印刷", "装饰", "种植", "养殖",
];

/// Word tags that end a name on its left: verbs, prepositions, conjunctions, particles,
/// adverbs, pronouns, time words.
fn stops_name(tag: &str, word: &str) -> bool {
    if NAME_VERBS.contains(&word) {
        return false;
    }
    // jieba tags some name bodies as time words (中天); only real ones stop a name.
    let time_word = tag == "t" && word.contains(['年', '月', '日', '今', '前', '后', '时', '近', '期', '初', '底']);
    time_word
        || matches!(
            tag,
            "v" | "vd" | "vi" | "p" | "c" | "uj" | "ul" | "uz" | "ug" | "uv" | "ud" | "d" | "r" | "y" | "e"
        )
        || matches!(
            word,
            "的" | "和" | "与" | "及" | "等" | "是" | "为" | "在" | "由" | "对" | "将" | "把" | "被" | "向" | "从"
        )
}

/// How far left of the ending the name may reach, in bytes (about 30 characters).
const MAX_NAME_BYTES: usize = 90;

/// Finds the enterprises of `doc`: a name before each legal-form ending that the
/// vocabulary's one pass found (the longest of those that start leftmost).
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, _claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let text = doc.text;
    let mut last_end = 0;
    let endings = marks_of(doc.marks, MarkTable::EnterpriseEnding);
    for &Mark {
        start: form_start, end, ..
    } in endings
    {
        if form_start < last_end {
            continue;
        }
        if let Some(start) = left_edge(text, form_start, last_end) {
            let end = right_edge(text, form_start, end);
            let name = Cow::Borrowed(&text[start..end]);
            out.push(Fact::Enterprise(Enterprise {
                text: Cow::Borrowed(""),
                start,
                end,
                name,
            }));
            last_end = end;
        }
    }
}

/// Branch suffixes after a legal form: `中国银行股份有限公司南通分行`.
const BRANCHES: &[&str] = &["分公司", "分行", "支行", "分厂"];

/// The end of the name whose legal form spans `form_start..end`: past the closing bracket
/// of `（有限合伙）`, and past a branch (`南通分行`, at most six characters of place).
fn right_edge(text: &str, form_start: usize, end: usize) -> usize {
    let bracketed = matches!(super::char_before(text, form_start), Some('（' | '('));
    if bracketed && let Some(c @ ('）' | ')')) = char_at(text, end) {
        return end + c.len_utf8();
    }
    let mut at = end;
    for _ in 0..6 {
        if let Some(b) = BRANCHES.iter().find(|b| text[at..].starts_with(**b)) {
            return at + b.len();
        }
        match char_at(text, at) {
            Some(c) if super::is_han(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// The start of the name whose legal form starts at `form_start`, not before `floor`.
fn left_edge(text: &str, form_start: usize, floor: usize) -> Option<usize> {
    // The clause before the ending: back to punctuation, at most MAX_NAME_BYTES.
    let mut clause_start = form_start;
    let mut depth = 0i32;
    for (i, c) in text[floor..form_start].char_indices().rev() {
        let i = floor + i;
        if form_start - i > MAX_NAME_BYTES {
            break;
        }
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' if depth > 0 => depth -= 1,
            _ if depth == 0 && (c.is_whitespace() || is_punct(c)) => break,
            _ => {}
        }
        clause_start = i;
    }
    if clause_start >= form_start {
        return None;
    }
    let words = segment::tag(&text[clause_start..form_start]);
    let mut start = form_start;
    let mut depth = 0i32;
    for w in words.iter().rev() {
        let in_brackets = depth > 0 || matches!(w.text(), "）" | ")");
        match w.text() {
            "）" | ")" => depth += 1,
            "（" | "(" => depth -= 1,
            _ => {}
        }
        if !in_brackets && stops_name(w.tag(), w.text()) {
            break;
        }
        start = clause_start + w.start();
    }
    // A parent group written right before its subsidiary's full name, which opens with a
    // place and has a body of its own: `公元集团重庆永高塑业发展有限公司` names
    // 重庆永高塑业发展有限公司 (`中国移动通信集团江苏有限公司` is one name).
    let first = words.partition_point(|w| clause_start + w.start() < start);
    if let Some(k) = (first..words.len().saturating_sub(2)).find(|&k| {
        words[k].text().ends_with("集团")
            && words[k + 1].tag() == "ns"
            && words[k + 2..].iter().any(|w| w.tag() != "ns")
    }) {
        start = clause_start + words[k + 1].start();
    }
    // A name has a body before its brackets: at least two characters.
    let body = &text[start..form_start];
    let body_chars = body.chars().take_while(|c| !matches!(c, '（' | '(')).count();
    (body_chars >= 2 && !body.starts_with(['（', '('])).then_some(start)
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '…'
            | '·'
            | '—'
    )
}

#[cfg(test)]
mod tests {
    use crate::Fact;

    /// Company names, in each sentence marked `[…]` (a name's value is its text).
    const EXAMPLES: &[((), &[&str])] = &[(
        (),
        &[
            // Words of the trade that the segmenter tags as verbs.
            "由[浙江交通投资集团有限公司]承建",
            "[深圳市投资控股有限公司]完成增资",
            // A parent group before its subsidiary's full name.
            "美的集团[佛山市顺德区美的电热电器制造有限公司]入选名单",
            "位于海门港新区的[中天钢铁集团（南通）有限公司]作为南通市唯一的揭榜企业",
            "位于临江新区的[澳斯康生物（南通）股份有限公司]成功入选",
            "成功引进[江苏恒瑞医药股份有限公司]",
            "区政府与[腾讯科技（深圳）有限公司]签约",
            "[三一重工股份有限公司]、[南通中远海运川崎船舶工程有限公司]入选名单",
            "[苏州创元投资发展(集团)有限公司]完成增资",
            "[国家电网有限公司]加大投资",
            "[江苏中天科技股份有限公司]等龙头企业项目落户",
            "由[中国石油天然气集团公司]承建",
            "市政府与[南通海晟闽信创业投资合伙企业（有限合伙）]签署合作协议",
            "[中国银行股份有限公司南通分行]向企业发放贷款",
            "[中国移动通信集团江苏有限公司]与我市签约",
        ],
    )];

    const NEGATIVE: &[&str] = &[
        "工信部、国家发展和改革委员会、财政部联合公示",
        "省生产力促进中心发布评估结果",
        "三度登上央视新闻联播",
        "成立有限公司",
        "江苏省人民医院和南京大学附属中学",
    ];

    fn names(text: &str) -> Vec<(String, ())> {
        crate::extract::facts_of(text, |f| match f {
            Fact::Enterprise(e) => Some((e.name.into_owned(), ())),
            _ => None,
        })
    }

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::Enterprise, EXAMPLES, NEGATIVE, names);
    }
}
