//! Bad input: no panic, linear time, every span slices the input, every value is finite,
//! every fact serializes. Property tests over an alphabet weighted toward the genre, and
//! adversarial inputs at full size (each must finish in a few seconds; the
//! `benches/scaling.rs` benchmark measures that time grows linearly).

use proptest::prelude::*;
use zhfacts::{Extractor, Fact, extract};

/// The invariants every result must hold.
fn check(text: &str) -> Vec<Fact<'_>> {
    let facts = extract(text);
    let mut last = 0;
    for f in &facts {
        assert!(
            f.start() <= f.end() && f.end() <= text.len(),
            "span out of range: {f:?}"
        );
        assert!(text.is_char_boundary(f.start()) && text.is_char_boundary(f.end()));
        assert_eq!(&text[f.start()..f.end()], f.text());
        assert!(f.start() >= last, "facts ordered by start");
        last = f.start();
        match f {
            Fact::Number(n) => assert!(n.value.is_finite(), "{n:?}"),
            Fact::Percentage(p) => assert!(p.value.is_finite(), "{p:?}"),
            _ => {}
        }
        let json = serde_json::to_string(f).expect("serializes");
        let back: Fact = serde_json::from_str(&json).expect("round-trips");
        assert_eq!(back.text(), f.text());
    }
    facts
}

/// Pieces of text weighted toward what the extractors look at.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "0",
        "1",
        "9",
        "2022",
        "3.98",
        ".",
        ",",
        "１",
        "０",
        "．",
        "零",
        "一",
        "二",
        "两",
        "三",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "兆",
        "壹",
        "拾",
        "点",
        "分之",
        "第",
        "位",
        "名",
        "%",
        "％",
        "百分之",
        "个百分点",
        "成",
        "折",
        "余",
        "多",
        "约",
        "超过",
        "低于",
        "群",
        "链",
        "产业链",
        "产业集群",
        "条",
        "大",
        "有限公司",
        "股份",
        "集团",
        "（",
        "）",
        "(",
        ")",
        "、",
        "，",
        "。",
        "：",
        "“",
        "”",
        "的",
        "年",
        "月",
        "日",
        "季度",
        "去年",
        "全年",
        "全市",
        "全省",
        "榜首",
        "方阵",
        "前移",
        "等",
        "\n",
        "\r\n",
        "\r",
        " ",
        "　",
        "😀",
        "\u{301}",
        "\u{0}",
        "a",
        "G",
        "-",
        "负",
        "元",
        "个",
        "人",
        "平方米",
        "增长",
        "下降",
        "分别",
        "占",
        "比重",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn genre_alphabet_never_breaks_an_invariant(pieces in prop::collection::vec(piece(), 0..60)) {
        check(&pieces.concat());
    }

    #[test]
    fn any_string_never_breaks_an_invariant(s in "\\PC{0,80}") {
        check(&s);
    }
}

#[test]
fn a_megabyte_of_nines() {
    let nines = "9".repeat(1 << 20);
    let facts = check(&nines);
    assert!(facts.is_empty(), "a numeral too large for an exact value is no fact");
}

#[test]
fn many_multipliers_ordinals_and_percent_words() {
    assert!(check(&"亿".repeat(100_000)).is_empty());
    assert!(check(&"第".repeat(100_000)).is_empty());
    check(&"百分之".repeat(100_000));
    check(&"有限公司".repeat(50_000));
    check(&"“一群一策”".repeat(20_000));
    check(&"7大产业集群中，".repeat(20_000));
    check(&"“全国百强”第1位、".repeat(20_000));
    // Long runs of digits around the words of N群M链 structures.
    check(&format!(
        "链群{}群，{}条产业链和{}大产业集群",
        "1".repeat(200_000),
        "2".repeat(200_000),
        "三".repeat(100_000)
    ));
    // Runs of values after 分别 on one line with no sentence end.
    check(&"出口5亿元、进口3亿元分别增长1%和下降2%".repeat(20_000));
}

#[test]
fn huge_numerals_give_no_value_or_an_exact_one() {
    let text = format!("{}亿元", "9".repeat(400));
    let facts = check(&text);
    assert!(facts.is_empty());
    let facts = check("营收1e400亿元，增长1e-400%");
    assert!(
        facts
            .iter()
            .all(|f| !matches!(f, Fact::Number(n) if !n.value.is_finite()))
    );
}

#[test]
fn a_long_line_without_punctuation() {
    let seed = include_str!("../fixtures/haimen-2022.txt");
    let flat: String = seed
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"，。、；：“”（）\n".contains(*c))
        .collect();
    let mut line = String::new();
    while line.len() < 1 << 20 {
        line.push_str(&flat);
    }
    assert!(!check(&line).is_empty());
}

#[test]
fn brackets_line_ends_and_white_space() {
    check(&"（".repeat(100_000));
    check(&"（（（中天钢铁（南通）有限公司）".repeat(10_000));
    let seed = include_str!("../fixtures/haimen-2022.txt");
    let crlf = seed.replace('\n', "\r\n");
    let cr = seed.replace('\n', "\r");
    let n = check(seed).len();
    assert_eq!(check(&crlf).len(), n, "CRLF line ends change nothing");
    assert_eq!(check(&cr).len(), n, "lone CR line ends change nothing");
    assert!(check(" \t\n\r\u{3000}\n\n  ").is_empty());
    assert!(check("").is_empty());
}

