//! Rankings: a place in an order.
//!
//! | form | example | scope, rank, tier, shift, list |
//! | --- | --- | --- |
//! | scope + ordinal | `全市第一`, `全省第8位`, `全国第三名`, `长三角第3位` | 全市 1, 全省 8, 全国 3, 长三角 3 |
//! | scope + 榜首 / 首位 | `列全市榜首`, `居全省首位` | 全市 1, 全省 1 |
//! | place after 排名 | `在全省排名第5位` | 全省 5 |
//! | named list | `名列“全国市辖区高质量发展百强”第14位` | list 全国市辖区高质量发展百强, rank 14 |
//! | places sharing the list | `…第14位、全省第8位` | the second keeps the list |
//! | echelon | `全市第一方阵`, `第二梯队` | tier 1, tier 2 |
//! | move | `“中国工业百强区”排名前移2位`, `上升3位`, `后退1位` | shift 2, 3, -1 |
//! | list position | `No.1` (in the list the text last named, `“最受赞赏的中国公司”榜单`), `全国TOP10` | rank 1, list; 全国 10 |
//!
//! Not rankings: an ordinal that places nothing (`第一个千亿级项目`, `第二十大`,
//! `第一门户城市`, `第三产业`), `二十大`.

use super::pattern::Pattern;
use super::vocabulary::{Mark, MarkTable, marks_of};
use super::{Claims, Doc, WordSet, char_at, floor_back, is_han};
use crate::fact::{Fact, Ranking};
use crate::numeral;
use crate::segment;
use std::borrow::Cow;

/// Fields of comparison written before the place: `全市第一`, `省内第3` (a
/// [`crate::Lexicon`] adds to them).
pub(crate) const SCOPES: &[&str] = &[
    "全市",
    "全省",
    "全国",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全旗",
    "全镇",
    "全球",
    "全世界",
    "世界",
    "全行业",
    "全网",
    "省内",
    "市内",
    "国内",
    "区内",
    "县内",
    "全省同类",
    "全国同类",
    "同类",
    "同级",
    "长三角",
    "珠三角",
    "京津冀",
    "苏南",
    "苏中",
    "苏北",
    "中西部",
    "东部",
    "中部",
    "西部",
    "沿海",
    "沿江",
    "成渝",
    "粤港澳大湾区",
    "大湾区",
    "华东",
    "华北",
    "华南",
    "华中",
    "东北",
    "长江经济带",
    "黄河流域",
];

/// Words between a scope and its place: `全省排名第5位`, `全国排在第3`.
const SCOPE_LINKS: &[&str] = &["排名", "排在", "排名在", "排", "位列", "排行", "位次"];

/// Verbs that place what follows without a scope: `排名第14位`, `位列第3`.
const PLACING_VERBS: &[&str] = &[
    "排名",
    "排在",
    "排名在",
    "位列",
    "名列",
    "位居",
    "居",
    "列",
    "排",
    "排行",
    "位次为",
    "位次",
];

/// After a named list, before its place: `“百强区”第18位`, `“百强区”排名第18位`, `榜单中`.
const LIST_LINKS: &[&str] = &[
    "",
    "排名",
    "排行榜",
    "榜单",
    "榜",
    "中",
    "中排名",
    "中名列",
    "名列",
    "位列",
    "居",
    // `入选“…百强”，排名第46位`: the place follows the list after a comma.
    "，排名",
    "，位列",
    "，名列",
    "，居",
];

/// Echelon words after an ordinal: `第一方阵`, `第二梯队`.
const TIERS: &[&str] = &["方阵", "梯队", "档次", "阵营", "等次"];

/// Characters that may follow a place without making the ordinal part of a noun
/// (`全市第一的` is a place, `第一门户城市` is not).
fn ends_place(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) if !is_han(c) => true,
        Some(c) => "的和与及并且也又，、。；".contains(c),
    }
}

/// A match of one of the ranking patterns: its span, its number and its suffix word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RankMatch<'t> {
    start: usize,
    end: usize,
    /// The verb of a move (`前移`), empty for an ordinal.
    verb: &'t str,
    number: &'t str,
    suffix: Option<&'t str>,
}

