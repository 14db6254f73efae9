//! Applies the host page's look (validated in [`mitreden_core::theme`]) as CSS custom properties.

pub use mitreden_core::theme::Theme;

/// Sets the custom properties on the document's root element (through the CSS object
/// model, which the page's Content-Security-Policy allows, unlike a `style` attribute).
pub fn apply(theme: &Theme) {
    use wasm_bindgen::JsCast;
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let values = [
        ("--mtr-primary", &theme.accent),
        ("--mtr-font", &theme.font),
        ("--mtr-radius", &theme.radius),
    ];
    for (name, value) in values {
        if let Some(value) = value {
            let _ = style.set_property(name, value);
        }
    }
}
