//! "N群M链" structures: N industrial clusters and M industrial chains.
//!
//! | form | example | clusters, chains |
//! | --- | --- | --- |
//! | compact | `7群12链`, `七群十二链`, `12链7群` | 7, 12 |
//! | spelled out, either order | `12条产业链和7大产业集群`, `7大产业集群、12条产业链` | 7, 12 |
//! | with modifiers | `6大特色产业集群和18条乡村富民产业链` | 6, 18 |
//! | clusters named by their industry | `16个先进制造业集群和50条重点产业链` | 16, 50 |
//!
//! Members: where the document enumerates the chains or the clusters, after a count —
//! `12大产业链包括：A、B、…` — or in groups that each carry their own count —
//! `除A和B两大千亿级产业集群外，还有C、D两大…，E、F、G三大…产业集群` — they are attached
//! to every structure of the document, in order, when the count of the enumeration equals
//! the structure's count; otherwise the list stays empty rather than guessed.
//!
//! Not structures: `一群一策` (a formula), `七大产业集群` alone (no chains).

use once_cell::sync::Lazy;
use regex::Regex;

use super::{Claims, Doc, Found, has_any};
use crate::fact::{ClusterChain, Fact};
use crate::numeral;

const NUM: &str = r"[0-9０-９]+|[一二三四五六七八九十两]+";

/// `7群12链` and `12链7群`.
static COMPACT: Lazy<Regex> = Lazy::new(|| Regex::new(&format!(r"({NUM})群({NUM})链|({NUM})链({NUM})群")).unwrap());

/// One spelled-out half: `12条产业链`, `7大产业集群`, `18条乡村富民产业链`.
fn half(name: &str) -> String {
    format!(r"({NUM})(?:条|个|大)?\p{{Han}}{{0,6}}?{name}")
}

static SPELLED: Lazy<Regex> = Lazy::new(|| {
    // Chains end in 产业链 (or 链); clusters in 产业集群 or 集群 (先进制造业集群).
    let chain = half("链");
    let cluster = half("集群");
    let link = "(?:和|与|及|以及|、|，|加)";
    Regex::new(&format!(r"{chain}{link}{cluster}|{cluster}{link}{chain}")).unwrap()
});

/// The spans of the sentences of `text` (cut after 。 and ；, which no pattern here
/// crosses) that contain every one of `needles`.
fn sentences_with<'t>(text: &'t str, needles: &'t [&'t str]) -> impl Iterator<Item = (usize, &'t str)> + 't {
    text.split_inclusive(['。', '；'])
        .scan(0, |at, s| {
            let start = *at;
            *at += s.len();
            Some((start, s))
        })
        .filter(move |(_, s)| needles.iter().all(|n| s.contains(n)))
}

/// The captures of `re` in the sentences of `text` that hold all of `needles`, with the
/// offset of their sentence. No match crosses a sentence end, so these are the matches
/// of `re` in the whole text, found without reading the sentences that cannot match.
fn captures_in_sentences<'t>(
    text: &'t str,
    needles: &'t [&'t str],
    re: &'static Regex,
) -> impl Iterator<Item = (usize, regex::Captures<'t>)> + 't {
    sentences_with(text, needles).flat_map(move |(at, s)| re.captures_iter(s).map(move |c| (at, c)))
}

/// `(start, end, clusters, chains)` of each match of a two-alternative regex whose groups
/// are (1, 2) in the first alternative and (3, 4) in the second, the clusters first in
/// the first alternative when `clusters_first`, and the other way round in the second.
fn counted_pairs<'t>(
    caps: impl Iterator<Item = (usize, regex::Captures<'t>)>,
    clusters_first: bool,
) -> impl Iterator<Item = (usize, usize, u32, u32)> {
    caps.filter_map(move |(at, c)| {
        let all = c.get(0)?;
        let (first, second, swapped) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(a), Some(b), _, _) => (a, b, !clusters_first),
            (_, _, Some(a), Some(b)) => (a, b, clusters_first),
            _ => return None,
        };
        let (clusters, chains) = if swapped { (second, first) } else { (first, second) };
        Some((
            at + all.start(),
            at + all.end(),
            count(clusters.as_str())?,
            count(chains.as_str())?,
        ))
    })
}

