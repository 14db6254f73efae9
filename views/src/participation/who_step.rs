use leptos::prelude::*;
use mitreden_core::steps::Step;
use mitreden_core::{Consultation, Lang};

use super::act_button::ActButton;
use super::carried_fields::CarriedFields;
use super::page_texts::{text as page_text, Key as PageKey};
use super::texts::{text, Key};
use crate::i18n::fill;

/// The id of the first question's section, which the widget shows and hides.
pub const WHO_STEP: &str = "mtr-who";
/// The id of the first question's heading, where focus goes when a participant comes to it.
pub const WHO_HEADING: &str = "mtr-who-heading";
/// The id of the first question's error, which the widget fills.
pub const WHO_ERROR: &str = "mtr-who-error";
/// The id of the radio button for speaking as an organisation.
pub const ORGANISATION_OPTION: &str = "mtr-mode-organisation";
/// The id prefix of a group's radio button (followed by the group's id).
pub const GROUP_OPTION: &str = "mtr-group-";

/// The first question — who is speaking: a stakeholder group, or an organisation handing in a
/// statement — rendered by the server next to the welcome and hidden until "start", so it is
/// there at once on a slow line while the widget's WebAssembly is still on its way.
///
/// The page's script (`public/widget-boot.js`) shows it on "start"; the radio buttons work
/// without the widget; the widget takes over once it has loaded (`src/who_step.rs`), reading
/// what was chosen meanwhile, checking the answer and going on. Should the widget not load,
/// "next" leads to the form that works without JavaScript, with the group chosen.
#[component]
pub fn WhoStep(
    consultation: Consultation,
    lang: Lang,
    /// The form that works without JavaScript, and what to carry on to it.
    form: String,
    carried: Vec<(String, String)>,
) -> impl IntoView {
    let t = move |key| text(lang, key);
    let pt = move |key| page_text(lang, key);
    // Who is speaking changes the steps that follow, never how many there are (see
    // `Step::sequence`), so the count is known before the choice.
    let total = Step::sequence(None, !consultation.conflicts.is_empty()).len();
    let progress = fill(
        t(Key::StepProgress),
        &[("n", "2"), ("total", &total.to_string())],
    );
    let options = consultation
        .groups
        .iter()
        .map(|group| {
            let id = format!("{GROUP_OPTION}{}", group.id);
            view! {
                <div class="mtr-radio">
                    <input type="radio" name="group" id=id.clone() value=group.id.to_string() />
                    <label for=id>{group.label.get(lang).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id=WHO_STEP class="mtr-step" aria-labelledby=WHO_HEADING hidden>
            <p class="mtr-progress">{progress}</p>
            <h2 id=WHO_HEADING class="mtr-h2" tabindex="-1">{pt(PageKey::WhoHeading)}</h2>
            <form method="get" action=form>
                <CarriedFields fields=carried />
                <fieldset class="mtr-fieldset" aria-describedby=format!("mtr-group-hint {WHO_ERROR}")>
                    <legend class="mtr-legend">{pt(PageKey::GroupLegend)}</legend>
                    <p class="mtr-hint" id="mtr-group-hint">{pt(PageKey::GroupHint)}</p>
                    // Empty (but present, so the reference stays valid) until the widget finds
                    // no answer; the text is announced when it appears. Should the widget not
                    // load, the page's script says here that a statement needs it.
                    <p
                        class="mtr-field-error"
                        id=WHO_ERROR
                        tabindex="-1"
                        aria-live="assertive"
                        data-unavailable=pt(PageKey::StatementNeedsWidget)
                    ></p>
                    <div class="mtr-radios">
                        {options}
                        <div class="mtr-radio mtr-radio-separate">
                            <input type="radio" name="group" id=ORGANISATION_OPTION value="" />
                            <label for=ORGANISATION_OPTION>{pt(PageKey::OrganisationOption)}</label>
                        </div>
                    </div>
                </fieldset>
                <div class="mtr-nav">
                    <button type="button" class="mtr-button" data-mtr-act="back">
                        {t(Key::Back)}
                    </button>
                    <ActButton lang act="next" label=text(lang, Key::Next) status_below=true />
                </div>
            </form>
        </section>
    }
}
