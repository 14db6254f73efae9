use leptos::prelude::*;
use mitreden_core::Lang;

use super::texts::{t, Key};

/// The link to the same notice in the other language, named in that language.
#[component]
pub fn OtherLanguage(lang: Lang, href: Option<String>) -> impl IntoView {
    let other = match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    href.map(|href| {
        view! {
            <p>
                <a href=href lang=other.code() hreflang=other.code()>{t(lang, Key::OtherLanguage)}</a>
            </p>
        }
    })
}
