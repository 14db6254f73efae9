//! Organisation statements as staff read and publish them.

use mitreden_core::ValidStatement;
use sqlx::Row;

use super::{Db, Exported, StorageError};

impl Db {
    /// Marks a statement for publication (or takes the mark away). `None` if there is no such
    /// statement, `Some(false)` if its organisation did not consent to publication.
    pub async fn set_statement_published(
        &self,
        consultation: &str,
        public_id: &str,
        published: bool,
    ) -> Result<Option<bool>, StorageError> {
        let row = sqlx::query(
            "SELECT publish FROM statements WHERE consultation = $1 AND public_id = $2",
        )
        .bind(consultation)
        .bind(public_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if published && row.get::<i64, _>("publish") == 0 {
            return Ok(Some(false));
        }
        sqlx::query(
            "UPDATE statements SET published = $1 WHERE consultation = $2 AND public_id = $3",
        )
        .bind(i64::from(published))
        .bind(consultation)
        .bind(public_id)
        .execute(&self.pool)
        .await?;
        Ok(Some(true))
    }

    /// Statements staff marked for publication.
    pub async fn published_statements(
        &self,
        consultation: &str,
    ) -> Result<Vec<ValidStatement>, StorageError> {
        let rows = sqlx::query(
            "SELECT body FROM statements WHERE consultation = $1 AND published = 1 AND publish = 1 ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok(serde_json::from_str(row.get("body"))?))
            .collect()
    }

    /// Every statement with whether staff marked it for publication, oldest first.
    pub async fn statements_with_marks(
        &self,
        consultation: &str,
    ) -> Result<Vec<(Exported<ValidStatement>, bool)>, StorageError> {
        let rows = sqlx::query(
            "SELECT created_at, public_id, body, published FROM statements \
             WHERE consultation = $1 ORDER BY created_at, id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let statement = Exported {
                    at: row.get("created_at"),
                    public_id: row.get("public_id"),
                    item: serde_json::from_str(row.get("body"))?,
                };
                Ok((statement, row.get::<i64, _>("published") != 0))
            })
            .collect()
    }

    /// Every stored statement of a consultation, oldest first.
    pub async fn statements(
        &self,
        consultation: &str,
    ) -> Result<Vec<Exported<ValidStatement>>, StorageError> {
        Ok(self
            .statements_with_marks(consultation)
            .await?
            .into_iter()
            .map(|(statement, _)| statement)
            .collect())
    }
}
