//! Review of relations: the annotators' relations become candidates, decided into the gold
//! document as spans are — accepted with who made them, or listed as rejected so that a
//! reopened review knows.
//!
//! Relations are compared by what they link, not by ids (each annotator numbers their own
//! spans): a relation candidate is a type with the range and label of the span it leaves
//! from and of the span it points to.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use super::{Decision, ReviewSession, read_rejected};
use crate::annotate::history::{Edit, SpanField};
use crate::model::{CharRange, Document, Relation, Span};
use crate::review::gold;

/// The field of a gold document listing the relations the reviewer left out.
pub const REJECTED_RELATIONS: &str = "rejected_relations";

/// A span as one end of a relation: its range and label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct End {
    /// The span's range.
    pub range: CharRange,
    /// The span's label.
    pub label: String,
}

/// One relation (its type and what it links) that at least one annotator made, with who did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationCandidate {
    /// The relation type.
    pub label: String,
    /// The span it leaves from.
    pub from: End,
    /// The span it points to.
    pub to: End,
    /// The annotators who made exactly this relation, in annotator order.
    pub annotators: Vec<String>,
}

/// A relation as compared across versions: its type and its two ends.
type RelationKey = (String, End, End);

/// A [`RelationKey`] borrowed, to look many up without copying them.
type KeyRef<'a> = (&'a str, &'a End, &'a End);

fn key_ref(key: &RelationKey) -> KeyRef<'_> {
    (&key.0, &key.1, &key.2)
}

/// A relation as borrowed parts, to look many up without copying: its type, then each
/// end's range and label.
pub type FlatKey<'a> = (&'a str, CharRange, &'a str, CharRange, &'a str);

fn flat(key: &RelationKey) -> FlatKey<'_> {
    let (label, from, to) = key;
    (label, from.range, &from.label, to.range, &to.label)
}

impl RelationCandidate {
    fn key(&self) -> RelationKey {
        (self.label.clone(), self.from.clone(), self.to.clone())
    }

    fn key_ref(&self) -> KeyRef<'_> {
        (&self.label, &self.from, &self.to)
    }

    /// What it links, borrowed: to look it up among a document's relations.
    pub fn flat(&self) -> FlatKey<'_> {
        (
            &self.label,
            self.from.range,
            &self.from.label,
            self.to.range,
            &self.to.label,
        )
    }
}

/// What accepting everything the annotators agree on does to one gold document.
#[derive(Debug, Default)]
pub struct AgreedEdits {
    /// The edits, one undoable step.
    pub edits: Vec<Edit>,
    /// What they accept.
    pub counts: AgreedCounts,
}

/// How many agreed spans, relations and document labels went into gold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgreedCounts {
    /// Spans added.
    pub spans: usize,
    /// Relations added.
    pub relations: usize,
    /// Document labels set.
    pub labels: usize,
}

impl AgreedCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, other: Self) {
        self.spans += other.spans;
        self.relations += other.relations;
        self.labels += other.labels;
    }

    /// Whether nothing was accepted.
    pub fn is_empty(self) -> bool {
        self == Self::default()
    }

    /// "3 agreed spans accepted", naming relations and document labels when there are any:
    /// "3 agreed spans, 1 relation and 1 document label accepted".
    pub fn describe(self) -> String {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![count(self.spans, "agreed span", "agreed spans")];
        if self.relations > 0 {
            parts.push(count(self.relations, "relation", "relations"));
        }
        if self.labels > 0 {
            parts.push(count(self.labels, "document label", "document labels"));
        }
        let last = parts.pop().unwrap_or_default();
        if parts.is_empty() {
            format!("{last} accepted")
        } else {
            format!("{} and {last} accepted", parts.join(", "))
        }
    }
}

impl End {
    fn of(span: &Span) -> Self {
        Self {
            range: span.range,
            label: span.label.clone(),
        }
    }
}

