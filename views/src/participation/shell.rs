use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::Lang;

/// The document around every participant page the server renders (the widget page, the plain
/// form, its receipt): the widget's style sheet inline (no further request before the first
/// screen), the host's look, and, for the widget page, its script.
#[component]
pub fn Shell(
    lang: Lang,
    title: String,
    /// The widget's style sheet.
    css: String,
    theme: Theme,
    /// The page's script (`public/widget-boot.js`): it keeps an embedding page's frame fitted
    /// to the page and, on the widget page, loads the widget.
    #[prop(optional)]
    boot: Option<String>,
    /// A page reached by a press inside the frame (the plain form, its receipt, the receipt
    /// look-up): the page's script asks an embedding page to show the frame's top.
    #[prop(optional)]
    arrived: bool,
    children: Children,
) -> impl IntoView {
    let boot = boot.map(|src| view! { <script type="module" src=src></script> });
    view! {
        <html lang=lang.code() data-mtr-arrived=arrived.then_some("")>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <link rel="icon" href="data:," />
                <title>{title}</title>
                <style inner_html=css></style>
                {theme_rules(&theme).map(|rules| view! { <style inner_html=rules></style> })}
                {boot}
            </head>
            <body>{children()}</body>
        </html>
    }
}

/// The host's look as custom properties on the root (validated values only, see
/// [`Theme::parse`], so nothing here can end the rule).
pub fn theme_rules(theme: &Theme) -> Option<String> {
    let values = [
        theme.accent.as_ref().map(|a| format!("--mtr-primary:{a}")),
        theme.font.as_ref().map(|f| format!("--mtr-font:{f}")),
        theme.radius.as_ref().map(|r| format!("--mtr-radius:{r}")),
    ];
    let rules: Vec<String> = values.into_iter().flatten().collect();
    (!rules.is_empty()).then(|| format!(":root{{{}}}", rules.join(";")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_host_values_that_passed_the_checks_become_rules() {
        assert_eq!(theme_rules(&Theme::default()), None);
        let theme = Theme::parse(Some("#004b76"), Some("x;}body{"), Some("4px"));
        assert_eq!(
            theme_rules(&theme).unwrap(),
            ":root{--mtr-primary:#004b76;--mtr-radius:4px}"
        );
    }
}
