use wasm_bindgen::prelude::*;

fn main() {
    std::panic::set_hook(Box::new(report_panic));
    // The server rendered the welcome; the widget lives in the element after it.
    let Some(app) = leptos::prelude::document().get_element_by_id("mtr-app") else {
        return;
    };
    leptos::mount::mount_to(app.unchecked_into(), mitreden_widget::App).forget();
}

/// A panic is a bug: the console says what and where (and, after it, the stack of the
/// `unreachable` the panic ends in). Less code than console_error_panic_hook, which prints the
/// hook's whole report with a second stack.
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    let payload = info.payload();
    let message = (payload.downcast_ref::<&str>().copied())
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("");
    match info.location() {
        Some(at) => leptos::logging::error!(
            "mitreden panicked at {}:{}:{}: {message}",
            at.file(),
            at.line(),
            at.column()
        ),
        None => leptos::logging::error!("mitreden panicked: {message}"),
    }
}

/// What the visitor did on the welcome before (or since) the widget loaded: `start`, `lookup`.
#[wasm_bindgen]
pub fn act(name: &str) {
    mitreden_widget::actions::run(name);
}
