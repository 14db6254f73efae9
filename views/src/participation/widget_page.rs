use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang, Status};

use super::first_screen::FirstScreen;
use super::shell::Shell;
use super::welcome::WelcomeLinks;

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
    /// What was published about the outcome (for a closed consultation, which shows it).
    #[prop(default = None)]
    follow_up: Option<FollowUp>,
) -> impl IntoView {
    let title = consultation.title.get(lang).to_owned();
    let open = consultation.status != Status::Closed;
    let data = open.then(|| {
        view! { <script type="application/json" id="mtr-data" inner_html=script_safe(&data)></script> }
            .into_any()
    });
    view! {
        <Shell lang title css=assets.css theme boot=assets.boot>
            <main class="mtr-root">
                <FirstScreen consultation lang links follow_up />
            </main>
            {data}
        </Shell>
    }
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
}
