use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, Lang, OrganisationKind, Stance, StatementSummary, ValidStatement};

use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// Organisations' statements: how many took which stance per goal, then those published in full.
#[component]
pub fn StatementsSection(
    data: Arc<ResultsData>,
    summary: StatementSummary,
    /// Statements whose organisations agreed to publication.
    published: Vec<ValidStatement>,
    lang: Lang,
) -> impl IntoView {
    if summary.statements == 0 {
        return None;
    }
    let rows = summary
        .stances
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <th scope="row">{data.goal(&s.priority, lang)}</th>
                    <td class="res-n">{locale::integer(lang, s.support)}</td>
                    <td class="res-n">{locale::integer(lang, s.oppose)}</td>
                    <td class="res-n">{locale::integer(lang, s.conditional)}</td>
                    <td class="res-n">{locale::integer(lang, s.no_view)}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t(lang, Key::Goal)}</th>
        <th scope="col">{t(lang, Key::Support)}</th>
        <th scope="col">{t(lang, Key::Oppose)}</th>
        <th scope="col">{t(lang, Key::Conditional)}</th>
        <th scope="col">{t(lang, Key::NoStance)}</th>
    };
    let articles = published
        .into_iter()
        .map(|s| {
            let stances = s
                .stances
                .iter()
                .map(|x| {
                    let reasoning = x.reasoning.clone().map(|r| view! { ": "{r} });
                    view! {
                        <li>
                            <strong>{data.goal(&x.priority, lang)}</strong>
                            " – "
                            {t(lang, stance_key(x.stance))}
                            {reasoning}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <article class="res-statement">
                    <h4>{s.name.clone()}</h4>
                    <p class="res-kind">{t(lang, kind_key(s.kind))}</p>
                    <ul>{stances}</ul>
                </article>
            }
        })
        .collect::<Vec<_>>();
    let published = (!articles.is_empty()).then(|| {
        view! {
            <h3>{t(lang, Key::PublishedStatements)}</h3>
            {articles}
        }
    });
    let count = match summary.statements {
        1 => t(lang, Key::OneStatement).to_owned(),
        n => fill(
            t(lang, Key::StatementsCount),
            &[("n", &locale::integer(lang, n))],
        ),
    };
    Some(view! {
        <section class="res-section" aria-labelledby="statements-title">
            <h2 id="statements-title">{t(lang, Key::StatementsTitle)}</h2>
            <p>{count}</p>
            <ScrollTable caption=t(lang, Key::StatementsCaption).to_owned() head=head.into_any() rows=rows.into_any() />
            {published}
        </section>
    })
}

pub fn stance_key(stance: Stance) -> Key {
    match stance {
        Stance::Support => Key::Support,
        Stance::Oppose => Key::Oppose,
        Stance::Conditional => Key::Conditional,
        Stance::NoView => Key::NoStance,
    }
}

pub fn kind_key(kind: OrganisationKind) -> Key {
    match kind {
        OrganisationKind::Ngo => Key::KindNgo,
        OrganisationKind::Association => Key::KindAssociation,
        OrganisationKind::Company => Key::KindCompany,
        OrganisationKind::Research => Key::KindResearch,
        OrganisationKind::PublicBody => Key::KindPublicBody,
        OrganisationKind::Other => Key::KindOther,
    }
}
