use leptos::prelude::*;
use mitreden_core::draft::OrganisationDraft;
use mitreden_core::statement::{
    is_lobby_register_number, is_plausible_email, OrganisationKind, MAX_EMAIL_CHARS, MAX_NAME_CHARS,
};

use crate::components::check_field::CheckField;
use crate::components::field_error::FieldError;
use crate::components::step_frame::StepFrame;
use crate::components::text_field::TextField;
use crate::flow::use_flow;
use crate::focus::focus_later;
use mitreden_views::participation::texts::kind_key;

use crate::i18n::{tr, use_i18n, Key};

/// Room for a lobby register number (at most 15 characters, see
/// [`is_lobby_register_number`]) and spaces pasted along with it.
const LOBBY_REGISTER_CHARS: usize = 20;

/// Organisation mode: who the organisation is, contact only with consent, and consent to
/// publish.
#[component]
pub fn OrganisationStep() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let org = move |f: fn(&OrganisationDraft) -> String| {
        Signal::derive(move || flow.draft.with(|d| f(&d.organisation)))
    };
    let edit = move |f: fn(&mut OrganisationDraft, String)| {
        Callback::new(move |value: String| flow.draft.update(|d| f(&mut d.organisation, value)))
    };
    let flag = move |f: fn(&OrganisationDraft) -> bool| {
        Signal::derive(move || flow.draft.with(|d| f(&d.organisation)))
    };
    let toggle = move |f: fn(&mut OrganisationDraft, bool)| {
        Callback::new(move |on: bool| flow.draft.update(|d| f(&mut d.organisation, on)))
    };
    let name_error = RwSignal::new(None::<Key>);
    let kind_error = RwSignal::new(None::<Key>);
    let lobby_error = RwSignal::new(None::<Key>);
    let email_error = RwSignal::new(None::<Key>);

    let on_next = move |()| {
        let o = flow.draft.with_untracked(|d| d.organisation.clone());
        let lobby = o.lobby_register.trim();
        let email = o.contact_email.trim();
        name_error.set(o.name.trim().is_empty().then_some(Key::ErrorOrgName));
        kind_error.set(o.kind.is_none().then_some(Key::ErrorOrgKind));
        lobby_error.set(
            (!lobby.is_empty() && !is_lobby_register_number(lobby)).then_some(Key::ErrorLobby),
        );
        email_error.set(if email.is_empty() {
            None
        } else if !is_plausible_email(email) {
            Some(Key::ErrorEmail)
        } else if !o.contact_consent {
            Some(Key::ErrorConsent)
        } else {
            None
        });
        let first_problem = [
            (name_error, "mtr-org-name"),
            (kind_error, "mtr-org-kind-ngo"),
            (lobby_error, "mtr-org-lobby"),
            (email_error, "mtr-org-email"),
        ]
        .into_iter()
        .find(|(e, _)| e.get_untracked().is_some());
        if let Some((_, id)) = first_problem {
            focus_later(id.to_owned());
        }
        first_problem.is_none()
    };

    let kinds = OrganisationKind::ALL
        .into_iter()
        .map(|k| {
            let suffix = match k {
                OrganisationKind::Ngo => "ngo",
                OrganisationKind::Association => "association",
                OrganisationKind::Company => "company",
                OrganisationKind::Research => "research",
                OrganisationKind::PublicBody => "public-body",
                OrganisationKind::Other => "other",
            };
            let label = kind_key(k);
            let id = format!("mtr-org-kind-{suffix}");
            view! {
                <div class="mtr-radio">
                    <input
                        type="radio"
                        name="mtr-org-kind"
                        id=id.clone()
                        prop:checked=move || flow.draft.with(|d| d.organisation.kind == Some(k))
                        on:change=move |_| {
                            flow.draft.update(|d| d.organisation.kind = Some(k));
                            kind_error.set(None);
                        }
                    />
                    <label for=id>{move || i18n.t(label)}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <StepFrame heading=Key::OrgHeading on_next>
            <TextField
                id="mtr-org-name"
                label=Key::OrgName
                autocomplete="organization"
                maxlength=MAX_NAME_CHARS
                value=org(|o| o.name.clone())
                on_input=edit(|o, v| o.name = v)
                error=name_error
            />
            <fieldset class="mtr-subfieldset" aria-describedby="mtr-org-kind-error">
                <legend class="mtr-label">{tr(Key::OrgKind)}</legend>
                <FieldError id="mtr-org-kind-error" error=kind_error />
                <div class="mtr-radios">{kinds}</div>
            </fieldset>
            <TextField
                id="mtr-org-lobby"
                label=Key::LobbyRegister
                hint=Key::LobbyHint
                maxlength=LOBBY_REGISTER_CHARS
                value=org(|o| o.lobby_register.clone())
                on_input=edit(|o, v| o.lobby_register = v)
                error=lobby_error
            />
            <TextField
                id="mtr-org-email"
                label=Key::ContactEmail
                kind="email"
                autocomplete="email"
                maxlength=MAX_EMAIL_CHARS
                value=org(|o| o.contact_email.clone())
                on_input=edit(|o, v| o.contact_email = v)
                error=email_error
            />
            <CheckField
                id="mtr-org-consent"
                label=Key::ContactConsent
                checked=flag(|o| o.contact_consent)
                on_change=toggle(|o, on| o.contact_consent = on)
            />
            <CheckField
                id="mtr-org-publish"
                label=Key::Publish
                checked=flag(|o| o.publish)
                on_change=toggle(|o, on| o.publish = on)
            />
        </StepFrame>
    }
}
