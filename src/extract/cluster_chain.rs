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

use super::pattern::{Pattern, PatternMatch};
use super::{Claims, Doc, digit_class, has_any, number_run_before};
use crate::fact::{ClusterChain, Fact};
use crate::numeral;
use std::borrow::Cow;

/// The characters this rule gates on (链, 群) and reads the positions of (产, which every
/// name of a cluster or chain starts with).
pub(crate) const TRIGGERS: &[char] = &['链', '群', '产'];

/// A count.
const NUM: &str = r"[0-9０-９]+|[一二三四五六七八九十两]+";

/// The words that link the two halves of a spelled-out structure.
const LINKS: [&str; 7] = ["和", "与", "及", "以及", "、", "，", "加"];

/// Verbs that may open the second half after a link: `8个产业集群，打造20条以上产业链`.
const LINK_VERBS: &[&str] = &[
    "打造", "培育", "构建", "建设", "发展", "做强", "壮大", "形成", "延伸", "完善",
];

/// A structure as written: its span and the spans of its two counts, the first count
/// written first; `clusters_first` tells which is which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pair {
    start: usize,
    end: usize,
    first: (usize, usize),
    second: (usize, usize),
    clusters_first: bool,
}

/// `7群12链`, `12链7群`: the counts of clusters and chains, in either order.
fn compact_pattern() -> &'static Pattern {
    pattern!(
        "compact",
        format!("(?P<clusters_1>{NUM})群(?P<chains_1>{NUM})链|(?P<chains_2>{NUM})链(?P<clusters_2>{NUM})群")
    )
}

/// `12条产业链和7大产业集群`, `7大产业集群、12条产业链`, `8个产业集群，打造20条以上产业链`: a
/// count, a classifier, at most six Han characters of modifiers (and a bound) and the name,
/// for each half, in either order, linked by a link word and a verb of building.
fn spelled_pattern() -> &'static Pattern {
    fn half(group: &str, name: &str) -> String {
        format!(r"(?P<{group}>{NUM})(?:条|个|大)?\p{{Han}}{{0,6}}?{name}")
    }
    pattern!(
        "spelled",
        format!(
            "{}(?:{link})(?:{verb})?{}|{}(?:{link})(?:{verb})?{}",
            half("chains_1", "链"),
            half("clusters_1", "集群"),
            half("clusters_2", "集群"),
            half("chains_2", "链"),
            link = LINKS.join("|"),
            verb = LINK_VERBS.join("|")
        )
    )
}

/// The pair of a match of [`compact_pattern`] or [`spelled_pattern`].
fn pair_of(m: &PatternMatch) -> Option<Pair> {
    let clusters = m.group_span("clusters_1").or(m.group_span("clusters_2"))?;
    let chains = m.group_span("chains_1").or(m.group_span("chains_2"))?;
    let clusters_first = clusters.0 < chains.0;
    let (first, second) = if clusters_first {
        (clusters, chains)
    } else {
        (chains, clusters)
    };
    Some(Pair {
        start: m.start(),
        end: m.end(),
        first,
        second,
        clusters_first,
    })
}

/// Where a run of one kind of digit starts in `text`, reading only the byte ranges
/// `ranges` (in order, apart): a count starts there, and at no other digit (what follows
/// the rest of a run is what follows its first digit, where the pattern was tried
/// already; trying again would be quadratic).
fn digit_run_starts(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut starts = Vec::new();
    for (lo, hi) in ranges {
        let mut prev_class = None;
        for (p, c) in text[lo..hi].char_indices() {
            let class = digit_class(c);
            if class.is_some() && class != prev_class {
                starts.push(lo + p);
            }
            prev_class = class;
        }
    }
    starts
}

/// [`digit_run_starts`] of the sentence of `doc` at byte `at`, offsets in the sentence:
/// read only inside the runs of numeral starters the pass over the text recorded (every
/// digit can start a numeral), clipped to the sentence.
fn sentence_digit_run_starts(doc: &Doc, at: usize, sentence: &str) -> Vec<usize> {
    let end = at + sentence.len();
    let first = doc.numeral_starts.partition_point(|r| r.1 <= at);
    let runs = doc.numeral_starts[first..].iter().take_while(|r| r.0 < end);
    digit_run_starts(sentence, runs.map(|&(a, b)| (a.max(at) - at, b.min(end) - at)))
}

