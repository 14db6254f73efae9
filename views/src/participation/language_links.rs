use leptos::prelude::*;
use mitreden_core::Lang;

use super::page_texts::{text, Key};

/// The consultation's languages as links to the same page in each: a language is chosen by
/// loading the page again, which works without JavaScript and loses nothing (the widget keeps
/// its draft on the device).
#[component]
pub fn LanguageLinks(
    /// The page's language.
    lang: Lang,
    /// Each language offered, with the address of the page in it.
    links: Vec<(Lang, String)>,
) -> impl IntoView {
    let links = links
        .into_iter()
        .map(|(other, href)| {
            let current = (other == lang).then_some("true");
            view! {
                <a class="mtr-lang" href=href lang=other.code() hreflang=other.code() aria-current=current>
                    {endonym(other)}
                </a>
            }
        })
        .collect_view();
    view! {
        <nav class="mtr-langs" aria-label=text(lang, Key::LanguageSwitch)>
            {links}
        </nav>
    }
}

/// A language's own name for itself.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Deutsch",
        Lang::En => "English",
    }
}
