use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, GroupResults, Lang};

use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// A ranking's figures: place, goal, points, the places it could hold (90 % sure) and the
/// chance of being among the first `k` in the recalculations.
#[component]
pub fn RankTable(
    data: Arc<ResultsData>,
    ranking: GroupResults,
    caption: String,
    lang: Lang,
) -> impl IntoView {
    let k = data.results.top_k;
    let rows = ranking
        .ranking
        .iter()
        .map(|line| {
            let points = ranking
                .points(line)
                .map(|p| locale::decimal(lang, p, 1))
                .unwrap_or_default();
            let range = line
                .rank_interval
                .map(|[a, b]| {
                    if a == b {
                        locale::integer(lang, u64::from(a))
                    } else {
                        format!(
                            "{}–{}",
                            locale::integer(lang, u64::from(a)),
                            locale::integer(lang, u64::from(b))
                        )
                    }
                })
                .unwrap_or_default();
            let top = line
                .top_k_probability
                .map(|p| locale::percent(lang, p))
                .unwrap_or_default();
            view! {
                <tr>
                    <td class="res-n">{locale::integer(lang, u64::from(line.rank))}</td>
                    <th scope="row">{data.goal(&line.priority, lang)}</th>
                    <td class="res-n">{points}</td>
                    <td class="res-n">{range}</td>
                    <td class="res-n">{top}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t(lang, Key::Place)}</th>
        <th scope="col">{t(lang, Key::Goal)}</th>
        <th scope="col">{t(lang, Key::Points)}</th>
        <th scope="col">{t(lang, Key::Places90)}</th>
        <th scope="col">{fill(t(lang, Key::TopK), &[("k", &locale::integer(lang, k as u64))])}</th>
    };
    view! { <ScrollTable caption head=head.into_any() rows=rows.into_any() /> }
}
