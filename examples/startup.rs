//! Start-up cost: `startup jieba` builds the segmenter alone; `startup extract` extracts
//! the facts of a short text from a cold process. Time both with
//! `/usr/bin/time -v target/release/examples/startup …` or hyperfine.

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("jieba") => {
            let j = jieba_rs::Jieba::new();
            std::hint::black_box(j.cut("规上工业应税销售突破1000亿元", true));
        }
        _ => {
            let facts = zhfacts::extract("规上工业应税销售突破1000亿元");
            assert!(!facts.is_empty());
        }
    }
}
