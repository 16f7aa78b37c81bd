//! Peak memory of one extraction, against what the facts it returns hold.
//!
//! ```text
//! cargo run --release --example memory [SHAPE] [MB]    # default: dense 10
//! ```
//!
//! SHAPE is `dense` (`1亿元` repeated: a fact every seven bytes, the worst case) or `seed`
//! (the seed article repeated, as one document). The input is built, the segmenter warmed
//! up, and the process's peak resident memory read (`VmHWM` of `/proc/self/status`, Linux)
//! before and after one `extract`. What the facts hold is their vector's length times the
//! size of a [`Fact`], plus the strings and lists they own (a text whose line breaks were
//! joined gives facts that own their strings). The last line is
//! `extraction peak / facts held: R`.

use std::borrow::Cow;
use std::mem::size_of;

use zhfacts::Fact;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

/// Peak resident memory of this process so far, in bytes (0 where it cannot be read).
fn peak_rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// The heap bytes a fact's strings and lists own (a borrowed string owns none).
fn owned_bytes(fact: &Fact) -> usize {
    // A `Cow` is asked whether it owns its string, which a `&str` cannot tell.
    #[allow(clippy::ptr_arg)]
    fn s(c: &Cow<str>) -> usize {
        match c {
            Cow::Owned(s) => s.capacity(),
            Cow::Borrowed(_) => 0,
        }
    }
    fn o(c: &Option<Cow<str>>) -> usize {
        c.as_ref().map_or(0, s)
    }
    fn list(v: &[Cow<str>]) -> usize {
        std::mem::size_of_val(v) + v.iter().map(s).sum::<usize>()
    }
    match fact {
        Fact::Number(n) => s(&n.text) + o(&n.unit) + o(&n.subject),
        Fact::Percentage(p) => s(&p.text) + o(&p.subject),
        Fact::Ranking(r) => s(&r.text) + o(&r.scope) + o(&r.list),
        Fact::Enterprise(e) => s(&e.text) + s(&e.name),
        Fact::ClusterChain(c) => s(&c.text) + list(&c.cluster_members) + list(&c.chain_members),
        Fact::Date(d) => s(&d.text) + d.iso.as_ref().map_or(0, String::capacity),
        Fact::Formula(f) => {
            s(&f.text)
                + list(&f.members)
                + f.parts.len() * size_of::<(u32, Cow<str>)>()
                + f.parts.iter().map(|(_, p)| s(p)).sum::<usize>()
        }
        _ => 0,
    }
}

fn main() {
    let shape = std::env::args().nth(1).unwrap_or_else(|| "dense".into());
    let mb: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let unit = match shape.as_str() {
        "seed" => SEED,
        _ => "1亿元",
    };
    let text = unit.repeat((mb << 20) / unit.len() + 1);
    zhfacts::warm_up();
    let before = peak_rss();
    let facts = zhfacts::extract(&text);
    let after = peak_rss();
    let held = facts.len() * size_of::<Fact>() + facts.iter().map(owned_bytes).sum::<usize>();
    let used = after.saturating_sub(before);
    println!(
        "input {:.1} MB ({shape}), {} facts of {} bytes each",
        text.len() as f64 / 1e6,
        facts.len(),
        size_of::<Fact>()
    );
    println!(
        "facts hold {:.1} MB; the extraction's peak adds {:.1} MB",
        held as f64 / 1e6,
        used as f64 / 1e6
    );
    println!("extraction peak / facts held: {:.2}", used as f64 / held.max(1) as f64);
}
