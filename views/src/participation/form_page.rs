use leptos::prelude::*;
use mitreden_core::plain_form::{FieldProblem, PlainAnswers};
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang};

use super::conflict_fields::ConflictFields;
use super::error_summary::ErrorSummary;
use super::group_choice::GroupChoice;
use super::language_links::LanguageLinks;
use super::page_texts::{text as page_text, Key as PageKey};
use super::place_inputs::PlaceInputs;
use super::shell::Shell;
use super::texts::{text, Key};
use crate::components::notice_links::NoticeLinks;
use crate::i18n::fill;

/// Addresses of the plain form page.
#[derive(Debug, Clone)]
pub struct FormLinks {
    /// Each language offered, with the address of the form in it.
    pub languages: Vec<(Lang, String)>,
    /// The privacy notice.
    pub privacy: String,
    /// The accessibility statement.
    pub accessibility: String,
    /// Where the form is sent.
    pub action: String,
}

/// The form as it was sent back, when something was wrong with it.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    /// What was entered, shown again.
    pub answers: PlainAnswers,
    /// What is wrong, field by field.
    pub problems: Vec<FieldProblem>,
    /// Why it was refused, where that is about no single field.
    pub refusal: Option<String>,
}

impl FormState {
    fn has_errors(&self) -> bool {
        !self.problems.is_empty() || self.refusal.is_some()
    }
}

/// Taking part without WebAssembly or JavaScript: every question on one page, as a plain HTML
/// form the server checks by the same rules as the widget's submissions. Problems are listed
/// above the form, each linking to its field, and said again beside it.
#[component]
pub fn FormPage(
    consultation: Consultation,
    lang: Lang,
    theme: Theme,
    css: String,
    /// The page's script: it keeps an embedding page's frame fitted to the form.
    boot: String,
    links: FormLinks,
    /// The response id made when the form was first shown: sending twice stores once.
    id: String,
    state: FormState,
) -> impl IntoView {
    let c = consultation;
    let title = c.title.get(lang).to_owned();
    let page_title = if state.has_errors() {
        fill(
            page_text(lang, PageKey::ErrorPageTitle),
            &[("title", &title)],
        )
    } else {
        title.clone()
    };
    let summary = state.has_errors().then(|| {
        view! {
            <ErrorSummary
                consultation=c.clone()
                lang
                problems=state.problems.clone()
                refusal=state.refusal.clone()
            />
        }
    });
    let half = (c.settings.conflict_scale / 2) as i8;
    let conflicts = (!c.conflicts.is_empty()).then(|| {
        let fields = c
            .conflicts
            .iter()
            .map(|conflict| {
                view! {
                    <ConflictFields
                        conflict=conflict.clone()
                        half
                        lang
                        answers=state.answers.clone()
                        problems=state.problems.clone()
                    />
                }
            })
            .collect_view();
        view! {
            <h2 class="mtr-h2">{text(lang, Key::ConflictsHeading)}</h2>
            <p class="mtr-hint">{text(lang, Key::ConflictsHint)}</p>
            {fields}
        }
    });
    view! {
        <Shell lang title=page_title css theme boot arrived=true>
            <main class="mtr-root">
                <header class="mtr-header">
                    // Where the page's script puts focus when the form comes into a frame.
                    <h1 class="mtr-h1" tabindex="-1">{title}</h1>
                    <LanguageLinks lang links=links.languages />
                </header>
                <p class="mtr-description">{c.description.get(lang).to_owned()}</p>
                {summary}
                <form method="post" action=links.action novalidate>
                    <input type="hidden" name="id" value=id />
                    <h2 class="mtr-h2">{page_text(lang, PageKey::FormHeading)}</h2>
                    <p class="mtr-hint">{page_text(lang, PageKey::FormIntro)}</p>
                    <GroupChoice consultation=c.clone() lang answers=state.answers.clone() problems=state.problems.clone() />
                    <PlaceInputs consultation=c.clone() lang answers=state.answers.clone() problems=state.problems.clone() />
                    {conflicts}
                    <h2 class="mtr-h2">{page_text(lang, PageKey::PrivacyHeading)}</h2>
                    <p>{page_text(lang, PageKey::PrivacyText)}</p>
                    // For programs that fill in every field (see the widget's honeypot).
                    <div class="mtr-honeypot" aria-hidden="true">
                        <label for="mtr-website">{text(lang, Key::HoneypotLabel)}</label>
                        <input id="mtr-website" name="website" type="text" tabindex="-1" autocomplete="off" />
                    </div>
                    <div class="mtr-nav">
                        <button type="submit" class="mtr-button mtr-primary">{text(lang, Key::Submit)}</button>
                    </div>
                </form>
                <NoticeLinks
                    class="mtr-footer"
                    privacy=(links.privacy, page_text(lang, PageKey::PrivacyLink))
                    accessibility=(links.accessibility, page_text(lang, PageKey::AccessibilityLink))
                    new_window=true
                />
            </main>
        </Shell>
    }
}
