use leptos::prelude::*;

use crate::api::{self, ErrorText, Member};
use crate::i18n::{use_i18n, Key};

/// The sign-in form.
#[component]
pub fn SignIn(member: RwSignal<Option<Member>>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let attempt = Action::new_local(move |(n, p): &(String, String)| {
        let (n, p) = (n.clone(), p.clone());
        async move { api::sign_in(&n, &p).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(m)) = attempt.value().get() {
            member.set(Some(m));
        }
    });
    let error = move || match attempt.value().get() {
        Some(Err(e)) => Some(i18n.t(e.key())),
        _ => None,
    };
    view! {
        <h1>{move || i18n.t(Key::SignInHeading)}</h1>
        <form
            class="dash-form"
            on:submit=move |ev| {
                ev.prevent_default();
                attempt.dispatch((name.get_untracked(), password.get_untracked()));
            }
        >
            <label for="dash-name">{move || i18n.t(Key::Name)}</label>
            <input
                id="dash-name"
                type="text"
                autocomplete="username"
                required
                aria-describedby="dash-sign-in-error"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
            />
            <label for="dash-password">{move || i18n.t(Key::Password)}</label>
            <input
                id="dash-password"
                type="password"
                autocomplete="current-password"
                required
                aria-describedby="dash-sign-in-error"
                prop:value=move || password.get()
                on:input=move |ev| password.set(event_target_value(&ev))
            />
            <p id="dash-sign-in-error" class="dash-error" role="alert">{error}</p>
            <button type="submit" class="dash-button dash-primary">{move || i18n.t(Key::SignIn)}</button>
        </form>
    }
}
