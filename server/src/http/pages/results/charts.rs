//! One chart of the public results on its own, as SVG or PNG, for slides and reports:
//! `/results/{slug}/charts/{chart}.svg` (or `.png`), drawn by the same component as on the page,
//! with its title, source and date drawn in. The PNG is the SVG rasterised (resvg) at four
//! times its size, sharp enough for a projector. Rendered charts are kept and their renderings
//! bounded ([`super::chart_cache`]).

use std::sync::{Arc, OnceLock};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use leptos::tachys::view::RenderHtml;
use mitreden_views::components::results_view::standalone_chart;
use mitreden_views::components::svg::ACCENT;
use resvg::{tiny_skia, usvg};

use super::chart_cache::{ChartKey, Rendered, Stamp};
use super::{published, results_data, PageQuery};
use crate::error::AppError;
use crate::state::AppState;

/// How much larger than its drawing a PNG is (360 units → 1,440 pixels).
const PNG_SCALE: f32 = 4.0;
/// The most pixels a PNG has (24 MB while it is drawn): a taller chart (a consultation with
/// very many goals) is drawn at a smaller scale.
const MAX_PIXELS: f32 = 6_000_000.0;

pub async fn chart(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    Path((slug, file)): Path<(String, String)>,
    Query(query): Query<PageQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (live, lang) = published(&state, &slug, &query)?;
    if !live.consultation.settings.publish_results {
        return Err(AppError::ResultsNotPublished);
    }
    let (name, png) = match (file.strip_suffix(".svg"), file.strip_suffix(".png")) {
        (Some(name), _) => (name, false),
        (_, Some(name)) => (name, true),
        _ => return Err(AppError::ChartNotFound(file)),
    };
    // Read before the results: what is drawn counts at least this much.
    let stamp = live.stamp();
    let tag = etag(stamp);
    let extension = if png { "png" } else { "svg" };
    let disposition = format!("attachment; filename=\"{slug}-{name}.{extension}\"");
    let headers_out = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(if png {
                "image/png"
            } else {
                "image/svg+xml; charset=utf-8"
            }),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition)
                .map_err(|_| AppError::ChartNotFound(file.clone()))?,
        ),
        // Kept by browsers and proxies, but asked about again on every use: a chart that did
        // not change costs a 304.
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, no-cache"),
        ),
        (
            header::ETAG,
            HeaderValue::from_str(&tag).map_err(|_| AppError::ChartFailed)?,
        ),
    ];
    if unchanged(&headers, &tag) {
        return Ok((StatusCode::NOT_MODIFIED, headers_out).into_response());
    }
    let accent = query.theme().accent;
    let render = render(
        &state,
        &cache.charts,
        &live,
        name,
        lang,
        accent.clone(),
        png,
        stamp,
    );
    // Only the default look is kept: an accent from the address is drawn each time.
    let rendered = if accent.is_none() {
        let key = ChartKey {
            slug: slug.clone(),
            chart: name.to_owned(),
            lang,
            png,
        };
        cache.charts.get_or_render(key, stamp, render).await?
    } else {
        Arc::new(render.await?)
    };
    Ok((headers_out, rendered.bytes.clone()).into_response())
}

/// The chart `name` as SVG, or as PNG when `png` (drawn in one of the few places for that).
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    charts: &super::ChartCache,
    live: &Arc<crate::counting::Live>,
    name: &str,
    lang: mitreden_core::Lang,
    accent: Option<String>,
    png: bool,
    stamp: Stamp,
) -> Result<Rendered, AppError> {
    let data = results_data(state, live).await?;
    let accent = accent.unwrap_or_else(|| ACCENT.to_owned());
    let svg = standalone_chart(&data, name, lang, &accent)
        .ok_or_else(|| AppError::ChartNotFound(name.to_owned()))?
        .to_html()
        // The renderer's markers between neighbouring text nodes (`<!>`, never part of
        // escaped text) are not XML.
        .replace("<!>", "");
    let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}");
    crate::telemetry::chart_rendered(if png { "png" } else { "svg" });
    let bytes = if png {
        let drawing = charts.draw().await?;
        tokio::task::spawn_blocking(move || {
            let _drawing = drawing;
            let png = rasterise(&svg);
            give_back_memory();
            png
        })
        .await
        .ok()
        .flatten()
        .ok_or(AppError::ChartFailed)?
    } else {
        svg.into_bytes()
    };
    Ok(Rendered { stamp, bytes })
}

/// A weak entity tag for the chart as of `stamp`, different for every start of the server (a
/// new release may draw differently).
fn etag(stamp: Stamp) -> String {
    static STARTED: OnceLock<u32> = OnceLock::new();
    let started = STARTED.get_or_init(rand::random);
    let uncertainty = stamp.1.map_or_else(|| "n".to_owned(), |v| v.to_string());
    format!("W/\"{started:08x}-{}-{uncertainty}\"", stamp.0)
}

/// Whether the browser holds the chart under `tag` already (`If-None-Match`, weakly compared).
fn unchanged(headers: &HeaderMap, tag: &str) -> bool {
    let weak = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || weak(t) == weak(tag))
}

/// Hands the memory a drawing freed back to the system. glibc keeps freed memory in the
/// arena of the thread that freed it, and the blocking threads that draw are many: without
/// this, a burst of PNG requests left about a gigabyte resident after it was over.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's arenas to the system; it takes
    // glibc's own locks and touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The system's fonts, read once; "sans-serif" is DejaVu Sans (Debian's `fonts-dejavu-core`).
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// The SVG as a PNG; `None` if it cannot be drawn.
fn rasterise(svg: &str) -> Option<Vec<u8>> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).ok()?;
    let drawn = tree.size();
    let scale = PNG_SCALE.min((MAX_PIXELS / (drawn.width() * drawn.height())).sqrt());
    let size = drawn.to_int_size().scale_by(scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}
