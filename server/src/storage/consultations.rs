//! Consultation definitions.

use mitreden_core::{Consultation, Status};
use sqlx::Row;

use super::{changes, now, Db, StorageError};

impl Db {
    pub async fn consultations(&self) -> Result<Vec<Consultation>, StorageError> {
        let rows = sqlx::query("SELECT definition FROM consultations ORDER BY created_at, slug")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok(serde_json::from_str(row.get("definition"))?))
            .collect()
    }

    /// Stores a consultation definition unless one with the same slug exists; returns whether
    /// it was stored.
    pub async fn insert_consultation(&self, c: &Consultation) -> Result<bool, StorageError> {
        let result = sqlx::query(
            "INSERT INTO consultations (slug, definition, created_at, closed_at) \
             VALUES ($1, $2, $3, CASE WHEN $4 THEN $3 END) \
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(c.slug.as_str())
        .bind(serde_json::to_string(c)?)
        .bind(now())
        .bind(c.status == Status::Closed)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Stores a consultation definition, replacing the one with the same slug. Closing it
    /// starts its retention period; opening it again ends that.
    ///
    /// Returns the consultation's version under which the new definition counts (every
    /// process counts afresh under it, see [`changes`]).
    pub async fn save_consultation(&self, c: &Consultation) -> Result<u64, StorageError> {
        let saved = self.save_definition(c, None).await?;
        Ok(saved.expect("nothing to claim, so always saved"))
    }

    /// Stores `c`, which adds the approved proposal `proposal` as the priority `priority`,
    /// unless that proposal was adopted before: then nothing changes and the answer is `None`.
    /// Both in one transaction, so adopting twice (or twice at once) adds it once.
    pub async fn save_adoption(
        &self,
        c: &Consultation,
        proposal: i64,
        priority: &str,
    ) -> Result<Option<u64>, StorageError> {
        self.save_definition(c, Some((proposal, priority))).await
    }

    async fn save_definition(
        &self,
        c: &Consultation,
        adopting: Option<(i64, &str)>,
    ) -> Result<Option<u64>, StorageError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        if let Some((proposal, priority)) = adopting {
            let claimed = sqlx::query(
                "UPDATE proposals SET adopted_as = $1 \
                 WHERE consultation = $2 AND id = $3 AND adopted_as IS NULL",
            )
            .bind(priority)
            .bind(c.slug.as_str())
            .bind(proposal)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                return Ok(None);
            }
        }
        sqlx::query(
            "INSERT INTO consultations (slug, definition, created_at, closed_at) \
             VALUES ($1, $2, $3, CASE WHEN $4 THEN $3 END) \
             ON CONFLICT (slug) DO UPDATE SET definition = excluded.definition, \
               closed_at = CASE WHEN $4 THEN COALESCE(consultations.closed_at, excluded.closed_at) END, \
               purged_at = CASE WHEN $4 THEN consultations.purged_at END",
        )
        .bind(c.slug.as_str())
        .bind(serde_json::to_string(c)?)
        .bind(now())
        .bind(c.status == Status::Closed)
        .execute(&mut *tx)
        .await?;
        // Whoever counts from the log learns whether responses count as before.
        let change = changes::Change {
            kind: changes::ChangeKind::Definition,
            body: c.counting_key(),
        };
        let version = changes::log(&mut tx, c.slug.as_str(), std::slice::from_ref(&change)).await?;
        tx.commit().await?;
        self.announce(changes::Committed {
            consultation: c.slug.to_string(),
            version,
            changes: vec![change],
        });
        Ok(Some(version))
    }
}
