use leptos::prelude::*;
use mitreden_core::Consultation;

use crate::api::{self, ErrorText};
use crate::components::app::Page;
use crate::i18n::{fill, use_i18n, Key};

/// Creating a consultation from its JSON definition (as exported or written by hand).
#[component]
pub fn ImportForm() -> impl IntoView {
    let i18n = use_i18n();
    let page = expect_context::<RwSignal<Page>>();
    let source = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let create = Action::new_local(move |c: &Consultation| {
        let c = c.clone();
        async move { api::save(&c).await.map(|()| c.slug.to_string()) }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(slug)) => page.set(Page::consultation(slug)),
        Some(Err(e)) => problem.set(Some(i18n.t(e.key()).to_owned())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match serde_json::from_str::<Consultation>(&source.get_untracked()) {
            Ok(c) => {
                problem.set(None);
                create.dispatch(c);
            }
            Err(e) => problem.set(Some(fill(
                i18n.t(Key::InvalidJson),
                &[("detail", &e.to_string())],
            ))),
        }
    };
    view! {
        <h2>{move || i18n.t(Key::NewConsultation)}</h2>
        <form class="dash-form" on:submit=submit>
            <label for="dash-import">{move || i18n.t(Key::DefinitionJson)}</label>
            <textarea
                id="dash-import"
                rows="10"
                aria-describedby="dash-import-error"
                prop:value=move || source.get()
                on:input=move |ev| source.set(event_target_value(&ev))
            ></textarea>
            <p id="dash-import-error" class="dash-error" role="alert">{move || problem.get()}</p>
            <button type="submit" class="dash-button dash-primary">{move || i18n.t(Key::Create)}</button>
        </form>
    }
}
