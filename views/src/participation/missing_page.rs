use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::Lang;

use super::shell::Shell;
use super::texts::{text, Key};

/// The widget page of a consultation that does not exist (or not yet, or no longer): a plain
/// sentence in the frame, not a blank one.
#[component]
pub fn MissingPage(lang: Lang, css: String) -> impl IntoView {
    view! {
        <Shell lang title="mitreden".to_owned() css theme=Theme::default()>
            <main class="mtr-root">
                <p class="mtr-error" role="alert">{text(lang, Key::ErrorNotFound)}</p>
            </main>
        </Shell>
    }
}
