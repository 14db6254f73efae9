use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::{locale, Lang, StatementSummary};

use super::document::Document;
use super::notice_links::NoticeLinks;
use super::results_view::ResultsView;
use super::statements_section::StatementsSection;
use super::svg::ACCENT;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// The report to send: a cover with title, date and number of responses, then the briefing,
/// every chart with its table open, the method in plain words and the organisations'
/// stances, set for A4 (`@media print` in the results style).
#[component]
pub fn ReportPage(
    data: Arc<ResultsData>,
    lang: Lang,
    theme: Theme,
    /// The public results page.
    back: String,
    summary: StatementSummary,
) -> impl IntoView {
    let c = &data.consultation;
    let title = c.title.get(lang).to_owned();
    let description = c.description.get(lang).to_owned();
    let accent = theme.accent.clone().unwrap_or_else(|| ACCENT.to_owned());
    let facts = fill(
        t(lang, Key::ReportFacts),
        &[
            ("n", &locale::integer(lang, data.results.total)),
            ("date", &data.stand(lang)),
        ],
    );
    view! {
        <Document lang title=format!("{}: {title}", t(lang, Key::ReportTitle)) theme class="res-page res-report">
            <header class="res-cover">
                <div class="res-wrap">
                    <p class="res-kicker">{t(lang, Key::ReportKicker)}</p>
                    <h1>{title.clone()}</h1>
                    <p>{description}</p>
                    <p class="res-facts">{facts}</p>
                </div>
            </header>
            <main class="res-wrap res-main">
                <p class="res-print-hint res-screen-only">
                    {t(lang, Key::ReportPrintHint)}" "<a href=back>{t(lang, Key::ReportBack)}</a>
                </p>
                <ResultsView data=data.clone() lang accent downloads=None tables_open=true />
                <StatementsSection data=data.clone() summary published=Vec::new() lang />
            </main>
                <NoticeLinks
                    class="res-footer"
                    privacy=(format!("/datenschutz/{}?lang={}", data.consultation.slug, lang.code()), t(lang, Key::PrivacyNotice))
                    accessibility=(format!("/barrierefreiheit?lang={}", lang.code()), t(lang, Key::AccessibilityStatement))
                />
        </Document>
    }
}
