use leptos::prelude::*;

use crate::context::use_announcer;

/// The one polite live region: what [`crate::context::Announcer`] says is read out by screen
/// readers without moving focus.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = use_announcer();
    view! {
        <div class="mtr-sr" role="status" aria-live="polite" data-testid="live-region">
            {move || announcer.message.get()}
        </div>
    }
}
