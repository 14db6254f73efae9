//! Proposals of missing priorities and conflicts, and their moderation.

use sqlx::Row;

use super::{Db, StorageError};

/// A proposal as staff moderate it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProposalRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub reason: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    /// The id of the priority it became, once adopted.
    pub adopted_as: Option<String>,
}

impl Db {
    /// All proposals of a consultation for moderation, oldest first.
    pub async fn proposals(&self, consultation: &str) -> Result<Vec<ProposalRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, kind, title, reason, status, adopted_as FROM proposals \
             WHERE consultation = $1 ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| ProposalRow {
                id: r.get("id"),
                kind: r.get("kind"),
                title: r.get("title"),
                reason: r.get("reason"),
                status: r.get("status"),
                adopted_as: r.get("adopted_as"),
            })
            .collect())
    }

    /// Records a moderation decision; `false` if there is no such proposal.
    pub async fn decide_proposal(
        &self,
        consultation: &str,
        id: i64,
        approved: bool,
    ) -> Result<bool, StorageError> {
        let result =
            sqlx::query("UPDATE proposals SET status = $1 WHERE consultation = $2 AND id = $3")
                .bind(if approved { "approved" } else { "rejected" })
                .bind(consultation)
                .bind(id)
                .execute(&self.pool)
                .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Proposals waiting for moderation: `(kind, title, reason)`.
    pub async fn pending_proposals(
        &self,
        consultation: &str,
    ) -> Result<Vec<(String, String, Option<String>)>, StorageError> {
        let rows = sqlx::query(
            "SELECT kind, title, reason FROM proposals \
             WHERE consultation = $1 AND status = 'pending' ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("kind"), r.get("title"), r.get("reason")))
            .collect())
    }
}
