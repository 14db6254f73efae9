use leptos::prelude::*;
use mitreden_core::Status;

use crate::api::{self, ErrorText};
use crate::components::app::Page;
use crate::components::consultation_list::status_key;
use crate::components::definition_section::DefinitionSection;
use crate::components::embed_section::EmbedSection;
use crate::components::export_section::ExportSection;
use crate::components::lifecycle_note::LifecycleNote;
use crate::components::moderation_section::ModerationSection;
use crate::components::results_section::ResultsSection;
use crate::components::statements_section::StatementsSection;
use crate::i18n::{use_i18n, Key};

/// One consultation: status, results, moderation, statements, export, embedding, definition.
#[component]
pub fn ConsultationPage(slug: String, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let page = expect_context::<RwSignal<Page>>();
    let definition = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { api::definition(&slug).await }
        })
    };
    let status_change = {
        let slug = slug.clone();
        Action::new_local(move |status: &Status| {
            let (slug, status) = (slug.clone(), *status);
            async move { api::set_status(&slug, status).await }
        })
    };
    // Counts status changes, for what depends on them.
    let changed = RwSignal::new(0usize);
    Effect::new(move |_| {
        if let Some(Ok(_)) = status_change.value().get() {
            changed.update(|n| *n += 1);
            definition.refetch();
        }
    });
    let header = move || {
        definition.get().map(|loaded| match loaded {
            Ok(c) => {
                let title = c.title.clone();
                let status = c.status;
                let retention_days = c.settings.retention_days;
                let slug = c.slug.to_string();
                let toggle = admin.then(|| {
                    let (next, label) = if status == Status::Open {
                        (Status::Closed, Key::CloseConsultation)
                    } else {
                        (Status::Open, Key::OpenConsultation)
                    };
                    view! {
                        <button
                            type="button"
                            class="dash-button dash-primary"
                            on:click=move |_| {
                                status_change.dispatch(next);
                            }
                        >
                            {move || i18n.t(label)}
                        </button>
                    }
                });
                view! {
                    <h1>{move || title.get(i18n.lang.get()).to_owned()}</h1>
                    <p>
                        {move || i18n.t(Key::Status)}": "
                        <strong data-testid="status">{move || i18n.t(status_key(status))}</strong>
                        " "
                        {toggle}
                    </p>
                    <LifecycleNote slug retention_days changed=changed.into() />
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    let sections = [
        ("dash-results", Key::Results),
        ("dash-moderation", Key::Moderation),
        ("dash-statements", Key::Statements),
        ("dash-export", Key::Export),
        ("dash-embed", Key::Embed),
        ("dash-definition", Key::Definition),
    ];
    let nav = sections
        .into_iter()
        .map(|(id, key)| view! { <li><a href=format!("#{id}")>{move || i18n.t(key)}</a></li> })
        .collect_view();
    view! {
        <p>
            <button type="button" class="dash-link" on:click=move |_| page.set(Page::List)>
                {move || i18n.t(Key::BackToList)}
            </button>
        </p>
        <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{header}</Suspense>
        <nav aria-label=move || i18n.t(Key::Sections)>
            <ul class="dash-nav">{nav}</ul>
        </nav>
        <ResultsSection slug=slug.clone() />
        <ModerationSection slug=slug.clone() admin />
        <StatementsSection slug=slug.clone() />
        <ExportSection slug=slug.clone() />
        <EmbedSection slug=slug.clone() />
        {admin.then(|| view! { <DefinitionSection slug=slug.clone() /> })}
    }
}
