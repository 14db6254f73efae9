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
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::Request;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use crate::error::AppError;

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
    /// Staff sign-in attempts a client may make per minute (after a burst of twice as many);
    /// 0 turns the limit off.
    #[arg(
        long = "sign-in-rate-limit",
        env = "MITREDEN_SIGN_IN_RATE_LIMIT",
        default_value_t = 10
    )]
    pub sign_in_per_minute: u32,
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
            sign_in_per_minute: 10,
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

/// The client's address as the limits see it: the peer, or behind a proxy the last
/// `X-Forwarded-For` entry; an IPv6 client by its /64 network.
pub(crate) fn client_address(
    headers: &axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
    behind_proxy: bool,
) -> Option<IpAddr> {
    let ip: IpAddr = if behind_proxy {
        // The last entry of the last line: the one the proxy added (a proxy may add a line
        // of its own rather than extend the client's).
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()?
            .to_str()
            .ok()?;
        forwarded.rsplit(',').next()?.trim().parse().ok()?
    } else {
        extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip())?
    };
    Some(match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(network.into())
        }
        v4 => v4,
    })
}

impl KeyExtractor for ClientKey {
    type Key = u64;

    fn extract<T>(&self, req: &Request<T>) -> Result<u64, GovernorError> {
        let ip = client_address(req.headers(), req.extensions(), self.behind_proxy)
            .ok_or(GovernorError::UnableToExtractKey)?;
        Ok(self.hasher.hash_one(ip))
    }
}

/// The calling client, for limits a handler keeps itself (signing in). Held only in memory.
pub struct Client(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for Client
where
    RateLimit: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let behind_proxy = RateLimit::from_ref(state).behind_proxy;
        client_address(&parts.headers, &parts.extensions, behind_proxy)
            .map(Client)
            .ok_or(AppError::NoClientAddress)
    }
}

/// Puts the participants' write limit in front of `routes`; with `per_minute == 0`, leaves
/// them as they are.
pub fn limit<S: Clone + Send + Sync + 'static>(routes: Router<S>, limits: RateLimit) -> Router<S> {
    limit_to(routes, limits.per_minute, limits.burst, limits.behind_proxy)
}

/// Puts the sign-in limit in front of `routes`.
pub fn limit_sign_in<S: Clone + Send + Sync + 'static>(
    routes: Router<S>,
    limits: RateLimit,
) -> Router<S> {
    let per_minute = limits.sign_in_per_minute;
    limit_to(routes, per_minute, per_minute * 2, limits.behind_proxy)
}

fn limit_to<S: Clone + Send + Sync + 'static>(
    routes: Router<S>,
    per_minute: u32,
    burst: u32,
    behind_proxy: bool,
) -> Router<S> {
    if per_minute == 0 {
        return routes;
    }
    let period = Duration::from_secs(60) / per_minute;
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientKey {
            hasher: Default::default(),
            behind_proxy,
        })
        .period(period)
        .burst_size(burst.max(1))
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
