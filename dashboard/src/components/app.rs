use leptos::prelude::*;
use mitreden_core::Lang;

use crate::api::{self, Member};
use crate::components::consultation_list::ConsultationList;
use crate::components::consultation_page::ConsultationPage;
use crate::components::sign_in::SignIn;
use crate::i18n::{fill, text, use_i18n, Key};

/// Where the dashboard is.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    List,
    Consultation(String),
}

/// The page named in the address (`/staff/?c=slug`), else the list.
fn initial_page() -> Page {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|q| q.get("c"))
        .filter(|slug| !slug.is_empty())
        .map(Page::Consultation)
        .unwrap_or(Page::List)
}

/// The dashboard: sign-in, then the list of consultations or one consultation.
#[component]
pub fn App() -> impl IntoView {
    let i18n = use_i18n();
    let member = RwSignal::new(None::<Member>);
    let checked = RwSignal::new(false);
    let page = RwSignal::new(initial_page());
    provide_context(page);
    // Keep the page in the address, so a reload stays where staff were.
    Effect::new(move |_| {
        let url = match page.get() {
            Page::List => "/staff/".to_owned(),
            Page::Consultation(slug) => format!("/staff/?c={slug}"),
        };
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
    leptos::task::spawn_local(async move {
        if let Ok(m) = api::me().await {
            member.set(Some(m));
        }
        checked.set(true);
    });
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::sign_out().await;
            member.set(None);
        });
    };
    let other_lang = move || match i18n.lang.get() {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    view! {
        <header class="dash-header">
            <p class="dash-brand">{move || i18n.t(Key::AppTitle)}</p>
            <div class="dash-user">
                {move || {
                    member
                        .get()
                        .map(|m| {
                            let text = fill(i18n.t(Key::SignedInAs), &[("name", &m.name), ("role", &m.role)]);
                            view! {
                                <span>{text}</span>
                                <button type="button" class="dash-button" on:click=sign_out>
                                    {move || i18n.t(Key::SignOut)}
                                </button>
                            }
                        })
                }}
                <button
                    type="button"
                    class="dash-button"
                    lang=move || other_lang().code()
                    on:click=move |_| i18n.lang.set(other_lang())
                >
                    {move || text(other_lang(), Key::LanguageName)}
                </button>
            </div>
        </header>
        <main class="dash-main">
            {move || {
                if !checked.get() {
                    view! { <p>{i18n.t(Key::Loading)}</p> }.into_any()
                } else if member.get().is_none() {
                    view! { <SignIn member /> }.into_any()
                } else {
                    let admin = member.get().is_some_and(|m| m.is_admin());
                    match page.get() {
                        Page::List => view! { <ConsultationList admin /> }.into_any(),
                        Page::Consultation(slug) => view! { <ConsultationPage slug admin /> }.into_any(),
                    }
                }
            }}
        </main>
    }
}
