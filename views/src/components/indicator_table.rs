use leptos::prelude::*;
use mitreden_core::indicator::{Indicator, Measurement};
use mitreden_core::{locale, Lang};

use super::scroll_table::ScrollTable;
use crate::follow_up::value;
use crate::i18n::{t, Key};

/// The figures behind a progress chart: baseline, every measured value and the target.
#[component]
pub fn IndicatorTable(indicator: Indicator, caption: String, lang: Lang) -> impl IntoView {
    let row = |what: Key, m: &Measurement| {
        view! {
            <tr>
                <th scope="row"><time datetime=m.date.iso()>{locale::date(lang, m.date)}</time></th>
                <td>{t(lang, what)}</td>
                <td class="res-n">{value(lang, &indicator, m.value)}</td>
            </tr>
        }
    };
    let rows = std::iter::once(row(Key::RowBaseline, &indicator.baseline))
        .chain(indicator.values.iter().map(|v| row(Key::RowMeasured, v)))
        .chain(std::iter::once(row(Key::RowTarget, &indicator.target)))
        .collect_view();
    let head = view! {
        <th scope="col">{t(lang, Key::Date)}</th>
        <th scope="col">{t(lang, Key::ColumnKind)}</th>
        <th scope="col">{t(lang, Key::ColumnValue)}</th>
    };
    view! { <ScrollTable caption head=head.into_any() rows=rows.into_any() /> }
}
