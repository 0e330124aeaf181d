//! `taliq adjudicate`: the spans every annotator agrees on, into the gold file, without a window.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::annotate::history::Change;
use crate::format::{CorpusFile, CorpusLock, Locking, login_name};
use crate::review::session::ReviewSession;

pub(super) fn run(files: &[PathBuf], gold: &Path) -> ExitCode {
    let mut session = match ReviewSession::open(files, gold) {
        Ok(s) => s,
        Err(e) => return super::fail(&e),
    };
    // A review window on the gold file holds its lock: its work is not written over here.
    let owner = format!("{} (taliq adjudicate)", login_name());
    let _lock = match CorpusLock::acquire(gold, &owner) {
        Ok(Locking::Busy(holder)) => {
            return super::fail(&format!(
                "{} is open in a review window: {}; adjudicate there (Ctrl+Shift+A) or close it first",
                gold.display(),
                holder.describe()
            ));
        }
        Ok(Locking::Acquired(lock) | Locking::TookOver { lock, .. }) => Some(lock),
        // A folder that refuses the lock file refuses the gold file too; that error says more.
        Err(_) => None,
    };
    let (file, mut corpus) = if gold.exists() {
        match CorpusFile::open(gold) {
            Ok((file, corpus)) => (Some(file), corpus),
            Err(e) => return super::fail(&e),
        }
    } else {
        (None, session.blank_gold())
    };
    if let Err(e) = session.attach_gold(&mut corpus) {
        return super::fail(&e);
    }
    let mut accepted = crate::review::session::AgreedCounts::default();
    let mut documents = 0;
    let mut pending = 0;
    for i in 0..corpus.documents.len() {
        let agreed = session.accept_all_agreed(i, &corpus.documents[i]);
        let edits = agreed.edits;
        if !edits.is_empty() {
            accepted.add(agreed.counts);
            documents += 1;
            if let Err(e) = (Change { document: i, edits }).apply(&mut corpus) {
                return super::fail(&e);
            }
        }
        pending += session.pending(i, &corpus.documents[i]);
    }
    session.stamp(&mut corpus);
    let saved = match file {
        Some(mut file) => file.save(&corpus),
        None => CorpusFile::create(gold, &corpus, false).map(|_| ()),
    };
    if let Err(e) = saved {
        return super::fail(&e);
    }
    let (reviewed, total) = ReviewSession::progress(&corpus);
    println!(
        "{}: {} in {documents} documents; {pending} candidates left to review in {} of {total} documents not reviewed yet",
        gold.display(),
        accepted.describe(),
        total - reviewed
    );
    ExitCode::SUCCESS
}
