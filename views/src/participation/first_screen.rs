use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_core::{Consultation, Lang, Status};

use super::page_texts::{text, Key};
use super::welcome::{Welcome, WelcomeLinks};
use super::who_step::WhoStep;
use crate::components::notice_links::NoticeLinks;

/// What a participant meets first: the welcome, the first question and the place the widget
/// mounts in (or, once closed, what became of the input), with the notices' links below. The
/// server renders it into the widget's page ([`super::widget_page::WidgetPage`]); on a page of
/// its own on a static host (`index.html`) the widget renders it in the browser, with links to
/// the API's server.
#[component]
pub fn FirstScreen(
    consultation: Consultation,
    lang: Lang,
    links: WelcomeLinks,
    /// What was published about the outcome (for a closed consultation, which shows it).
    follow_up: Option<FollowUp>,
) -> impl IntoView {
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
    view! {
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
    }
}
