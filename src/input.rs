//! Report files to text: UTF-8 as it is, other encodings on request, and a clear error
//! that names the encoding a file looks like when it is not UTF-8.
//!
//! Chinese government documents are often saved as GBK (GB18030) or UTF-16. Reading one
//! as UTF-8 fails at its first non-ASCII byte — or, for an all-ASCII UTF-16 file, does not
//! fail at all and finds nothing. [`decode`] tells these apart:
//!
//! | bytes | result |
//! | --- | --- |
//! | UTF-8 | the text, offsets unchanged |
//! | a UTF-16 byte-order mark, or a NUL in every other byte | [`DecodeError::Utf16`] |
//! | not UTF-8, and a plausible GB18030 text | [`DecodeError::NotUtf8`] naming [`Encoding::Gb18030`] |
//! | UTF-8 cut inside its last character | [`DecodeError::Truncated`] |
//!
//! [`decode_as`] decodes a named encoding instead (the tools' `--encoding`); the offsets
//! of the facts are then offsets into the UTF-8 text, not into the file.
//!
//! ```
//! use zhfacts::input::{decode, DecodeError, Encoding};
//! let gbk = [0xba, 0xa3, 0xc3, 0xc5]; // 海门 in GBK
//! let err = decode(gbk.to_vec()).unwrap_err();
//! assert!(matches!(err, DecodeError::NotUtf8 { offset: 0, looks_like: Some(Encoding::Gb18030), .. }));
//! assert_eq!(zhfacts::input::decode_as(&gbk, Encoding::Gb18030).unwrap(), "海门");
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The encodings a report may be decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, the default.
    Utf8,
    /// GB18030, which includes GBK and GB2312.
    Gb18030,
    /// UTF-16, little-endian (what Windows calls "Unicode").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
}

impl Encoding {
    /// The encoding's name, as `iconv` and the `--encoding` option take it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }

    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An encoding name that [`Encoding`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown encoding {0:?} (known: utf-8, gbk, gb2312, gb18030, utf-16le, utf-16be)")]
pub struct UnknownEncoding(pub String);

impl std::str::FromStr for Encoding {
    type Err = UnknownEncoding;

    /// `utf-8`/`utf8`, `gbk`/`gb2312`/`gb18030` (all read as GB18030, their superset),
    /// `utf-16le`/`utf-16`, `utf-16be`; case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "gbk" | "gb2312" | "gb18030" | "cp936" => Ok(Encoding::Gb18030),
            "utf-16le" | "utf16le" | "utf-16" | "utf16" => Ok(Encoding::Utf16Le),
            "utf-16be" | "utf16be" => Ok(Encoding::Utf16Be),
            _ => Err(UnknownEncoding(s.to_string())),
        }
    }
}

/// Why bytes are not the text of a report.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Not UTF-8: the first bad byte and its offset, and the encoding the bytes look like.
    #[error("not UTF-8: invalid byte 0x{byte:02x} at byte offset {offset}{}", looks_like.map_or(String::new(), |e| format!("; it looks like {}: {}", e.name().to_uppercase(), how_to_read(e))))]
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
        /// That byte.
        byte: u8,
        /// The encoding the whole decodes plausibly from, if any.
        looks_like: Option<Encoding>,
    },
    /// UTF-8 cut inside its last character: a file truncated mid-character.
    #[error(
        "truncated: the last character is cut off ({len} byte(s) of an incomplete UTF-8 character at byte offset {offset})"
    )]
    Truncated {
        /// Byte offset of the incomplete character.
        offset: usize,
        /// How many of its bytes are there.
        len: usize,
    },
    /// UTF-16, told by its byte-order mark or by NUL bytes in every other place.
    #[error("not UTF-8 but {} (told by {}): {}", encoding.name().to_uppercase(), if *bom { "its byte-order mark" } else { "a NUL in every other byte" }, how_to_read(*encoding))]
    Utf16 {
        /// Which byte order.
        encoding: Encoding,
        /// Told by a byte-order mark (else by the NUL pattern).
        bom: bool,
    },
    /// Bytes that are not valid in the encoding asked for.
    #[error("not valid {encoding}: the first malformed sequence is at byte offset {offset}")]
    Malformed {
        /// The encoding asked for.
        encoding: Encoding,
        /// Byte offset of the first malformed sequence.
        offset: usize,
    },
}

/// How to read a file of `encoding`: a clause for an error message.
fn how_to_read(encoding: Encoding) -> String {
    format!(
        "convert it with `iconv -f {} -t UTF-8`, or read it with `--encoding {}`",
        encoding.name().to_uppercase(),
        encoding.name()
    )
}

