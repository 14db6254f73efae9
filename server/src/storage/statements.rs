//! Organisation statements as staff read and publish them.

use mitreden_core::ValidStatement;
use sqlx::Row;

use super::{Db, StorageError};

impl Db {
    /// Marks a statement for publication (or takes the mark away). `None` if there is no such
    /// statement, `Some(false)` if its organisation did not consent to publication.
    pub async fn set_statement_published(
        &self,
        consultation: &str,
        id: &str,
        published: bool,
    ) -> Result<Option<bool>, StorageError> {
        let row = sqlx::query("SELECT publish FROM statements WHERE consultation = $1 AND id = $2")
            .bind(consultation)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        if published && row.get::<i64, _>("publish") == 0 {
            return Ok(Some(false));
        }
        sqlx::query("UPDATE statements SET published = $1 WHERE consultation = $2 AND id = $3")
            .bind(i64::from(published))
            .bind(consultation)
            .bind(id)
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

    /// Every statement with whether staff marked it for publication.
    pub async fn statements_with_marks(
        &self,
        consultation: &str,
    ) -> Result<Vec<(ValidStatement, bool)>, StorageError> {
        let rows = sqlx::query(
            "SELECT body, published FROM statements WHERE consultation = $1 ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let published = row.get::<i64, _>("published") != 0;
                Ok((serde_json::from_str(row.get("body"))?, published))
            })
            .collect()
    }

    /// Every stored statement of a consultation.
    pub async fn statements(
        &self,
        consultation: &str,
    ) -> Result<Vec<ValidStatement>, StorageError> {
        let rows = sqlx::query("SELECT body FROM statements WHERE consultation = $1 ORDER BY id")
            .bind(consultation)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok(serde_json::from_str(row.get("body"))?))
            .collect()
    }
}
