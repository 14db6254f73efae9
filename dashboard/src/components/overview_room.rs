use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use mitreden_core::locale;
use mitreden_views::components::briefing::Briefing;
use mitreden_views::ResultsData;

use crate::api::{self, ErrorText};
use crate::i18n::{use_i18n, Key};
use crate::route::{Filter, Page, Room};

/// How often the overview reads the counts again while it is open.
const REFRESH: Duration = Duration::from_secs(15);

/// The first view of a consultation: the counts that matter today, kept current while open,
/// and the briefing.
#[component]
pub fn OverviewRoom(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let page = expect_context::<RwSignal<Page>>();
    let tick = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|t| *t += 1), REFRESH) {
        on_cleanup(move || handle.clear());
    }
    let data_slug = slug.clone();
    let data = LocalResource::new(move || {
        tick.track();
        let slug = data_slug.clone();
        async move {
            let consultation = api::definition(&slug).await?;
            let results = api::results(&slug).await?;
            let comments = api::comments(&slug).await?;
            Ok::<_, api::ApiError>((consultation, results, comments))
        }
    });
    let moderation = Page::Consultation {
        slug: slug.clone(),
        room: Room::Moderation,
        filter: Filter {
            status: Some("pending".to_owned()),
            ..Filter::default()
        },
    };
    let results_room = Page::Consultation {
        slug,
        room: Room::Results,
        filter: Filter::default(),
    }
    .href();
    let body = move || {
        data.get().map(|loaded| match loaded {
            Ok((consultation, results, comments)) => {
                let lang = i18n.lang.get();
                let pending = comments.iter().filter(|c| c.status == "pending").count() as u64;
                let statements = results.organisations.statements;
                let data = Arc::new(ResultsData {
                    consultation,
                    results: results.results,
                    days: Vec::new(),
                    read_at: (js_sys::Date::now() / 1000.0) as i64,
                    public: false,
                });
                let total = data.results.total;
                let stand = data.stand(lang);
                let to_moderation = moderation.clone();
                view! {
                    <dl class="dash-counts" data-testid="counts">
                        <div>
                            <dt>{i18n.t(Key::Responses)}</dt>
                            <dd>{locale::integer(lang, total)}</dd>
                        </div>
                        <div>
                            <dt>{i18n.t(Key::PendingComments)}</dt>
                            <dd>
                                <a
                                    href=to_moderation.href()
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        page.set(to_moderation.clone());
                                    }
                                >
                                    {locale::integer(lang, pending)}
                                </a>
                            </dd>
                        </div>
                        <div>
                            <dt>{i18n.t(Key::Statements)}</dt>
                            <dd>{locale::integer(lang, statements)}</dd>
                        </div>
                        <div>
                            <dt>{i18n.t(Key::AsOf)}</dt>
                            <dd>{stand}</dd>
                        </div>
                    </dl>
                    <div class="res-page">
                        <Briefing data lang charts_at=results_room.clone() />
                    </div>
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="dash-overview">
            <h2 id="dash-overview">{move || i18n.t(Key::Overview)}</h2>
            <p class="dash-meta">{move || i18n.t(Key::LiveNote)}</p>
            <Transition fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{body}</Transition>
        </section>
    }
}
