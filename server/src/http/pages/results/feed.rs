//! `/results/{slug}/feed.atom`: every published change of the outcome and the indicators as an
//! Atom feed, so journalists and citizens can follow without an account, an email address or
//! any tracking. Written by an XML library, which escapes every text.

use std::collections::HashMap;

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::Extension;
use mitreden_core::outcome::{Change, FeedChange, Timestamp};
use mitreden_core::Lang;
use mitreden_views::follow_up::change;
use mitreden_views::i18n::{t, Key};

use super::{published, PageQuery};
use crate::error::AppError;
use crate::http::json::ApiPath;
use crate::state::AppState;

pub async fn feed(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<PageQuery>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, AppError> {
    let (live, lang) = published(&state, &slug, &query)?;
    let published = cache.content.get(&state, &live).await?;
    let (follow_up, proposals) = (&published.follow_up, &published.proposals);
    let base = base_url(&state, &headers);
    let c = &live.consultation;
    let feed_url = format!("{base}/results/{slug}/feed.atom?lang={}", lang.code());
    // The page a reader goes to: the results page if it is public, else the widget.
    let page = if c.settings.publish_results {
        format!("{base}/results/{slug}?lang={}", lang.code())
    } else {
        format!("{base}/w/{slug}?lang={}", lang.code())
    };
    let title = format!("{}: {}", c.title.get(lang), t(lang, Key::OutcomeHeading));
    // Changes published together share a version; their place within it tells them apart.
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let entries: Vec<Entry> = follow_up
        .history
        .iter()
        .map(|d| {
            let n = seen.entry(d.version).or_default();
            *n += 1;
            let anchor = match &d.change {
                FeedChange::Outcome(Change::Item { item, .. }) => format!("#outcome-{item}"),
                FeedChange::Indicator(i) => format!("#outcome-{}", indicator_priority(i)),
                _ => "#outcome".to_owned(),
            };
            Entry {
                id: format!("{feed_url}#change-{}-{n}", d.version),
                title: Text::plain(change(lang, c, proposals, &d.change)),
                updated: time(d.at),
                published: Some(time(d.at)),
                links: vec![link(format!("{page}{anchor}"), "alternate", "text/html")],
                content: content(lang, &d.change),
                ..Entry::default()
            }
        })
        .collect();
    let feed = Feed {
        id: feed_url.clone(),
        title: Text::plain(title),
        updated: time(
            follow_up
                .updated()
                .unwrap_or(Timestamp(crate::storage::now())),
        ),
        authors: vec![Person {
            name: c.title.get(lang).to_owned(),
            uri: Some(page.clone()),
            ..Person::default()
        }],
        links: vec![
            link(feed_url, "self", "application/atom+xml"),
            link(page, "alternate", "text/html"),
        ],
        lang: Some(lang.code().to_owned()),
        subtitle: follow_up
            .outcome
            .as_ref()
            .map(|o| Text::plain(o.summary.get(lang).to_owned())),
        rights: follow_up
            .licence
            .as_ref()
            .map(|l| Text::plain(l.name.clone())),
        entries,
        ..Feed::default()
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        feed.to_string(),
    ))
}

/// The text of a change: the response or summary as published, or the sentence itself.
fn content(lang: Lang, change: &FeedChange) -> Option<Content> {
    let text = match change {
        FeedChange::Outcome(Change::Item { response, .. }) => response.get(lang).to_owned(),
        FeedChange::Outcome(Change::Summary { summary }) => summary.get(lang).to_owned(),
        _ => return None,
    };
    Some(Content {
        value: Some(text),
        content_type: Some("text".to_owned()),
        ..Content::default()
    })
}

fn indicator_priority(change: &mitreden_core::indicator::IndicatorChange) -> &str {
    use mitreden_core::indicator::IndicatorChange::*;
    match change {
        IndicatorAdded { priority, .. }
        | Value { priority, .. }
        | ValueRemoved { priority, .. }
        | IndicatorRedefined { priority, .. }
        | IndicatorRemoved { priority, .. } => priority.as_str(),
    }
}

fn link(href: String, rel: &str, media: &str) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: Some(media.to_owned()),
        ..Link::default()
    }
}

fn time(at: Timestamp) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&at.to_string()).unwrap_or_default()
}

/// Where this server is reached: `--public-url`, else the address the request was sent to.
fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.settings.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}
