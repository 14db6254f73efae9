use leptos::prelude::*;
use mitreden_core::proposal::{ProposalKind, MAX_PROPOSAL_REASON_CHARS, MAX_PROPOSAL_TITLE_CHARS};

use crate::components::char_counter::CharCounter;
use crate::components::counted_text_area::CountedTextArea;
use crate::components::field_error::FieldError;
use crate::context::use_announcer;
use crate::flow::use_flow;
use crate::focus::focus_later;
use crate::i18n::{fill, tr, use_i18n, Key};

/// The fields of one proposal: kind, title, reason, and a button to remove it.
#[component]
pub fn ProposalFields(
    /// Position in the draft's proposals.
    index: usize,
    /// Set to the position of a proposal that lacks its title.
    missing_title: RwSignal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let announcer = use_announcer();
    let n = index + 1;
    let base = format!("mtr-proposal-{n}");
    let title_id = format!("{base}-title");
    let error_id = format!("{base}-error");
    let counter_id = format!("{title_id}-counter");
    let described_by = format!("{error_id} {counter_id}");
    let title_over = move || flow.draft.with(|d| d.proposal_title_too_long(index));
    let field = move |f: fn(&mitreden_core::draft::ProposalDraft) -> String| {
        move || {
            flow.draft
                .with(|d| d.proposals.get(index).map(f).unwrap_or_default())
        }
    };
    let kind = move || flow.draft.with(|d| d.proposals.get(index).map(|p| p.kind));
    let set_kind = move |k: ProposalKind| {
        flow.draft.update(|d| {
            if let Some(p) = d.proposals.get_mut(index) {
                p.kind = k;
            }
        })
    };
    // Shown from a "next" that found the title empty until there is one.
    let error = Signal::derive(move || {
        let still_empty = flow.draft.with(|d| {
            d.proposals
                .get(index)
                .is_some_and(|p| p.title.trim().is_empty())
        });
        (missing_title.get() == Some(index) && still_empty).then_some(Key::ErrorProposalTitle)
    });
    let remove = move |_| {
        flow.draft.update(|d| {
            if index < d.proposals.len() {
                d.proposals.remove(index);
            }
        });
        missing_title.set(None);
        announcer.announce(fill(
            i18n.t(Key::ProposalRemoved),
            &[("n", &i18n.number(n))],
        ));
        focus_later(crate::flow::STEP_HEADING.to_owned());
    };
    let heading = move || fill(i18n.t(Key::ProposalHeading), &[("n", &i18n.number(n))]);
    let kinds = [
        (ProposalKind::Priority, Key::KindPriority, "priority"),
        (ProposalKind::Conflict, Key::KindConflict, "conflict"),
    ]
    .into_iter()
    .map(|(k, label, suffix)| {
        let id = format!("{base}-{suffix}");
        view! {
            <div class="mtr-radio">
                <input
                    type="radio"
                    name=format!("{base}-kind")
                    id=id.clone()
                    prop:checked=move || kind() == Some(k)
                    on:change=move |_| set_kind(k)
                />
                <label for=id>{move || i18n.t(label)}</label>
            </div>
        }
    })
    .collect_view();

    view! {
        <fieldset class="mtr-fieldset mtr-proposal">
            <legend class="mtr-legend">{heading}</legend>
            <fieldset class="mtr-subfieldset">
                <legend class="mtr-label">{tr(Key::ProposalKindLegend)}</legend>
                <div class="mtr-radios">{kinds}</div>
            </fieldset>
            <label class="mtr-label" for=title_id.clone()>{tr(Key::ProposalTitle)}</label>
            <FieldError id=error_id error />
            // No `maxlength`: it would cut a pasted title silently; the counter says by how
            // much it is over, and the step asks for a shorter one.
            <input
                class="mtr-input"
                type="text"
                id=title_id
                aria-describedby=described_by
                aria-invalid=move || (error.get().is_some() || title_over()).to_string()
                prop:value=field(|p| p.title.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    flow.draft.update(|d| {
                        if let Some(p) = d.proposals.get_mut(index) {
                            p.title = text;
                        }
                    });
                }
            />
            <CharCounter id=counter_id max=MAX_PROPOSAL_TITLE_CHARS text=Signal::derive(field(|p| p.title.clone())) />
            <CountedTextArea
                id=format!("{base}-reason")
                label=Key::ProposalReason
                max=MAX_PROPOSAL_REASON_CHARS
                value=Signal::derive(field(|p| p.reason.clone()))
                on_input=move |text| {
                    flow.draft.update(|d| {
                        if let Some(p) = d.proposals.get_mut(index) {
                            p.reason = text;
                        }
                    })
                }
            />
            <button type="button" class="mtr-button" on:click=remove>
                {move || fill(i18n.t(Key::RemoveProposal), &[("n", &i18n.number(n))])}
            </button>
        </fieldset>
    }
}
