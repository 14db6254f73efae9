//! The data lifecycle: once a closed consultation's retention period has passed, its personal
//! data goes, in one transaction, while everything counted stays.
//!
//! Removed: comment texts (from the responses and from moderation), proposals (their texts;
//! adopted ones live on in the definition), organisations' contact emails, and the receipts of
//! responses and statements. Kept: rankings, conflict positions, that a comment was made (an
//! empty comment remains, so the results' comment counts do not change), stances, statements
//! (without contact) and their publication marks.

use mitreden_core::{Consultation, ValidResponse, ValidStatement};
use serde::Serialize;
use sqlx::Row;

use super::{Db, StorageError};

/// What a removal took away.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub comments: u64,
    pub proposals: u64,
    pub contact_emails: u64,
    pub receipts: u64,
}

impl Db {
    /// Closed consultations whose retention period has passed by `now` (seconds since 1970)
    /// and whose personal data is still there.
    pub async fn due_for_removal(&self, now: i64) -> Result<Vec<String>, StorageError> {
        let rows = sqlx::query(
            "SELECT definition, closed_at FROM consultations \
             WHERE closed_at IS NOT NULL AND purged_at IS NULL ORDER BY slug",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut due = Vec::new();
        for row in rows {
            let c: Consultation = serde_json::from_str(row.get("definition"))?;
            let closed_at: i64 = row.get("closed_at");
            if c.settings.personal_data_due(closed_at) <= now {
                due.push(c.slug.to_string());
            }
        }
        Ok(due)
    }

    /// Removes the personal data of `consultation` (see the module documentation) and notes
    /// when; all or nothing.
    pub async fn remove_personal_data(
        &self,
        consultation: &str,
        now: i64,
    ) -> Result<Removed, StorageError> {
        let mut tx = self.pool.begin().await?;
        let mut removed = Removed::default();

        // A page at a time, so that memory does not grow with the number of responses.
        let mut after = String::new();
        loop {
            let rows = sqlx::query(
                "SELECT id, ballot FROM responses WHERE consultation = $1 AND id > $2 \
                 ORDER BY id LIMIT 1000",
            )
            .bind(consultation)
            .bind(&after)
            .fetch_all(&mut *tx)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.get("id");
            for row in rows {
                let mut response: ValidResponse = serde_json::from_str(row.get("ballot"))?;
                let mut changed = !response.proposals.is_empty();
                response.proposals.clear();
                for comment in response
                    .positions
                    .iter_mut()
                    .filter_map(|p| p.comment.as_mut())
                {
                    changed |= !comment.is_empty();
                    comment.clear();
                }
                if changed {
                    sqlx::query("UPDATE responses SET ballot = $1 WHERE id = $2")
                        .bind(serde_json::to_string(&response)?)
                        .bind(row.get::<&str, _>("id"))
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }

        let rows = sqlx::query("SELECT id, body FROM statements WHERE consultation = $1")
            .bind(consultation)
            .fetch_all(&mut *tx)
            .await?;
        for row in rows {
            let mut statement: ValidStatement = serde_json::from_str(row.get("body"))?;
            if statement.contact_email.take().is_some() {
                removed.contact_emails += 1;
                sqlx::query("UPDATE statements SET body = $1 WHERE id = $2")
                    .bind(serde_json::to_string(&statement)?)
                    .bind(row.get::<&str, _>("id"))
                    .execute(&mut *tx)
                    .await?;
            }
        }

        for (table, counter) in [
            (
                "DELETE FROM comments WHERE consultation = $1",
                &mut removed.comments,
            ),
            (
                "DELETE FROM proposals WHERE consultation = $1",
                &mut removed.proposals,
            ),
            (
                "UPDATE responses SET receipt_hash = NULL \
                 WHERE consultation = $1 AND receipt_hash IS NOT NULL",
                &mut removed.receipts,
            ),
        ] {
            *counter += sqlx::query(table)
                .bind(consultation)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        removed.receipts += sqlx::query(
            "UPDATE statements SET receipt_hash = NULL \
             WHERE consultation = $1 AND receipt_hash IS NOT NULL",
        )
        .bind(consultation)
        .execute(&mut *tx)
        .await?
        .rows_affected();

        sqlx::query("UPDATE consultations SET purged_at = $1 WHERE slug = $2")
            .bind(now)
            .bind(consultation)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.erase_old_pages().await?;
        Ok(removed)
    }

    /// On SQLite, old versions of changed pages (with deleted text in them) stay in the
    /// write-ahead log until a checkpoint copies the new ones into the database file (where
    /// `secure_delete` has overwritten the deleted text); truncating the log then leaves them
    /// nowhere. Under heavy writing the checkpoint may not get the whole log at once; the next
    /// one (or the next withdrawal) finishes it.
    pub async fn erase_old_pages(&self) -> Result<(), StorageError> {
        if self.backend == super::Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// When the consultation was closed and when its personal data was removed (seconds since
    /// 1970), if it was.
    pub async fn lifecycle(
        &self,
        consultation: &str,
    ) -> Result<(Option<i64>, Option<i64>), StorageError> {
        let row = sqlx::query("SELECT closed_at, purged_at FROM consultations WHERE slug = $1")
            .bind(consultation)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map_or((None, None), |r| (r.get("closed_at"), r.get("purged_at"))))
    }
}