/// The key of every relation of `doc`, in order.
fn keys(doc: &Document) -> Vec<Option<RelationKey>> {
    doc.relations()
        .iter()
        .zip(doc.relation_ends())
        .map(|(r, ends)| {
            let (from, to) = ends?;
            Some((r.label.clone(), End::of(from), End::of(to)))
        })
        .collect()
}

/// Every distinct relation of the versions, ordered by where they leave from, then where
/// they point to, with their annotators.
pub fn relation_candidates(versions: &[(&str, &Document)]) -> Vec<RelationCandidate> {
    let mut found: Vec<RelationCandidate> = Vec::new();
    let mut index: HashMap<RelationKey, usize> = HashMap::new();
    for (name, doc) in versions {
        for key in keys(doc) {
            let Some(key) = key else {
                continue;
            };
            if let Some(&i) = index.get(&key) {
                let annotators = &mut found[i].annotators;
                if !annotators.iter().any(|a| a == name) {
                    annotators.push((*name).to_owned());
                }
            } else {
                index.insert(key.clone(), found.len());
                let (label, from, to) = key;
                found.push(RelationCandidate {
                    label,
                    from,
                    to,
                    annotators: vec![(*name).to_owned()],
                });
            }
        }
    }
    let order = |c: &RelationCandidate| {
        (
            c.from.range.start(),
            std::cmp::Reverse(c.from.range.end()),
            c.to.range.start(),
            c.label.clone(),
        )
    };
    found.sort_by_key(order);
    found
}

fn end_json(end: &End) -> Value {
    json!({"start": end.range.start(), "end": end.range.end(), "label": end.label})
}

fn end_from_json(value: &Value) -> Option<End> {
    let offset = |key: &str| {
        value
            .get(key)?
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
    };
    Some(End {
        range: CharRange::new(offset("start")?, offset("end")?)?,
        label: value.get("label")?.as_str()?.to_owned(),
    })
}

/// The relations listed as rejected in a gold document.
fn read_rejected_relations(doc: &Document) -> HashSet<RelationKey> {
    let entries = doc
        .extra
        .get(REJECTED_RELATIONS)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    entries
        .iter()
        .filter_map(|e| {
            Some((
                e.get("label")?.as_str()?.to_owned(),
                end_from_json(e.get("from")?)?,
                end_from_json(e.get("to")?)?,
            ))
        })
        .collect()
}

/// The edit that makes `entries` the value of `key` (absent when empty); none when it is so.
pub(super) fn set_list(gold_doc: &Document, key: &str, entries: Vec<Value>) -> Option<Edit> {
    let before = gold_doc.extra.get(key).cloned();
    let after = (!entries.is_empty()).then_some(Value::Array(entries));
    (before != after).then(|| Edit::SetField {
        key: key.to_owned(),
        before,
        after,
    })
}

/// Gives spans ids for relations: the gold document's own where they have one, else fresh
/// `T<n>` ones counting up from the highest.
struct Ids {
    next: u64,
    /// Ids given to spans the same edits add, by range and label.
    given: HashMap<End, String>,
}

impl Ids {
    fn new(gold_doc: &Document) -> Self {
        Self {
            next: gold_doc.next_id_number("T"),
            given: HashMap::new(),
        }
    }

    fn fresh(&mut self) -> String {
        let id = format!("T{}", self.next);
        self.next += 1;
        id
    }

    /// The id of the gold span at `end`, giving it one (an edit) if it has none; `None` when
    /// no gold span, and no span these edits add, is there.
    fn of(&mut self, gold_doc: &Document, end: &End, edits: &mut Vec<Edit>) -> Option<String> {
        if let Some(id) = self.given.get(end) {
            return Some(id.clone());
        }
        let span = &gold_doc.spans()[gold_doc.find_span(end.range, &end.label)?];
        if let Some(id) = &span.id {
            return Some(id.clone());
        }
        let id = self.fresh();
        edits.push(Edit::SetSpanField {
            range: end.range,
            label: end.label.clone(),
            field: SpanField::Id,
            before: None,
            after: Some(id.clone()),
        });
        self.given.insert(end.clone(), id.clone());
        Some(id)
    }
}

