//! Numbered policy formulas and the items the text enumerates for them.
//!
//! | form | example | parts |
//! | --- | --- | --- |
//! | quoted, one part | `“六项机制”`, `“七大行动”`, `“五个示范区”`, `“五个走在前列”` | `[[6,"机制"]]`, `[[7,"行动"]]`, `[[5,"示范区"]]`, `[[5,"走在前列"]]` |
//! | quoted, several parts | `“一示范四城市”`, `“三区三线”`, `“一群一策”`, `“一减一增”` | `[[1,"示范"],[4,"城市"]]` … |
//! | N大 + noun, unquoted | `六大重点片区建设` | `[[6,"重点片区"]]` |
//!
//! The forms are three named patterns (see [`super::pattern`]): `quoted` (a quoted text;
//! read by hand at each opening quote, for speed, the pattern its test oracle), `part` (a count, a classifier, a word; a quoted formula is
//! parts one after another) and `big` (an unquoted `N大` and the Han characters after it,
//! run at each 大), built from the tables `COUNT_CHARS` and `FORMULA_CLASSIFIERS`.
//!
//! Members, in order: the items before 等 (`建立经济运行双月例会等“六项机制”`), an
//! enumeration right before the formula whose length is its count
//! (`产业转型、跨江融合、…、区域社会治理“五个示范区”`), or the quoted items later in
//! the paragraph that end in each part's word (`“一示范四城市”…“现代化建设示范区”…“…城市”`),
//! when each part gets exactly its count; otherwise none.
//!
//! Not formulas: `N群M链` (a cluster_chain), `七大产业集群` and `两大千亿级产业集群` (the
//! clusters of a structure), `二十大` and other party congresses, `三年行动` (a duration),
//! counts of things (`6个老旧小区`).

use super::pattern::Pattern;
use super::{Claims, Doc, ceil_forward, floor_back, has_any, positions};
use crate::fact::{Fact, Formula};
use crate::numeral;
use crate::segment;
use std::borrow::Cow;

/// The characters this rule reads the positions of: opening quotes, and 大 of `七大行动`.
pub(crate) const TRIGGERS: &[char] = &['“', '‘', '”', '大'];

/// A formula counting the items of the list quoted at `s..e` (its inside), written right
/// after the closing quote: `“面积、单产、总产、效益”四增长` is `[[4, "增长"]]`, the
/// items its members.
fn counted_list(text: &str, s: usize, e: usize) -> Option<Fact<'_>> {
    let items: Vec<&str> = text[s..e].split('、').collect();
    let plain = |item: &&str| (1..=8).contains(&item.chars().count()) && item.chars().all(char::is_alphanumeric);
    if items.len() < 2 || !items.iter().all(plain) {
        return None;
    }
    let part = part_pattern().match_at(text, e + '”'.len_utf8())?;
    let n = count_value(part.group("count")?)?;
    // The word is the first word after the count (`四增长。`: 增长).
    let (word_start, word_end) = part.group_span("word")?;
    let word_len = segment::tag(&text[word_start..word_end]).first()?.text().len();
    let end = word_start + word_len;
    (n == items.len() as f64).then(|| {
        formula(
            s - '“'.len_utf8(),
            end,
            &[(n as u32, &text[word_start..end])],
            super::as_members(&items),
        )
    })
}

/// Units of time: `一小时交通圈` is a reach in time, no formula.
const DURATIONS: &[&str] = &["小时", "分钟", "天", "周", "月"];

/// Is `text` one idiom (`一往无前`: idioms of four characters that begin with a
/// numeral)?
fn is_idiom(text: &str) -> bool {
    text.chars().count() == 4 && matches!(&segment::tag(text)[..], [w] if w.tag() == "i")
}

/// Clusters and chains of an N群M链 structure, not formulas.
const STRUCTURE_WORDS: &[&str] = &["产业集群", "集群", "产业链"];

/// The characters of a formula's count (`一` … `十`, `两`).
const COUNT_CHARS: &str = "一二三四五六七八九十两";

/// Classifiers (and 大) between a formula's count and its word: `六项机制`, `七大行动`.
const FORMULA_CLASSIFIERS: &str = "个项大条种类张件批";

/// A quoted text (`“…”`, no quote mark inside) of 2 to 40 characters: the formulas are
/// among them, and the items of their members.
#[cfg(test)]
fn quoted_pattern() -> &'static Pattern {
    pattern!("quoted", r"“[^“”]{2,40}”")
}

