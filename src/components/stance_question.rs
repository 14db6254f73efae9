use leptos::prelude::*;
use mitreden_core::statement::{Stance, MAX_REASONING_CHARS};

use crate::components::counted_text_area::CountedTextArea;
use crate::components::field_error::FieldError;
use crate::context::use_consultation;
use crate::flow::use_flow;
use crate::i18n::{use_i18n, Key};

/// An organisation's stance on one priority, with its reasoning.
#[component]
pub fn StanceQuestion(
    index: usize,
    /// Whether the step has been checked: from then on a reasoning without a stance is shown as
    /// an error here until a stance is chosen or the reasoning emptied.
    checked: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let priority = use_consultation().priorities[index].clone();
    let base = format!("mtr-stance-{}", priority.id);
    let stance = move || flow.draft.with(|d| d.organisation.stances[index].stance);
    let reasoning = move || {
        flow.draft
            .with(|d| d.organisation.stances[index].reasoning.clone())
    };
    let options = Stance::ALL
        .into_iter()
        .map(|s| {
            let (suffix, label) = match s {
                Stance::Support => ("support", Key::StanceSupport),
                Stance::Oppose => ("oppose", Key::StanceOppose),
                Stance::Conditional => ("conditional", Key::StanceConditional),
                Stance::NoView => ("no-view", Key::StanceNoView),
            };
            let id = format!("{base}-{suffix}");
            view! {
                <div class="mtr-radio">
                    <input
                        type="radio"
                        name=base.clone()
                        id=id.clone()
                        prop:checked=move || stance() == Some(s)
                        on:change=move |_| flow.draft.update(|d| d.organisation.stances[index].stance = Some(s))
                    />
                    <label for=id>{move || i18n.t(label)}</label>
                </div>
            }
        })
        .collect_view();
    let (title, description) = (priority.title.clone(), priority.description.clone());
    let error_id = format!("{base}-error");
    let described_by = error_id.clone();
    let error = Signal::derive(move || {
        (checked.get() && flow.draft.with(|d| d.reasoning_without_stance(index)))
            .then_some(Key::ErrorReasoningWithoutStance)
    });
    view! {
        <fieldset
            class="mtr-fieldset"
            class:mtr-invalid=move || error.get().is_some()
            data-testid=format!("stance-{}", priority.id)
            aria-describedby=described_by
        >
            <legend class="mtr-legend">{move || title.get(i18n.lang.get()).to_owned()}</legend>
            <p class="mtr-hint">{move || description.get(i18n.lang.get()).to_owned()}</p>
            <FieldError id=error_id error />
            <div class="mtr-radios mtr-inline">{options}</div>
            <CountedTextArea
                id=format!("{base}-reasoning")
                label=Key::Reasoning
                max=MAX_REASONING_CHARS
                value=Signal::derive(reasoning)
                on_input=move |text| {
                    flow.draft.update(|d| d.organisation.stances[index].reasoning = text)
                }
            />
        </fieldset>
    }
}
