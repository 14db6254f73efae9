use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, Lang};

use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{t, Key};

/// How alike each pair of readable groups ranks, as a coefficient and in words.
#[component]
pub fn AgreementTable(data: Arc<ResultsData>, lang: Lang) -> impl IntoView {
    let a = &data.results.agreement;
    let readable = |g: &mitreden_core::GroupId| {
        data.results
            .group(g)
            .is_some_and(|r| r.responses > 0 && !r.too_small && !r.withheld)
    };
    let mut rows = Vec::new();
    for (i, x) in a.groups.iter().enumerate() {
        for (j, y) in a.groups.iter().enumerate().skip(i + 1) {
            let tau = a
                .kendall_tau_b
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .flatten();
            if let (true, true, Some(tau)) = (readable(x), readable(y), tau) {
                rows.push((
                    format!("{} – {}", data.group(x, lang), data.group(y, lang)),
                    tau,
                ));
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    let rows = rows
        .into_iter()
        .map(|(pair, tau)| {
            view! {
                <tr>
                    <th scope="row">{pair}</th>
                    <td class="res-n">{locale::decimal(lang, tau, 2)}</td>
                    <td>{t(lang, in_words(tau))}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t(lang, Key::Pair)}</th>
        <th scope="col">{t(lang, Key::Agreement)}</th>
        <th scope="col">{t(lang, Key::InWords)}</th>
    };
    Some(view! {
        <div class="res-section">
            <h3 id="agreement-title">{t(lang, Key::AgreementTitle)}</h3>
            <p>{t(lang, Key::AgreementDesc)}</p>
            <ScrollTable caption=t(lang, Key::AgreementTitle).to_owned() head=head.into_any() rows=rows.into_any() />
        </div>
    })
}

/// Kendall's tau in words.
pub fn in_words(tau: f64) -> Key {
    match tau {
        x if x >= 0.7 => Key::Same,
        x if x >= 0.3 => Key::Similar,
        x if x > -0.3 => Key::Unrelated,
        _ => Key::Opposed,
    }
}
