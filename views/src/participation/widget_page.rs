use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang, Status};

use super::page_texts::{text, Key};
use super::shell::Shell;
use super::welcome::{Welcome, WelcomeLinks};
use super::who_step::WhoStep;
use crate::components::notice_links::NoticeLinks;

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
    // A closed consultation's page is what became of the input, all of it here: it asks no
    // question and needs no widget.
    let open = consultation.status != Status::Closed;
    let who = open.then(|| {
        let (form, carried) = (links.form.clone(), links.carried.clone());
        view! {
            <WhoStep consultation=consultation.clone() lang form carried />
            <div id="mtr-app"></div>
        }
        .into_any()
    });
    let data = open.then(|| {
        view! { <script type="application/json" id="mtr-data" inner_html=script_safe(&data)></script> }
            .into_any()
    });
    view! {
        <Shell lang title css=assets.css theme boot=assets.boot>
            <main class="mtr-root">
                <article class="mtr-consultation" aria-labelledby="mtr-title">
                    <Welcome consultation lang links=links.clone() follow_up />
                    {who}
                </article>
                // On every step, not only the welcome.
                <NoticeLinks
                    class="mtr-footer"
                    privacy=(links.privacy, text(lang, Key::PrivacyLink))
                    accessibility=(links.accessibility, text(lang, Key::AccessibilityLink))
                    new_window=true
                />
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
