//! The command line: `mitreden-server serve …`.

pub mod staff;

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "mitreden-server",
    version,
    about = "The mitreden consultation server"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub log: crate::ops::logging::LogArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the JSON API, the widget and its embed script.
    Serve(Box<ServeArgs>),
    /// Write the man pages (roff) of mitreden-server and of every command into DIR, one file
    /// per page (mitreden-server-staff-add.1, …), for packaging.
    #[command(hide = true)]
    Manual {
        /// The folder the pages go to; it must exist.
        dir: PathBuf,
    },
    /// Manage staff accounts and their API tokens.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
        /// The database: a SQLite file (a path or sqlite://path) or postgres://user@host/db.
        #[arg(
            long,
            env = "MITREDEN_DATABASE",
            default_value = "data/mitreden.db",
            global = true
        )]
        database: String,
    },
    /// Copy a running server's SQLite database to FILE, consistently, without stopping it.
    /// (For PostgreSQL use pg_dump.)
    Backup {
        /// Where the copy goes; must not exist yet.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        /// The database: a SQLite file (a path or sqlite://path).
        #[arg(long, env = "MITREDEN_DATABASE", default_value = "data/mitreden.db")]
        database: String,
    },
    /// Check a backup and put it in place as the database. The server must be stopped.
    /// (For PostgreSQL use pg_restore.)
    Restore {
        /// The backup to restore.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// The database to restore to: a SQLite file (a path or sqlite://path).
        #[arg(long, env = "MITREDEN_DATABASE", default_value = "data/mitreden.db")]
        database: String,
        /// Replace a database that is there already (kept beside it as
        /// DATABASE.before-restore-SECONDS).
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff member. The password is asked for on a terminal; otherwise one is generated
    /// and printed once.
    Add {
        /// Sign-in name (letters, digits, '.', '-', '_', '@').
        name: String,
        /// What the member may do.
        #[arg(long, value_enum)]
        role: crate::staff::Role,
    },
    /// List staff members and their roles.
    List,
    /// Remove a staff member, with their sessions and tokens.
    Remove { name: String },
    /// Create an API token (printed once) for a staff member: `Authorization: Bearer TOKEN`.
    Token {
        name: String,
        /// Days until the token expires.
        #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
    },
    /// List API tokens: their ids, members and expiry ("EXPIRED" once past it); never the
    /// secrets.
    Tokens {
        /// Only this member's tokens.
        name: Option<String>,
    },
    /// Revoke an API token by its id (from `staff tokens`).
    Revoke { id: String },
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "MITREDEN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// The database: a SQLite file (a path or sqlite://path), created if it does not exist,
    /// or a PostgreSQL database (postgres://user:password@host/db). Seeded with the demo
    /// consultation when empty.
    #[arg(long, env = "MITREDEN_DATABASE", default_value = "data/mitreden.db")]
    pub database: String,

    /// Folder with the built widget: a directory per build, and `current` naming the one to
    /// serve.
    #[arg(long, env = "MITREDEN_WIDGET_DIR", default_value = "dist")]
    pub widget_dir: PathBuf,

    /// Folder with the built staff dashboard (its index.html and a directory per build),
    /// served under /staff/.
    #[arg(long, env = "MITREDEN_DASHBOARD_DIR", default_value = "dashboard/dist")]
    pub dashboard_dir: PathBuf,

    /// The address browsers reach this server at, if not http://ADDR (e.g. behind a proxy).
    #[arg(long, env = "MITREDEN_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// The public body's facts for the privacy notice and the accessibility statement: a JSON
    /// file with the fields the README lists under "What a public body must publish" (the
    /// package installs an example as /usr/share/doc/mitreden/notices.example.json). Without
    /// it, those pages say the operator has not given them yet.
    #[arg(long, env = "MITREDEN_NOTICES", value_parser = notices_file)]
    pub notices: Option<std::sync::Arc<mitreden_core::notices::Notices>>,

    /// Also serve a demo ministry page that embeds the widget, on this second address (a
    /// different origin, to show cross-origin embedding).
    #[arg(long, env = "MITREDEN_DEMO_PAGE_ADDR")]
    pub demo_page_addr: Option<SocketAddr>,

    /// How often, in seconds, the running tallies are saved to the database, so that a
    /// restart counts only the responses that came after instead of every one (at most 600;
    /// 0 saves them only at shutdown).
    #[arg(
        long,
        env = "MITREDEN_SAVE_TALLIES_EVERY",
        default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(0..=600)
    )]
    pub save_tallies_every: u64,

    #[command(flatten)]
    pub rate_limit: crate::guard::rate_limit::RateLimit,
    #[command(flatten)]
    pub limits: crate::ops::serve::ConnectionLimits,

    /// Origins (https://portal.example) whose pages may call the public JSON API from their
    /// own scripts (CORS): the widget's page of its own on a static host (dist/index.html), or
    /// a portal's own client. None by default: the embedded widget needs no CORS, it runs on
    /// this server's origin. Repeat the flag, or separate origins with commas.
    #[arg(
        long = "cors-origin",
        env = "MITREDEN_CORS_ORIGINS",
        value_delimiter = ',',
        value_parser = origin
    )]
    pub cors_origins: Vec<String>,

    /// Addresses or networks (10.0.0.5, 10.0.0.0/8, fd00::/8) that may read /metrics without
    /// a staff token, such as the Prometheus server's. Repeat the flag, or separate them with
    /// commas. Behind a proxy (--behind-proxy) the forwarded client address counts.
    #[arg(
        long = "metrics-from",
        env = "MITREDEN_METRICS_FROM",
        value_delimiter = ','
    )]
    pub metrics_from: Vec<crate::guard::network::Network>,
}

