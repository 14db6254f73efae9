use leptos::prelude::*;

use mitreden_core::locale::{self, Date};

use crate::api;
use crate::i18n::{fill, use_i18n, Key};

/// When the consultation's personal data goes: how long after closing, the date once it is
/// closed, or that it is gone. Read afresh whenever `changed` changes (opening, closing).
#[component]
pub fn LifecycleNote(slug: String, retention_days: u16, changed: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let summary = LocalResource::new(move || {
        changed.track();
        let slug = slug.clone();
        async move {
            api::consultations()
                .await
                .map(|all| all.into_iter().find(|s| s.slug == slug))
        }
    });
    let days = retention_days.to_string();
    let text = move || {
        let removal = summary
            .get()
            .and_then(Result::ok)
            .flatten()
            .and_then(|s| s.personal_data_removal);
        // "1. Dezember 2026" rather than the API's 2026-12-01.
        let lang = i18n.lang.get();
        let shown = |iso: &str| {
            Date::parse_iso(iso.get(..10).unwrap_or(iso))
                .map(|d| locale::date(lang, d))
                .unwrap_or_else(|| iso.to_owned())
        };
        match removal {
            Some(r) if r.done => fill(
                i18n.t(Key::PersonalDataRemoved),
                &[("date", &shown(&r.date))],
            ),
            Some(r) => fill(
                i18n.t(Key::PersonalDataRemovalDue),
                &[("date", &shown(&r.date))],
            ),
            None => fill(i18n.t(Key::PersonalDataRetention), &[("days", &days)]),
        }
    };
    view! { <p class="dash-meta" data-testid="lifecycle">{text}</p> }
}
