use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, Lang};

use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// Each goal's place in each group, with each group's number of responses.
#[component]
pub fn GroupTable(data: Arc<ResultsData>, caption: String, lang: Lang) -> impl IntoView {
    let head = data
        .results
        .groups
        .iter()
        .map(|(id, g)| {
            let count = if g.withheld {
                fill(
                    t(lang, Key::FewerThan),
                    &[("n", &locale::integer(lang, data.results.min_group_size))],
                )
            } else if !data.public && g.too_small && g.responses > 0 {
                format!(
                    "{}, {}",
                    locale::integer(lang, g.responses),
                    t(lang, Key::Unpublished)
                )
            } else {
                locale::integer(lang, g.responses)
            };
            view! { <th scope="col">{format!("{} ({count})", data.group(id, lang))}</th> }
        })
        .collect_view();
    let rows = data
        .goal_order()
        .into_iter()
        .map(|p| {
            let cells = data
                .results
                .groups
                .iter()
                .map(|(_, g)| {
                    let rank = g
                        .ranking
                        .iter()
                        .find(|l| l.priority == p)
                        .filter(|_| g.responses > 0 && !g.withheld)
                        .map(|l| locale::integer(lang, u64::from(l.rank)))
                        .unwrap_or_else(|| "–".to_owned());
                    view! { <td class="res-n">{rank}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{data.goal(&p, lang)}</th>{cells}</tr> }
        })
        .collect_view();
    let head = view! { <th scope="col">{t(lang, Key::Goal)}</th>{head} };
    view! { <ScrollTable caption head=head.into_any() rows=rows.into_any() /> }
}
