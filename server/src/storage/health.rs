//! What `/readyz` asks of the database: is it reachable within a moment, is the writer
//! running, and is the schema the one this build expects.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::Row;

use super::{Backend, Db};

use super::migrations::{POSTGRES, SQLITE};

/// How long a readiness check waits for the database before calling it unreachable.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// The state of each thing the server needs to take writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Readiness {
    /// A statement was answered within [`PING_TIMEOUT`].
    pub database: bool,
    /// The task that commits submissions and withdrawals is running.
    pub writer: bool,
    /// No write failed in the last few seconds because the database could not be written
    /// (disk full, read-only, unreachable).
    pub writes: bool,
    /// Every migration of this build is applied; `None` (null) when the database did not
    /// answer, so nobody can tell.
    pub migrations: Option<bool>,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.database && self.writer && self.writes && self.migrations == Some(true)
    }
}

impl Db {
    pub(super) fn migrator(backend: Backend) -> &'static Migrator {
        match backend {
            Backend::Sqlite => &SQLITE,
            Backend::Postgres => &POSTGRES,
        }
    }

    /// The newest schema version this build knows.
    pub fn latest_migration(backend: Backend) -> i64 {
        Self::migrator(backend)
            .iter()
            .map(|m| m.version)
            .max()
            .unwrap_or(0)
    }

    /// Checks the database, the writer and the schema; never waits longer than a moment.
    pub async fn readiness(&self) -> Readiness {
        let latest = Self::latest_migration(self.backend);
        let applied = tokio::time::timeout(
            PING_TIMEOUT,
            sqlx::query("SELECT MAX(version) AS v FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool),
        )
        .await;
        let (database, migrations) = match applied {
            Ok(Ok(row)) => (
                true,
                Some(row.try_get::<i64, _>("v").is_ok_and(|v| v >= latest)),
            ),
            _ => (false, None),
        };
        Readiness {
            database,
            writer: self.writer.running(),
            writes: !self.writer.failing(),
            migrations,
        }
    }
}
