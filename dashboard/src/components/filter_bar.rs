use leptos::prelude::*;
use mitreden_core::Consultation;

use crate::i18n::{use_i18n, Key};
use crate::route::Filter;

/// Which comments to show: by status and by goal conflict, labelled by their titles.
#[component]
pub fn FilterBar<S, C>(
    consultation: Consultation,
    filter: Filter,
    set_status: S,
    set_conflict: C,
) -> impl IntoView
where
    S: Fn(&dyn Fn(&mut Filter)) + Clone + 'static,
    C: Fn(&dyn Fn(&mut Filter)) + Clone + 'static,
{
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let statuses = [
        ("pending", Key::StatePending),
        ("approved", Key::StateApproved),
        ("rejected", Key::StateRejected),
        ("hidden", Key::StateHidden),
    ];
    let status_options = statuses
        .into_iter()
        .map(|(code, key)| {
            let chosen = filter.status.as_deref() == Some(code);
            view! { <option value=code selected=chosen>{i18n.t(key)}</option> }
        })
        .collect_view();
    let conflict_options = consultation
        .conflicts
        .iter()
        .map(|c| {
            let chosen = filter.conflict.as_deref() == Some(c.id.as_str());
            view! { <option value=c.id.to_string() selected=chosen>{c.title.get(lang).to_owned()}</option> }
        })
        .collect_view();
    view! {
        <h3>{i18n.t(Key::Comments)}</h3>
        <div class="dash-filters">
            <label>
                {i18n.t(Key::FilterStatus)}
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    set_status(&|f: &mut Filter| f.status = Some(value.clone()).filter(|v| !v.is_empty()));
                }>
                    <option value="" selected=filter.status.is_none()>{i18n.t(Key::All)}</option>
                    {status_options}
                </select>
            </label>
            <label>
                {i18n.t(Key::FilterConflict)}
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    set_conflict(&|f: &mut Filter| f.conflict = Some(value.clone()).filter(|v| !v.is_empty()));
                }>
                    <option value="" selected=filter.conflict.is_none()>{i18n.t(Key::All)}</option>
                    {conflict_options}
                </select>
            </label>
        </div>
    }
}
