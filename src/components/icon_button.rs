use leptos::prelude::*;

use crate::i18n::{tr, Key};

/// A small button showing a symbol and, on touch and narrow screens, a word saying what it
/// does (`short`, the end of its full name, so speech input finds it by what it shows). Its
/// full name (`label`) goes to screen readers and into the tooltip.
///
/// A disabled one stays focusable (`aria-disabled`), so focus never vanishes under the keyboard;
/// its click handler decides what pressing it says.
#[component]
pub fn IconButton(
    id: String,
    symbol: &'static str,
    short: Key,
    #[prop(into)] label: Signal<String>,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(into)] on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="mtr-icon-button"
            id=id
            aria-disabled=move || disabled.get().to_string()
            title=move || label.get()
            on:click=move |_| on_click.run(())
        >
            <span aria-hidden="true">{symbol}</span>
            <span class="mtr-icon-text" aria-hidden="true">{tr(short)}</span>
            <span class="mtr-sr">{move || label.get()}</span>
        </button>
    }
}