/// A part of a formula: its count, an optional classifier, and a word of up to six
/// characters that runs to the next count (`三区`, `六项机制`, `五个走在前列`).
fn part_pattern() -> &'static Pattern {
    pattern!(
        "part",
        format!(
            "(?P<count>[{COUNT_CHARS}]+)(?P<classifier>[{FORMULA_CLASSIFIERS}])?(?P<word>[^{COUNT_CHARS}、，。年]{{1,6}})"
        )
    )
}

/// An unquoted `N大` formula: a count of one or two characters, 大, and the up to eight
/// Han characters after it (`六大重点片区建设`), whose nouns are the formula's word.
fn big_pattern() -> &'static Pattern {
    pattern!(
        "big",
        format!(r"(?P<count>[{COUNT_CHARS}]{{1,2}})大(?P<tail>[\u{{4e00}}-\u{{9fff}}]{{2,8}})")
    )
}

/// Is `c` a character of a formula's count?
fn is_count_char(c: char) -> bool {
    COUNT_CHARS.chars().any(|count| count == c)
}

/// The quoted texts of `text` (see [`quoted_pattern`]) as the byte spans of their
/// insides, leftmost first, not overlapping.
#[cfg(test)]
pub(crate) fn quoted(text: &str) -> Vec<(usize, usize)> {
    quoted_at(text, text.match_indices('“').map(|(i, _)| i))
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// `quoted`, given the offsets of the opening quote marks of `text`, in order; also the
/// number of characters of each. Whether an opening mark starts a quoted text depends
/// only on the text up to the next quote mark, none of which a quoted text holds: the
/// quoted texts of a part of `text` are those of `text` that lie inside it.
///
/// Written by hand, [`quoted_pattern`] its test oracle: run at each opening quote, the
/// pattern cost about 2% of extraction's instructions on the throughput example (a report
/// quotes much), this reading of the bytes a third of that (callgrind, session 9).
fn quoted_at<'t>(
    text: &'t str,
    opens: impl Iterator<Item = usize> + 't,
) -> impl Iterator<Item = (usize, usize, usize)> + 't {
    quoted_in(text, opens, DOUBLE_QUOTES)
}

/// The last bytes of a pair of quote marks (both are E2 80 xx): “ ” and ‘ ’.
const DOUBLE_QUOTES: (u8, u8) = (0x9C, 0x9D);
const SINGLE_QUOTES: (u8, u8) = (0x98, 0x99);

/// [`quoted_at`] for the quote marks `(open, close)`.
fn quoted_in<'t>(
    text: &'t str,
    opens: impl Iterator<Item = usize> + 't,
    (open_mark, close_mark): (u8, u8),
) -> impl Iterator<Item = (usize, usize, usize)> + 't {
    const MIN: usize = 2;
    const MAX: usize = 40;
    let mut pos = 0;
    opens.filter_map(move |open| {
        if open < pos {
            return None;
        }
        let inner = open + '“'.len_utf8();
        pos = inner;
        // Read by bytes, a character at a time: “ is E2 80 9C and ” is E2 80 9D (‘ ’: 98, 99).
        let bytes = text.as_bytes();
        let mut count = 0;
        let mut i = inner;
        while let Some(&b) = bytes.get(i) {
            if b == 0xE2
                && bytes.get(i + 1) == Some(&0x80)
                && bytes.get(i + 2).is_some_and(|&m| m == open_mark || m == close_mark)
            {
                if bytes[i + 2] == close_mark && count >= MIN {
                    pos = i + '”'.len_utf8();
                    return Some((inner, i, count));
                }
                break;
            }
            if count == MAX {
                break;
            }
            count += 1;
            // The length of the character from its first byte, without a branch.
            i += 1 + usize::from(b >= 0xC0) + usize::from(b >= 0xE0) + usize::from(b >= 0xF0);
        }
        None
    })
}

/// The value of a formula's count: one character read directly (the common case), more
/// by the numeral reader.
fn count_value(count: &str) -> Option<f64> {
    let mut chars = count.chars();
    match (chars.next(), chars.next()) {
        (Some('十'), None) => Some(10.0),
        (Some(c), None) => numeral::chinese_digit(c).or_else(|| numeral::parse(count).ok()),
        _ => numeral::parse(count).ok(),
    }
}

