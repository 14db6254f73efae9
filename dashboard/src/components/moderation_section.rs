use leptos::prelude::*;

use crate::api::{self, ErrorText};
use crate::components::queue_item::QueueItem;
use crate::i18n::{use_i18n, Key};

/// The moderation queues: comments on conflicts and proposals.
#[component]
pub fn ModerationSection(slug: String, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    let queue = |what: &'static str, slug: String| {
        LocalResource::new(move || {
            version.track();
            let slug = slug.clone();
            async move {
                match what {
                    "comments" => api::comments(&slug).await,
                    _ => api::proposals(&slug).await,
                }
            }
        })
    };
    let comments = queue("comments", slug.clone());
    let proposals = queue("proposals", slug.clone());
    let list = move |what: &'static str,
                     items: LocalResource<Result<Vec<api::Item>, api::ApiError>>,
                     slug: String| {
        move || {
            items.get().map(|loaded| match loaded {
                Ok(items) if items.is_empty() => view! { <p>{i18n.t(Key::Nothing)}</p> }.into_any(),
                Ok(items) => view! {
                    <ul class="dash-queue">
                        {items
                            .into_iter()
                            .map(|item| view! { <QueueItem slug=slug.clone() what item version admin /> })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
                Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
            })
        }
    };
    let comment_list = list("comments", comments, slug.clone());
    let proposal_list = list("proposals", proposals, slug);
    view! {
        <section aria-labelledby="dash-moderation">
            <h2 id="dash-moderation">{move || i18n.t(Key::Moderation)}</h2>
            <h3>{move || i18n.t(Key::Comments)}</h3>
            <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>
                {comment_list}
            </Suspense>
            <h3>{move || i18n.t(Key::Proposals)}</h3>
            <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>
                {proposal_list}
            </Suspense>
        </section>
    }
}
