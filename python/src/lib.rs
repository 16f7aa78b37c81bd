//! The Python module `zhfacts._zhfacts`, re-exported by the package `zhfacts`: facts as
//! the dicts of the record contract, with character offsets beside the byte offsets.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::OnceLock;
use zhfacts::{Extractor, Fact, Kind};

mod records;
use records::Records;

/// The extractor of the options given from Python, or a `ValueError` with the Rust
/// message.
fn extractor(kinds: Option<Vec<String>>, year: Option<i32>) -> PyResult<Extractor> {
    let mut extractor = Extractor::new();
    if let Some(names) = kinds {
        let kinds = names
            .iter()
            .map(|name| {
                Kind::from_name(name).ok_or_else(|| {
                    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    PyValueError::new_err(format!("unknown kind {name:?} (known: {})", known.join(", ")))
                })
            })
            .collect::<PyResult<Vec<Kind>>>()?;
        extractor = extractor.with_kinds(&kinds);
    }
    if let Some(year) = year {
        extractor = extractor
            .try_with_document_year(year)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(extractor)
}

/// The facts of `text` (the UTF-8 of `source`) as dicts: the JSON record of each, plus
/// `char_start`/`char_end`, the offsets in characters (what a Python string is indexed by).
fn to_dicts<'py>(
    records: &mut Records<'py>,
    source: &Bound<'py, PyString>,
    text: &str,
    facts: &[Fact],
) -> PyResult<Bound<'py, PyList>> {
    let mut dicts = Vec::with_capacity(facts.len());
    // Starts come in order: characters are counted forward once, and each fact's own.
    let (mut byte, mut chars) = (0usize, 0usize);
    for fact in facts {
        let start = fact.start();
        chars += text[byte..start].chars().count();
        byte = start;
        let char_end = chars + fact.text().chars().count();
        dicts.push(records.dict(fact, source, chars, char_end)?);
    }
    PyList::new(records.py(), dicts)
}

/// The text of `bytes`, the UTF-8 that `str.encode` made of a Python string.
fn utf8_of<'a>(bytes: &'a Bound<'_, PyBytes>) -> &'a str {
    // SAFETY: Python's strict UTF-8 encoder makes valid UTF-8 or raises (on a lone
    // surrogate). Checked again, the text of a batch took 13% of the calling thread's
    // instructions (callgrind, session 10).
    unsafe { std::str::from_utf8_unchecked(bytes.as_bytes()) }
}

/// Every fact of `text` as a list of dicts, ordered by start.
///
/// Each dict is the JSON record of the record contract (`kind`, `text`, `start`, `end`
/// as byte offsets into the UTF-8 text, and the fields of its kind), plus `char_start`
/// and `char_end`, which slice the Python string: `text[d["char_start"]:d["char_end"]] ==
/// d["text"]`.
///
/// `kinds`: only these kinds (`"number"`, `"percentage"`, `"ranking"`, `"enterprise"`,
/// `"cluster_chain"`, `"date"`, `"formula"`). `year`: the year the document was written,
/// against which 去年, 上半年 are read. A bad kind or year raises `ValueError`.
#[pyfunction]
#[pyo3(signature = (text, kinds=None, year=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    kinds: Option<Vec<String>>,
    year: Option<i32>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = extractor(kinds, year)?;
    // Encoded into a bytes object of this call's: `to_str` would keep a copy of the UTF-8
    // in the string for as long as it lives.
    let bytes = text.encode_utf8()?;
    let utf8 = utf8_of(&bytes);
    let facts = py.detach(|| extractor.extract(utf8));
    to_dicts(&mut Records::new(py), text, utf8, &facts)
}

/// `[extract(t, kinds, year) for t in texts]`, extracted without the GIL on `threads`
/// threads (default: one per core). `texts` is any iterable of `str` (a `str` itself
/// raises `TypeError`).
#[pyfunction]
#[pyo3(signature = (texts, kinds=None, year=None, threads=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    kinds: Option<Vec<String>>,
    year: Option<i32>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = extractor(kinds, year)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("texts must be a list of str, not a str"));
    }
    let items: Vec<Bound<'py, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
    let pool = match threads {
        Some(1) => Some(Pool::ThisThread),
        Some(n) => Some(Pool::Threads(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(e.to_string()))?,
        )),
        None => None,
    };
    // Python's cycle collector would walk the young dicts and lists again and again as
    // they are made (a third of the time on a corpus); none of them forms a cycle.
    let _paused = GcPause::new(py)?;
    let out = PyList::empty(py);
    pipeline(py, &items, &extractor, pool.as_ref(), &out)?;
    Ok(out)
}

