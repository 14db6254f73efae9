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

use mitreden_core::ValidResponse;
use rand::RngCore;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use sqlx::{Executor, Row};

pub mod changes;
mod comments;
mod consultations;
pub mod decoded;
mod health;
mod migrations;
mod proposals;
pub mod published;
mod retention;
pub mod staff;
mod statements;
mod submissions;
mod writer;

pub use comments::CommentRow;
pub use health::Readiness;
pub use proposals::ProposalRow;
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
    /// An error that failed several writes at once.
    #[error("{0}")]
    Shared(std::sync::Arc<StorageError>),
    #[error("the writer task has stopped")]
    WriterGone,
}

impl StorageError {
    /// Whether the database cannot be reached or written just now (stopped, restarting,
    /// unreachable, disk full, read-only) rather than anything being wrong with the request or
    /// the data: worth trying again in a moment.
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::Database(e) => unavailable(e),
            Self::Shared(e) => e.is_unavailable(),
            Self::WriterGone => true,
            Self::Migration(_) | Self::Corrupt(_) | Self::Io(_) => false,
        }
    }
}

fn unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(e) => e.code().is_some_and(|code| unavailable_code(&code)),
        _ => false,
    }
}

/// PostgreSQL's SQLSTATEs for a lost connection (class 08), a server shutting down or
/// starting (57P01–57P03) and insufficient resources such as a full disk (class 53); SQLite's
/// result codes (primary part) for busy and locked (5, 6), read-only (8), I/O errors (10),
/// a full disk (13) and a file it cannot open (14).
fn unavailable_code(code: &str) -> bool {
    if code.starts_with("08") || code.starts_with("53") {
        return true;
    }
    if matches!(code, "57P01" | "57P02" | "57P03") {
        return true;
    }
    code.parse::<i32>()
        .is_ok_and(|c| matches!(c & 0xff, 5 | 6 | 8 | 10 | 13 | 14))
}

/// How long a request waits for a database connection before it is answered
/// `503 database_unavailable`.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// What happened to a response handed to [`Db::insert_response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The `--database` value fit for a log line: a PostgreSQL URL's password becomes `***`.
pub fn without_password(location: &str) -> String {
    let Some((scheme, rest)) = location.split_once("://") else {
        return location.to_owned();
    };
    match rest.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => location.to_owned(),
        },
        None => location.to_owned(),
    }
}

/// Set on every SQLite connection. `secure_delete` overwrites what is deleted, so removed
/// personal data does not linger in free pages of the file. `temp_store = MEMORY` keeps the
/// statement journal of a multi-row insert in memory (the writer's statements are bounded)
/// instead of a temporary file made and deleted for each.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
    PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON; \
    PRAGMA temp_store = MEMORY;";

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
                    .acquire_timeout(ACQUIRE_TIMEOUT)
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
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .after_connect(|conn, _| {
                        Box::pin(async move { conn.execute(SQLITE_PRAGMAS).await.map(drop) })
                    })
                    .connect(&format!("sqlite://{path}?mode=rwc"))
                    .await?
            }
        };
        Self::migrator(backend).run(&pool).await?;
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

    /// At shutdown: takes no more submissions or withdrawals, and returns once every one
    /// queued before is committed (and its caller answered).
    pub async fn finish_writes(&self) {
        self.writer.finish().await;
    }

    /// Submissions and withdrawals waiting for the writer.
    pub fn writes_queued(&self) -> usize {
        self.writer.queued()
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

    /// Forgets used proof-of-work challenges that have expired anyway.
    pub async fn prune_proofs(&self, now: i64) -> Result<u64, StorageError> {
        Ok(sqlx::query("DELETE FROM proofs_used WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// Up to `limit` stored responses with the time each arrived (seconds since 1970) and its
    /// public id, in the order they arrived, starting after `after` (from the first if
    /// `None`); with where the page ends, to ask for the next one (`None` after the last).
    pub async fn responses_page(
        &self,
        consultation: &str,
        after: Option<&PageEnd>,
        limit: u32,
    ) -> Result<(Vec<Exported<ValidResponse>>, Option<PageEnd>), StorageError> {
        let (at, id) = after.map_or((i64::MIN, ""), |p| (p.at, p.id.as_str()));
        let rows = sqlx::query(
            "SELECT created_at, id, public_id, ballot FROM responses \
             WHERE consultation = $1 AND (created_at, id) > ($2, $3) \
             ORDER BY created_at, id LIMIT $4",
        )
        .bind(consultation)
        .bind(at)
        .bind(id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        let end = (rows.len() == limit as usize)
            .then(|| rows.last())
            .flatten()
            .map(|row| PageEnd {
                at: row.get("created_at"),
                id: row.get("id"),
            });
        let page = rows
            .iter()
            .map(|row| {
                Ok(Exported {
                    at: row.get("created_at"),
                    public_id: row.get("public_id"),
                    item: serde_json::from_str(row.get("ballot"))?,
                })
            })
            .collect::<Result<_, StorageError>>()?;
        Ok((page, end))
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

/// A stored submission as it leaves the server: with its public id, never the id its client
/// made (that id is the idempotency key, and sending it again gives the receipt back).
#[derive(Debug, Clone)]
pub struct Exported<T> {
    /// When it arrived, seconds since 1970.
    pub at: i64,
    pub public_id: String,
    pub item: T,
}

impl<T: serde::Serialize> Exported<T> {
    /// The item as JSON with its public id in place of the client's.
    pub fn to_json(&self) -> Result<serde_json::Value, serde_json::Error> {
        let mut value = serde_json::to_value(&self.item)?;
        if let Some(fields) = value.as_object_mut() {
            fields.insert("id".to_owned(), self.public_id.clone().into());
        }
        Ok(value)
    }
}

/// Where a page of [`Db::responses_page`] ends: the arrival time and id of its last response
/// (the id only orders the pages; it never leaves the server).
#[derive(Debug, Clone)]
pub struct PageEnd {
    at: i64,
    id: String,
}

/// A new public id: a random UUID (version 4), made by the server.
pub fn public_id() -> String {
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unreachable_or_unwritable_database_is_worth_a_retry() {
        for code in [
            "08006", "08001", "57P01", "57P03", "53100", "13", "8", "1032", "10", "5",
        ] {
            assert!(unavailable_code(code), "{code}");
        }
        // Constraint violations, syntax errors, SQLite's constraint and corruption codes.
        for code in ["23505", "42601", "19", "2067", "11", "1"] {
            assert!(!unavailable_code(code), "{code}");
        }
        assert!(StorageError::Database(sqlx::Error::PoolTimedOut).is_unavailable());
        assert!(!StorageError::Database(sqlx::Error::RowNotFound).is_unavailable());
    }

    #[test]
    fn a_database_password_never_reaches_the_log() {
        assert_eq!(
            without_password("postgres://mitreden:s3cr3t@db.intern:5432/mitreden"),
            "postgres://mitreden:***@db.intern:5432/mitreden"
        );
        assert_eq!(
            without_password("postgres://mitreden@db/m"),
            "postgres://mitreden@db/m"
        );
        assert_eq!(without_password("data/mitreden.db"), "data/mitreden.db");
    }

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
