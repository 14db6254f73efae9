//! Security headers. Every response: `X-Content-Type-Options: nosniff` and
//! `Referrer-Policy: no-referrer`. Every HTML page: a Content-Security-Policy that allows only
//! this server's own scripts (inline ones by hash), styles and connections:
//! - the widget page may be framed by the consultation's allowed origins (and this server, for
//!   the dashboard's preview); with none set, by any page;
//! - the dashboard and the server's other pages may not be framed at all.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-…'` sources for the contents of every inline `<script>` in `html` (data blocks,
/// `type="application/json"`, are never run and need none).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
        .into_iter()
        .filter(|(tag, _)| !tag.contains("application/json"))
        .map(|(_, hash)| hash)
        .collect()
}

/// `'sha256-…'` sources for the contents of every `<style>` element in `html`.
pub fn inline_style_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "style")
        .into_iter()
        .map(|(_, hash)| hash)
        .collect()
}

/// Each inline `<element>` of `html` (one without `src`): its opening tag and the hash source
/// of its contents.
fn inline_hashes<'a>(html: &'a str, element: &str) -> Vec<(&'a str, String)> {
    let open = format!("<{element}");
    let close = format!("</{element}>");
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let Some(end) = body_and_more.find(&close) else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body_and_more.as_bytes()[..end]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push((tag, format!("'sha256-{encoded}'")));
        }
        rest = &body_and_more[end..];
    }
    hashes
}

/// The policy of an app page (the widget page or the dashboard's).
pub fn app_policy(html: &str, frame_ancestors: &str) -> String {
    let sources = |fixed: &str, hashes: Vec<String>| {
        std::iter::once(fixed.to_owned())
            .chain(hashes)
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'self'; script-src {}; style-src {}; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {frame_ancestors}",
        sources("'self' 'wasm-unsafe-eval'", inline_script_hashes(html)),
        sources("'self'", inline_style_hashes(html)),
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
        let html = r#"<script type="module">init()</script><script src="/a.js"></script><script type="application/json">{}</script><script>x</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // echo -n 'x' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hashes[1],
            "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='"
        );
    }

    #[test]
    fn inline_styles_are_hashed_by_their_contents() {
        let html = r#"<style>a{}</style><p>x</p><style>:root{--x:1}</style>"#;
        let hashes = inline_style_hashes(html);
        assert_eq!(hashes.len(), 2);
        // echo -n 'a{}' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hashes[0],
            "'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='"
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
