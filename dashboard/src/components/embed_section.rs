use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// The snippet to put on a page, with a copy button and a live preview.
#[component]
pub fn EmbedSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let origin = window().location().origin().unwrap_or_default();
    let snippet = format!(
        "<div data-consultation=\"{slug}\" data-lang=\"de\">\n  <noscript><a href=\"{origin}/w/{slug}/form\">Zur Online-Beteiligung</a></noscript>\n</div>\n<script src=\"{origin}/embed.js\" async></script>"
    );
    let copied = RwSignal::new(false);
    let copy = {
        let snippet = snippet.clone();
        move |_| {
            let _ = window().navigator().clipboard().write_text(&snippet);
            copied.set(true);
        }
    };
    view! {
        <section aria-labelledby="dash-embed">
            <h2 id="dash-embed">{move || i18n.t(Key::Embed)}</h2>
            <p id="dash-embed-hint">{move || i18n.t(Key::EmbedHint)}</p>
            <pre class="dash-code" tabindex="0" aria-describedby="dash-embed-hint" data-testid="embed-snippet">{snippet}</pre>
            <button type="button" class="dash-button" on:click=copy>{move || i18n.t(Key::Copy)}</button>
            <span role="status">{move || copied.get().then(|| i18n.t(Key::Copied))}</span>
            <h3>{move || i18n.t(Key::Preview)}</h3>
            <iframe
                class="dash-preview"
                src=format!("/w/{slug}")
                title=move || i18n.t(Key::PreviewTitle)
            ></iframe>
        </section>
    }
}
