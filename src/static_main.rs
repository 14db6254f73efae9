//! The widget for a page of its own on a static host (`index.html`; see
//! `mitreden_widget::static_page`): the page's script (`public/widget-boot.js`) loads this
//! build instead of the one for the server's widget page and calls [`start`]. Its own binary,
//! so that rendering the welcome in the browser adds nothing to what the server's widget page
//! loads.

use wasm_bindgen::prelude::*;

fn main() {
    std::panic::set_hook(Box::new(mitreden_widget::panic::report_panic));
}

/// Renders the page: the welcome and the first question, then the widget beside them.
#[wasm_bindgen]
pub async fn start() {
    mitreden_widget::static_page::start().await;
}

/// What the visitor did on the welcome: `start`, `back`, `next`, `lookup`.
#[wasm_bindgen]
pub fn act(name: &str) {
    mitreden_widget::actions::run(name);
}