/// The words after an ordinal's number: a place (`位`, `名`) or a tier.
const ORDINAL_SUFFIXES: &[&str] = &["位", "名", "方阵", "梯队", "档次", "阵营", "等次"];

/// Where an ordinal starts: the vocabulary's pass marks it.
pub(crate) const ORDINAL_STARTS: &[&str] = &["第"];

/// First place, in a word.
pub(crate) const TOPS: &[&str] = &["榜首", "首位"];

/// The verbs of a move.
pub(crate) const SHIFT_VERBS: &[&str] = &[
    "前移", "上升", "提升", "上移", "前进", "跃升", "跃居", "提高", "后退", "下降", "后移", "下滑", "回落", "下移",
];

/// `第N`, `第N位`, `第N名`, or a tier `第N方阵`, at each 第 the pass marked.
fn ordinals<'t>(text: &'t str, marks: &'t [Mark]) -> impl Iterator<Item = RankMatch<'t>> + 't {
    let ordinal = pattern!(
        "ordinal",
        format!(
            "第(?P<number>[0-9０-９]+|[一二三四五六七八九十两百零〇]+)(?P<suffix>{})?",
            ORDINAL_SUFFIXES.join("|")
        )
    );
    rank_matches(text, marks, MarkTable::RankingOrdinal, ordinal)
}

/// Where a position in a list starts: the vocabulary's pass marks it.
pub(crate) const LIST_POSITION_STARTS: &[&str] = &["No.", "NO.", "No．", "TOP", "Top"];

/// `No.1`, `TOP10`: a position in a list, at each start the pass marked.
fn list_positions<'t>(text: &'t str, marks: &'t [Mark]) -> impl Iterator<Item = RankMatch<'t>> + 't {
    let position = pattern!("list_position", r"(?:No[.．]|NO[.．]|TOP|Top) ?(?P<number>[0-9]{1,3})");
    rank_matches(text, marks, MarkTable::RankingListPosition, position)
}

/// Words after a quoted name that make it a list: `“最受赞赏的中国公司”榜单`.
const LIST_WORDS: &[&str] = &["榜单", "排行榜", "榜"];

/// The list a text last named before `pos` (`“…”榜单`), within 3,000 characters: the list
/// its bare positions (`No.1`) are in.
fn list_named_before(text: &str, pos: usize) -> Option<&str> {
    let from = floor_back(text, pos, 9000);
    let head = &text[from..pos];
    head.match_indices('”').rev().find_map(|(close, _)| {
        let after = &head[close + '”'.len_utf8()..];
        LIST_WORDS.iter().find(|w| after.starts_with(**w))?;
        let open = head[..close].rfind('“')?;
        let name = &head[open + '“'.len_utf8()..close];
        (!name.is_empty() && name.chars().count() <= 30 && !name.contains(['。', '，'])).then_some(name)
    })
}

/// `榜首`, `首位`: first place, as spans, leftmost first and not overlapping.
fn tops<'t>(marks: &'t [Mark]) -> impl Iterator<Item = (usize, usize)> + 't {
    marks_of(marks, MarkTable::RankingTop).map(|m| (m.start, m.end))
}

/// A move: `前移2位`, `上升3个位次`, `后退1名`, at each verb the pass marked.
fn shifts<'t>(text: &'t str, marks: &'t [Mark]) -> impl Iterator<Item = RankMatch<'t>> + 't {
    let shift = pattern!(
        "shift",
        format!(
            "(?P<verb>{})(?P<number>[0-9０-９]+|[一二三四五六七八九十两]+)个?(?P<suffix>位次|位|名)",
            SHIFT_VERBS.join("|")
        )
    );
    rank_matches(text, marks, MarkTable::RankingShift, shift)
}

/// The matches of `pattern` (groups `number`, and `verb` and `suffix` if it has them) at
/// the marks of `table`.
fn rank_matches<'t>(
    text: &'t str,
    marks: &'t [Mark],
    table: MarkTable,
    pattern: &'static Pattern,
) -> impl Iterator<Item = RankMatch<'t>> + 't {
    marks_of(marks, table).filter_map(move |m| {
        let found = pattern.match_at(text, m.start)?;
        Some(RankMatch {
            start: found.start(),
            end: found.end(),
            verb: found.group("verb").unwrap_or(""),
            number: found.group("number")?,
            suffix: found.group("suffix"),
        })
    })
}

