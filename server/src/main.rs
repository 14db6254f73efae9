use clap::Parser;
use mitreden_server::cli::{Cli, Command};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // The log goes to stderr: stdout carries what commands print (URLs, staff lists, tokens).
    // PostgreSQL's notices ("already exists, skipping") are not worth a line.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx::postgres::notice=warn")),
        )
        .init();
    let Cli { command } = Cli::parse();
    let result = match command {
        Command::Serve(args) => mitreden_server::run(args).await,
        Command::Staff { command, database } => mitreden_server::staff_cli::run(&database, command)
            .await
            .map(|out| println!("{out}")),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mitreden-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