fn count(s: &str) -> Option<u32> {
    let v = numeral::parse(s).ok()?;
    (v.fract() == 0.0 && (1.0..=1000.0).contains(&v)).then_some(v as u32)
}

/// Finds the cluster_chain structures of `doc`, with the members the document names.
pub(crate) fn extract(doc: &Doc, _claims: &Claims) -> Vec<Found> {
    let text = doc.text;
    // Every form names a chain.
    if !has_any(doc, &['链']) {
        return Vec::new();
    }
    // COMPACT: N群M链 | M链N群; SPELLED: chains then clusters | clusters then chains.
    if !has_any(doc, &['群']) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, u32, u32)> =
        counted_pairs(captures_in_sentences(text, &["群", "链"], &COMPACT), true)
            .chain(counted_pairs(
                captures_in_sentences(text, &["集群", "链"], &SPELLED),
                false,
            ))
            .collect();
    if found.is_empty() {
        return Vec::new();
    }
    found.sort();
    let clusters = enumeration(text, "产业集群");
    let chains = enumeration(text, "产业链");
    found
        .into_iter()
        .map(|(start, end, n, m)| {
            let pick = |list: &Option<(u32, Vec<String>)>, want: u32| match list {
                Some((k, items)) if *k == want && items.len() == want as usize => items.clone(),
                _ => Vec::new(),
            };
            Found {
                start,
                end,
                fact: Fact::ClusterChain(ClusterChain {
                    text: String::new(),
                    start,
                    end,
                    clusters: n,
                    chains: m,
                    cluster_members: pick(&clusters, n),
                    chain_members: pick(&chains, m),
                }),
            }
        })
        .collect()
}

/// `N大产业链包括：A、B…` or `N大产业集群中，…A、B两大…产业集群…`: the count and the
/// members, in order, of the first enumeration of `name` in the text.
fn enumeration(text: &str, name: &str) -> Option<(u32, Vec<String>)> {
    for c in intros(text) {
        if c.name != name {
            continue;
        }
        let Some(n) = count(c.number) else { continue };
        let after = c.end;
        // The enumerating sentence, read for at most 300 characters.
        let window = &text[after..super::ceil_forward(text, after, 900)];
        let sentence_end = after + window.find(['。', '；', '\n']).unwrap_or(window.len());
        let body = text[after..sentence_end].trim_start_matches(['：', ':', '，']);
        // Groups with their own counts, else one colon list.
        let grouped = groups(body, name);
        if grouped.len() == n as usize {
            return Some((n, grouped));
        }
        let listed = split_items(body, n as usize);
        if listed.len() == n as usize {
            return Some((n, listed));
        }
    }
    // `培育新材料、高端装备、生物医药三大产业集群`: a list right before its count.
    for c in counted(text) {
        let Some(n) = count(c.number).filter(|n| *n > 1) else {
            continue;
        };
        if c.name != name {
            continue;
        }
        let mut items = super::formula::list_before(&text[..c.start]);
        if items.len() + 1 == n as usize {
            super::split_last_pair(&mut items);
        }
        if items.len() == n as usize {
            return Some((n, items));
        }
    }
    None
}

/// A counted name: `12大产业链` (with what follows it, in [`intros`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counted<'t> {
    start: usize,
    end: usize,
    number: &'t str,
    name: &'t str,
}

/// The names a structure's members are counted under.
const NAMES: [&str; 2] = ["产业链", "产业集群"];
/// The classifiers between a count and its name.
const COUNT_WORDS: [char; 3] = ['条', '个', '大'];

/// The longest run of digits of one kind (`[0-9０-９]` or `[一二三四五六七八九十两]`) that
/// ends at byte `end` of `text`: its start.
fn number_run_before(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let last = head.chars().next_back()?;
    let arabic = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chinese = |c: char| "一二三四五六七八九十两".contains(c);
    let run: usize = if arabic(last) {
        head.chars().rev().take_while(|c| arabic(*c)).map(char::len_utf8).sum()
    } else {
        head.chars().rev().take_while(|c| chinese(*c)).map(char::len_utf8).sum()
    };
    (run > 0).then_some(end - run)
}

/// Every classifier (条, 个, 大) of `text` with the count right before it:
/// `(count start, classifier start, classifier end)`, in order.
fn counts(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    text.char_indices()
        .filter(|(_, c)| COUNT_WORDS.contains(c))
        .filter_map(|(q, c)| Some((number_run_before(text, q)?, q, q + c.len_utf8())))
}

