use leptos::prelude::*;
use mitreden_core::draft::ProposalDraft;
use mitreden_core::proposal::{ProposalKind, MAX_PROPOSALS};

use crate::components::proposal_fields::ProposalFields;
use crate::components::step_frame::StepFrame;
use crate::flow::use_flow;
use crate::focus::{focus_later, none_flagged};
use crate::i18n::{tr, Key};

/// Co-creation: propose a priority or a conflict that is missing (optional).
#[component]
pub fn ProposeStep() -> impl IntoView {
    let flow = use_flow();
    // Which proposal (by position) lacks a title, after pressing "next".
    let missing_title = RwSignal::new(None::<usize>);
    // Only adding or removing a proposal redraws the list: typing into one must not (its fields,
    // and their pending announcements, would be made anew with every keystroke).
    let count = Memo::new(move |_| flow.draft.with(|d| d.proposals.len()));
    let add = move |_| {
        flow.draft.update(|d| {
            d.proposals.push(ProposalDraft {
                kind: ProposalKind::Priority,
                title: String::new(),
                reason: String::new(),
            })
        });
        let n = flow.draft.with_untracked(|d| d.proposals.len());
        focus_later(format!("mtr-proposal-{n}-title"));
    };
    let on_next = move |()| {
        flow.draft.with_untracked(|d| {
            let missing = d.proposals.iter().position(|p| p.title.trim().is_empty());
            missing_title.set(missing);
            none_flagged((0..d.proposals.len()).map(|i| {
                let base = format!("mtr-proposal-{}", i + 1);
                if missing == Some(i) || d.proposal_title_too_long(i) {
                    Some(format!("{base}-title"))
                } else {
                    d.proposal_reason_too_long(i)
                        .then(|| format!("{base}-reason"))
                }
            }))
        })
    };
    view! {
        <StepFrame heading=Key::ProposeHeading on_next>
            <p class="mtr-hint">{tr(Key::ProposeHint)}</p>
            {move || {
                (0..count.get())
                    .map(|index| view! { <ProposalFields index missing_title /> })
                    .collect_view()
            }}
            <Show when=move || { count.get() < MAX_PROPOSALS }>
                <button type="button" class="mtr-button" on:click=add>
                    {tr(Key::AddProposal)}
                </button>
            </Show>
        </StepFrame>
    }
}
