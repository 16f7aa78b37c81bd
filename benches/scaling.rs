//! Linear time on adversarial inputs: for each, the time on 2 MB over the time on 1 MB
//! (best of three runs each). Linear is 2.0; the bound checked is 2.2.
//!
//! `cargo bench --bench scaling` prints one line per input and exits non-zero when an
//! input exceeds the bound.

use std::hint::black_box;
use std::time::Instant;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

/// `unit` repeated to at least `bytes`.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn best_of_three(text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            black_box(zhfacts::extract(black_box(text)));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    zhfacts::warm_up();
    let flat: String = SEED
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"，。、；：“”（）\n".contains(*c))
        .collect();
    let inputs: &[(&str, &str)] = &[
        ("nines", "9"),
        ("yi", "亿"),
        ("di", "第"),
        ("baifenzhi", "百分之"),
        ("line without punctuation", &flat),
        ("brackets", "（（（"),
        ("crlf seed", &SEED.replace('\n', "\r\n")),
        ("cr seed", &SEED.replace('\n', "\r")),
        ("white space", " \t\u{3000}\n"),
        ("company endings", "有限公司"),
        ("quoted formulas", "“一群一策”"),
        ("seed", SEED),
    ];
    let mut worst: f64 = 0.0;
    for (name, unit) in inputs {
        let one = fill(unit, 1 << 20);
        let two = fill(unit, 2 << 20);
        let (t1, t2) = (best_of_three(&one), best_of_three(&two));
        let ratio = t2 / t1;
        worst = worst.max(ratio);
        println!(
            "{name:<26} 1 MB {:>9.2} ms   2 MB {:>9.2} ms   ratio {ratio:.2}",
            t1 * 1e3,
            t2 * 1e3
        );
    }
    println!("worst 2 MB / 1 MB ratio: {worst:.2} (bound 2.2)");
    if worst > 2.2 {
        std::process::exit(1);
    }
}
