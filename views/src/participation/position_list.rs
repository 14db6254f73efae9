use leptos::prelude::*;
use mitreden_core::{Consultation, Lang, ValidPosition};

use super::quoted::Quoted;
use super::scale::scale_label;
use super::texts::{text, Key};

/// The positions taken on the goal conflicts, as list items: each conflict's title, the answer
/// in the words of its scale and the comment, if any (the plain form's receipt, the receipt
/// look-up).
#[component]
pub fn PositionList(
    consultation: Consultation,
    lang: Lang,
    positions: Vec<ValidPosition>,
) -> impl IntoView {
    let c = consultation;
    let half = (c.settings.conflict_scale / 2) as i8;
    positions
        .into_iter()
        .filter_map(|p| {
            let conflict = c.conflicts.iter().find(|x| x.id == p.conflict)?;
            let answer = match p.position {
                None => text(lang, Key::NoView).to_owned(),
                Some(v) => scale_label(lang, conflict, half, v),
            };
            let comment = p
                .comment
                .map(|words| view! { <Quoted lang label=Key::YourComment words /> });
            Some(view! { <li>{conflict.title.get(lang).to_owned()}" – "{answer}{comment}</li> })
        })
        .collect_view()
}
