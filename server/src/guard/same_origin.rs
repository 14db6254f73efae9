//! Staff requests that change something must come from the server's own pages.
//!
//! The session cookie is `SameSite=Strict`, but "site" is wider than "origin": a page on
//! another port or another subdomain of the same site is same-site, so the browser sends the
//! cookie along. So every state-changing staff request is checked against the server's own
//! origin (`--public-url`, or else the `Host` the browser addressed): a browser says where a
//! request comes from in `Sec-Fetch-Site` (every current browser) and `Origin` (every
//! `POST`, `PUT`, `DELETE`); pages cannot forge either. A request with a session cookie that
//! carries neither is refused too. API clients with a bearer token have no cookie to abuse and
//! are not checked.

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, COOKIE, HOST, ORIGIN};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// The server's address as browsers reach it (`--public-url`), if configured: what
/// [`check`] takes as its state.
#[derive(Clone)]
pub struct PublicUrl(pub Option<std::sync::Arc<str>>);

/// Refuses state-changing requests from other origins with `403 cross_origin`.
pub async fn check(
    State(PublicUrl(public_url)): State<PublicUrl>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !allowed(request.headers(), public_url.as_deref()) {
        return AppError::CrossOrigin.into_response();
    }
    next.run(request).await
}

fn allowed(headers: &HeaderMap, public_url: Option<&str>) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        // `none`: typed into the address bar or a bookmark, which cannot send a body.
        return site == "same-origin";
    }
    if let Some(origin) = header(ORIGIN.as_str()) {
        return own_origin(headers, public_url).is_some_and(|own| own == origin);
    }
    let bearer = header(AUTHORIZATION.as_str()).is_some_and(|a| a.starts_with("Bearer "));
    bearer || headers.get(COOKIE).is_none()
}

/// This server's origin: the public URL's, or `http://` and the `Host` it was reached at.
fn own_origin(headers: &HeaderMap, public_url: Option<&str>) -> Option<String> {
    match public_url {
        // Scheme and host of the public URL; a path (a server under a prefix) does not count.
        Some(url) => {
            let (scheme, rest) = url.split_once("://")?;
            let host = rest.split('/').next()?;
            mitreden_core::origin::parse_origin(&format!("{scheme}://{host}")).ok()
        }
        None => {
            let host = headers.get(HOST)?.to_str().ok()?;
            Some(format!("http://{host}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn a_sibling_port_or_subdomain_is_refused_and_the_own_origin_passes() {
        let own = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert!(allowed(&own, None));
        let sibling = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:9999"),
        ]);
        assert!(!allowed(&sibling, None));
        let public = Some("https://beteiligung.example.de/");
        let proxied = headers(&[
            ("host", "10.0.0.5"),
            ("origin", "https://beteiligung.example.de"),
        ]);
        assert!(allowed(&proxied, public));
        let sub = headers(&[("origin", "https://blog.example.de")]);
        assert!(!allowed(&sub, public));
        assert!(!allowed(&headers(&[("sec-fetch-site", "same-site")]), None));
        assert!(allowed(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
    }

    #[test]
    fn a_cookie_without_any_origin_is_refused_and_a_bearer_token_is_not() {
        assert!(!allowed(&headers(&[("cookie", "mitreden_staff=x")]), None));
        assert!(allowed(&headers(&[("authorization", "Bearer t")]), None));
        assert!(allowed(&HeaderMap::new(), None));
    }
}
