//! What the differential tests share: texts drawn at random from pieces of a pattern.

/// A small deterministic generator (xorshift64), so that a failing text can be found again.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// Fewer than `max` pieces drawn from `pieces`, joined.
    pub fn text(&mut self, pieces: &[&str], max: usize) -> String {
        let n = self.below(max);
        (0..n).map(|_| pieces[self.below(pieces.len())]).collect()
    }
}

/// The assert every rule's example table goes through: `sentence` gives the facts `want`
/// of `kind` (in the form the table writes them, which `got` has). On failure it prints
/// the input, what was found in its place, every fact of the sentence with the rule
/// (kind) that found it, and where the rule is.
#[track_caller]
pub(crate) fn assert_example<T: PartialEq + std::fmt::Debug>(kind: crate::Kind, sentence: &str, got: &[T], want: &[T]) {
    if got == want {
        return;
    }
    let found: Vec<String> = crate::extract(sentence)
        .iter()
        .map(|f| format!("{:<13} {:?} at {}..{}", f.kind().as_str(), f.text(), f.start(), f.end()))
        .collect();
    let kind = kind.as_str();
    panic!(
        "{kind} example\n  input:    {sentence}\n  expected: {want:?}\n  found:    {got:?}\n  \
         every fact of the input, by the rule that found it:\n    {}\n  help: the {kind} rule and \
         its word tables are in src/extract/{kind}.rs. A fact another rule found first (dates, \
         percentages, rankings and company names claim their spans before numbers) is fixed in \
         that rule; a missing word goes in its table, or in a Lexicon.",
        if found.is_empty() {
            "(none)".to_string()
        } else {
            found.join("\n    ")
        }
    );
}