/// The text of `bytes` if they are UTF-8 (and not UTF-16 that happens to be, as an
/// all-ASCII UTF-16 file is); else why not, with the encoding they look like.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if let Some(e) = utf16_by_bom(&bytes) {
        return Err(DecodeError::Utf16 { encoding: e, bom: true });
    }
    if let Some(e) = utf16_by_nuls(&bytes) {
        return Err(DecodeError::Utf16 {
            encoding: e,
            bom: false,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let offset = e.utf8_error().valid_up_to();
        match e.utf8_error().error_len() {
            None => DecodeError::Truncated {
                offset,
                len: bytes.len() - offset,
            },
            Some(_) => DecodeError::NotUtf8 {
                offset,
                byte: bytes[offset],
                looks_like: looks_like(bytes),
            },
        }
    })
}

/// The text of `bytes` decoded from `encoding` (a byte-order mark of it is dropped).
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<String, DecodeError> {
    if encoding == Encoding::Utf8 {
        return decode(bytes.to_vec());
    }
    let bom = match (encoding, utf16_by_bom(bytes)) {
        (Encoding::Utf16Le | Encoding::Utf16Be, Some(e)) if e == encoding => 2,
        _ => 0,
    };
    let bytes = &bytes[bom..];
    let mut decoder = encoding.codec().new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        // Reported after the malformed sequence: it ends at `read`, and is at most 4 bytes.
        encoding_rs::DecoderResult::Malformed(len, extra) => Err(DecodeError::Malformed {
            encoding,
            offset: bom + read.saturating_sub(len as usize + extra as usize),
        }),
        encoding_rs::DecoderResult::OutputFull => unreachable!("the string grows as needed"),
    }
}

/// A UTF-16 byte-order mark at the start of `bytes`.
fn utf16_by_bom(bytes: &[u8]) -> Option<Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        _ => None,
    }
}

/// The bytes read to tell an encoding.
const SAMPLE: usize = 64 << 10;