/// Found by the fuzzer: a number's unit reached into a percentage (`3打对` and `对折`), and
/// the subject rule sliced the text between the two backwards. A number may not overlap a
/// claimed span, unit and bound words included.
#[test]
fn a_unit_that_reaches_into_a_percentage() {
    for text in ["3打对折", "共有3打对折扣", "服装3打对折销售，增长5%"] {
        let facts = check(text);
        let numbers = facts.iter().filter(|f| matches!(f, Fact::Number(_)));
        for n in numbers {
            let overlaps = facts
                .iter()
                .filter(|p| matches!(p, Fact::Percentage(_)))
                .any(|p| p.start() < n.end() && n.start() < p.end());
            assert!(!overlaps, "{n:?} overlaps a percentage in {text}");
        }
    }
}

/// The `N群M链` shapes that were quadratic: a structure, then many introducing phrases
/// whose lists do not match its counts. Each list is read within its own sentence, so the
/// structure keeps no members and 1 MB takes a fraction of a second (the scaling bench
/// measures the time: `chain-intros-after-structure`, `cluster-intros-after-structure`).
#[test]
fn many_introducing_phrases_after_a_structure() {
    for unit in ["12条产业链包括高端装备。", "7大产业集群中，新材料。"] {
        let text = format!("7群12链。{}", unit.repeat((1 << 20) / unit.len()));
        let facts = check(&text);
        let structures: Vec<_> = facts
            .iter()
            .filter_map(|f| match f {
                Fact::ClusterChain(c) => Some(c),
                _ => None,
            })
            .collect();
        assert_eq!(structures.len(), 1, "{unit}");
        assert_eq!((structures[0].clusters, structures[0].chains), (7, 12));
        assert!(structures[0].cluster_members.is_empty() && structures[0].chain_members.is_empty());
    }
}

/// Any document year, however odd, gives no panic: out of range it is clamped by
/// `with_document_year` and refused by `try_with_document_year`, and every relative date
/// resolves to a four-digit year or a range of them.
#[test]
fn any_document_year_is_clamped_or_refused() {
    let texts = [
        "全年",
        "明年",
        "去年",
        "前年",
        "上年末",
        "上半年",
        "今年一季度",
        "当年",
        "同期",
    ];
    for year in [i32::MIN, -1, 0, 1, 999, 1000, 2023, 9999, 10_000, i32::MAX] {
        let refused = Extractor::new().try_with_document_year(year);
        assert_eq!(refused.is_err(), !zhfacts::DOCUMENT_YEARS.contains(&year), "{year}");
        if let Err(e) = refused {
            assert_eq!(e, zhfacts::Error::YearOutOfRange { year });
            assert!(e.to_string().contains(&year.to_string()), "{e}");
        }
        let extractor = Extractor::new().with_document_year(year);
        for text in texts {
            for f in extractor.extract(text) {
                let Fact::Date(d) = f else { continue };
                let Some(iso) = d.iso else { continue };
                for y in iso.split('/').map(|p| &p[..p.find('-').unwrap_or(p.len())]) {
                    let y: i32 = y.parse().unwrap_or_else(|_| panic!("{year} {text}: {iso}"));
                    assert!((998..=10_001).contains(&y), "{year} {text}: {iso}");
                }
            }
        }
    }
}

/// A numeral that cannot be read exactly gives no fact, and neither does a piece of it:
/// `投资10^100元` is no `100元`, `1e-400元` no `400元`.
#[test]
fn an_unreadable_numeral_gives_no_fact() {
    for text in [
        "投资10^100元",
        "投资1e-400元",
        "营收1e400亿元",
        "增长2^9999%",
        "9999999999999999999999999999999999999999e5元",
    ] {
        let facts = check(text);
        assert!(
            !facts.iter().any(|f| matches!(f, Fact::Number(_) | Fact::Percentage(_))),
            "{text}: {facts:?}"
        );
    }
    // Exponents that can be read are read whole.
    let facts = check("投资2^10元，增长1.5e1%");
    let values: Vec<(&str, f64)> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Number(n) => Some((&*n.text, n.value)),
            Fact::Percentage(p) => Some((&*p.text, p.value)),
            _ => None,
        })
        .collect();
    assert_eq!(values, [("2^10元", 1024.0), ("1.5e1%", 15.0)]);
}

proptest! {
    /// Every value reads back from its JSON to the same `f64`, to the last bit: 15 to 19
    /// significant digits included, where a fast float parser can be one ULP off.
    #[test]
    fn values_round_trip_through_json_exactly(digits in "[1-9][0-9]{14,18}", point in 0usize..19) {
        let numeral = if point > 0 && point < digits.len() {
            format!("{}.{}", &digits[..point], &digits[point..])
        } else {
            digits.clone()
        };
        let text = format!("投资{numeral}元");
        for f in check(&text) {
            let json = serde_json::to_string(&f).unwrap();
            let back: Fact = serde_json::from_str(&json).unwrap();
            if let (Fact::Number(a), Fact::Number(b)) = (&f, &back) {
                prop_assert_eq!(a.value.to_bits(), b.value.to_bits(), "{}", json);
            }
        }
    }
}
