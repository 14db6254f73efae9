use leptos::prelude::*;
use mitreden_core::RankingDraft;

use crate::components::field_error::FieldError;
use crate::components::ranked_item::RankedItem;
use crate::components::unranked_item::UnrankedItem;
use crate::i18n::{tr, use_i18n, Key};

/// The participant's ranking: an ordered list moved with buttons (no dragging needed) and, with
/// partial rankings, a pile of priorities not ranked yet.
#[component]
pub fn RankingEditor(
    draft: RwSignal<RankingDraft>,
    /// Shown and tied to the list when set, e.g. "rank at least one".
    #[prop(into)]
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let partial = draft.with_untracked(RankingDraft::partial);
    let hint = if partial {
        Key::RankingHintPartial
    } else {
        Key::RankingHintFull
    };
    let ranked = move || draft.with(|d| d.ranked().to_vec());
    let unranked = move || draft.with(|d| d.unranked().to_vec());
    let is_empty = move || draft.with(|d| d.ranked().is_empty());

    view! {
        <div class="mtr-ranking">
            <p class="mtr-hint" id="mtr-ranking-hint">
                {move || i18n.t(hint)}
            </p>
            <FieldError id="mtr-ranking-error" error />
            <h3 class="mtr-h3" id="mtr-ranked-heading">
                {tr(Key::RankedListLabel)}
            </h3>
            <Show when=is_empty>
                <p class="mtr-empty">{tr(Key::RankedEmpty)}</p>
            </Show>
            <ol
                class="mtr-list mtr-ranked"
                aria-labelledby="mtr-ranked-heading"
                aria-describedby="mtr-ranking-hint"
                data-testid="ranked"
            >
                <For each=ranked key=|id| id.clone() let(id)>
                    <RankedItem id draft />
                </For>
            </ol>
            <Show when=move || partial>
                <h3 class="mtr-h3" id="mtr-unranked-heading">
                    {tr(Key::UnrankedHeading)}
                </h3>
                <Show when=move || draft.with(|d| d.unranked().is_empty())>
                    <p class="mtr-empty">{tr(Key::UnrankedEmpty)}</p>
                </Show>
                <ul
                    class="mtr-list mtr-unranked"
                    aria-labelledby="mtr-unranked-heading"
                    data-testid="unranked"
                >
                    <For each=unranked key=|id| id.clone() let(id)>
                        <UnrankedItem id draft />
                    </For>
                </ul>
            </Show>
        </div>
    }
}
