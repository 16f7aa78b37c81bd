//! Prints the facts of reports.
//!
//! ```text
//! cargo run --release --example facts                      # the seed article, as a table
//! cargo run --release --example facts -- FILE… [-]          # other files; - is standard input
//! cargo run --release --example facts -- --jsonl FILE…      # one JSON object per fact
//! ```
//!
//! Files are read in parallel, on every core, and printed in the order given. A file that
//! cannot be read or is not UTF-8 gets an error line on standard error naming it (and the
//! byte offset of the first bad byte); the others are still processed, and the exit status
//! is then 1. With `--jsonl` and more than one file, each record carries a `"file"` field.

use std::io::{Read, Write};
use std::process::ExitCode;

use zhfacts::{Extractor, Fact, Kind};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/haimen-2022.txt");

/// Why an input gave no facts.
fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("{path}: cannot read standard input: {e}"))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
        if meta.is_dir() {
            return Err(format!("{path}: is a directory"));
        }
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "{path}: not UTF-8: invalid byte 0x{:02x} at byte offset {at}",
            e.as_bytes()[at]
        )
    })
}

fn main() -> ExitCode {
    let mut jsonl = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "-h" | "--help" => {
                eprintln!("usage: facts [--jsonl] [FILE…]   (no FILE: the seed article; - reads standard input)");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push(SEED.to_string());
    }
    zhfacts::warm_up();
    let extractor = Extractor::new();
    let many = files.len() > 1;
    let outputs = render_all(&files, |path, text| {
        let facts = extractor.extract(text);
        let mut rendered = Vec::new();
        if jsonl {
            let _ = write_jsonl(&mut rendered, path, &facts, many);
        } else {
            let _ = print_table(&mut rendered, path, &facts);
        }
        rendered
    });

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for output in outputs {
        match output {
            Ok(rendered) => {
                let _ = out.write_all(&rendered);
            }
            Err(e) => {
                let _ = out.flush();
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    let _ = out.flush();
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Reads every file and renders its facts with `render`, on every core; the outputs (or
/// why a file could not be read) in input order. The facts borrow from the file's text, so
/// each file is rendered where it was read.
fn render_all(files: &[String], render: impl Fn(&str, &str) -> Vec<u8> + Sync) -> Vec<Result<Vec<u8>, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let mut results: Vec<Option<Result<Vec<u8>, String>>> = (0..files.len()).map(|_| None).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots = std::sync::Mutex::new(&mut results);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= files.len() {
                        break;
                    }
                    let r = read_input(&files[i]).map(|text| render(&files[i], &text));
                    slots.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not processed".into())))
        .collect()
}

/// One JSON object per fact, fields in the order of the record contract; with `many`
/// files, a `"file"` field last.
fn write_jsonl(out: &mut impl Write, path: &str, facts: &[Fact], many: bool) -> std::io::Result<()> {
    let file = serde_json::to_string(path).expect("paths serialize");
    for f in facts {
        let mut line = serde_json::to_string(f).expect("facts serialize");
        if many {
            line.pop();
            line.push_str(&format!(",\"file\":{file}}}"));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn print_table(out: &mut impl Write, path: &str, facts: &[Fact]) -> std::io::Result<()> {
    writeln!(out, "# {path}: {} facts", facts.len())?;
    for kind in Kind::ALL {
        let of_kind: Vec<&Fact> = facts.iter().filter(|f| f.kind() == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        writeln!(out, "\n## {} ({})", kind.as_str(), of_kind.len())?;
        for f in of_kind {
            writeln!(
                out,
                "{:>6}..{:<6} {:<28} {}",
                f.start(),
                f.end(),
                f.text().replace(['\n', '\r'], "⏎"),
                fields(f)
            )?;
        }
    }
    writeln!(out)
}

/// The key fields of a fact, as `name=value` pairs.
fn fields(f: &Fact) -> String {
    let v = serde_json::to_value(f).expect("facts serialize");
    let mut parts = Vec::new();
    if let Some(o) = v.as_object() {
        for (k, val) in o {
            if matches!(k.as_str(), "kind" | "text" | "start" | "end") || val.is_null() {
                continue;
            }
            parts.push(format!("{k}={val}"));
        }
    }
    parts.join("  ")
}
