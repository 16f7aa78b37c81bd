//! Reading characters around a byte offset, shared by the rules.

use std::borrow::Cow;

/// The byte offset `max` bytes before `pos` (or 0), moved forward to a char boundary:
/// where a backward search may start, so that no search reads more than `max` bytes.
pub(crate) fn floor_back(text: &str, pos: usize, max: usize) -> usize {
    let mut from = pos.saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The byte offset `max` bytes after `pos` (or the end), moved back to a char boundary.
pub(crate) fn ceil_forward(text: &str, pos: usize, max: usize) -> usize {
    let mut to = pos.saturating_add(max).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    to
}

/// Items read from the text (a list of members), as a record holds them.
pub(crate) fn as_members<'d>(items: &[&'d str]) -> Vec<Cow<'d, str>> {
    items.iter().map(|&s| Cow::Borrowed(s)).collect()
}

/// Splits the last item of an enumeration at 和/及/与 (`A、B和C`) into two, when both
/// sides are non-empty.
pub(crate) fn split_last_pair(items: &mut Vec<&str>) {
    if let Some(last) = items.pop() {
        match last.split_once(['和', '及', '与']) {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => items.extend([a, b]),
            _ => items.push(last),
        }
    }
}

/// The class of a digit of a count: Arabic (ASCII or full-width) `Some(true)`, Chinese
/// (一 … 十, 两) `Some(false)`.
pub(crate) fn digit_class(c: char) -> Option<bool> {
    match c {
        '0'..='9' | '０'..='９' => Some(true),
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' => Some(false),
        _ => None,
    }
}

/// The longest run of digits of one kind (`[0-9０-９]` or `[一二三四五六七八九十两]`) that
/// ends at byte `end` of `text`: its start.
pub(crate) fn number_run_before(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let last = head.chars().next_back()?;
    let class = digit_class(last)?;
    let run: usize = head
        .chars()
        .rev()
        .take_while(|c| digit_class(*c) == Some(class))
        .map(char::len_utf8)
        .sum();
    (run > 0).then_some(end - run)
}

/// Is `c` a Han character of the basic CJK block (`\u{4e00}`–`\u{9fff}`)?
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The byte offset in `outer` of `inner`, a slice of it.
pub(crate) fn offset_in(outer: &str, inner: &str) -> usize {
    let at = (inner.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
    debug_assert!(outer.get(at..at + inner.len()) == Some(inner), "a slice of the text");
    at
}

/// The character before byte `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at byte `pos`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|t| t.chars().next())
}

/// Skips inline spaces (not line breaks) from `pos`, read as bytes: ` `, `\t` and the
/// ideographic space (E3 80 80), which no other character begins with.
pub(crate) fn skip_spaces(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    loop {
        match b.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(0xE3) if b.get(pos + 1..pos + 3) == Some(&[0x80, 0x80]) => pos += 3,
            _ => return pos,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_skipped_as_bytes() {
        let text = "增长 \u{3000}\t8.5%　，";
        let at = "增长".len();
        assert_eq!(&text[skip_spaces(text, at)..], "8.5%　，");
        assert_eq!(skip_spaces(text, 0), 0);
        // Inside a character, or at the end: nothing to skip.
        assert_eq!(skip_spaces(text, 1), 1);
        assert_eq!(skip_spaces(text, text.len()), text.len());
        let end = text.len() - "，".len();
        assert_eq!(skip_spaces(text, end - "　".len()), end);
    }
}
