//! The `facts` example as a user runs it: files that are not UTF-8, odd file names, and
//! outputs that cannot be written. Runs the built example binary.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

/// The example binary, built beside this test (`cargo test` builds the examples; a lone
/// `cargo test --test facts_example` builds it here).
fn facts() -> Command {
    let dir = std::env::current_exe().expect("the test knows its path");
    let profile = dir
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/PROFILE/deps/TEST");
    let exe = profile
        .join("examples")
        .join(format!("facts{}", std::env::consts::EXE_SUFFIX));
    if !exe.exists() {
        let built = Command::new(env!("CARGO"))
            .args(["build", "--example", "facts"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(built.success(), "the example builds");
    }
    Command::new(exe)
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A GBK, a UTF-16 and a truncated file each get their own error, naming the encoding or
/// the cut; the good file between them is still processed; the exit status is 1.
#[test]
fn each_bad_file_is_named_and_the_rest_processed() {
    let dir = scratch("bad-files");
    let (gbk, _, _) = encoding_rs::GBK.encode("海门区实现地区生产总值1234亿元。");
    std::fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("增长5%".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(dir.join("utf16.txt"), utf16).unwrap();
    let ascii_utf16: Vec<u8> = "GDP 1234\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.join("ascii-utf16.txt"), ascii_utf16).unwrap();
    std::fs::write(dir.join("good.txt"), "实现地区生产总值1234亿元。").unwrap();
    std::fs::write(dir.join("cut.txt"), &"增长5%。".as_bytes()[..10]).unwrap();
    let out = facts()
        .arg("--jsonl")
        .args(["gbk.txt", "utf16.txt", "good.txt", "ascii-utf16.txt", "cut.txt"].map(|f| dir.join(f)))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].contains("gbk.txt: not UTF-8: invalid byte 0xba at byte offset 0; it looks like GB18030"));
    assert!(lines[1].contains("utf16.txt: not UTF-8 but UTF-16LE (told by its byte-order mark)"));
    assert!(lines[2].contains("ascii-utf16.txt: not UTF-8 but UTF-16LE (told by a NUL in every other byte)"));
    assert!(
        lines[3].contains("cut.txt: truncated: the last character is cut off"),
        "{err}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("\"text\":\"1234亿元\""), "{stdout}");

    // Decoded when its encoding is named.
    let out = facts()
        .args(["--jsonl", "--encoding", "gbk"])
        .arg(dir.join("gbk.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\"value\":123400000000.0")
    );
}

/// A file name that is not UTF-8 is read, and shown lossily.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("odd-names");
    let name = std::ffi::OsStr::from_bytes(b"report-\xff.txt");
    std::fs::write(dir.join(name), "增长5%").unwrap();
    let missing = std::ffi::OsStr::from_bytes(b"missing-\xfe.txt");
    let out = facts()
        .arg("--jsonl")
        .arg(dir.join(name))
        .arg(dir.join(missing))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        stdout.contains("\"file\":") && stdout.contains("report-\u{FFFD}.txt"),
        "{stdout}"
    );
    assert!(stderr(&out).contains("missing-\u{FFFD}.txt"), "{}", stderr(&out));
}

/// An output that cannot be written is an error; a pipe closed by its reader is not,
/// and nothing panics either way, a closed standard error included.
#[cfg(target_os = "linux")]
#[test]
fn outputs_that_cannot_be_written() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = facts()
        .arg("--jsonl")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write the output"), "{}", stderr(&out));

    // The reader takes one line and closes the pipe.
    let mut child = facts()
        .arg("--jsonl")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let big = SEED.repeat(50);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(big.as_bytes());
    });
    let mut first = [0u8; 64];
    use std::io::Read;
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));

    // A missing file with standard error closed (`2>&-`): exit 1, no panic (which would
    // be 101).
    let exe = format!("{:?}", facts().get_program());
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{exe} missing.txt 2>&-"))
        .status()
        .unwrap();
    assert_eq!(out.code(), Some(1));
}

/// `--year` reads relative dates against the year given; a bad year is a usage error.
#[test]
fn year_reads_relative_dates() {
    let dir = scratch("year");
    let file = dir.join("half-year.txt");
    std::fs::write(&file, "今年上半年，全市地区生产总值增长5.2%。").unwrap();
    let run = |year: Option<&str>| {
        let mut cmd = facts();
        if let Some(y) = year {
            cmd.args(["--year", y]);
        }
        cmd.arg("--jsonl").arg(&file).output().expect("the example runs")
    };
    let out = run(Some("2023"));
    assert!(out.status.success(), "{}", stderr(&out));
    let jsonl = String::from_utf8(out.stdout).unwrap();
    assert!(
        jsonl.contains(r#""text":"今年上半年","start":0,"end":15,"iso":"2023-01/2023-06""#),
        "{jsonl}"
    );
    // Without a year the text writes none: the period is a date all the same.
    let jsonl = String::from_utf8(run(None).stdout).unwrap();
    assert!(
        jsonl.contains(r#""text":"今年上半年","start":0,"end":15,"iso":null"#),
        "{jsonl}"
    );
    let out = run(Some("twenty"));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--year takes a year"), "{}", stderr(&out));
}
