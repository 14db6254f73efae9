//! Published versions of a consultation's outcome and indicators: only ever added to.

use sqlx::Row;

use super::{now, Db, StorageError};

/// The subject of the outcome; indicators are stored under their priority's id.
pub const OUTCOME: &str = "";

/// One stored version.
#[derive(Debug, Clone)]
pub struct StoredVersion {
    pub number: i64,
    pub subject: String,
    pub document: String,
    pub published_at: i64,
}

impl Db {
    /// Publishes a new version of each `(subject, document)` whose document differs from the
    /// subject's latest, all in one transaction; returns the subjects that changed, or `None`
    /// (and saves nothing) if `based_on` is given and some subject's latest version is
    /// another (`0`: none yet): someone published meanwhile.
    pub async fn publish_versions(
        &self,
        consultation: &str,
        versions: &[(String, String)],
        based_on: Option<i64>,
    ) -> Result<Option<Vec<String>>, StorageError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let at = now();
        let mut changed = Vec::new();
        for (subject, document) in versions {
            let latest: Option<(i64, String)> = sqlx::query(
                "SELECT id, document FROM published_versions \
                 WHERE consultation = $1 AND subject = $2 ORDER BY id DESC LIMIT 1",
            )
            .bind(consultation)
            .bind(subject)
            .fetch_optional(&mut *tx)
            .await?
            .map(|row| (row.get("id"), row.get("document")));
            // 0 stands for "nothing published yet".
            if based_on.is_some_and(|b| b != latest.as_ref().map_or(0, |(id, _)| *id)) {
                return Ok(None);
            }
            if latest.as_ref().map(|(_, d)| d) == Some(document) {
                continue;
            }
            sqlx::query(
                "INSERT INTO published_versions (consultation, subject, document, published_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(consultation)
            .bind(subject)
            .bind(document)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            changed.push(subject.clone());
        }
        tx.commit().await?;
        Ok(Some(changed))
    }

    /// Every published version of a consultation, oldest first.
    pub async fn published_versions(
        &self,
        consultation: &str,
    ) -> Result<Vec<StoredVersion>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, subject, document, published_at FROM published_versions \
             WHERE consultation = $1 ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| StoredVersion {
                number: r.get("id"),
                subject: r.get("subject"),
                document: r.get("document"),
                published_at: r.get("published_at"),
            })
            .collect())
    }
}
