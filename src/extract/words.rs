//! Word sets for lookups at a position: the longest word of a table that starts or ends
//! at a byte offset. A set is indexed by first and last character, so that only the words
//! that share the character under the cursor are compared.

/// A word list indexed by first and last character, for lookups on the hot path: only
/// the words that share the character under the cursor are compared.
pub(crate) struct WordSet {
    by_first: CharTable,
    by_last: CharTable,
    /// One bit per first character (see [`char_bit`]): most characters are told apart
    /// from the set's without a table lookup.
    first_bits: u64,
    /// The same for the last characters.
    last_bits: u64,
}

/// A character's bit in a 64-bit filter.
#[inline]
fn char_bit(c: char) -> u64 {
    1 << ((c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// Words grouped by a character, longest first in each group: an open-addressing table
/// keyed by the character, hashed by one multiplication (the keys are few and not chosen
/// by an adversary: they are the characters of static word lists), at most a quarter full.
struct CharTable {
    /// `(character, first word, number of words)`; the character 0 marks an empty slot.
    slots: Vec<(u32, u32, u32)>,
    words: Vec<Box<str>>,
}

impl CharTable {
    /// Groups `words` by the character `key` gives each.
    fn new(words: &[&str], key: impl Fn(&str) -> Option<char>) -> CharTable {
        let mut groups: std::collections::BTreeMap<char, Vec<&str>> = Default::default();
        for &w in words {
            if let Some(c) = key(w) {
                groups.entry(c).or_default().push(w);
            }
        }
        let size = (groups.len() * 4).next_power_of_two().max(8);
        let mut table = CharTable {
            slots: vec![(0, 0, 0); size],
            words: Vec::new(),
        };
        for (c, mut group) in groups {
            group.sort_by_key(|w| std::cmp::Reverse(w.len()));
            group.dedup();
            let mut i = table.slot(c);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (c as u32, table.words.len() as u32, group.len() as u32);
            table.words.extend(group.into_iter().map(Box::from));
        }
        table
    }

    /// The first slot of `c`.
    #[inline]
    fn slot(&self, c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 16) as usize & (self.slots.len() - 1)
    }

    /// The words of `c`, longest first.
    #[inline]
    fn get(&self, c: char) -> &[Box<str>] {
        let mut i = self.slot(c);
        loop {
            let (key, first, n) = self.slots[i];
            if key == c as u32 {
                return &self.words[first as usize..(first + n) as usize];
            }
            if key == 0 {
                return &[];
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The characters that have words.
    fn keys(&self) -> impl Iterator<Item = char> + '_ {
        self.slots
            .iter()
            .filter_map(|s| char::from_u32(s.0).filter(|_| s.0 != 0))
    }
}

impl WordSet {
    /// Indexes `words`; longer words are tried first.
    pub fn new<'w>(words: impl AsRef<[&'w str]>) -> WordSet {
        let words = words.as_ref();
        let by_first = CharTable::new(words, |w| w.chars().next());
        let by_last = CharTable::new(words, |w| w.chars().next_back());
        let first_bits = by_first.keys().fold(0, |b, c| b | char_bit(c));
        let last_bits = by_last.keys().fold(0, |b, c| b | char_bit(c));
        WordSet {
            by_first,
            by_last,
            first_bits,
            last_bits,
        }
    }

    /// The longest word that `text` has at byte `pos`.
    pub fn longest_at(&self, text: &str, pos: usize) -> Option<&str> {
        let rest = text.get(pos..)?;
        let c = rest.chars().next()?;
        if self.first_bits & char_bit(c) == 0 {
            return None;
        }
        self.by_first
            .get(c)
            .iter()
            .find(|w| rest.starts_with(&w[..]))
            .map(|w| &**w)
    }

    /// The longest word that ends at byte `pos` of `text`.
    pub fn longest_before(&self, text: &str, pos: usize) -> Option<&str> {
        let head = text.get(..pos)?;
        let c = head.chars().next_back()?;
        if self.last_bits & char_bit(c) == 0 {
            return None;
        }
        self.by_last
            .get(c)
            .iter()
            .find(|w| head.ends_with(&w[..]))
            .map(|w| &**w)
    }

    /// Is `word` in the set?
    pub fn contains(&self, word: &str) -> bool {
        word.chars()
            .next()
            .filter(|c| self.first_bits & char_bit(*c) != 0)
            .is_some_and(|c| self.by_first.get(c).iter().any(|w| **w == *word))
    }
}

/// A lazily built [`WordSet`] over a static word list, one per call site.
macro_rules! word_set {
    ($list:expr) => {{
        static SET: once_cell::sync::Lazy<$crate::extract::WordSet> =
            once_cell::sync::Lazy::new(|| $crate::extract::WordSet::new($list));
        &*SET
    }};
}

/// The longest word of a static list that ends at byte `pos` of `text`.
macro_rules! longest_before {
    ($text:expr, $pos:expr, $list:expr) => {
        word_set!($list).longest_before($text, $pos)
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{OVER_BEFORE, number};

    /// The word set answers what a scan of its list answers, at every character of the
    /// seed and for every word of the seed's segmentation.
    #[test]
    fn word_sets_answer_as_a_scan_of_their_list() {
        let seed = include_str!("../../fixtures/haimen-2022.txt");
        let lists: [&[&str]; 3] = [
            number::UNITS,
            OVER_BEFORE,
            &["增长", "增", "增长率", "率", "长", "A", "“"],
        ];
        for list in lists {
            let set = WordSet::new(list);
            let longest = |found: &mut dyn Iterator<Item = &&'static str>| found.max_by_key(|w| w.len()).copied();
            for (i, _) in seed.char_indices() {
                let at = longest(&mut list.iter().filter(|w| seed[i..].starts_with(**w)));
                assert_eq!(set.longest_at(seed, i), at, "at {i}");
                let before = longest(&mut list.iter().filter(|w| seed[..i].ends_with(**w)));
                assert_eq!(set.longest_before(seed, i), before, "before {i}");
            }
            for w in crate::segment::tag_fast(&seed[..3000]) {
                assert_eq!(set.contains(w.text()), list.contains(&w.text()), "{}", w.text());
            }
            assert!(list.iter().all(|w| set.contains(w)));
        }
    }
}
