use leptos::prelude::*;
use mitreden_core::Consultation;

use crate::api::{self, ErrorText};
use crate::components::agreement_table::AgreementTable;
use crate::components::conflict_chart::ConflictChart;
use crate::components::groups_table::GroupsTable;
use crate::components::ranking_table::RankingTable;
use crate::components::timeline_chart::TimelineChart;
use crate::i18n::{fill, use_i18n, Key};

/// Everything staff read about the results.
#[component]
pub fn ResultsSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let timeline_slug = slug.clone();
    let data = LocalResource::new(move || {
        let slug = slug.clone();
        async move {
            let consultation = api::definition(&slug).await?;
            let results = api::results(&slug).await?;
            Ok::<_, api::ApiError>((consultation, results))
        }
    });
    let body = move || {
        data.get().map(|loaded| match loaded {
            Ok((c, r)) => {
                let c: std::sync::Arc<Consultation> = std::sync::Arc::new(c);
                let total = fill(i18n.t(Key::TotalResponses), &[("n", &r.results.total.to_string())]);
                let top_k = r.results.top_k;
                let charts = c
                    .conflicts
                    .iter()
                    .zip(r.results.conflicts.clone())
                    .map(|(conflict, results)| {
                        view! { <ConflictChart consultation=c.clone() conflict=conflict.clone() results /> }
                    })
                    .collect_view();
                view! {
                    <p data-testid="total">{total}</p>
                    <RankingTable consultation=c.clone() results=r.results.overall.clone() caption=Key::OverallRaw top_k />
                    <RankingTable consultation=c.clone() results=r.results.equal_weight.clone() caption=Key::OverallEqual top_k />
                    <GroupsTable consultation=c.clone() results=r.results.clone() />
                    <AgreementTable consultation=c.clone() results=r.results.clone() />
                    <h3>{move || i18n.t(Key::ConflictsHeading)}</h3>
                    {charts}
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="dash-results">
            <h2 id="dash-results">{move || i18n.t(Key::Results)}</h2>
            <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{body}</Suspense>
            <TimelineChart slug=timeline_slug />
        </section>
    }
}
