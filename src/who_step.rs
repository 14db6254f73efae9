//! The first question — who is speaking — which the server renders beside the welcome
//! (`mitreden_views::participation::who_step`), so that it shows at once after "start" while
//! the widget is still on its way. Once loaded, the widget takes it over: it keeps the radio
//! buttons and the draft in step (what was chosen before it came included), shows the question
//! while the participant is on it, and checks the answer on "next".

use leptos::prelude::*;
use mitreden_core::draft::{Draft, Mode};
use mitreden_core::GroupId;
use mitreden_views::participation::who_step::{
    GROUP_OPTION, ORGANISATION_OPTION, WHO_ERROR, WHO_STEP,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::context::use_consultation;
use crate::flow::Flow;
use crate::focus::focus_later;
use crate::i18n::{use_i18n, Key};

/// An answer to the first question.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Choice {
    Group(GroupId),
    Organisation,
}

impl Choice {
    fn of(draft: &Draft) -> Option<Self> {
        match (draft.mode, &draft.group) {
            (Some(Mode::Organisation), _) => Some(Self::Organisation),
            (Some(Mode::Individual), Some(group)) => Some(Self::Group(group.clone())),
            _ => None,
        }
    }

    fn apply(self, draft: &mut Draft) {
        match self {
            Self::Group(group) => {
                draft.mode = Some(Mode::Individual);
                draft.group = Some(group);
            }
            Self::Organisation => draft.mode = Some(Mode::Organisation),
        }
    }
}

/// The server-rendered first question, taken over by the widget.
#[derive(Clone, Copy)]
pub struct WhoStep {
    flow: Flow,
    error: RwSignal<Option<Key>>,
    first_option: StoredValue<String>,
}

impl WhoStep {
    /// Whether the page has the question and shows it: the visitor pressed "start" before the
    /// widget had loaded, and the page's script went on without it.
    pub fn shown_by_page() -> bool {
        section().is_some_and(|s| !s.has_attribute("hidden"))
    }

    /// Takes over the page's first question, if it has one: what is chosen there goes into
    /// the draft (and the draft's answer into it, if nothing is), and it shows while `shown`.
    pub fn take_over(flow: Flow, shown: impl Fn() -> bool + 'static) -> Option<Self> {
        let section = section()?;
        let consultation = use_consultation();
        let options: Vec<(HtmlInputElement, Choice)> = consultation
            .groups
            .iter()
            .map(|g| {
                (
                    format!("{GROUP_OPTION}{}", g.id),
                    Choice::Group(g.id.clone()),
                )
            })
            .chain([(ORGANISATION_OPTION.to_owned(), Choice::Organisation)])
            .filter_map(|(id, choice)| Some((input(&section, &id)?, choice)))
            .collect();
        let first_option =
            StoredValue::new(options.first().map(|(i, _)| i.id()).unwrap_or_default());
        let error = RwSignal::new(None::<Key>);

        if let Some((_, choice)) = options.iter().find(|(input, _)| input.checked()) {
            flow.draft.update(|d| choice.clone().apply(d));
        }
        let chosen = options.clone();
        let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
            let Some(target) = target else { return };
            if let Some((_, choice)) = chosen.iter().find(|(input, _)| *input == target) {
                flow.draft.update(|d| choice.clone().apply(d));
                error.set(None);
            }
        });
        let _ =
            section.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The question stays on the page as long as the widget: so does what listens to it.
        on_change.forget();

        let i18n = use_i18n();
        let view = section.clone();
        Effect::new(move |_| {
            let _ = view.toggle_attribute_with_force("hidden", !shown());
        });
        Effect::new(move |_| {
            let answer = flow.draft.with(Choice::of);
            for (input, choice) in &options {
                input.set_checked(answer.as_ref() == Some(choice));
            }
        });
        let fieldset = section.query_selector("fieldset").ok().flatten();
        let message = section
            .query_selector(&format!("#{WHO_ERROR}"))
            .ok()
            .flatten();
        Effect::new(move |_| {
            let key = error.get();
            if let Some(message) = &message {
                message.set_text_content(key.map(|k| i18n.t(k)));
            }
            if let Some(fieldset) = &fieldset {
                let _ = fieldset
                    .class_list()
                    .toggle_with_force("mtr-invalid", key.is_some());
            }
        });
        // "Next" leads back to the review when the answer is changed from there.
        let next = section.query_selector("[data-mtr-act=next]").ok().flatten();
        Effect::new(move |_| {
            let label = if flow.returns_to_review() {
                Key::BackToReview
            } else {
                Key::Next
            };
            if let Some(next) = &next {
                next.set_text_content(Some(i18n.t(label)));
            }
        });
        Some(Self {
            flow,
            error,
            first_option,
        })
    }

    /// "Next": on to the next step with an answer, else an error tied to the question and
    /// focus on its first option.
    pub fn next(&self) {
        let answered = self.flow.draft.with_untracked(|d| Choice::of(d).is_some());
        if answered {
            self.error.set(None);
            self.flow.next();
        } else {
            self.error.set(Some(Key::ErrorNoGroup));
            focus_later(self.first_option.get_value());
        }
    }
}

fn section() -> Option<Element> {
    document().get_element_by_id(WHO_STEP)
}

fn input(section: &Element, id: &str) -> Option<HtmlInputElement> {
    section
        .query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}
