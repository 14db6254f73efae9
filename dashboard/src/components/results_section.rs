use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::locale::Date;
use mitreden_views::components::results_view::ResultsView;
use mitreden_views::components::svg::ACCENT;
use mitreden_views::{Day, ResultsData};

use crate::api::{self, ErrorText};
use crate::i18n::{use_i18n, Key};

/// Everything staff read about the results: the same briefing, charts and tables as the public
/// page (`mitreden-views`), but with every group, however small.
#[component]
pub fn ResultsSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(move || {
        let slug = slug.clone();
        async move {
            let consultation = api::definition(&slug).await?;
            let results = api::results(&slug).await?;
            let days = api::timeline(&slug).await?;
            Ok::<_, api::ApiError>(Arc::new(ResultsData {
                consultation,
                results: results.results,
                days: days
                    .into_iter()
                    .filter_map(|d| {
                        Some(Day {
                            date: Date::parse_iso(&d.date)?,
                            responses: d.responses,
                        })
                    })
                    .collect(),
                read_at: (js_sys::Date::now() / 1000.0) as i64,
                public: false,
            }))
        }
    });
    // Arriving from a finding's link (`…&room=results#chart-…`): show that chart once drawn.
    Effect::new(move |_| {
        if let Some(Ok(_)) = data.get() {
            request_animation_frame(|| {
                let hash = window().location().hash().unwrap_or_default();
                if let Some(target) = hash
                    .strip_prefix('#')
                    .filter(|id| !id.is_empty())
                    .and_then(|id| document().get_element_by_id(id))
                {
                    target.scroll_into_view();
                }
            });
        }
    });
    let body = move || {
        data.get().map(|loaded| match loaded {
            Ok(data) => {
                let lang = i18n.lang.get();
                // Charts for slides are the published ones (small groups withheld), offered
                // once the results are public, and said so.
                let downloads = data
                    .consultation
                    .settings
                    .publish_results
                    .then(|| format!("/results/{}/charts", data.consultation.slug));
                let note = downloads
                    .is_some()
                    .then(|| view! { <p class="dash-meta">{i18n.t(Key::DownloadsArePublic)}</p> });
                view! {
                    {note}
                    <ResultsView data lang accent=ACCENT.to_owned() downloads />
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="dash-results" class="res-page">
            <h2 id="dash-results">{move || i18n.t(Key::Results)}</h2>
            <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{body}</Suspense>
        </section>
    }
}
