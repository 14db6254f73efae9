//! `mitreden-server staff …`: staff accounts on the command line.

use std::io::IsTerminal;

use crate::cli::StaffCommand;
use crate::staff::{hash_password, secret, secret_hash, valid_name};
use crate::storage::Db;

/// Runs a staff command; returns what to print.
pub async fn run(
    database: &str,
    command: StaffCommand,
) -> Result<String, Box<dyn std::error::Error>> {
    let db = Db::open(database).await?;
    match command {
        StaffCommand::Add { name, role } => {
            if !valid_name(&name) {
                return Err("a name has 1–64 letters, digits, '.', '-', '_' or '@'".into());
            }
            let (password, generated) = if std::io::stdin().is_terminal() {
                let first = rpassword::prompt_password("Password (at least 12 characters): ")?;
                let again = rpassword::prompt_password("Password again: ")?;
                if first != again {
                    return Err("the passwords differ".into());
                }
                if first.chars().count() < 12 || first.len() > 1024 {
                    return Err("a password needs 12 to 1,024 characters".into());
                }
                (first, false)
            } else {
                (secret(12), true)
            };
            if !db.add_staff(&name, role, &hash_password(&password)).await? {
                return Err(format!("there is already a staff member '{name}'").into());
            }
            Ok(if generated {
                format!(
                    "Added {name} ({}). Password (shown only now): {password}",
                    role.as_str()
                )
            } else {
                format!("Added {name} ({}).", role.as_str())
            })
        }
        StaffCommand::List => Ok(db
            .staff()
            .await?
            .iter()
            .map(|m| format!("{}\t{}", m.name, m.role.as_str()))
            .collect::<Vec<_>>()
            .join("\n")),
        StaffCommand::Remove { name } => {
            if db.remove_staff(&name).await? {
                Ok(format!("Removed {name}."))
            } else {
                Err(format!("there is no staff member '{name}'").into())
            }
        }
        StaffCommand::Token { name, days } => {
            let token = secret(32);
            match db.add_token(&name, &secret_hash(&token), days).await? {
                Some(id) => {
                    let unit = if days == 1 { "day" } else { "days" };
                    Ok(format!(
                        "API token {id} for {name}, valid {days} {unit} (shown only now): {token}"
                    ))
                }
                None => Err(format!("there is no staff member '{name}'").into()),
            }
        }
        StaffCommand::Tokens { name } => {
            if let Some(name) = &name {
                if !db.staff().await?.iter().any(|m| &m.name == name) {
                    return Err(format!("there is no staff member '{name}'").into());
                }
            }
            let tokens = db.tokens(name.as_deref()).await?;
            if tokens.is_empty() {
                return Ok(match name {
                    Some(name) => format!("{name} has no API tokens."),
                    None => "There are no API tokens.".to_owned(),
                });
            }
            let now = crate::storage::now();
            Ok(tokens
                .iter()
                .map(|t| {
                    let expires = match t.expires_at {
                        None => "expires never".to_owned(),
                        Some(at) if at <= now => {
                            format!("EXPIRED {}", mitreden_core::outcome::Timestamp(at))
                        }
                        Some(at) => {
                            format!("expires {}", mitreden_core::outcome::Timestamp(at))
                        }
                    };
                    format!("{}\t{}\t{expires}", t.id, t.member)
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        StaffCommand::Revoke { id } => {
            if db.revoke_token(&id, None).await? {
                Ok(format!("Revoked token {id}."))
            } else {
                Err(format!("there is no token '{id}'").into())
            }
        }
    }
}
