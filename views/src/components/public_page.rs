use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_core::theme::Theme;
use mitreden_core::{Lang, StatementSummary, Status, ValidStatement};

use super::comments_section::CommentsSection;
use super::document::Document;
use super::notice_links::NoticeLinks;
use super::outcome_section::OutcomeSection;
use super::results_view::ResultsView;
use super::rounds_section::RoundsSection;
use super::statements_section::StatementsSection;
use super::svg::ACCENT;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// Links of the public page.
#[derive(Debug, Clone, Default)]
pub struct PageLinks {
    /// The widget page, while the consultation is open.
    pub take_part: Option<String>,
    /// The same page in the other language, with its language code.
    pub other_language: Option<(String, Lang)>,
    /// Where the charts can be downloaded.
    pub charts: Option<String>,
    /// The query that keeps language and look in downloads (`?lang=en&accent=…`).
    pub query: String,
    /// The printable report.
    pub report: Option<String>,
    /// The Atom feed of what follows the consultation.
    pub feed: Option<String>,
    /// The results page of the round before, if it is public.
    pub previous: Option<String>,
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
    /// What became of the input: shown first once published.
    follow_up: FollowUp,
    /// Titles of decided proposals, by number.
    proposals: Vec<(i64, String)>,
) -> impl IntoView {
    let c = &data.consultation;
    let privacy_href = format!("/datenschutz/{}?lang={}", c.slug, lang.code());
    let title = c.title.get(lang).to_owned();
    let description = c.description.get(lang).to_owned();
    let accent = theme.accent.clone().unwrap_or_else(|| ACCENT.to_owned());
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
    let rounds = follow_up.rounds.clone().map(|rounds| {
        let previous_page = links.previous.clone();
        view! { <RoundsSection data=data.clone() rounds lang previous_page /> }
    });
    let report = links.report.map(|href| {
        view! { <a class="res-report-link" href=href>{t(lang, Key::ReportLink)}</a> }
    });
    view! {
        <Document lang title=format!("{}: {title}", t(lang, Key::PageTitle)) theme class="res-page" feed=links.feed.clone()>
                <header class="res-masthead">
                    <div class="res-wrap">
                        <div class="res-topline">
                            <p class="res-kicker">{t(lang, Key::PageKicker)}</p>
                            {other}
                        </div>
                        <h1>{title.clone()}</h1>
                        <p>{description}</p>
                        <p class="res-stand">
                            <strong>{fill(t(lang, Key::Stand), &[("date", &data.stand(lang))])}</strong>
                            " · "
                            {status}
                        </p>
                        <p class="res-actions">{take_part}{report}</p>
                    </div>
                </header>
                <main class="res-wrap res-main">
                    <OutcomeSection data=data.clone() follow_up proposals lang accent=accent.clone() feed=links.feed />
                    {rounds}
                    <ResultsView data=data.clone() lang accent downloads=links.charts download_query=links.query />
                    <CommentsSection data=data.clone() comments lang />
                    <StatementsSection data=data.clone() summary published lang />
                </main>
                <NoticeLinks
                    class="res-footer"
                    privacy=(privacy_href, t(lang, Key::PrivacyNotice))
                    accessibility=(format!("/barrierefreiheit?lang={}", lang.code()), t(lang, Key::AccessibilityStatement))
                />
        </Document>
    }
}
