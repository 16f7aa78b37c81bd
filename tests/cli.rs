//! The `zhfacts` command as users run it: folders with bad files, `--lines` under a pipe,
//! CSV read back, the HTML page, large files in pieces, outputs that cannot be written.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

fn zhfacts() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhfacts"))
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(stdout: &[u8]) -> Vec<serde_json::Map<String, Value>> {
    std::str::from_utf8(stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| match serde_json::from_str(l).expect("a JSON line") {
            Value::Object(o) => o,
            v => panic!("not an object: {v}"),
        })
        .collect()
}

/// The JSON lines of the seed, as the command writes them, from a copy in the test's own
/// folder `name`.
fn seed_records(name: &str) -> (PathBuf, Vec<serde_json::Map<String, Value>>) {
    let dir = scratch(name);
    let path = dir.join("haimen-2022.txt");
    std::fs::write(&path, SEED).unwrap();
    let out = zhfacts().arg("--format").arg("jsonl").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (path, records(&out.stdout))
}

/// A folder with two reports (one in a subfolder), a file that is not UTF-8 and a GBK
/// file: exit 1, the facts of both reports in sorted order, one clear error per bad file.
#[test]
fn a_folder_with_bad_files() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a.txt"), "实现地区生产总值1234亿元，增长5.2%。").unwrap();
    std::fs::write(dir.join("b/c.txt"), "全市第一，新增企业500家。").unwrap();
    std::fs::write(dir.join("notes.md"), "not a report: 1亿元").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"caf\xe9 1000\xe2").unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("海门区实现地区生产总值1234亿元。");
    std::fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    let out = zhfacts().arg("--format=jsonl").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains("gbk.txt: not UTF-8"),
        "{err}"
    );
    assert!(lines[0].contains("it looks like GB18030") && lines[0].contains("--encoding gb18030"));
    assert!(
        lines[1].contains("latin1.txt: not UTF-8: invalid byte 0xe9 at byte offset 3"),
        "{err}"
    );
    let recs = records(&out.stdout);
    let texts: Vec<(&str, &str)> = recs
        .iter()
        .map(|r| {
            let source = r["source"].as_str().unwrap();
            (&source[source.len() - 5..], r["text"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("a.txt", "1234亿元"),
            ("a.txt", "5.2%"),
            ("c.txt", "全市第一"),
            ("c.txt", "500家")
        ]
    );
}

/// `--lines`: three documents in, each record carrying its document's id (a plain-text
/// line's id is its line number), each line's records written before the next is read.
#[test]
fn lines_carry_their_ids_and_stream() {
    let mut child = zhfacts()
        .arg("--lines")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // The first line's record arrives while standard input is still open.
    stdin
        .write_all("{\"id\": \"r-1\", \"text\": \"增长5%\"}\n".as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    let mut first = Vec::new();
    let mut byte = [0u8];
    while byte[0] != b'\n' {
        stdout.read_exact(&mut byte).unwrap();
        first.push(byte[0]);
    }
    assert_eq!(records(&first)[0]["id"], "r-1");
    stdin
        .write_all("实现100亿元\n{\"id\": 7, \"text\": \"全市第一\"}\n".as_bytes())
        .unwrap();
    drop(stdin);
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    let ids: Vec<(Value, String)> = records(&rest)
        .into_iter()
        .map(|r| (r["id"].clone(), r["text"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        ids,
        [(Value::from(2), "100亿元".into()), (Value::from(7), "全市第一".into())]
    );
}

/// The CSV of the seed, read back with the `csv` crate, holds the JSON records field by
/// field: numbers as in JSON, lists joined by `|`, nulls empty.
#[test]
fn csv_reads_back_as_the_json_records() {
    let (path, json) = seed_records("csv");
    let out = zhfacts()
        .args(["--format", "csv", "--bom"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout
            .starts_with("\u{FEFF}source,kind,start,end,text,value".as_bytes())
    );
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json.len());
    for (row, record) in rows.iter().zip(&json) {
        let cell = |name: &str| row.get(header.iter().position(|h| h == name).unwrap()).unwrap();
        for (key, value) in record {
            let want = match value {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Array(items) => items
                    .iter()
                    .map(|i| match i {
                        Value::String(s) => s.clone(),
                        Value::Array(pair) => format!("{}:{}", pair[0], pair[1].as_str().unwrap()),
                        v => v.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("|"),
                v => v.to_string(),
            };
            assert_eq!(cell(key), want, "{key} of {record:?}");
        }
        // Every column the record lacks is empty.
        for (name, value) in header.iter().zip(row.iter()) {
            if !record.contains_key(name) {
                assert_eq!(value, "", "{name} of {record:?}");
            }
        }
    }
}

/// The HTML page: one highlight per fact, each linked to its row, and a report's markup
/// shown as text.
#[test]
fn html_highlights_every_fact_and_escapes_the_text() {
    let (path, json) = seed_records("html");
    let dir = path.parent().unwrap();
    let hostile = dir.join("hostile.txt");
    std::fs::write(&hostile, "<script>alert(1)</script> R&D投入增长5%，<b>全市第一</b>。").unwrap();
    let out = zhfacts()
        .args(["--format", "html"])
        .arg(&path)
        .arg(&hostile)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();
    assert_eq!(page.matches("<mark class=\"fact ").count(), json.len() + 2);
    assert_eq!(page.matches("<mark ").count(), page.matches("</mark>").count());
    assert!(!page.contains("<script>alert"), "the report's script is text");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D"));
    assert!(page.contains("&lt;b&gt;<mark class=\"fact k-ranking\""));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no external asset"
    );
    for i in 0..json.len() {
        assert!(page.contains(&format!("id=\"d0-f{i}\"")) && page.contains(&format!("href=\"#d0-f{i}\"")));
    }
}

/// A large file read a piece at a time gives the facts of the whole file, offsets into
/// the whole, relative dates read against the whole document's year.
#[test]
fn a_large_file_in_pieces_gives_the_facts_of_the_whole() {
    let dir = scratch("pieces");
    let path = dir.join("long.txt");
    let text = format!("{SEED}\n\n").repeat(30);
    std::fs::write(&path, &text).unwrap();
    let whole = zhfacts().args(["--format", "jsonl"]).arg(&path).output().unwrap();
    let pieces = zhfacts()
        .args(["--format", "jsonl", "--stream-above", "1000", "--piece-bytes", "20000"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(whole.status.success() && pieces.status.success());
    let (whole, pieces) = (records(&whole.stdout), records(&pieces.stdout));
    assert_eq!(whole.len(), 30 * 96);
    assert_eq!(whole, pieces);
    for r in &pieces {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], r["text"].as_str().unwrap());
    }
}

/// Options that are wrong are usage errors (exit 2) that say what is known.
#[test]
fn wrong_options_are_named() {
    let out = zhfacts().args(["--kinds", "number,money", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown kind \"money\" (known: number, percentage"),
        "{}",
        stderr(&out)
    );
    let out = zhfacts().args(["--year", "99999", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("document year 99999 is outside 1000..=9999"),
        "{}",
        stderr(&out)
    );
    let out = zhfacts().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for option in [
        "--lines",
        "--kinds",
        "--year",
        "--format",
        "--output",
        "--bom",
        "--encoding",
        "--quiet",
    ] {
        assert!(help.contains(option), "{option} in --help");
    }
    assert!(help.contains("Examples:"));
}

/// `--kinds`, `--year` and `-o` do what they say.
#[test]
fn kinds_year_and_output_file() {
    let dir = scratch("options");
    let out_file = dir.join("out.jsonl");
    let mut child = zhfacts()
        .args([
            "--kinds",
            "date,percentage",
            "--year",
            "2016",
            "--format",
            "jsonl",
            "-o",
        ])
        .arg(&out_file)
        .arg("-")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("去年全市实现产值100亿元，增长5%。".as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let recs = records(&std::fs::read(&out_file).unwrap());
    let got: Vec<(&str, &str)> = recs
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["text"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("date", "去年"), ("percentage", "5%")]);
    assert_eq!(recs[0]["iso"], "2015");
}

/// An output that cannot be written is an error (exit 1); a pipe its reader closed ends
/// the command quietly; a file name that is not UTF-8 is read and shown lossily.
#[cfg(target_os = "linux")]
#[test]
fn outputs_that_cannot_be_written_and_odd_names() {
    let (path, _) = seed_records("pipe-seed");
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = zhfacts()
        .arg("--format=jsonl")
        .arg(&path)
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write the output"), "{}", stderr(&out));

    let dir = scratch("pipe");
    let long = dir.join("long.txt");
    std::fs::write(&long, SEED.repeat(200)).unwrap();
    let mut child = zhfacts()
        .arg("--format=jsonl")
        .arg(&long)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"report-\xff.txt");
    std::fs::write(dir.join(name), "增长5%").unwrap();
    let out = zhfacts().arg("--format=jsonl").arg(dir.join(name)).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("report-\u{FFFD}.txt"));
}

/// `--lexicon FILE` adds its words; a bad lexicon stops the command with its line.
#[test]
fn a_lexicon_file_adds_words() {
    let dir = scratch("lexicon");
    let (good, bad, text) = (dir.join("words.toml"), dir.join("bad.toml"), dir.join("port.txt"));
    std::fs::write(&good, "units = [\"艘次\"]\ntime_words = [\"眼下\"]\n").unwrap();
    std::fs::write(&bad, "units = [\"艘次\",\n  \"艘 次\"]\n").unwrap();
    std::fs::write(&text, "眼下进出港船舶3500艘次").unwrap();
    let run = |lexicon: Option<&PathBuf>| {
        let mut cmd = zhfacts();
        cmd.args(["--format", "jsonl"]).arg(&text);
        if let Some(l) = lexicon {
            cmd.arg("--lexicon").arg(l);
        }
        cmd.output().unwrap()
    };
    let texts = |out: &Output| -> Vec<String> {
        records(&out.stdout)
            .iter()
            .map(|r| r["text"].as_str().unwrap().to_string())
            .collect()
    };
    let with = run(Some(&good));
    assert!(with.status.success(), "{}", stderr(&with));
    assert_eq!(texts(&with), ["眼下", "3500艘次"]);
    assert_eq!(texts(&run(None)), ["3500艘"]);
    let refused = run(Some(&bad));
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("lexicon line 2: units entry \"艘 次\" has a space"),
        "{}",
        stderr(&refused)
    );
}
