//! Equality of short byte strings without a call to `memcmp`.
//!
//! The rules compare a word of a few bytes (a CJK word is 3 to 18) at a place in the text
//! again and again; the standard comparison calls `memcmp`, whose call and length dispatch
//! cost more than the compare itself. Here a string of up to 16 bytes is compared as two
//! overlapping machine words.

/// Are `a` and `b` the same bytes?
#[inline]
pub(crate) fn eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word8 = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    let word4 = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or([0; 4]));
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => a == b,
    }
}

/// Does `text` start with `word`?
#[inline]
pub(crate) fn starts_with(text: &str, word: &str) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    t.len() >= w.len() && eq(&t[..w.len()], w)
}

/// Does `text` end with `word`?
#[inline]
pub(crate) fn ends_with(text: &str, word: &str) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    t.len() >= w.len() && eq(&t[t.len() - w.len()..], w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers as the standard comparisons, for every length up to 40 and a
    /// difference at every position.
    #[test]
    fn agrees_with_the_standard_comparison() {
        let base: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect();
        for n in 0..=40 {
            let a = &base[..n];
            assert!(eq(a, a));
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x40;
                assert!(!eq(a, &b), "{n} {at}");
            }
            assert!(!eq(a, &base[..n.saturating_sub(1)]) || n == 0);
        }
        for (text, word) in [
            ("规上工业应税销售", "规上"),
            ("增加值", "增加"),
            ("增", "增加"),
            ("", ""),
        ] {
            assert_eq!(starts_with(text, word), text.starts_with(word), "{text} {word}");
            assert_eq!(ends_with(text, word), text.ends_with(word), "{text} {word}");
        }
        assert!(ends_with("产业集群", "集群") && !ends_with("产业链", "集群"));
    }
}
