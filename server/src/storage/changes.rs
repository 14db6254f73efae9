//! The change log that keeps several server processes' in-memory tallies in step (see
//! `migrations/*/0007_changes.sql` and [`crate::counting::sync`]).
//!
//! Every transaction that changes what is counted for a consultation bumps the consultation's
//! version and logs its changes under that version. Updating the consultation's row hands out
//! versions one at a time, even across processes, so the versions of a consultation have no
//! gaps: a process that has applied version `n` needs exactly the versions after `n`.

use std::sync::Arc;

use futures_util::TryStreamExt;
use mitreden_core::{Consultation, StatementTally, Tally, ValidResponse, ValidStatement};
use sqlx::{AnyConnection, Connection, Row};
use tokio::sync::broadcast;

use super::decoded::Decoded;

use super::submissions::Kind;
use super::{now, Backend, Db, StorageError};

/// Rows written by one statement (four parameters each, well below every engine's limit).
const LOG_ROWS_PER_STATEMENT: usize = 256;

/// How long logged changes are kept; a process further behind loads everything afresh.
pub const KEEP_CHANGES_SECONDS: i64 = 60 * 60;

/// What a change does to the tallies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Count,
    Uncount,
    CountStatement,
    UncountStatement,
    /// The definition changed: count everything afresh under the new one.
    Definition,
}

impl ChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Count => "count",
            ChangeKind::Uncount => "uncount",
            ChangeKind::CountStatement => "count_statement",
            ChangeKind::UncountStatement => "uncount_statement",
            ChangeKind::Definition => "definition",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            ChangeKind::Count,
            ChangeKind::Uncount,
            ChangeKind::CountStatement,
            ChangeKind::UncountStatement,
            ChangeKind::Definition,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    pub(crate) fn stored(kind: Kind) -> Self {
        match kind {
            Kind::Responses => ChangeKind::Count,
            Kind::Statements => ChangeKind::CountStatement,
        }
    }

    pub(crate) fn withdrawn(kind: Kind) -> Self {
        match kind {
            Kind::Responses => ChangeKind::Uncount,
            Kind::Statements => ChangeKind::UncountStatement,
        }
    }
}

/// One logged change: what to do, and the JSON of the submission it is done with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub body: String,
}

/// Changes to one consultation that were just committed under `version`.
#[derive(Debug, Clone)]
pub struct Committed {
    pub consultation: String,
    pub version: u64,
    pub changes: Vec<Change>,
}

/// The layout of a saved tally ([`Tally`] as JSON). Change it whenever that layout or the
/// meaning of its numbers changes: tallies saved in another layout are not used (everything is
/// counted afresh instead).
pub const TALLY_FORMAT: i64 = 1;

/// A saved tally as stored: the tally and the counting key of the definition it was counted
/// under ([`Consultation::counting_key`]).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct SavedTally {
    pub counting_key: String,
    pub tally: Tally,
}

/// A consultation with everything counted in it, read at one moment.
#[derive(Debug)]
pub struct Snapshot {
    pub consultation: Consultation,
    pub version: u64,
    pub tally: Tally,
    pub statements: StatementTally,
    /// The version of the saved tally it started from, if it did (the changes after it were
    /// counted from the log); `None` if every stored response was counted.
    pub from_saved: Option<u64>,
}

/// What counting needs of a response: its JSON without comment texts (an empty comment
/// stays, so comments are still counted) and proposals.
pub(crate) fn counted_response(r: &ValidResponse) -> Result<String, StorageError> {
    let mut r = r.clone();
    r.proposals.clear();
    for comment in r.positions.iter_mut().filter_map(|p| p.comment.as_mut()) {
        comment.clear();
    }
    Ok(serde_json::to_string(&r)?)
}

/// What counting needs of a statement: its JSON without the contact email.
pub(crate) fn counted_statement(s: &ValidStatement) -> Result<String, StorageError> {
    let mut s = s.clone();
    s.contact_email = None;
    Ok(serde_json::to_string(&s)?)
}

/// [`counted_response`] or [`counted_statement`] of a stored submission's JSON.
pub(crate) fn counted_form(kind: Kind, body: &str) -> Result<String, StorageError> {
    match kind {
        Kind::Responses => counted_response(&serde_json::from_str(body)?),
        Kind::Statements => counted_statement(&serde_json::from_str(body)?),
    }
}