impl ReviewSession {
    /// The distinct relations the annotators made in gold document `doc`.
    pub fn relation_candidates(&self, doc: usize) -> &[RelationCandidate] {
        let Some(cell) = self.relation_candidates.get(doc) else {
            return &[];
        };
        cell.get_or_init(|| {
            self.versions(doc).map_or_else(Vec::new, |versions| {
                let named: Vec<(&str, &Document)> = self
                    .names()
                    .iter()
                    .map(String::as_str)
                    .zip(versions)
                    .collect();
                relation_candidates(&named)
            })
        })
    }

    /// The decision on every relation candidate of `doc`, in [`Self::relation_candidates`] order.
    pub fn relation_decisions(&self, doc: usize, gold_doc: &Document) -> Vec<Decision> {
        // Borrowed keys: a document may have thousands of relations, decided every frame.
        let in_gold: HashSet<FlatKey<'_>> = gold_doc
            .relations()
            .iter()
            .zip(gold_doc.relation_ends())
            .filter_map(|(r, ends)| {
                let (from, to) = ends?;
                Some((
                    r.label.as_str(),
                    from.range,
                    from.label.as_str(),
                    to.range,
                    to.label.as_str(),
                ))
            })
            .collect();
        let rejected_keys = read_rejected_relations(gold_doc);
        let rejected: HashSet<FlatKey<'_>> = rejected_keys.iter().map(flat).collect();
        self.relation_candidates(doc)
            .iter()
            .map(|c| {
                let key = c.flat();
                if in_gold.contains(&key) {
                    Decision::Accepted
                } else if rejected.contains(&key) {
                    Decision::Rejected
                } else {
                    Decision::Pending
                }
            })
            .collect()
    }