/// The `[count, word]` parts of a formula written `text`, if the whole of it is parts
/// ([`part_pattern`], one after another) with counts of 1 to 20.
fn parts(text: &str) -> Option<Vec<(u32, &str)>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let part = part_pattern().match_at(text, at)?;
        let (Some(count), Some(word)) = (part.group("count"), part.group("word")) else {
            return None;
        };
        // A classifier alone is no word (`三个`).
        if part.group("classifier").is_none() && FORMULA_CLASSIFIERS.contains(word) {
            return None;
        }
        let n = count_value(count)?;
        if n.fract() != 0.0 || !(1.0..=20.0).contains(&n) {
            return None;
        }
        out.push((n as u32, word));
        at = part.end();
        // `一减一增、一城一环、四化四园`: formulas listed in one quote are one formula.
        if text[at..].starts_with('、') && text[at + '、'.len_utf8()..].starts_with(is_count_char) {
            at += '、'.len_utf8();
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `六大重点片区` at the 大 at byte `at` ([`big_pattern`], from the count before it): the
/// count's start and text, and the Han characters after 大.
fn big_at(text: &str, at: usize) -> Option<(usize, &str, &str)> {
    let count_len: usize = text[..at]
        .chars()
        .rev()
        .take(2)
        .take_while(|c| is_count_char(*c))
        .map(char::len_utf8)
        .sum();
    let start = at - count_len;
    let end = big_pattern().end_at(text, start)?;
    Some((start, &text[start..at], &text[at + "大".len()..end]))
}

/// Finds the formulas of `doc`.
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, _claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let text = doc.text;
    // Quoted formulas need “, unquoted ones 大.
    if !has_any(doc, TRIGGERS) {
        return;
    }
    // The quoted formulas are among the quoted texts of at most 15 characters that start
    // with a count; the quoted items of their members are among all the quoted texts, read
    // only when there is a formula (a report quotes much, and few quotes are formulas).
    let opens_a_count = |&open: &usize| text[open + '“'.len_utf8()..].starts_with(is_count_char);
    let formulas = quoted_at(text, positions(doc, '“').filter(opens_a_count)).chain(quoted_in(
        text,
        positions(doc, '‘').filter(opens_a_count),
        SINGLE_QUOTES,
    ));
    let quotes = std::cell::OnceCell::new();
    let all_quotes = || -> &[(usize, usize, usize)] {
        quotes.get_or_init(|| quoted_at(text, positions(doc, '“')).collect::<Vec<_>>())
    };
    let from = out.len();
    for (s, e, _) in formulas.filter(|&(_, _, count)| count <= 15) {
        let Some(ps) = parts(&text[s..e]) else { continue };
        if (ps.len() == 1 && is_idiom(&text[s..e]))
            || ps.iter().any(|(_, w)| DURATIONS.iter().any(|d| w.starts_with(d)))
        {
            continue;
        }
        let has_word = |word: &str| ps.iter().any(|(_, w)| *w == word);
        if ps.iter().any(|(_, w)| STRUCTURE_WORDS.iter().any(|s| w.ends_with(s)))
            || (ps.len() == 2 && has_word("群") && has_word("链") && ps.iter().any(|(n, _)| *n > 1))
        {
            continue;
        }
        let members = members(doc, s - "“".len(), e + "”".len(), &ps, all_quotes());
        out.push(formula(s, e, &ps, members));
    }
    // `“面积、单产、总产、效益”四增长`: a quoted list of N items, counted right after it.
    if positions(doc, '”').any(|i| text[i + '”'.len_utf8()..].starts_with(is_count_char)) {
        for &(s, e, _) in all_quotes() {
            if let Some(f) = counted_list(text, s, e) {
                out.push(f);
            }
        }
    }
    // The quoted formulas are in order and apart; so are the unquoted ones, found in order.
    // A count inside either (or right after a closing quote) starts no formula.
    let quoted_end = out.len();
    let covers = |f: &Fact, start: usize| f.start() <= start && start < f.end() + "”".len();
    for at in positions(doc, '大') {
        let Some((start, count, tail)) = big_at(text, at) else {
            continue;
        };
        let before = from + out[from..quoted_end].partition_point(|f| f.start() <= start);
        let in_quoted = before > from && covers(&out[before - 1], start);
        let in_unquoted = out.len() > quoted_end && out.last().is_some_and(|f| covers(f, start));
        if in_quoted || in_unquoted {
            continue;
        }
        let Some(n) = count_value(count) else { continue };
        // Party congresses (十九大, 二十大) are no formulas; N is small in formulas; `十大…`
        // names a list of ten (十大文化品牌, 十大魅力乡镇).
        if n.fract() != 0.0 || !(2.0..=12.0).contains(&n) || n == 10.0 || text[..start].ends_with(['十', '第']) {
            continue;
        }
        // The clusters of a structure (七大产业集群, 两大千亿级产业集群) are no formulas.
        if STRUCTURE_WORDS.iter().any(|s| tail.contains(s)) || tail.contains('级') {
            continue;
        }
        // The noun: the words after 大 up to the first verb-like word or particle.
        let words = segment::tag(tail);
        let mut noun_end = 0;
        for w in &words {
            if !matches!(w.tag(), "n" | "nz" | "ns" | "nt" | "b" | "j" | "nr") {
                break;
            }
            noun_end = w.end();
        }
        let noun = &tail[..noun_end];
        if noun.chars().count() < 2 {
            continue;
        }
        let s = start;
        let e = at + "大".len() + noun.len();
        out.push(formula(s, e, &[(n as u32, noun)], Vec::new()));
    }
    out[from..].sort_by_key(|f| f.start());
}

