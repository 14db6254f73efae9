use std::collections::BTreeSet;

use leptos::prelude::*;
use mitreden_core::Consultation;

use crate::api::{self, Item};
use crate::i18n::{fill, use_i18n, Key};

/// One comment or proposal with its state, what it is about (by title), the moderation
/// buttons, a box to select it, and for the first of several identical comments the buttons
/// that decide all of them at once.
#[component]
pub fn QueueItem(
    slug: String,
    /// `comments` or `proposals`.
    what: &'static str,
    item: Item,
    /// For the titles of goal conflicts.
    consultation: Consultation,
    /// Bumped after a decision so the queue reloads.
    version: RwSignal<u32>,
    /// Admins may adopt approved priority proposals.
    admin: bool,
    /// The comments selected for a decision together.
    selected: RwSignal<BTreeSet<i64>>,
    /// Ids of all copies of this comment, when it is the first of several.
    copies: Option<Vec<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let copy_ids = copies;
    let reason = RwSignal::new(String::new());
    let adopt_slug = slug.clone();
    let all_slug = slug.clone();
    let decide_all = Action::new_local(move |(ids, decision): &(Vec<i64>, &'static str)| {
        let (slug, ids, decision) = (all_slug.clone(), ids.clone(), *decision);
        async move { api::decide_comments(&slug, ids, decision, None).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = decide_all.value().get() {
            version.update(|v| *v += 1);
        }
    });
    let decide = Action::new_local(move |decision: &&'static str| {
        let (slug, decision, id) = (slug.clone(), *decision, item.id);
        let reason = Some(reason.get_untracked()).filter(|r| !r.trim().is_empty());
        async move { api::decide(&slug, what, id, decision, reason).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = decide.value().get() {
            version.update(|v| *v += 1);
        }
    });
    let state = match item.status.as_str() {
        "approved" => Key::StateApproved,
        "rejected" => Key::StateRejected,
        "hidden" => Key::StateHidden,
        _ => Key::StatePending,
    };
    let copies = (item.copies > 1).then(|| {
        let n = item.copies;
        view! { <p class="dash-flag">{move || fill(i18n.t(Key::Copies), &[("n", &n.to_string())])}</p> }
    });
    let adopt = Action::new_local(move |id: &i64| {
        let (slug, id) = (adopt_slug.clone(), *id);
        async move { api::adopt(&slug, id).await }
    });
    let adopted = move || matches!(adopt.value().get(), Some(Ok(())));
    let adoptable = admin && item.status == "approved" && item.kind.as_deref() == Some("priority");
    let item_id = item.id;
    let adopt_button = adoptable.then(|| {
        view! {
            <button type="button" class="dash-button" on:click=move |_| {
                adopt.dispatch(item_id);
            }>
                {move || i18n.t(Key::Adopt)}
            </button>
            <span role="status">{move || adopted().then(|| i18n.t(Key::Adopted))}</span>
        }
    });
    let reason_id = format!("dash-reason-{what}-{}", item.id);
    let lang = i18n.lang.get_untracked();
    let context = match (&item.conflict, item.kind.as_deref()) {
        (Some(id), _) => consultation
            .conflicts
            .iter()
            .find(|c| c.id.as_str() == id)
            .map(|c| c.title.get(lang).to_owned())
            .unwrap_or_else(|| id.clone()),
        (None, Some("priority")) => i18n.t(Key::KindPriority).to_owned(),
        (None, Some(_)) => i18n.t(Key::KindConflict).to_owned(),
        (None, None) => String::new(),
    };
    let proposal_reason = (what == "proposals")
        .then(|| item.reason.clone())
        .flatten()
        .map(|r| view! { <p class="dash-reason">{fill(i18n.t(Key::ProposalReason), &[("reason", &r)])}</p> });
    let id = item.id;
    let check_id = format!("dash-select-{id}");
    let excerpt: String = item.text.chars().take(60).collect();
    let select = (what == "comments").then(|| {
        view! {
            <div class="dash-check">
                <input
                    type="checkbox"
                    id=check_id.clone()
                    prop:checked=move || selected.with(|s| s.contains(&id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        selected.update(|s| {
                            if on {
                                s.insert(id);
                            } else {
                                s.remove(&id);
                            }
                        });
                    }
                />
                <label for=check_id>
                    {move || i18n.t(Key::Select)}
                    <span class="dash-sr">{format!(": {excerpt}")}</span>
                </label>
            </div>
        }
    });
    let all_copies = copy_ids.map(|ids| {
        let n = ids.len();
        let all = move |key: Key, decision: &'static str| {
            let ids = ids.clone();
            view! {
                <button type="button" class="dash-button" on:click=move |_| {
                    decide_all.dispatch((ids.clone(), decision));
                }>
                    {move || i18n.t(key)}
                </button>
            }
        };
        view! {
            <div class="dash-actions">
                <span>{move || fill(i18n.t(Key::AllCopies), &[("n", &n.to_string())])}</span>
                {all(Key::Approve, "approve")}
                {all(Key::Reject, "reject")}
                {all(Key::Hide, "hide")}
            </div>
        }
    });
    let button = move |key: Key, decision: &'static str| {
        view! {
            <button type="button" class="dash-button" on:click=move |_| {
                decide.dispatch(decision);
            }>
                {move || i18n.t(key)}
            </button>
        }
    };
    view! {
        <li class="dash-item" data-testid=format!("{what}-{}", item.id)>
            {select}
            <p class="dash-quote">{item.text.clone()}</p>
            {proposal_reason}
            <p class="dash-meta">{format!("{context} · ")}{move || i18n.t(state)}</p>
            {copies}
            {all_copies}
            <div class="dash-actions">
                {button(Key::Approve, "approve")}
                <label for=reason_id.clone() class="dash-sr">{move || i18n.t(Key::Reason)}</label>
                {(what == "comments").then(|| view! {
                    <input
                        id=reason_id.clone()
                        type="text"
                        placeholder=move || i18n.t(Key::Reason)
                        maxlength="1000"
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    />
                })}
                {button(Key::Reject, "reject")}
                {(what == "comments").then(|| button(Key::Hide, "hide"))}
                {adopt_button}
            </div>
        </li>
    }
}
