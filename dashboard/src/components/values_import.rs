use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::problem_note::ProblemNote;
use crate::api;
use crate::i18n::{fill, use_i18n, Key};

/// Measured values from a spreadsheet saved as CSV: every row or none.
#[component]
pub fn ValuesImport(slug: String, on_imported: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let file = NodeRef::<leptos::html::Input>::new();
    let import = Action::new_local(move |(): &()| {
        let slug = slug.clone();
        let chosen = file
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        async move {
            let Some(chosen) = chosen else {
                return Err(api::ApiError::Decode("no file chosen".to_owned()));
            };
            let text = wasm_bindgen_futures::JsFuture::from(chosen.text())
                .await
                .ok()
                .and_then(|t| t.dyn_into::<js_sys::JsString>().ok())
                .map(String::from)
                .ok_or_else(|| api::ApiError::Decode("unreadable file".to_owned()))?;
            api::import_values(&slug, text).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = import.value().get() {
            on_imported.run(());
        }
    });
    let message = move || {
        import.value().get().map(|r| match r {
            Ok(done) => {
                let rows = mitreden_core::locale::integer(i18n.lang.get(), done.rows as u64);
                let key = if done.rows == 1 {
                    Key::ValuesImportedOne
                } else {
                    Key::ValuesImported
                };
                let text = fill(i18n.t(key), &[("rows", &rows)]);
                view! { <p class="dash-ok" role="status">{text}</p> }.into_any()
            }
            Err(e) => view! { <ProblemNote error=e /> }.into_any(),
        })
    };
    view! {
        <form class="dash-form" on:submit=move |ev| { ev.prevent_default(); import.dispatch(()); }>
            <p id="values-import-hint">{move || i18n.t(Key::ValuesImportHint)}</p>
            <p class="dash-field">
                <label for="values-import-file">{move || i18n.t(Key::ValuesImportFile)}</label>
                <input id="values-import-file" type="file" accept=".csv,text/csv" required
                    aria-describedby="values-import-hint" node_ref=file />
            </p>
            <p>
                <button type="submit" class="dash-button" disabled=move || import.pending().get()>
                    {move || i18n.t(Key::ValuesImportButton)}
                </button>
            </p>
            {message}
        </form>
    }
}
