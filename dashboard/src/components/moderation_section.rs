use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::api::{self, ErrorText, Item};
use crate::components::filter_bar::FilterBar;
use crate::components::queue_item::QueueItem;
use crate::components::selection_bar::SelectionBar;
use crate::i18n::{use_i18n, Key};
use crate::route::{Filter, Page, Room};

/// The moderation room: comments, filtered by status and goal conflict (kept in the address),
/// decided one by one, all copies at once, or as a selection; then proposals.
#[component]
pub fn ModerationSection(slug: String, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let page = expect_context::<RwSignal<Page>>();
    let filter = Memo::new(move |_| match page.get() {
        Page::Consultation { filter, .. } => filter,
        Page::List => Filter::default(),
    });
    let version = RwSignal::new(0u32);
    let selected = RwSignal::new(BTreeSet::<i64>::new());
    let loaded = {
        let slug = slug.clone();
        LocalResource::new(move || {
            version.track();
            let slug = slug.clone();
            async move {
                let consultation = api::definition(&slug).await?;
                let comments = api::comments(&slug).await?;
                let proposals = api::proposals(&slug).await?;
                Ok::<_, api::ApiError>((consultation, comments, proposals))
            }
        })
    };
    let set_filter = {
        let slug = slug.clone();
        move |change: &dyn Fn(&mut Filter)| {
            let mut f = filter.get_untracked();
            change(&mut f);
            selected.set(BTreeSet::new());
            page.set(Page::Consultation {
                slug: slug.clone(),
                room: Room::Moderation,
                filter: f,
            });
        }
    };
    let set_status = set_filter.clone();
    let set_conflict = set_filter;
    let body = move || {
        loaded.get().map(|result| match result {
            Ok((consultation, comments, proposals)) => {
                let f = filter.get();
                let shown: Vec<Item> = comments
                    .iter()
                    .filter(|c| f.status.as_ref().is_none_or(|s| &c.status == s))
                    .filter(|c| f.conflict.as_ref().is_none_or(|x| c.conflict.as_ref() == Some(x)))
                    .cloned()
                    .collect();
                let copies_of = move |first: i64| -> Vec<i64> {
                    comments
                        .iter()
                        .filter(|c| c.copy_of == Some(first))
                        .map(|c| c.id)
                        .collect()
                };
                let comment_list = if shown.is_empty() {
                    view! { <p>{i18n.t(Key::NothingHere)}</p> }.into_any()
                } else {
                    let c = consultation.clone();
                    view! {
                        <ul class="dash-queue">
                            {shown
                                .into_iter()
                                .map(|item| {
                                    let copies = item
                                        .copy_of
                                        .filter(|first| *first == item.id && item.copies > 1)
                                        .map(&copies_of);
                                    view! {
                                        <QueueItem slug=slug.clone() what="comments" item consultation=c.clone() version admin selected copies />
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                };
                let proposal_list = if proposals.is_empty() {
                    view! { <p>{i18n.t(Key::Nothing)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="dash-queue">
                            {proposals
                                .into_iter()
                                .map(|item| view! {
                                    <QueueItem slug=slug.clone() what="proposals" item consultation=consultation.clone() version admin selected copies=None />
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                };
                view! {
                    <FilterBar consultation=consultation.clone() filter=f set_status=set_status.clone() set_conflict=set_conflict.clone() />
                    <SelectionBar slug=slug.clone() selected version />
                    {comment_list}
                    <h3>{i18n.t(Key::Proposals)}</h3>
                    {proposal_list}
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="dash-moderation">
            <h2 id="dash-moderation">{move || i18n.t(Key::Moderation)}</h2>
            <Transition fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{body}</Transition>
        </section>
    }
}
