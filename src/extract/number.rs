//! Numbers: a numeral, its unit, and a bound.
//!
//! | form | example | value, unit, bound |
//! | --- | --- | --- |
//! | numeral + multiplier + unit | `1005.5亿元`, `3.98万个` | 100550000000 元, 39800 个 |
//! | bound before | `突破1000亿元`, `超过3200人`, `近10万个`, `低于5个` | over, over, about, under |
//! | 余 / 多 | `5870余人`, `200多家`, `百余家` | 5870 人 over, 200 家 over, 100 家 over |
//! | bound after | `3000人以上`, `200亿元左右` | over, about |
//! | Chinese numerals | `两条`, `十二项`, `三千余名` | 2 条, 12 项, 3000 名 over |
//! | a multiplier with no unit | `常住人口124.3万` | 1243000, no unit |
//!
//! Not numbers: years and dates (`2022年`, `12月2日`), ordinals (`第14位`), percentages,
//! the indefinite 一 (`一批项目`, `一件大好事`, `一头担着`), a lone 百/千/万 in a word
//! (`千家万户`, `百姓`), numerals in words (`十分满意`, `零的突破`, `统一`, `5G`), and
//! Chinese numerals before 度 or 方 (`三度登上`, `四方`), which there are adverbs or nouns.

use super::vocabulary::Vocabulary;
use super::{Claims, Doc, bound_after, char_at, char_before, skip_spaces};
use crate::fact::{Bound, Fact, Number};
use crate::numeral::{self, NumeralMatch, Script};
use std::borrow::Cow;

/// Units and classifiers of the genre, after any multiplier (`亿元` is 亿 + 元).
pub(crate) const UNITS: &[&str] = &[
    // money
    "元",
    "美元",
    "港元",
    "欧元",
    "日元",
    "英镑",
    "块",
    // area, length, volume, weight
    "平方米",
    "平方公里",
    "平方千米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "米",
    "厘米",
    "毫米",
    "立方米",
    "升",
    "吨",
    "千克",
    "公斤",
    "克",
    "斤",
    // energy and traffic
    "千瓦",
    "千瓦时",
    "兆瓦",
    "吉瓦",
    "瓦",
    "标准箱",
    "标箱",
    "人次",
    "户次",
    "场次",
    "批次",
    "项次",
    "架次",
    "车次",
    "辆",
    "艘",
    "架",
    "列",
    // people and organizations
    "人",
    "名",
    "位",
    "户",
    "家",
    "所",
    // things
    "个",
    "项",
    "条",
    "套",
    "处",
    "座",
    "栋",
    "幢",
    "间",
    "张",
    "台",
    "件",
    "部",
    "批",
    "只",
    "头",
    "匹",
    "株",
    "棵",
    "篇",
    "本",
    "册",
    "场",
    "次",
    "届",
    "轮",
    "种",
    "类",
    "款",
    "支",
    "枚",
    "根",
    "床",
    "宗",
    "笔",
    "起",
    "例",
    "片",
    "层",
    "倍",
    "份",
    "组",
    "对",
    "双",
    "羽",
    "台套",
    "℃",
    "摄氏度",
    "打",
    // time spans (not dates: 年 after a year-like number is a date)
    "年",
    "个月",
    "天",
    "小时",
    "分钟",
    "秒",
    "周",
    "岁",
    "周岁",
    // measured only with Arabic digits (see ARABIC_ONLY)
    "度",
    "方",
];

/// Units that follow Chinese numerals as words of another sense: `三度登上`, `四方`, `一周`.
const ARABIC_ONLY: &[&str] = &["度", "方", "周", "打", "对", "双"];

/// Units that a year-like Arabic number before them turns into a date: `2022年`.
const DATE_UNITS: &[&str] = &["年"];

/// Characters after a unit that make it part of a longer word: `个人` (individual),
/// `人民`, `家庭`, `位于`, `条件`, `项目`, `名单`.
fn unit_word_continues(unit: &str, next: Option<char>) -> bool {
    let Some(n) = next else { return false };
    matches!(
        (unit, n),
        ("人", '民' | '才' | '员' | '口' | '大' | '物' | '们')
            | ("家", '庭' | '乡' | '园' | '族' | '长')
            | ("位", '于' | '居' | '列' | '置')
            | ("条", '件' | '例' | '款')
            | ("名", '单' | '称' | '列')
            | ("场", '景' | '所' | '地')
            | ("片", '区')
            | ("年", '度' | '级' | '代')
            | ("次", '数' | '序')
            | ("种", '子')
            | ("米", '饭')
            | ("部", '委' | '门' | '分' | '署' | '长' | '队' | '位' | '件')
    )
}

/// Finds the numbers of `doc`.
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let text = doc.text;
    let numerals = doc.numerals();
    for m in numerals {
        // The claim is checked first: it is a binary search, and most claimed numerals
        // (the years of dates) would be read in vain.
        // The number's unit and bound words may not reach into a claimed span either
        // (`3打对折`: 对折 is a percentage).
        if !claims.overlaps(m.start, m.end)
            && let Some(f) = number_at(doc.vocabulary, text, m)
            && !claims.overlaps(f.start(), f.end())
        {
            out.push(f);
        }
    }
}

