//! Running the server: the serve loop and its limits, health and metrics, logs, backups and
//! the removal of personal data when it is due.

pub mod backup;
pub mod health;
pub mod logging;
pub mod metrics;
pub mod request_log;
pub mod retention;
pub mod serve;
