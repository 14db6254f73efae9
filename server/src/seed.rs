//! The demo consultation, seeded into an empty database.

use mitreden_core::Consultation;

use crate::storage::{Db, StorageError};

const DEMO: &str = include_str!("../seed/demo.json");

/// The demo consultation on the priorities of the federal digital ministry.
pub fn demo() -> Consultation {
    let consultation: Consultation =
        serde_json::from_str(DEMO).expect("seed/demo.json is a valid consultation");
    consultation
        .validate()
        .expect("seed/demo.json passes validation");
    consultation
}

/// Stores the demo consultation if the database has no consultation yet.
pub async fn seed_if_empty(db: &Db) -> Result<(), StorageError> {
    if db.consultations().await?.is_empty() {
        db.insert_consultation(&demo()).await?;
        tracing::info!("seeded the demo consultation 'demo'");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_consultation_is_valid_bilingual_and_allows_partial_rankings() {
        let demo = super::demo();
        assert_eq!(demo.slug.as_str(), "demo");
        assert!((6..=9).contains(&demo.priorities.len()));
        assert!((4..=6).contains(&demo.conflicts.len()));
        assert_eq!(demo.groups.len(), 5);
        assert!(demo.settings.partial_ranking);
    }
}
