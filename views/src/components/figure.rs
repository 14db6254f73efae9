use leptos::prelude::*;
use mitreden_core::Lang;

use crate::i18n::{t, Key};

/// A chart as a figure: title, what it shows, the drawing, its source line, the same figures
/// as a table, and downloads for slides.
#[component]
pub fn Figure(
    /// The anchor the briefing links to.
    id: String,
    title: String,
    description: String,
    source: String,
    lang: Lang,
    /// The chart's address without extension; offers `.svg` and `.png` downloads when set.
    downloads: Option<String>,
    /// Added to the download addresses (language and look, e.g. `?lang=en`).
    #[prop(optional)]
    download_query: String,
    /// Show the table rather than behind a "As a table" switch (for print).
    #[prop(optional)]
    table_open: bool,
    /// Inside a section of its own (a goal's indicators): the title is a level-5 heading.
    #[prop(optional)]
    nested: bool,
    chart: AnyView,
    table: AnyView,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let downloads = downloads.map(|base| {
        view! {
            <p class="res-downloads">
                {t(lang, Key::Download)}" "
                <a href=format!("{base}.svg{download_query}") download="">"SVG"</a>
                " · "
                <a href=format!("{base}.png{download_query}") download="">"PNG"</a>
            </p>
        }
    });
    let labelled_by = title_id.clone();
    let heading = if nested {
        view! { <h5 class="res-figure-title" id=title_id>{title}</h5> }.into_any()
    } else {
        view! { <h3 class="res-figure-title" id=title_id>{title}</h3> }.into_any()
    };
    view! {
        <figure class="res-figure" id=id aria-labelledby=labelled_by>
            {heading}
            <p class="res-figure-desc">{description}</p>
            {chart}
            <p class="res-source">{source}</p>
            <details class="res-details" open=table_open>
                <summary>{t(lang, Key::AsTable)}</summary>
                {table}
            </details>
            {downloads}
        </figure>
    }
}
