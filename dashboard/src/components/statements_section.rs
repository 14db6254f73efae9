use leptos::prelude::*;
use mitreden_core::OrganisationKind;

use crate::api;
use crate::i18n::{use_i18n, Key};

/// Organisation statements, filterable by kind.
#[component]
pub fn StatementsSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(String::new());
    let version = RwSignal::new(0u32);
    let statements = {
        let slug = slug.clone();
        LocalResource::new(move || {
            version.track();
            let slug = slug.clone();
            async move { api::statements(&slug).await }
        })
    };
    let mark = Action::new_local(move |(id, published): &(String, bool)| {
        let (slug, id, published) = (slug.clone(), id.clone(), *published);
        async move { api::mark_statement(&slug, &id, published).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = mark.value().get() {
            version.update(|v| *v += 1);
        }
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
                    .filter(|m| wanted.is_empty() || kind_name(m.statement.kind) == wanted)
                    .map(|m| {
                        let s = m.statement;
                        let id = s.id.to_string();
                        let published = m.published;
                        let action = s.publish.then(|| {
                            let key = if published { Key::Unmark } else { Key::MarkForPublication };
                            view! {
                                <button
                                    type="button"
                                    class="dash-button"
                                    on:click=move |_| {
                                        mark.dispatch((id.clone(), !published));
                                    }
                                >
                                    {move || i18n.t(key)}
                                </button>
                            }
                        });
                        view! {
                            <tr>
                                <th scope="row">{s.name.clone()}</th>
                                <td>{kind_name(s.kind)}</td>
                                <td>{s.lobby_register.clone().unwrap_or_default()}</td>
                                <td class="dash-n">{s.stances.len()}</td>
                                <td>{move || i18n.t(if s.publish { Key::Yes } else { Key::No })}</td>
                                <td>{move || i18n.t(if published { Key::Yes } else { Key::No })}" "{action}</td>
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
            Err(e) => view! { <tr><td colspan="6">{i18n.t(e.key())}</td></tr> }.into_any(),
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
                        <th scope="col">{move || i18n.t(Key::Published)}</th>
                    </tr>
                </thead>
                <tbody>
                    <Suspense fallback=move || view! { <tr><td colspan="6">{i18n.t(Key::Loading)}</td></tr> }>
                        {rows}
                    </Suspense>
                </tbody>
            </table>
        </section>
    }
}
