use leptos::prelude::*;
use mitreden_core::{Acknowledgement, GroupId, PriorityId};

use crate::components::ballot_in_context::BallotInContext;
use crate::context::use_consultation;
use crate::i18n::{use_i18n, Key};

/// After submitting: thanks, the receipt code to keep, the ranking that was sent and, where
/// the consultation shows results to participants, that ranking beside the group's.
#[component]
pub fn ReceiptView(
    acknowledgement: Acknowledgement,
    group: GroupId,
    ranking: Vec<PriorityId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Focus moves to the new content so screen readers read it and keyboard users start there.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let in_context = consultation
        .settings
        .results_after_submit
        .then(|| view! { <BallotInContext group ranking=ranking.clone() /> });
    let items = ranking
        .into_iter()
        .filter_map(|id| consultation.priority(&id).map(|p| p.title.clone()))
        .map(|title| view! { <li>{move || title.get(i18n.lang.get()).to_owned()}</li> })
        .collect_view();
    view! {
        <section class="mtr-receipt" aria-labelledby="mtr-receipt-heading" data-testid="receipt">
            <h2 id="mtr-receipt-heading" class="mtr-h2" tabindex="-1" node_ref=heading>
                {move || i18n.t(Key::ReceiptHeading)}
            </h2>
            <p>{move || i18n.t(Key::ReceiptIntro)}</p>
            <p class="mtr-receipt-code">
                <span id="mtr-receipt-label">{move || i18n.t(Key::ReceiptLabel)}</span>
                ": "
                <strong aria-describedby="mtr-receipt-label" data-testid="receipt-code">
                    {acknowledgement.receipt}
                </strong>
            </p>
            <p class="mtr-hint">{move || i18n.t(Key::ReceiptKeep)}</p>
            <h3 class="mtr-h3">{move || i18n.t(Key::YourRanking)}</h3>
            <ol class="mtr-summary">{items}</ol>
            {in_context}
        </section>
    }
}
