use clap::Parser;
use mitreden_server::cli::{Cli, Command};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
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
