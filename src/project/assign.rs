//! Who annotates which document: each document goes to `overlap` annotators, always the
//! least loaded, ties broken by a seeded shuffle, so that loads stay within one document of
//! each other and the same seed gives the same assignment on every machine.

use std::collections::BTreeMap;

/// The annotators chosen for each new document, in document order.
///
/// `loads` holds every annotator's current number of documents (all of the project's
/// annotators, in the project's order); it is updated. `seed` and each document's id
/// decide the ties, so adding the same documents to the same project gives the same result.
///
/// Each document gets `min(overlap, annotators)` distinct annotators. Choosing the least
/// loaded each time keeps the loads within one of each other when they start so: after
/// each document the `overlap` smallest loads have grown by one.
pub fn assign(
    document_ids: &[&str],
    loads: &mut BTreeMap<String, usize>,
    annotators: &[String],
    overlap: usize,
    seed: u64,
) -> Vec<Vec<String>> {
    let k = overlap.min(annotators.len());
    let mut out = Vec::with_capacity(document_ids.len());
    for id in document_ids {
        // Least loaded first; among equal loads, an order this document's hash decides.
        let mut order: Vec<(usize, u64, &String)> = annotators
            .iter()
            .map(|name| {
                let load = loads.get(name).copied().unwrap_or(0);
                (load, tie_break(seed, id, name), name)
            })
            .collect();
        order.sort_unstable();
        let chosen: Vec<String> = order[..k].iter().map(|(_, _, n)| (*n).clone()).collect();
        for name in &chosen {
            *loads.entry(name.clone()).or_default() += 1;
        }
        out.push(chosen);
    }
    out
}

/// A number from `seed`, a document id and an annotator name (FNV-1a, then a mix): the
/// same on every machine and platform, unlike the standard library's hashers.
fn tie_break(seed: u64, id: &str, name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for byte in id.bytes().chain([0]).chain(name.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // splitmix64's finaliser, so that ids differing in one letter spread out.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("ann{i}")).collect()
    }

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("doc-{i:05}")).collect()
    }

    fn run(docs: &[String], annotators: &[String], overlap: usize, seed: u64) -> Vec<Vec<String>> {
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let mut loads = BTreeMap::new();
        assign(&refs, &mut loads, annotators, overlap, seed)
    }

    fn loads_of(assignment: &[Vec<String>], annotators: &[String]) -> Vec<usize> {
        annotators
            .iter()
            .map(|a| assignment.iter().filter(|who| who.contains(a)).count())
            .collect()
    }

    proptest! {
        #[test]
        fn every_document_gets_k_annotators_and_loads_stay_within_one(
            documents in 0usize..300,
            annotators in 1usize..12,
            overlap in 1usize..5,
            seed in any::<u64>(),
        ) {
            let people = names(annotators);
            let docs = ids(documents);
            let assignment = run(&docs, &people, overlap, seed);
            prop_assert_eq!(assignment.len(), documents);
            for who in &assignment {
                let mut distinct = who.clone();
                distinct.sort();
                distinct.dedup();
                prop_assert_eq!(distinct.len(), overlap.min(annotators));
            }
            let loads = loads_of(&assignment, &people);
            let (min, max) = (loads.iter().min().unwrap(), loads.iter().max().unwrap());
            prop_assert!(max - min <= 1, "{loads:?}");
            prop_assert_eq!(&assignment, &run(&docs, &people, overlap, seed));
        }
    }

    #[test]
    fn the_seed_decides_the_ties() {
        let people = names(5);
        let docs = ids(40);
        let a = run(&docs, &people, 2, 1);
        let b = run(&docs, &people, 2, 2);
        assert_ne!(a, b);
        assert_eq!(loads_of(&a, &people), loads_of(&b, &people));
    }

    #[test]
    fn documents_added_later_go_to_the_least_loaded() {
        let people = names(3);
        let mut loads: BTreeMap<String, usize> = [("ann0", 10), ("ann1", 4), ("ann2", 4)]
            .map(|(n, l)| (n.to_owned(), l))
            .into();
        let assignment = assign(&["x", "y", "z"], &mut loads, &people, 1, 7);
        assert!(
            assignment.iter().all(|who| who[0] != "ann0"),
            "{assignment:?}"
        );
        assert_eq!(loads["ann1"] + loads["ann2"], 11);
        assert!(loads["ann1"].abs_diff(loads["ann2"]) <= 1);
    }
}
