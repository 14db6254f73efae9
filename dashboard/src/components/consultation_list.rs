use leptos::prelude::*;
use mitreden_core::locale;
use mitreden_core::Status;

use crate::api::{self, ErrorText};
use crate::components::app::Page;
use crate::components::import_form::ImportForm;
use crate::i18n::{use_i18n, Key};

/// The name of a status.
pub fn status_key(status: Status) -> Key {
    match status {
        Status::Draft => Key::StatusDraft,
        Status::Open => Key::StatusOpen,
        Status::Closed => Key::StatusClosed,
    }
}

/// All consultations with their counts; admins can create new ones.
#[component]
pub fn ConsultationList(admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let page = expect_context::<RwSignal<Page>>();
    let list = LocalResource::new(api::consultations);
    let rows = move || {
        list.get().map(|loaded| match loaded {
            Ok(items) => items
                .into_iter()
                .map(|c| {
                    let slug = c.slug.clone();
                    let title = c.title.clone();
                    view! {
                        <tr>
                            <th scope="row">{move || title.get(i18n.lang.get()).to_owned()}</th>
                            <td>{move || i18n.t(status_key(c.status))}</td>
                            <td class="dash-n">{move || locale::integer(i18n.lang.get(), c.responses)}</td>
                            <td class="dash-n">{c.statements}</td>
                            <td>
                                <button
                                    type="button"
                                    class="dash-button"
                                    on:click=move |_| page.set(Page::consultation(slug.clone()))
                                >
                                    {move || i18n.t(Key::Open)}
                                    <span class="dash-sr">" " {c.slug.clone()}</span>
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any(),
            Err(e) => view! { <tr><td colspan="5">{i18n.t(e.key())}</td></tr> }.into_any(),
        })
    };
    view! {
        <h1>{move || i18n.t(Key::Consultations)}</h1>
        <table class="dash-table" data-testid="consultations">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::Title)}</th>
                    <th scope="col">{move || i18n.t(Key::Status)}</th>
                    <th scope="col">{move || i18n.t(Key::Responses)}</th>
                    <th scope="col">{move || i18n.t(Key::Statements)}</th>
                    <th scope="col"><span class="dash-sr">{move || i18n.t(Key::Open)}</span></th>
                </tr>
            </thead>
            <tbody>
                <Suspense fallback=move || view! { <tr><td colspan="5">{i18n.t(Key::Loading)}</td></tr> }>
                    {rows}
                </Suspense>
            </tbody>
        </table>
        {admin.then(|| view! { <ImportForm /> })}
    }
}