/// The number that numeral `m` of `text` states, if it is one.
pub(crate) fn number_at<'d>(vocabulary: &Vocabulary, text: &'d str, m: &NumeralMatch) -> Option<Fact<'d>> {
    if m.denominator.is_some() || m.digit_sequence || !m.value.is_finite() {
        return None;
    }
    let body = &text[m.start..m.end];
    // Ordinals (第14位) and numerals glued to Latin letters (G20, 5G, PM2.5).
    let prev = char_before(text, m.start);
    if matches!(prev, Some('第' | '之' | '.' | '．')) || prev.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut num_end = m.end;
    let mut value = m.value;
    let mut pos = skip_spaces(text, m.end);
    let mut bound = if m.approx { Bound::Over } else { Bound::Exact };
    // 余 / 多 between the numeral and the unit: 5870余人, 200多家.
    if let Some(c @ ('余' | '多')) = char_at(text, pos) {
        bound = Bound::Over;
        pos += c.len_utf8();
    }
    let units = &vocabulary.units;
    let mut unit = units.longest_at(text, pos).map(|u| &text[pos..pos + u.len()]);
    // A unit that begins with a multiplier: 65万千瓦, 3千米 (the numeral took 千).
    if m.ends_with_multiplier && pos == m.end {
        let last = char_before(text, m.end)?;
        let cut = m.end - last.len_utf8();
        if let Some(u) = units
            .longest_at(text, cut)
            .map(|u| &text[cut..cut + u.len()])
            .filter(|u| u.len() > last.len_utf8())
            && let Ok(v) = numeral::parse(&text[m.start..cut])
        {
            unit = Some(u);
            value = v;
            num_end = cut;
            pos = cut;
        }
    }
    let chinese = m.script == Script::Chinese;
    if let Some(u) = unit {
        let after = char_at(text, pos + u.len());
        if unit_word_continues(u, after) {
            unit = None;
        } else if (chinese && ARABIC_ONLY.contains(&u))
            || (DATE_UNITS.contains(&u) && m.script == Script::Arabic && is_year_like(value, body))
        {
            return None;
        }
    }
    if unit.is_some_and(|u| u.starts_with('个')) && char_at(text, pos + '个'.len_utf8()) == Some('百') {
        return None; // 个百分点: a percentage.
    }
    if next_is_latin(text, num_end) {
        return None;
    }
    // 前30位, 前十名: the top places of a ranking, not a count of anything.
    if prev == Some('前') && matches!(unit, Some("位" | "名")) {
        return None;
    }
    if chinese {
        // The indefinite article: 一批, 一个千亿级项目, 一件大好事.
        if matches!(body, "一" | "壹") {
            return None;
        }
        // Idioms of the shape numeral·X·numeral·Y (三番五次, 五湖四海, 一举两得).
        if body.chars().count() == 1 && in_numeral_idiom(text, m.start, m.end) {
            return None;
        }
        // A lone 百/千/万 is a word (千家万户, 百姓) unless 余/多 or a bound word makes it a
        // count (百余家, 近百家, 逾千名, 超千亿元).
        if m.bare_multiplier && bound != Bound::Over && vocabulary.bound_before(text, m.start).is_none() {
            return None;
        }
    }
    let has_multiplier = body.chars().any(|c| matches!(c, '万' | '萬' | '亿' | '億'));
    let mut end = match unit {
        Some(u) => pos + u.len(),
        None if has_multiplier && !chinese => num_end,
        None => return None,
    };
    let mut start = m.start;
    if let Some((b, s)) = vocabulary.bound_before(text, m.start) {
        bound = b;
        start = s;
    }
    if let Some((b, e)) = bound_after(text, end) {
        bound = b;
        end = e;
    }
    Some(Fact::Number(Number {
        text: Cow::Borrowed(""),
        start,
        end,
        value,
        unit: unit.map(Cow::Borrowed),
        bound,
        subject: None,
        change: None,
        period: None,
    }))
}

fn is_cn_numeral_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '两'
    )
}

/// Is the one-character numeral at `start..end` the first or third character of a
/// four-character idiom numeral·X·numeral·Y, X and Y being other characters?
fn in_numeral_idiom(text: &str, start: usize, end: usize) -> bool {
    let han = |c: char| super::is_han(c) && !is_cn_numeral_char(c);
    let mut after = text[end..].chars();
    let (a0, a1, a2) = (after.next(), after.next(), after.next());
    let mut before = text[..start].chars().rev();
    let (b0, b1) = (before.next(), before.next());
    let first = matches!((a0, a1, a2), (Some(x), Some(y), Some(z)) if han(x) && is_cn_numeral_char(y) && han(z));
    let third = matches!((b0, b1), (Some(x), Some(y)) if han(x) && is_cn_numeral_char(y)) && a0.is_some_and(han);
    first || third
}

/// A four-digit whole number that reads as a year.
fn is_year_like(value: f64, body: &str) -> bool {
    value.fract() == 0.0
        && (1000.0..=2999.0).contains(&value)
        && body
            .chars()
            .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count()
            == 4
}

