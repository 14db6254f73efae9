//! Where log lines go and how they look: to stderr (stdout carries what commands print), as
//! text for people or as one JSON object per line for log collectors, at the levels the
//! operator asks for.

use tracing_subscriber::EnvFilter;

/// How log lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line: every field a key, the request id under `span`.
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

/// A bare word in a filter is a level, or the filter would quietly log nothing but that
/// target's lines (`--log inof` is a typo, not a target).
fn check_levels(directives: &str) -> Result<(), String> {
    for directive in directives
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        let bare = !directive.contains('=') && !directive.contains('[');
        let level = ["off", "error", "warn", "info", "debug", "trace"]
            .contains(&directive.to_ascii_lowercase().as_str());
        if bare && !level {
            return Err(format!(
                "'{directive}' is not a level (off, error, warn, info, debug, trace); \
                 a target needs one: {directive}=info"
            ));
        }
    }
    Ok(())
}

/// PostgreSQL's notices ("already exists, skipping") are not worth a line.
const DEFAULT: &str = "info,sqlx::postgres::notice=warn";

/// Starts logging as `args` say.
pub fn init(args: &LogArgs) -> Result<(), String> {
    let (directives, source) = match (&args.log, std::env::var("RUST_LOG")) {
        (Some(directives), _) => (directives.clone(), "--log"),
        (None, Ok(directives)) if !directives.is_empty() => (directives, "RUST_LOG"),
        _ => (DEFAULT.to_owned(), "default"),
    };
    check_levels(&directives).map_err(|e| format!("{source} {directives}: {e}"))?;
    let filter =
        EnvFilter::try_new(&directives).map_err(|e| format!("{source} {directives}: {e}"))?;
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, never into the journal or a file.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
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

#[cfg(test)]
mod tests {
    use super::check_levels;

    #[test]
    fn a_mistyped_level_is_refused_rather_than_logging_nothing() {
        assert!(check_levels("info").is_ok());
        assert!(check_levels("warn,sqlx=error,mitreden::request=info").is_ok());
        assert!(check_levels("inof").is_err());
        assert!(check_levels("info,nonsense").is_err());
    }
}
