//! Any bytes that are UTF-8: `extract` must not panic, and every fact must slice the
//! input, hold a finite value and serialize.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhfacts::Fact;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for f in zhfacts::extract(text) {
        assert_eq!(&text[f.start()..f.end()], f.text());
        match &f {
            Fact::Number(n) => assert!(n.value.is_finite()),
            Fact::Percentage(p) => assert!(p.value.is_finite()),
            _ => {}
        }
        serde_json::to_string(&f).unwrap();
    }
    let _ = zhfacts::numeral::parse(text);
});
