use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::results::rounds::{Movement, RankMove, RoundComparison};
use mitreden_core::{locale, Lang};

use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// How each goal's place moved since the round before, overall and in every group readable in
/// both rounds; a rise or fall only beyond both rounds' uncertainty.
#[component]
pub fn RoundsSection(
    data: Arc<ResultsData>,
    rounds: RoundComparison,
    lang: Lang,
    /// The results page of the round before, if it is public.
    #[prop(default = None)]
    previous_page: Option<String>,
) -> impl IntoView {
    if rounds.overall.is_empty() && rounds.groups.is_empty() {
        return ().into_any();
    }
    let columns: Vec<(String, Vec<RankMove>)> =
        std::iter::once((t(lang, Key::Everyone).to_owned(), rounds.overall.clone()))
            .filter(|(_, moves)| !moves.is_empty())
            .chain(
                rounds
                    .groups
                    .iter()
                    .map(|(g, moves)| (data.group(g, lang), moves.clone())),
            )
            .collect();
    let order = columns.first().map(|(_, m)| m.clone()).unwrap_or_default();
    let head = view! {
        <th scope="col">{t(lang, Key::RoundsGoal)}</th>
        {columns.iter().map(|(name, _)| view! { <th scope="col">{name.clone()}</th> }).collect_view()}
    };
    let rows = order
        .iter()
        .map(|first| {
            let cells = columns
                .iter()
                .map(|(_, moves)| {
                    let text = moves
                        .iter()
                        .find(|m| m.priority == first.priority)
                        .map(|m| cell(lang, m))
                        .unwrap_or_default();
                    view! { <td>{text}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{data.goal(&first.priority, lang)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let link =
        previous_page.map(|href| view! { <p><a href=href>{t(lang, Key::RoundsLink)}</a></p> });
    view! {
        <section class="res-section res-rounds" id="rounds" aria-labelledby="rounds-title">
            <h2 id="rounds-title">{t(lang, Key::RoundsHeading)}</h2>
            <p class="res-note">{t(lang, Key::RoundsIntro)}</p>
            <ScrollTable caption=t(lang, Key::RoundsCaption).to_owned() head=head.into_any() rows=rows.into_any() />
            {link}
        </section>
    }
    .into_any()
}

fn cell(lang: Lang, m: &RankMove) -> String {
    let rank = locale::integer(lang, u64::from(m.rank));
    let Some(previous) = m.previous_rank else {
        return fill(t(lang, Key::RoundsCellNew), &[("rank", &rank)]);
    };
    let word = t(
        lang,
        match m.movement {
            Movement::Up => Key::MoveWordUp,
            Movement::Down => Key::MoveWordDown,
            Movement::Steady if previous == m.rank => Key::MoveWordSame,
            Movement::Steady => Key::MoveWordNoise,
            Movement::New => Key::MoveWordSame,
            Movement::NotYetKnown => Key::MoveWordUnknown,
        },
    );
    fill(
        t(lang, Key::RoundsCell),
        &[
            ("rank", &rank),
            ("previous", &locale::integer(lang, u64::from(previous))),
            ("movement", word),
        ],
    )
}