/// `N(条|个|大)(产业链|产业集群)` and an introducing word (包括, 分别是, 中 …): every match,
/// leftmost first.
///
/// `({NUM})(?:条|个|大)(产业链|产业集群)(?:包括|分别是|分别为|是|为|即|中|有)`
fn intros(text: &str) -> impl Iterator<Item = Counted<'_>> {
    counts(text).filter_map(|(start, q, after)| {
        let name = NAMES.iter().copied().find(|n| text[after..].starts_with(n))?;
        let rest = after + name.len();
        let intro = ["包括", "分别是", "分别为", "是", "为", "即", "中", "有"]
            .iter()
            .find(|w| text[rest..].starts_with(**w))?;
        Some(Counted {
            start,
            end: rest + intro.len(),
            number: &text[start..q],
            name,
        })
    })
}

/// `N(条|个|大)`, then at most eight characters without a clause mark, then the nearest
/// name: every match, leftmost first and not overlapping.
///
/// `({NUM})(?:条|个|大)[^，、。；：]{0,8}?(产业链|产业集群)`
fn counted(text: &str) -> impl Iterator<Item = Counted<'_>> {
    let mut last_end = 0;
    counts(text).filter_map(move |(start, q, after)| {
        if start < last_end {
            return None;
        }
        let mut p = after;
        for k in 0..=8 {
            if let Some(name) = NAMES.iter().copied().find(|n| text[p..].starts_with(n)) {
                last_end = p + name.len();
                return Some(Counted {
                    start,
                    end: p + name.len(),
                    number: &text[start..q],
                    name,
                });
            }
            let c = text[p..].chars().next().filter(|c| !"，、。；：".contains(*c))?;
            if k == 8 {
                return None;
            }
            p += c.len_utf8();
        }
        None
    })
}

/// Items of `A、B和C`: split at 、, and the last at 和/及/与 when the count needs it.
fn split_items(list: &str, want: usize) -> Vec<String> {
    let mut items: Vec<String> = list
        .split('、')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() + 1 == want {
        super::split_last_pair(&mut items);
    }
    items
}

