//! The fact records: one struct per kind, all serialized as in `SCHEMA.md`.
//!
//! # Offsets
//! Every record carries `start` and `end`, byte offsets into the UTF-8 input, half-open:
//! `&input[start..end] == text`. They always fall on `char` boundaries.
//!
//! # Borrowed text
//! A record's strings borrow from the input where they are a piece of it (`text`, a
//! subject, a unit, a member): [`Fact<'a>`] lives as long as the text it was read from,
//! and extraction copies no string. [`Fact::into_owned`] gives a record that owns its
//! strings, to keep after the text is gone. Every string field is a [`Cow`], which reads
//! as a `&str` (`fact.text() == "3.98万个"`, `unit.as_deref()`).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One fact found in a text, tagged by its `kind` when serialized.
///
/// `serde_json::to_string(&fact)` gives the JSON object of the record contract:
/// `{"kind":"number","text":"3.98万个","start":…,"end":…,"value":39800.0,…}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fact<'a> {
    /// A quantity with its unit (`1005.5亿元`).
    Number(Number<'a>),
    /// A percentage or percentage point (`27.7%`, `2.5个百分点`).
    Percentage(Percentage<'a>),
    /// A place in an order (`全市第一`, `第一方阵`, `前移2位`).
    Ranking(Ranking<'a>),
    /// A registered company name (`中天钢铁集团（南通）有限公司`).
    Enterprise(Enterprise<'a>),
    /// An "N群M链" structure of industrial clusters and chains.
    ClusterChain(ClusterChain<'a>),
    /// A time expression (`2022年1至11月`, `去年`).
    Date(Date<'a>),
    /// A numbered policy formula (`一示范四城市`, `六项机制`).
    Formula(Formula<'a>),
}

/// The kinds of fact, as named in the record contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// [`Fact::Number`]
    Number,
    /// [`Fact::Percentage`]
    Percentage,
    /// [`Fact::Ranking`]
    Ranking,
    /// [`Fact::Enterprise`]
    Enterprise,
    /// [`Fact::ClusterChain`]
    ClusterChain,
    /// [`Fact::Date`]
    Date,
    /// [`Fact::Formula`]
    Formula,
}

impl Kind {
    /// Every kind, in the order of the record contract.
    pub const ALL: [Kind; 7] = [
        Kind::Number,
        Kind::Percentage,
        Kind::Ranking,
        Kind::Enterprise,
        Kind::ClusterChain,
        Kind::Date,
        Kind::Formula,
    ];

    /// The `kind` string of the record contract (`"cluster_chain"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Percentage => "percentage",
            Kind::Ranking => "ranking",
            Kind::Enterprise => "enterprise",
            Kind::ClusterChain => "cluster_chain",
            Kind::Date => "date",
            Kind::Formula => "formula",
        }
    }

    /// The kind named by a `kind` string, if any.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How a value relates to the true quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// As stated (the default).
    #[default]
    Exact,
    /// More than the value: 超过 突破 逾 超 以上 余 多.
    Over,
    /// Less than the value: 低于 不到 不足 以下.
    Under,
    /// About the value: 约 近 左右.
    About,
}

impl Bound {
    /// The name used in the record contract: `exact`, `over`, `under`, `about`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Over => "over",
            Bound::Under => "under",
            Bound::About => "about",
        }
    }
}

/// The direction of a change the sentence reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// 增长 提高 增加 新增 上升 增幅.
    Up,
    /// 下降 减少 降低 回落.
    Down,
}

/// A quantity, normalized: `3.98万个` is 39800 个.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Number<'a> {
    /// The text covered, bound words included (`突破1000亿元`).
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The full value, multipliers applied.
    pub value: f64,
    /// What is counted, after the multiplier (`元` for `亿元`), or none.
    pub unit: Option<Cow<'a, str>>,
    /// Whether the value is exact, a lower or upper bound, or approximate.
    pub bound: Bound,
    /// What is measured, as written (`规上工业应税销售`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Cow<'a, str>>,
    /// The direction of change the sentence reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The time the value describes, in the form of a date's `iso` (`2022`,
    /// `2022-01/2022-11`, `2021/2025`): the last date before it in its sentence, else the
    /// date opening its paragraph, else the period its passage reports on (a quarterly
    /// analysis's quarter, a work report's reviewed year). None when it is about no time (a
    /// project's planned capacity) or the text does not place it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Cow<'a, str>>,
}

/// A percentage, in percent: `82.7%` is 82.7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Percentage<'a> {
    /// The text covered, bound words included (`低于3%`).
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The value in percent (`三成` is 30, `千分之2.4` is 0.24).
    pub value: f64,
    /// Percentage points (`2.5个百分点`), not a percentage.
    pub point: bool,
    /// Whether the value is exact, a lower or upper bound, or approximate.
    pub bound: Bound,
    /// What is measured, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Cow<'a, str>>,
    /// The direction of change the sentence reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The time the value describes, in the form of a date's `iso` (`2022`,
    /// `2022-01/2022-11`, `2021/2025`): the last date before it in its sentence, else the
    /// date opening its paragraph, else the period its passage reports on (a quarterly
    /// analysis's quarter, a work report's reviewed year). None when it is about no time (a
    /// project's planned capacity) or the text does not place it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Cow<'a, str>>,
}