/// UTF-16 without a byte-order mark, told by NULs: in UTF-16, ASCII text (digits, Latin
/// letters, line ends) has a NUL in every other byte, which no text file of another
/// encoding has. At least an eighth of the sample is NUL, nine in ten of them on one side.
fn utf16_by_nuls(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in sample.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let nuls = even + odd;
    if nuls == 0 || nuls * 8 < sample.len() {
        return None;
    }
    if odd * 10 >= nuls * 9 {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= nuls * 9 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The encoding that `bytes` (not UTF-8) decode plausibly from: without a malformed
/// sequence in the sample, and to text that is mostly Chinese — of the characters that
/// are not ASCII, nine in ten are CJK ideographs or CJK punctuation.
fn looks_like(bytes: &[u8]) -> Option<Encoding> {
    let mut sample = &bytes[..bytes.len().min(SAMPLE)];
    [Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be]
        .into_iter()
        .find(|&e| {
            if matches!(e, Encoding::Utf16Le | Encoding::Utf16Be) && sample.len() % 2 == 1 {
                sample = &sample[..sample.len() - 1];
            }
            let mut decoder = e.codec().new_decoder_without_bom_handling();
            let mut out = String::with_capacity(sample.len() * 3);
            // The sample may end inside a character: decoded as not the last piece.
            let (result, _) = decoder.decode_to_string_without_replacement(sample, &mut out, false);
            if matches!(result, encoding_rs::DecoderResult::Malformed(..)) {
                return false;
            }
            let (mut wide, mut chinese) = (0usize, 0usize);
            for c in out.chars().filter(|c| !c.is_ascii()) {
                wide += 1;
                chinese += usize::from(is_chinese_text(c));
            }
            wide > 0 && chinese * 10 >= wide * 9
        })
}

/// CJK ideographs, CJK punctuation and full-width forms: what Chinese prose is made of.
fn is_chinese_text(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{00B7}' | '\u{2014}')
}

/// Why a report file could not be read.
#[derive(Debug, Error)]
#[error("{}: {reason}", path.to_string_lossy())]
pub struct ReadError {
    /// The file (shown lossily when its name is not UTF-8).
    pub path: PathBuf,
    /// What went wrong.
    pub reason: ReadErrorReason,
}

/// What went wrong reading a report file.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReadErrorReason {
    /// The file could not be opened or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The path is a directory.
    #[error("is a directory")]
    IsDirectory,
    /// The bytes are not text of the encoding.
    #[error("{0}")]
    Decode(#[from] DecodeError),
}

/// The text of the report file at `path`, decoded from `encoding` (UTF-8: see [`decode`]).
pub fn read_file(path: &Path, encoding: Encoding) -> Result<String, ReadError> {
    let fail = |reason: ReadErrorReason| ReadError {
        path: path.to_path_buf(),
        reason,
    };
    if std::fs::metadata(path).map_err(|e| fail(e.into()))?.is_dir() {
        return Err(fail(ReadErrorReason::IsDirectory));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(e.into()))?;
    match encoding {
        Encoding::Utf8 => decode(bytes),
        e => decode_as(&bytes, e),
    }
    .map_err(|e| fail(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// GBK for `海门区实现地区生产总值1234亿元。`.
    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    const REPORT: &str = "海门区实现地区生产总值1234亿元，增长5.2%。";

    #[test]
    fn utf8_is_read_as_it_is() {
        assert_eq!(decode(REPORT.as_bytes().to_vec()).as_deref(), Ok(REPORT));
        assert_eq!(decode(Vec::new()).as_deref(), Ok(""));
        // A lone NUL or two is no UTF-16.
        assert_eq!(decode(b"a\0b c d e f g h".to_vec()).as_deref(), Ok("a\0b c d e f g h"));
    }

    #[test]
    fn each_wrong_encoding_is_named() {
        let cases: Vec<(&str, Vec<u8>, DecodeError)> = vec![
            (
                "GBK",
                gbk(REPORT),
                DecodeError::NotUtf8 {
                    offset: 0,
                    byte: 0xba,
                    looks_like: Some(Encoding::Gb18030),
                },
            ),
            (
                "UTF-16LE with BOM",
                utf16le(REPORT, true),
                DecodeError::Utf16 {
                    encoding: Encoding::Utf16Le,
                    bom: true,
                },
            ),
            (
                "all-ASCII UTF-16LE without BOM",
                utf16le("GDP 1234, +5.2%\r\n", false),
                DecodeError::Utf16 {
                    encoding: Encoding::Utf16Le,
                    bom: false,
                },
            ),
            (
                "all-ASCII UTF-16BE without BOM",
                utf16be("GDP 1234, +5.2%\r\n"),
                DecodeError::Utf16 {
                    encoding: Encoding::Utf16Be,
                    bom: false,
                },
            ),
            (
                "Chinese UTF-16LE without BOM",
                utf16le("海门区实现地区生产总值", false),
                DecodeError::NotUtf8 {
                    offset: 2,
                    byte: 0xe8,
                    looks_like: Some(Encoding::Utf16Le),
                },
            ),
            (
                "cut inside the last character",
                REPORT.as_bytes()[..REPORT.len() - 1].to_vec(),
                DecodeError::Truncated {
                    offset: REPORT.len() - 3,
                    len: 2,
                },
            ),
            (
                "Latin-1",
                b"caf\xe9 cr\xe8me".to_vec(),
                DecodeError::NotUtf8 {
                    offset: 3,
                    byte: 0xe9,
                    looks_like: None,
                },
            ),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(decode(bytes), Err(want), "{name}");
        }
    }

    #[test]
    fn messages_say_how_to_convert() {
        let e = decode(gbk(REPORT)).unwrap_err().to_string();
        assert_eq!(
            e,
            "not UTF-8: invalid byte 0xba at byte offset 0; it looks like GB18030: convert it with \
             `iconv -f GB18030 -t UTF-8`, or read it with `--encoding gb18030`"
        );
        let e = decode(REPORT.as_bytes()[..4].to_vec()).unwrap_err().to_string();
        assert!(e.starts_with("truncated: the last character is cut off"), "{e}");
        let e = decode(utf16le(REPORT, true)).unwrap_err().to_string();
        assert_eq!(
            e,
            "not UTF-8 but UTF-16LE (told by its byte-order mark): convert it with \
             `iconv -f UTF-16LE -t UTF-8`, or read it with `--encoding utf-16le`"
        );
    }

    #[test]
    fn named_encodings_are_decoded() {
        assert_eq!(decode_as(&gbk(REPORT), Encoding::Gb18030).as_deref(), Ok(REPORT));
        assert_eq!(
            decode_as(&utf16le(REPORT, true), Encoding::Utf16Le).as_deref(),
            Ok(REPORT)
        );
        assert_eq!(
            decode_as(&utf16le(REPORT, false), Encoding::Utf16Le).as_deref(),
            Ok(REPORT)
        );
        assert_eq!(decode_as(&utf16be(REPORT), Encoding::Utf16Be).as_deref(), Ok(REPORT));
        assert_eq!(
            decode_as(&[0xba, 0xa3, 0xff, 0xff], Encoding::Gb18030),
            Err(DecodeError::Malformed {
                encoding: Encoding::Gb18030,
                offset: 2
            })
        );
    }

    #[test]
    fn encoding_names_parse() {
        for (name, e) in [
            ("GBK", Encoding::Gb18030),
            ("utf8", Encoding::Utf8),
            ("UTF-16", Encoding::Utf16Le),
        ] {
            assert_eq!(name.parse(), Ok(e));
        }
        assert!(
            "latin-1"
                .parse::<Encoding>()
                .unwrap_err()
                .to_string()
                .contains("gb18030")
        );
    }
}
