use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_core::steps::Step;
use mitreden_core::{Consultation, Lang, Status};

use super::act_button::ActButton;
use super::carried_fields::CarriedFields;
use super::closed_outcome::ClosedOutcome;
use super::language_links::LanguageLinks;
use super::lookup_disclosure::LookupDisclosure;
use super::page_texts::{text as page_text, Key as PageKey};
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
    /// The receipt look-up page, where the welcome's look-up form is sent.
    pub lookup: String,
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
pub fn Welcome(
    consultation: Consultation,
    lang: Lang,
    links: WelcomeLinks,
    /// What was published about the outcome: a closed consultation shows it instead of the
    /// invitation.
    follow_up: Option<FollowUp>,
) -> impl IntoView {
    let c = consultation;
    let t = move |key| text(lang, key);
    let pt = move |key| page_text(lang, key);
    let header = view! {
        <header class="mtr-header">
            <h1 id="mtr-title" class="mtr-h1" tabindex="-1">{c.title.get(lang).to_owned()}</h1>
            <LanguageLinks lang links=links.languages />
        </header>
    };
    if c.status == Status::Closed {
        return view! {
            <div id="mtr-welcome">
                {header}
                <ClosedOutcome consultation=c.clone() lang follow_up lookup=links.lookup />
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
                <h2 id=WELCOME_HEADING class="mtr-h2" tabindex="-1">{pt(PageKey::WelcomeHeading)}</h2>
                // A receipt found on the device is mentioned here, near the top (see the
                // widget's `SentNotice`).
                <div id="mtr-notice-slot"></div>
                <p>{pt(PageKey::WelcomeDuration)}</p>
                <h3 class="mtr-h3">{pt(PageKey::PrivacyHeading)}</h3>
                <p>{pt(PageKey::PrivacyText)}</p>
                <form class="mtr-nav" method="get" action=links.form>
                    <CarriedFields fields=links.carried />
                    <ActButton lang act="start" label=page_text(lang, PageKey::Start) />
                </form>
                <LookupDisclosure lang action=links.lookup />
            </section>
        </div>
    }
    .into_any()
}
