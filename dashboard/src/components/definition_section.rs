use leptos::prelude::*;
use mitreden_core::Consultation;

use crate::api::{self, ErrorText};
use crate::components::definition_form::DefinitionForm;
use crate::components::settings_form::SettingsForm;
use crate::i18n::{fill, use_i18n, Key};

/// The definition as JSON, to edit and save (admins): settings, texts, priorities, conflicts,
/// allowed embedding origins.
#[component]
pub fn DefinitionSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let source = RwSignal::new(String::new());
    let note = RwSignal::new(None::<String>);
    let loaded = RwSignal::new(None::<Consultation>);
    leptos::task::spawn_local({
        let slug = slug.clone();
        async move {
            if let Ok(c) = api::definition(&slug).await {
                source.set(serde_json::to_string_pretty(&c).unwrap_or_default());
                loaded.set(Some(c));
            }
        }
    });
    let save = Action::new_local(move |c: &Consultation| {
        let c = c.clone();
        async move { api::save(&c).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => note.set(Some(i18n.t(Key::Saved).to_owned())),
        Some(Err(e)) => note.set(Some(i18n.t(e.key()).to_owned())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match serde_json::from_str::<Consultation>(&source.get_untracked()) {
            Ok(c) => {
                note.set(None);
                save.dispatch(c);
            }
            Err(e) => note.set(Some(fill(
                i18n.t(Key::InvalidJson),
                &[("detail", &e.to_string())],
            ))),
        }
    };
    view! {
        <section aria-labelledby="dash-definition">
            <h2 id="dash-definition">{move || i18n.t(Key::Definition)}</h2>
            {move || loaded.get().map(|c| view! { <SettingsForm consultation=c.clone() /> <DefinitionForm consultation=c /> })}
            <form class="dash-form" on:submit=submit>
                <label for="dash-definition-json">{move || i18n.t(Key::DefinitionJson)}</label>
                <textarea
                    id="dash-definition-json"
                    rows="16"
                    aria-describedby="dash-definition-note"
                    prop:value=move || source.get()
                    on:input=move |ev| source.set(event_target_value(&ev))
                ></textarea>
                <p id="dash-definition-note" role="status">{move || note.get()}</p>
                <button type="submit" class="dash-button dash-primary">{move || i18n.t(Key::Save)}</button>
            </form>
        </section>
    }
}
