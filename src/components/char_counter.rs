use std::time::Duration;

use leptos::prelude::*;
use mitreden_core::text_input;

use crate::context::use_announcer;
use crate::i18n::{fill, use_i18n, Key};

/// How long typing has to pause before screen readers hear the count.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(1200);

/// "n characters left" under a text field, or "n characters too many" once the text is over
/// the limit: the field takes more than it may keep (an HTML `maxlength` would cut a paste
/// silently, and counts an emoji twice), and the step asks for a shorter text.
///
/// The field names this text as its description, so it is read with the field. Near and over
/// the limit it is also announced, once typing pauses: not with every keystroke.
#[component]
pub fn CharCounter(
    #[prop(into)] id: String,
    max: usize,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    // A memo: the text may come from the whole draft, and a change elsewhere in it must not
    // set off this field's announcement.
    let length = Memo::new(move |_| text.with(|t| text_input::length(t)));
    let message = move |length: usize| match (max.checked_sub(length), length - max.min(length)) {
        (Some(1), _) => i18n.t(Key::OneCharacterLeft).to_owned(),
        (Some(left), _) => fill(i18n.t(Key::CharactersLeft), &[("n", &i18n.number(left))]),
        (None, 1) => i18n.t(Key::OneCharacterTooMany).to_owned(),
        (None, over) => fill(i18n.t(Key::CharactersTooMany), &[("n", &i18n.number(over))]),
    };
    let near_limit = move |length: usize| length + max / 10 >= max;
    Effect::watch(
        move || length.get(),
        move |&length, _, pending: Option<Option<TimeoutHandle>>| {
            if let Some(handle) = pending.flatten() {
                handle.clear();
            }
            near_limit(length)
                .then(|| {
                    set_timeout_with_handle(
                        move || announcer.announce(message(length)),
                        ANNOUNCE_AFTER,
                    )
                    .ok()
                })
                .flatten()
        },
        false,
    );
    let over = move || length.get() > max;
    view! {
        <p class="mtr-counter" class:mtr-counter-over=over id=id>
            {move || message(length.get())}
        </p>
    }
}
