//! The seed article, frozen: every record of `extract()` on `fixtures/haimen-2022.txt`,
//! one line each.
//!
//! To update after a deliberate change: `cargo insta test --review` (or run the tests with
//! `INSTA_UPDATE=always` and read `git diff tests/snapshots`). Accept a change only after
//! reading it.

use zhfacts::{Extractor, Fact, extract};

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

/// One readable line per record: kind, byte range, text, and the fields the record has
/// (those that are not null).
fn render(text: &str) -> String {
    let mut out = String::new();
    for f in extract(text) {
        let v = serde_json::to_value(&f).unwrap();
        let mut fields = Vec::new();
        for (k, val) in v.as_object().unwrap() {
            if !matches!(k.as_str(), "kind" | "text" | "start" | "end") && !val.is_null() {
                fields.push(format!("{k}={val}"));
            }
        }
        let line = format!(
            "{:<13} {:>5}..{:<5} {} | {}",
            f.kind().as_str(),
            f.start(),
            f.end(),
            f.text().replace('\n', "⏎"),
            fields.join(" ")
        );
        out.push_str(line.trim_end_matches([' ', '|']).trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn seed_snapshot() {
    insta::assert_snapshot!("haimen-2022", render(SEED));
}

#[test]
fn spans_hold_their_text() {
    for f in extract(SEED) {
        assert_eq!(&SEED[f.start()..f.end()], f.text());
    }
}

#[test]
fn records_serialize_as_the_schema_says() {
    let facts = extract("规上工业应税销售突破1000亿元，比重提高2.5个百分点。");
    let json: Vec<String> = facts.iter().map(|f| serde_json::to_string(f).unwrap()).collect();
    assert_eq!(
        json[0],
        r#"{"kind":"number","text":"突破1000亿元","start":24,"end":40,"value":100000000000.0,"unit":"元","bound":"over","subject":"规上工业应税销售"}"#
    );
    assert!(json[1].starts_with(
        r#"{"kind":"percentage","text":"2.5个百分点","start":55,"end":70,"value":2.5,"point":true,"bound":"exact""#
    ));
    let back: Fact = serde_json::from_str(&json[0]).unwrap();
    assert_eq!(back, facts[0]);
    // With the document year, the value is placed in time.
    let dated = Extractor::new()
        .with_document_year(2023)
        .extract("2022年1至11月，规上工业应税销售突破1000亿元。");
    let json = serde_json::to_string(&dated[1]).unwrap();
    assert!(
        json.ends_with(r#""subject":"规上工业应税销售","period":"2022-01/2022-11"}"#),
        "{json}"
    );
    let back: Fact = serde_json::from_str(&json).unwrap();
    assert_eq!(back, dated[1]);
}

#[test]
fn extractor_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    let ex = Extractor::new();
    std::thread::scope(|s| {
        let a = s.spawn(|| ex.extract(SEED).len());
        let b = s.spawn(|| ex.extract(SEED).len());
        assert_eq!(a.join().unwrap(), b.join().unwrap());
    });
}

#[test]
fn kinds_can_be_chosen() {
    let only = Extractor::new().with_kinds(&[zhfacts::Kind::Percentage]);
    assert!(only.extract(SEED).iter().all(|f| f.kind() == zhfacts::Kind::Percentage));
    // Choosing kinds does not change the records of a kind.
    let numbers_alone: Vec<Fact> = Extractor::new().with_kinds(&[zhfacts::Kind::Number]).extract(SEED);
    let numbers_all: Vec<Fact> = extract(SEED)
        .into_iter()
        .filter(|f| f.kind() == zhfacts::Kind::Number)
        .collect();
    assert_eq!(numbers_alone, numbers_all);
}
