//! Percentages and percentage points.
//!
//! | form | example | value, point |
//! | --- | --- | --- |
//! | `%`, `％` | `82.7%`, `５．５％`, `负3.9%` | 82.7, 5.5, -3.9 |
//! | 百分之… | `百分之八十`, `百分之2.4` | 80, 2.4 |
//! | 千分之…, 万分之…, ‰ | `千分之2.4`, `万分之三`, `5.18‰` | 0.24, 0.03, 0.518 (in percent) |
//! | N个百分点 | `2.5个百分点`, `六个百分点` | 2.5, 6; point |
//! | N成 | `三成`, `9.5成`, `三成半` | 30, 95, 35 |
//! | N折 (a discount) | `75折`, `三点一折`, `打对折` | 75, 31, 50 |
//! | bounds | `超50%`, `低于3%`, `5%以上` | over, under, over |
//!
//! Not percentages: `二三十个百分点` and `百分之二三十` (ranges), `十折`, 成 and 折 in
//! words (`一成不变`, `折合`, `成本`).

use super::Claims;
use super::vocabulary::Vocabulary;
use super::{Doc, bound_after, char_at, char_before, has_any, skip_spaces};
use crate::fact::{Bound, Fact, Percentage};
use crate::numeral::{NumeralMatch, Script};
use std::borrow::Cow;

/// The characters every form of a percentage has one of: `%`, `百分之`, `三成`, `八折`.
pub(crate) const TRIGGERS: &[char] = &['%', '％', '分', '成', '折', '‰'];

/// Characters after 成 that make a word of it: 成本, 成果, 成立, 成效.
const NOT_TENTHS_AFTER: &[char] = &[
    '本', '果', '立', '功', '员', '交', '效', '型', '为', '熟', '长', '就', '都', '品', '绩', '分', '套', '批', '片',
    '群', '网', '规', '像', '才', '年', '不', '了', '的', '功', '败', '家', '人', '份', '事', '全', '形', '片', '风',
    '器', '材',
];
/// Characters after 折 that make a word of it: 折合, 折算, 折旧, 折扣.
const NOT_A_DISCOUNT_AFTER: &[char] = &[
    '合', '算', '旧', '叠', '扣', '射', '返', '腾', '线', '服', '磨', '损', '价', '现', '中', '成', '纸',
];

/// Finds the percentages of `doc`.
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, _claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let text = doc.text;
    let from = out.len();
    // Every form has one of these characters; most sentences have none.
    if !has_any(doc, TRIGGERS) {
        return;
    }
    for m in doc.numerals() {
        if let Some(f) = percentage_at(doc.vocabulary, text, m) {
            out.push(f);
        }
    }
    // 打对折: half price.
    let halves: &[&str] = if has_any(doc, &['折']) {
        &["打对折", "打對折"]
    } else {
        &[]
    };
    for half in halves {
        let mut from = 0;
        while let Some(p) = text[from..].find(half) {
            let s = from + p + "打".len();
            out.push(make(s, s + "对折".len(), 50.0, false, Bound::Exact));
            from = s;
        }
    }
    out[from..].sort_by_key(|f| f.start());
}

fn make(start: usize, end: usize, value: f64, point: bool, bound: Bound) -> Fact<'static> {
    Fact::Percentage(Percentage {
        text: Cow::Borrowed(""),
        start,
        end,
        value,
        point,
        bound,
        subject: None,
        change: None,
        period: None,
    })
}

/// Skips spaces and then `word`, one character at a time with spaces between
/// (`个 百 分 点`): the position after it.
fn spaced_word(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut p = pos;
    for c in word.chars() {
        p = skip_spaces(text, p);
        if char_at(text, p) == Some(c)
            || (c == '个' && char_at(text, p) == Some('個'))
            || (c == '点' && char_at(text, p) == Some('點'))
        {
            p += char_at(text, p)?.len_utf8();
        } else {
            return None;
        }
    }
    Some(p)
}

/// `v × 10^k`, shifted in decimal so that 5.18 × 10⁻¹ is exactly the `f64` nearest 0.518.
fn shift_decimal(v: f64, k: i32) -> Option<f64> {
    let s = format!("{v:e}");
    let (mant, e) = s.split_once('e')?;
    format!("{mant}e{}", e.parse::<i32>().ok()? + k).parse().ok()
}

/// `百分之Y` is Y percent, `千分之Y` Y/10 percent: shifted in decimal, so exact.
fn per_cent(m: &NumeralMatch) -> Option<f64> {
    let (num, den) = (m.numerator?, m.denominator?);
    let k = den.log10().round() as i32;
    if 10f64.powi(k) != den {
        return Some(num * 100.0 / den);
    }
    format!("{num:e}")
        .split_once('e')
        .and_then(|(mant, e)| format!("{mant}e{}", e.parse::<i32>().ok()? + 2 - k).parse().ok())
}

