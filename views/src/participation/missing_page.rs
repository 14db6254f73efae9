use leptos::prelude::*;
use mitreden_core::Lang;

use super::texts::{text, Key};

/// The widget page of a consultation that does not exist (or not yet, or no longer): a plain
/// sentence in the frame, not a blank one.
#[component]
pub fn MissingPage(lang: Lang, css: String) -> impl IntoView {
    view! {
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <link rel="icon" href="data:," />
                <title>"mitreden"</title>
                <style inner_html=css></style>
            </head>
            <body>
                <main class="mtr-root">
                    <p class="mtr-error" role="alert">{text(lang, Key::ErrorNotFound)}</p>
                </main>
            </body>
        </html>
    }
}
