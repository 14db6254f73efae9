//! The schema's migrations (`server/migrations/`), compiled into the binary.
//!
//! Built from the embedded files here rather than by `sqlx::migrate!`: that macro made sqlx
//! build both database drivers (SQLite's C sources included) a second time, for the compiler,
//! in every fresh build. The migrations are the same: versions, descriptions and checksums as
//! sqlx derives them from the file names and contents (a test compares them with the folders).

use std::borrow::Cow;
use std::sync::LazyLock;

use sqlx::migrate::{Migration, MigrationType, Migrator};

/// `NNNN_description` of each file, in order.
macro_rules! embedded {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../migrations/", $dir, "/", $name, ".sql")))),*]
    };
}

const SQLITE_FILES: &[(&str, &str)] = embedded!("sqlite":
    "0001_init",
    "0002_receipts_proposals_statements",
    "0003_staff",
    "0004_comments",
    "0005_statement_publication",
    "0006_retention",
    "0007_changes",
    "0008_proofs",
    "0009_public_ids",
    "0010_token_expiry",
    "0011_tally_snapshots",
    "0012_responses_by_time",
    "0013_outcome",
);

const POSTGRES_FILES: &[(&str, &str)] = embedded!("postgres":
    "0006_schema",
    "0007_changes",
    "0008_proofs",
    "0009_public_ids",
    "0010_token_expiry",
    "0011_tally_snapshots",
    "0012_responses_by_time",
    "0013_outcome",
);

pub(super) static SQLITE: LazyLock<Migrator> = LazyLock::new(|| migrator(SQLITE_FILES));
pub(super) static POSTGRES: LazyLock<Migrator> = LazyLock::new(|| migrator(POSTGRES_FILES));

/// A migration as sqlx makes it of the file `name`.sql: the version before the first `_`,
/// the rest the description with spaces for `_`.
fn migration(name: &str, sql: &'static str) -> Migration {
    let (version, description) = name.split_once('_').expect("NNNN_description");
    Migration::new(
        version.parse().expect("a numbered migration"),
        Cow::Owned(description.replace('_', " ")),
        MigrationType::Simple,
        Cow::Borrowed(sql),
        sql.starts_with("-- no-transaction"),
    )
}

fn migrator(files: &[(&str, &'static str)]) -> Migrator {
    Migrator {
        migrations: files
            .iter()
            .map(|&(name, sql)| migration(name, sql))
            .collect::<Vec<_>>()
            .into(),
        ..Migrator::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The migrations sqlx reads from a folder, as `sqlx::migrate!` embedded them.
    async fn from_folder(dir: &str) -> Migrator {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        Migrator::new(path).await.unwrap()
    }

    #[tokio::test]
    async fn every_migration_file_is_embedded_as_sqlx_reads_it() {
        for (embedded, dir) in [
            (&*SQLITE, "migrations/sqlite"),
            (&*POSTGRES, "migrations/postgres"),
        ] {
            let read = from_folder(dir).await;
            let described = |m: &Migrator| {
                m.iter()
                    .map(|m| {
                        (
                            m.version,
                            m.description.to_string(),
                            m.checksum.to_vec(),
                            m.no_tx,
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(described(embedded), described(&read), "{dir}");
        }
    }
}