fn formula<'d>(start: usize, end: usize, parts: &[(u32, &'d str)], members: Vec<Cow<'d, str>>) -> Fact<'d> {
    Fact::Formula(Formula {
        text: Cow::Borrowed(""),
        start,
        end,
        parts: parts.iter().map(|&(n, w)| (n, Cow::Borrowed(w))).collect(),
        members,
    })
}

/// The items the text enumerates for the formula quoted at `open..close`; `quotes` are the
/// quoted texts of 2 to 40 characters of `text`.
fn members<'d>(
    doc: &Doc<'d, '_>,
    open: usize,
    close: usize,
    parts: &[(u32, &str)],
    quotes: &[(usize, usize, usize)],
) -> Vec<Cow<'d, str>> {
    let text = doc.text;
    let total: u32 = parts.iter().map(|(n, _)| n).sum();
    // `A、B等“N项机制”`: the items before 等, listed by example (their number may be less).
    if let Some(head) = text[..open].strip_suffix('等') {
        let items = list_before(head);
        if !items.is_empty() && items.len() as u32 <= total {
            return super::as_members(&items);
        }
    }
    // `A、B、C、D、E“五个示范区”`: a list of exactly the count right before.
    let items = list_before(&text[..open]);
    if items.len() as u32 == total && total > 1 {
        return super::as_members(&items);
    }
    // `“三大攻坚”：A、B、C` or `…，即A、B和C`: a list of exactly the count right after.
    let items = list_after(text, close);
    if items.len() as u32 == total && total > 1 {
        return super::as_members(&items);
    }
    // Quoted items later in the paragraph, each ending in a part's word.
    // The paragraph after the formula, read for at most 300 characters.
    let para_end = super::stretch_end(doc, close, &['\n']);
    let mut per_part: Vec<Vec<&str>> = vec![Vec::new(); parts.len()];
    // The quoted texts that lie in the paragraph, closing mark included.
    let first = quotes.partition_point(|q| q.0 < close);
    let in_paragraph = quotes[first..].iter().take_while(|q| q.1 + '”'.len_utf8() <= para_end);
    for &(s, e, _) in in_paragraph {
        let item = &text[s..e];
        if item.starts_with(is_count_char) {
            continue;
        }
        for (i, (n, word)) in parts.iter().enumerate() {
            let fits = word.chars().count() >= 2
                && (item.ends_with(word) || item.strip_suffix(|_: char| true).is_some_and(|h| h.ends_with(word)));
            if fits && per_part[i].len() < *n as usize {
                per_part[i].push(item);
                break;
            }
        }
    }
    if parts
        .iter()
        .zip(&per_part)
        .all(|((n, _), got)| got.len() == *n as usize)
    {
        return super::as_members(&per_part.concat());
    }
    Vec::new()
}

