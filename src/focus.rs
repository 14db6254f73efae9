//! Moving keyboard focus after the view changed, so keyboard and screen-reader users stay in
//! place when items move between lists or the step changes.

use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the pending DOM update has been drawn.
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || focus_now(&id));
}

/// Focuses the element with `id` if it exists.
pub fn focus_now(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
