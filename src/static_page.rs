//! The widget on a page of its own (`index.html`, built into `dist/`), for hosting the built
//! widget on any static web server or CDN next to the API. The page names the API and the
//! consultation in data attributes of its `<main>`:
//!
//! ```html
//! <main class="mtr-root" data-mtr-api="https://beteiligung.example" data-mtr-consultation="demo">
//! ```
//!
//! The widget then asks the API for the consultation, renders the welcome and the first
//! question itself (the components the server renders on its own widget page), and mounts
//! beside them. The plain form, the receipt look-up and the notices are the API server's
//! pages; the API must allow the page's origin (`--cors-origin`).

use leptos::prelude::*;
use mitreden_core::{Lang, Status};
use mitreden_views::participation::first_screen::FirstScreen;
use mitreden_views::participation::welcome::WelcomeLinks;
use wasm_bindgen::JsCast;

use crate::api::{self, ErrorText};
use crate::components::load_error::LoadError;
use crate::components::widget::Widget;
use crate::i18n::{provide_i18n, Key};

/// Where a static page names the API's address.
pub const API_ATTRIBUTE: &str = "data-mtr-api";
/// Where it names the consultation.
pub const CONSULTATION_ATTRIBUTE: &str = "data-mtr-consultation";

/// Renders the first screen into the page's element that names the API, and the widget
/// beside it. Whatever fails (no such element, the API not reachable or not allowing this
/// origin, no such consultation) is said in that element, in the page's language.
pub async fn start() {
    let document = document();
    let Some(site) = document
        .query_selector(&format!("[{API_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let page_lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    let api_base = site.get_attribute(API_ATTRIBUTE).unwrap_or_default();
    let slug = site
        .get_attribute(CONSULTATION_ATTRIBUTE)
        .unwrap_or_default();
    api::use_api_at(&api_base);
    // The language the address asks for (the welcome's language links), else the page's, if
    // the consultation speaks it; else its first.
    let asked = web_sys::UrlSearchParams::new_with_str(&location().search().unwrap_or_default())
        .ok()
        .and_then(|q| q.get("lang"))
        .as_deref()
        .and_then(Lang::from_code);
    let said = asked.unwrap_or(page_lang);
    // Without the consultation, the plain form on the API's server may still work (it needs
    // no CORS): offered beside the reason.
    let form = format!(
        "{}/w/{slug}/form?lang={}",
        api_base.trim_end_matches('/'),
        said.code()
    );
    let consultation = match api::consultation(&slug).await {
        Ok(c) if !slug.is_empty() => c,
        Ok(_) => return fail(site, said, Key::ErrorNoConsultation, None),
        // Not reachable, or not allowing this page's origin (the browser's console says which).
        Err(api::ApiError::Network(_)) => return fail(site, said, Key::ErrorNotLoaded, Some(form)),
        Err(e) => return fail(site, said, e.key(), None),
    };
    let lang = [asked, Some(page_lang)]
        .into_iter()
        .flatten()
        .find(|l| consultation.languages.contains(l))
        .or_else(|| consultation.languages.first().copied())
        .unwrap_or_default();
    let follow_up = match consultation.status {
        Status::Closed => api::progress(&slug).await.ok(),
        _ => None,
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(consultation.title.get(lang));
    let links = links(&api_base, &slug, lang, &consultation.languages);
    let shown = consultation.in_language(lang);
    site.set_inner_html("");
    let widget = shown.clone();
    leptos::mount::mount_to(site, move || {
        view! { <FirstScreen consultation=shown lang links follow_up /> }
    })
    .forget();
    // Mounted after the first screen is in the page: the widget takes over its first question.
    if let Some(app) = document.get_element_by_id("mtr-app") {
        let app = app.unchecked_into::<web_sys::HtmlElement>();
        leptos::mount::mount_to(app, move || {
            view! { <Widget lang consultation=Some(widget) /> }
        })
        .forget();
    }
}

/// The welcome's links: its languages on this page, the rest on the API's server.
fn links(api: &str, slug: &str, lang: Lang, languages: &[Lang]) -> WelcomeLinks {
    let api = api.trim_end_matches('/');
    let code = lang.code();
    WelcomeLinks {
        languages: languages
            .iter()
            .map(|&l| (l, format!("?lang={}", l.code())))
            .collect(),
        privacy: format!("{api}/datenschutz/{slug}?lang={code}"),
        accessibility: format!("{api}/barrierefreiheit?lang={code}"),
        form: format!("{api}/w/{slug}/form"),
        carried: vec![("lang".to_owned(), code.to_owned())],
        lookup: format!("{api}/w/{slug}/lookup?lang={code}"),
    }
}

/// Says in `site` why there is no consultation to show, with a link to the plain form on the
/// API's server where that may still work.
fn fail(site: web_sys::HtmlElement, lang: Lang, key: Key, form: Option<String>) {
    site.set_inner_html("");
    leptos::mount::mount_to(site, move || {
        provide_i18n(lang);
        let instead = form.map(|href| {
            view! { <p><a href=href>{crate::i18n::text(lang, Key::FormInstead)}</a></p> }
        });
        view! {
            <LoadError key />
            {instead}
        }
    })
    .forget();
}
