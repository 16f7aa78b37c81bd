//! Linear time on adversarial inputs: for each, the time on 2 MB over the time on 1 MB,
//! and on 4 MB over 2 MB. Linear is 2.0; the bound checked is 2.3.
//!
//! `cargo bench --bench scaling` prints one line per input and exits non-zero when both
//! doublings of an input exceed the bound. A superlinear algorithm exceeds it at every
//! doubling; one doubling alone can cross a cache size (a 1 MB text and its positions fit
//! the 2 MiB L2 cache of a core of the project's machine, a 2 MB one does not: the
//! `company-endings` input reads 2.4 from 1 to 2 MB and 2.1 from 2 to 4 MB, for 2.00 times
//! the instructions under callgrind). Each measurement runs in a fresh child process (the heap left
//! by one input's megabytes of facts must not slow the next), and takes the fastest of as
//! many runs as fit in 1.5 s, at least three and at most a thousand (an input that takes
//! half a millisecond needs hundreds for its fastest run to be undisturbed); each size is
//! measured in three children, alternating with the other size, and the fastest counts:
//! the minimum is the estimate least disturbed by a noisy machine.

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

/// The adversarial inputs: a name, a head written once, and the unit repeated after it to
/// the size measured.
fn inputs() -> Vec<(&'static str, &'static str, String)> {
    let flat: String = SEED
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"，。、；：“”（）\n".contains(*c))
        .collect();
    vec![
        ("nines", "", "9".into()),
        ("yi", "", "亿".into()),
        ("di", "", "第".into()),
        ("per-cent-words", "", "百分之".into()),
        ("line-without-punctuation", "", flat),
        ("brackets", "", "（（（".into()),
        ("crlf-seed", "", SEED.replace('\n', "\r\n")),
        ("cr-seed", "", SEED.replace('\n', "\r")),
        ("white-space", "", " \t\u{3000}\n".into()),
        ("company-endings", "", "有限公司".into()),
        ("quoted-formulas", "", "“一群一策”".into()),
        // One sentence with the words of an N群M链 structure and one long run of digits.
        ("digits-after-head", HEAD, "1".into()),
        ("seed", "", SEED.into()),
        // An N群M链 structure, then many introducing phrases whose lists do not match
        // its counts: each list is read within its own sentence.
        (
            "chain-intros-after-structure",
            "7群12链。",
            "12条产业链包括高端装备。".into(),
        ),
        (
            "cluster-intros-after-structure",
            "7群12链。",
            "7大产业集群中，新材料。".into(),
        ),
    ]
}

/// What the digits input starts with.
const HEAD: &str = "12条产业链和7大产业集群，链群";

/// The fastest extraction of `head` and `unit` repeated to `mb` megabytes, in seconds.
fn measure(head: &str, unit: &str, mb: usize) -> f64 {
    let text = format!("{head}{}", unit.repeat((mb << 20) / unit.len() + 1));
    zhfacts::warm_up();
    let budget = Instant::now();
    let mut best = f64::INFINITY;
    let mut runs = 0;
    while runs < 3 || (budget.elapsed().as_secs_f64() < 1.5 && runs < 1000) {
        let t = Instant::now();
        black_box(zhfacts::extract(black_box(&text)));
        best = best.min(t.elapsed().as_secs_f64());
        runs += 1;
    }
    best
}

/// Runs `measure` for one input in a child process of this bench.
fn in_child(name: &str, mb: usize) -> f64 {
    let exe = std::env::current_exe().expect("the bench knows its path");
    // glibc's allocator hands large freed blocks back to the kernel and maps them again on
    // the next run, which the kernel zeroes page by page: a cost of the output's size that
    // swamps the extraction's on fact-dense inputs. The child keeps its freed memory, so
    // that its fastest run measures the extraction (a batch process sees the same warm heap).
    let out = Command::new(exe)
        .env("MALLOC_MMAP_THRESHOLD_", "1073741824")
        .env("MALLOC_TRIM_THRESHOLD_", "1073741824")
        .args(["--measure", name, &mb.to_string()])
        .output()
        .expect("child runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("child prints seconds")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let (name, mb) = (&args[i + 1], args[i + 2].parse().expect("size in MB"));
        let (_, head, unit) = inputs().into_iter().find(|(n, ..)| n == name).expect("known input");
        println!("{}", measure(head, &unit, mb));
        return;
    }
    const BOUND: f64 = 2.3;
    let (mut worst_first, mut worst) = (0.0f64, 0.0f64);
    for (name, ..) in inputs() {
        // The fastest of three children per size, alternating: a machine shared with other
        // work slows some runs, never speeds one up.
        let mut t = [f64::INFINITY; 3];
        for _ in 0..3 {
            for (k, mb) in [1, 2, 4].into_iter().enumerate() {
                t[k] = t[k].min(in_child(name, mb));
            }
        }
        let (r1, r2) = (t[1] / t[0], t[2] / t[1]);
        worst_first = worst_first.max(r1);
        // What the input is judged by: the better of its two doublings.
        worst = worst.max(r1.min(r2));
        println!(
            "{name:<30} 1 MB {:>8.2} ms  2 MB {:>8.2} ms  4 MB {:>8.2} ms  ratios {r1:.2} {r2:.2}",
            t[0] * 1e3,
            t[1] * 1e3,
            t[2] * 1e3
        );
    }
    println!("worst 2 MB / 1 MB ratio: {worst_first:.2}");
    println!("worst over inputs of the better doubling: {worst:.2} (bound {BOUND})");
    if worst > BOUND {
        std::process::exit(1);
    }
}
