use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, Lang};

use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{t, Key};

/// Responses per day, the days with responses only.
#[component]
pub fn TimelineTable(data: Arc<ResultsData>, caption: String, lang: Lang) -> impl IntoView {
    let rows = data
        .days
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row"><time datetime=d.date.iso()>{locale::date(lang, d.date)}</time></th>
                    <td class="res-n">{locale::integer(lang, d.responses)}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t(lang, Key::Date)}</th>
        <th scope="col">{t(lang, Key::Responses)}</th>
    };
    view! { <ScrollTable caption head=head.into_any() rows=rows.into_any() /> }
}