const DOWN_VERBS: &[&str] = &["后退", "下降", "后移", "下滑", "回落", "下移"];

/// Where a place stands: a named list, or a scope, found before byte `pos`.
struct Context<'d> {
    start: usize,
    scope: Option<&'d str>,
    list: Option<&'d str>,
}

/// A list in quotes that ends just before `pos` (links such as 排名 allowed between).
fn list_before(text: &str, pos: usize) -> Option<Context<'_>> {
    for link in LIST_LINKS {
        if !text[..pos].ends_with(link) {
            continue;
        }
        let head = &text[..pos - link.len()];
        let Some(body) = head.strip_suffix(['”', '"', '」']) else {
            continue;
        };
        // A list name is short: look for its opening quote within 40 characters.
        let from = floor_back(body, body.len(), 120);
        let open = from + body[from..].rfind(['“', '"', '「'])?;
        let name = &body[open + body[open..].chars().next()?.len_utf8()..];
        if name.is_empty() || name.chars().count() > 30 || name.contains(['。', '”', '“']) {
            return None;
        }
        return Some(Context {
            start: open,
            scope: None,
            list: Some(name),
        });
    }
    None
}

/// A scope that ends just before `pos`: a scope word or a place name.
fn scope_before<'t>(scopes: &WordSet, text: &'t str, pos: usize) -> Option<Context<'t>> {
    let mut at = pos;
    if let Some(link) = longest_before!(text, at, SCOPE_LINKS) {
        at -= link.len();
    }
    if let Some(s) = scopes.longest_before(text, at) {
        let start = at - s.len();
        return Some(Context {
            start,
            scope: Some(&text[start..at]),
            list: None,
        });
    }
    // A scope word and the class compared in it: 全国城市第18位, 全国百强县第26名,
    // 全省设区市第3位 (at most five characters of class, no function word among them).
    let mut q = at;
    for c in text[..at].chars().rev().take(5) {
        if !is_han(c) || "的在和与及中排名位居列第是为".contains(c) {
            break;
        }
        q -= c.len_utf8();
        if let Some(s) = scopes.longest_before(text, q) {
            let start = q - s.len();
            return Some(Context {
                start,
                scope: Some(&text[start..at]),
                list: None,
            });
        }
    }
    // A place name: the last word of a short window, tagged as a place by the segmenter.
    let from = text[..at].char_indices().rev().take(6).last().map_or(at, |(i, _)| i);
    let window = &text[from..at];
    let words = segment::tag_fast(window);
    let last = words.last()?;
    let chars = last.text().chars().count();
    let place = matches!(last.tag(), "ns" | "nz" | "j") && (2..=4).contains(&chars) && last.end() == window.len();
    place.then(|| Context {
        start: from + last.start(),
        scope: Some(last.text()),
        list: None,
    })
}

fn placed<'t>(scopes: &WordSet, text: &'t str, pos: usize) -> Option<Context<'t>> {
    if let Some(c) = list_before(text, pos).or_else(|| scope_before(scopes, text, pos)) {
        return Some(c);
    }
    longest_before!(text, pos, PLACING_VERBS).map(|_| Context {
        start: pos,
        scope: None,
        list: None,
    })
}

fn ranking<'d>(
    start: usize,
    end: usize,
    ctx: Context<'d>,
    rank: Option<u32>,
    tier: Option<u32>,
    shift: Option<i32>,
) -> Fact<'d> {
    Fact::Ranking(Ranking {
        text: Cow::Borrowed(""),
        start,
        end,
        scope: ctx.scope.map(Cow::Borrowed),
        rank,
        tier,
        shift,
        list: ctx.list.map(Cow::Borrowed),
    })
}

