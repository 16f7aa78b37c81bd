//! Throughput of extraction against segmentation, on the seed article's lines.
//!
//! `cargo bench --bench extract`. The segmenter and the lazy statics are built before any
//! timing; building jieba is measured on its own.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

fn throughput(c: &mut Criterion) {
    let lines: Vec<&str> = SEED.lines().collect();
    let jieba = jieba_rs::Jieba::new();
    zhfacts::warm_up();
    black_box(zhfacts::extract(SEED));

    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
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
