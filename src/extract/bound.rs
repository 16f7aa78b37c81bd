//! Bound words, as the record contract lists them: `超过1000亿元` (over), `低于3%`
//! (under), `约5万人` (about), `3000人以上`. The words before a number are extended by a
//! [`crate::Lexicon`] (see [`super::vocabulary`]); those after it are these.

use crate::fact::Bound;

/// Before a number, a lower bound: 超过1000亿元, 突破110亿元, 逾百家, 超50%.
pub(crate) const OVER_BEFORE: &[&str] = &[
    "超过",
    "突破",
    "逾",
    "超",
    "多于",
    "高于",
    "大于",
    "至少",
    "不少于",
    "不低于",
    "超出",
];

/// Before a number, an upper bound: 低于3%, 不到一半, 不足百人.
pub(crate) const UNDER_BEFORE: &[&str] = &[
    "低于",
    "不到",
    "不足",
    "少于",
    "小于",
    "不超过",
    "不高于",
    "最多",
    "至多",
    "不多于",
];

/// Before a number, an approximation: 约5万人, 近10万个, 将近, 接近.
pub(crate) const ABOUT_BEFORE: &[&str] = &["约", "近", "将近", "接近", "大约", "约为", "大概"];
/// After a number (and its unit), a bound: 3000人以上, 5%以下, 200亿元左右.
const AFTER: &[(&str, Bound)] = &[
    ("以上", Bound::Over),
    ("有余", Bound::Over),
    ("以下", Bound::Under),
    ("以内", Bound::Under),
    ("左右", Bound::About),
    ("上下", Bound::About),
];

/// A bound word at `pos`: the bound and where the word ends.
pub(crate) fn bound_after(text: &str, pos: usize) -> Option<(Bound, usize)> {
    let rest = text.get(pos..)?;
    AFTER
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, b)| (*b, pos + w.len()))
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::Vocabulary;
    use super::*;

    #[test]
    fn bound_word_lists_share_no_word() {
        for (a, b) in [
            (UNDER_BEFORE, OVER_BEFORE),
            (UNDER_BEFORE, ABOUT_BEFORE),
            (OVER_BEFORE, ABOUT_BEFORE),
        ] {
            assert!(a.iter().all(|w| !b.contains(w)));
        }
    }

    #[test]
    fn bound_words() {
        let bound_before = |t: &str, p: usize| Vocabulary::built_in().bound_before(t, p);
        let t = "总建筑面积超过65万平方米";
        let p = t.find("65").unwrap();
        assert_eq!(bound_before(t, p), Some((Bound::Over, t.find("超过").unwrap())));
        let t = "数量不超过5个";
        let p = t.find('5').unwrap();
        assert_eq!(bound_before(t, p).map(|b| b.0), Some(Bound::Under));
        let t = "最近3年";
        assert_eq!(bound_before(t, t.find('3').unwrap()), None);
        assert_eq!(
            bound_after("3000人以上", "3000人".len()).map(|b| b.0),
            Some(Bound::Over)
        );
    }
}