/// Bumps the consultation's version and logs `changes` under it, inside the caller's
/// transaction; returns the new version.
pub(crate) async fn log(
    conn: &mut AnyConnection,
    consultation: &str,
    changes: &[Change],
) -> Result<u64, StorageError> {
    let version: i64 = sqlx::query_scalar(
        "UPDATE consultations SET version = version + 1 WHERE slug = $1 RETURNING version",
    )
    .bind(consultation)
    .fetch_one(&mut *conn)
    .await?;
    // Several rows per statement: a batch holds hundreds of changes.
    let created_at = now();
    for (chunk_no, chunk) in changes.chunks(LOG_ROWS_PER_STATEMENT).enumerate() {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p = 4 * i;
                format!("($1, $2, ${}, ${}, ${}, ${})", p + 3, p + 4, p + 5, p + 6)
            })
            .collect();
        let sql = format!(
            "INSERT INTO changes (consultation, version, seq, kind, body, created_at) VALUES {}",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql).bind(consultation).bind(version);
        for (i, change) in chunk.iter().enumerate() {
            let seq = (chunk_no * LOG_ROWS_PER_STATEMENT + i) as i64;
            query = query
                .bind(seq)
                .bind(change.kind.as_str())
                .bind(&change.body)
                .bind(created_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(version as u64)
}

impl Db {
    /// Changes as this process commits them. A receiver that falls behind misses some and
    /// reads them from the log instead.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Committed>> {
        self.committed.subscribe()
    }

    pub(crate) fn announce(&self, committed: Committed) {
        // Nobody listening (the command line) is fine.
        let _ = self.committed.send(Arc::new(committed));
    }

    /// Every consultation's slug and current version.
    pub async fn versions(&self) -> Result<Vec<(String, u64)>, StorageError> {
        let rows = sqlx::query("SELECT slug, version FROM consultations ORDER BY slug")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("slug"), r.get::<i64, _>("version") as u64))
            .collect())
    }

    /// The logged changes after version `after` up to `upto`, in order; `None` if some of
    /// those versions are no longer in the log.
    pub async fn changes_since(
        &self,
        consultation: &str,
        after: u64,
        upto: u64,
    ) -> Result<Option<Vec<(u64, Change)>>, StorageError> {
        let rows = sqlx::query(
            "SELECT version, kind, body FROM changes \
             WHERE consultation = $1 AND version > $2 AND version <= $3 ORDER BY version, seq",
        )
        .bind(consultation)
        .bind(after as i64)
        .bind(upto as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut changes = Vec::with_capacity(rows.len());
        let mut expected = after + 1;
        for row in rows {
            let version = row.get::<i64, _>("version") as u64;
            if version == expected {
                expected += 1;
            } else if version + 1 != expected {
                return Ok(None);
            }
            let Some(kind) = ChangeKind::parse(row.get("kind")) else {
                return Ok(None);
            };
            changes.push((
                version,
                Change {
                    kind,
                    body: row.get("body"),
                },
            ));
        }
        Ok((expected == upto + 1).then_some(changes))
    }

    /// The consultation and everything counted in it, read in one transaction that sees a
    /// single moment: the saved tally and the changes logged after it where they are all
    /// there, otherwise every stored response, one row at a time (memory does not grow with
    /// the number of responses either way).
    pub async fn snapshot(&self, consultation: &str) -> Result<Option<Snapshot>, StorageError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute(&mut *tx)
                .await?;
        }
        let Some(row) =
            sqlx::query("SELECT definition, version FROM consultations WHERE slug = $1")
                .bind(consultation)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(None);
        };
        let definition: Consultation = serde_json::from_str(row.get("definition"))?;
        let version = row.get::<i64, _>("version") as u64;
        let saved = saved_tally(&mut tx, &definition, version).await?;
        let from_saved = saved.as_ref().map(|(v, _)| *v);
        let tally = match saved {
            Some((_, tally)) => tally,
            None => {
                let mut tally = Tally::for_consultation(&definition);
                let mut rows = sqlx::query("SELECT ballot FROM responses WHERE consultation = $1")
                    .bind(consultation)
                    .fetch(&mut *tx);
                while let Some(row) = rows.try_next().await? {
                    let response: ValidResponse = serde_json::from_str(row.get("ballot"))?;
                    tally.count(&definition, &response, true);
                }
                tally
            }
        };
        let mut statements = StatementTally::new(definition.priorities.len());
        let mut rows = sqlx::query("SELECT body FROM statements WHERE consultation = $1")
            .bind(consultation)
            .fetch(&mut *tx);
        while let Some(row) = rows.try_next().await? {
            let statement: ValidStatement = serde_json::from_str(row.get("body"))?;
            statements.add(&statement, &definition);
        }
        drop(rows);
        tx.commit().await?;
        Ok(Some(Snapshot {
            consultation: definition,
            version,
            tally,
            statements,
            from_saved,
        }))
    }

    /// Saves `tally`, which counts everything up to `version`, unless a newer one is saved.
    pub async fn save_tally(
        &self,
        consultation: &str,
        version: u64,
        tally: &str,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO tally_snapshots (consultation, version, format, body, created_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (consultation) DO UPDATE SET version = excluded.version, \
             format = excluded.format, body = excluded.body, created_at = excluded.created_at \
             WHERE tally_snapshots.version < excluded.version \
             OR tally_snapshots.format <> excluded.format",
        )
        .bind(consultation)
        .bind(version as i64)
        .bind(TALLY_FORMAT)
        .bind(tally)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Forgets logged changes older than `before` (seconds since 1970).
    pub async fn prune_changes(&self, before: i64) -> Result<u64, StorageError> {
        Ok(sqlx::query("DELETE FROM changes WHERE created_at < $1")
            .bind(before)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}

/// The saved tally of `consultation` brought up to `version` with the responses counted and
/// withdrawn since, as the log has them; `None` (count everything afresh) if there is none in
/// this format, it was counted under a definition that counts differently, or the log misses
/// a version or changed how responses count after it. Changes of the definition that count
/// the same (texts, status, settings) keep it. Statements are not in it: they are few and
/// counted from their table.
async fn saved_tally(
    conn: &mut AnyConnection,
    consultation: &Consultation,
    version: u64,
) -> Result<Option<(u64, Tally)>, StorageError> {
    let slug = consultation.slug.as_str();
    let Some(row) = sqlx::query(
        "SELECT version, body FROM tally_snapshots WHERE consultation = $1 AND format = $2",
    )
    .bind(slug)
    .bind(TALLY_FORMAT)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let saved = row.get::<i64, _>("version") as u64;
    let key = consultation.counting_key();
    let mut tally = match serde_json::from_str::<SavedTally>(row.get("body")) {
        Ok(s)
            if saved <= version
                && s.counting_key == key
                && s.tally.is_shaped_for(consultation)
                && !s.tally.lost_ranks() =>
        {
            s.tally
        }
        _ => {
            tracing::warn!(
                consultation = slug,
                "the saved tally does not fit; counting afresh"
            );
            return Ok(None);
        }
    };
    let mut expected = saved + 1;
    let mut rows = sqlx::query(
        "SELECT version, kind, body FROM changes \
         WHERE consultation = $1 AND version > $2 AND version <= $3 ORDER BY version, seq",
    )
    .bind(slug)
    .bind(saved as i64)
    .bind(version as i64)
    .fetch(&mut *conn);
    while let Some(row) = rows.try_next().await? {
        let at = row.get::<i64, _>("version") as u64;
        if at == expected {
            expected += 1;
        } else if at + 1 != expected {
            return Ok(None);
        }
        let Some(kind) = ChangeKind::parse(row.get("kind")) else {
            return Ok(None);
        };
        let change = Change {
            kind,
            body: row.get("body"),
        };
        match Decoded::decode(&change)? {
            Some(Decoded::Response(add, r)) => tally.count(consultation, &r, add),
            Some(Decoded::Statement(..)) => {}
            // A definition that counts as the current one does (and so as the saved tally's).
            None if change.body == key => {}
            None => return Ok(None),
        }
    }
    Ok((expected == version + 1).then_some((saved, tally)))
}
