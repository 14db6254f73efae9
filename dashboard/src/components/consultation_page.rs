use leptos::prelude::*;
use mitreden_core::Status;

use crate::api::{self, ErrorText};
use crate::components::consultation_list::status_key;
use crate::components::definition_section::DefinitionSection;
use crate::components::embed_section::EmbedSection;
use crate::components::export_section::ExportSection;
use crate::components::lifecycle_note::LifecycleNote;
use crate::components::moderation_section::ModerationSection;
use crate::components::outcome_room::OutcomeRoom;
use crate::components::overview_room::OverviewRoom;
use crate::components::results_section::ResultsSection;
use crate::components::statements_section::StatementsSection;
use crate::i18n::{use_i18n, Key};
use crate::route::{Filter, Page, Room};

/// One consultation: its title and status, and its rooms (overview, results, moderation,
/// statements, setup), each with its own address.
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
                    let closing = status == Status::Open;
                    let (next, label) = if closing {
                        (Status::Closed, Key::CloseConsultation)
                    } else {
                        (Status::Open, Key::OpenConsultation)
                    };
                    // Closing stops participation and starts the clock for removing personal
                    // data: asked once more, with what it does.
                    let confirming = RwSignal::new(false);
                    view! {
                        <button
                            type="button"
                            class="dash-button"
                            class:dash-primary=!closing
                            aria-expanded=move || closing.then(|| confirming.get().to_string())
                            on:click=move |_| {
                                if closing {
                                    confirming.set(true);
                                } else {
                                    status_change.dispatch(next);
                                }
                            }
                        >
                            {move || i18n.t(label)}
                        </button>
                        <Show when=move || confirming.get()>
                            <span class="dash-confirm" role="group" aria-label=move || i18n.t(Key::CloseConsultation)>
                                <span>{move || i18n.t(Key::CloseWhat)}</span>
                                " "
                                <button type="button" class="dash-button dash-primary" on:click=move |_| {
                                    confirming.set(false);
                                    status_change.dispatch(next);
                                }>
                                    {move || i18n.t(Key::CloseYes)}
                                </button>
                                " "
                                <button type="button" class="dash-button" on:click=move |_| confirming.set(false)>
                                    {move || i18n.t(Key::Cancel)}
                                </button>
                            </span>
                        </Show>
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
    let room = Memo::new(move |_| match page.get() {
        Page::Consultation { room, .. } => room,
        Page::List => Room::Overview,
    });
    let nav_slug = slug.clone();
    let nav = Room::ALL
        .into_iter()
        .map(|r| {
            let target = Page::Consultation {
                slug: nav_slug.clone(),
                room: r,
                filter: Filter::default(),
            };
            let href = target.href();
            view! {
                <li>
                    <a
                        href=href
                        aria-current=move || (room.get() == r).then_some("page")
                        on:click=move |ev| {
                            ev.prevent_default();
                            page.set(target.clone());
                        }
                    >
                        {move || i18n.t(room_key(r))}
                    </a>
                </li>
            }
        })
        .collect_view();
    let body = move || {
        let slug = slug.clone();
        match room.get() {
            Room::Overview => view! { <OverviewRoom slug /> }.into_any(),
            Room::Results => view! { <ResultsSection slug /> }.into_any(),
            Room::Outcome => view! { <OutcomeRoom slug admin /> }.into_any(),
            Room::Moderation => view! { <ModerationSection slug admin /> }.into_any(),
            Room::Statements => view! { <StatementsSection slug /> }.into_any(),
            Room::Setup => view! {
                <EmbedSection slug=slug.clone() />
                <ExportSection slug=slug.clone() />
                {admin.then(|| view! { <DefinitionSection slug=slug.clone() /> })}
            }
            .into_any(),
        }
    };
    view! {
        <p>
            <button type="button" class="dash-link" on:click=move |_| page.set(Page::List)>
                {move || i18n.t(Key::BackToList)}
            </button>
        </p>
        <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{header}</Suspense>
        <nav aria-label=move || i18n.t(Key::Sections)>
            <ul class="dash-nav dash-rooms">{nav}</ul>
        </nav>
        {body}
    }
}

/// The name of a room.
pub fn room_key(room: Room) -> Key {
    match room {
        Room::Overview => Key::Overview,
        Room::Results => Key::Results,
        Room::Outcome => Key::OutcomeRoom,
        Room::Moderation => Key::Moderation,
        Room::Statements => Key::Statements,
        Room::Setup => Key::Setup,
    }
}