/// The 、-list that ends at the end of `head`; the first item's left edge is the last verb.
pub(crate) fn list_before(head: &str) -> Vec<&str> {
    // An enumeration of a formula's items is short: at most 80 characters back.
    let from = floor_back(head, head.len(), 240);
    let head = &head[from..];
    let clause_start = head
        .rfind(['，', '。', '；', '：', '”', '\n'])
        .map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
    let clause = &head[clause_start..];
    if clause.is_empty() {
        return Vec::new();
    }
    let mut items: Vec<&str> = clause.split('、').collect();
    // The first item starts after the clause's verb: `建立经济运行双月例会`.
    if let Some(first) = items.first_mut() {
        let words = segment::tag(first);
        let mut start = 0;
        for w in words.iter().rev() {
            if word_set!(GOVERNING).contains(w.text()) || matches!(w.tag(), "p" | "c" | "r" | "d" | "uj") {
                start = w.end();
                break;
            }
        }
        *first = &first[start..];
    }
    if items.iter().any(|i| i.is_empty() || i.chars().count() > 16) {
        return Vec::new();
    }
    items
}

/// Words that introduce a formula's items after it: `“三大攻坚”：…`, `，即…`.
const INTRODUCERS: &[&str] = &["：", ":", "，即", "即", "，包括", "，分别是", "，分别为", "（", "("];

/// The 、-list that follows the formula ending at `close`, after an introducer, up to the
/// end of the sentence (or the closing bracket), at most 80 characters.
fn list_after(text: &str, close: usize) -> Vec<&str> {
    let rest = &text[close..ceil_forward(text, close, 240)];
    let Some(intro) = INTRODUCERS.iter().find(|w| rest.starts_with(**w)) else {
        return Vec::new();
    };
    let body = &rest[intro.len()..];
    let end = body.find(['。', '；', '）', ')', '\n', '，']).unwrap_or(body.len());
    let body = &body[..end];
    let mut items: Vec<&str> = body.split('、').map(|i| i.trim_matches(['“', '”'])).collect();
    super::split_last_pair(&mut items);
    if items.iter().any(|i| i.is_empty() || i.chars().count() > 16) {
        return Vec::new();
    }
    items
}

/// Verbs that take a formula's items as objects: `建立…等“六项机制”`, `实施…等“七大行动”`.
pub(crate) const GOVERNING: &[&str] = &[
    "建立", "实施", "推进", "推动", "开展", "打造", "建设", "构建", "深化", "落实", "完善", "健全", "强化", "拓展",
    "丰富", "聚焦", "围绕", "突出", "抓好", "做好", "加快", "加强", "启动", "出台", "制定", "坚持", "实行", "形成",
    "培育", "做强", "做大", "做优", "壮大", "发展", "提升",
];

#[cfg(test)]
mod tests {
    use crate::{Fact, Formula};