    /// Who made each relation candidate of `doc`, by what it links: the provenance of many
    /// relations looked up at once.
    fn relation_makers(&self, doc: usize) -> HashMap<KeyRef<'_>, &[String]> {
        self.relation_candidates(doc)
            .iter()
            .map(|c| (c.key_ref(), c.annotators.as_slice()))
            .collect()
    }

    /// The edit that makes `rejected` the gold document's list of rejected relations.
    fn set_rejected_relations(
        &self,
        doc: usize,
        gold_doc: &Document,
        rejected: &HashSet<RelationKey>,
    ) -> Option<Edit> {
        let mut sorted: Vec<&RelationKey> = rejected.iter().collect();
        sorted.sort_by_key(|(label, from, to)| (from.range.start(), to.range.start(), label));
        let made = self.relation_makers(doc);
        let entries = sorted
            .into_iter()
            .map(|key| {
                let (label, from, to) = key;
                json!({
                    "label": label,
                    "from": end_json(from),
                    "to": end_json(to),
                    "annotators": made.get(&key_ref(key)).copied().unwrap_or_default(),
                })
            })
            .collect();
        set_list(gold_doc, REJECTED_RELATIONS, entries)
    }

    /// Accepts a relation candidate into the gold document: the edits to apply. Its spans go
    /// in with it when gold lacks them (as when their own candidates are accepted), and get
    /// ids when they have none.
    pub fn accept_relation(
        &self,
        doc: usize,
        gold_doc: &Document,
        candidate: &RelationCandidate,
    ) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut rejected_spans = read_rejected(gold_doc);
        let mut ids = Ids::new(gold_doc);
        for end in [&candidate.from, &candidate.to] {
            if gold_doc.find_span(end.range, &end.label).is_none() {
                self.reject_alternatives(doc, gold_doc, end.range, &end.label, &mut rejected_spans);
                rejected_spans.remove(&(end.range, end.label.clone()));
                let id = ids.fresh();
                let mut span = gold::gold_span(
                    end.range,
                    &end.label,
                    &self.provenance(doc, end.range, &end.label),
                );
                span.id = Some(id.clone());
                ids.given.insert(end.clone(), id);
                edits.push(Edit::AddSpan(span));
            }
        }
        edits.extend(self.set_rejected(doc, gold_doc, &rejected_spans));
        let (Some(from), Some(to)) = (
            ids.of(gold_doc, &candidate.from, &mut edits),
            ids.of(gold_doc, &candidate.to, &mut edits),
        ) else {
            return Vec::new();
        };
        let mut relation = Relation::new(&gold_doc.fresh_id("R"), &candidate.label, &from, &to);
        gold::set_provenance(&mut relation.extra, &candidate.annotators);
        edits.push(Edit::AddRelation(relation));
        let mut rejected = read_rejected_relations(gold_doc);
        if rejected.remove(&candidate.key()) {
            edits.extend(self.set_rejected_relations(doc, gold_doc, &rejected));
        }
        edits
    }

    /// Rejects a relation candidate: the edits that list it as rejected and take it out of the
    /// gold document if it was in (its spans stay).
    pub fn reject_relation(
        &self,
        doc: usize,
        gold_doc: &Document,
        candidate: &RelationCandidate,
    ) -> Vec<Edit> {
        let key = candidate.key();
        let mut edits: Vec<Edit> = gold_doc
            .relations()
            .iter()
            .zip(keys(gold_doc))
            .filter(|(_, k)| k.as_ref() == Some(&key))
            .map(|(r, _)| Edit::RemoveRelation(r.clone()))
            .collect();
        let mut rejected = read_rejected_relations(gold_doc);
        rejected.insert(key);
        edits.extend(self.set_rejected_relations(doc, gold_doc, &rejected));
        edits
    }

    /// The edits that take the gold span at `index` out with the relations that use it; those
    /// relations are listed as rejected with it.
    pub(super) fn take_out_span(
        &self,
        doc: usize,
        gold_doc: &Document,
        index: usize,
    ) -> (Vec<Edit>, Option<Edit>) {
        let span = &gold_doc.spans()[index];
        let id = span.id.as_deref();
        let using: Vec<(&Relation, Option<RelationKey>)> = gold_doc
            .relations()
            .iter()
            .zip(keys(gold_doc))
            .filter(|(r, _)| id.is_some_and(|id| r.from == id || r.to == id))
            .collect();
        let mut edits: Vec<Edit> = using
            .iter()
            .map(|(r, _)| Edit::RemoveRelation((*r).clone()))
            .collect();
        edits.push(Edit::RemoveSpan(span.clone()));
        let mut rejected = read_rejected_relations(gold_doc);
        let before = rejected.len();
        rejected.extend(using.into_iter().filter_map(|(_, key)| key));
        let listed = (rejected.len() != before)
            .then(|| self.set_rejected_relations(doc, gold_doc, &rejected))
            .flatten();
        (edits, listed)
    }

    /// Pending relation candidates of `doc` listed as rejected: the edit, and how many.
    pub(super) fn reject_pending_relations(
        &self,
        doc: usize,
        gold_doc: &Document,
    ) -> (Option<Edit>, usize) {
        let mut rejected = read_rejected_relations(gold_doc);
        let before = rejected.len();
        for (c, d) in self
            .relation_candidates(doc)
            .iter()
            .zip(self.relation_decisions(doc, gold_doc))
        {
            if d == Decision::Pending {
                rejected.insert(c.key());
            }
        }
        let n = rejected.len() - before;
        (self.set_rejected_relations(doc, gold_doc, &rejected), n)
    }

    /// The relations every annotator made that the reviewer has not decided on, added to
    /// gold once `added` (the agreed spans these edits add) or gold itself has their ends.
    pub(super) fn accept_agreed_relations(
        &self,
        doc: usize,
        gold_doc: &Document,
        added: &mut [Edit],
        agreed: &mut AgreedEdits,
    ) {
        let everyone = self.names().len();
        let mut ids = Ids::new(gold_doc);
        // Spans added by the same step get their ids as they go in.
        let mut adding: HashMap<End, usize> = HashMap::new();
        for (i, edit) in added.iter().enumerate() {
            if let Edit::AddSpan(span) = edit {
                adding.insert(
                    End {
                        range: span.range,
                        label: span.label.clone(),
                    },
                    i,
                );
            }
        }
        let mut next_relation = gold_doc.next_id_number("R");
        let mut edits = Vec::new();
        for (c, d) in self
            .relation_candidates(doc)
            .iter()
            .zip(self.relation_decisions(doc, gold_doc))
        {
            if c.annotators.len() != everyone || d != Decision::Pending {
                continue;
            }
            let mut id_of = |end: &End, edits: &mut Vec<Edit>| match adding.get(end) {
                Some(&i) => {
                    let Edit::AddSpan(span) = &mut added[i] else {
                        return None;
                    };
                    Some(span.id.get_or_insert_with(|| ids.fresh()).clone())
                }
                None => ids.of(gold_doc, end, edits),
            };
            let (Some(from), Some(to)) = (id_of(&c.from, &mut edits), id_of(&c.to, &mut edits))
            else {
                continue;
            };
            let mut relation = Relation::new(&format!("R{next_relation}"), &c.label, &from, &to);
            next_relation += 1;
            gold::set_provenance(&mut relation.extra, &c.annotators);
            edits.push(Edit::AddRelation(relation));
            agreed.counts.relations += 1;
        }
        agreed.edits.extend(edits);
    }

    /// Writes on each relation of gold document `doc` the annotators who made exactly it.
    pub(super) fn stamp_relations(&self, doc: usize, gold_doc: &mut Document) {
        let made = self.relation_makers(doc);
        for (r, key) in keys(gold_doc).into_iter().enumerate() {
            let Some(key) = key else {
                continue;
            };
            let annotators = made.get(&key_ref(&key)).copied().unwrap_or_default();
            gold::set_provenance(gold_doc.relation_extra_mut(r), annotators);
        }
    }
}

