use leptos::prelude::*;
use mitreden_core::draft::{Choice, PositionDraft};
use mitreden_views::participation::quoted::Quoted;
use mitreden_views::participation::scale::scale_label;

use crate::context::use_consultation;
use crate::i18n::{use_i18n, Key};

/// The positions taken on the goal conflicts, as list items: each conflict's title, the answer
/// in the words of its scale and the comment, if any. Shown for review before sending and on
/// the receipt. In the language of the moment: the caller redraws it when that changes.
#[component]
pub fn PositionItems(
    positions: Vec<PositionDraft>,
    /// Whether a conflict left unanswered is listed as such (for review); otherwise it is left
    /// out.
    #[prop(optional)]
    unanswered: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let half = (consultation.settings.conflict_scale / 2) as i8;
    let lang = i18n.lang.get_untracked();
    positions
        .iter()
        .filter_map(|p| {
            let conflict = consultation.conflicts.iter().find(|x| x.id == p.conflict)?;
            let answer = match p.choice {
                None if unanswered => i18n.t(Key::NotAnswered).to_owned(),
                None => return None,
                Some(Choice::NoView) => i18n.t(Key::NoView).to_owned(),
                Some(Choice::Step(v)) => scale_label(lang, conflict, half, v),
            };
            let title = conflict.title.get(lang).to_owned();
            let comment = Some(p.comment.trim().to_owned())
                .filter(|c| !c.is_empty())
                .map(|words| view! { <Quoted lang label=Key::YourComment words /> });
            Some(view! { <li>{title}" – "{answer}{comment}</li> })
        })
        .collect_view()
}
