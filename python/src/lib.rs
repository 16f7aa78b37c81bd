//! The Python module `zhfacts._zhfacts`, re-exported by the package `zhfacts`: facts as
//! the dicts of the record contract, with character offsets beside the byte offsets.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
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

/// The facts of `text` as dicts: the JSON record of each, plus `char_start`/`char_end`,
/// the offsets in characters (what a Python string is indexed by).
fn to_dicts<'py>(records: &mut Records<'py>, text: &str, facts: &[Fact]) -> PyResult<Bound<'py, PyList>> {
    let mut dicts = Vec::with_capacity(facts.len());
    // Starts come in order: characters are counted forward once, and each fact's own.
    let (mut byte, mut chars) = (0usize, 0usize);
    for fact in facts {
        let start = fact.start();
        chars += text[byte..start].chars().count();
        byte = start;
        let char_end = chars + fact.text().chars().count();
        dicts.push(records.dict(fact, chars, char_end)?);
    }
    PyList::new(records.py(), dicts)
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
    text: &str,
    kinds: Option<Vec<String>>,
    year: Option<i32>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = extractor(kinds, year)?;
    let facts = py.detach(|| extractor.extract(text));
    to_dicts(&mut Records::new(py), text, &facts)
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
fn pipeline<'py>(
    py: Python<'py>,
    items: &[Bound<'py, PyAny>],
    extractor: &Extractor,
    pool: Option<&Pool>,
    out: &Bound<'py, PyList>,
) -> PyResult<()> {
    let mut records = Records::new(py);
    // The texts as UTF-8, each set once by this thread and read by the extracting one
    // after: borrowed from the Python strings of `items` (which keep their UTF-8 form
    // once asked), which outlive both threads.
    let slots: Vec<OnceLock<&str>> = items.iter().map(|_| OnceLock::new()).collect();
    let slots = &slots[..];
    std::thread::scope(|scope| -> PyResult<()> {
        let (to_extract, batches) = std::sync::mpsc::channel::<Range<usize>>();
        // A few batches of facts in flight: memory stays bounded by them.
        let (to_convert, extracted) = std::sync::mpsc::sync_channel::<(Range<usize>, Vec<Vec<Fact<'_>>>)>(2);
        // The facts made into dicts go back to be freed where they were allocated.
        let (to_free, converted_facts) = std::sync::mpsc::channel::<Vec<Vec<Fact<'_>>>>();
        scope.spawn(move || {
            for batch in batches {
                drop(converted_facts.try_iter().collect::<Vec<_>>());
                let texts: Vec<&str> = slots[batch.clone()]
                    .iter()
                    .map(|s| s.get().copied().unwrap_or_default())
                    .collect();
                if to_convert
                    .send((batch, extract_batch(extractor, pool, &texts)))
                    .is_err()
                {
                    break;
                }
            }
        });
        let mut read = 0;
        let read_batch = |read: &mut usize| -> PyResult<()> {
            let from = *read;
            // The first batch is small, so that the extracting thread starts soon.
            let limit = if from == 0 { BATCH_BYTES / 8 } else { BATCH_BYTES };
            let mut bytes = 0;
            while *read < items.len() && (*read == from || bytes < limit) {
                let text = items[*read].cast::<PyString>()?.to_str()?;
                bytes += text.len();
                let _ = slots[*read].set(text);
                *read += 1;
            }
            if *read > from {
                // The extracting thread ends when this side drops its sender: never early.
                let _ = to_extract.send(from..*read);
            }
            Ok(())
        };
        // Two batches ahead of the conversion.
        read_batch(&mut read)?;
        read_batch(&mut read)?;
        let mut extracted = extracted;
        let mut converted = 0;
        while converted < items.len() {
            // Waiting for a batch, the GIL is released (the receiver goes along and back).
            let (next, back) = py.detach(move || (extracted.recv(), extracted));
            extracted = back;
            let Ok((batch, facts)) = next else { break };
            read_batch(&mut read)?;
            for (slot, facts) in slots[batch.clone()].iter().zip(&facts) {
                let text = slot.get().copied().unwrap_or_default();
                out.append(to_dicts(&mut records, text, facts)?)?;
            }
            let _ = to_free.send(facts);
            converted = batch.end;
        }
        drop(to_extract);
        Ok(())
    })
}

/// The facts of each of `texts`: on this thread, or on `pool`'s, or on rayon's global pool
/// (`threads` None).
fn extract_batch<'t>(extractor: &Extractor, pool: Option<&Pool>, texts: &[&'t str]) -> Vec<Vec<Fact<'t>>> {
    match pool {
        Some(Pool::ThisThread) => texts.iter().map(|t| extractor.extract(t)).collect(),
        Some(Pool::Threads(pool)) => pool.install(|| texts.par_iter().map(|t| extractor.extract(t)).collect()),
        None => texts.par_iter().map(|t| extractor.extract(t)).collect(),
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
