//! What stands between an outsider and the server's work: who a staff caller is, how often a
//! client may write, slowed sign-ins, proof of work, where staff requests come from, and the
//! receipts that prove a participant's ownership.

pub mod auth;
pub mod network;
pub mod proof;
pub mod rate_limit;
pub mod receipt;
pub mod same_origin;
pub mod throttle;
