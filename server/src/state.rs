//! Shared state: the database handle and, per consultation, the running tally in memory.
//!
//! Results are read from the in-memory tally, never by rescanning responses. The tally is
//! rebuilt from storage at start and updated after each newly stored response.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use mitreden_core::results::ResultsOptions;
use mitreden_core::{
    Consultation, Results, StatementSummary, StatementTally, Tally, ValidResponse, ValidStatement,
};

use crate::receipt::ReceiptKey;
use crate::storage::{Db, StorageError};

/// A consultation with its running tally.
pub struct Live {
    pub consultation: Consultation,
    counted: Mutex<Counted>,
}

/// The tally, a version that changes with every counted response, and the results last
/// computed (with the version they belong to).
struct Counted {
    tally: Tally,
    statements: StatementTally,
    version: u64,
    results: Option<(u64, Arc<Results>)>,
}

impl Live {
    fn new(
        consultation: Consultation,
        responses: &[ValidResponse],
        statements: &[ValidStatement],
    ) -> Self {
        let tally = recount(&consultation, responses);
        let mut statement_tally = StatementTally::new(consultation.priorities.len());
        for s in statements {
            statement_tally.add(s, &consultation);
        }
        Self {
            consultation,
            counted: Mutex::new(Counted {
                tally,
                statements: statement_tally,
                version: 0,
                results: None,
            }),
        }
    }

    fn counted(&self) -> std::sync::MutexGuard<'_, Counted> {
        self.counted.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts a newly stored response.
    pub fn count(&self, response: &ValidResponse) {
        if let Some(ballot) = response.ballot(&self.consultation) {
            let mut counted = self.counted();
            counted.tally.add(&ballot);
            counted.version += 1;
        }
    }

    /// Takes a withdrawn response out of the count.
    pub fn uncount(&self, response: &ValidResponse) {
        if let Some(ballot) = response.ballot(&self.consultation) {
            let mut counted = self.counted();
            counted.tally.remove(&ballot);
            counted.version += 1;
        }
    }

    pub fn count_statement(&self, statement: &ValidStatement) {
        self.counted().statements.add(statement, &self.consultation);
    }

    pub fn uncount_statement(&self, statement: &ValidStatement) {
        self.counted()
            .statements
            .remove(statement, &self.consultation);
    }

    /// The organisations' stances, reported apart from individual responses.
    pub fn statement_summary(&self) -> StatementSummary {
        StatementSummary::new(&self.consultation, &self.counted().statements)
    }

    pub fn tally(&self) -> Tally {
        self.counted().tally.clone()
    }

    /// The current results. They are computed from the in-memory tally (never by rescanning
    /// responses), off the async runtime since the bootstrap takes a moment, and reused until
    /// the next response is counted.
    pub async fn results(self: Arc<Self>) -> Arc<Results> {
        let (version, tally) = {
            let counted = self.counted();
            if let Some((v, results)) = &counted.results {
                if *v == counted.version {
                    return results.clone();
                }
            }
            (counted.version, counted.tally.clone())
        };
        let live = self.clone();
        let computed = tokio::task::spawn_blocking(move || {
            Arc::new(Results::compute(
                &live.consultation,
                &tally,
                &ResultsOptions::default(),
            ))
        })
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        let mut counted = self.counted();
        if counted.results.as_ref().is_none_or(|(v, _)| *v < version) {
            counted.results = Some((version, computed.clone()));
        }
        computed
    }
}

/// A full count of `responses` from scratch.
pub fn recount(consultation: &Consultation, responses: &[ValidResponse]) -> Tally {
    let mut tally = Tally::for_consultation(consultation);
    for ballot in responses.iter().filter_map(|r| r.ballot(consultation)) {
        tally.add(&ballot);
    }
    tally
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub receipts: ReceiptKey,
    /// Failed staff sign-ins, to slow down guessing.
    pub throttle: crate::auth::Throttle,
    /// Where the built widget (`trunk build`) lives.
    pub widget_dir: PathBuf,
    /// Where the built staff dashboard lives.
    pub dashboard_dir: PathBuf,
    /// How often one client may write.
    pub rate_limit: crate::rate_limit::RateLimit,
    live: Arc<RwLock<HashMap<String, Arc<Live>>>>,
}

impl AppState {
    /// Loads every consultation and counts its stored responses.
    pub async fn load(
        db: Db,
        widget_dir: PathBuf,
        dashboard_dir: PathBuf,
    ) -> Result<Self, StorageError> {
        let receipts = ReceiptKey::new(db.secret("receipt_key").await?);
        let mut live = HashMap::new();
        for consultation in db.consultations().await? {
            let responses = db.responses(consultation.slug.as_str()).await?;
            let statements = db.statements(consultation.slug.as_str()).await?;
            let slug = consultation.slug.to_string();
            let counted = Live::new(consultation, &responses, &statements);
            live.insert(slug, Arc::new(counted));
        }
        Ok(Self {
            db,
            receipts,
            throttle: crate::auth::Throttle::default(),
            widget_dir,
            dashboard_dir,
            rate_limit: Default::default(),
            live: Arc::new(RwLock::new(live)),
        })
    }

    /// Every consultation, in the order they were loaded.
    pub fn consultations(&self) -> Vec<Arc<Live>> {
        let mut all: Vec<Arc<Live>> = self
            .live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .cloned()
            .collect();
        all.sort_by(|a, b| a.consultation.slug.cmp(&b.consultation.slug));
        all
    }

    /// Replaces a consultation's definition (or adds a new one) and counts its stored
    /// responses afresh under it.
    pub async fn reload(&self, consultation: Consultation) -> Result<(), StorageError> {
        let slug = consultation.slug.to_string();
        let responses = self.db.responses(&slug).await?;
        let statements = self.db.statements(&slug).await?;
        let live = Arc::new(Live::new(consultation, &responses, &statements));
        self.live
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(slug, live);
        Ok(())
    }

    pub fn consultation(&self, slug: &str) -> Option<Arc<Live>> {
        self.live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(slug)
            .cloned()
    }
}