/// The man page of `mitreden-server`, or of its `command` (`mitreden-server-serve(1)`), from
/// the same definitions as `--help`.
pub fn manual(dir: &std::path::Path) -> Result<String, Box<dyn std::error::Error>> {
    use clap::CommandFactory;
    let mut pages = Vec::new();
    collect_pages(Cli::command(), "mitreden-server", &mut pages);
    for (name, page) in &pages {
        let mut roff = Vec::new();
        clap_mangen::Man::new(page.clone()).render(&mut roff)?;
        std::fs::write(dir.join(format!("{name}.1")), roff)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(format!(
        "{} man pages written to {}",
        pages.len(),
        dir.display()
    ))
}

/// `command` as the page `name`, and each of its visible subcommands as `name-sub`, down to
/// the last level (`mitreden-server-staff-add`).
fn collect_pages(command: clap::Command, name: &str, pages: &mut Vec<(String, clap::Command)>) {
    for sub in command.get_subcommands() {
        if !sub.is_hide_set() && sub.get_name() != "help" {
            let sub_name = format!("{name}-{}", sub.get_name());
            collect_pages(sub.clone().name(sub_name.clone()), &sub_name, pages);
        }
    }
    pages.push((name.to_owned(), command.name(name.to_owned())));
}

/// A notices file, read and checked.
pub fn notices_file(path: &str) -> Result<std::sync::Arc<mitreden_core::notices::Notices>, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let notices: mitreden_core::notices::Notices =
        serde_json::from_str(&json).map_err(|e| format!("{path}: {e}"))?;
    notices.validate().map_err(|e| format!("{path}: {e}"))?;
    Ok(std::sync::Arc::new(notices))
}

/// An origin as browsers send it: `https://host` or `http://host:port`, no path; a trailing
/// slash is dropped (the rule is [`mitreden_core::origin`]'s).
pub fn origin(value: &str) -> Result<String, String> {
    mitreden_core::origin::parse_origin(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::origin;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        assert_eq!(
            origin("https://portal.example/").unwrap(),
            "https://portal.example"
        );
        assert_eq!(
            origin("http://127.0.0.1:8081").unwrap(),
            "http://127.0.0.1:8081"
        );
        assert!(origin("portal.example").is_err());
        assert!(origin("https://portal.example/path").is_err());
        assert!(origin("https://").is_err());
    }
}
