//! Comments on goal conflicts and their moderation.

use serde::Serialize;
use sqlx::Row;

use super::{Db, StorageError};

/// A comment as staff moderate it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommentRow {
    pub id: i64,
    pub conflict: String,
    pub text: String,
    /// `pending`, `approved`, `rejected` or `hidden`.
    pub status: String,
    pub reason: Option<String>,
    /// How many comments in this consultation read the same (ignoring case, spacing and
    /// punctuation): many copies suggest an organised campaign.
    pub copies: u64,
    /// The id of the first of these copies (its own id if it is the first or the only one),
    /// so that all copies can be decided at once.
    pub copy_of: i64,
}

/// The form two comments must share to count as copies of each other.
pub fn fingerprint(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Db {
    /// Every comment of a consultation, oldest first, with its number of copies.
    pub async fn comments(&self, consultation: &str) -> Result<Vec<CommentRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, conflict, text, status, reason FROM comments \
             WHERE consultation = $1 ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        let mut comments: Vec<CommentRow> = rows
            .iter()
            .map(|r| CommentRow {
                id: r.get("id"),
                conflict: r.get("conflict"),
                text: r.get("text"),
                status: r.get("status"),
                reason: r.get("reason"),
                copies: 0,
                copy_of: r.get("id"),
            })
            .collect();
        // Per form: how many, and the first (comments come oldest first).
        let mut forms = std::collections::HashMap::new();
        for c in &comments {
            forms.entry(fingerprint(&c.text)).or_insert((0u64, c.id)).0 += 1;
        }
        for c in &mut comments {
            (c.copies, c.copy_of) = forms[&fingerprint(&c.text)];
        }
        Ok(comments)
    }

    /// Sets a comment's status (`approved`, `rejected` with a reason, `hidden`); `false` if
    /// there is no such comment.
    pub async fn moderate_comment(
        &self,
        consultation: &str,
        id: i64,
        status: &str,
        reason: Option<&str>,
    ) -> Result<bool, StorageError> {
        let result = sqlx::query(
            "UPDATE comments SET status = $1, reason = $2 WHERE consultation = $3 AND id = $4",
        )
        .bind(status)
        .bind(reason)
        .bind(consultation)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Sets the status of several comments at once, all or none: `Ok(Err(id))` names a comment
    /// that does not exist (in this consultation), and then nothing was changed.
    pub async fn moderate_comments(
        &self,
        consultation: &str,
        ids: &[i64],
        status: &str,
        reason: Option<&str>,
    ) -> Result<Result<u64, i64>, StorageError> {
        let mut tx = self.pool.begin().await?;
        for &id in ids {
            let result = sqlx::query(
                "UPDATE comments SET status = $1, reason = $2 WHERE consultation = $3 AND id = $4",
            )
            .bind(status)
            .bind(reason)
            .bind(consultation)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if result.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(Err(id));
            }
        }
        tx.commit().await?;
        Ok(Ok(ids.len() as u64))
    }

    /// Approved comments, for the public results: `(conflict, text)`.
    pub async fn approved_comments(
        &self,
        consultation: &str,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let rows = sqlx::query(
            "SELECT conflict, text FROM comments WHERE consultation = $1 AND status = 'approved' \
             ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("conflict"), r.get("text")))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn copies_ignore_case_spacing_and_punctuation() {
        use super::fingerprint;
        assert_eq!(
            fingerprint("Mehr  Tempo, bitte!"),
            fingerprint("mehr tempo bitte")
        );
        assert_ne!(fingerprint("Mehr Tempo"), fingerprint("Mehr Sorgfalt"));
    }
}
