use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// Links to the exports and the public results page.
#[component]
pub fn ExportSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/api/v1/staff/consultations/{slug}");
    view! {
        <section aria-labelledby="dash-export">
            <h2 id="dash-export">{move || i18n.t(Key::Export)}</h2>
            <ul>
                <li><a href=format!("{base}/export.csv") download="">{move || i18n.t(Key::ExportCsv)}</a></li>
                <li><a href=format!("{base}/export.json") download="">{move || i18n.t(Key::ExportJson)}</a></li>
                <li><a href=format!("{base}/export.zip") download="">{move || i18n.t(Key::ExportZip)}</a></li>
                <li><a href=format!("/results/{slug}")>{move || i18n.t(Key::PublicResults)}</a></li>
            </ul>
        </section>
    }
}
