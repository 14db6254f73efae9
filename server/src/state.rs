//! Shared state: the database handle and, per consultation, the running tally in memory.
//!
//! Results are read from the in-memory tally, never by rescanning responses. The tally is
//! rebuilt from storage at start and updated after each newly stored response.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use mitreden_core::{Consultation, Results, Tally, ValidResponse};

use crate::receipt::ReceiptKey;
use crate::storage::{Db, StorageError};

/// A consultation with its running tally.
pub struct Live {
    pub consultation: Consultation,
    tally: Mutex<Tally>,
}

impl Live {
    fn new(consultation: Consultation, responses: &[ValidResponse]) -> Self {
        let tally = recount(&consultation, responses);
        Self {
            consultation,
            tally: Mutex::new(tally),
        }
    }

    /// Counts a newly stored response.
    pub fn count(&self, response: &ValidResponse) {
        if let Some(ballot) = response.ballot(&self.consultation) {
            self.tally
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .add(&ballot);
        }
    }

    pub fn tally(&self) -> Tally {
        self.tally
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn results(&self) -> Results {
        let tally = self.tally();
        Results::compute(&self.consultation, &tally)
    }
}

/// A full count of `responses` from scratch.
pub fn recount(consultation: &Consultation, responses: &[ValidResponse]) -> Tally {
    let mut tally = Tally::new(consultation.groups.len(), consultation.priorities.len());
    for ballot in responses.iter().filter_map(|r| r.ballot(consultation)) {
        tally.add(&ballot);
    }
    tally
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub receipts: ReceiptKey,
    /// Where the built widget (`trunk build`) lives.
    pub widget_dir: PathBuf,
    live: Arc<RwLock<HashMap<String, Arc<Live>>>>,
}

impl AppState {
    /// Loads every consultation and counts its stored responses.
    pub async fn load(db: Db, widget_dir: PathBuf) -> Result<Self, StorageError> {
        let receipts = ReceiptKey::new(db.secret("receipt_key").await?);
        let mut live = HashMap::new();
        for consultation in db.consultations().await? {
            let responses = db.responses(consultation.slug.as_str()).await?;
            let slug = consultation.slug.to_string();
            live.insert(slug, Arc::new(Live::new(consultation, &responses)));
        }
        Ok(Self {
            db,
            receipts,
            widget_dir,
            live: Arc::new(RwLock::new(live)),
        })
    }

    pub fn consultation(&self, slug: &str) -> Option<Arc<Live>> {
        self.live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(slug)
            .cloned()
    }
}
