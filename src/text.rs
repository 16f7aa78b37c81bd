//! The text the extractors read: the input with line breaks inside sentences removed.
//!
//! Text extracted from PDFs breaks lines inside sentences (`国家级制造业\n\n单项冠军`).
//! A break of at most one blank line that follows a character ending no sentence is
//! removed, so that rules see the sentence whole; a longer break, or one after 。！？；：,
//! stays and separates. [`Joined::original`] maps offsets back to the input.

use std::borrow::Cow;

/// The input with mid-sentence line breaks removed, and the map back.
pub(crate) struct Joined<'a> {
    /// The joined text (the input itself when nothing was joined).
    pub text: Cow<'a, str>,
    /// `(joined offset, bytes removed before it in total)`, one entry per removed break.
    removed: Vec<(usize, usize)>,
}

/// Characters that end a sentence or a heading: a line break after them is kept.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '…' | '·' | '」' | '』'
    )
}

/// Does `bytes` hold a `\n` or `\r`? One pass, 32 bytes at a time without a branch
/// inside a block, which the compiler turns into vector compares (the last block overlaps
/// the one before it): most texts have no break, and two `memchr` calls read twice.
fn has_line_break(bytes: &[u8]) -> bool {
    fn any_break(block: &[u8]) -> bool {
        block
            .iter()
            .fold(0u8, |n, &b| n | u8::from(b == b'\n') | u8::from(b == b'\r'))
            != 0
    }
    const BLOCK: usize = 32;
    if bytes.len() < BLOCK {
        return bytes.iter().any(|&b| b == b'\n' || b == b'\r');
    }
    bytes.chunks_exact(BLOCK).any(any_break) || any_break(&bytes[bytes.len() - BLOCK..])
}

fn is_break_space(c: char) -> bool {
    matches!(c, '\n' | '\r' | ' ' | '\t' | '\u{3000}')
}

impl<'a> Joined<'a> {
    /// `input` as it is, for a text with no line break.
    pub fn unchanged(input: &'a str) -> Joined<'a> {
        Joined {
            text: Cow::Borrowed(input),
            removed: Vec::new(),
        }
    }

    /// Joins the mid-sentence breaks of `input`. Linear in its length.
    pub fn new(input: &'a str) -> Joined<'a> {
        if !has_line_break(input.as_bytes()) {
            return Joined::unchanged(input);
        }
        let mut text = String::with_capacity(input.len());
        let mut removed = Vec::new();
        let mut total = 0usize;
        let mut last = 0usize;
        let bytes = input.as_bytes();
        let mut i = 0usize;
        while i < bytes.len() {
            if bytes[i] != b'\n' && bytes[i] != b'\r' {
                i += 1;
                continue;
            }
            // The whole white-space run around this break.
            let mut a = i;
            while a > last {
                let c = input[..a].chars().next_back().unwrap_or('x');
                if c == ' ' || c == '\t' || c == '\u{3000}' {
                    a -= c.len_utf8();
                } else {
                    break;
                }
            }
            let mut b = i;
            let mut newlines = 0;
            while b < bytes.len() {
                let c = input[b..].chars().next().unwrap_or('x');
                if !is_break_space(c) {
                    break;
                }
                if c == '\n' || (c == '\r' && bytes.get(b + 1) != Some(&b'\n')) {
                    newlines += 1;
                }
                b += c.len_utf8();
            }
            let before = input[..a].chars().next_back();
            let after = input[b..].chars().next();
            let join = newlines <= 2
                && before.is_some_and(|c| !ends_sentence(c) && !c.is_ascii())
                && after.is_some_and(|c| !c.is_ascii() || c.is_ascii_alphanumeric());
            if join {
                text.push_str(&input[last..a]);
                total += b - a;
                removed.push((text.len(), total));
                last = b;
            }
            i = b.max(i + 1);
        }
        if removed.is_empty() {
            return Joined::unchanged(input);
        }
        text.push_str(&input[last..]);
        Joined {
            text: Cow::Owned(text),
            removed,
        }
    }

    fn removed_before(&self, pos: usize, inclusive: bool) -> usize {
        let idx = self
            .removed
            .partition_point(|&(p, _)| if inclusive { p <= pos } else { p < pos });
        if idx == 0 { 0 } else { self.removed[idx - 1].1 }
    }

    /// The input offsets of the joined span `start..end`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = start + self.removed_before(start, true);
        let e = end + self.removed_before(end, false);
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_breaks_inside_sentences_only() {
        let input = "国家级制造业\n\n单项冠军占25%。\n\n\n\n新段落\n第二行";
        let j = Joined::new(input);
        assert_eq!(j.text, "国家级制造业单项冠军占25%。\n\n\n\n新段落第二行");
        let s = j.text.find("单项").unwrap();
        let (a, b) = j.original(s - "制造业".len(), s + "单项".len());
        assert_eq!(&input[a..b], "制造业\n\n单项");
        let p = j.text.find("新段落").unwrap();
        let (a, b) = j.original(p, p + "新段落".len());
        assert_eq!(&input[a..b], "新段落");
    }

    #[test]
    fn line_breaks_are_found_in_every_position() {
        for len in [0, 1, 31, 32, 33, 64, 100] {
            let plain = "a".repeat(len);
            assert!(!has_line_break(plain.as_bytes()));
            for at in 0..len {
                for b in [b'\n', b'\r'] {
                    let mut bytes = plain.clone().into_bytes();
                    bytes[at] = b;
                    assert!(has_line_break(&bytes), "{len} {at}");
                }
            }
        }
        assert!(!has_line_break("全年增长8.5%，　完成".as_bytes()));
    }

    #[test]
    fn keeps_breaks_after_sentence_ends_and_crlf_is_one_break() {
        let j = Joined::new("完成。\r\n下一句\r\n续");
        assert_eq!(j.text, "完成。\r\n下一句续");
    }
}