/// A place in an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking<'a> {
    /// The text covered (`全省第8位`, `“全国综合实力百强区”第18位`).
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The field of comparison as written (`全市`, `南通`), none for a named list.
    pub scope: Option<Cow<'a, str>>,
    /// The place (`第一` is 1, `榜首` is 1).
    pub rank: Option<u32>,
    /// The echelon (`第一方阵` is 1).
    pub tier: Option<u32>,
    /// A move in the order: positive up (`前移2位`), negative down (`后退3位`).
    pub shift: Option<i32>,
    /// The named list, quotes removed (`全国市辖区高质量发展百强`).
    pub list: Option<Cow<'a, str>>,
}

/// A registered company name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enterprise<'a> {
    /// The text covered.
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The full registered name as written, brackets kept.
    pub name: Cow<'a, str>,
}

/// An "N群M链" structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterChain<'a> {
    /// The text covered (`7群12链`, `12条产业链和7大产业集群`).
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// N, the number of clusters.
    pub clusters: u32,
    /// M, the number of chains.
    pub chains: u32,
    /// The clusters the document enumerates, in order; empty when it does not.
    pub cluster_members: Vec<Cow<'a, str>>,
    /// The chains the document enumerates, in order; empty when it does not.
    pub chain_members: Vec<Cow<'a, str>>,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Date<'a> {
    /// The text covered (`2022年1至11月`).
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The normalized form (`2022`, `2022-12-02`, `2022-01/2022-11`), or none where it
    /// cannot be placed (`目前`).
    pub iso: Option<String>,
}

/// A numbered policy formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Formula<'a> {
    /// The text covered (`一示范四城市`).
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `[count, word]` pairs: `六项机制` is `[[6, "机制"]]`.
    pub parts: Vec<(u32, Cow<'a, str>)>,
    /// The items the text enumerates for it, in order.
    pub members: Vec<Cow<'a, str>>,
}

macro_rules! each_record {
    ($fact:expr, $r:ident => $e:expr) => {
        match $fact {
            Fact::Number($r) => $e,
            Fact::Percentage($r) => $e,
            Fact::Ranking($r) => $e,
            Fact::Enterprise($r) => $e,
            Fact::ClusterChain($r) => $e,
            Fact::Date($r) => $e,
            Fact::Formula($r) => $e,
        }
    };
}

impl<'a> Fact<'a> {
    /// The kind of this fact.
    pub fn kind(&self) -> Kind {
        match self {
            Fact::Number(_) => Kind::Number,
            Fact::Percentage(_) => Kind::Percentage,
            Fact::Ranking(_) => Kind::Ranking,
            Fact::Enterprise(_) => Kind::Enterprise,
            Fact::ClusterChain(_) => Kind::ClusterChain,
            Fact::Date(_) => Kind::Date,
            Fact::Formula(_) => Kind::Formula,
        }
    }

    /// The text covered, exactly as in the input.
    pub fn text(&self) -> &str {
        each_record!(self, r => &r.text)
    }

    /// Byte offset of the first byte in the input.
    pub fn start(&self) -> usize {
        each_record!(self, r => r.start)
    }

    /// Byte offset one past the last byte in the input.
    pub fn end(&self) -> usize {
        each_record!(self, r => r.end)
    }

    /// Moves the span `bytes` further: a fact of a piece that starts `bytes` into a larger
    /// text becomes a fact of that text.
    ///
    /// ```
    /// let mut fact = zhfacts::extract("增长5%").remove(0);
    /// fact.shift(100);
    /// assert_eq!((fact.start(), fact.end()), (106, 108));
    /// ```
    pub fn shift(&mut self, bytes: usize) {
        each_record!(self, r => {
            r.start += bytes;
            r.end += bytes;
        })
    }

    /// Sets the span (byte offsets into `input`) and the text it covers.
    pub(crate) fn set_span(&mut self, input: &'a str, start: usize, end: usize) {
        each_record!(self, r => {
            r.start = start;
            r.end = end;
            r.text = Cow::Borrowed(&input[start..end]);
        })
    }

    /// The same fact with strings of its own, not borrowed from the input.
    pub fn into_owned(self) -> Fact<'static> {
        match self {
            Fact::Number(r) => Fact::Number(Number {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                value: r.value,
                unit: r.unit.map(owned),
                bound: r.bound,
                subject: r.subject.map(owned),
                change: r.change,
                period: r.period.map(owned),
            }),
            Fact::Percentage(r) => Fact::Percentage(Percentage {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                value: r.value,
                point: r.point,
                bound: r.bound,
                subject: r.subject.map(owned),
                change: r.change,
                period: r.period.map(owned),
            }),
            Fact::Ranking(r) => Fact::Ranking(Ranking {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                scope: r.scope.map(owned),
                rank: r.rank,
                tier: r.tier,
                shift: r.shift,
                list: r.list.map(owned),
            }),
            Fact::Enterprise(r) => Fact::Enterprise(Enterprise {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                name: owned(r.name),
            }),
            Fact::ClusterChain(r) => Fact::ClusterChain(ClusterChain {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                clusters: r.clusters,
                chains: r.chains,
                cluster_members: r.cluster_members.into_iter().map(owned).collect(),
                chain_members: r.chain_members.into_iter().map(owned).collect(),
            }),
            Fact::Date(r) => Fact::Date(Date {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                iso: r.iso,
            }),
            Fact::Formula(r) => Fact::Formula(Formula {
                text: owned(r.text),
                start: r.start,
                end: r.end,
                parts: r.parts.into_iter().map(|(n, w)| (n, owned(w))).collect(),
                members: r.members.into_iter().map(owned).collect(),
            }),
        }
    }
}

/// `s` as a string of its own.
fn owned(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
}
