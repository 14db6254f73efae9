//! The repository: every SQL statement of the server lives here.
//!
//! SQLite runs in WAL mode with `synchronous=FULL`, so a statement that returned has been
//! written to disk: the API acknowledges a response only after that.

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mitreden_core::{Consultation, ValidResponse};
use rand::RngCore;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;

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
}

/// What happened to a response handed to [`Db::insert_response`].
#[derive(Debug, PartialEq, Eq)]
pub enum Insert {
    /// Newly stored.
    Created,
    /// The same response was stored before; nothing changed.
    Replayed,
    /// A different response with the same id exists.
    Conflict,
}

/// A handle to the database; cheap to clone (a connection pool).
#[derive(Clone, Debug)]
pub struct Db {
    pool: SqlitePool,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Db {
    /// Opens (creating if needed) the database at `location`, a file path or `sqlite://path`,
    /// and brings its schema up to date.
    pub async fn open(location: &str) -> Result<Self, StorageError> {
        let path = location.strip_prefix("sqlite://").unwrap_or(location);
        if let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent)?;
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
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
            "INSERT INTO consultations (slug, definition, created_at) VALUES (?, ?, ?) \
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(c.slug.as_str())
        .bind(serde_json::to_string(c)?)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Stores a validated response once. The comparison for replays is on the canonical JSON,
    /// so a byte-different but equal submission counts as the same.
    pub async fn insert_response(
        &self,
        consultation: &str,
        response: &ValidResponse,
    ) -> Result<Insert, StorageError> {
        let ballot = serde_json::to_string(response)?;
        let result = sqlx::query(
            "INSERT INTO responses (id, consultation, group_id, ballot, created_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        )
        .bind(response.id.as_str())
        .bind(consultation)
        .bind(response.group.as_str())
        .bind(&ballot)
        .bind(now())
        .execute(&self.pool)
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Insert::Created);
        }
        let existing = sqlx::query("SELECT consultation, ballot FROM responses WHERE id = ?")
            .bind(response.id.as_str())
            .fetch_one(&self.pool)
            .await?;
        let same = existing.get::<&str, _>("consultation") == consultation
            && existing.get::<&str, _>("ballot") == ballot;
        Ok(if same {
            Insert::Replayed
        } else {
            Insert::Conflict
        })
    }

    /// Every stored response of a consultation, for a full recount.
    pub async fn responses(&self, consultation: &str) -> Result<Vec<ValidResponse>, StorageError> {
        let rows = sqlx::query("SELECT ballot FROM responses WHERE consultation = ? ORDER BY id")
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
        sqlx::query("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
            .bind(name)
            .bind(&fresh[..])
            .execute(&self.pool)
            .await?;
        let row = sqlx::query("SELECT value FROM meta WHERE key = ?")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.get("value"))
    }
}