/// Finds the rankings of `doc`.
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, _claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let scopes = &doc.vocabulary.scopes;
    let text = doc.text;
    let from = out.len();
    let ordinal_matches = ordinals(text, doc.marks);
    for m in ordinal_matches {
        let (s, e) = (m.start, m.end);
        let Ok(n) = numeral::parse(m.number) else { continue };
        if n.fract() != 0.0 || !(1.0..=100_000.0).contains(&n) {
            continue;
        }
        let n = n as u32;
        let suffix = m.suffix;
        let is_tier = suffix.is_some_and(|x| TIERS.contains(&x));
        if !is_tier && !ends_place(char_at(text, e)) {
            continue;
        }
        let ctx = if is_tier {
            list_before(text, s)
                .or_else(|| scope_before(scopes, text, s))
                .unwrap_or(Context {
                    start: s,
                    scope: None,
                    list: None,
                })
        } else {
            // `分别位列第6位、第8位和第15位`: a place right after another place, joined by
            // 、 or 和, is placed the same way.
            let follows_place = out[from..].last().is_some_and(|prev: &Fact| {
                matches!(&text[prev.end().min(s)..s], "、" | "和" | "，" | "及") && suffix.is_some()
            });
            match placed(scopes, text, s) {
                Some(c) => c,
                None if follows_place => Context {
                    start: s,
                    scope: None,
                    list: None,
                },
                None => continue,
            }
        };
        let start = ctx.start.min(s);
        let (rank, tier) = if is_tier { (None, Some(n)) } else { (Some(n), None) };
        out.push(ranking(start, e, ctx, rank, tier, None));
    }
    for (start, end) in tops(doc.marks) {
        if let Some(ctx) = scope_before(scopes, text, start).or_else(|| list_before(text, start)) {
            out.push(ranking(ctx.start, end, ctx, Some(1), None, None));
        }
    }
    for m in shifts(text, doc.marks) {
        let Ok(n) = numeral::parse(m.number) else { continue };
        if n.fract() != 0.0 || !(1.0..=10_000.0).contains(&n) {
            continue;
        }
        let sign = if DOWN_VERBS.contains(&m.verb) { -1 } else { 1 };
        let verb_start = m.start;
        // 排名 / 位次 before the verb ties the move to an order.
        let (ctx_pos, has_order_word) = match longest_before!(text, verb_start, &["排名", "位次", "排位", "名次"])
        {
            Some(w) => (verb_start - w.len(), true),
            None => (verb_start, m.suffix == Some("位次")),
        };
        let ctx = list_before(text, ctx_pos).or_else(|| scope_before(scopes, text, ctx_pos));
        // `比上年前移3位`: a move of N places needs no scope when nothing follows that
        // would make 位 a classifier (`上升3位专家` is no move).
        let ctx = match ctx {
            Some(c) => c,
            None if has_order_word || ends_place(char_at(text, m.end)) => Context {
                start: ctx_pos,
                scope: None,
                list: None,
            },
            None => continue,
        };
        out.push(ranking(
            ctx.start.min(verb_start),
            m.end,
            ctx,
            None,
            None,
            Some(sign * n as i32),
        ));
    }
    for m in list_positions(text, doc.marks) {
        // Not part of a longer word or number (`No.12a`, `TOP100`'s own digits are read).
        if char_at(text, m.end).is_some_and(|c| c.is_ascii_alphanumeric())
            || super::char_before(text, m.start).is_some_and(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let Ok(n) = m.number.parse::<u32>() else { continue };
        if n == 0 {
            continue;
        }
        // A scope word right before the position (`全国TOP10`); else the position is in
        // the list the text last named (`No.1 华为…`).
        let ctx = match scopes.longest_before(text, m.start) {
            Some(scope) => Context {
                start: m.start - scope.len(),
                scope: Some(&text[m.start - scope.len()..m.start]),
                list: None,
            },
            None => Context {
                start: m.start,
                scope: None,
                list: list_named_before(text, m.start),
            },
        };
        out.push(ranking(ctx.start.min(m.start), m.end, ctx, Some(n), None, None));
    }
    // Nested matches (全市第一 inside 全市第一方阵) keep the longer.
    super::keep_outermost(out, from);
    share_lists(text, &mut out[from..]);
}

