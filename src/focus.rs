//! Moving keyboard focus after the view changed, so keyboard and screen-reader users stay in
//! place when items move between lists or the step changes.

use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the pending DOM update has been drawn.
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || focus_now(&id));
}

/// Of a step's questions, whose errors have the ids `errors`, finds the first that `flagged`
/// picks out and moves focus to its error; `true` when none is (the step may be left).
pub fn none_flagged(errors: &[String], flagged: impl Fn(usize) -> bool) -> bool {
    match (0..errors.len()).find(|&i| flagged(i)) {
        Some(i) => {
            focus_later(errors[i].clone());
            false
        }
        None => true,
    }
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

/// Keeps the element with `id` where it is on the screen across the pending DOM update: notes
/// its position now and, once the update is drawn, asks for the page to scroll by as much as
/// it moved. The page's own script (`public/widget-boot.js`) scrolls the widget page, or, in an
/// embedding page's frame, asks that page to scroll.
pub fn keep_in_place(id: String) {
    let Some(before) = top_of(&id) else {
        return;
    };
    leptos::prelude::request_animation_frame(move || {
        let Some(after) = top_of(&id) else {
            return;
        };
        let by = after - before;
        if by.abs() < 1.0 {
            return;
        }
        let detail = web_sys::CustomEventInit::new();
        detail.set_detail(&by.into());
        if let (Some(window), Ok(event)) = (
            web_sys::window(),
            web_sys::CustomEvent::new_with_event_init_dict("mtr:scroll-by", &detail),
        ) {
            let _ = window.dispatch_event(&event);
        }
    });
}

/// The distance of the element with `id` from the top of the viewport, in CSS pixels.
fn top_of(id: &str) -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|e| e.get_bounding_client_rect().top())
}