/// Groups like `除A和B两大千亿级产业集群外` / `还有C、D两大三百亿级产业集群`: each group's
/// items, when their number equals the group's count.
fn groups(body: &str, name: &str) -> Vec<String> {
    static GROUP: Lazy<Regex> =
        Lazy::new(|| Regex::new(&format!(r"({NUM})(?:条|个|大)[^，、。]*?(产业链|产业集群)")).unwrap());
    let mut out = Vec::new();
    let mut from = 0;
    for c in GROUP.captures_iter(body) {
        let all = c.get(0).unwrap();
        if &c[2] != name {
            continue;
        }
        let Some(k) = count(&c[1]) else { continue };
        let head = &body[from..all.start()];
        from = all.end();
        // The items stand between the last clause mark and the count.
        let head = head.rsplit(['，', '；']).next().unwrap_or(head);
        let head = ["除了", "除", "还有", "以及", "包括", "有", "和", "及"]
            .iter()
            .fold(head, |h, w| h.strip_prefix(w).unwrap_or(h));
        let items = split_items(head, k as usize);
        if items.len() != k as usize {
            return Vec::new();
        }
        out.extend(items);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{ClusterChain, Fact};

    /// The hand matchers give the matches of the regexes they replace, on random texts
    /// of the patterns' pieces.
    #[test]
    fn matchers_agree_with_the_regexes() {
        use super::{Counted, NUM, counted, intros};
        let intro_re = regex::Regex::new(&format!(
            r"({NUM})(?:条|个|大)(产业链|产业集群)(?:包括|分别是|分别为|是|为|即|中|有)"
        ))
        .unwrap();
        let counted_re =
            regex::Regex::new(&format!(r"({NUM})(?:条|个|大)[^，、。；：]{{0,8}}?(产业链|产业集群)")).unwrap();
        fn as_counted(c: regex::Captures<'_>) -> Counted<'_> {
            let all = c.get(0).unwrap();
            Counted {
                start: all.start(),
                end: all.end(),
                number: c.get(1).unwrap().as_str(),
                name: c.get(2).unwrap().as_str(),
            }
        }
        let pieces = [
            "12",
            "７",
            "十二",
            "两",
            "三",
            "大",
            "条",
            "个",
            "产业链",
            "产业集群",
            "产业",
            "包括",
            "分别是",
            "中",
            "，",
            "、",
            "重点",
            "千亿级",
            "链",
        ];
        let mut state = 0x5eed_cafe_f00d_beef_u64;
        let mut found = 0;
        for _ in 0..30_000 {
            let mut text = String::new();
            for _ in 0..(state % 10) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let want: Vec<_> = intro_re.captures_iter(&text).map(as_counted).collect();
            assert_eq!(intros(&text).collect::<Vec<_>>(), want, "{text}");
            let want: Vec<_> = counted_re.captures_iter(&text).map(as_counted).collect();
            assert_eq!(counted(&text).collect::<Vec<_>>(), want, "{text}");
            found += want.len();
        }
        assert!(found > 500, "too few matches in the random texts ({found})");
    }

    fn structures(text: &str) -> Vec<ClusterChain> {
        crate::extract::facts_of(text, |f| match f {
            Fact::ClusterChain(c) => Some(c),
            _ => None,
        })
    }

    /// `(sentence, [(text, clusters, chains)])`.
    const EXAMPLES: &[(&str, &[(&str, u32, u32)])] = &[
        ("将招商引资向“7群12链”聚焦", &[("7群12链", 7, 12)]),
        ("加快打造12条产业链和7大产业集群", &[("12条产业链和7大产业集群", 7, 12)]),
        ("重点培育7大产业集群、12条产业链", &[("7大产业集群、12条产业链", 7, 12)]),
        (
            "构建6大特色产业集群和18条乡村富民产业链",
            &[("6大特色产业集群和18条乡村富民产业链", 6, 18)],
        ),
        ("聚焦“五群十链”建设", &[("五群十链", 5, 10)]),
        (
            "16个先进制造业集群和50条重点产业链加快发展",
            &[("16个先进制造业集群和50条重点产业链", 16, 50)],
        ),
    ];

    const NEGATIVE: &[&str] = &[
        "实施优势产业集群“一群一策”",
        "七大产业集群已聚集规上工业企业770家",
        "三区三线划定完成",
    ];

    #[test]
    fn positive_examples() {
        for (sentence, expected) in EXAMPLES {
            let got: Vec<(String, u32, u32)> = structures(sentence)
                .into_iter()
                .map(|c| (c.text, c.clusters, c.chains))
                .collect();
            let want: Vec<(String, u32, u32)> = expected.iter().map(|(t, n, m)| (t.to_string(), *n, *m)).collect();
            assert_eq!(got, want, "sentence: {sentence}");
        }
    }

    #[test]
    fn negative_examples() {
        for sentence in NEGATIVE {
            assert!(structures(sentence).is_empty(), "sentence: {sentence}");
        }
    }

    #[test]
    fn members_when_counts_agree() {
        let text = "全市打造“3群4链”。4大产业链包括：新材料、高端装备、生物医药和电子信息。\
                    3大产业集群中，除纺织和建筑两大千亿级产业集群外，还有化工一大百亿级产业集群。";
        let c = &structures(text)[0];
        assert_eq!(c.chain_members, ["新材料", "高端装备", "生物医药", "电子信息"]);
        assert_eq!(c.cluster_members, ["纺织", "建筑", "化工"]);
    }

    #[test]
    fn members_listed_before_their_count() {
        let text = "全市重点打造“3群5链”，加快培育新材料、高端装备、生物医药三大产业集群，\
                    做强新能源、集成电路、海工装备、节能环保和现代纺织五条产业链。";
        let c = &structures(text)[0];
        assert_eq!(c.cluster_members, ["新材料", "高端装备", "生物医药"]);
        assert_eq!(
            c.chain_members,
            ["新能源", "集成电路", "海工装备", "节能环保", "现代纺织"]
        );
    }

    #[test]
    fn no_members_when_counts_differ() {
        let text = "打造“3群5链”。5大产业链包括：新材料、高端装备。";
        let c = &structures(text)[0];
        assert!(c.chain_members.is_empty() && c.cluster_members.is_empty());
    }
}
