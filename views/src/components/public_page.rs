use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::{Lang, StatementSummary, Status, ValidStatement};

use super::comments_section::CommentsSection;
use super::results_view::ResultsView;
use super::statements_section::StatementsSection;
use super::svg::ACCENT;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};
use crate::RESULTS_CSS;

/// Links of the public page.
#[derive(Debug, Clone, Default)]
pub struct PageLinks {
    /// The widget page, while the consultation is open.
    pub take_part: Option<String>,
    /// The same page in the other language, with its language code.
    pub other_language: Option<(String, Lang)>,
    /// Where the charts can be downloaded.
    pub charts: Option<String>,
}

/// The public results page as a whole document, in the ministry's look.
#[component]
pub fn PublicPage(
    data: Arc<ResultsData>,
    lang: Lang,
    theme: Theme,
    links: PageLinks,
    comments: Vec<(String, String)>,
    summary: StatementSummary,
    published: Vec<ValidStatement>,
) -> impl IntoView {
    let c = &data.consultation;
    let title = c.title.get(lang).to_owned();
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
    let status = match c.status {
        Status::Open => t(lang, Key::OpenUntil),
        _ => t(lang, Key::Closed),
    };
    let take_part = links
        .take_part
        .filter(|_| c.status == Status::Open)
        .map(|href| view! { <a class="res-button" href=href>{t(lang, Key::TakePart)}</a> });
    let other = links.other_language.map(|(href, other)| {
        view! { <a class="res-lang" href=href lang=other.code() hreflang=other.code()>{t(lang, Key::OtherLanguage)}</a> }
    });
    view! {
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{format!("{}: {title}", t(lang, Key::PageTitle))}</title>
                <style inner_html=RESULTS_CSS></style>
                <style inner_html=format!(":root{{{custom}}}")></style>
            </head>
            <body class="res-page">
                <header class="res-masthead">
                    <div class="res-wrap">
                        <div class="res-topline">
                            <p class="res-kicker">{t(lang, Key::PageKicker)}</p>
                            {other}
                        </div>
                        <h1>{title.clone()}</h1>
                        <p>{c.description.get(lang).to_owned()}</p>
                        <p class="res-stand">
                            <strong>{fill(t(lang, Key::Stand), &[("date", &data.stand(lang))])}</strong>
                            " · "
                            {status}
                        </p>
                        {take_part}
                    </div>
                </header>
                <main class="res-wrap res-main">
                    <ResultsView data=data.clone() lang accent downloads=links.charts />
                    <CommentsSection data=data.clone() comments lang />
                    <StatementsSection data=data.clone() summary published lang />
                </main>
            </body>
        </html>
    }
}
