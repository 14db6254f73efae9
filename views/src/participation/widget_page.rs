use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang, Status};

use super::welcome::{Welcome, WelcomeLinks};

/// Marks the page as one whose scripts run, before anything is drawn, so parts that need
/// them (`.mtr-js-only`) show from the start and not after a jump.
pub const SCRIPTS_RUN: &str = "document.documentElement.classList.add(\"mtr-js\")";

/// The widget's files of the current build.
#[derive(Debug, Clone)]
pub struct WidgetAssets {
    /// The widget's style sheet, put inline: the first screen needs no further request.
    pub css: String,
    /// The address of the page's script (`public/widget-boot.js`), which loads the widget's
    /// WebAssembly from beside itself.
    pub boot: String,
}

/// The widget page of a consultation, as the server sends it: the welcome already in the HTML,
/// in the visitor's language and the host's look, and the consultation's data for the widget,
/// which loads at the first sign of use (or when the browser is idle) and takes over from
/// there. Without JavaScript, the start button leads to the plain form.
#[component]
pub fn WidgetPage(
    consultation: Consultation,
    lang: Lang,
    theme: Theme,
    links: WelcomeLinks,
    assets: WidgetAssets,
    /// The consultation as the widget reads it (its public JSON).
    data: String,
) -> impl IntoView {
    let title = consultation.title.get(lang).to_owned();
    // A closed consultation's page is what became of the input, which the widget shows: it
    // loads at once.
    let eager = (consultation.status == Status::Closed).then_some("");
    view! {
        <html lang=lang.code() data-mtr-eager=eager>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <link rel="icon" href="data:," />
                <title>{title}</title>
                <script inner_html=SCRIPTS_RUN></script>
                <style inner_html=assets.css></style>
                {theme_rules(&theme).map(|rules| view! { <style inner_html=rules></style> })}
                <script type="module" src=assets.boot></script>
            </head>
            <body>
                <div class="mtr-root">
                    <article class="mtr-consultation" aria-labelledby="mtr-title">
                        <Welcome consultation lang links />
                        <div id="mtr-app"></div>
                    </article>
                </div>
                <script type="application/json" id="mtr-data" inner_html=script_safe(&data)></script>
            </body>
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

/// JSON that cannot end the `<script>` element holding it: every `<` written as `\u003c`
/// (the same string to a JSON parser).
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_cannot_close_its_script_element() {
        let json = r#"{"title":"</script><script>alert(1)</script>"}"#;
        let safe = script_safe(json);
        assert!(!safe.contains("</"));
        assert_eq!(safe.replace("\\u003c", "<"), json);
    }

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
