//! `zhfacts`: the facts of Chinese government reports, from files, folders or a stream of
//! JSON lines, as a table, JSON Lines, CSV or an HTML page that shows each fact in its text.
//!
//! `zhfacts --help` lists every option with examples.

mod inputs;
mod render;

use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use rayon::prelude::*;
use zhfacts::input::Encoding;
use zhfacts::{DocumentYear, Extractor, Kind};

use inputs::{Input, Piece};
use render::{Format, Renderer, Source};

const EXAMPLES: &str = "\
Examples:
  zhfacts reports/ --format csv --bom -o facts.csv    a folder (every *.txt below it) to CSV for Excel
  zhfacts reports/ --format html -o facts.html        a page that shows each fact in its text
  zhfacts report.txt --year 2023 --kinds number,percentage
  zhfacts --lines < docs.jsonl                        one {\"id\": …, \"text\": …} per line, a batch out per line
  zhfacts --encoding gbk old-report.txt               a GBK (GB18030) file

Exit status: 0 when every input was read, 1 when one was not or the output could not be
written (the other inputs are still processed), 2 for a usage error.";

/// The facts of Chinese government-report prose: numbers, percentages, rankings,
/// enterprises, N群M链 structures, dates and policy formulas.
#[derive(Debug, Parser)]
#[command(name = "zhfacts", version, after_help = EXAMPLES)]
struct Args {
    /// Report files (UTF-8), folders (every *.txt below them, in sorted order), or - for
    /// standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<OsString>,

    /// Standard input is JSON Lines, {"id": …, "text": …} a line (a plain-text line is a
    /// document too, its id its line number); every record carries its document's id, and
    /// each line's records are written as soon as it is read.
    #[arg(long, conflicts_with = "inputs")]
    lines: bool,

    /// Only these kinds, comma-separated: number, percentage, ranking, enterprise,
    /// cluster_chain, date, formula.
    #[arg(long, value_delimiter = ',', value_parser = parse_kind, value_name = "KIND,…")]
    kinds: Vec<Kind>,

    /// The year the documents were written, against which 去年, 上半年, 一季度 are read
    /// (else inferred from each document: the latest year it writes out).
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,

    /// A TOML file of words added to the built-in ones: units, over, under, about,
    /// enterprise_endings, scopes, time_words (each a list of strings).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,

    /// The output: a table (the default on a terminal), jsonl (otherwise), csv, or html.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Start CSV with a UTF-8 byte-order mark, so that Excel reads Chinese text correctly.
    #[arg(long)]
    bom: bool,

    /// Decode the inputs from this encoding: utf-8 (the default), gbk (read as gb18030),
    /// gb18030, utf-16le, utf-16be.
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    encoding: Encoding,

    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,

    /// A UTF-8 file larger than this many bytes is read and extracted a piece at a time
    /// (whole paragraphs of about --piece-bytes), so that memory is bounded by the piece.
    #[arg(long, default_value_t = 16 << 20, hide = true)]
    stream_above: u64,

    /// The size of the pieces of a large file.
    #[arg(long, default_value_t = 1 << 20, hide = true)]
    piece_bytes: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Table,
    Jsonl,
    Csv,
    Html,
}

fn parse_kind(name: &str) -> Result<Kind, String> {
    Kind::from_name(name.trim()).ok_or_else(|| {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind {name:?} (known: {})", known.join(", "))
    })
}

fn parse_year(s: &str) -> Result<i32, String> {
    let year: i32 = s.parse().map_err(|e| format!("{e}"))?;
    Extractor::new()
        .try_with_document_year(year)
        .map(|_| year)
        .map_err(|e| e.to_string())
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    s.parse().map_err(|e: zhfacts::input::UnknownEncoding| e.to_string())
}

/// A line on standard error; a closed standard error is ignored (there is nowhere left to
/// report to).
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut extractor = Extractor::new();
    if !args.kinds.is_empty() {
        extractor = extractor.with_kinds(&args.kinds);
    }
    if let Some(year) = args.year {
        extractor = extractor.with_document_year(year);
    }
    if let Some(path) = &args.lexicon {
        let lexicon = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|toml| zhfacts::Lexicon::from_toml(&toml).map_err(|e| e.to_string()));
        match lexicon {
            Ok(lexicon) => extractor = extractor.with_lexicon(lexicon),
            Err(e) => {
                say(&format!("error: {}: {e}", path.display()));
                return ExitCode::FAILURE;
            }
        }
    }
    let out: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                say(&format!("error: {}: {e}", path.display()));
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let format = match args.format {
        Some(FormatArg::Table) => Format::Table,
        Some(FormatArg::Jsonl) => Format::Jsonl,
        Some(FormatArg::Csv) => Format::Csv,
        Some(FormatArg::Html) => Format::Html,
        None if args.output.is_none() && std::io::stdout().is_terminal() => Format::Table,
        None => Format::Jsonl,
    };
    zhfacts::warm_up();
    let renderer = Renderer::new(format, args.bom);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let result = if args.lines {
        run_lines(&args, &extractor, &renderer, &mut out)
    } else {
        run_inputs(&args, &extractor, &renderer, &mut out)
    };
    match result.and_then(|failed| {
        out.flush()?;
        Ok(failed)
    }) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::FAILURE,
        // The reader closed the pipe (`zhfacts … | head -1`): it has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("error: cannot write the output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Files, folders and standard input: the small files read and extracted in parallel, in
