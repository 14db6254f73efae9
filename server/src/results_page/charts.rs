//! One chart of the public results on its own, as SVG or PNG, for slides and reports:
//! `/results/{slug}/charts/{chart}.svg` (or `.png`), drawn by the same component as on the page,
//! with its title, source and date drawn in. The PNG is the SVG rasterised (resvg) at four
//! times its size, sharp enough for a projector.

use std::sync::{Arc, OnceLock};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use leptos::tachys::view::RenderHtml;
use mitreden_views::components::results_view::standalone_chart;
use mitreden_views::components::svg::ACCENT;
use resvg::{tiny_skia, usvg};

use super::{published, results_data, PageQuery};
use crate::error::AppError;
use crate::state::AppState;

/// How much larger than its drawing a PNG is (360 units → 1,440 pixels).
const PNG_SCALE: f32 = 4.0;

pub async fn chart(
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
    Query(query): Query<PageQuery>,
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
    let data = results_data(&state, &live).await?;
    let accent = query.theme().accent.unwrap_or_else(|| ACCENT.to_owned());
    let svg = standalone_chart(&data, name, lang, &accent)
        .ok_or_else(|| AppError::ChartNotFound(file.clone()))?
        .to_html()
        // The renderer's markers between neighbouring text nodes (`<!>`, never part of
        // escaped text) are not XML.
        .replace("<!>", "");
    let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}");
    let (body, content_type) = if png {
        let png = tokio::task::spawn_blocking(move || rasterise(&svg))
            .await
            .ok()
            .flatten()
            .ok_or(AppError::ChartFailed)?;
        (png, "image/png")
    } else {
        (svg.into_bytes(), "image/svg+xml; charset=utf-8")
    };
    let extension = if png { "png" } else { "svg" };
    let disposition = format!("attachment; filename=\"{slug}-{name}.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(|_| AppError::ChartNotFound(file))?,
            ),
        ],
        body,
    )
        .into_response())
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
    let size = tree.size().to_int_size().scale_by(PNG_SCALE)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(PNG_SCALE, PNG_SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}
