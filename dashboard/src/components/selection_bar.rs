use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::api::{self, ErrorText};
use crate::i18n::{fill, use_i18n, Key};

/// Decides the selected comments at once: approve, reject (with a reason) or hide.
#[component]
pub fn SelectionBar(
    slug: String,
    /// Ids of the selected comments; cleared after a decision.
    selected: RwSignal<BTreeSet<i64>>,
    /// Bumped after a decision so the queue reloads.
    version: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let decide = Action::new_local(move |decision: &&'static str| {
        let (slug, decision) = (slug.clone(), *decision);
        let ids: Vec<i64> = selected.get_untracked().into_iter().collect();
        let reason = Some(reason.get_untracked()).filter(|r| !r.trim().is_empty());
        let n = ids.len();
        async move {
            api::decide_comments(&slug, ids, decision, reason)
                .await
                .map(|()| n)
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = decide.value().get() {
            selected.set(BTreeSet::new());
            reason.set(String::new());
            version.update(|v| *v += 1);
        }
    });
    let none = move || selected.with(BTreeSet::is_empty) || decide.pending().get();
    let button = move |key: Key, decision: &'static str| {
        view! {
            <button type="button" class="dash-button" disabled=none on:click=move |_| {
                decide.dispatch(decision);
            }>
                {move || i18n.t(key)}
            </button>
        }
    };
    let outcome = move || {
        decide.value().get().map(|r| match r {
            Ok(n) => fill(i18n.t(Key::Decided), &[("n", &n.to_string())]),
            Err(e) => i18n.t(e.key()).to_owned(),
        })
    };
    view! {
        <div class="dash-actions dash-selection" data-testid="selection">
            <span>{move || fill(i18n.t(Key::Selected), &[("n", &selected.with(BTreeSet::len).to_string())])}</span>
            {button(Key::Approve, "approve")}
            <label class="dash-sr" for="dash-bulk-reason">{move || i18n.t(Key::Reason)}</label>
            <input
                id="dash-bulk-reason"
                type="text"
                placeholder=move || i18n.t(Key::Reason)
                maxlength="1000"
                prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))
            />
            {button(Key::Reject, "reject")}
            {button(Key::Hide, "hide")}
            <span role="status">{outcome}</span>
        </div>
    }
}
