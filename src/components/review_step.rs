use leptos::prelude::*;
use mitreden_core::draft::Mode;
use mitreden_core::ValidationError;

use crate::components::honeypot::Honeypot;
use crate::components::position_items::PositionItems;
use crate::components::proposal_items::ProposalItems;
use crate::components::stance_items::StanceItems;
use crate::components::step_frame::StepFrame;
use crate::context::use_consultation;
use crate::device::Pending;
use crate::flow::{use_flow, Step};
use crate::focus::focus_later;
use mitreden_views::participation::texts::kind_key;

use crate::i18n::{fill, tr, use_i18n, Key};
use crate::outbox::Outbox;

/// A summary of every answer with a way back to each step, and the button that sends it.
#[component]
pub fn ReviewStep(
    /// Why the last attempt was refused, if it was.
    error: RwSignal<Option<Key>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let consultation = use_consultation();
    let outbox = expect_context::<Outbox>();
    let organisation = move || flow.draft.with(|d| d.mode == Some(Mode::Organisation));

    let on_send = {
        let consultation = consultation.clone();
        move |()| {
            let lang = i18n.lang.get_untracked();
            let draft = flow.draft.get_untracked();
            // The server's rules, checked here first for an instant answer.
            let checked = if draft.mode == Some(Mode::Organisation) {
                draft.statement(lang).validate(&consultation).map(|_| ())
            } else {
                draft.response(lang).validate(&consultation).map(|_| ())
            };
            match checked {
                Ok(()) => {
                    error.set(None);
                    outbox.submit(Pending { draft, lang });
                }
                Err(e) => {
                    error.set(Some(match e {
                        ValidationError::UnknownGroup(_) => Key::ErrorNoGroup,
                        ValidationError::EmptyRanking => Key::ErrorEmptyRanking,
                        ValidationError::PartialRankingNotAllowed { .. } => Key::ErrorIncomplete,
                        ValidationError::EmptyStatement => Key::ErrorEmptyStatement,
                        ValidationError::ConsultationNotOpen => Key::ErrorClosed,
                        ValidationError::HoneypotFilled => Key::ErrorHoneypot,
                        _ => Key::ErrorInvalid,
                    }));
                    focus_later("mtr-submit-error".to_owned());
                }
            }
            // Sending replaces this step with the outbox status; never "next".
            false
        }
    };

    let section = move |step: Step, title: Key, body: AnyView| {
        let change = move |_| flow.change(step);
        view! {
            <div class="mtr-review-section">
                <h3 class="mtr-h3">{move || i18n.t(title)}</h3>
                {body}
                <button type="button" class="mtr-link-button" on:click=change>
                    {move || fill(i18n.t(Key::Change), &[("section", i18n.t(title))])}
                </button>
            </div>
        }
    };

    let c = consultation.clone();
    let who = move || {
        let lang = i18n.lang.get();
        flow.draft.with(|d| match d.mode {
            Some(Mode::Organisation) => d.organisation.name.clone(),
            _ => d
                .group
                .as_ref()
                .and_then(|g| c.groups.iter().find(|x| &x.id == g))
                .map(|g| g.label.get(lang).to_owned())
                .unwrap_or_else(|| i18n.t(Key::NotAnswered).to_owned()),
        })
    };
    // Everything the organisation step asked, as it will be sent.
    let organisation_details = move || {
        let o = flow.draft.with(|d| d.organisation.clone());
        let register = (!o.lobby_register.trim().is_empty()).then(|| {
            view! { <dt>{tr(Key::ReviewRegister)}</dt><dd>{o.lobby_register.trim().to_owned()}</dd> }
        });
        let email = (!o.contact_email.trim().is_empty()).then(|| {
            let consent = o.contact_consent.then(|| view! { <dd>{tr(Key::ReviewContactYes)}</dd> });
            view! { <dt>{tr(Key::ReviewEmail)}</dt><dd>{o.contact_email.trim().to_owned()}</dd>{consent} }
        });
        let kind = o
            .kind
            .map(|k| i18n.t(kind_key(k)))
            .unwrap_or_else(|| i18n.t(Key::NotAnswered));
        let publish = if o.publish {
            Key::ReviewPublishYes
        } else {
            Key::ReviewPublishNo
        };
        view! {
            <dl class="mtr-details">
                <dt>{tr(Key::OrgName)}</dt>
                <dd>{o.name.trim().to_owned()}</dd>
                <dt>{tr(Key::OrgKind)}</dt>
                <dd>{kind}</dd>
                {register}
                {email}
            </dl>
            <p>{tr(publish)}</p>
        }
    };
    let c = consultation.clone();
    let ranking = move || {
        let lang = i18n.lang.get();
        let titles: Vec<String> = flow.draft.with(|d| {
            d.ranking
                .ranked()
                .iter()
                .filter_map(|p| c.priority(p).map(|p| p.title.get(lang).to_owned()))
                .collect()
        });
        titles
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view()
    };
    let stances = move || {
        i18n.lang.track();
        let stances = flow.draft.with(|d| d.organisation.stances.clone());
        view! { <StanceItems stances /> }
    };
    let positions = move || {
        i18n.lang.track();
        let positions = flow.draft.with(|d| d.positions.clone());
        view! { <PositionItems positions unanswered=true /> }
    };
    let proposals = move || {
        i18n.lang.track();
        let proposals = flow.draft.with(|d| d.proposals.clone());
        if proposals.is_empty() {
            view! { <p>{i18n.t(Key::Nothing)}</p> }.into_any()
        } else {
            view! { <ul><ProposalItems proposals /></ul> }.into_any()
        }
    };
    let has_conflicts = !consultation.conflicts.is_empty();
    // (Who speaks does not change on this step.)
    let submit_label = if organisation() {
        Key::SubmitStatement
    } else {
        Key::Submit
    };

    view! {
        <StepFrame heading=Key::ReviewHeading on_next=on_send next_label=submit_label>
            <p class="mtr-hint">{tr(Key::ReviewHint)}</p>
            {move || {
                if organisation() {
                    view! {
                        {section(Step::Organisation, Key::ReviewOrganisation, organisation_details().into_any())}
                        {section(Step::Stances, Key::ReviewStances, view! { <ul>{stances}</ul> }.into_any())}
                    }
                        .into_any()
                } else {
                    view! {
                        {section(Step::Who, Key::ReviewGroup, view! { <p>{who.clone()}</p> }.into_any())}
                        {section(Step::Rank, Key::ReviewRanking, view! { <ol>{ranking.clone()}</ol> }.into_any())}
                    }
                        .into_any()
                }
            }}
            {has_conflicts
                .then(|| section(Step::Conflicts, Key::ReviewConflicts, view! { <ul>{positions}</ul> }.into_any()))}
            // In the order of the steps: proposals come after the conflicts.
            {move || {
                (!organisation())
                    .then(|| section(Step::Propose, Key::ReviewProposals, proposals.into_any()))
            }}
            <Honeypot />
            <p class="mtr-error" id="mtr-submit-error" role="alert" tabindex="-1" class:mtr-hidden=move || error.get().is_none()>
                {move || error.get().map(|key| i18n.t(key))}
            </p>
        </StepFrame>
    }
}
