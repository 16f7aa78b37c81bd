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

/// A sentence of an example corpus with its marked facts: the sentence without the marks,
/// and the byte spans in it of the texts marked `[…]`.
fn unmark(marked: &str) -> (String, Vec<(usize, usize)>) {
    let (mut plain, mut spans, mut open) = (String::new(), Vec::new(), None);
    for c in marked.chars() {
        match c {
            '[' => {
                assert!(open.is_none(), "nested [ in the example {marked:?}");
                open = Some(plain.len());
            }
            ']' => spans.push((
                open.take().unwrap_or_else(|| panic!("] without [ in {marked:?}")),
                plain.len(),
            )),
            c => plain.push(c),
        }
    }
    assert!(open.is_none(), "[ without ] in the example {marked:?}");
    (plain, spans)
}

/// The assert of a rule's example corpus, grouped by the value each example gives
/// (Duckling's corpus): `groups` pairs a value with sentences that each give a fact of that
/// value, its text marked `[…]`; a sentence with facts of several values is listed under
/// each, marked there for that value. Every sentence must give exactly the facts marked
/// for it across the groups, in order, and every `negative` sentence none; `facts` reads
/// the facts of `kind` of a sentence, each as its text and value. Failures go through
/// [`assert_example`].
#[track_caller]
pub(crate) fn assert_corpus<V: PartialEq + std::fmt::Debug + Clone>(
    kind: crate::Kind,
    groups: &[(V, &[&str])],
    negative: &[&str],
    facts: impl Fn(&str) -> Vec<(String, V)>,
) {
    // Each sentence once, with every fact marked for it.
    let mut sentences: Vec<(String, Vec<(usize, String, V)>)> = Vec::new();
    for (value, marked) in groups {
        for marked in *marked {
            let (plain, spans) = unmark(marked);
            assert!(
                !spans.is_empty(),
                "the example {marked:?} marks no fact: a negative example?"
            );
            let i = match sentences.iter().position(|(s, _)| *s == plain) {
                Some(i) => i,
                None => {
                    sentences.push((plain.clone(), Vec::new()));
                    sentences.len() - 1
                }
            };
            for (s, e) in spans {
                sentences[i].1.push((s, plain[s..e].to_string(), value.clone()));
            }
        }
    }
    for (sentence, mut want) in sentences {
        want.sort_by_key(|w| w.0);
        let want: Vec<(String, V)> = want.into_iter().map(|(_, t, v)| (t, v)).collect();
        assert_example(kind, &sentence, &facts(&sentence), &want);
    }
    for sentence in negative {
        assert_example(kind, sentence, &facts(sentence), &[]);
    }
}

/// `s` for the life of the test run: the facts of a corpus sentence compared with its
/// table's `&'static str` values.
pub(crate) fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}
