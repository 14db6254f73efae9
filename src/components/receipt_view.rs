use leptos::prelude::*;
use mitreden_core::draft::Mode;

use crate::components::ballot_in_context::BallotInContext;
use crate::components::position_items::PositionItems;
use crate::components::proposal_items::ProposalItems;
use crate::components::stance_items::StanceItems;
use crate::components::withdraw_panel::WithdrawPanel;
use crate::context::{use_announcer, use_consultation};
use crate::device::Sent;
use crate::i18n::{tr, use_i18n, Key};

/// After sending: thanks, the receipt code to keep (with a copy button), the ranking that was
/// sent and, where the consultation shows results to participants, that ranking beside the
/// group's; and the way to withdraw.
#[component]
pub fn ReceiptView(
    sent: Sent,
    /// Starts a new participation after a withdrawal.
    #[prop(into)]
    on_restart: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let consultation = use_consultation();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Focus moves to the new content so screen readers read it and keyboard users start there.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let draft = sent.draft.clone();
    let organisation = draft.mode == Some(Mode::Organisation);
    let ranking = draft.ranking.ranked().to_vec();
    let in_context = (!organisation && consultation.settings.results_after_submit)
        .then(|| draft.group.clone())
        .flatten()
        .map(|group| view! { <BallotInContext group ranking=ranking.clone() /> });
    // Where the positions taken on the goal conflicts are kept too (and on paper, where the
    // consultation's title above is not printed).
    let answered = draft.positions.iter().any(|p| p.choice.is_some());
    let positions = answered.then(|| {
        let positions = draft.positions.clone();
        view! {
            <h3 class="mtr-h3">{tr(Key::ConflictsHeading)}</h3>
            <ul class="mtr-summary"><PositionItems positions /></ul>
        }
    });
    let proposals = (!draft.proposals.is_empty()).then(|| {
        let proposals = draft.proposals.clone();
        view! {
            <h3 class="mtr-h3">{tr(Key::ReviewProposals)}</h3>
            <ul class="mtr-summary"><ProposalItems proposals /></ul>
        }
    });
    let consultation_title = consultation.title.get(i18n.lang.get_untracked()).to_owned();
    let items = ranking
        .iter()
        .filter_map(|id| consultation.priority(id).map(|p| p.title.clone()))
        .map(|title| view! { <li>{move || title.get(i18n.lang.get()).to_owned()}</li> })
        .collect_view();
    let code = sent.acknowledgement.receipt.clone();
    // "Copied" once it is: the browser writes asynchronously, and may refuse.
    let copy = {
        let code = code.clone();
        move |_| {
            if let Some(window) = web_sys::window() {
                let written = window.navigator().clipboard().write_text(&code);
                leptos::task::spawn_local(async move {
                    if wasm_bindgen_futures::JsFuture::from(written).await.is_ok() {
                        announcer.announce(i18n.t(Key::Copied).to_owned());
                    }
                });
            }
        }
    };
    view! {
        <section class="mtr-receipt" aria-labelledby="mtr-receipt-heading" data-testid="receipt">
            <p class="mtr-hint">{consultation_title}</p>
            <h2 id="mtr-receipt-heading" class="mtr-h2" tabindex="-1" node_ref=heading>
                {tr(if organisation { Key::StatementReceiptHeading } else { Key::ReceiptHeading })}
            </h2>
            <p>
                {tr(Key::StatusSent)}
                " "
                {tr(if organisation { Key::StatementReceiptIntro } else { Key::ReceiptIntro })}
            </p>
            <p class="mtr-receipt-code">
                <span id="mtr-receipt-label">{tr(Key::ReceiptLabel)}</span>
                ": "
                <strong aria-describedby="mtr-receipt-label" data-testid="receipt-code">
                    {code}
                </strong>
                " "
                <button type="button" class="mtr-button" on:click=copy>
                    {tr(Key::CopyReceipt)}
                </button>
            </p>
            <p class="mtr-hint">
                {tr(if organisation { Key::StatementReceiptKeep } else { Key::ReceiptKeep })}
            </p>
            <p class="mtr-actions">
                <button type="button" class="mtr-button" on:click=|_| print()>
                    {tr(Key::PrintReceipt)}
                </button>
            </p>
            {if organisation {
                let stances = draft.organisation.stances.clone();
                let any = stances.iter().any(|s| s.stance.is_some());
                any.then(|| {
                    view! {
                        <h3 class="mtr-h3">{tr(Key::ReviewStances)}</h3>
                        <ul class="mtr-summary"><StanceItems stances /></ul>
                    }
                })
                .into_any()
            } else {
                view! {
                    <h3 class="mtr-h3">{tr(Key::YourRanking)}</h3>
                    <ol class="mtr-summary">{items}</ol>
                }
                .into_any()
            }}
            {positions}
            {proposals}
            {in_context}
            <WithdrawPanel sent on_restart />
        </section>
    }
}

/// The browser's print dialogue, which also saves as PDF: the receipt on paper or as a file.
fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
