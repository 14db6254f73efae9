use leptos::prelude::*;
use mitreden_core::{PriorityId, RankingDraft};

use crate::components::priority_text::{title_signal, PriorityText};
use crate::context::use_announcer;
use crate::focus::focus_later;
use crate::i18n::{fill, text, use_i18n, Key};

/// One ranked priority with buttons to move it up or down or take it out.
///
/// The buttons at the ends stay focusable (marked `aria-disabled`) so focus never disappears
/// under the keyboard; pressing them announces that the item cannot move further.
#[component]
pub fn RankedItem(id: PriorityId, draft: RwSignal<RankingDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let partial = draft.with_untracked(RankingDraft::partial);
    let title = title_signal(&id);
    let item = StoredValue::new(id.clone());

    let place = move || draft.with(|d| item.with_value(|id| d.place(id)));
    let at_top = move || place() == Some(1);
    let at_bottom = move || place() == Some(draft.with(|d| d.ranked().len()));
    // Button labels name the priority, so each is clear on its own to a screen reader.
    let label = move |key: Key| fill(i18n.t(key), &[("title", &title.get())]);
    let say = move |key: Key, extra: &[(&str, &str)]| {
        let lang = i18n.lang.get_untracked();
        let mut values = vec![("title", title.get_untracked())];
        values.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        announcer.announce(fill(text(lang, key), &values));
    };

    let move_by = move |up: bool| {
        let moved = draft
            .try_update(|d| item.with_value(|id| if up { d.move_up(id) } else { d.move_down(id) }))
            .flatten();
        match moved {
            Some(m) => say(
                Key::AnnounceMoved,
                &[("from", &m.from.to_string()), ("to", &m.to.to_string())],
            ),
            None if up => say(Key::AnnounceAlreadyTop, &[]),
            None => say(Key::AnnounceAlreadyBottom, &[]),
        }
        let button = if up { "up" } else { "down" };
        focus_later(format!("mtr-{button}-{}", item.get_value()));
    };
    let remove = move |_| {
        if draft.try_update(|d| item.with_value(|id| d.unrank(id))) == Some(true) {
            say(Key::AnnounceRemoved, &[]);
            focus_later(format!("mtr-add-{}", item.get_value()));
        }
    };

    view! {
        <li class="mtr-item" data-testid=format!("ranked-{id}")>
            <PriorityText id=id.clone() />
            <div class="mtr-actions">
                <button
                    type="button"
                    class="mtr-icon-button"
                    id=format!("mtr-up-{id}")
                    aria-disabled=move || at_top().to_string()
                    title=move || label(Key::MoveUp)
                    on:click=move |_| move_by(true)
                >
                    <span aria-hidden="true">"↑"</span>
                    <span class="mtr-sr">{move || label(Key::MoveUp)}</span>
                </button>
                <button
                    type="button"
                    class="mtr-icon-button"
                    id=format!("mtr-down-{id}")
                    aria-disabled=move || at_bottom().to_string()
                    title=move || label(Key::MoveDown)
                    on:click=move |_| move_by(false)
                >
                    <span aria-hidden="true">"↓"</span>
                    <span class="mtr-sr">{move || label(Key::MoveDown)}</span>
                </button>
                <Show when=move || partial>
                    <button
                        type="button"
                        class="mtr-icon-button"
                        id=format!("mtr-remove-{}", item.get_value())
                        title=move || label(Key::RemoveFromRanking)
                        on:click=remove
                    >
                        <span aria-hidden="true">"×"</span>
                        <span class="mtr-sr">{move || label(Key::RemoveFromRanking)}</span>
                    </button>
                </Show>
            </div>
        </li>
    }
}
