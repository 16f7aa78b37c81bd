//! The output formats: a table, JSON Lines, CSV and an HTML page. Each document is
//! rendered to bytes on its own (in parallel), and written in input order.

use std::fmt::Write as _;

use serde_json::Value;
use zhfacts::{Fact, Kind};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
    Html,
}

/// Where a document came from, as its records name it.
pub enum Source<'a> {
    /// A file (or `-`).
    File(&'a str),
    /// A piece of a large file, starting at this byte offset.
    Piece(&'a str, usize),
    /// A document of `--lines`, by its id.
    Id(&'a Value),
}

impl Source<'_> {
    /// The name of the document: its file, or its id as text.
    fn name(&self) -> String {
        match self {
            Source::File(name) | Source::Piece(name, _) => name.to_string(),
            Source::Id(Value::String(s)) => s.clone(),
            Source::Id(id) => id.to_string(),
        }
    }

    /// The heading of the document in a table or on the page.
    fn title(&self) -> String {
        match self {
            Source::Piece(name, offset) => format!("{name} (from byte {offset})"),
            s => s.name(),
        }
    }

    /// The field a JSON record carries: `"source"` (a file) or `"id"` (a line).
    fn json_field(&self) -> (&'static str, Value) {
        match self {
            Source::File(name) | Source::Piece(name, _) => ("source", Value::from(*name)),
            Source::Id(id) => ("id", (*id).clone()),
        }
    }
}

/// The CSV columns, one row a fact; lists are joined by `|` (formula parts as `N:name`).
pub const CSV_HEADER: [&str; 25] = [
    "source",
    "kind",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "bound",
    "point",
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
    "iso",
    "members",
    "cluster_members",
    "chain_members",
    "parts",
];

/// Renders documents in one format.
pub struct Renderer {
    format: Format,
    bom: bool,
}

impl Renderer {
    pub fn new(format: Format, bom: bool) -> Self {
        Renderer { format, bom }
    }

    /// What the output starts with: the CSV header, the HTML page's head.
    pub fn begin(&self) -> Vec<u8> {
        match self.format {
            Format::Csv => {
                let mut out = if self.bom {
                    "\u{FEFF}".as_bytes().to_vec()
                } else {
                    Vec::new()
                };
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(CSV_HEADER).expect("a vector takes every write");
                drop(w);
                out
            }
            Format::Html => html_head().into_bytes(),
            Format::Table | Format::Jsonl => Vec::new(),
        }
    }

    /// What the output ends with: the HTML page's end.
    pub fn end(&self) -> Vec<u8> {
        match self.format {
            Format::Html => HTML_END.as_bytes().to_vec(),
            _ => Vec::new(),
        }
    }

    /// A whole document's facts; `key` names it uniquely in the output (the HTML anchors).
    pub fn document(&self, key: &str, source: &Source, text: &str, facts: &[Fact]) -> Vec<u8> {
        self.piece(key, source, text, 0, facts)
    }

    /// The facts of a piece of a document that starts `offset` bytes into it (the facts'
    /// offsets are into the whole document).
    pub fn piece(&self, key: &str, source: &Source, text: &str, offset: usize, facts: &[Fact]) -> Vec<u8> {
        match self.format {
            Format::Jsonl => jsonl(source, facts),
            Format::Csv => csv_rows(source, facts),
            Format::Table => table(source, facts).into_bytes(),
            Format::Html => html_document(key, source, text, offset, facts).into_bytes(),
        }
    }
}

/// A fact's JSON object (the record of the contract).
fn object(fact: &Fact) -> serde_json::Map<String, Value> {
    match serde_json::to_value(fact).expect("facts serialize") {
        Value::Object(o) => o,
        _ => unreachable!("a fact is a JSON object"),
    }
}

/// One JSON object a fact, with the document's `source` or `id` last.
fn jsonl(source: &Source, facts: &[Fact]) -> Vec<u8> {
    let (key, value) = source.json_field();
    let tail = format!(",{}:{}}}\n", Value::from(key), value);
    let mut out = Vec::new();
    for f in facts {
        let mut line = serde_json::to_string(f).expect("facts serialize");
        line.pop();
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(tail.as_bytes());
    }
    out
}

/// A field's value as a CSV cell: strings as they are, numbers and booleans as in JSON,
/// lists joined by `|`, null or absent empty.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                // A formula part: [count, name].
                Value::Array(pair) => pair.iter().map(|v| cell(Some(v))).collect::<Vec<_>>().join(":"),
                v => cell(Some(v)),
            })
            .collect::<Vec<_>>()
            .join("|"),
        Some(v) => v.to_string(),
    }
}

fn csv_rows(source: &Source, facts: &[Fact]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(&mut out);
    let name = source.name();
    for f in facts {
        let o = object(f);
        let row = CSV_HEADER.map(|column| match column {
            "source" => name.clone(),
            column => cell(o.get(column)),
        });
        w.write_record(&row).expect("a vector takes every write");
    }
    drop(w);
    out
}

/// The fields of a fact but its kind, text and span, as `name=value` pairs (nulls left
/// out, strings unquoted).
fn fields(f: &Fact) -> Vec<String> {
    object(f)
        .into_iter()
        .filter(|(k, v)| !matches!(k.as_str(), "kind" | "text" | "start" | "end") && !v.is_null())
        .map(|(k, v)| match v {
            Value::String(s) => format!("{k}={s}"),
            v => format!("{k}={v}"),
        })
        .collect()
}

