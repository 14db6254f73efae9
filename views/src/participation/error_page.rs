use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::Lang;

use super::page_texts::{seconds as wait, text, Key};
use super::shell::Shell;
use crate::components::notice_links::NoticeLinks;
use crate::i18n::fill;

/// Why a page the participant asked for (the form without JavaScript, the receipt look-up)
/// could not be given, as the server's error code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Too many requests from the same network; again after this many seconds.
    TooMany(u64),
    /// What was sent was not the page's form (changed on the way, or far too long).
    NotTheForm,
    /// No such consultation (or page of it).
    NotFound,
    /// The server could not store or read just now.
    Unavailable,
    /// Anything else on the server's side.
    Failed,
}

impl Trouble {
    /// The trouble an error answer names: by the API's error `code` if it has one, else by
    /// its HTTP `status` (`retry_after`: its `Retry-After`, seconds).
    pub fn from_answer(code: Option<&str>, status: u16, retry_after: Option<u64>) -> Self {
        let code = code.unwrap_or(match status {
            429 => "rate_limited",
            400 | 413 | 415 | 422 => "invalid_body",
            404 => "not_found",
            503 | 408 => "database_unavailable",
            _ => "",
        });
        match code {
            "rate_limited" | "too_many_attempts" => Self::TooMany(retry_after.unwrap_or(60)),
            "invalid_body" | "invalid_json" | "payload_too_large" | "unsupported_media_type" => {
                Self::NotTheForm
            }
            "consultation_not_found" | "not_found" => Self::NotFound,
            "database_unavailable" | "widget_missing" | "request_timeout" => Self::Unavailable,
            _ => Self::Failed,
        }
    }
}

/// A participant's page that could not be given: what happened, that nothing was stored, and
/// what to do, in their language; the ways to try again and back to the consultation.
#[component]
pub fn ErrorPage(
    lang: Lang,
    css: String,
    theme: Theme,
    trouble: Trouble,
    /// The page asked for, to ask for it again (afresh).
    again: String,
    /// The widget page, to go back to.
    back: String,
    /// The privacy notice and the accessibility statement.
    notices: (String, String),
) -> impl IntoView {
    let t = move |key| text(lang, key);
    let (heading, what) = match trouble {
        Trouble::TooMany(seconds) => (
            t(Key::TroubleTooManyHeading),
            fill(t(Key::TroubleTooMany), &[("seconds", &wait(lang, seconds))]),
        ),
        Trouble::NotTheForm => (t(Key::TroubleHeading), t(Key::TroubleNotTheForm).to_owned()),
        Trouble::NotFound => (t(Key::TroubleHeading), t(Key::TroubleNotFound).to_owned()),
        Trouble::Unavailable => (
            t(Key::TroubleHeading),
            t(Key::TroubleUnavailable).to_owned(),
        ),
        Trouble::Failed => (t(Key::TroubleHeading), t(Key::TroubleFailed).to_owned()),
    };
    let title = fill(t(Key::ErrorPageTitle), &[("title", heading)]);
    view! {
        <Shell lang title css theme arrived=true>
            <main class="mtr-root">
                <h1 class="mtr-h1" tabindex="-1" autofocus>{heading}</h1>
                <p class="mtr-error" role="alert">{what}</p>
                <p><a href=again>{t(Key::TroubleAgain)}</a></p>
                <p><a href=back>{t(Key::BackToConsultation)}</a></p>
                <NoticeLinks
                    class="mtr-footer"
                    privacy=(notices.0, t(Key::PrivacyLink))
                    accessibility=(notices.1, t(Key::AccessibilityLink))
                    new_window=true
                />
            </main>
        </Shell>
    }
}
