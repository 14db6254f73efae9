use clap::Parser;
use mitreden_server::cli::{Cli, Command};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let Cli { command, log } = Cli::parse();
    if let Err(e) = mitreden_server::ops::logging::init(&log) {
        eprintln!("mitreden-server: {e}");
        return std::process::ExitCode::FAILURE;
    }
    let result = match command {
        Command::Serve(args) => mitreden_server::run(*args, log.log_format).await,
        Command::Staff { command, database } => {
            mitreden_server::cli::staff::run(&database, command)
                .await
                .map(|out| println!("{out}"))
        }
        Command::Manual { dir } => mitreden_server::cli::manual(&dir).map(|out| println!("{out}")),
        Command::Backup { to, database } => mitreden_server::ops::backup::backup(&database, &to)
            .await
            .map(|out| println!("{out}")),
        Command::Restore {
            from,
            database,
            replace,
        } => mitreden_server::ops::backup::restore(&from, &database, replace)
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
