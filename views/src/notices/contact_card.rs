use leptos::prelude::*;
use mitreden_core::notices::Contact;
use mitreden_core::Lang;

use super::texts::{t, Key};

/// A contact as an address: name, postal address, email, phone and web address, whatever is
/// given; "not yet given" when the operator has not filled it in.
#[component]
pub fn ContactCard(lang: Lang, contact: Option<Contact>) -> impl IntoView {
    let Some(c) = contact else {
        return view! { <p>{t(lang, Key::NotGiven)}</p> }.into_any();
    };
    let lines = c.address.map(|a| {
        a.lines()
            .map(|l| view! { <br />{l.to_owned()} })
            .collect_view()
    });
    let email = c.email.map(|e| {
        let href = format!("mailto:{e}");
        view! { <br />{t(lang, Key::Email)}": "<a href=href>{e}</a> }
    });
    let phone = c
        .phone
        .map(|p| view! { <br />{t(lang, Key::Phone)}": "{p} });
    let url = c.url.map(|u| {
        let href = u.clone();
        view! { <br />{t(lang, Key::Web)}": "<a href=href>{u}</a> }
    });
    view! {
        <address class="res-contact">{c.name.get(lang).to_owned()}{lines}{email}{phone}{url}</address>
    }
    .into_any()
}