/// Facts grouped by kind, a line each.
fn table(source: &Source, facts: &[Fact]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {} facts", source.title(), facts.len());
    for kind in Kind::ALL {
        let of_kind: Vec<&Fact> = facts.iter().filter(|f| f.kind() == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {} ({})", kind.as_str(), of_kind.len());
        for f in of_kind {
            let shown = fields(f);
            let _ = writeln!(
                out,
                "{:>7}..{:<7} {:<28} {}",
                f.start(),
                f.end(),
                f.text().replace(['\n', '\r'], "⏎"),
                shown.join("  ")
            );
        }
    }
    out.push('\n');
    out
}

/// Text made safe for HTML, in content and in quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The colour each kind is highlighted in.
fn colour(kind: Kind) -> &'static str {
    match kind {
        Kind::Number => "#fde68a",
        Kind::Percentage => "#bbf7d0",
        Kind::Ranking => "#bfdbfe",
        Kind::Enterprise => "#fbcfe8",
        Kind::ClusterChain => "#ddd6fe",
        Kind::Date => "#fed7aa",
        Kind::Formula => "#a5f3fc",
    }
}

fn html_head() -> String {
    let mut css = String::from(
        "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:2em;line-height:1.8;color:#111}\
         .text{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:6px}\
         mark.fact{border-radius:3px;padding:0 1px;color:inherit}mark.fact mark.fact{outline:1px solid #888}\
         mark.fact:target,tr:target{outline:2px solid #d00}\
         table{border-collapse:collapse;margin:1em 0 3em}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}\
         .legend span{padding:2px 6px;margin-right:6px;border-radius:3px}",
    );
    for kind in Kind::ALL {
        let _ = write!(css, ".k-{}{{background:{}}}", kind.as_str(), colour(kind));
    }
    let mut legend = String::new();
    for kind in Kind::ALL {
        let _ = write!(legend, "<span class=\"k-{0}\">{0}</span>", kind.as_str());
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>zhfacts</title><style>{css}</style></head>\n\
         <body><h1>zhfacts</h1><p class=\"legend\">{legend}</p>\n"
    )
}

/// The page's end: a script that counts the highlights into `data-facts` on the body (what
/// a browser test reads back).
const HTML_END: &str = "<script>document.body.dataset.facts = String(document.querySelectorAll('mark.fact').length);</script>\n</body></html>\n";

/// One document: its text with a highlight per fact (a fact that crosses another's end is
/// highlighted up to that end), then the table of its facts, each row linked to its
/// highlight and back.
fn html_document(n: &str, source: &Source, text: &str, offset: usize, facts: &[Fact]) -> String {
    let title = source.title();
    let mut out = format!(
        "<section class=\"doc\" id=\"{n}\"><h2>{}</h2><p>{} facts</p><div class=\"text\">",
        escape(&title),
        facts.len()
    );
    // Each fact's fields, shown on hover and in its row.
    let shown: Vec<String> = facts.iter().map(|f| escape(&fields(f).join("; "))).collect();
    let mut order: Vec<usize> = (0..facts.len()).collect();
    order.sort_by_key(|&i| (facts[i].start(), std::cmp::Reverse(facts[i].end()), i));
    let mut at = 0; // bytes of `text` written
    let mut open: Vec<usize> = Vec::new(); // ends of the open highlights
    let close_to = |out: &mut String, at: &mut usize, open: &mut Vec<usize>, until: usize| {
        while let Some(&end) = open.last() {
            if end > until {
                break;
            }
            out.push_str(&escape(&text[*at..end]));
            out.push_str("</mark>");
            *at = end;
            open.pop();
        }
    };
    for &i in &order {
        let f = &facts[i];
        let start = f.start().saturating_sub(offset).min(text.len());
        let mut end = f.end().saturating_sub(offset).min(text.len());
        close_to(&mut out, &mut at, &mut open, start);
        if let Some(&outer) = open.last() {
            end = end.min(outer);
        }
        let start = start.max(at);
        out.push_str(&escape(&text[at..start]));
        at = start;
        let _ = write!(
            out,
            "<mark class=\"fact k-{0}\" id=\"{n}-f{i}\" title=\"{0}: {1}\"><a href=\"#{n}-r{i}\"></a>",
            f.kind().as_str(),
            shown[i]
        );
        open.push(end);
    }
    close_to(&mut out, &mut at, &mut open, usize::MAX);
    out.push_str(&escape(&text[at..]));
    out.push_str("</div>\n<table><tr><th>kind</th><th>text</th><th>start</th><th>end</th><th>fields</th></tr>\n");
    for (i, f) in facts.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr id=\"{n}-r{i}\" class=\"k-{0}\"><td>{0}</td><td><a href=\"#{n}-f{i}\">{1}</a></td><td>{2}</td><td>{3}</td><td>{4}</td></tr>",
            f.kind().as_str(),
            escape(f.text()),
            f.start(),
            f.end(),
            shown[i]
        );
    }
    out.push_str("</table></section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_each_json_shape() {
        assert_eq!(cell(None), "");
        assert_eq!(cell(Some(&Value::Null)), "");
        assert_eq!(cell(Some(&Value::from(39800.0))), "39800.0");
        assert_eq!(cell(Some(&Value::from(true))), "true");
        assert_eq!(cell(Some(&serde_json::json!(["A", "B"]))), "A|B");
        assert_eq!(
            cell(Some(&serde_json::json!([[1, "示范"], [4, "城市"]]))),
            "1:示范|4:城市"
        );
    }

    #[test]
    fn html_escapes_and_nests() {
        let text = "<script>alert(1)</script>实现12条产业链和7大产业集群 & 增长5%";
        let facts = zhfacts::extract(text);
        let page = html_document("d0", &Source::File("a&b.txt"), text, 0, &facts);
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("a&amp;b.txt") && page.contains(" &amp; "));
        assert_eq!(page.matches("<mark ").count(), facts.len());
        assert_eq!(page.matches("<mark ").count(), page.matches("</mark>").count());
    }
}