/// The digit runs of the whole of `text` (see [`digit_run_starts`]).
#[cfg(test)]
fn all_digit_run_starts(text: &str) -> Vec<usize> {
    digit_run_starts(text, [(0, text.len())].into_iter())
}

/// Every match of `pattern` in `text`, leftmost first and not overlapping, tried at
/// `starts` (see [`digit_run_starts`]).
fn pairs(text: &str, starts: &[usize], pattern: &Pattern) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut from = 0;
    for &p in starts {
        if p < from {
            continue;
        }
        if let Some(pair) = pattern.match_at(text, p).and_then(|m| pair_of(&m)) {
            from = pair.end;
            out.push(pair);
        }
    }
    out
}

/// `7群12链` and `12链7群`: every match, leftmost first.
fn compacts(text: &str, starts: &[usize]) -> Vec<Pair> {
    pairs(text, starts, compact_pattern())
}

/// `12条产业链和7大产业集群`, `7大产业集群、12条产业链`: every match, leftmost first.
fn spelled(text: &str, starts: &[usize]) -> Vec<Pair> {
    pairs(text, starts, spelled_pattern())
}

/// The sentences of `text` (cut after 。 and ；, which no structure crosses) that contain
/// every one of `needles`, with their offsets.
fn sentences_with<'t>(doc: &'t Doc, needles: &'t [char]) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let text = doc.text;
    let ends = doc
        .clause_marks
        .iter()
        .filter(move |m| text[m.at..].starts_with(['。', '；']))
        .map(|m| m.end)
        .chain([text.len()]);
    ends.scan(0, move |at, end| {
        let start = *at;
        *at = end;
        Some((start, &text[start..end]))
    })
    .filter(move |(_, s)| !s.is_empty() && needles.iter().all(|n| s.contains(*n)))
}

/// `(start, end, clusters, chains)` of a structure found at offset `at`.
fn structure_counts(text: &str, at: usize, p: &Pair) -> Option<(usize, usize, u32, u32)> {
    let (a, b) = (&text[p.first.0..p.first.1], &text[p.second.0..p.second.1]);
    let (clusters, chains) = if p.clusters_first { (a, b) } else { (b, a) };
    Some((at + p.start, at + p.end, count(clusters)?, count(chains)?))
}

fn count(s: &str) -> Option<u32> {
    let v = numeral::parse(s).ok()?;
    (v.fract() == 0.0 && (1.0..=1000.0).contains(&v)).then_some(v as u32)
}

/// Finds the cluster_chain structures of `doc`, with the members the document names.
///
/// The facts are appended to `out`, which holds the earlier extractors' facts.
pub(crate) fn extract<'d>(doc: &Doc<'d, '_>, _claims: &Claims, out: &mut Vec<Fact<'d>>) {
    let text = doc.text;
    // Every form names a chain.
    if !has_any(doc, &['链']) {
        return;
    }
    // COMPACT: N群M链 | M链N群; SPELLED: chains then clusters | clusters then chains.
    if !has_any(doc, &['群']) {
        return;
    }
    let mut found: Vec<(usize, usize, u32, u32)> = Vec::new();
    for (at, sentence) in sentences_with(doc, &['群', '链']) {
        let starts = sentence_digit_run_starts(doc, at, sentence);
        let mut pairs = compacts(sentence, &starts);
        if sentence.contains("集群") {
            pairs.extend(spelled(sentence, &starts));
        }
        found.extend(pairs.iter().filter_map(|p| structure_counts(sentence, at, p)));
    }
    if found.is_empty() {
        return;
    }
    found.sort();
    // Every name starts with 产, a trigger character: its positions are known.
    let name_starts: Vec<usize> = super::positions(doc, '产').collect();
    let counts = counts(text, name_starts.iter().copied());
    let clusters = enumeration(doc, &counts, &name_starts, "产业集群");
    let chains = enumeration(doc, &counts, &name_starts, "产业链");
    out.extend(found.into_iter().map(|(start, end, n, m)| {
        let pick = |list: &Option<(u32, Vec<&'d str>)>, want: u32| match list {
            Some((k, items)) if *k == want && items.len() == want as usize => super::as_members(items),
            _ => Vec::new(),
        };
        Fact::ClusterChain(ClusterChain {
            text: Cow::Borrowed(""),
            start,
            end,
            clusters: n,
            chains: m,
            cluster_members: pick(&clusters, n),
            chain_members: pick(&chains, m),
        })
    }));
}

