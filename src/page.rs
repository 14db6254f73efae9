//! What the widget learns from its own address: `/w/{slug}?lang=de&parent=https://…`.

use mitreden_core::Lang;

use crate::theme::Theme;

/// Parameters of the widget page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageParams {
    pub slug: Option<String>,
    pub lang: Option<Lang>,
    /// The origin of the embedding page, to send height updates to (and only to it).
    pub parent_origin: Option<String>,
    /// The host page's look.
    pub theme: Theme,
}

impl PageParams {
    /// Reads the parameters from `location`.
    pub fn from_location() -> Self {
        let location = web_sys::window().map(|w| w.location());
        let path = location
            .as_ref()
            .and_then(|l| l.pathname().ok())
            .unwrap_or_default();
        let search = location
            .as_ref()
            .and_then(|l| l.search().ok())
            .unwrap_or_default();
        Self::parse(&path, &search)
    }

    pub fn parse(path: &str, search: &str) -> Self {
        let query = web_sys::UrlSearchParams::new_with_str(search).ok();
        let param = |name: &str| query.as_ref().and_then(|q| q.get(name));
        let slug = path
            .strip_prefix("/w/")
            .map(|s| s.trim_end_matches('/').to_owned())
            .filter(|s| !s.is_empty() && !s.contains('/'))
            .or_else(|| param("consultation"));
        Self {
            slug,
            lang: param("lang").as_deref().and_then(Lang::from_code),
            parent_origin: param("parent").filter(|o| is_origin(o)),
            theme: Theme::parse(
                param("accent").as_deref(),
                param("font").as_deref(),
                param("radius").as_deref(),
            ),
        }
    }
}

/// Whether `s` is a bare web origin such as `https://example.org` or `http://127.0.0.1:8081`.
fn is_origin(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|host| {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    })
}

/// The browser's preferred language, if we speak it.
pub fn browser_lang() -> Option<Lang> {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .as_deref()
        .and_then(Lang::from_code)
}
