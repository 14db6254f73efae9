use leptos::prelude::*;
use mitreden_core::{OrganisationKind, ValidStatement};

use crate::api;
use crate::i18n::{use_i18n, Key};

/// Organisation statements, filterable by kind.
#[component]
pub fn StatementsSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(String::new());
    let statements = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::statements(&slug).await }
    });
    let kind_name = |k: OrganisationKind| match k {
        OrganisationKind::Ngo => "ngo",
        OrganisationKind::Association => "association",
        OrganisationKind::Company => "company",
        OrganisationKind::Research => "research",
        OrganisationKind::PublicBody => "public_body",
        OrganisationKind::Other => "other",
    };
    let options = OrganisationKind::ALL
        .into_iter()
        .map(|k| view! { <option value=kind_name(k)>{kind_name(k)}</option> })
        .collect_view();
    let rows = move || {
        statements.get().map(|loaded| match loaded {
            Ok(list) => {
                let wanted = kind.get();
                list.into_iter()
                    .filter(|s: &ValidStatement| wanted.is_empty() || kind_name(s.kind) == wanted)
                    .map(|s| {
                        view! {
                            <tr>
                                <th scope="row">{s.name.clone()}</th>
                                <td>{kind_name(s.kind)}</td>
                                <td>{s.lobby_register.clone().unwrap_or_default()}</td>
                                <td class="dash-n">{s.stances.len()}</td>
                                <td>{move || i18n.t(if s.publish { Key::Yes } else { Key::No })}</td>
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
            Err(e) => view! { <tr><td colspan="5">{i18n.t(e.key())}</td></tr> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="dash-statements">
            <h2 id="dash-statements">{move || i18n.t(Key::Statements)}</h2>
            <label for="dash-kind">{move || i18n.t(Key::Kind)}</label>
            " "
            <select id="dash-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="">{move || i18n.t(Key::AllKinds)}</option>
                {options}
            </select>
            <table class="dash-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::Organisation)}</th>
                        <th scope="col">{move || i18n.t(Key::Kind)}</th>
                        <th scope="col">"Lobbyregister"</th>
                        <th scope="col">{move || i18n.t(Key::Statements)}</th>
                        <th scope="col">{move || i18n.t(Key::Publish)}</th>
                    </tr>
                </thead>
                <tbody>
                    <Suspense fallback=move || view! { <tr><td colspan="5">{i18n.t(Key::Loading)}</td></tr> }>
                        {rows}
                    </Suspense>
                </tbody>
            </table>
        </section>
    }
}