/// batches, and written in input order; a large file streamed a piece at a time. Whether
/// any input failed.
fn run_inputs(args: &Args, extractor: &Extractor, renderer: &Renderer, out: &mut impl Write) -> std::io::Result<bool> {
    let mut failed = false;
    let mut inputs = Vec::new();
    let mut names: Vec<OsString> = args.inputs.clone();
    if names.is_empty() {
        names.push("-".into());
    }
    for name in &names {
        match inputs::expand(name) {
            Ok(found) => inputs.extend(found),
            Err(e) => {
                say(&format!("error: {e}"));
                failed = true;
            }
        }
    }
    let progress = progress_bar(args, &inputs);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let count = inputs.len();
    let advance = |size: u64| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress.inc(size);
        progress.set_message(format!("{n}/{count} files"));
    };
    out.write_all(&renderer.begin())?;
    let stream_above = args.stream_above;
    // Batches of small files, each extracted in parallel and written in order: memory is
    // bounded by a batch, not by the whole list.
    let mut start = 0;
    while start < inputs.len() {
        if inputs[start].streams(stream_above, args.encoding) {
            failed |= stream_file(start, &inputs[start], args, extractor, renderer, out)?;
            advance(inputs[start].size);
            start += 1;
            continue;
        }
        let mut end = start;
        let mut bytes = 0;
        while end < inputs.len()
            && !inputs[end].streams(stream_above, args.encoding)
            && end - start < 256
            && bytes < 64 << 20
        {
            bytes += inputs[end].size;
            end += 1;
        }
        let rendered: Vec<Result<Vec<u8>, String>> = inputs[start..end]
            .par_iter()
            .enumerate()
            .map(|(k, input)| {
                let text = input.read(args.encoding)?;
                let facts = extractor.extract(&text);
                let source = Source::File(&input.name);
                let rendered = renderer.document(&format!("d{}", start + k), &source, &text, &facts);
                advance(input.size);
                Ok(rendered)
            })
            .collect();
        for r in rendered {
            match r {
                Ok(bytes) => out.write_all(&bytes)?,
                Err(e) => {
                    out.flush()?;
                    progress.suspend(|| say(&format!("error: {e}")));
                    failed = true;
                }
            }
        }
        start = end;
    }
    progress.finish_and_clear();
    out.write_all(&renderer.end())?;
    Ok(failed)
}

/// A large file, a piece of whole paragraphs at a time: a first pass reads what the
/// document says of its year (unless `--year` gave it), the second extracts each piece with
/// it and writes its facts, offsets into the whole file.
fn stream_file(
    index: usize,
    input: &Input,
    args: &Args,
    extractor: &Extractor,
    renderer: &Renderer,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    let fail = |e: String| {
        say(&format!("error: {e}"));
        Ok(true)
    };
    // What the whole says of its year and of 今年 (a year given by `--year` stays).
    let mut whole = DocumentYear::new();
    if let Err(e) = inputs::for_each_piece(input, args.piece_bytes, |piece: Piece| {
        whole.read(piece.text);
        Ok(())
    }) {
        return fail(e);
    }
    let extractor = extractor.clone().with_whole_document(&whole);
    let mut write_error = None;
    let read = inputs::for_each_piece(input, args.piece_bytes, |piece: Piece| {
        let mut facts = extractor.extract(piece.text);
        for f in &mut facts {
            f.shift(piece.offset);
        }
        let source = Source::Piece(&input.name, piece.offset);
        if let Err(e) = out.write_all(&renderer.piece(
            &format!("d{index}-{}", piece.offset),
            &source,
            piece.text,
            piece.offset,
            &facts,
        )) {
            write_error = Some(e);
            return Err(String::new());
        }
        Ok(())
    });
    if let Some(e) = write_error {
        return Err(e);
    }
    match read {
        Ok(()) => Ok(false),
        Err(e) => fail(e),
    }
}

/// `--lines`: a document a line of standard input, its records written (and flushed)
/// before the next line is read.
fn run_lines(args: &Args, extractor: &Extractor, renderer: &Renderer, out: &mut impl Write) -> std::io::Result<bool> {
    let mut failed = false;
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let mut line = Vec::new();
    let mut number = 0u64;
    out.write_all(&renderer.begin())?;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                say(&format!("error: standard input: {e}"));
                failed = true;
                break;
            }
        }
        number += 1;
        while line.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            line.pop();
        }
        let text = match zhfacts::input::decode_as(&line, args.encoding) {
            Ok(text) => text,
            Err(e) => {
                out.flush()?;
                say(&format!("error: line {number}: {e}"));
                failed = true;
                continue;
            }
        };
        let (id, text) = match inputs::json_document(&text) {
            Some(Ok((id, text))) => (id.unwrap_or_else(|| number.into()), text),
            Some(Err(e)) => {
                out.flush()?;
                say(&format!("error: line {number}: {e}"));
                failed = true;
                continue;
            }
            None => (serde_json::Value::from(number), text),
        };
        let facts = extractor.extract(&text);
        out.write_all(&renderer.document(&format!("l{number}"), &Source::Id(&id), &text, &facts))?;
        out.flush()?;
    }
    out.write_all(&renderer.end())?;
    Ok(failed)
}

/// A progress bar on standard error for a batch of more than one file, when standard
/// error is a terminal and `--quiet` is not given; else a hidden one.
fn progress_bar(args: &Args, inputs: &[Input]) -> indicatif::ProgressBar {
    if args.quiet || inputs.len() < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(format!("0/{} files", inputs.len()));
    bar
}
