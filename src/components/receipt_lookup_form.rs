use leptos::prelude::*;

use crate::api::{self, ErrorText, Found};
use crate::components::your_outcome::YourOutcome;
use crate::context::use_consultation;
use crate::focus::focus_later;
use crate::i18n::{fill, tr, use_i18n, Key};

/// The form of [`super::receipt_lookup::ReceiptLookup`]: view and withdraw a submission with
/// its receipt code.
#[component]
pub fn ReceiptLookupForm() -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    let code = RwSignal::new(String::new());
    let look_up = {
        let slug = slug.clone();
        Action::new_local(move |code: &String| {
            let (slug, code) = (slug.clone(), code.clone());
            async move { api::find_by_receipt(&slug, &code).await }
        })
    };
    let withdraw = Action::new_local(move |(organisation, code): &(bool, String)| {
        let (slug, organisation, code) = (slug.clone(), *organisation, code.clone());
        async move { api::withdraw(&slug, organisation, &code).await }
    });
    let error = move || match (look_up.value().get(), withdraw.value().get()) {
        (_, Some(Err(e))) | (Some(Err(e)), _) => Some(i18n.t(e.key())),
        _ => None,
    };
    Effect::new(move |_| {
        if look_up.value().get().is_some() {
            focus_later("mtr-lookup-result".to_owned());
        }
    });
    let found = move || match look_up.value().get() {
        Some(Ok(found)) => Some(found),
        _ => None,
    };
    let c = consultation.clone();
    let summary = move |found: Found| {
        let lang = i18n.lang.get();
        match found {
            Found::Response(r) => {
                let group = c
                    .groups
                    .iter()
                    .find(|g| g.id == r.group)
                    .map(|g| g.label.get(lang).to_owned())
                    .unwrap_or_default();
                let titles = r
                    .ranking
                    .iter()
                    .filter_map(|p| c.priority(p).map(|p| p.title.get(lang).to_owned()))
                    .map(|t| view! { <li>{t}</li> })
                    .collect_view();
                let ranking = r.ranking.clone();
                view! {
                    <p>{fill(i18n.t(Key::FoundResponse), &[("group", &group)])}</p>
                    <ol>{titles}</ol>
                    <YourOutcome ranking />
                }
                .into_any()
            }
            Found::Statement(s) => {
                view! { <p>{fill(i18n.t(Key::FoundStatement), &[("name", &s.name)])}</p> }
                    .into_any()
            }
        }
    };
    let on_withdraw = move |_| {
        if let Some(found) = found() {
            withdraw.dispatch((matches!(found, Found::Statement(_)), code.get_untracked()));
        }
    };
    let withdrawn = move || matches!(withdraw.value().get(), Some(Ok(())));

    view! {
        <form
            class="mtr-lookup-form"
            on:submit=move |ev| {
                ev.prevent_default();
                withdraw.value().set(None);
                look_up.dispatch(code.get_untracked());
            }
        >
            <label class="mtr-label" for="mtr-lookup-code">
                {tr(Key::ReceiptCodeInput)}
            </label>
            <input
                class="mtr-input"
                id="mtr-lookup-code"
                type="text"
                autocomplete="off"
                spellcheck="false"
                maxlength="24"
                aria-describedby="mtr-lookup-result"
                prop:value=move || code.get()
                on:input=move |ev| code.set(event_target_value(&ev))
            />
            <button type="submit" class="mtr-button">{tr(Key::ShowResponse)}</button>
        </form>
        <div id="mtr-lookup-result" tabindex="-1" role="status">
            {move || error().map(|text| view! { <p class="mtr-error">{text}</p> })}
            {move || {
                if withdrawn() {
                    view! { <p>{i18n.t(Key::WithdrawnNotice)}</p> }.into_any()
                } else {
                    found()
                        .map(|f| {
                            view! {
                                {summary(f)}
                                <button type="button" class="mtr-button mtr-danger" on:click=on_withdraw>
                                    {i18n.t(Key::Withdraw)}
                                </button>
                            }
                        })
                        .into_any()
                }
            }}
        </div>
    }
}
