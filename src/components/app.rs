use leptos::prelude::*;

use crate::api::{self, ErrorText};
use crate::components::live_region::LiveRegion;
use crate::components::participation::Participation;
use crate::context::provide_announcer;
use crate::embed;
use crate::i18n::{provide_i18n, tr, use_i18n, Key};
use crate::page::{browser_lang, PageParams};

/// The whole widget: reads its address, loads the consultation, shows it or a plain error.
#[component]
pub fn App() -> impl IntoView {
    let params = PageParams::from_location();
    let i18n = provide_i18n(params.lang.or_else(browser_lang).unwrap_or_default());
    provide_announcer();
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    crate::theme::apply(&params.theme);
    if let Some(origin) = params.parent_origin.clone() {
        embed::report_height(origin);
    }

    let slug = params.slug;
    let consultation = LocalResource::new(move || {
        let slug = slug.clone();
        async move {
            match slug {
                Some(slug) => api::consultation(&slug).await.map_err(|e| e.key()),
                None => Err(Key::ErrorNoConsultation),
            }
        }
    });

    view! {
        <div class="mtr-root">
            <LiveRegion />
            <Suspense fallback=move || {
                view! { <p class="mtr-loading">{tr(Key::Loading)}</p> }
            }>
                {move || {
                    consultation
                        .get()
                        .map(|loaded| match loaded {
                            Ok(c) => view! { <Participation consultation=c /> }.into_any(),
                            Err(key) => view! { <LoadError key /> }.into_any(),
                        })
                }}
            </Suspense>
        </div>
    }
}

/// Why the consultation cannot be shown, as a sentence.
#[component]
fn LoadError(key: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="mtr-error" role="alert">
            {move || i18n.t(key)}
        </p>
    }
}
