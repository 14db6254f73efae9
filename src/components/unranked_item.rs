use leptos::prelude::*;
use mitreden_core::{PriorityId, RankingDraft};

use crate::components::priority_text::{title_signal, PriorityText};
use crate::context::use_announcer;
use crate::focus::focus_later;
use crate::i18n::{fill, text, tr, use_i18n, Key};

/// A priority not ranked yet, with a button to add it at the end of the ranking.
#[component]
pub fn UnrankedItem(id: PriorityId, draft: RwSignal<RankingDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let title = title_signal(&id);
    let item = StoredValue::new(id.clone());
    let label = move || fill(i18n.t(Key::AddToRanking), &[("title", &title.get())]);

    let add = move |_| {
        // Keep the keyboard in the pile: focus the next unranked item, or the ranked one if
        // this was the last.
        let next = draft.with_untracked(|d| {
            let pile = d.unranked();
            let here = item.with_value(|id| pile.iter().position(|p| p == id));
            here.and_then(|i| {
                pile.get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|j| pile.get(j)))
            })
            .cloned()
        });
        let Some(place) = draft
            .try_update(|d| item.with_value(|id| d.rank(id)))
            .flatten()
        else {
            return;
        };
        let lang = i18n.lang.get_untracked();
        announcer.announce(fill(
            text(lang, Key::AnnounceAdded),
            &[
                ("title", &title.get_untracked()),
                ("to", &i18n.number(place)),
            ],
        ));
        focus_later(match next {
            Some(next) => format!("mtr-add-{next}"),
            None => format!("mtr-up-{}", item.get_value()),
        });
    };

    view! {
        <li class="mtr-item" data-testid=format!("unranked-{id}")>
            <PriorityText id=id.clone() />
            <div class="mtr-actions">
                <button
                    type="button"
                    class="mtr-button mtr-add"
                    id=format!("mtr-add-{id}")
                    aria-label=label
                    on:click=add
                >
                    {tr(Key::Add)}
                </button>
            </div>
        </li>
    }
}
