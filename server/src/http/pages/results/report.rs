//! The report to send, `/results/{slug}/report`: the public results set for A4, to print or to
//! save as a PDF from the browser (see the README on why the browser makes the PDF).

use axum::extract::{Query, State};
use axum::response::Html;
use axum::Extension;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_views::components::report_page::ReportPage;

use super::{published, published_summary, results_data, PageQuery};
use crate::error::AppError;
use crate::http::json::ApiPath;
use crate::state::AppState;

pub async fn report(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<PageQuery>,
) -> Result<Html<String>, AppError> {
    let (live, lang) = published(&state, &slug, &query)?;
    if !live.consultation.settings.publish_results {
        return Err(AppError::ResultsNotPublished);
    }
    let data = results_data(&state, &live).await?;
    let back = format!("/results/{slug}?{}", query.in_language(lang));
    let theme = query.theme();
    let content = cache.content.get(&state, &live).await?;
    let summary = published_summary(&live.consultation, &content.statements);
    let html = view! { <ReportPage data lang theme back summary /> }.to_html();
    Ok(Html(format!("<!doctype html>{html}")))
}
