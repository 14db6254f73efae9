//! Moving keyboard focus after the view changed, so keyboard and screen-reader users stay in
//! place when items move between lists or the step changes.

use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the pending DOM update has been drawn.
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || focus_now(&id));
}

/// Focuses a step's heading once the step is drawn, with the step's "Schritt n von m" above it
/// in view too: the browser scrolls a heading it focuses only just into view when part of it
/// showed already, which left the step's top cut off at the screen's edge.
pub fn focus_step_later(heading: String) {
    leptos::prelude::request_animation_frame(move || {
        focus_now(&heading);
        let progress = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&heading))
            .and_then(|h| h.previous_element_sibling())
            .filter(|p| p.class_list().contains("mtr-progress"));
        if let Some(progress) = progress {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            progress.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Of a step's problems — for each question the id of the element to focus, if it has one —
/// moves focus to the first; `true` when there is none (the step may be left).
pub fn none_flagged(problems: impl IntoIterator<Item = Option<String>>) -> bool {
    match problems.into_iter().flatten().next() {
        Some(id) => {
            focus_later(id);
            false
        }
        None => true,
    }
}

/// Focuses the element with `id` if it exists. In a text field the caret goes to the end: a
/// text selected from an earlier Tab would otherwise be replaced whole by the next key.
pub fn focus_now(id: &str) {
    let Some(element) = element(id) else { return };
    let _ = element.focus();
    // (Fields without a caret, such as e-mail, refuse the range: nothing to do for them.)
    if let Some(field) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let end = field.value().encode_utf16().count() as u32;
        let _ = field.set_selection_range(end, end);
    } else if let Some(field) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let end = field.value().encode_utf16().count() as u32;
        let _ = field.set_selection_range(end, end);
    }
}

/// Keeps the element with `id` where it is on the screen across the pending DOM update, and
/// focused: notes its position now and, once the update is drawn, focuses it without the
/// browser's own scrolling (which, in an embedding page's frame, scrolled that page too, on top
/// of what follows) and asks for the page to scroll by as much as it moved. The page's own
/// script (`public/widget-boot.js`) scrolls the widget page, or, in an embedding page's frame,
/// asks that page to scroll.
pub fn keep_in_place(id: String) {
    let Some(before) = top_of(&id) else {
        focus_later(id);
        return;
    };
    leptos::prelude::request_animation_frame(move || {
        let Some(element) = element(&id) else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
        let by = element.get_bounding_client_rect().top() - before;
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

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The distance of the element with `id` from the top of the viewport, in CSS pixels.
fn top_of(id: &str) -> Option<f64> {
    element(id).map(|e| e.get_bounding_client_rect().top())
}
