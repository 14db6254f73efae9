use leptos::prelude::*;
use mitreden_core::Lang;

use super::page_texts::{text, Key};

/// A server-rendered button the widget answers (`data-mtr-act="{act}"`, handed to it by the
/// page's script, `public/widget-boot.js`) — without the widget, its form's submit button —
/// and beside it what that script says while the widget is still on its way after a press
/// (the page's text: the script has none of its own).
#[component]
pub fn ActButton(
    lang: Lang,
    act: &'static str,
    /// What the button says.
    label: &'static str,
    /// The status on a row of its own below, where there is no room beside the button.
    #[prop(optional)]
    status_below: bool,
) -> impl IntoView {
    let status_class = if status_below {
        "mtr-boot-status mtr-boot-status-below"
    } else {
        "mtr-boot-status"
    };
    view! {
        <button type="submit" class="mtr-button mtr-primary" data-mtr-act=act>
            {label}
        </button>
        <span class=status_class role="status" data-busy=text(lang, Key::PartLoading)></span>
    }
}