fn next_is_latin(text: &str, pos: usize) -> bool {
    char_at(text, pos).is_some_and(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use crate::Fact;

    /// `(value, unit, bound)` of a number.
    type Value = (f64, Option<&'static str>, &'static str);

    /// Numbers grouped by what they give; in each sentence `[…]` marks the number's text.
    const EXAMPLES: &[(Value, &[&str])] = &[
        (
            (1e11, Some("元"), "over"),
            &[
                "规上工业应税销售[突破1000亿元]",
                "全市外贸进出口总额[超过1000亿元]",
                "工业开票销售首次[突破千亿元]",
            ],
        ),
        ((39800.0, Some("个"), "exact"), &["去年全年累计提供就业岗位[3.98万个]"]),
        (
            (1.234567e12, Some("元"), "exact"),
            &["全市实现地区生产总值[12345.67亿元]，比上年增长6.1%"],
        ),
        ((7.426e6, Some("吨"), "exact"), &["全年粮食总产量达到[742.6万吨]"]),
        (
            (12000.0, Some("个"), "exact"),
            &["新建5G基站[1.2万个]，新增光伏装机65万千瓦"],
        ),
        (
            (6.5e5, Some("千瓦"), "exact"),
            &["新建5G基站1.2万个，新增光伏装机[65万千瓦]"],
        ),
        ((1.243e6, None, "exact"), &["年末常住人口[124.3万]，城镇化率提高"]),
        ((5870.0, Some("人"), "over"), &["惠及困难群众[5870余人]"]),
        ((200.0, Some("家"), "over"), &["集聚[200多家]生物医药企业"]),
        (
            (100.0, Some("家"), "over"),
            &[
                "汇集了[百余家]知名药企",
                "吸引[100多家]企业参展",
                "培育专精特新企业[100余家]",
            ],
        ),
        ((1e5, Some("个"), "about"), &["稳定就业岗位[近10万个]"]),
        (
            (3000.0, Some("人"), "over"),
            &["引进高层次人才[3000人以上]", "新增就业[3000余人]", "带动就业[三千多人]"],
        ),
        ((2.0, Some("条"), "exact"), &["项目[两条]生产线已相继试生产"]),
        (
            (12.0, Some("项"), "exact"),
            &["实施[十二项]民生实事，完成投资约26.5亿元"],
        ),
        (
            (2.65e9, Some("元"), "about"),
            &["实施十二项民生实事，完成投资[约26.5亿元]"],
        ),
        ((5012.0, Some("公里"), "exact"), &["全省高速公路通车里程达[5,012公里]"]),
        (
            (1044.0, Some("套"), "exact"),
            &["新开工保障性住房[1044套]，基本建成5166套"],
        ),
        (
            (5166.0, Some("套"), "exact"),
            &["新开工保障性住房1044套，基本建成[5166套]"],
        ),
        ((2.0, Some("倍"), "exact"), &["外贸进出口总额增长[2倍]"]),
        ((1.2e8, Some("羽"), "exact"), &["全年家禽出栏[1.2亿羽]，生猪存栏80万头"]),
        ((8e5, Some("头"), "exact"), &["全年家禽出栏1.2亿羽，生猪存栏[80万头]"]),
        ((16.8, Some("℃"), "exact"), &["全年平均气温[16.8℃]，降水量1123.5毫米"]),
        (
            (1123.5, Some("毫米"), "exact"),
            &["全年平均气温16.8℃，降水量[1123.5毫米]"],
        ),
        ((1.2e10, Some("千瓦时"), "exact"), &["全年发电量达到[120亿千瓦时]"]),
        ((1.5603e7, Some("人次"), "exact"), &["接待游客[1560.3万人次]"]),
    ];

    /// Sentences with no number in them.
    const NEGATIVE: &[&str] = &[
        "2022年，面对复杂严峻的外部环境",
        "2022年12月2日，四部委联合公示",
        "名列全国百强第14位",
        "城镇登记失业率低于3%",
        "对改造后的小区环境十分满意",
        "实现海门区省独角兽企业零的突破",
        "推进全市统一大市场建设",
        "数字通信及5G应用",
        "一批投资规模大的大项目落户",
        "为居民做了一件大好事",
        "一头担着城市建设面子",
        "临江新区三度登上央视新闻联播",
        "惠及千家万户",
        "对照党的二十大擘画的宏伟蓝图",
        "二〇二二年工作回顾",
        "每年1至11月",
        "个人所得税",
        "三次产业结构调整为4.5:45.8:49.7",
        "均进入全国百强县前30位",
        "三番五次督促整改",
        "全市数十家企业参展",
        "五湖四海的人才",
    ];

    fn numbers(text: &str) -> Vec<(String, Value)> {
        crate::extract::facts_of(text, |f| match f {
            Fact::Number(n) => Some((
                n.text.into_owned(),
                (n.value, n.unit.map(|u| crate::testing::leak(&u)), n.bound.as_str()),
            )),
            _ => None,
        })
    }

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::Number, EXAMPLES, NEGATIVE, numbers);
    }
}
