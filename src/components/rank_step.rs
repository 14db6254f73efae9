use leptos::prelude::*;
use mitreden_core::RankingDraft;

use crate::components::ranking_editor::RankingEditor;
use crate::components::step_frame::StepFrame;
use crate::flow::use_flow;
use crate::focus::focus_later;
use crate::i18n::Key;

/// Ranking the priorities.
#[component]
pub fn RankStep() -> impl IntoView {
    let flow = use_flow();
    // The editor works on its own signal, written back into the draft on every change.
    let ranking = RwSignal::new(flow.draft.with_untracked(|d| d.ranking.clone()));
    Effect::new(move |_| {
        let current = ranking.get();
        flow.draft.update(|d| d.ranking = current);
    });
    let error = RwSignal::new(None::<Key>);
    let on_next = move |()| {
        let empty = ranking.with_untracked(|r: &RankingDraft| r.ranked().is_empty());
        if empty {
            error.set(Some(Key::ErrorEmptyRanking));
            focus_later("mtr-ranking-error".to_owned());
        } else {
            error.set(None);
        }
        !empty
    };
    view! {
        <StepFrame heading=Key::RankingHeading on_next>
            <RankingEditor draft=ranking error />
        </StepFrame>
    }
}
