use std::collections::BTreeMap;

use leptos::prelude::*;
use mitreden_core::outcome::{
    proposal_item, FollowUp, ItemStatus, ItemSubmission, OutcomeSubmission, OUTCOME_KEY,
};
use mitreden_core::{Consultation, LocalizedText};

use super::localized_field::LocalizedField;
use super::problem_note::ProblemNote;
use crate::api::{self, Item};
use crate::i18n::{use_i18n, Key};

/// One item's fields: its status (or not part of the response) and the response.
#[derive(Clone, Copy)]
struct Fields {
    status: RwSignal<Option<ItemStatus>>,
    response: RwSignal<LocalizedText>,
}

/// The outcome as a form: the summary, then a status and a response for every goal, goal
/// conflict and decided proposal, filled with what is published; publishing sends it all.
#[component]
pub fn OutcomeForm(
    consultation: Consultation,
    follow_up: FollowUp,
    proposals: Vec<Item>,
    /// Called with what was published.
    on_published: Callback<FollowUp>,
) -> impl IntoView {
    let i18n = use_i18n();
    let published = follow_up.outcome.clone();
    // What this form was filled from: publishing checks that nobody published since.
    let based_on = RwSignal::new(follow_up.version(OUTCOME_KEY).unwrap_or(0));
    let summary = RwSignal::new(
        published
            .as_ref()
            .map(|o| o.summary.clone())
            .unwrap_or_default(),
    );
    let decided: Vec<&Item> = proposals.iter().filter(|p| p.status != "pending").collect();
    let mut ids: Vec<(String, String, Key)> = Vec::new();
    let lang = i18n.lang.get_untracked();
    for p in &consultation.priorities {
        ids.push((
            p.id.to_string(),
            p.title.get(lang).to_owned(),
            Key::OutcomeGoals,
        ));
    }
    for c in &consultation.conflicts {
        ids.push((
            c.id.to_string(),
            c.title.get(lang).to_owned(),
            Key::OutcomeConflicts,
        ));
    }
    for p in decided {
        ids.push((proposal_item(p.id), p.text.clone(), Key::OutcomeProposals));
    }
    let fields: Vec<(String, String, Key, Fields)> = ids
        .into_iter()
        .map(|(id, title, group)| {
            let item = published.as_ref().and_then(|o| o.item(&id));
            let fields = Fields {
                status: RwSignal::new(item.map(|i| i.status)),
                response: RwSignal::new(item.map(|i| i.response.clone()).unwrap_or_default()),
            };
            (id, title, group, fields)
        })
        .collect();
    let languages = StoredValue::new(consultation.languages.clone());
    let slug = consultation.slug.to_string();
    let sent = fields.clone();
    let publish = Action::new_local(move |(): &()| {
        let items: BTreeMap<String, ItemSubmission> = sent
            .iter()
            .filter_map(|(id, _, _, f)| {
                let status = f.status.get_untracked()?;
                Some((
                    id.clone(),
                    ItemSubmission {
                        status: status.code().to_owned(),
                        response: f.response.get_untracked(),
                    },
                ))
            })
            .collect();
        let submission = OutcomeSubmission {
            summary: summary.get_untracked(),
            items,
            based_on: Some(based_on.get_untracked()),
        };
        let slug = slug.clone();
        async move { api::publish_outcome(&slug, &submission).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(follow_up)) = publish.value().get() {
            based_on.set(follow_up.version(OUTCOME_KEY).unwrap_or(0));
            on_published.run(follow_up);
        }
    });
    let message = move || {
        publish.value().get().map(|r| match r {
            Ok(_) => view! { <p class="dash-ok" role="status">{i18n.t(Key::OutcomePublished)}</p> }
                .into_any(),
            Err(e) => view! { <ProblemNote error=e /> }.into_any(),
        })
    };
    let groups = [Key::OutcomeGoals, Key::OutcomeConflicts, Key::OutcomeProposals]
        .into_iter()
        .map(|group| {
            let items = fields
                .iter()
                .filter(|(_, _, g, _)| *g == group)
                .map(|(id, title, _, f)| {
                    let (f, id, title) = (*f, id.clone(), title.clone());
                    let response_id = format!("outcome-response-{id}");
                    let select = format!("outcome-status-{id}");
                    let choose = move |code: String| f.status.set(ItemStatus::parse(&code));
                    let options = ItemStatus::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.code() selected=move || f.status.get() == Some(s)>
                                    {move || s.label(i18n.lang.get())}
                                </option>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset class="dash-outcome-item">
                            <legend>{title}</legend>
                            <p class="dash-field">
                                <label for=select.clone()>{move || i18n.t(Key::OutcomeStatusField)}</label>
                                <select id=select on:change=move |ev| choose(event_target_value(&ev))>
                                    <option value="" selected=move || f.status.get().is_none()>
                                        {move || i18n.t(Key::OutcomeNotIncluded)}
                                    </option>
                                    {options}
                                </select>
                            </p>
                            <Show when=move || f.status.get().is_some()>
                                <LocalizedField
                                    id=response_id.clone()
                                    label=Key::OutcomeResponse
                                    languages=languages.get_value()
                                    value=f.response
                                    multiline=true
                                    required=true
                                />
                            </Show>
                        </fieldset>
                    }
                })
                .collect::<Vec<_>>();
            (!items.is_empty()).then(|| {
                view! {
                    <h4>{move || i18n.t(group)}</h4>
                    {items}
                }
            })
        })
        .collect_view();
    view! {
        <form
            class="dash-outcome-form"
            on:submit=move |ev| {
                ev.prevent_default();
                publish.dispatch(());
            }
        >
            <LocalizedField
                id="outcome-summary".to_owned()
                label=Key::OutcomeSummary
                languages=consultation.languages.clone()
                value=summary
                multiline=true
                required=true
            />
            {groups}
            <p class="dash-meta">{move || i18n.t(Key::PublishingIsPermanent)}</p>
            <p>
                <button type="submit" class="dash-button" disabled=move || publish.pending().get()>
                    {move || i18n.t(Key::OutcomePublish)}
                </button>
            </p>
            {message}
        </form>
    }
}
