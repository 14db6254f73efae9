use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_views::components::outcome_section::OutcomeSection;
use mitreden_views::components::svg::ACCENT;
use mitreden_views::ResultsData;

use super::indicator_form::IndicatorForm;
use super::outcome_form::OutcomeForm;
use super::values_import::ValuesImport;
use crate::api::{self, ErrorText};
use crate::i18n::{use_i18n, Key};

/// Closing the loop: the outcome and the indicators to publish (admins), and below, the same
/// section the public results page shows, as it stands.
#[component]
pub fn OutcomeRoom(slug: String, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move {
                let consultation = api::definition(&slug).await?;
                let follow_up = api::outcome(&slug).await?;
                let results = api::results(&slug).await?;
                let proposals = api::proposals(&slug).await?;
                // The preview shows what the public sees: small groups withheld.
                Ok::<_, api::ApiError>((
                    consultation,
                    follow_up,
                    results.results.public(),
                    proposals,
                ))
            }
        }
    });
    // What is published now: as loaded, then as each publication answers. The forms stay as
    // they are (with their messages); the indicator form and the preview follow this.
    let current = RwSignal::new(None::<FollowUp>);
    let changed = Callback::new(move |published: FollowUp| current.set(Some(published)));
    let imported = Callback::new(move |()| {
        let slug = slug.clone();
        leptos::task::spawn_local(async move {
            if let Ok(published) = api::outcome(&slug).await {
                current.set(Some(published));
            }
        });
    });
    let body = move || {
        data.get().map(|loaded| match loaded {
            Ok((consultation, loaded, results, proposals)) => {
                let shown = Signal::derive(move || current.get().unwrap_or_else(|| loaded.clone()));
                let titles: Vec<(i64, String)> =
                    proposals.iter().map(|p| (p.id, p.text.clone())).collect();
                let forms = if admin {
                    view! {
                        <h3>{i18n.t(Key::OutcomeRoomHeading)}</h3>
                        <OutcomeForm
                            consultation=consultation.clone()
                            follow_up=shown.get_untracked()
                            proposals
                            on_published=changed
                        />
                        <h3>{i18n.t(Key::IndicatorHeading)}</h3>
                        <IndicatorForm
                            consultation=consultation.clone()
                            follow_up=shown
                            on_published=changed
                        />
                        <h3>{i18n.t(Key::ValuesImportHeading)}</h3>
                        <ValuesImport slug=consultation.slug.to_string() on_imported=imported />
                    }
                    .into_any()
                } else {
                    view! { <p>{i18n.t(Key::OutcomeReadOnly)}</p> }.into_any()
                };
                let data = Arc::new(ResultsData {
                    consultation,
                    results,
                    days: Vec::new(),
                    read_at: (js_sys::Date::now() / 1000.0) as i64,
                    public: false,
                });
                view! {
                    {forms}
                    <h3>{i18n.t(Key::OutcomePreview)}</h3>
                    <div class="res-page dash-outcome-preview">
                        {move || {
                            view! {
                                <OutcomeSection
                                    data=data.clone()
                                    follow_up=shown.get()
                                    proposals=titles.clone()
                                    lang=i18n.lang.get()
                                    accent=ACCENT.to_owned()
                                />
                            }
                        }}
                    </div>
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="dash-outcome">
            <h2 id="dash-outcome">{move || i18n.t(Key::OutcomeRoom)}</h2>
            <p>{move || i18n.t(Key::OutcomeRoomIntro)}</p>
            <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{body}</Suspense>
        </section>
    }
}
