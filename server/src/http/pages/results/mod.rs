//! The public results page, `/results/{slug}`, and its charts for download: the results views
//! (`mitreden-views`) rendered to HTML and SVG on the server, so the page works without
//! JavaScript, reads well with screen readers, and shows only what is public: results of
//! published consultations, approved comments and statements whose organisations agreed.

mod chart_cache;
mod charts;
mod feed;
mod page_cache;
mod public_content;
mod report;

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Html;
use axum::Extension;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::locale::Date;
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang, StatementSummary, StatementTally, Status, ValidStatement};
use mitreden_views::components::public_page::{PageLinks, PublicPage};
use mitreden_views::i18n::{t, Key};
use mitreden_views::{Day, ResultsData};
use serde::{Deserialize, Serialize};

use crate::counting::Live;
use crate::error::AppError;
use crate::http::json::ApiPath;
use crate::state::AppState;

pub use chart_cache::ChartCache;
pub use charts::chart;
pub use feed::feed;
pub use page_cache::PageCache;
pub use public_content::{PublicContent, PublicContentCache};
pub use report::report;

/// What the page's address may carry: the language and the ministry's look (the same values
/// the widget's embed takes).
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct PageQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    font: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    radius: Option<String>,
}

impl PageQuery {
    fn theme(&self) -> Theme {
        Theme::parse(
            self.accent.as_deref(),
            self.font.as_deref(),
            self.radius.as_deref(),
        )
    }

    /// This query in another language, as an address's query string (the look's values that
    /// passed the checks only).
    fn in_language(&self, lang: Lang) -> String {
        let theme = self.theme();
        let query = PageQuery {
            lang: Some(lang.code().to_owned()),
            accent: theme.accent,
            font: theme.font,
            radius: theme.radius,
        };
        serde_urlencoded::to_string(&query).unwrap_or_default()
    }
}

/// A consultation whose results may be shown, and the language to show them in.
fn published(
    state: &AppState,
    slug: &str,
    query: &PageQuery,
) -> Result<(Arc<Live>, Lang), AppError> {
    let live = state
        .counts
        .consultation(slug)
        .filter(|l| l.consultation.status != Status::Draft)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.to_owned()))?;
    let wanted = query.lang.as_deref().and_then(Lang::from_code);
    let lang = live.consultation.language_for(wanted.unwrap_or_default());
    Ok((live, lang))
}

/// The organisations' stances counted over the published statements only: counts that took
/// in the others would give them away (all counts minus the published ones).
fn published_summary(c: &Consultation, published: &[ValidStatement]) -> StatementSummary {
    let mut tally = StatementTally::new(c.priorities.len());
    for statement in published {
        tally.add(statement, c);
    }
    StatementSummary::new(c, &tally)
}

/// The public results and what else the views need, as of now.
async fn results_data(state: &AppState, live: &Arc<Live>) -> Result<Arc<ResultsData>, AppError> {
    // Only what may be published: groups too small to hide a person are withheld.
    let results = (*live.clone().public_results().await).clone();
    let slug = live.consultation.slug.to_string();
    let days = live
        .days
        .get(&state.db, &slug)
        .await?
        .iter()
        .map(|&(day, n)| Day {
            date: Date::from_days(day),
            responses: n.max(0) as u64,
        })
        .collect();
    Ok(Arc::new(ResultsData {
        consultation: live.consultation.clone(),
        results,
        days,
        read_at: crate::storage::now(),
        public: true,
    }))
}

pub async fn page(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<PageQuery>,
) -> Result<(StatusCode, Html<String>), AppError> {
    let (live, lang) = published(&state, &slug, &query)?;
    let c = &live.consultation;
    if !c.settings.publish_results {
        let title = c.title.get(lang).to_owned();
        let html = view! {
            <html lang=lang.code()>
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <title>{format!("{}: {title}", t(lang, Key::PageTitle))}</title>
                </head>
                <body>
                    <main>
                        <h1>{title.clone()}</h1>
                        <p>{t(lang, Key::NotPublished)}</p>
                    </main>
                </body>
            </html>
        }
        .to_html();
        return Ok((
            StatusCode::FORBIDDEN,
            Html(format!("<!doctype html>{html}")),
        ));
    }
    // Read before the results: what is rendered counts at least this much.
    let stamp = live.stamp();
    let content = cache.content.get(&state, &live).await?;
    let theme = query.theme();
    let kept_look = theme == Theme::default();
    if kept_look {
        if let Some(html) = cache.pages.get(&slug, lang, stamp, &content) {
            return Ok((StatusCode::OK, Html(html.to_string())));
        }
    }
    let data = results_data(&state, &live).await?;
    let other = c.languages.iter().copied().find(|l| *l != lang);
    let links = PageLinks {
        take_part: Some(format!("/w/{slug}?lang={}", lang.code())),
        other_language: other.map(|o| (format!("?{}", query.in_language(o)), o)),
        charts: Some(format!("/results/{slug}/charts")),
        report: Some(format!(
            "/results/{slug}/report?{}",
            query.in_language(lang)
        )),
        query: format!("?{}", query.in_language(lang)),
        feed: Some(format!("/results/{slug}/feed.atom?lang={}", lang.code())),
        previous: c
            .predecessor
            .as_ref()
            .and_then(|p| state.counts.consultation(p.as_str()))
            .filter(|p| {
                p.consultation.settings.publish_results && p.consultation.status != Status::Draft
            })
            .map(|p| format!("/results/{}?lang={}", p.consultation.slug, lang.code())),
    };
    let summary = published_summary(c, &content.statements);
    let comments = content.comments.clone();
    let published = content.statements.clone();
    let follow_up = content.follow_up.clone();
    let proposals = content.proposals.clone();
    let html = view! {
        <PublicPage data lang theme links comments summary published follow_up proposals />
    }
    .to_html();
    let html = format!("<!doctype html>{html}");
    if kept_look {
        cache
            .pages
            .keep(&slug, lang, stamp, content, Arc::from(html.as_str()));
    }
    Ok((StatusCode::OK, Html(html)))
}
