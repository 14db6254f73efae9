//! The repository: every SQL statement of the server lives here, written once for both
//! engines it runs on (through sqlx's `Any` driver): SQLite, a file beside the server, and
//! PostgreSQL, for several server processes sharing one database.
//!
//! SQLite runs in WAL mode with `synchronous=FULL`, PostgreSQL with its default
//! `synchronous_commit=on`; either way a committed transaction is on disk, and the API
//! acknowledges a submission only after that. Statements use `$1`-style parameters, which both
//! understand; integers are 64-bit and flags are 0/1 integers in both schemas.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use mitreden_core::{Consultation, Status, ValidResponse, ValidStatement};
use rand::RngCore;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use sqlx::{Executor, Row};

pub mod changes;
mod comments;
mod retention;
mod staff;
mod submissions;
mod writer;

pub use comments::CommentRow;
pub use retention::Removed;
use writer::Writer;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored JSON is unreadable: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("cannot create the database folder: {0}")]
    Io(#[from] std::io::Error),
    /// A database error that failed several writes at once.
    #[error("database: {0}")]
    Shared(std::sync::Arc<sqlx::Error>),
    #[error("the writer task has stopped")]
    WriterGone,
}

/// A proposal as staff moderate it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProposalRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub reason: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
}

/// What happened to a response handed to [`Db::insert_response`].
#[derive(Debug, PartialEq, Eq)]
pub enum Insert {
    /// Newly stored, and counted in the consultation's `version` (see [`changes`]).
    Created { version: u64 },
    /// The same response was stored before; nothing changed.
    Replayed,
    /// A different response with the same id exists.
    Conflict,
    /// A submission with this id was withdrawn; it stays withdrawn.
    Withdrawn,
    /// Its proof of work was used for another submission.
    ProofReused,
}

/// The database engine behind a [`Db`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The engine a `--database` value names: `postgres://…` or `postgresql://…` is
    /// PostgreSQL; a file path or `sqlite://path` is SQLite.
    pub fn of(location: &str) -> Self {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Set on every SQLite connection. `secure_delete` overwrites what is deleted, so removed
/// personal data does not linger in free pages of the file.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
    PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;";

/// A handle to the database; cheap to clone (a connection pool).
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    writer: Writer,
    /// What this process commits, for the in-memory tallies.
    committed: tokio::sync::broadcast::Sender<std::sync::Arc<changes::Committed>>,
}

/// Seconds since 1970.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Db {
    /// Opens the database at `location` (see [`Backend::of`]; a SQLite file is created if
    /// needed) and brings its schema up to date.
    pub async fn open(location: &str) -> Result<Self, StorageError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(location);
        let pool = match backend {
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .connect(location)
                    .await?
            }
            Backend::Sqlite => {
                let path = location.strip_prefix("sqlite://").unwrap_or(location);
                if let Some(parent) = Path::new(path)
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                {
                    std::fs::create_dir_all(parent)?;
                }
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move { conn.execute(SQLITE_PRAGMAS).await.map(drop) })
                    })
                    .connect(&format!("sqlite://{path}?mode=rwc"))
                    .await?
            }
        };
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        let (committed, _) = tokio::sync::broadcast::channel(1024);
        let writer = Writer::start(pool.clone(), committed.clone());
        Ok(Self {
            pool,
            backend,
            writer,
            committed,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

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

    /// Responses per day (UTC), oldest first: `(days since 1970, count)`.
    pub async fn responses_per_day(
        &self,
        consultation: &str,
    ) -> Result<Vec<(i64, i64)>, StorageError> {
        let rows = sqlx::query(
            "SELECT created_at / 86400 AS day, COUNT(*) AS n FROM responses \
             WHERE consultation = $1 GROUP BY day ORDER BY day",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| (r.get("day"), r.get("n"))).collect())
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

    /// Stores a consultation definition, replacing the one with the same slug. Closing it
    /// starts its retention period; opening it again ends that.
    ///
    /// Returns the consultation's version under which the new definition counts (every
    /// process counts afresh under it, see [`changes`]).
    pub async fn save_consultation(&self, c: &Consultation) -> Result<u64, StorageError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
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
        let change = changes::Change {
            kind: changes::ChangeKind::Definition,
            body: String::new(),
        };
        let version = changes::log(&mut tx, c.slug.as_str(), std::slice::from_ref(&change)).await?;
        tx.commit().await?;
        self.announce(changes::Committed {
            consultation: c.slug.to_string(),
            version,
            changes: vec![change],
        });
        Ok(version)
    }

    /// Forgets used proof-of-work challenges that have expired anyway.
    pub async fn prune_proofs(&self, now: i64) -> Result<u64, StorageError> {
        Ok(sqlx::query("DELETE FROM proofs_used WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// Every stored response with the time it arrived (seconds since 1970), oldest first.
    pub async fn responses_with_time(
        &self,
        consultation: &str,
    ) -> Result<Vec<(i64, ValidResponse)>, StorageError> {
        let rows = sqlx::query(
            "SELECT created_at, ballot FROM responses WHERE consultation = $1 ORDER BY created_at, id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.get("created_at"),
                    serde_json::from_str(row.get("ballot"))?,
                ))
            })
            .collect()
    }

    /// All proposals of a consultation for moderation, oldest first.
    pub async fn proposals(&self, consultation: &str) -> Result<Vec<ProposalRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, kind, title, reason, status FROM proposals WHERE consultation = $1 ORDER BY id",
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

    /// Every stored response of a consultation, for a full recount.
    pub async fn responses(&self, consultation: &str) -> Result<Vec<ValidResponse>, StorageError> {
        let rows = sqlx::query("SELECT ballot FROM responses WHERE consultation = $1 ORDER BY id")
            .bind(consultation)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok(serde_json::from_str(row.get("ballot"))?))
            .collect()
    }

    /// A 32-byte secret kept in the database, made on first use.
    pub async fn secret(&self, name: &str) -> Result<Vec<u8>, StorageError> {
        let mut fresh = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut fresh);
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(name)
            .bind(&fresh[..])
            .execute(&self.pool)
            .await?;
        let row = sqlx::query("SELECT value FROM meta WHERE key = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.get("value"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_sqlite_connection_is_durable_and_overwrites_what_it_deletes() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("x.db").display().to_string())
            .await
            .unwrap();
        assert_eq!(db.backend(), Backend::Sqlite);
        // More connections than one, so that pragmas set per connection are seen on several.
        let mut connections = Vec::new();
        for _ in 0..3 {
            let mut conn = db.pool.acquire().await.unwrap();
            for (pragma, expected) in [
                ("journal_mode", "wal"),
                ("synchronous", "2"),
                ("foreign_keys", "1"),
                ("secure_delete", "1"),
            ] {
                let row = sqlx::query(&format!("PRAGMA {pragma}"))
                    .fetch_one(&mut *conn)
                    .await
                    .unwrap();
                let value = row
                    .try_get::<String, _>(0)
                    .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
                    .unwrap();
                assert_eq!(value, expected, "{pragma}");
            }
            connections.push(conn);
        }
    }

    #[test]
    fn the_location_names_the_engine() {
        assert_eq!(Backend::of("data/mitreden.db"), Backend::Sqlite);
        assert_eq!(Backend::of("sqlite:///var/lib/m.db"), Backend::Sqlite);
        assert_eq!(Backend::of("postgres://m@db/mitreden"), Backend::Postgres);
        assert_eq!(Backend::of("postgresql://m@db/mitreden"), Backend::Postgres);
    }
}
