//! Throughput of `zhfacts::extract` against the segmenter alone, on the same lines.
//!
//! ```text
//! cargo run --release --example throughput [MB] [cut|extract]   # default 10 MB, both
//! ```
//!
//! With `cut` or `extract` only that side runs, for measuring each one's peak memory
//! (`/usr/bin/time -v`).
//!
//! The corpus is the seed article repeated to at least the given size, then the other texts
//! the crate holds: the inputs of the conformance cases, a line each. Both are timed over
//! every line, after the segmenter is built and one warm-up call: `jieba_rs::Jieba::cut(line,
//! true)` (HMM on) and `zhfacts::extract(line)`. The two alternate for `ROUNDS` rounds
//! (default 10), and each one's fastest round is reported. The last line is
//! `extract/cut throughput ratio: R`; R ≥ 1 means extraction is at least as fast as
//! segmenting.

use std::hint::black_box;
use std::time::Instant;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

#[path = "../benches/shared/held_texts.rs"]
mod held_texts;

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let only = std::env::args().nth(2).unwrap_or_default();
    let mut corpus = String::with_capacity(mb << 20 | SEED.len());
    while corpus.len() < mb << 20 {
        corpus.push_str(SEED);
        corpus.push('\n');
    }
    for input in held_texts::conformance_inputs() {
        corpus.push_str(&input);
        corpus.push('\n');
    }
    let lines: Vec<&str> = corpus.lines().collect();
    let bytes = corpus.len() as f64;

    // Rounds alternate the two sides, and each side's fastest round counts: on a shared
    // machine a round may be slowed by other work, and both sides get the same chances.
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10)
        .max(1);
    let jieba = (only != "extract").then(jieba_rs::Jieba::new);
    if let Some(j) = &jieba {
        black_box(j.cut(lines[0], true));
    }
    if only != "cut" {
        zhfacts::warm_up();
        black_box(zhfacts::extract(SEED));
    }
    let (mut cut_s, mut words) = (f64::INFINITY, 0usize);
    let (mut extract_s, mut facts) = (f64::INFINITY, 0usize);
    for _ in 0..rounds {
        if let Some(j) = &jieba {
            words = 0;
            let t = Instant::now();
            for line in &lines {
                words += black_box(j.cut(line, true)).len();
            }
            cut_s = cut_s.min(t.elapsed().as_secs_f64());
        }
        if only != "cut" {
            facts = 0;
            let t = Instant::now();
            for line in &lines {
                facts += black_box(zhfacts::extract(line)).len();
            }
            extract_s = extract_s.min(t.elapsed().as_secs_f64());
        }
    }

    // A side that did not run has no rate.
    let mbs = |s: f64| {
        if s.is_finite() {
            format!("{:8.1} MB/s", bytes / s / 1e6)
        } else {
            "(not run)".into()
        }
    };
    println!("corpus: {:.1} MB in {} lines", bytes / 1e6, lines.len());
    println!("jieba cut (hmm):  {}  ({words} words)", mbs(cut_s));
    println!("zhfacts extract:  {}  ({facts} facts)", mbs(extract_s));
    if cut_s.is_finite() && extract_s.is_finite() {
        println!("extract/cut throughput ratio: {:.2}", cut_s / extract_s);
    }
}