/// The percentage that numeral `m` of `text` states, if it is one.
pub(crate) fn percentage_at(vocabulary: &Vocabulary, text: &str, m: &NumeralMatch) -> Option<Fact<'static>> {
    if !m.value.is_finite() {
        return None;
    }
    let prev = char_before(text, m.start);
    if prev == Some('第') || prev.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = skip_spaces(text, m.end);
    // The character after the numeral, read once for the forms below.
    let next = char_at(text, after);
    let (value, point, mut end) = if m.denominator.is_some() {
        // 百分之八十, 千分之2.4: only a bare power of ten, and not 五百分之2.2.
        if !m.bare_denominator || m.approx {
            return None;
        }
        (per_cent(m)?, false, m.end)
    } else if let Some(percent @ ('%' | '％')) = next {
        // URL escapes (`%2F2000%29`) are no percentages.
        let escaped = prev == Some('%') || char_at(text, after + 1).is_some_and(|c| c.is_ascii_alphanumeric());
        if m.digit_sequence || escaped {
            return None;
        }
        (m.value, false, after + percent.len_utf8())
    } else if next == Some('‰') {
        // Per mille, in percent: 5.18‰ is 0.518%.
        if m.digit_sequence {
            return None;
        }
        (shift_decimal(m.value, -1)?, false, after + '‰'.len_utf8())
    } else if let Some(e) = matches!(next, Some('个' | '個' | '百'))
        .then(|| spaced_word(text, m.end, "个百分点").or_else(|| spaced_word(text, m.end, "百分点")))
        .flatten()
    {
        if m.digit_sequence {
            return None;
        }
        (m.value, true, e)
    } else if next == Some('成') {
        let e = after + '成'.len_utf8();
        let half = char_at(text, e) == Some('半');
        if !half && char_at(text, e).is_some_and(|c| NOT_TENTHS_AFTER.contains(&c)) {
            return None;
        }
        if m.digit_sequence || m.value > 10.0 || m.value < 0.0 {
            return None;
        }
        let v = m.value * 10.0 + if half { 5.0 } else { 0.0 };
        (v, false, if half { e + '半'.len_utf8() } else { e })
    } else if next == Some('折') {
        let e = after + '折'.len_utf8();
        if char_at(text, e).is_some_and(|c| NOT_A_DISCOUNT_AFTER.contains(&c)) {
            return None;
        }
        // 七折 is 70, 75折 and 三八折 are 75 and 38; 十折 is no discount.
        let v = if m.value > 0.0 && m.value < 10.0 {
            m.value * 10.0
        } else if (m.digit_sequence || m.script == Script::Arabic) && m.value >= 10.0 && m.value < 100.0 {
            m.value
        } else {
            return None;
        };
        (v, false, e)
    } else {
        return None;
    };
    let mut start = m.start;
    let mut bound = if m.approx { Bound::Over } else { Bound::Exact };
    if let Some((b, s)) = vocabulary.bound_before(text, m.start) {
        bound = b;
        start = s;
    }
    if let Some((b, e)) = bound_after(text, end) {
        bound = b;
        end = e;
    }
    Some(make(start, end, value, point, bound))
}

#[cfg(test)]
mod tests {
    use crate::Fact;

    /// `(value, point, bound)` of a percentage.
    type Value = (f64, bool, &'static str);

    /// Percentages grouped by what they give; in each sentence `[…]` marks the
    /// percentage's text.
    const EXAMPLES: &[(Value, &[&str])] = &[
        ((82.7, false, "exact"), &["财政民生支出占一般公共预算支出比重达[82.7%]"]),
        (
            (3.0, false, "under"),
            &["城镇登记失业率[低于3%]", "城镇调查失业率控制在[3%以下]"],
        ),
        (
            (50.0, false, "over"),
            &["生态河道建成率[超50%]", "高新技术产业产值占比提高到[50%以上]"],
        ),
        (
            (2.5, true, "exact"),
            &[
                "比重提高[2.5个百分点]",
                "占比提高[二点五个百分点]",
                "研发投入强度较上年提升[2.5个百分点]",
            ],
        ),
        ((2.1, false, "exact"), &["居民消费价格上涨[百分之二点一]"]),
        ((0.2, true, "exact"), &["研发经费投入强度提高[零点二个百分点]"]),
        ((30.0, false, "exact"), &["工业用地亩均税收增长[三成]"]),
        ((0.68, false, "exact"), &["出生率为[千分之6.8]"]),
        ((5.5, false, "exact"), &["全年一般公共预算收入下降[５．５％]"]),
        ((12.6, false, "exact"), &["进出口总额增长[12.6%]，其中出口增长15.2%"]),
        ((15.2, false, "exact"), &["进出口总额增长12.6%，其中出口增长[15.2%]"]),
        ((-12.3, false, "exact"), &["商品房销售面积下降[-12.3%]"]),
        ((0.518, false, "exact"), &["全年出生人口3.9万人，出生率为[5.18‰]"]),
    ];

    const NEGATIVE: &[&str] = &[
        "增长了二三十个百分点",
        "这一成不变的格局",
        "折合人民币",
        "降低企业成本",
        "第5%",
    ];

    fn percentages(text: &str) -> Vec<(String, Value)> {
        crate::extract::facts_of(text, |f| match f {
            Fact::Percentage(p) => Some((p.text.into_owned(), (p.value, p.point, p.bound.as_str()))),
            _ => None,
        })
    }

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::Percentage, EXAMPLES, NEGATIVE, percentages);
    }
}
