use leptos::prelude::*;
use mitreden_core::draft::Choice;
use mitreden_core::submission::MAX_COMMENT_CHARS;

use crate::components::counted_text_area::CountedTextArea;
use crate::components::field_error::FieldError;
use crate::context::use_consultation;
use crate::flow::use_flow;
use mitreden_views::participation::scale::scale_label;

use crate::i18n::{tr, use_i18n, Key};

/// One goal conflict: a radio group from one goal to the other (5 or 7 steps) plus "no view",
/// and an optional comment with a live count of the characters left.
#[component]
pub fn ConflictQuestion(
    index: usize,
    /// Whether the step has been checked: from then on a comment without a position is shown
    /// as an error here until a position is chosen or the comment emptied.
    checked: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let consultation = use_consultation();
    let conflict = consultation.conflicts[index].clone();
    let half = (consultation.settings.conflict_scale / 2) as i8;
    let base = format!("mtr-conflict-{}", conflict.id);
    let scale_conflict = conflict.clone();
    // The label of step `v` on the scale `-half..=half`.
    let step_label = move |v: i8| scale_label(i18n.lang.get(), &scale_conflict, half, v);
    let choice = move || flow.draft.with(|d| d.positions[index].choice);
    let set = move |c: Choice| flow.draft.update(|d| d.positions[index].choice = Some(c));
    let options = (-half..=half)
        .map(|v| {
            let id = format!("{base}-{}", v + half);
            let label = step_label.clone();
            view! {
                <div class="mtr-radio">
                    <input
                        type="radio"
                        name=base.clone()
                        id=id.clone()
                        prop:checked=move || choice() == Some(Choice::Step(v))
                        on:change=move |_| set(Choice::Step(v))
                    />
                    <label for=id>{move || label(v)}</label>
                </div>
            }
        })
        .collect_view();
    let no_view_id = format!("{base}-none");
    let comment = move || flow.draft.with(|d| d.positions[index].comment.clone());
    let title = conflict.title.clone();
    let description = conflict.description.clone();

    // The explanation belongs to the question: screen readers read it with the group.
    let description_id = format!("{base}-hint");
    let error_id = format!("{base}-error");
    let described_by = match &description {
        Some(_) => format!("{description_id} {error_id}"),
        None => error_id.clone(),
    };
    let error = Signal::derive(move || {
        (checked.get() && flow.draft.with(|d| d.comment_without_position(index)))
            .then_some(Key::ErrorCommentWithoutPosition)
    });
    view! {
        <fieldset
            class="mtr-fieldset mtr-conflict"
            class:mtr-invalid=move || error.get().is_some()
            data-testid=format!("conflict-{}", conflict.id)
            aria-describedby=described_by
        >
            <legend class="mtr-legend">{move || title.get(i18n.lang.get()).to_owned()}</legend>
            {description
                .map(|d| view! { <p class="mtr-hint" id=description_id.clone()>{move || d.get(i18n.lang.get()).to_owned()}</p> })}
            <FieldError id=error_id error />
            <div class="mtr-radios mtr-scale">
                {options}
                <div class="mtr-radio mtr-radio-separate">
                    <input
                        type="radio"
                        name=base.clone()
                        id=no_view_id.clone()
                        prop:checked=move || choice() == Some(Choice::NoView)
                        on:change=move |_| set(Choice::NoView)
                    />
                    <label for=no_view_id>{tr(Key::NoView)}</label>
                </div>
            </div>
            <CountedTextArea
                id=format!("{base}-comment")
                label=Key::CommentLabel
                max=MAX_COMMENT_CHARS
                value=Signal::derive(comment)
                on_input=move |text| flow.draft.update(|d| d.positions[index].comment = text)
            />
        </fieldset>
    }
}