/// `N大产业链包括：A、B…` or `N大产业集群中，…A、B两大…产业集群…`: the count and the
/// members, in order, of the first enumeration of `name` in the text.
///
/// `counts` are the text's counts (see [`counts`]), `name_starts` the offsets of its 产 (where names start).
fn enumeration<'t>(
    doc: &Doc<'t, '_>,
    counts: &[(usize, usize, usize)],
    name_starts: &[usize],
    name: &str,
) -> Option<(u32, Vec<&'t str>)> {
    let text = doc.text;
    for c in intros(text, counts) {
        if c.name != name {
            continue;
        }
        let Some(n) = count(c.number) else { continue };
        let after = c.end;
        // The enumerating sentence, read for at most 300 characters.
        let sentence_end = super::stretch_end(doc, after, &['。', '；', '\n']);
        let body = text[after..sentence_end].trim_start_matches(['：', ':', '，']);
        let body_start = sentence_end - body.len();
        // The 产 of the body alone: a slice found by binary search, so that a document
        // with many introducing phrases is not walked once per phrase.
        let from = name_starts.partition_point(|&p| p < body_start);
        let to = name_starts.partition_point(|&p| p < sentence_end);
        let body_name_starts = name_starts[from..to].iter().map(|&p| p - body_start);
        // Groups with their own counts, else one colon list.
        let grouped = groups(body, body_name_starts, name);
        if grouped.len() == n as usize {
            return Some((n, grouped));
        }
        let listed = split_items(body, n as usize);
        if listed.len() == n as usize {
            return Some((n, listed));
        }
    }
    // `培育新材料、高端装备、生物医药三大产业集群`: a list right before its count.
    for c in counted(text, counts) {
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

/// Every classifier (条, 个, 大) of `text` with the count right before it:
/// `(count start, classifier start, classifier end)`, in order. Only those that a name
/// (产业链, 产业集群) follows in the same clause: every use of a count needs one, before the
/// next ，、。 (a count is a run of digits, which crosses no clause mark either).
///
/// `name_starts` are the offsets of the 产 of `text`, in order.
fn counts(text: &str, name_starts: impl Iterator<Item = usize>) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut scanned = 0;
    for p in name_starts {
        if !NAMES.iter().any(|n| text[p..].starts_with(n)) {
            continue;
        }
        // The clause of the name, from what was read before.
        let from = text[scanned..p]
            .rfind(['，', '、', '。'])
            .map_or(scanned, |i| scanned + i + '，'.len_utf8());
        out.extend(
            text[from..p]
                .char_indices()
                .filter(|(_, c)| COUNT_WORDS.contains(c))
                .filter_map(|(q, c)| {
                    let q = from + q;
                    Some((number_run_before(text, q)?, q, q + c.len_utf8()))
                }),
        );
        scanned = p;
    }
    out
}

/// `N(条|个|大)(产业链|产业集群)` and an introducing word (包括, 分别是, 中 …): every match,
/// leftmost first.
///
/// `({NUM})(?:条|个|大)(产业链|产业集群)(?:包括|分别是|分别为|是|为|即|中|有)`
fn intros<'t>(text: &'t str, counts: &'t [(usize, usize, usize)]) -> impl Iterator<Item = Counted<'t>> {
    counts.iter().filter_map(|&(start, q, after)| {
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
fn counted<'t>(text: &'t str, counts: &'t [(usize, usize, usize)]) -> impl Iterator<Item = Counted<'t>> {
    counted_within(text, counts, 8, "，、。；：")
}

/// [`counted`] with at most `max_gap` characters between the count and the name, none of
/// them one of `stops`.
fn counted_within<'t>(
    text: &'t str,
    counts: &'t [(usize, usize, usize)],
    max_gap: usize,
    stops: &'static str,
) -> impl Iterator<Item = Counted<'t>> {
    let mut last_end = 0;
    counts.iter().filter_map(move |&(start, q, after)| {
        if start < last_end {
            return None;
        }
        let mut p = after;
        let mut gap = 0;
        loop {
            if let Some(name) = NAMES.iter().copied().find(|n| text[p..].starts_with(n)) {
                last_end = p + name.len();
                return Some(Counted {
                    start,
                    end: p + name.len(),
                    number: &text[start..q],
                    name,
                });
            }
            let c = text[p..].chars().next().filter(|c| !stops.contains(*c))?;
            if gap == max_gap {
                return None;
            }
            gap += 1;
            p += c.len_utf8();
        }
    })
}

/// Items of `A、B和C`: split at 、, and the last at 和/及/与 when the count needs it.
fn split_items(list: &str, want: usize) -> Vec<&str> {
    let mut items: Vec<&str> = list.split('、').map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    if items.len() + 1 == want {
        super::split_last_pair(&mut items);
    }
    items
}

/// Groups like `除A和B两大千亿级产业集群外` / `还有C、D两大三百亿级产业集群`: each group's
/// items, when their number equals the group's count.
///
/// `name_starts` are the offsets of the 产 of `body`.
fn groups<'t>(body: &'t str, name_starts: impl Iterator<Item = usize>, name: &str) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut from = 0;
    // `({NUM})(?:条|个|大)[^，、。]*?(产业链|产业集群)`
    let counts = counts(body, name_starts);
    for c in counted_within(body, &counts, usize::MAX, "，、。") {
        if c.name != name {
            continue;
        }
        let Some(k) = count(c.number) else { continue };
        let head = &body[from..c.start];
        from = c.end;
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

    /// The structure matchers give the matches of the regexes they replace.
    #[test]
    fn structure_matchers_agree_with_the_regexes() {
        use super::{NUM, Pair, compacts, spelled};
        let compact = regex::Regex::new(&format!(r"({NUM})群({NUM})链|({NUM})链({NUM})群")).unwrap();
        let half = |name: &str| format!(r"({NUM})(?:条|个|大)?\p{{Han}}{{0,6}}?{name}");
        let link = format!("(?:和|与|及|以及|、|，|加)(?:{})?", super::LINK_VERBS.join("|"));
        let spelled_re = regex::Regex::new(&format!(
            r"{}{link}{}|{}{link}{}",
            half("链"),
            half("集群"),
            half("集群"),
            half("链")
        ))
        .unwrap();
        // The first alternative's first count is the clusters' in COMPACT, the chains' in SPELLED.
        fn as_pair(c: regex::Captures<'_>, first_alt_clusters_first: bool) -> Pair {
            let all = c.get(0).unwrap();
            let span = |i: usize| c.get(i).map(|m| (m.start(), m.end()));
            let (first, second, alt1) = match (span(1), span(2)) {
                (Some(a), Some(b)) => (a, b, true),
                _ => (span(3).unwrap(), span(4).unwrap(), false),
            };
            Pair {
                start: all.start(),
                end: all.end(),
                first,
                second,
                clusters_first: alt1 == first_alt_clusters_first,
            }
        }
        // Texts built like structures, with random pieces in and around them.
        let nums = ["12", "７", "十二", "两", "三", "1０"];
        let gaps = ["", "", "产业", "特色", "乡村富民", "十", "链", "条", "〇", "A"];
        let names = ["链", "产业链", "集群", "产业集群", "群"];
        let joins = ["和", "以及", "、", "，", "加", "", "又"];
        let noise = ["", "", "", "重点", "。", "7", "大", "群", "链"];
        let mut rng = crate::testing::Rng::new(0x0123_4567_89ab_cdef);
        let mut next = move |n: usize| rng.below(n);
        let mut found = 0;
        for _ in 0..30_000 {
            let mut text = String::new();
            for _ in 0..2 {
                text.push_str(noise[next(noise.len())]);
                text.push_str(nums[next(nums.len())]);
                text.push_str(["", "条", "个", "大"][next(4)]);
                for _ in 0..next(4) {
                    text.push_str(gaps[next(gaps.len())]);
                }
                text.push_str(names[next(names.len())]);
                text.push_str(joins[next(joins.len())]);
            }
            text.push_str(noise[next(noise.len())]);
            let want: Vec<Pair> = compact.captures_iter(&text).map(|c| as_pair(c, true)).collect();
            assert_eq!(
                compacts(&text, &super::all_digit_run_starts(&text)),
                want,
                "COMPACT in {text}"
            );
            found += want.len();
            let want: Vec<Pair> = spelled_re.captures_iter(&text).map(|c| as_pair(c, false)).collect();
            assert_eq!(
                spelled(&text, &super::all_digit_run_starts(&text)),
                want,
                "SPELLED in {text}"
            );
            found += want.len();
            // The runs read from the pass over the text are the runs read char by char, in
            // every sentence.
            crate::extract::with_doc(&text, |doc| {
                for (at, sentence) in super::sentences_with(doc, &[]) {
                    let from_doc = super::sentence_digit_run_starts(doc, at, sentence);
                    assert_eq!(from_doc, super::all_digit_run_starts(sentence), "{sentence} in {text}");
                }
            });
        }
        assert!(found > 500, "too few structures in the random texts ({found})");
    }

    /// The hand matchers give the matches of the regexes they replace, on random texts
    /// of the patterns' pieces.
    #[test]
    fn matchers_agree_with_the_regexes() {
        use super::{Counted, NUM, counted, counts, intros};
        let intro_re = regex::Regex::new(&format!(
            r"({NUM})(?:条|个|大)(产业链|产业集群)(?:包括|分别是|分别为|是|为|即|中|有)"
        ))
        .unwrap();
        let counted_re =
            regex::Regex::new(&format!(r"({NUM})(?:条|个|大)[^，、。；：]{{0,8}}?(产业链|产业集群)")).unwrap();
        let group_re = regex::Regex::new(&format!(r"({NUM})(?:条|个|大)[^，、。]*?(产业链|产业集群)")).unwrap();
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
            "。",
            "；",
            "：",
            "重点",
            "千亿级",
            "链",
        ];
        let mut rng = crate::testing::Rng::new(0x5eed_cafe_f00d_beef);
        let mut found = 0;
        for _ in 0..30_000 {
            let text = rng.text(&pieces, 10);
            let counts = counts(&text, text.match_indices('产').map(|(i, _)| i));
            let want: Vec<_> = intro_re.captures_iter(&text).map(as_counted).collect();
            assert_eq!(intros(&text, &counts).collect::<Vec<_>>(), want, "{text}");
            let want: Vec<_> = counted_re.captures_iter(&text).map(as_counted).collect();
            assert_eq!(counted(&text, &counts).collect::<Vec<_>>(), want, "{text}");
            let want: Vec<_> = group_re.captures_iter(&text).map(as_counted).collect();
            let got: Vec<_> = super::counted_within(&text, &counts, usize::MAX, "，、。").collect();
            assert_eq!(got, want, "{text}");
            found += want.len();
        }
        assert!(found > 500, "too few matches in the random texts ({found})");
    }

    fn structures(text: &str) -> Vec<ClusterChain<'_>> {
        crate::extract::facts_of(text, |f| match f {
            Fact::ClusterChain(c) => Some(c),
            _ => None,
        })
    }

    /// Structures grouped by their `(clusters, chains)`; in each sentence `[…]` marks the
    /// structure's text.
    const EXAMPLES: &[((u32, u32), &[&str])] = &[
        // A bound and a verb of building in the second half.
        ((8, 20), &["培育壮大[8个产业集群，打造20条以上产业链]。"]),
        (
            (7, 12),
            &[
                "将招商引资向“[7群12链]”聚焦",
                "加快打造[12条产业链和7大产业集群]",
                "重点培育[7大产业集群、12条产业链]",
            ],
        ),
        ((6, 18), &["构建[6大特色产业集群和18条乡村富民产业链]"]),
        ((5, 10), &["聚焦“[五群十链]”建设", "加快构建“[5群10链]”现代产业体系"]),
        ((16, 50), &["[16个先进制造业集群和50条重点产业链]加快发展"]),
    ];

    const NEGATIVE: &[&str] = &[
        "实施优势产业集群“一群一策”",
        "七大产业集群已聚集规上工业企业770家",
        "三区三线划定完成",
    ];

    #[test]
    fn examples() {
        crate::testing::assert_corpus(crate::Kind::ClusterChain, EXAMPLES, NEGATIVE, |sentence| {
            structures(sentence)
                .into_iter()
                .map(|c| (c.text.into_owned(), (c.clusters, c.chains)))
                .collect()
        });
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
