//! The Python module `zhfacts._zhfacts`, re-exported by the package `zhfacts`: facts as
//! the dicts of the record contract, with character offsets beside the byte offsets.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rayon::prelude::*;
use zhfacts::{Extractor, Fact, Kind};

mod to_python;
use to_python::ToPython;

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
fn to_dicts<'py>(to: &mut ToPython<'py>, text: &str, facts: &[Fact]) -> PyResult<Bound<'py, PyList>> {
    let py = to.py();
    let list = PyList::empty(py);
    // Starts come in order: characters are counted forward once, and each fact's own.
    let (mut byte, mut chars) = (0usize, 0usize);
    for fact in facts {
        let start = fact.start();
        chars += text[byte..start].chars().count();
        byte = start;
        let char_end = chars + fact.text().chars().count();
        let record = to.convert(fact).map_err(|e| PyValueError::new_err(e.0))?;
        let record = record.cast_into::<PyDict>()?;
        record.set_item(pyo3::intern!(py, "char_start"), chars)?;
        record.set_item(pyo3::intern!(py, "char_end"), char_end)?;
        list.append(record)?;
    }
    Ok(list)
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
    to_dicts(&mut ToPython::new(py), text, &facts)
}

/// `[extract(t, kinds, year) for t in texts]`, extracted without the GIL on `threads`
/// threads (default: one per core).
#[pyfunction]
#[pyo3(signature = (texts, kinds=None, year=None, threads=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    kinds: Option<Vec<String>>,
    year: Option<i32>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = extractor(kinds, year)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    // Extraction (on `threads` threads, without the GIL) runs ahead of the conversion to
    // dicts (on this thread, with the GIL), a batch of texts at a time: the two overlap.
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
    let out = PyList::empty(py);
    let mut to = ToPython::new(py);
    let texts = &texts;
    // Python's cycle collector would walk the young dicts and lists again and again as
    // they are made (a third of the time on a corpus); none of them forms a cycle.
    let _paused = GcPause::new(py)?;
    std::thread::scope(|scope| -> PyResult<()> {
        // A few batches in flight: memory stays bounded by them, not by the whole input.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Vec<Vec<Fact<'_>>>)>(4);
        let (extractor, pool) = (&extractor, &pool);
        scope.spawn(move || {
            for (k, batch) in texts.chunks(BATCH).enumerate() {
                if sender
                    .send((k * BATCH, extract_batch(extractor, pool.as_ref(), batch)))
                    .is_err()
                {
                    break;
                }
            }
        });
        let mut receiver = receiver;
        loop {
            // Waiting for a batch, the GIL is released (the receiver goes along and back).
            let (next, back) = py.detach(move || (receiver.recv(), receiver));
            receiver = back;
            let Ok((from, batch)) = next else { break };
            for (text, facts) in texts[from..].iter().zip(&batch) {
                out.append(to_dicts(&mut to, text, facts)?)?;
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// The facts of each of `texts`: on this thread, or on `pool`'s, or on rayon's global pool
/// (`threads` None).
fn extract_batch<'t>(extractor: &Extractor, pool: Option<&Pool>, texts: &'t [String]) -> Vec<Vec<Fact<'t>>> {
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

/// The texts extracted per batch of [`extract_many`].
const BATCH: usize = 256;

/// Facts from Chinese government-report prose, as dicts.
#[pymodule]
fn _zhfacts(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
