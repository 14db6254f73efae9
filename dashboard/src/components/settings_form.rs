use leptos::prelude::*;
use mitreden_core::consultation::{MAX_PROOF_OF_WORK, MAX_RETENTION_DAYS};
use mitreden_core::{Consultation, Licence, Slug};

use crate::api::{self, ErrorText};
use crate::i18n::{use_i18n, Key};

/// The consultation's settings as a form (admins): partial rankings, results for participants,
/// publication, minimum group size, how long personal data is kept after closing, the proof
/// of work asked of each submission, allowed embedding origins.
#[component]
pub fn SettingsForm(consultation: Consultation) -> impl IntoView {
    let i18n = use_i18n();
    let s = consultation.settings.clone();
    let initial = s.clone();
    let partial = RwSignal::new(initial.partial_ranking);
    let after = RwSignal::new(initial.results_after_submit);
    let publish = RwSignal::new(initial.publish_results);
    let min = RwSignal::new(initial.min_group_size.to_string());
    let retention = RwSignal::new(initial.retention_days.to_string());
    let work = RwSignal::new(initial.proof_of_work.to_string());
    let origins = RwSignal::new(initial.allowed_origins.join("\n"));
    let licence = RwSignal::new(consultation.licence.map_or("", |l| l.id()).to_owned());
    let predecessor = RwSignal::new(
        consultation
            .predecessor
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(None::<Key>);
    // Only the settings change: the rest of the definition is read afresh when saving, so a
    // status changed meanwhile is not undone.
    let slug = consultation.slug.to_string();
    let save = Action::new_local(move |settings: &mitreden_core::Settings| {
        let (slug, settings) = (slug.clone(), settings.clone());
        let licence = Licence::parse(&licence.get_untracked());
        let predecessor = predecessor.get_untracked();
        async move {
            let mut current = api::definition(&slug).await?;
            current.settings = settings;
            current.licence = licence;
            current.predecessor = match predecessor.trim() {
                "" => None,
                p => Some(Slug::parse(p).map_err(|e| api::ApiError::Decode(e.to_string()))?),
            };
            api::save(&current).await
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => note.set(Some(Key::Saved)),
        Some(Err(e)) => note.set(Some(e.key())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut settings = s.clone();
        settings.partial_ranking = partial.get_untracked();
        settings.results_after_submit = after.get_untracked();
        settings.publish_results = publish.get_untracked();
        settings.min_group_size = min
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(settings.min_group_size);
        settings.retention_days = retention
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(settings.retention_days);
        settings.proof_of_work = work
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(settings.proof_of_work);
        settings.allowed_origins = origins
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        save.dispatch(settings);
    };
    let check = move |id: &'static str, key: Key, value: RwSignal<bool>| {
        view! {
            <div class="dash-check">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev))
                />
                <label for=id>{move || i18n.t(key)}</label>
            </div>
        }
    };
    view! {
        <h3>{move || i18n.t(Key::Settings)}</h3>
        <form class="dash-form" on:submit=submit>
            {check("dash-partial", Key::PartialRanking, partial)}
            {check("dash-after", Key::ResultsAfterSubmit, after)}
            {check("dash-publish", Key::PublishResults, publish)}
            <label for="dash-min">{move || i18n.t(Key::MinGroupSize)}</label>
            <input
                id="dash-min"
                type="number"
                min="1"
                prop:value=move || min.get()
                on:input=move |ev| min.set(event_target_value(&ev))
            />
            <label for="dash-retention">{move || i18n.t(Key::RetentionDays)}</label>
            <input
                id="dash-retention"
                type="number"
                min="0"
                max=MAX_RETENTION_DAYS
                aria-describedby="dash-retention-hint"
                prop:value=move || retention.get()
                on:input=move |ev| retention.set(event_target_value(&ev))
            />
            <p id="dash-retention-hint" class="dash-meta">{move || i18n.t(Key::RetentionHint)}</p>
            <label for="dash-work">{move || i18n.t(Key::ProofOfWork)}</label>
            <input
                id="dash-work"
                type="number"
                min="0"
                max=MAX_PROOF_OF_WORK
                step="1000"
                aria-describedby="dash-work-hint"
                prop:value=move || work.get()
                on:input=move |ev| work.set(event_target_value(&ev))
            />
            <p id="dash-work-hint" class="dash-meta">{move || i18n.t(Key::ProofOfWorkHint)}</p>
            <label for="dash-origins">{move || i18n.t(Key::AllowedOrigins)}</label>
            <textarea
                id="dash-origins"
                rows="3"
                prop:value=move || origins.get()
                on:input=move |ev| origins.set(event_target_value(&ev))
            ></textarea>
            <label for="dash-licence">{move || i18n.t(Key::LicenceField)}</label>
            <select id="dash-licence" on:change=move |ev| licence.set(event_target_value(&ev))>
                <option value="" selected=move || licence.get().is_empty()>{move || i18n.t(Key::NoLicence)}</option>
                {Licence::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.id() selected=move || licence.get() == l.id()>{l.name()}</option> })
                    .collect_view()}
            </select>
            <label for="dash-predecessor">{move || i18n.t(Key::PredecessorField)}</label>
            <input
                id="dash-predecessor"
                type="text"
                pattern="[a-z0-9\\-]{0,64}"
                aria-describedby="dash-predecessor-hint"
                prop:value=move || predecessor.get()
                on:input=move |ev| predecessor.set(event_target_value(&ev))
            />
            <p id="dash-predecessor-hint" class="dash-meta">{move || i18n.t(Key::PredecessorHint)}</p>
            <p role="status">{move || note.get().map(|k| i18n.t(k))}</p>
            <button type="submit" class="dash-button dash-primary">{move || i18n.t(Key::Save)}</button>
        </form>
    }
}
