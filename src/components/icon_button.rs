use leptos::prelude::*;

/// A small button showing a symbol, its name given to screen readers and as a tooltip.
///
/// A disabled one stays focusable (`aria-disabled`), so focus never vanishes under the keyboard;
/// its click handler decides what pressing it says.
#[component]
pub fn IconButton(
    id: String,
    symbol: &'static str,
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
            <span class="mtr-sr">{move || label.get()}</span>
        </button>
    }
}
