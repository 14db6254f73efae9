use leptos::prelude::*;
use mitreden_core::{OrganisationKind, Stance};

use crate::api::{self, ErrorText};
use mitreden_views::components::statements_section::kind_key;
use mitreden_views::i18n::text as views_text;

use crate::i18n::{use_i18n, Key};
use crate::route::{Filter, Page, Room};

/// Organisation statements, filterable by kind and stance, in a table that scrolls sideways
/// inside its own box on narrow screens.
#[component]
pub fn StatementsSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    // The filters live in the address (see `route`), so a reload or a shared link keeps them.
    let page = expect_context::<RwSignal<Page>>();
    let filter = Memo::new(move |_| match page.get() {
        Page::Consultation { filter, .. } => filter,
        Page::List => Filter::default(),
    });
    let kind = Signal::derive(move || filter.get().kind.unwrap_or_default());
    let stance = Signal::derive(move || filter.get().stance.unwrap_or_default());
    let filter_slug = slug.clone();
    let set_filter = move |change: &dyn Fn(&mut Filter, String), value: String| {
        let mut f = filter.get_untracked();
        change(&mut f, value);
        page.set(Page::Consultation {
            slug: filter_slug.clone(),
            room: Room::Statements,
            filter: f,
        });
    };
    let set_kind = set_filter.clone();
    let set_stance = set_filter;
    let consultation = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move { api::definition(&slug).await.ok() }
        }
    });
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
    let stance_name = |s: Stance| match s {
        Stance::Support => "support",
        Stance::Oppose => "oppose",
        Stance::Conditional => "conditional",
        Stance::NoView => "no_view",
    };
    let stance_key = |s: Stance| match s {
        Stance::Support => Key::StanceSupport,
        Stance::Oppose => Key::StanceOppose,
        Stance::Conditional => Key::StanceConditional,
        Stance::NoView => Key::StanceNoView,
    };
    let stance_options = Stance::ALL
        .into_iter()
        .map(|s| view! { <option value=stance_name(s) selected=move || stance.get() == stance_name(s)>{move || i18n.t(stance_key(s))}</option> })
        .collect_view();
    // The kinds' names are the ones the public page uses.
    let kind_label = move |k: OrganisationKind| views_text(i18n.lang.get(), kind_key(k));
    let options = OrganisationKind::ALL
        .into_iter()
        .map(|k| view! { <option value=kind_name(k) selected=move || kind.get() == kind_name(k)>{move || kind_label(k)}</option> })
        .collect_view();
    let rows = move || {
        statements.get().map(|loaded| match loaded {
            Ok(list) => {
                let wanted = kind.get();
                let wanted_stance = stance.get();
                let definition = consultation.get().flatten();
                list.into_iter()
                    .filter(|m| wanted.is_empty() || kind_name(m.statement.kind) == wanted)
                    .filter(|m| {
                        wanted_stance.is_empty()
                            || m.statement.stances.iter().any(|x| stance_name(x.stance) == wanted_stance)
                    })
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
                        let lang = i18n.lang.get();
                        let details = s
                            .stances
                            .iter()
                            .map(|x| {
                                let title = definition
                                    .as_ref()
                                    .and_then(|c| c.priority(&x.priority))
                                    .map(|p| p.title.get(lang).to_owned())
                                    .unwrap_or_else(|| x.priority.to_string());
                                let reasoning = x.reasoning.clone().unwrap_or_default();
                                view! { <li><strong>{title}</strong>" – "{i18n.t(stance_key(x.stance))}" "{reasoning}</li> }
                            })
                            .collect_view();
                        view! {
                            <tr>
                                <th scope="row">
                                    <details>
                                        <summary>{s.name.clone()}</summary>
                                        <ul>{details}</ul>
                                    </details>
                                </th>
                                <td>{kind_label(s.kind)}</td>
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
            <select id="dash-kind" on:change=move |ev| set_kind(&|f: &mut Filter, v: String| f.kind = Some(v).filter(|v| !v.is_empty()), event_target_value(&ev))>
                <option value="">{move || i18n.t(Key::AllKinds)}</option>
                {options}
            </select>
            " "
            <label for="dash-stance">{move || i18n.t(Key::StanceFilter)}</label>
            " "
            <select id="dash-stance" on:change=move |ev| set_stance(&|f: &mut Filter, v: String| f.stance = Some(v).filter(|v| !v.is_empty()), event_target_value(&ev))>
                <option value="">{move || i18n.t(Key::AllStances)}</option>
                {stance_options}
            </select>
            <div class="dash-wrap" role="region" tabindex="0" aria-label=move || i18n.t(Key::StatementsTable)>
            <table class="dash-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::Organisation)}</th>
                        <th scope="col">{move || i18n.t(Key::Kind)}</th>
                        <th scope="col">{move || i18n.t(Key::LobbyRegister)}</th>
                        <th scope="col">{move || i18n.t(Key::Stances)}</th>
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
            </div>
        </section>
    }
}
