//! Rate limiting of participants' writes per client, without keeping who the client is.
//!
//! A client is its IP address (an IPv6 client by its /64 network, which one household gets),
//! reduced in memory to a 64-bit keyed hash whose key is made at random when the server starts.
//! Neither the address nor the hash is written anywhere; the limiter forgets clients that have
//! been quiet for a while. Every client gets a bucket of `burst` requests that refills at
//! `per_minute`, so a school class behind one address can all hand in at once.
//!
//! Behind a reverse proxy every request comes from the proxy's address: then
//! `--behind-proxy` takes the client address from the last `X-Forwarded-For` entry, the one
//! the proxy itself added. Without it, that header is ignored, because anybody can send it.

use std::hash::BuildHasher;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use crate::error::AppError;
use crate::state::AppState;

/// The limits, from the command line.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct RateLimit {
    /// Writes (submissions, withdrawals, receipt look-ups) a client may make per minute once
    /// its burst is used up; 0 turns the limit off.
    #[arg(long = "rate-limit", env = "MITREDEN_RATE_LIMIT", default_value_t = 60)]
    pub per_minute: u32,
    /// Writes a client may make at once.
    #[arg(
        long = "rate-burst",
        env = "MITREDEN_RATE_BURST",
        default_value_t = 120
    )]
    pub burst: u32,
    /// Take the client address from the last X-Forwarded-For entry (only behind a proxy that
    /// sets it).
    #[arg(long, env = "MITREDEN_BEHIND_PROXY")]
    pub behind_proxy: bool,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self {
            per_minute: 60,
            burst: 120,
            behind_proxy: false,
        }
    }
}

/// A client, as the limiter knows it: a keyed hash of its address.
#[derive(Clone)]
struct ClientKey {
    hasher: std::collections::hash_map::RandomState,
    behind_proxy: bool,
}

impl ClientKey {
    fn address<T>(&self, req: &Request<T>) -> Option<IpAddr> {
        if self.behind_proxy {
            let forwarded = req.headers().get("x-forwarded-for")?.to_str().ok()?;
            return forwarded.rsplit(',').next()?.trim().parse().ok();
        }
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip())
    }
}

impl KeyExtractor for ClientKey {
    type Key = u64;

    fn extract<T>(&self, req: &Request<T>) -> Result<u64, GovernorError> {
        let ip = self.address(req).ok_or(GovernorError::UnableToExtractKey)?;
        Ok(match ip.to_canonical() {
            IpAddr::V4(v4) => self.hasher.hash_one(v4.octets()),
            IpAddr::V6(v6) => self.hasher.hash_one(&v6.octets()[..8]),
        })
    }
}

/// Puts the limit in front of `routes`; with `per_minute == 0`, leaves them as they are.
pub fn limit(routes: Router<AppState>, limits: RateLimit) -> Router<AppState> {
    if limits.per_minute == 0 {
        return routes;
    }
    let period = Duration::from_secs(60) / limits.per_minute;
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientKey {
            hasher: Default::default(),
            behind_proxy: limits.behind_proxy,
        })
        .period(period)
        .burst_size(limits.burst.max(1))
        .finish()
        .expect("period and burst are not zero");
    let config = Arc::new(config);
    let limiter = Arc::clone(config.limiter());
    // Forget clients whose bucket is full again, so memory stays bounded.
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            limiter.retain_recent();
        }
    });
    routes.layer(GovernorLayer::new(config).error_handler(refusal))
}

fn refusal(error: GovernorError) -> Response<Body> {
    match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            AppError::RateLimited(wait_time.max(1)).into_response()
        }
        GovernorError::UnableToExtractKey => AppError::NoClientAddress.into_response(),
        GovernorError::Other { code, .. } => code.into_response(),
    }
}
