use leptos::prelude::*;
use mitreden_core::PriorityId;

use crate::context::use_consultation;
use crate::i18n::use_i18n;

/// A priority's title and description, so it can be understood without leaving the list.
#[component]
pub fn PriorityText(id: PriorityId) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let priority = consultation.priority(&id).cloned();
    let title_id = format!("mtr-title-{id}");
    priority.map(|p| {
        let title = p.title.clone();
        let description = p.description.clone();
        view! {
            <div class="mtr-item-text">
                <span class="mtr-item-title" id=title_id>
                    {move || title.get(i18n.lang.get()).to_owned()}
                </span>
                <span class="mtr-item-description">
                    {move || description.get(i18n.lang.get()).to_owned()}
                </span>
            </div>
        }
    })
}

/// The title of a priority in the current language, following language switches.
pub fn title_signal(id: &PriorityId) -> Signal<String> {
    let i18n = use_i18n();
    let title = use_consultation().priority(id).map(|p| p.title.clone());
    Signal::derive(move || {
        title
            .as_ref()
            .map(|t| t.get(i18n.lang.get()).to_owned())
            .unwrap_or_default()
    })
}
