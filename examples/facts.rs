//! Prints the facts of reports.
//!
//! ```text
//! cargo run --release --example facts                      # the seed article, as a table
//! cargo run --release --example facts -- FILE… [-]          # other files; - is standard input
//! cargo run --release --example facts -- --jsonl FILE…      # one JSON object per fact
//! cargo run --release --example facts -- --encoding gbk FILE # a GBK (GB18030) file
//! cargo run --release --example facts -- --year 2023 FILE   # 去年, 上半年 read in a report of 2023
//! ```
//!
//! Files are read in parallel, on every core, and printed in the order given. A file that
//! cannot be read or is not UTF-8 gets an error line on standard error naming it (lossily,
//! if the name is not UTF-8), the byte offset of the first bad byte and the encoding it
//! looks like (GB18030, UTF-16: see [`zhfacts::input`]); the others are still processed,
//! and the exit status is then 1. An output that cannot be written (`> /dev/full`) is an
//! error too; a closed pipe (`| head -1`) ends the program quietly. With `--jsonl` and
//! more than one file, each record carries a `"file"` field.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use zhfacts::input::Encoding;
use zhfacts::{Extractor, Fact, Kind};

const USAGE: &str = "usage: facts [--jsonl] [--encoding NAME] [--year YEAR] [FILE…]   (no FILE: the seed article; - reads standard input)";

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/haimen-2022.txt");

/// The text of an input file (`-`: standard input), or why it has none.
fn read_input(path: &OsStr, encoding: Encoding) -> Result<String, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("-: cannot read standard input: {e}"))?;
        return zhfacts::input::decode_as(&bytes, encoding).map_err(|e| format!("-: {e}"));
    }
    zhfacts::input::read_file(Path::new(path), encoding).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let mut jsonl = false;
    let mut encoding = Encoding::Utf8;
    let mut year: Option<i32> = None;
    let mut files: Vec<OsString> = Vec::new();
    // File names as the system gives them: a name that is not UTF-8 is still a file.
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--jsonl") => jsonl = true,
            Some("--encoding") => {
                let name = args.next().unwrap_or_default();
                match name.to_string_lossy().parse() {
                    Ok(e) => encoding = e,
                    Err(e) => {
                        say(&format!("error: {e}"));
                        return ExitCode::from(2);
                    }
                }
            }
            Some("--year") => {
                let value = args.next().unwrap_or_default();
                match value.to_string_lossy().parse() {
                    Ok(y) => year = Some(y),
                    Err(_) => {
                        say(&format!("error: --year takes a year, not {value:?}"));
                        return ExitCode::from(2);
                    }
                }
            }
            Some("-h" | "--help") => {
                say(USAGE);
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push(SEED.into());
    }
    zhfacts::warm_up();
    let extractor = match year.map(|y| Extractor::new().try_with_document_year(y)) {
        None => Extractor::new(),
        Some(Ok(extractor)) => extractor,
        Some(Err(e)) => {
            say(&format!("error: {e}"));
            return ExitCode::from(2);
        }
    };
    let many = files.len() > 1;
    let outputs = render_all(&files, encoding, |path, text| {
        let facts = extractor.extract(text);
        let mut rendered = Vec::new();
        if jsonl {
            write_jsonl(&mut rendered, path, &facts, many).expect("a vector takes every write");
        } else {
            print_table(&mut rendered, path, &facts).expect("a vector takes every write");
        }
        rendered
    });

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for output in outputs {
        let written = match output {
            Ok(rendered) => out.write_all(&rendered),
            Err(e) => {
                // The facts before it, then the error, in the order of the inputs.
                let flushed = out.flush();
                say(&format!("error: {e}"));
                failed = true;
                flushed
            }
        };
        if let Err(e) = written.and_then(|()| out.flush()) {
            return output_failed(&e);
        }
    }
    if let Err(e) = out.flush() {
        return output_failed(&e);
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// A line on standard error; an error writing it (a closed standard error) is ignored,
/// as there is nowhere left to report it.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The exit for an output that could not be written: quiet and successful when the reader
/// closed the pipe (`facts … | head -1`), an error otherwise (`> /dev/full`).
fn output_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    say(&format!("error: cannot write the output: {e}"));
    ExitCode::FAILURE
}

/// Reads every file and renders its facts with `render`, on every core (rayon); the
/// outputs (or why a file could not be read) in input order. The facts borrow from the
/// file's text, so each file is rendered where it was read.
fn render_all(
    files: &[OsString],
    encoding: Encoding,
    render: impl Fn(&str, &str) -> Vec<u8> + Sync,
) -> Vec<Result<Vec<u8>, String>> {
    use rayon::prelude::*;
    files
        .par_iter()
        .map(|file| read_input(file, encoding).map(|text| render(&file.to_string_lossy(), &text)))
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
