//! Facts to dicts, kind by kind: each dict a copy of its shape's (the same field names in
//! the same order; the kind, bound, change and `point` set, the other values `None`) with
//! the other values set. A copy is one allocation of the right size, where a dict filled
//! from empty grows twice for a record of a dozen fields, and setting a value took about
//! 200 instructions (callgrind, session 10), so the fields of few values come with the
//! copy;
//! the field names, kinds, bounds and changes are Python strings made once per call, and
//! the words of small vocabularies (units, scopes) once per distinct word.
//!
//! A kind this module does not know (`Fact` is non-exhaustive) becomes its JSON record read
//! by Python's `json` module: the same dict, more slowly.

use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use zhfacts::{Change, Fact, Kind};

/// The characters `start..end` of `source`: a copy of its code points, where a string
/// made from the fact's UTF-8 would decode it (about 5% of the dict-making thread's time
/// on the throughput corpus went to decoding; perf, session 10).
fn substring<'py>(source: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyAny>> {
    let (start, end) = (
        pyo3::ffi::Py_ssize_t::try_from(start)?,
        pyo3::ffi::Py_ssize_t::try_from(end)?,
    );
    // SAFETY: `source` is a live `str` (held by the caller for the call) and the GIL is
    // held; `PyUnicode_Substring` returns a new reference, or NULL with an exception set.
    unsafe { Bound::from_owned_ptr_or_err(source.py(), pyo3::ffi::PyUnicode_Substring(source.as_ptr(), start, end)) }
}

/// A field of a record, by its place in [`FIELD_NAMES`].
#[derive(Clone, Copy)]
enum Field {
    Kind,
    Text,
    Start,
    End,
    Value,
    Unit,
    Point,
    Bound,
    Subject,
    Change,
    Period,
    Scope,
    Rank,
    Tier,
    Shift,
    List,
    Name,
    Clusters,
    Chains,
    ClusterMembers,
    ChainMembers,
    Iso,
    Parts,
    Members,
    CharStart,
    CharEnd,
}

/// The JSON names of the [`Field`]s, in their order.
const FIELD_NAMES: [&str; 26] = [
    "kind",
    "text",
    "start",
    "end",
    "value",
    "unit",
    "point",
    "bound",
    "subject",
    "change",
    "period",
    "scope",
    "rank",
    "tier",
    "shift",
    "list",
    "name",
    "clusters",
    "chains",
    "cluster_members",
    "chain_members",
    "iso",
    "parts",
    "members",
    "char_start",
    "char_end",
];

/// What the dicts of one template share: which fields a record has (a bit by [`Field`]),
/// and the values of its fields of few values ([`Records::set_few`]). The kind is one of
/// those, so a shape has one kind.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Shape {
    fields: u32,
    few: u32,
}

/// The most distinct vocabulary words kept per call.
const MAX_WORDS: usize = 4096;

