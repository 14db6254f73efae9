use leptos::prelude::*;
use mitreden_core::{
    Acknowledgement, Consultation, GroupId, PriorityId, RankingDraft, ResponseId,
    ResponseSubmission, ValidationError,
};

use crate::api;
use crate::components::group_picker::GroupPicker;
use crate::components::language_switch::LanguageSwitch;
use crate::components::ranking_editor::RankingEditor;
use crate::components::receipt_view::ReceiptView;
use crate::context::provide_consultation;
use crate::focus::focus_later;
use crate::i18n::{use_i18n, Key};

/// Answering one consultation: group, ranking, submit; then the receipt.
#[component]
pub fn Participation(consultation: Consultation) -> impl IntoView {
    let i18n = use_i18n();
    i18n.lang
        .set(consultation.language_for(i18n.lang.get_untracked()));
    let consultation = provide_consultation(consultation);
    let shown: Vec<PriorityId> = consultation
        .priorities
        .iter()
        .map(|p| p.id.clone())
        .collect();

    let group = RwSignal::new(None::<GroupId>);
    let draft = RwSignal::new(RankingDraft::new(
        shown,
        consultation.settings.partial_ranking,
    ));
    let group_error = RwSignal::new(None::<Key>);
    let ranking_error = RwSignal::new(None::<Key>);
    let submit_error = RwSignal::new(None::<Key>);
    // One id for this participation: a retry after a failure is recognised as the same response.
    let response_id = StoredValue::new(new_response_id());

    let slug = consultation.slug.to_string();
    // The output keeps the group the response was sent for, for the receipt.
    let submit = Action::new_local(move |(submission, group): &(ResponseSubmission, GroupId)| {
        let (slug, submission, group) = (slug.clone(), submission.clone(), group.clone());
        async move {
            api::submit(&slug, &submission)
                .await
                .map(|ack| (ack, group))
        }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = submit.value().get() {
            submit_error.set(Some(e.key()));
            focus_later("mtr-submit-error".to_owned());
        }
    });

    let on_submit = {
        let consultation = consultation.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if submit.pending().get_untracked() {
                return;
            }
            submit_error.set(None);
            let Some(chosen) = group.get_untracked() else {
                group_error.set(Some(Key::ErrorNoGroup));
                ranking_error.set(None);
                let first = consultation.groups.first().map(|g| g.id.to_string());
                focus_later(format!("mtr-group-{}", first.unwrap_or_default()));
                return;
            };
            group_error.set(None);
            let submission = draft.with_untracked(|d| ResponseSubmission {
                id: response_id.get_value().to_string(),
                group: chosen.to_string(),
                ranking: d.ranked().iter().map(ToString::to_string).collect(),
                shown: d.shown().iter().map(ToString::to_string).collect(),
                lang: i18n.lang.get_untracked().code().to_owned(),
                positions: Vec::new(),
                proposals: Vec::new(),
            });
            // The same rules as the server, for an instant answer.
            match submission.validate(&consultation) {
                Ok(_) => {
                    ranking_error.set(None);
                    submit.dispatch((submission, chosen));
                }
                Err(e) => {
                    let key = match e {
                        ValidationError::EmptyRanking => Key::ErrorEmptyRanking,
                        ValidationError::PartialRankingNotAllowed { .. } => Key::ErrorIncomplete,
                        _ => Key::ErrorInvalid,
                    };
                    ranking_error.set(Some(key));
                    focus_later("mtr-ranking-heading".to_owned());
                }
            }
        }
    };

    let acknowledged = move || match submit.value().get() {
        Some(Ok(ack)) => Some(ack),
        _ => None,
    };
    let title = consultation.title.clone();
    let description = consultation.description.clone();
    let languages = consultation.languages.clone();

    view! {
        <article class="mtr-consultation" aria-labelledby="mtr-title">
            <header class="mtr-header">
                <h1 id="mtr-title" class="mtr-h1">
                    {move || title.get(i18n.lang.get()).to_owned()}
                </h1>
                <LanguageSwitch languages />
            </header>
            <p class="mtr-description">{move || description.get(i18n.lang.get()).to_owned()}</p>
            {move || match acknowledged() {
                Some((ack, group)) => receipt(ack, group, draft).into_any(),
                None => {
                    view! {
                        <form class="mtr-form" novalidate on:submit=on_submit.clone()>
                            <GroupPicker selected=group error=group_error />
                            <RankingEditor draft error=ranking_error />
                            {move || {
                                submit_error
                                    .get()
                                    .map(|key| {
                                        view! {
                                            <p
                                                class="mtr-error"
                                                id="mtr-submit-error"
                                                role="alert"
                                                tabindex="-1"
                                            >
                                                {move || i18n.t(key)}
                                            </p>
                                        }
                                    })
                            }}
                            <button
                                type="submit"
                                class="mtr-button mtr-primary"
                                aria-disabled=move || submit.pending().get().to_string()
                            >
                                {move || {
                                    i18n.t(if submit.pending().get() { Key::Submitting } else { Key::Submit })
                                }}
                            </button>
                        </form>
                    }
                        .into_any()
                }
            }}
        </article>
    }
}

fn receipt(ack: Acknowledgement, group: GroupId, draft: RwSignal<RankingDraft>) -> impl IntoView {
    let ranking = draft.with_untracked(|d| d.ranked().to_vec());
    view! { <ReceiptView acknowledgement=ack group ranking /> }
}

/// A fresh random response id from the browser's cryptographic random source.
fn new_response_id() -> ResponseId {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    ResponseId::from_random_bytes(bytes)
}
