use wasm_bindgen::prelude::*;

fn main() {
    std::panic::set_hook(Box::new(mitreden_widget::panic::report_panic));
    // The server rendered the welcome; the widget lives in the element after it.
    let Some(app) = leptos::prelude::document().get_element_by_id("mtr-app") else {
        return;
    };
    leptos::mount::mount_to(app.unchecked_into(), mitreden_widget::App).forget();
}

/// What the visitor did on the welcome before (or since) the widget loaded: `start`, `lookup`.
#[wasm_bindgen]
pub fn act(name: &str) {
    mitreden_widget::actions::run(name);
}
