//! What the widget does with a panic.

/// A panic is a bug: the console says what and where (and, after it, the stack of the
/// `unreachable` the panic ends in). Less code than console_error_panic_hook, which prints the
/// hook's whole report with a second stack.
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
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