/// The dicts of the facts of each of `items` (Python strings), appended to `out`: three
/// steps overlap, a batch of texts at a time. This thread reads the texts of a batch (with
/// the GIL), the extracting thread extracts the batch before (without it), and this thread
/// makes the dicts of the batch before that.
///
/// A batch's texts are encoded into one buffer of this call's: asking a Python string for
/// its UTF-8 would keep a copy of it in the string for as long as the string lives (a line
/// of the genre, 534 bytes as a `str`, took 1,025 after a call).
fn pipeline<'py>(
    py: Python<'py>,
    items: &[Bound<'py, PyAny>],
    extractor: &Extractor,
    pool: Option<&Pool>,
    out: &Bound<'py, PyList>,
) -> PyResult<()> {
    let mut records = Records::new(py);
    // The UTF-8 of each batch, set once by this thread and read by the extracting one
    // after; a batch has a text at least, so there are no more batches than texts.
    let buffers: Vec<OnceLock<String>> = items.iter().map(|_| OnceLock::new()).collect();
    let buffers = &buffers[..];
    std::thread::scope(|scope| -> PyResult<()> {
        // A batch: its buffer, and where each text is in it.
        let (to_extract, batches) = std::sync::mpsc::channel::<(usize, Vec<Range<usize>>)>();
        // A few batches of facts in flight: memory stays bounded by them.
        let (to_convert, extracted) = std::sync::mpsc::sync_channel::<Vec<Vec<Fact<'_>>>>(2);
        // The facts made into dicts go back to be freed where they were allocated.
        let (to_free, converted_facts) = std::sync::mpsc::channel::<Vec<Vec<Fact<'_>>>>();
        scope.spawn(move || {
            let mut spare = Vec::new();
            for (buffer, ranges) in batches {
                spare.extend(converted_facts.try_iter().flatten());
                let utf8 = buffers[buffer].get().map_or("", String::as_str);
                let texts: Vec<&str> = ranges.into_iter().map(|r| &utf8[r]).collect();
                if to_convert
                    .send(extract_batch(extractor, pool, &texts, &mut spare))
                    .is_err()
                {
                    break;
                }
            }
        });
        // The batches sent to the extracting thread and not yet converted: the strings and
        // where their UTF-8 is in the batch's buffer.
        let mut sent = std::collections::VecDeque::new();
        let (mut read, mut buffer) = (0, 0);
        let mut read_batch = |sent: &mut std::collections::VecDeque<_>| -> PyResult<()> {
            let from = read;
            // The first batch is small, so that the extracting thread starts soon.
            let limit = if from == 0 { BATCH_BYTES / 8 } else { BATCH_BYTES };
            let (mut utf8, mut batch) = (String::with_capacity(limit), Vec::new());
            while read < items.len() && (read == from || utf8.len() < limit) {
                let string = items[read].cast::<PyString>()?;
                let start = utf8.len();
                // `encode_utf8` fails as `to_str` would, on a lone surrogate.
                utf8.push_str(utf8_of(&string.encode_utf8()?));
                batch.push((string, start..utf8.len()));
                read += 1;
            }
            if !batch.is_empty() {
                let _ = buffers[buffer].set(utf8);
                // The extracting thread ends when this side drops its sender: never early.
                let _ = to_extract.send((buffer, batch.iter().map(|(_, r)| r.clone()).collect()));
                sent.push_back((buffer, batch));
                buffer += 1;
            }
            Ok(())
        };
        // Two batches ahead of the conversion.
        read_batch(&mut sent)?;
        read_batch(&mut sent)?;
        let mut extracted = extracted;
        while let Some((buffer, batch)) = sent.pop_front() {
            // Waiting for a batch, the GIL is released (the receiver goes along and back).
            let (next, back) = py.detach(move || (extracted.recv(), extracted));
            extracted = back;
            let Ok(facts) = next else { break };
            read_batch(&mut sent)?;
            let utf8 = buffers[buffer].get().map_or("", String::as_str);
            for ((string, range), facts) in batch.iter().zip(&facts) {
                out.append(to_dicts(&mut records, string, &utf8[range.clone()], facts)?)?;
            }
            let _ = to_free.send(facts);
        }
        drop(to_extract);
        Ok(())
    })
}

/// The facts of each of `texts`: on this thread, or on `pool`'s, or on rayon's global pool
/// (`threads` None). On this thread, the facts of one earlier text of `spare` are freed
/// before each text is extracted, as a loop of `extract` frees them: freed a batch at once,
/// they overflowed the allocator's per-thread cache, and its slower path took 3% of the
/// extracting thread's instructions (callgrind, session 10).
fn extract_batch<'t>(
    extractor: &Extractor,
    pool: Option<&Pool>,
    texts: &[&'t str],
    spare: &mut Vec<Vec<Fact<'t>>>,
) -> Vec<Vec<Fact<'t>>> {
    match pool {
        Some(Pool::ThisThread) => texts
            .iter()
            .map(|t| {
                drop(spare.pop());
                extractor.extract(t)
            })
            .collect(),
        Some(Pool::Threads(pool)) => {
            spare.clear();
            pool.install(|| texts.par_iter().map(|t| extractor.extract(t)).collect())
        }
        None => {
            spare.clear();
            texts.par_iter().map(|t| extractor.extract(t)).collect()
        }
    }
}

/// Where [`extract_many`] extracts.
enum Pool {
    /// One thread: the one that runs ahead of the conversion.
    ThisThread,
    /// A pool of its own, of the number of threads asked for.
    Threads(rayon::ThreadPool),
}

/// Python's cycle collector paused for as long as it lives, if it was running.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            return Ok(GcPause { gc: Some(gc) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0("enable");
        }
    }
}

/// The bytes of text read and extracted per batch of [`extract_many`] (a batch has at
/// least one text). Each batch may wake the thread that waits for it: with batches of 256
/// short lines, those wake-ups took a quarter of the extracting thread's time on a 2-core
/// machine (extraction alone, 10 MB: 205 ms a call, against 148 ms with batches of 4,096
/// lines).
const BATCH_BYTES: usize = 256 << 10;

/// Facts from Chinese government-report prose, as dicts.
#[pymodule]
fn _zhfacts(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
