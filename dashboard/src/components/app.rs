use leptos::prelude::*;
use mitreden_core::Lang;
use wasm_bindgen::JsCast;

use crate::api::{self, Member};
use crate::components::consultation_list::ConsultationList;
use crate::components::consultation_page::ConsultationPage;
use crate::components::sign_in::SignIn;
use crate::i18n::{fill, text, use_i18n, Key};
pub use crate::route::Page;

/// The page named in the address, else the list.
fn page_in_address() -> Page {
    let search = window().location().search().unwrap_or_default();
    let query = web_sys::UrlSearchParams::new_with_str(&search).ok();
    Page::from_query(|name| query.as_ref().and_then(|q| q.get(name)))
}

/// The dashboard: sign-in, then the list of consultations or one consultation.
#[component]
pub fn App() -> impl IntoView {
    let i18n = use_i18n();
    let member = RwSignal::new(None::<Member>);
    let checked = RwSignal::new(false);
    let page = RwSignal::new(page_in_address());
    provide_context(page);
    // Keep the page in the address, so a reload, a bookmark or a shared link opens it; each
    // new page is a step back in the browser's history.
    Effect::new(move |_| {
        let url = page.with(Page::href);
        let here = window().location();
        let current = format!(
            "{}{}",
            here.pathname().unwrap_or_default(),
            here.search().unwrap_or_default()
        );
        if let (Ok(history), true) = (window().history(), current != url) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
    // Back and forward move between pages.
    let on_pop =
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || page.set(page_in_address()));
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    on_pop.forget();
    // The consultation open, if any: the page is built again only when it changes, not when
    // staff move between its rooms.
    let open = Memo::new(move |_| match page.get() {
        Page::Consultation { slug, .. } => Some(slug),
        Page::List => None,
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
                    match open.get() {
                        None => view! { <ConsultationList admin /> }.into_any(),
                        Some(slug) => view! { <ConsultationPage slug admin /> }.into_any(),
                    }
                }
            }}
        </main>
    }
}
