//! Putting the server together: the router with its layers ([`app`]), the state opened from
//! the database ([`open_state`]) and the serve loop until shutdown ([`run`]).

use std::net::SocketAddr;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::counting::tally_saver;
use crate::error::AppError;
use crate::http::pages::{demo as demo_page, error_page, lookup as lookup_page, plain_form};
use crate::http::public_cache::PublicCache;
use crate::http::{api, pages, security, staff_api};
use crate::ops::serve::MAX_BODY;
use crate::ops::{health, logging, request_log, retention, serve};
use crate::state::AppState;
use crate::storage::{Db, StorageError};
use crate::telemetry;
use crate::{cli, seed, state, storage};

/// The whole HTTP surface of the server.
pub fn app(state: AppState) -> Router {
    // Over HTTPS, browsers are told to come back over HTTPS only (a year).
    let hsts = state.settings.https().then(|| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        )
    });
    Router::new()
        .nest(
            "/api/v1",
            api::routes(state.settings.rate_limit, &state.settings.cors_origins),
        )
        .nest("/api/v1/staff", staff_api::routes(&state))
        .merge(pages::routes(&state))
        .merge(plain_form::routes(&state, state.settings.rate_limit))
        .merge(lookup_page::routes(state.settings.rate_limit).layer(
            axum::middleware::from_fn_with_state(state.clone(), error_page::as_page),
        ))
        .merge(health::routes())
        // Inside the answers' layers: a handler that reads the caches has them.
        .layer(axum::Extension(std::sync::Arc::new(PublicCache::default())))
        .fallback(|| async { AppError::NotFound })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        .layer(axum::middleware::from_fn(staff_api::no_store_for_staff))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            state.settings.body_timeout,
            serve::read_body_in_time,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(security::PAGE_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(tower::util::option_layer(hsts))
        .layer(axum::middleware::from_fn(request_log::log_request))
        .with_state(state)
}

/// Opens the database, seeds the demo when it is empty, and loads the running tallies.
pub async fn open_state(config: &cli::ServeArgs) -> Result<AppState, StorageError> {
    let db = Db::open(&config.database).await?;
    seed::seed_if_empty(&db).await?;
    let settings = state::Settings {
        widget_dir: config.widget_dir.clone(),
        dashboard_dir: config.dashboard_dir.clone(),
        rate_limit: config.rate_limit,
        body_timeout: std::time::Duration::from_secs(config.limits.body_seconds),
        public_url: config.public_url.clone(),
        cors_origins: config.cors_origins.clone(),
        notices: config.notices.clone().unwrap_or_default(),
        metrics_from: config.metrics_from.clone(),
    };
    telemetry::install();
    let state = AppState::load(db, settings).await?;
    if config.save_tallies_every > 0 {
        let every = std::time::Duration::from_secs(config.save_tallies_every);
        tally_saver::spawn(state.counts.clone(), every);
    }
    Ok(state)
}

/// Serves until Ctrl-C or SIGTERM; then answers what is under way, commits what is queued
/// and saves the tallies (see [`serve::serve`]). The addresses to open are printed on stdout:
/// as lines for people, or with `log_format` JSON as one JSON object (a log collector reading
/// stdout and stderr together meets nothing but JSON).
pub async fn run(
    config: cli::ServeArgs,
    log_format: logging::LogFormat,
) -> Result<(), Box<dyn std::error::Error>> {
    let state = open_state(&config).await?;
    retention::spawn(state.clone());
    let listener = bind(config.addr).await?;
    let addr: SocketAddr = listener.local_addr()?;
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));

    let mut addresses = Vec::new();
    if let Some(demo_addr) = config.demo_page_addr {
        let demo = bind(demo_addr).await?;
        let page = demo_page::app(&public_url);
        addresses.push((
            "demo_page",
            "Demo ministry page",
            format!("http://{}/", demo.local_addr()?),
        ));
        tokio::spawn(async move { axum::serve(demo, page).await });
    }
    for (key, label, path) in [
        ("widget", "Widget (direct)", "/w/demo"),
        ("staff_dashboard", "Staff dashboard", "/staff/"),
        (
            "consultation_json",
            "Consultation JSON",
            "/api/v1/consultations/demo",
        ),
        ("results_page", "Results page", "/results/demo"),
        (
            "results_json",
            "Results JSON",
            "/api/v1/consultations/demo/results",
        ),
    ] {
        addresses.push((key, label, format!("{public_url}{path}")));
    }
    match log_format {
        logging::LogFormat::Text => {
            for (_, label, url) in &addresses {
                println!("{:<21}{url}", format!("{label}:"));
            }
        }
        logging::LogFormat::Json => {
            let object: serde_json::Map<String, serde_json::Value> = addresses
                .into_iter()
                .map(|(key, _, url)| (key.to_owned(), url.into()))
                .collect();
            println!("{}", serde_json::Value::Object(object));
        }
    }
    tracing::info!(
        %addr,
        database = %storage::without_password(&config.database),
        "mitreden is listening"
    );

    serve::serve(
        listener,
        app(state.clone()),
        config.limits,
        shutdown_signal(),
    )
    .await;
    // Whatever is still queued (its requests were cut off at the timeout) is committed too.
    let limit = std::time::Duration::from_secs(config.limits.shutdown_seconds);
    if tokio::time::timeout(limit, state.db.finish_writes())
        .await
        .is_err()
    {
        tracing::warn!("writes still queued at the shutdown timeout were not committed");
    }
    // The next start then counts nothing but what other processes store meanwhile.
    if let Err(e) = tally_saver::save_all(&state.counts).await {
        tracing::warn!(error = %e, "saving the tallies at shutdown failed");
    }
    tracing::info!("stopped");
    Ok(())
}

/// A listener on `addr`; the error names the address ("127.0.0.1:8080: address already in
/// use"), so an operator knows which setting to change.
async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, Box<dyn std::error::Error>> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}").into())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: answering what is under way, taking no new connections");
}
