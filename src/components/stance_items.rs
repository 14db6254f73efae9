use leptos::prelude::*;
use mitreden_core::draft::StanceDraft;
use mitreden_views::participation::quoted::Quoted;
use mitreden_views::participation::texts::stance_key;

use crate::context::use_consultation;
use crate::i18n::{use_i18n, Key};

/// An organisation's stances on the goals, as list items: each goal's title, the stance and
/// the reasoning, if any; goals without a stance are left out. Shown for review before
/// sending and on the statement's receipt, in the language of the moment (the caller redraws
/// it when that changes).
#[component]
pub fn StanceItems(stances: Vec<StanceDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let lang = i18n.lang.get_untracked();
    stances
        .iter()
        .filter_map(|s| {
            let stance = s.stance?;
            let title = consultation
                .priority(&s.priority)?
                .title
                .get(lang)
                .to_owned();
            let reasoning = Some(s.reasoning.trim().to_owned())
                .filter(|r| !r.is_empty())
                .map(|words| view! { <Quoted lang label=Key::YourReasoning words /> });
            Some(view! { <li>{title}" – "{i18n.t(stance_key(stance))}{reasoning}</li> })
        })
        .collect_view()
}