/// `“百强”第14位、全省第8位`: a scoped place right after a listed one keeps the list.
fn share_lists(text: &str, found: &mut [Fact<'_>]) {
    for i in 1..found.len() {
        let (a, b) = found.split_at_mut(i);
        let prev = &a[i - 1];
        let cur = &mut b[0];
        let between = &text[prev.end()..cur.start()];
        if !matches!(between, "、" | "，" | "," | "；") {
            continue;
        }
        if let (Fact::Ranking(p), Fact::Ranking(c)) = (prev, &mut *cur)
            && c.list.is_none()
            && c.scope.is_some()
            && p.list.is_some()
        {
            c.list = p.list.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Fact, Ranking};

    /// The hand matchers give what the regexes they replace give, on random texts made of
    /// the patterns' pieces.
    #[test]
    fn matchers_agree_with_the_regexes() {
        use super::{RankMatch, ordinals, shifts, tops};
        let ordinal =
            regex::Regex::new(r"第([0-9０-９]+|[一二三四五六七八九十两百零〇]+)(位|名|方阵|梯队|档次|阵营|等次)?")
                .unwrap();
        let top = regex::Regex::new(r"榜首|首位").unwrap();
        let shift = regex::Regex::new(
            r"(前移|上升|提升|上移|前进|跃升|跃居|提高|后退|下降|后移|下滑|回落|下移)([0-9０-９]+|[一二三四五六七八九十两]+)(?:个)?(位次|位|名)",
        )
        .unwrap();
        let pieces = [
            "第", "1", "２", "14", "一", "十", "百", "两", "〇", "位", "名", "次", "方阵", "梯队", "个", "榜", "首",
            "前移", "上升", "下降", "跃居", "回落", "全市", "，", "、",
        ];
        fn as_match(c: regex::Captures<'_>, verb: bool) -> RankMatch<'_> {
            let all = c.get(0).unwrap();
            let g = |i: usize| c.get(i).map(|m| m.as_str());
            RankMatch {
                start: all.start(),
                end: all.end(),
                verb: if verb { g(1).unwrap() } else { "" },
                number: g(if verb { 2 } else { 1 }).unwrap(),
                suffix: g(if verb { 3 } else { 2 }),
            }
        }
        let mut rng = crate::testing::Rng::new(0x1234_5678_9abc_def1);
        let mut found = 0;
        for _ in 0..30_000 {
            let text = rng.text(&pieces, 10);
            let marks = super::super::vocabulary::Vocabulary::built_in().marks(&text);
            let want: Vec<_> = ordinal.captures_iter(&text).map(|c| as_match(c, false)).collect();
            assert_eq!(ordinals(&text, &marks).collect::<Vec<_>>(), want, "{text}");
            let want: Vec<_> = shift.captures_iter(&text).map(|c| as_match(c, true)).collect();
            assert_eq!(shifts(&text, &marks).collect::<Vec<_>>(), want, "{text}");
            found += want.len();
            let want: Vec<_> = top.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(tops(&marks).collect::<Vec<_>>(), want, "{text}");
        }
        assert!(found > 200, "too few moves in the random texts ({found})");
    }

    /// `(scope, rank, tier, shift, list)` of a ranking.
    type Value = (
        Option<&'static str>,
        Option<u32>,
        Option<u32>,
        Option<i32>,
        Option<&'static str>,
    );

    /// Rankings grouped by what they give; in each sentence `[…]` marks the ranking's text.
    const EXAMPLES: &[(Value, &[&str])] = &[
        // A position in the list the text last named, or in a scope written before it.
        (
            (None, Some(1), None, None, Some("中国民营企业500强")),
            &[
                "“中国民营企业500强”榜单昨日发布。\n[No.1] 京东集团",
                "“中国民营企业500强”榜单昨日发布。\n[No.1] 京东集团\nNo.2 阿里巴巴",
            ],
        ),
        (
            (None, Some(2), None, None, Some("中国民营企业500强")),
            &["“中国民营企业500强”榜单昨日发布。\nNo.1 京东集团\n[No.2] 阿里巴巴"],
        ),
        (
            (Some("全国"), Some(10), None, None, None),
            &["数字经济发展指数进入[全国TOP10]"],
        ),
        (
            (Some("全市"), Some(1), None, None, None),
            &[
                "省级重大项目[全市第一]、项目建设考核位居全市第一方阵",
                "工业投资增幅居[全市首位]",
                "科技创新考核位列[全市第1位]",
            ],
        ),
        (
            (Some("全市"), None, Some(1), None, None),
            &["省级重大项目全市第一、项目建设考核位居[全市第一方阵]"],
        ),
        (
            (Some("全省"), Some(3), None, None, None),
            &[
                "全年GDP增速居[全省第3位]，高于全国平均水平",
                "综合考核位居[全省第三]",
                "增速列[全省第三位]",
            ],
        ),
        (
            (Some("全省"), Some(1), None, None, None),
            &["实际利用外资规模列[全省榜首]"],
        ),
        (
            (Some("全国"), Some(12), None, None, None),
            &["综合实力在[全国排名第十二]"],
        ),
        ((Some("长三角"), Some(3), None, None, None), &["位居[长三角第3位]"]),
        (
            (None, Some(8), None, None, Some("全国县域经济百强县")),
            &["名列[“全国县域经济百强县”第8位]、全省第2位"],
        ),
        (
            (Some("全省"), Some(2), None, None, Some("全国县域经济百强县")),
            &["名列“全国县域经济百强县”第8位、[全省第2位]"],
        ),
        (
            (None, None, None, Some(2), Some("中国工业百强区")),
            &["在[“中国工业百强区”排名前移2位]"],
        ),
        (
            (None, None, None, Some(3), None),
            &[
                "全省高质量发展考核[排名上升3个位次]",
                "居“全国百强县”第15位，比上年[前移3位]",
            ],
        ),
        (
            (Some("全省"), None, None, Some(-1), None),
            &["营商环境评价在[全省排名后退1位]"],
        ),
        ((None, None, Some(1), None, None), &["成功跻身[第一梯队]"]),
        (
            (Some("全国城市"), Some(18), None, None, None),
            &["地区生产总值跃居[全国城市第18位]，较上年前进2位"],
        ),
        (
            (None, None, None, Some(2), None),
            &["地区生产总值跃居全国城市第18位，较上年[前进2位]"],
        ),
        (
            (Some("全国百强县"), Some(26), None, None, None),
            &["县域经济综合竞争力跻身[全国百强县第26名]"],
        ),
        (
            (None, Some(6), None, None, None),
            &["在综合排名中分别位列[第6位]、第8位和第15位"],
        ),
        (
            (None, Some(8), None, None, None),
            &["在综合排名中分别位列第6位、[第8位]和第15位"],
        ),
        (
            (None, Some(15), None, None, None),
            &["在综合排名中分别位列第6位、第8位和[第15位]"],
        ),
        (
            (Some("全省"), None, Some(1), None, None),
            &["综合考核连续三年位居[全省第一等次]"],
        ),
        (
            (None, Some(15), None, None, Some("全国百强县")),
            &["居[“全国百强县”第15位]，比上年前移3位"],
        ),
    ];

    const NEGATIVE: &[&str] = &[
        "型号为No.12a的设备",
        "TOPIC栏目",
        "是海门第一个千亿级项目",
        "党的二十大胜利召开",
        "打造第一门户城市",
        "第三产业增加值增长5%",
        "这是全市第一家上市企业",
        "第二十大重点项目",
    ];

    fn rankings(text: &str) -> Vec<Ranking<'_>> {
        crate::extract::facts_of(text, |f| match f {
            Fact::Ranking(r) => Some(r),
            _ => None,
        })
    }

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::Ranking, EXAMPLES, NEGATIVE, |sentence| {
            rankings(sentence)
                .into_iter()
                .map(|r| {
                    let leak = |s: Option<std::borrow::Cow<str>>| s.map(|s| crate::testing::leak(&s));
                    (
                        r.text.into_owned(),
                        (leak(r.scope), r.rank, r.tier, r.shift, leak(r.list)),
                    )
                })
                .collect()
        });
    }
}
