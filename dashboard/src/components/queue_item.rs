use leptos::prelude::*;

use crate::api::{self, Item};
use crate::i18n::{fill, use_i18n, Key};

/// One comment or proposal with its state and the moderation buttons.
#[component]
pub fn QueueItem(
    slug: String,
    /// `comments` or `proposals`.
    what: &'static str,
    item: Item,
    /// Bumped after a decision so the queue reloads.
    version: RwSignal<u32>,
    /// Admins may adopt approved priority proposals.
    admin: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let adopt_slug = slug.clone();
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
    let context = item
        .conflict
        .clone()
        .or(item.kind.clone())
        .unwrap_or_default();
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
            <p class="dash-quote">{item.text.clone()}</p>
            <p class="dash-meta">{context}" · "{move || i18n.t(state)}</p>
            {copies}
            <div class="dash-actions">
                {button(Key::Approve, "approve")}
                <label for=reason_id.clone() class="dash-sr">{move || i18n.t(Key::Reason)}</label>
                {(what == "comments").then(|| view! {
                    <input
                        id=reason_id.clone()
                        type="text"
                        placeholder=move || i18n.t(Key::Reason)
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
