//! Where log lines go and how they look: to stderr (stdout carries what commands print), as
//! text for people or as one JSON object per line for log collectors, at the levels the
//! operator asks for.

use tracing_subscriber::EnvFilter;

/// How log lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line, with the request id and every field as keys.
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct LogArgs {
    /// How log lines look: `text` for people, `json` for log collectors.
    #[arg(
        long,
        env = "MITREDEN_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Text,
        global = true
    )]
    pub log_format: LogFormat,

    /// Which lines are logged: `error`, `warn`, `info`, `debug` or `trace`, or a filter in
    /// RUST_LOG's syntax (`info,sqlx=warn`). Without it, RUST_LOG; without that, `info`.
    #[arg(long, env = "MITREDEN_LOG", global = true)]
    pub log: Option<String>,
}

/// PostgreSQL's notices ("already exists, skipping") are not worth a line.
const DEFAULT: &str = "info,sqlx::postgres::notice=warn";

/// Starts logging as `args` say.
pub fn init(args: &LogArgs) -> Result<(), String> {
    let filter = match &args.log {
        Some(directives) => {
            EnvFilter::try_new(directives).map_err(|e| format!("--log {directives}: {e}"))?
        }
        None => EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT)),
    };
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter);
    match args.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
    Ok(())
}
