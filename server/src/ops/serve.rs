//! Serving connections within limits, so that clients who open connections and then send
//! nothing, or drip their headers or their body, cannot hold the server's connections:
//!
//! - `--header-timeout`: a connection must bring a request's complete headers within this
//!   time: after it opens, and on a kept-alive connection after the previous answer (so this is
//!   also how long an idle connection stays open). Otherwise it is closed.
//! - `--body-timeout`: the whole request body must arrive within this time, or the answer is
//!   `408 request_timeout` and the connection is closed.
//! - `--max-connections`: at most this many connections are open; further ones wait in the
//!   operating system's queue until one closes.
//!
//! Only HTTP/1.1 is spoken (a reverse proxy in front speaks HTTP/2 to browsers): HTTP/2 over
//! plain TCP is not needed, and its connections would have no header timeout.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::CONNECTION;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::error::AppError;

/// Largest request body accepted.
pub const MAX_BODY: usize = 64 * 1024;

/// How long clients may take, and how many connections may be open.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ConnectionLimits {
    /// Seconds a connection may take to send a request's headers (also how long an idle
    /// kept-alive connection stays open).
    #[arg(
        long = "header-timeout",
        env = "MITREDEN_HEADER_TIMEOUT",
        default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub header_seconds: u64,
    /// Seconds a client may take to send a request's whole body.
    #[arg(
        long = "body-timeout",
        env = "MITREDEN_BODY_TIMEOUT",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub body_seconds: u64,
    /// Connections open at once; more wait until one closes.
    #[arg(
        long = "max-connections",
        env = "MITREDEN_MAX_CONNECTIONS",
        default_value_t = 1024,
        value_parser = clap::value_parser!(u64).range(1..=1_000_000)
    )]
    pub max_connections: u64,
    /// Seconds a shutdown (SIGTERM, Ctrl-C) waits for the answers under way and the writes
    /// queued; what is still open then is cut off.
    #[arg(
        long = "shutdown-timeout",
        env = "MITREDEN_SHUTDOWN_TIMEOUT",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub shutdown_seconds: u64,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_seconds: 10,
            body_seconds: 30,
            max_connections: 1024,
            shutdown_seconds: 30,
        }
    }
}

/// Serves `app` on `listener` within `limits` until `shutdown` completes; then stops accepting
/// and waits for the connections' answers already under way, for at most the shutdown
/// timeout. Connections that are idle, or still sending a request's headers, are closed at
/// once.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let open = Arc::new(Semaphore::new(limits.max_connections as usize));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    // hyper's own HTTP/1 (not the protocol-detecting one, which would wait for a first byte
    // without any timeout).
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(limits.header_seconds));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment, keep serving.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Answers go out at once, not held back to be sent with the next small write.
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY could not be set");
        }
        // The peer address is for rate limiting only; it is never stored.
        let service = app.clone().map_request(move |mut request: Request<_>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        });
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Closed by the client, timed out or cut: nothing to answer any more.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    let limit = Duration::from_secs(limits.shutdown_seconds);
    if tokio::time::timeout(limit, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            seconds = limits.shutdown_seconds,
            "requests still under way at the shutdown timeout were cut off"
        );
    }
}

/// Reads the whole request body within `limit` (and at most [`MAX_BODY`] bytes)
/// before the handler sees it: a client that drips its body gets `408` and loses the
/// connection.
pub async fn read_body_in_time(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let read = http_body_util::BodyExt::collect(http_body_util::Limited::new(body, MAX_BODY));
    let bytes = match tokio::time::timeout(limit, read).await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return AppError::PayloadTooLarge.into_response()
        }
        // The client went away or sent something that is not HTTP: nobody to answer.
        Ok(Err(_)) => {
            return AppError::InvalidJson("the request body broke off".into()).into_response()
        }
        Err(_) => {
            let mut refused = AppError::RequestTimeout.into_response();
            refused
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            return refused;
        }
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