/// Relations of the gold document that use the span at `index`, to carry over to the span
/// that replaces it (a reviewer's edit of an end keeps its links).
pub(super) fn relations_using(gold_doc: &Document, index: usize) -> Vec<Relation> {
    gold_doc.spans()[index]
        .id
        .as_deref()
        .map(|id| gold_doc.relations_of(id).cloned().collect())
        .unwrap_or_default()
}

/// A gold span that takes over `old`'s id (so the relations using it still hold).
pub(super) fn successor(mut span: Span, old: &Span) -> Span {
    span.id.clone_from(&old.id);
    span
}

/// Where a replaced span's successor is a span gold already has (at `index`): the edits
/// that let `relations` (rewritten here) use that span instead of the replaced `old`.
pub(super) fn repoint(
    gold_doc: &Document,
    index: usize,
    old: &Span,
    relations: &mut [Relation],
) -> Option<Edit> {
    let (Some(old_id), false) = (old.id.as_deref(), relations.is_empty()) else {
        return None;
    };
    let there = &gold_doc.spans()[index];
    if let Some(id) = &there.id {
        for relation in relations.iter_mut() {
            for end in [&mut relation.from, &mut relation.to] {
                if end == old_id {
                    end.clone_from(id);
                }
            }
        }
        return None;
    }
    // Its id is free once the replaced span is out.
    Some(Edit::SetSpanField {
        range: there.range,
        label: there.label.clone(),
        field: SpanField::Id,
        before: None,
        after: Some(old_id.to_owned()),
    })
}
