use leptos::prelude::*;

use mitreden_core::draft::{PositionDraft, ProposalDraft, StanceDraft};
use mitreden_core::Submitted;
use mitreden_views::participation::texts::kind_key;

use crate::api::{self, ErrorText};
use crate::components::confirm_withdraw::ConfirmWithdraw;
use crate::components::position_items::PositionItems;
use crate::components::proposal_items::ProposalItems;
use crate::components::stance_items::StanceItems;
use crate::components::your_outcome::YourOutcome;
use crate::context::use_consultation;
use crate::focus::focus_later;
use crate::i18n::{fill, tr, use_i18n, Key};

/// The form of [`super::receipt_lookup::ReceiptLookup`]: view and withdraw a submission with
/// its receipt code.
#[component]
pub fn ReceiptLookupForm() -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    let code = RwSignal::new(String::new());
    let look_up = {
        let slug = slug.clone();
        Action::new_local(move |code: &String| {
            let (slug, code) = (slug.clone(), code.clone());
            async move { api::find_by_receipt(&slug, &code).await }
        })
    };
    let withdraw = Action::new_local(move |(organisation, code): &(bool, String)| {
        let (slug, organisation, code) = (slug.clone(), *organisation, code.clone());
        async move { api::withdraw(&slug, organisation, &code).await }
    });
    let error = move || match look_up.value().get() {
        Some(Err(e)) => Some(i18n.t(e.key())),
        _ => None,
    };
    // Focus moves to what was found (or stays in the field to correct the code), and, once it
    // is withdrawn, to the sentence saying so (the section with the button is gone).
    Effect::new(move |_| {
        if matches!(look_up.value().get(), Some(Ok(_))) {
            focus_later("mtr-lookup-result".to_owned());
        }
    });
    Effect::new(move |_| {
        if matches!(withdraw.value().get(), Some(Ok(()))) {
            focus_later("mtr-lookup-status".to_owned());
        }
    });
    let found = move || match look_up.value().get() {
        Some(Ok(found)) => Some(found),
        _ => None,
    };
    let c = consultation.clone();
    let summary = move |found: Submitted| {
        let lang = i18n.lang.get();
        match found {
            Submitted::Response(r) => {
                let group = c
                    .groups
                    .iter()
                    .find(|g| g.id == r.group)
                    .map(|g| g.label.get(lang).to_owned())
                    .unwrap_or_default();
                let titles = r
                    .ranking
                    .iter()
                    .filter_map(|p| c.priority(p).map(|p| p.title.get(lang).to_owned()))
                    .map(|t| view! { <li>{t}</li> })
                    .collect_view();
                let ranking = r.ranking.clone();
                let positions = found_positions(&r.positions);
                let proposals = found_proposals(&r.proposals);
                view! {
                    <p>{fill(i18n.t(Key::FoundResponse), &[("group", &group)])}</p>
                    <h4 class="mtr-h4">{tr(Key::YourRanking)}</h4>
                    <ol>{titles}</ol>
                    {positions}
                    {proposals}
                    <YourOutcome ranking />
                }
                .into_any()
            }
            Submitted::Statement(s) => {
                let register = s.lobby_register.clone().map(|r| {
                    view! { <dt>{i18n.t(Key::ReviewRegister)}</dt><dd>{r}</dd> }
                });
                let stances: Vec<StanceDraft> = s.stances.iter().map(StanceDraft::from).collect();
                let positions = found_positions(&s.positions);
                let publish = if s.publish {
                    Key::ReviewPublishYes
                } else {
                    Key::ReviewPublishNo
                };
                view! {
                    <p>{fill(i18n.t(Key::FoundStatement), &[("name", &s.name)])}</p>
                    <dl class="mtr-details">
                        <dt>{i18n.t(Key::OrgKind)}</dt>
                        <dd>{i18n.t(kind_key(s.kind))}</dd>
                        {register}
                    </dl>
                    <h4 class="mtr-h4">{tr(Key::ReviewStances)}</h4>
                    <ul><StanceItems stances /></ul>
                    {positions}
                    <p>{i18n.t(publish)}</p>
                }
                .into_any()
            }
        }
    };
    let on_withdraw = move |()| {
        if let Some(found) = found() {
            withdraw.dispatch((found.is_statement(), code.get_untracked()));
        }
    };
    let withdraw_error = move || match withdraw.value().get() {
        Some(Err(e)) => Some(i18n.t(e.key())),
        _ => None,
    };
    let withdrawn = move || matches!(withdraw.value().get(), Some(Ok(())));
    let found_statement = move || found().is_some_and(|f| f.is_statement());
    // An empty field is said at once, without asking the server.
    let missing = RwSignal::new(false);

    view! {
        <form
            class="mtr-lookup-form"
            on:submit=move |ev| {
                ev.prevent_default();
                withdraw.value().set(None);
                let empty = code.with_untracked(|c| c.trim().is_empty());
                missing.set(empty);
                if !empty {
                    look_up.dispatch(code.get_untracked());
                }
            }
        >
            <label class="mtr-label" for="mtr-lookup-code">
                {tr(Key::ReceiptCodeInput)}
            </label>
            <input
                class="mtr-input"
                id="mtr-lookup-code"
                type="text"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="mtr-lookup-status mtr-lookup-error"
                aria-invalid=move || (missing.get() || error().is_some()).to_string()
                prop:value=move || code.get()
                on:input=move |ev| code.set(event_target_value(&ev))
            />
            <button type="submit" class="mtr-button">{tr(Key::ShowSubmission)}</button>
        </form>
        // Only a short sentence is announced; what was found is a section of its own, with
        // the withdraw button outside the live region.
        <p id="mtr-lookup-status" role="status" class="mtr-status-line" tabindex="-1">
            {move || {
                if withdrawn() {
                    Some(i18n.t(if found_statement() { Key::StatementWithdrawnNotice } else { Key::WithdrawnNotice }))
                } else if !missing.get() && error().is_none() && found().is_some() {
                    Some(i18n.t(Key::LookupFound))
                } else {
                    None
                }
            }}
        </p>
        <p id="mtr-lookup-error" class="mtr-error" role="alert" class:mtr-hidden=move || !missing.get() && error().is_none()>
            {move || if missing.get() { Some(i18n.t(Key::ReceiptCodeMissing)) } else { error() }}
        </p>
        {move || {
            (!withdrawn() && !missing.get())
                .then(found)
                .flatten()
                .map(|f| {
                    let is_statement = f.is_statement();
                    view! {
                        <section id="mtr-lookup-result" tabindex="-1" aria-labelledby="mtr-lookup-result-heading" class="mtr-lookup-result">
                            <h3 id="mtr-lookup-result-heading" class="mtr-h3">{i18n.t(Key::LookupResultHeading)}</h3>
                            {summary(f)}
                            <ConfirmWithdraw on_confirm=on_withdraw failed=Signal::derive(withdraw_error) statement=is_statement />
                        </section>
                    }
                })
        }}
    }
}

/// The proposals of what was found, under their heading; nothing when none were made.
fn found_proposals(proposals: &[mitreden_core::ValidProposal]) -> Option<impl IntoView> {
    let proposals: Vec<ProposalDraft> = proposals.iter().map(ProposalDraft::from).collect();
    (!proposals.is_empty()).then(|| {
        view! {
            <h4 class="mtr-h4">{tr(Key::ReviewProposals)}</h4>
            <ul><ProposalItems proposals /></ul>
        }
    })
}

/// The positions on the goal conflicts of what was found, under their heading; nothing when
/// none were taken.
fn found_positions(positions: &[mitreden_core::ValidPosition]) -> Option<impl IntoView> {
    let positions: Vec<PositionDraft> = positions.iter().map(PositionDraft::from).collect();
    (!positions.is_empty()).then(|| {
        view! {
            <h4 class="mtr-h4">{tr(Key::ConflictsHeading)}</h4>
            <ul><PositionItems positions /></ul>
        }
    })
}