/// Makes the dicts of facts; one per call of `extract`/`extract_many`.
pub struct Records<'py> {
    py: Python<'py>,
    /// The field names, by [`Field`].
    names: Vec<Bound<'py, PyString>>,
    /// The kind names, by `Kind as usize`.
    kinds: Vec<Bound<'py, PyString>>,
    /// `exact`, `over`, `under`, `about`, by `Bound as usize`.
    bounds: Vec<Bound<'py, PyString>>,
    /// `up`, `down`.
    changes: [Bound<'py, PyString>; 2],
    /// Units and scopes made Python strings, by their text.
    words: HashMap<String, Bound<'py, PyString>>,
    /// The dict of each shape seen, by its [`Shape`].
    shapes: Vec<(Shape, Bound<'py, PyDict>)>,
    /// The fields of the record being made; `true` for a field of a few values, which its
    /// shape's dict holds already.
    fields: Vec<(Field, Bound<'py, PyAny>, bool)>,
    /// The values of the record's fields of few values, a digit (base 8) each, in order.
    few: u32,
}

impl<'py> Records<'py> {
    /// A maker of dicts in `py`.
    pub fn new(py: Python<'py>) -> Self {
        let intern = |s: &str| PyString::intern(py, s);
        Records {
            py,
            names: FIELD_NAMES.iter().map(|n| intern(n)).collect(),
            kinds: Kind::ALL.iter().map(|k| intern(k.as_str())).collect(),
            bounds: [
                zhfacts::Bound::Exact,
                zhfacts::Bound::Over,
                zhfacts::Bound::Under,
                zhfacts::Bound::About,
            ]
            .iter()
            .map(|b| intern(b.as_str()))
            .collect(),
            changes: [intern("up"), intern("down")],
            words: HashMap::new(),
            shapes: Vec::new(),
            fields: Vec::with_capacity(FIELD_NAMES.len()),
            few: 0,
        }
    }

    /// The dict of `fact`, found in `source`: its JSON record, with `char_start`/`char_end`
    /// (its place in `source`, in characters) after its own fields.
    pub fn dict(
        &mut self,
        fact: &Fact,
        source: &Bound<'py, PyString>,
        char_start: usize,
        char_end: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.fields.clear();
        self.few = 0;
        let kind = fact.kind();
        self.set_few(Field::Kind, kind as u8, self.kinds[kind as usize].clone().into_any());
        self.set(Field::Text, substring(source, char_start, char_end)?);
        self.set_int(Field::Start, fact.start())?;
        self.set_int(Field::End, fact.end())?;
        match fact {
            Fact::Number(n) => {
                self.set(Field::Value, PyFloat::new(self.py, n.value).into_any());
                self.set_word(Field::Unit, n.unit.as_deref());
                self.set_few(
                    Field::Bound,
                    n.bound as u8,
                    self.bounds[n.bound as usize].clone().into_any(),
                );
                self.set_measured(n.subject.as_deref(), n.change, n.period.as_deref());
            }
            Fact::Percentage(p) => {
                self.set(Field::Value, PyFloat::new(self.py, p.value).into_any());
                let point = p.point.into_pyobject(self.py)?.to_owned().into_any();
                self.set_few(Field::Point, p.point as u8, point);
                self.set_few(
                    Field::Bound,
                    p.bound as u8,
                    self.bounds[p.bound as usize].clone().into_any(),
                );
                self.set_measured(p.subject.as_deref(), p.change, p.period.as_deref());
            }
            Fact::Ranking(r) => {
                self.set_word(Field::Scope, r.scope.as_deref());
                self.set_opt_int(Field::Rank, r.rank.map(i64::from))?;
                self.set_opt_int(Field::Tier, r.tier.map(i64::from))?;
                self.set_opt_int(Field::Shift, r.shift.map(i64::from))?;
                self.set_opt_str(Field::List, r.list.as_deref());
            }
            Fact::Enterprise(e) => self.set_str(Field::Name, &e.name),
            Fact::ClusterChain(c) => {
                self.set_int(Field::Clusters, c.clusters as usize)?;
                self.set_int(Field::Chains, c.chains as usize)?;
                self.set_strs(Field::ClusterMembers, &c.cluster_members)?;
                self.set_strs(Field::ChainMembers, &c.chain_members)?;
            }
            Fact::Date(d) => self.set_opt_str(Field::Iso, d.iso.as_deref()),
            Fact::Formula(f) => {
                let parts = f
                    .parts
                    .iter()
                    .map(|(n, noun)| PyList::new(self.py, [n.into_pyobject(self.py)?.into_any(), self.str(noun)]))
                    .collect::<PyResult<Vec<_>>>()?;
                self.set(Field::Parts, PyList::new(self.py, parts)?.into_any());
                self.set_strs(Field::Members, &f.members)?;
            }
            _ => return self.serde_dict(fact, char_start, char_end),
        }
        self.set_int(Field::CharStart, char_start)?;
        self.set_int(Field::CharEnd, char_end)?;
        self.finish()
    }

    /// [`Records::dict`] through the JSON record, for a kind added to `Fact` after this
    /// module.
    #[cold]
    fn serde_dict(&mut self, fact: &Fact, char_start: usize, char_end: usize) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(fact).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let dict = self
            .py
            .import("json")?
            .call_method1("loads", (json,))?
            .cast_into::<PyDict>()?;
        dict.set_item(&self.names[Field::CharStart as usize], char_start)?;
        dict.set_item(&self.names[Field::CharEnd as usize], char_end)?;
        Ok(dict.into_any())
    }

    /// The interpreter the dicts are made in.
    pub fn py(&self) -> Python<'py> {
        self.py
    }

    /// The dict of the fields set, a copy of their shape's with the other fields' values
    /// set.
    fn finish(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let shape = Shape {
            fields: self.fields.iter().fold(0u32, |m, (f, _, _)| m | 1 << *f as u32),
            few: self.few,
        };
        let template = match self.shapes.iter().position(|(s, _)| *s == shape) {
            Some(i) => &self.shapes[i].1,
            None => {
                let dict = PyDict::new(self.py);
                for (field, value, few) in &self.fields {
                    let value = if *few {
                        value.clone()
                    } else {
                        self.py.None().into_bound(self.py)
                    };
                    dict.set_item(&self.names[*field as usize], value)?;
                }
                self.shapes.push((shape, dict));
                &self.shapes[self.shapes.len() - 1].1
            }
        };
        let dict = template.copy()?;
        for (field, value, few) in self.fields.drain(..) {
            if !few {
                dict.set_item(&self.names[field as usize], value)?;
            }
        }
        Ok(dict.into_any())
    }

    fn set(&mut self, field: Field, value: Bound<'py, PyAny>) {
        self.fields.push((field, value, false));
    }

    /// A field of a few values (the kind, a bound, a change, `point`), `code` (under 8)
    /// telling which: the shape's dict holds it, and no copy sets it again.
    fn set_few(&mut self, field: Field, code: u8, value: Bound<'py, PyAny>) {
        debug_assert!(code < 8);
        self.few = self.few * 8 + u32::from(code);
        self.fields.push((field, value, true));
    }

    fn str(&self, s: &str) -> Bound<'py, PyAny> {
        PyString::new(self.py, s).into_any()
    }

    fn set_str(&mut self, field: Field, s: &str) {
        self.set(field, self.str(s));
    }

    fn set_opt_str(&mut self, field: Field, s: Option<&str>) {
        let value = s.map_or_else(|| self.py.None().into_bound(self.py), |s| self.str(s));
        self.set(field, value);
    }

    fn set_strs(&mut self, field: Field, items: &[std::borrow::Cow<str>]) -> PyResult<()> {
        let list = PyList::new(self.py, items.iter().map(|s| self.str(s)))?;
        self.set(field, list.into_any());
        Ok(())
    }

    /// A word of a small vocabulary (a unit, a scope, a period), made a Python string once.
    fn set_word(&mut self, field: Field, word: Option<&str>) {
        let value = match word {
            None => self.py.None().into_bound(self.py),
            Some(w) => match self.words.get(w) {
                Some(s) => s.clone().into_any(),
                None => {
                    let s = PyString::new(self.py, w);
                    if self.words.len() < MAX_WORDS {
                        self.words.insert(w.to_string(), s.clone());
                    }
                    s.into_any()
                }
            },
        };
        self.set(field, value);
    }

    fn set_int(&mut self, field: Field, n: usize) -> PyResult<()> {
        let value = n.into_pyobject(self.py)?.into_any();
        self.set(field, value);
        Ok(())
    }

    fn set_opt_int(&mut self, field: Field, n: Option<i64>) -> PyResult<()> {
        let value = match n {
            Some(n) => n.into_pyobject(self.py)?.into_any(),
            None => self.py.None().into_bound(self.py),
        };
        self.set(field, value);
        Ok(())
    }

    /// `subject`, `change` and `period`, each only when known (as the JSON record omits
    /// them).
    fn set_measured(&mut self, subject: Option<&str>, change: Option<Change>, period: Option<&str>) {
        if let Some(s) = subject {
            self.set_str(Field::Subject, s);
        }
        if let Some(c) = change {
            let (code, name) = match c {
                Change::Up => (0, &self.changes[0]),
                Change::Down => (1, &self.changes[1]),
            };
            self.set_few(Field::Change, code, name.clone().into_any());
        }
        if let Some(p) = period {
            self.set_word(Field::Period, Some(p));
        }
    }
}
