//! Throughput of extraction against segmentation, on the seed article's lines, and apart on
//! the other texts the crate holds: the inputs of the conformance cases, short lines that
//! weigh the fixed cost of a call.
//!
//! `cargo bench --bench extract`. The segmenter and the lazy statics are built before any
//! timing; building jieba is measured on its own.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");
#[path = "shared/held_texts.rs"]
mod held_texts;

/// Segmenting against extracting, each line of `lines` in turn.
fn lines_group(c: &mut Criterion, name: &str, lines: &[&str], jieba: &jieba_rs::Jieba) {
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("jieba_cut_hmm", |b| {
        b.iter(|| lines.iter().map(|l| jieba.cut(black_box(l), true).len()).sum::<usize>())
    });
    g.bench_function("zhfacts_extract", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| zhfacts::extract(black_box(l)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn throughput(c: &mut Criterion) {
    let lines: Vec<&str> = SEED.lines().collect();
    let jieba = jieba_rs::Jieba::new();
    zhfacts::warm_up();
    black_box(zhfacts::extract(SEED));

    lines_group(c, "seed_lines", &lines, &jieba);
    let inputs = held_texts::conformance_inputs();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    lines_group(c, "conformance_lines", &inputs, &jieba);

    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("zhfacts_extract_whole_document", |b| {
        b.iter(|| zhfacts::extract(black_box(SEED)).len())
    });
    g.finish();

    let mut g = c.benchmark_group("setup");
    g.sample_size(10);
    g.bench_function("jieba_new", |b| b.iter(jieba_rs::Jieba::new));
    g.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
