//! The texts the crate holds besides the seed, for the throughput example and the extract
//! bench (both include this file).

/// The conformance cases (JSON lines with an `input` text each).
const CONFORMANCE: [&str; 3] = [
    include_str!("../../fixtures/conformance/recognizers-zh-number.jsonl"),
    include_str!("../../fixtures/conformance/recognizers-zh-number-with-unit.jsonl"),
    include_str!("../../fixtures/conformance/duckling-zh.jsonl"),
];

/// The `input` of every conformance case, in file order.
pub fn conformance_inputs() -> Vec<String> {
    CONFORMANCE
        .into_iter()
        .flat_map(str::lines)
        .filter_map(|line| {
            let case: serde_json::Value = serde_json::from_str(line).ok()?;
            Some(case.get("input")?.as_str()?.to_string())
        })
        .collect()
}
