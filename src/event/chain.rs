//! The decision log's hash chain. Each entry's SHA-256 covers the event, its number,
//! time, author, kind, words, rationale, what it corrects, its fact and the previous
//! entry's hash, so changing, removing or reordering any entry breaks every hash after
//! it. The first entry's previous hash is [`GENESIS`].

use serde::Serialize;

use crate::plan::snapshot::sha256_hex;

/// The "previous hash" of an event's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An entry as its columns are stored, the text the hash covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    pub seq: u32,
    pub at: String,
    pub author: String,
    pub kind: String,
    pub text: String,
    pub rationale: String,
    pub corrects: Option<u32>,
    pub fact: Option<String>,
    pub prev: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over one JSON array of its stored columns (JSON so that
/// no choice of words can make two different entries hash the same text).
pub fn entry_hash(event_id: i64, e: &RawEntry) -> String {
    let covered = (
        event_id,
        e.seq,
        &e.at,
        &e.author,
        &e.kind,
        &e.text,
        &e.rationale,
        e.corrects,
        &e.fact,
        &e.prev,
    );
    // A tuple of numbers, strings and options always serialises.
    let text = serde_json::to_string(&covered).unwrap_or_default();
    sha256_hex(&text)
}

/// What checking a chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChainCheck {
    pub ok: bool,
    pub entries: usize,
    /// The last entry's hash: the whole log's fingerprint.
    pub head: String,
    /// The first entry that does not match, and why.
    pub broken_at: Option<u32>,
    pub problem: String,
}

/// Checks that the entries are numbered 1, 2, 3…, each links to the one before it, and
/// each hash is the hash of its entry.
pub fn verify(event_id: i64, entries: &[RawEntry]) -> ChainCheck {
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter().enumerate() {
        let expected_seq = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let problem = if e.seq != expected_seq {
            Some(format!(
                "entry {expected_seq} is missing (found entry {} in its place)",
                e.seq
            ))
        } else if e.prev != prev {
            Some(format!(
                "entry {} does not follow the entry before it (its previous hash differs)",
                e.seq
            ))
        } else if entry_hash(event_id, e) != e.hash {
            Some(format!(
                "entry {} was changed after it was written (its hash no longer matches)",
                e.seq
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            return ChainCheck {
                ok: false,
                entries: entries.len(),
                head: entries.last().map(|e| e.hash.clone()).unwrap_or_default(),
                broken_at: Some(expected_seq),
                problem,
            };
        }
        prev.clone_from(&e.hash);
    }
    ChainCheck {
        ok: true,
        entries: entries.len(),
        head: prev,
        broken_at: None,
        problem: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain(texts: &[String]) -> Vec<RawEntry> {
        let mut prev = GENESIS.to_owned();
        let mut out = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let mut e = RawEntry {
                seq: i as u32 + 1,
                at: "2026-11-30T08:00:00Z".into(),
                author: "Tom".into(),
                kind: "note".into(),
                text: text.clone(),
                rationale: String::new(),
                corrects: None,
                fact: None,
                prev: prev.clone(),
                hash: String::new(),
            };
            e.hash = entry_hash(7, &e);
            prev.clone_from(&e.hash);
            out.push(e);
        }
        out
    }

    #[test]
    fn an_intact_chain_verifies_and_its_head_is_the_last_hash() {
        let entries = chain(&["a".into(), "b".into()]);
        let check = verify(7, &entries);
        assert!(check.ok, "{check:?}");
        assert_eq!(check.head, entries[1].hash);
        assert!(
            !verify(8, &entries).ok,
            "entries cannot move to another event"
        );
    }

    proptest! {
        #[test]
        fn any_change_to_any_entry_is_found_at_that_entry(
            texts in prop::collection::vec("[a-z ]{1,12}", 1..8),
            pick in any::<prop::sample::Index>(),
            field in 0usize..5,
        ) {
            let mut entries = chain(&texts);
            let i = pick.index(entries.len());
            let e = &mut entries[i];
            match field {
                0 => e.text.push('!'),
                1 => e.author.push('x'),
                2 => e.at = "2026-11-30T08:00:01Z".into(),
                3 => e.fact = Some("{}".into()),
                _ => e.rationale.push('?'),
            }
            let check = verify(7, &entries);
            prop_assert!(!check.ok);
            prop_assert_eq!(check.broken_at, Some(i as u32 + 1));
        }

        #[test]
        fn removing_an_entry_is_found(texts in prop::collection::vec("[a-z]{1,6}", 2..8), pick in any::<prop::sample::Index>()) {
            let mut entries = chain(&texts);
            let i = pick.index(entries.len() - 1);
            entries.remove(i);
            prop_assert!(!verify(7, &entries).ok);
        }
    }
}
