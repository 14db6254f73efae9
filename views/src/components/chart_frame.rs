use leptos::prelude::*;

use super::svg::{chars_in, n, wrap, FONT, FONT_FAMILY, INK, LINE, MUTED, WIDTH};

/// The `<svg>` around a chart's drawing. On a page the figure around it carries the title and
/// source; a downloaded chart (`standalone`) draws them itself, so a slide keeps them.
#[component]
pub fn ChartFrame(
    /// The chart's accessible name (and, standalone, its heading).
    title: String,
    /// The source line, drawn when standalone.
    source: String,
    /// Height of the drawing itself.
    height: f64,
    /// Draw title and source inside, on white, for use outside the page.
    #[prop(optional)]
    standalone: bool,
    children: Children,
) -> impl IntoView {
    let title_lines = if standalone {
        wrap(&title, chars_in(WIDTH - 16.0) * 10 / 13, 3)
    } else {
        Vec::new()
    };
    let source_lines = if standalone {
        wrap(&source, chars_in(WIDTH - 16.0) * 10 / 9, 3)
    } else {
        Vec::new()
    };
    let top = if standalone {
        12.0 + title_lines.len() as f64 * 17.0
    } else {
        4.0
    };
    let bottom = if standalone {
        10.0 + source_lines.len() as f64 * LINE
    } else {
        4.0
    };
    let total = top + height + bottom;
    let heading = title_lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            view! {
                <text x="8" y=n(20.0 + i as f64 * 17.0) font-size="13" font-weight="bold" fill=INK>
                    {line}
                </text>
            }
        })
        .collect_view();
    let source_view = source_lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            view! {
                <text x="8" y=n(top + height + 14.0 + i as f64 * LINE) font-size="9" fill=MUTED>
                    {line}
                </text>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            class="res-chart"
            viewBox=format!("0 0 {WIDTH} {}", n(total))
            role="img"
            aria-label=label
            font-family=FONT_FAMILY
            font-size=FONT
        >
            <title>{title}</title>
            {standalone.then(|| view! { <rect width=WIDTH height=n(total) fill="#ffffff"></rect> })}
            {heading}
            <g transform=format!("translate(0 {})", n(top))>{children()}</g>
            {source_view}
        </svg>
    }
}
