//! The mitreden server: a JSON API over a consultation store, plus the widget and its embed
//! loader. [`app`] builds the router; [`run`] opens storage and serves it.
//!
//! The rooms, from the bottom up (a room imports only rooms below it):
//! - [`staff`]: staff members, roles and secrets;
//! - [`telemetry`]: what is counted and timed for `/metrics`;
//! - [`storage`]: the database (SQLite or PostgreSQL), its writer and change log;
//! - [`counting`]: the running tallies in memory, kept in step with the change log;
//! - [`error`]: what goes wrong, as the API answers it;
//! - [`guard`]: sign-in, rate limits, proof of work, origin checks, receipts;
//! - [`state`]: what every request shares;
//! - [`ops`]: the serve loop, health, metrics, logs, backups, retention;
//! - [`http`]: the APIs and pages;
//! - [`cli`]: the command line; [`seed`]: the demo consultation;
//! - [`startup`]: the router and the serve loop put together.

pub mod cli;
pub mod counting;
pub mod error;
pub mod guard;
pub mod http;
pub mod ops;
pub mod seed;
pub mod staff;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;

pub use crate::startup::app;
pub use crate::startup::open_state;
pub use crate::startup::run;
pub use crate::state::AppState;
