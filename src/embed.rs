//! Talking to the embedding page: report the widget's height so the iframe fits its content.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

/// Watches the document's size and posts `{type: "mitreden:height", height}` to the parent
/// page, addressed to `parent_origin` only.
pub fn report_height(parent_origin: String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The body, not the root element: the root is never shorter than the iframe, so the frame
    // could grow but never shrink again.
    let Some(root) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let post = {
        let root = root.clone();
        move || {
            let Ok(Some(parent)) = window.parent() else {
                return;
            };
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &"mitreden:height".into());
            let _ = Reflect::set(&message, &"height".into(), &root.offset_height().into());
            let _ = parent.post_message(&message, &parent_origin);
        }
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Observe for the life of the page.
        callback.forget();
    }
}