    fn formulas(text: &str) -> Vec<Formula<'_>> {
        crate::extract::facts_of(text, |f| match f {
            Fact::Formula(x) => Some(x),
            _ => None,
        })
    }

    #[test]
    fn count_values_agree_with_the_numeral_reader() {
        for c in [
            "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十二", "二十",
        ] {
            assert_eq!(super::count_value(c), crate::numeral::parse(c).ok(), "{c}");
        }
    }

    #[test]
    fn quoted_texts_agree_with_a_scan_of_the_whole_text() {
        let pattern = super::quoted_pattern();
        // Characters of every UTF-8 length, E2 80 xx characters near the quote marks, and
        // pieces long enough to pass the 40 characters.
        let pieces = [
            "“",
            "”",
            "三",
            "大",
            "行动",
            "，",
            "\n",
            "A",
            "é",
            "😀",
            "—",
            "‘",
            "’",
            "城市更新行动",
            "产业转型升级示范区建设",
        ];
        let mut rng = crate::testing::Rng::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 14);
            // The pattern tried at every character, leftmost first, not overlapping.
            let mut want: Vec<(usize, usize)> = Vec::new();
            for (i, _) in text.char_indices() {
                if want.last().is_none_or(|&(_, e)| i > e)
                    && let Some(end) = pattern.end_at(&text, i)
                {
                    want.push((i + '“'.len_utf8(), end - '”'.len_utf8()));
                }
            }
            assert_eq!(super::quoted(&text), want, "{text:?}");
            // The quoted texts of a part are the text's quoted texts inside it.
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (a, b) = (bounds[rng.below(bounds.len())], bounds[rng.below(bounds.len())]);
            let (a, b) = (a.min(b), a.max(b));
            let part: Vec<(usize, usize)> = super::quoted(&text[a..b])
                .into_iter()
                .map(|(s, e)| (a + s, a + e))
                .collect();
            let inside: Vec<(usize, usize)> = want
                .iter()
                .copied()
                .filter(|&(s, e)| s >= a + 3 && e + 3 <= b)
                .collect();
            assert_eq!(part, inside, "{:?} in {text:?}", &text[a..b]);
        }
    }

    /// The parts of a formula, `[(count, word)]`.
    type Parts = &'static [(u32, &'static str)];

    /// Formulas grouped by their parts; in each sentence `[…]` marks the formula's text.
    const EXAMPLES: &[(Parts, &[&str])] = &[
        (&[(6, "机制")], &["建立经济运行双月例会等“[六项机制]”"]),
        (&[(7, "行动")], &["实施产业强链等“[七大行动]”"]),
        (&[(3, "区"), (3, "线")], &["“[三区三线]”划定圆满完成"]),
        (&[(1, "群"), (1, "策")], &["实施优势产业集群“[一群一策]”"]),
        (&[(5, "走在前列")], &["全力实现“[五个走在前列]”"]),
        (&[(1, "减"), (1, "增")], &["推动财政支出“[一减一增]”"]),
        (&[(6, "重点片区")], &["启动实施城市更新三年行动和[六大重点片区]建设"]),
        (&[(8, "工程")], &["深入实施“[八大工程]”"]),
        // Formulas listed in one quote are one formula; single quotes quote too.
        (
            &[(1, "控"), (2, "减"), (3, "基本")],
            &["全面推进“[一控两减、三基本]”行动"],
        ),
        (&[(2, "毫不动摇")], &["始终坚持‘[两个毫不动摇]’"]),
        // A quoted list counted right after it.
        (&[(3, "提升")], &["全年实现[“质量、效益、规模”三提升]。"]),
    ];

    /// Sentences with no formula in them.
    const NEGATIVE: &[&str] = &[
        "打造“7群12链”",
        "七大产业集群已聚集",
        "两大千亿级产业集群",
        "党的二十大精神",
        "城市更新三年行动",
        "改造6个老旧小区",
        "“零就业”家庭动态清零",
        "推动“两个”转变",
        "一批“三大”企业",
        // An idiom that begins with a numeral, a reach in time, a list of ten.
        "雷军发表了主题为“一往无前”的演讲",
        "全面融入省会“一小时交通圈”",
        "打造十大文化品牌",
    ];

    /// Formulas grouped by their members (the items the text gives for them); in each
    /// sentence `[…]` marks the formula's text.
    const MEMBERS: &[(&[&str], &[&str])] = &[
        (&["质量", "效益", "规模"], &["全年实现[“质量、效益、规模”三提升]。"]),
        (&["经济运行双月例会"], &["建立经济运行双月例会等“[六项机制]”"]),
        (
            &["产业转型", "跨江融合", "城乡融合", "共同富裕", "区域社会治理"],
            &["丰富拓展产业转型、跨江融合、城乡融合、共同富裕、区域社会治理“[五个示范区]”的奋斗目标"],
        ),
        (
            &["生态文明示范区", "创新城市", "开放城市"],
            &["打造“[一示范两城市]”。坚持打造“生态文明示范区”，建设“创新城市”“开放城市”。"],
        ),
        // Only one city is named: no members.
        (&[], &["打造“[一示范两城市]”。坚持打造“生态文明示范区”。"]),
        (
            &["防范化解重大风险", "精准脱贫", "污染防治"],
            &["打好“[三大攻坚战]”：防范化解重大风险、精准脱贫、污染防治。"],
        ),
        (
            &["毫不动摇巩固公有制经济", "毫不动摇鼓励非公有制经济发展"],
            &["落实“[两个毫不动摇]”，即毫不动摇巩固公有制经济和毫不动摇鼓励非公有制经济发展。"],
        ),
    ];

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::Formula, EXAMPLES, NEGATIVE, |sentence| {
            formulas(sentence)
                .into_iter()
                .map(|f| {
                    let parts: Vec<(u32, &'static str)> =
                        f.parts.iter().map(|(n, w)| (*n, crate::testing::leak(w))).collect();
                    (f.text.into_owned(), &*Vec::leak(parts))
                })
                .collect()
        });
    }

    #[test]
    fn members_examples() {
        crate::testing::assert_corpus(crate::Kind::Formula, MEMBERS, &[], |sentence| {
            formulas(sentence)
                .into_iter()
                .map(|f| {
                    let members: Vec<&'static str> = f.members.iter().map(|m| crate::testing::leak(m)).collect();
                    (f.text.into_owned(), &*Vec::leak(members))
                })
                .collect()
        });
    }
}
