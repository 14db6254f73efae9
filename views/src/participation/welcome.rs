use leptos::prelude::*;
use mitreden_core::steps::Step;
use mitreden_core::{Consultation, Lang, Status};

use super::act_button::ActButton;
use super::carried_fields::CarriedFields;
use super::language_links::LanguageLinks;
use super::texts::{text, Key};
use crate::i18n::fill;

/// The id of the welcome's heading, where focus goes when a participant comes back to it.
pub const WELCOME_HEADING: &str = "mtr-welcome-heading";

/// Addresses the welcome links to.
#[derive(Debug, Clone)]
pub struct WelcomeLinks {
    /// Each language offered, with the address of this page in it.
    pub languages: Vec<(Lang, String)>,
    /// The privacy notice.
    pub privacy: String,
    /// The accessibility statement.
    pub accessibility: String,
    /// The form that works without JavaScript, where "start" leads without it.
    pub form: String,
    /// What this page's address carries on to that form (see [`CarriedFields`]).
    pub carried: Vec<(String, String)>,
    /// The results page, linked once the consultation has closed.
    pub results: String,
}

/// What the consultation is about, how long taking part takes, what happens with the answers,
/// and the start button: the widget's first screen, rendered by the server so it shows before
/// (and without) the widget's WebAssembly. The widget hides it while a participant is on a
/// later step and shows it again on the way back.
///
/// The start button is a form's submit button leading to the form that works without
/// JavaScript; with JavaScript, the widget page's script (`public/widget-boot.js`) catches it
/// (`data-mtr-act`) and starts the widget instead.
#[component]
pub fn Welcome(consultation: Consultation, lang: Lang, links: WelcomeLinks) -> impl IntoView {
    let c = consultation;
    let t = move |key| text(lang, key);
    let header = view! {
        <header class="mtr-header">
            <h1 id="mtr-title" class="mtr-h1">{c.title.get(lang).to_owned()}</h1>
            <LanguageLinks lang links=links.languages />
        </header>
    };
    if c.status == Status::Closed {
        // The widget shows what became of the input; without it, the results page does.
        return view! {
            <div id="mtr-welcome">
                {header}
                <noscript>
                    <p>{t(Key::ClosedIntro)}</p>
                    <p><a href=links.results target="_blank" rel="noopener">{t(Key::OutcomeResultsLink)}</a></p>
                </noscript>
            </div>
        }
        .into_any();
    }
    let total = Step::sequence(None, !c.conflicts.is_empty()).len();
    let progress = fill(
        t(Key::StepProgress),
        &[("n", "1"), ("total", &total.to_string())],
    );
    view! {
        <div id="mtr-welcome">
            {header}
            <p class="mtr-description">{c.description.get(lang).to_owned()}</p>
            <section class="mtr-step" aria-labelledby=WELCOME_HEADING>
                <p class="mtr-progress">{progress}</p>
                <h2 id=WELCOME_HEADING class="mtr-h2" tabindex="-1">{t(Key::WelcomeHeading)}</h2>
                // A receipt found on the device is mentioned here, near the top (see the
                // widget's `SentNotice`).
                <div id="mtr-notice-slot"></div>
                <p>{t(Key::WelcomeDuration)}</p>
                <h3 class="mtr-h3">{t(Key::PrivacyHeading)}</h3>
                <p>{t(Key::PrivacyText)}</p>
                <form class="mtr-nav" method="get" action=links.form>
                    <CarriedFields fields=links.carried />
                    <ActButton lang act="start" label=Key::Start />
                </form>
                // Looking up a receipt needs the widget; without JavaScript it is not offered.
                <details class="mtr-lookup mtr-js-only" data-mtr-act="lookup">
                    <summary>{t(Key::LookupSummary)}</summary>
                    <div id="mtr-lookup-slot"></div>
                </details>
            </section>
        </div>
    }
    .into_any()
}
