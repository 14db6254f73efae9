//! `mitreden-server backup` and `restore` for a SQLite database.
//!
//! A backup is taken from the running server's file with `VACUUM INTO`: one read transaction
//! copies a consistent state (everything committed when it began) while the server goes on
//! taking submissions, since in WAL mode readers never block the writer. The copy is written
//! beside its destination under another name, synced and renamed, so a backup that exists is
//! complete.
//!
//! A restore checks a copy (SQLite's `integrity_check`, a mitreden schema no newer than this
//! release's) and puts it in place of a database no server is using; the file it replaces is
//! kept beside it. PostgreSQL has its own tools (`pg_dump`, `pg_restore`; see the README).

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions, Connection, Row};

use crate::storage::{Backend, Db};

type Error = Box<dyn std::error::Error>;

/// Copies the database at `database` (a running server's or not) to `to`, which must not
/// exist yet. Returns what to tell the operator.
pub async fn backup(database: &str, to: &Path) -> Result<String, Error> {
    let path = sqlite_path(database, "pg_dump")?;
    if !path.exists() {
        return Err(format!("there is no database at {}", path.display()).into());
    }
    if to.exists() {
        return Err(format!(
            "{} exists already; choose a new name (a backup never overwrites another)",
            to.display()
        )
        .into());
    }
    let partial = with_suffix(to, ".partial");
    let _ = fs::remove_file(&partial);
    let mut conn = open(&path, true).await?;
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(partial.display().to_string())
        .execute(&mut conn)
        .await;
    conn.close().await?;
    if let Err(e) = copied {
        let _ = fs::remove_file(&partial);
        return Err(format!("the copy failed: {e}").into());
    }
    owner_only(&partial)?;
    fs::File::open(&partial)?.sync_all()?;
    fs::rename(&partial, to)?;
    sync_folder(to)?;
    let summary = check(to).await?;
    Ok(format!(
        "Backed up {} to {} ({summary}).",
        path.display(),
        to.display()
    ))
}

/// Checks the copy at `from` and puts it in place of the database at `database`. A database
/// there already is replaced only with `replace`, only if no server is using it, and is kept
/// as `DATABASE.before-restore-SECONDS`.
pub async fn restore(from: &Path, database: &str, replace: bool) -> Result<String, Error> {
    let target = sqlite_path(database, "pg_restore")?;
    if !from.is_file() {
        return Err(format!("there is no backup at {}", from.display()).into());
    }
    let summary = check(from).await?;
    let mut kept = None;
    if target.exists() {
        if !replace {
            return Err(format!(
                "{} exists; stop the server and pass --replace to put the copy in its place \
                 (the current file is kept beside it)",
                target.display()
            )
            .into());
        }
        settle_unused(&target).await?;
        let aside = with_suffix(
            &target,
            &format!(".before-restore-{}", crate::storage::now()),
        );
        fs::rename(&target, &aside)?;
        kept = Some(aside);
    } else if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    // Write-ahead files of an earlier database must never meet the restored one.
    for leftover in ["-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(&target, leftover));
    }
    let restoring = with_suffix(&target, ".restoring");
    fs::copy(from, &restoring)?;
    owner_only(&restoring)?;
    fs::File::open(&restoring)?.sync_all()?;
    fs::rename(&restoring, &target)?;
    sync_folder(&target)?;
    let mut said = format!(
        "Restored {} to {} ({summary}).",
        from.display(),
        target.display()
    );
    if let Some(kept) = kept {
        said.push_str(&format!(" The database it replaced is {}.", kept.display()));
    }
    said.push_str(" Start the server on it; it brings the schema up to date.");
    Ok(said)
}

/// Checks that `file` is a sound SQLite file holding a mitreden database this release can
/// open; says how many responses it holds.
pub async fn check(file: &Path) -> Result<String, Error> {
    let mut conn = open(file, true).await?;
    let problems: Vec<String> = sqlx::query("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .map_err(|e| format!("{} is not a SQLite database: {e}", file.display()))?
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect();
    if problems != ["ok"] {
        return Err(format!("{} is damaged: {}", file.display(), problems.join("; ")).into());
    }
    let schema: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut conn)
            .await
            .map_err(|_| format!("{} is not a mitreden database", file.display()))?;
    let newest = Db::latest_migration(Backend::Sqlite);
    if schema.unwrap_or(0) > newest {
        return Err(format!(
            "{} comes from a newer release of mitreden (schema {}, this one knows {newest}); \
             restore it with that release or a newer one",
            file.display(),
            schema.unwrap_or(0)
        )
        .into());
    }
    let responses: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await?;
    Ok(format!("integrity ok, {responses} responses"))
}

/// Makes sure no process has `target` open, by leaving WAL mode, which SQLite allows only to
/// the one connection to a file; this also moves everything in the write-ahead log into the
/// file itself, so the file kept aside stands on its own.
async fn settle_unused(target: &Path) -> Result<(), Error> {
    let mut conn = open(target, false).await?;
    let mode: Result<String, _> = sqlx::query_scalar("PRAGMA journal_mode = DELETE")
        .fetch_one(&mut conn)
        .await;
    conn.close().await?;
    match mode {
        Ok(mode) if mode == "delete" => Ok(()),
        _ => Err(format!(
            "{} is in use (a server is running on it?); stop it first",
            target.display()
        )
        .into()),
    }
}

async fn open(file: &Path, read_only: bool) -> Result<SqliteConnection, Error> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", file.display()))?
        .read_only(read_only)
        .busy_timeout(Duration::from_secs(if read_only { 10 } else { 0 }))
        .disable_statement_logging();
    Ok(options.connect().await?)
}

/// The file behind a SQLite `--database`; for PostgreSQL, points to `tool`.
fn sqlite_path(database: &str, tool: &str) -> Result<PathBuf, Error> {
    if Backend::of(database) == Backend::Postgres {
        return Err(format!(
            "this database is PostgreSQL: use {tool} (see the README's \"Backup and restore\")"
        )
        .into());
    }
    Ok(PathBuf::from(
        database.strip_prefix("sqlite://").unwrap_or(database),
    ))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A copy holds comments and contact emails: readable by its owner only, whatever the umask.
fn owner_only(file: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(file, fs::Permissions::from_mode(0o600))
}

/// Syncs the folder holding `file`, so that its new name survives a crash.
fn sync_folder(file: &Path) -> std::io::Result<()> {
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::File::open(folder)?.sync_all()
}
