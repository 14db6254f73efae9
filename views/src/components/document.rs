use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::Lang;

use super::svg::ACCENT;
use crate::RESULTS_CSS;

/// A whole HTML document in the results' style and the ministry's look.
#[component]
pub fn Document(
    lang: Lang,
    /// The document's title (the browser tab, the PDF's title).
    title: String,
    theme: Theme,
    /// The body's class.
    class: &'static str,
    /// An Atom feed to announce, for feed readers to find.
    #[prop(default = None)]
    feed: Option<String>,
    children: Children,
) -> impl IntoView {
    let accent = theme.accent.clone().unwrap_or_else(|| ACCENT.to_owned());
    // Validated values only (see `Theme::parse`), so nothing here can end the rule.
    let custom = [
        Some(format!("--res-accent:{accent}")),
        theme.font.as_ref().map(|f| format!("--res-font:{f}")),
        theme.radius.as_ref().map(|r| format!("--res-radius:{r}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(";");
    let title_for_feed = title.clone();
    view! {
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{title}</title>
                <style inner_html=RESULTS_CSS></style>
                <style inner_html=format!(":root{{{custom}}}")></style>
                {feed.map(|href| view! { <link rel="alternate" type="application/atom+xml" href=href title=title_for_feed.clone() /> })}
            </head>
            <body class=class>{children()}</body>
        </html>
    }
}
