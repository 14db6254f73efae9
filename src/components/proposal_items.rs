use leptos::prelude::*;
use mitreden_core::draft::ProposalDraft;
use mitreden_core::ProposalKind;
use mitreden_views::participation::quoted::Quoted;

use crate::i18n::{fill, use_i18n, Key};

/// Proposals for missing goals and conflicts, as list items: what kind, the title and the
/// reason, if any. Shown for review before sending, on the receipt and in the receipt look-up.
/// In the language of the moment: the caller redraws it when that changes.
#[component]
pub fn ProposalItems(proposals: Vec<ProposalDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    proposals
        .into_iter()
        .map(|p| {
            let label = match p.kind {
                ProposalKind::Priority => Key::ProposedGoal,
                ProposalKind::Conflict => Key::ProposedConflict,
            };
            let title = fill(i18n.t(label), &[("title", p.title.trim())]);
            let reason = Some(p.reason.trim().to_owned())
                .filter(|r| !r.is_empty())
                .map(|words| view! { <Quoted lang label=Key::YourReasoning words /> });
            view! { <li>{title}{reason}</li> }
        })
        .collect_view()
}
