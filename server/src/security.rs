//! Security headers. Every response: `X-Content-Type-Options: nosniff` and
//! `Referrer-Policy: no-referrer`. Every HTML page: a Content-Security-Policy that allows only
//! this server's own scripts (inline ones by hash), styles and connections:
//! - the widget page may be framed by the consultation's allowed origins (and this server, for
//!   the dashboard's preview); with none set, by any page;
//! - the dashboard and the server's other pages may not be framed at all.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-…'` sources for the contents of every inline `<script>` in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let Some(close) = body_and_more.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body_and_more.as_bytes()[..close]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
        rest = &body_and_more[close..];
    }
    hashes
}

/// The policy of an app page (widget or dashboard) built by trunk.
pub fn app_policy(html: &str, frame_ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors {frame_ancestors}",
        inline_script_hashes(html).join(" ")
    )
}

/// The policy of the server's plain pages (results, privacy notice, start page): no scripts.
pub const PAGE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
                               base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// `frame-ancestors` for the widget page of a consultation with these allowed origins.
pub fn widget_ancestors(allowed_origins: &[String]) -> String {
    if allowed_origins.is_empty() {
        "*".to_owned()
    } else {
        let origins: Vec<&str> = allowed_origins
            .iter()
            .map(String::as_str)
            .filter(|o| {
                (o.starts_with("https://") || o.starts_with("http://"))
                    && !o.contains([' ', ';', ',', '\'', '"'])
            })
            .collect();
        format!("'self' {}", origins.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_skipped() {
        let html = r#"<script type="module">init()</script><script src="/a.js"></script><script>x</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // echo -n 'x' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hashes[1],
            "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='"
        );
    }

    #[test]
    fn the_widget_may_be_framed_only_by_allowed_origins() {
        assert_eq!(widget_ancestors(&[]), "*");
        assert_eq!(
            widget_ancestors(&["https://bmds.example".into(), "javascript:x".into()]),
            "'self' https://bmds.example"
        );
    }
}
