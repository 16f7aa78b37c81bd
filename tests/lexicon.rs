//! User lexicons, through the public API alone: each field's word is found with the
//! lexicon and not without it, and a bad lexicon gives its typed error.

use zhfacts::{Bound, Extractor, Fact, Lexicon, LexiconError};

/// The facts of `text` as `(kind, text)` pairs.
fn found(extractor: &Extractor, text: &str) -> Vec<(String, String)> {
    extractor
        .extract(text)
        .iter()
        .map(|f| (f.kind().as_str().to_string(), f.text().to_string()))
        .collect()
}

/// Each field of a lexicon: a sentence, and the fact its word makes found.
#[test]
fn each_field_adds_its_words() {
    let lexicon = Lexicon::from_toml(
        r#"
        units = ["艘次"]
        over = ["多达"]
        enterprise_endings = ["专业合作社"]
        time_words = ["眼下"]
        scopes = ["全流域"]
        "#,
    )
    .unwrap();
    let with = Extractor::new().with_lexicon(lexicon);
    let without = Extractor::new();
    let cases = [
        ("全年进出港船舶3500艘次", ("number", "3500艘次")),
        ("新增市场主体多达300家", ("number", "多达300家")),
        (
            "新成立海门市江海粮食专业合作社",
            ("enterprise", "海门市江海粮食专业合作社"),
        ),
        ("眼下正值秋收", ("date", "眼下")),
        ("水质排名全流域第一", ("ranking", "全流域第一")),
    ];
    for (text, (kind, fact)) in cases {
        let want = (kind.to_string(), fact.to_string());
        assert!(found(&with, text).contains(&want), "{text}: {:?}", found(&with, text));
        assert!(!found(&without, text).contains(&want), "{text} without the lexicon");
    }
    // The bound word gives its bound; the unit its unit.
    let facts = with.extract("新增市场主体多达300家，船舶3500艘次");
    let numbers: Vec<_> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Number(n) => Some((n.bound, n.unit.as_deref().map(str::to_string))),
            _ => None,
        })
        .collect();
    assert_eq!(
        numbers,
        [(Bound::Over, Some("家".into())), (Bound::Exact, Some("艘次".into()))]
    );
}

#[test]
fn the_lexicon_adds_to_the_built_in_words() {
    let with = Extractor::new().with_lexicon(Lexicon {
        units: vec!["艘次".into()],
        ..Lexicon::default()
    });
    let seed = include_str!("../fixtures/haimen-2022.txt");
    assert_eq!(with.extract(seed), zhfacts::extract(seed));
    // An empty lexicon is the built-in vocabulary.
    let empty = Extractor::new().with_lexicon(Lexicon::default());
    assert_eq!(empty.extract(seed), zhfacts::extract(seed));
}

#[test]
fn a_bad_lexicon_names_its_line_and_entry() {
    let cases: [(&str, LexiconError); 4] = [
        (
            "units = [\"标箱\"]\n\nunits_extra = []",
            LexiconError::Toml {
                line: 3,
                message: String::new(),
            },
        ),
        (
            "units = [\"标箱\",\n  \"\"]",
            LexiconError::BadEntry {
                line: 2,
                field: "units",
                word: String::new(),
                why: "is empty",
            },
        ),
        (
            "scopes = [\"全 流域\"]",
            LexiconError::BadEntry {
                line: 1,
                field: "scopes",
                word: "全 流域".into(),
                why: "has a space",
            },
        ),
        (
            "time_words = \"眼下\"",
            LexiconError::Toml {
                line: 1,
                message: String::new(),
            },
        ),
    ];
    for (toml, want) in cases {
        let got = Lexicon::from_toml(toml).unwrap_err();
        match (&got, &want) {
            (LexiconError::Toml { line, .. }, LexiconError::Toml { line: want_line, .. }) => {
                assert_eq!(line, want_line, "{toml}: {got}")
            }
            _ => assert_eq!(got, want, "{toml}"),
        }
        assert!(got.to_string().starts_with("lexicon line "), "{got}");
    }
    assert!(
        Lexicon::from_toml("unknown = [\"x\"]")
            .unwrap_err()
            .to_string()
            .contains("unknown"),
    );
    // A lexicon made in code is checked by `check`.
    let bad = Lexicon {
        time_words: vec!["眼\t下".into()],
        ..Lexicon::default()
    };
    assert!(matches!(
        bad.check(),
        Err(LexiconError::BadEntry {
            field: "time_words",
            ..
        })
    ));
}
