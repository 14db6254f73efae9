use leptos::prelude::*;
use mitreden_core::{PriorityId, RankingDraft};

use crate::components::icon_button::IconButton;
use crate::components::priority_text::{title_signal, PriorityText};
use crate::context::use_announcer;
use crate::focus::{focus_later, keep_in_place};
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

    // Moves the item one place and says so, or says why it cannot move further.
    let shift = move |up: bool| {
        let moved = draft
            .try_update(|d| item.with_value(|id| if up { d.move_up(id) } else { d.move_down(id) }))
            .flatten();
        match moved {
            Some(m) => say(
                Key::AnnounceMoved,
                &[("from", &i18n.number(m.from)), ("to", &i18n.number(m.to))],
            ),
            None if up => say(Key::AnnounceAlreadyTop, &[]),
            None => say(Key::AnnounceAlreadyBottom, &[]),
        }
    };
    // The pressed button moves with its item and keeps focus; the page scrolls along so that
    // it stays under the finger (or pointer).
    let move_by = move |up: bool| {
        let button = if up { "up" } else { "down" };
        let id = format!("mtr-{button}-{}", item.get_value());
        keep_in_place(id);
        shift(up);
    };
    // Keyboard mode: Space picks the item up, the arrow keys move it, Space drops it, Escape
    // puts it back. `grabbed` holds the place it was picked up from.
    let grabbed = RwSignal::new(None::<usize>);
    let handle_id = move || format!("mtr-handle-{}", item.get_value());
    let total = move || i18n.number(draft.with_untracked(|d| d.ranked().len()));
    let pick_up = move || {
        let place = draft.with_untracked(|d| item.with_value(|id| d.place(id)));
        if let Some(place) = place {
            grabbed.set(Some(place));
            say(
                Key::AnnouncePickedUp,
                &[("place", &i18n.number(place)), ("total", &total())],
            );
        }
    };
    let drop_here = move || {
        grabbed.set(None);
        let place = draft.with_untracked(|d| item.with_value(|id| d.place(id)));
        say(
            Key::AnnounceDropped,
            &[("place", &i18n.number(place.unwrap_or(0)))],
        );
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let Some(origin) = grabbed.get_untracked() else {
            if key == " " || key == "Enter" {
                ev.prevent_default();
                pick_up();
            }
            return;
        };
        match key.as_str() {
            "ArrowUp" | "ArrowDown" => {
                ev.prevent_default();
                shift(key == "ArrowUp");
                focus_later(handle_id());
            }
            " " | "Enter" => {
                ev.prevent_default();
                drop_here();
            }
            "Escape" => {
                ev.prevent_default();
                grabbed.set(None);
                draft.update(|d| {
                    item.with_value(|id| d.move_to(id, origin));
                });
                say(Key::AnnounceCancelled, &[("place", &i18n.number(origin))]);
                focus_later(handle_id());
            }
            _ => {}
        }
    };
    // Mouse and touch: a click toggles the mode too. Clicks made by the keyboard (detail 0)
    // were already handled by `on_key`.
    let on_handle_click = move |ev: leptos::ev::MouseEvent| {
        if ev.detail() == 0 {
            return;
        }
        if grabbed.get_untracked().is_some() {
            drop_here();
        } else {
            pick_up();
        }
    };

    let remove = move |()| {
        if draft.try_update(|d| item.with_value(|id| d.unrank(id))) == Some(true) {
            say(Key::AnnounceRemoved, &[]);
            focus_later(format!("mtr-add-{}", item.get_value()));
        }
    };

    view! {
        <li
            class="mtr-item"
            class:mtr-grabbed=move || grabbed.get().is_some()
            data-testid=format!("ranked-{id}")
        >
            <PriorityText id=id.clone() />
            <div class="mtr-actions">
                <button
                    type="button"
                    class="mtr-icon-button mtr-handle"
                    id=handle_id
                    aria-pressed=move || grabbed.get().is_some().to_string()
                    aria-label=move || label(Key::MoveHandle)
                    title=move || label(Key::MoveHandle)
                    on:keydown=on_key
                    on:click=on_handle_click
                >
                    <span aria-hidden="true">"⇅"</span>
                </button>
                <IconButton
                    id=format!("mtr-up-{id}")
                    symbol="↑"
                    short=Key::MoveUpShort
                    label=Signal::derive(move || label(Key::MoveUp))
                    disabled=Signal::derive(at_top)
                    on_click=move |()| move_by(true)
                />
                <IconButton
                    id=format!("mtr-down-{id}")
                    symbol="↓"
                    short=Key::MoveDownShort
                    label=Signal::derive(move || label(Key::MoveDown))
                    disabled=Signal::derive(at_bottom)
                    on_click=move |()| move_by(false)
                />
                <Show when=move || partial>
                    <IconButton
                        id=format!("mtr-remove-{}", item.get_value())
                        symbol="×"
                        short=Key::RemoveShort
                        label=Signal::derive(move || label(Key::RemoveFromRanking))
                        on_click=remove
                    />
                </Show>
            </div>
        </li>
    }
}
