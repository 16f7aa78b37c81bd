//! What the command reads: files, folders, standard input, JSON lines, and large files a
//! piece at a time.

use std::ffi::OsString;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use zhfacts::input::{DecodeError, Encoding};

/// One input document: a file, or standard input.
pub struct Input {
    /// The name it is shown by (lossy where the file name is not UTF-8).
    pub name: String,
    /// The file; `None` for standard input.
    pub path: Option<PathBuf>,
    /// Its size in bytes (0 for standard input).
    pub size: u64,
}

impl Input {
    /// Is it read a piece at a time? A UTF-8 file larger than `stream_above` bytes.
    pub fn streams(&self, stream_above: u64, encoding: Encoding) -> bool {
        self.path.is_some() && encoding == Encoding::Utf8 && self.size > stream_above
    }

    /// Its whole text, or why it has none (naming it).
    pub fn read(&self, encoding: Encoding) -> Result<String, String> {
        match &self.path {
            Some(path) => zhfacts::input::read_file(path, encoding).map_err(|e| e.to_string()),
            None => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("-: cannot read standard input: {e}"))?;
                zhfacts::input::decode_as(&bytes, encoding).map_err(|e| format!("-: {e}"))
            }
        }
    }
}

/// The inputs a command-line argument names: `-` standard input, a file, or every `*.txt`
/// file below a folder, in sorted order.
pub fn expand(arg: &OsString) -> Result<Vec<Input>, String> {
    if arg == "-" {
        return Ok(vec![Input {
            name: "-".into(),
            path: None,
            size: 0,
        }]);
    }
    let path = PathBuf::from(arg);
    let meta = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
    if !meta.is_dir() {
        return Ok(vec![file(path, meta.len())]);
    }
    let mut files = Vec::new();
    walk(&path, &mut files).map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
    files.sort();
    Ok(files.into_iter().map(|(p, size)| file(p, size)).collect())
}

fn file(path: PathBuf, size: u64) -> Input {
    Input {
        name: path.to_string_lossy().into_owned(),
        path: Some(path),
        size,
    }
}

/// Every `*.txt` file below `dir` with its size.
fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let meta = std::fs::metadata(&path)?;
        if meta.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push((path, meta.len()));
        }
    }
    Ok(())
}

/// A piece of a large file: whole paragraphs, and where they start in the file.
pub struct Piece<'t> {
    pub text: &'t str,
    pub offset: usize,
}

/// Characters that end a sentence: a piece ends only at a blank line after one, where no
/// line break is joined and no sentence is cut.
const SENTENCE_ENDS: [char; 8] = ['。', '！', '？', '；', '.', '!', '?', '”'];

/// Calls `f` with each piece of the file, in order: runs of whole lines of at least
/// `piece_bytes`, ending at a blank line after the end of a sentence (or at the end of
/// the file). A piece that is not UTF-8 stops the reading with an error naming the file
/// and the offset in it.
pub fn for_each_piece(
    input: &Input,
    piece_bytes: usize,
    mut f: impl FnMut(Piece) -> Result<(), String>,
) -> Result<(), String> {
    let path = input.path.as_ref().expect("only files are read in pieces");
    let name = &input.name;
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut piece: Vec<u8> = Vec::with_capacity(piece_bytes + (1 << 16));
    let mut offset = 0usize;
    let mut line = Vec::new();
    let mut last_text_line_ends_sentence = false;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("{name}: {e}"))?;
        let at_end = n == 0;
        let blank = !at_end && line.iter().all(|b| b.is_ascii_whitespace());
        piece.extend_from_slice(&line);
        if !at_end && !blank {
            // The line's last character, read in place (a line that is not UTF-8 ends no
            // sentence; the piece's decoding reports it).
            last_text_line_ends_sentence =
                std::str::from_utf8(&line).is_ok_and(|l| l.trim_end().ends_with(SENTENCE_ENDS));
        }
        let cut = at_end || (blank && last_text_line_ends_sentence && piece.len() >= piece_bytes);
        if cut && !piece.is_empty() {
            let text = zhfacts::input::decode(std::mem::take(&mut piece))
                .map_err(|e| format!("{name}: {}", in_file(e, offset)))?;
            f(Piece { text: &text, offset })?;
            offset += text.len();
            piece = text.into_bytes();
            piece.clear();
        }
        if at_end {
            return Ok(());
        }
    }
}

/// The error of a piece that starts `offset` bytes into its file, with offsets into the
/// file.
fn in_file(e: DecodeError, offset: usize) -> DecodeError {
    match e {
        DecodeError::NotUtf8 {
            offset: at,
            byte,
            looks_like,
        } => DecodeError::NotUtf8 {
            offset: offset + at,
            byte,
            looks_like,
        },
        DecodeError::Truncated { offset: at, len } => DecodeError::Truncated {
            offset: offset + at,
            len,
        },
        DecodeError::Malformed { encoding, offset: at } => DecodeError::Malformed {
            encoding,
            offset: offset + at,
        },
        e => e,
    }
}

/// A line of `--lines` input read as a JSON document: `Some(Ok((id, text)))` for an object
/// with a string `text` (and any `id`), `Some(Err)` for an object without one, `None` for a
/// line that is not a JSON object (a plain-text document).
pub fn json_document(line: &str) -> Option<Result<(Option<serde_json::Value>, String), String>> {
    if !line.trim_start().starts_with('{') {
        return None;
    }
    let Ok(serde_json::Value::Object(mut object)) = serde_json::from_str(line) else {
        return None;
    };
    let id = object.remove("id");
    match object.remove("text") {
        Some(serde_json::Value::String(text)) => Some(Ok((id, text))),
        _ => Some(Err("a JSON line needs a string \"text\"".into())),
    }
}
