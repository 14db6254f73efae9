use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::results::evidence::{Family, BRIEFING_ERROR_RATE, MARGIN};
use mitreden_core::results::findings::Finding;
use mitreden_core::{locale, Lang};

use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};
use crate::sentences::anchors;

/// Who took part, how it was counted, how sure it is, what is left out: in plain words.
#[component]
pub fn MethodNote(data: Arc<ResultsData>, lang: Lang) -> impl IntoView {
    let min = locale::integer(lang, data.results.min_group_size);
    view! {
        <section class="res-section res-method" id=anchors::METHOD aria-labelledby="method-title">
            <h2 id="method-title">{t(lang, Key::MethodTitle)}</h2>
            <p>{t(lang, Key::MethodWho)}</p>
            <p>{t(lang, Key::MethodCount)}" "{t(lang, Key::PointsExplained)}</p>
            <p>{t(lang, Key::MethodUncertainty)}</p>
            <p>{fill(t(lang, Key::MethodPromise), &[("rate", &locale::percent_fine(lang, BRIEFING_ERROR_RATE))])}</p>
            <p>{budget(lang)}{lead_here(&data, lang)}</p>
            <p>{fill(t(lang, Key::MethodSuppressed), &[("n", &min)])}</p>
        </section>
    }
}

/// How the briefing's error budget is shared.
fn budget(lang: Lang) -> String {
    let share = |f: Family| locale::percent_fine(lang, f.budget());
    fill(
        t(lang, Key::MethodBudget),
        &[
            ("lead", &share(Family::Lead)),
            ("leans", &share(Family::Leans)),
            ("splits", &share(Family::Splits)),
            ("weighting", &share(Family::Weighting)),
            ("common", &share(Family::CommonGround)),
            ("moves", &share(Family::Moves)),
            ("margin", &locale::percent_fine(lang, MARGIN)),
        ],
    )
}

/// What the lead spends in this consultation, when it is more than its own share.
fn lead_here(data: &ResultsData, lang: Lang) -> Option<String> {
    data.results.findings.iter().find_map(|f| match f {
        Finding::Lead { budget, .. } if *budget > Family::Lead.budget() + 1e-9 => Some(format!(
            " {}",
            fill(
                t(lang, Key::MethodBudgetHere),
                &[("lead", &locale::percent_fine(lang, *budget))]
            )
        )),
        _ => None,
    })
}
