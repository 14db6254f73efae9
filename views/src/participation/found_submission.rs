use leptos::prelude::*;
use mitreden_core::proposal::ProposalKind;
use mitreden_core::{Consultation, Lang, Submitted, ValidPosition, ValidProposal};

use super::page_texts::{text as page_text, Key as PageKey};
use super::position_list::PositionList;
use super::quoted::Quoted;
use super::texts::{kind_key, stance_key, text, Key};
use crate::i18n::fill;

/// What a receipt was given for, as the receipt look-up shows it: a person's group, ranking,
/// positions and proposals; an organisation's details, stances and positions.
#[component]
pub fn FoundSubmission(consultation: Consultation, lang: Lang, found: Submitted) -> impl IntoView {
    let c = consultation;
    let t = move |key| text(lang, key);
    let pt = move |key| page_text(lang, key);
    match found {
        Submitted::Response(r) => {
            let group = c
                .groups
                .iter()
                .find(|g| g.id == r.group)
                .map(|g| g.label.get(lang).to_owned())
                .unwrap_or_default();
            let ranking = r
                .ranking
                .iter()
                .filter_map(|id| c.priority(id))
                .map(|p| view! { <li>{p.title.get(lang).to_owned()}</li> })
                .collect_view();
            view! {
                <p>{fill(pt(PageKey::FoundResponse), &[("group", &group)])}</p>
                <h3 class="mtr-h3">{t(Key::YourRanking)}</h3>
                <ol class="mtr-summary">{ranking}</ol>
                {positions(&c, lang, r.positions)}
                {proposals(lang, r.proposals)}
            }
            .into_any()
        }
        Submitted::Statement(s) => {
            let register = s.lobby_register.map(|r| {
                view! { <dt>{t(Key::ReviewRegister)}</dt><dd>{r}</dd> }
            });
            // Kept only with the consent to be contacted at it.
            let email = s.contact_email.map(|e| {
                view! { <dt>{t(Key::ReviewEmail)}</dt><dd>{e}</dd> }
            });
            let stances = s
                .stances
                .into_iter()
                .filter_map(|s| {
                    let title = c.priority(&s.priority)?.title.get(lang).to_owned();
                    let reasoning = s
                        .reasoning
                        .map(|words| view! { <Quoted lang label=Key::YourReasoning words /> });
                    Some(view! { <li>{title}" – "{t(stance_key(s.stance))}{reasoning}</li> })
                })
                .collect_view();
            let publish = if s.publish {
                Key::ReviewPublishYes
            } else {
                Key::ReviewPublishNo
            };
            view! {
                <p>{fill(pt(PageKey::FoundStatement), &[("name", &s.name)])}</p>
                <dl class="mtr-details">
                    <dt>{t(Key::OrgKind)}</dt>
                    <dd>{t(kind_key(s.kind))}</dd>
                    {register}
                    {email}
                </dl>
                <h3 class="mtr-h3">{t(Key::ReviewStances)}</h3>
                <ul class="mtr-summary">{stances}</ul>
                {positions(&c, lang, s.positions)}
                <p>{t(publish)}</p>
            }
            .into_any()
        }
    }
}

/// The positions under their heading; nothing when none were taken.
fn positions(c: &Consultation, lang: Lang, positions: Vec<ValidPosition>) -> Option<impl IntoView> {
    (!positions.is_empty()).then(|| {
        view! {
            <h3 class="mtr-h3">{text(lang, Key::ConflictsHeading)}</h3>
            <ul class="mtr-summary"><PositionList consultation=c.clone() lang positions /></ul>
        }
    })
}

/// The proposals for missing goals and conflicts under their heading; nothing when none were
/// made.
fn proposals(lang: Lang, proposals: Vec<ValidProposal>) -> Option<impl IntoView> {
    (!proposals.is_empty()).then(|| {
        let items = proposals
            .into_iter()
            .map(|p| {
                let label = match p.kind {
                    ProposalKind::Priority => Key::ProposedGoal,
                    ProposalKind::Conflict => Key::ProposedConflict,
                };
                let title = fill(text(lang, label), &[("title", &p.title)]);
                let reason = p
                    .reason
                    .map(|words| view! { <Quoted lang label=Key::YourReasoning words /> });
                view! { <li>{title}{reason}</li> }
            })
            .collect_view();
        view! {
            <h3 class="mtr-h3">{text(lang, Key::ReviewProposals)}</h3>
            <ul class="mtr-summary">{items}</ul>
        }
    })
}
