use leptos::prelude::*;
use mitreden_core::locale::{self, Date};
use mitreden_core::notices::{Conformity, Contact, Notices};
use mitreden_core::theme::Theme;
use mitreden_core::{Lang, LocalizedText};

use super::contact_card::ContactCard;
use super::other_language::OtherLanguage;
use super::texts::{t, Key};
use crate::components::document::Document;
use crate::i18n::fill;

/// The accessibility statement (§ 12b BGG, BITV 2.0, the EU model): the status of conformity,
/// the known gaps, how it was prepared, where to report barriers and the enforcement body.
#[component]
pub fn AccessibilityPage(
    lang: Lang,
    notices: Notices,
    /// The same page in the other language.
    other_language: Option<String>,
) -> impl IntoView {
    let a = notices.accessibility;
    let title = t(lang, Key::AccessibilityTitle).to_owned();
    let body = notices.controller.as_ref().map_or_else(
        || t(lang, Key::TheOperator).to_owned(),
        |c| c.name.get(lang).to_owned(),
    );
    let status = match a.status {
        Conformity::Full => Key::StatusFull,
        Conformity::Partial => Key::StatusPartial,
        Conformity::None => Key::StatusNone,
    };
    let gaps = if a.known_gaps.is_empty() {
        view! { <p>{t(lang, Key::NoGaps)}</p> }.into_any()
    } else {
        let items = a
            .known_gaps
            .iter()
            .map(|gap| view! { <li>{gap.get(lang).to_owned()}</li> })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let prepared = a.prepared.as_deref().and_then(Date::parse_iso).map(|date| {
        let sentence = fill(
            t(lang, Key::Prepared),
            &[("date", &locale::date(lang, date))],
        );
        view! { <p>{sentence}</p> }
    });
    let method = a.method.map(|m| view! { <p>{m.get(lang).to_owned()}</p> });
    let enforcement = a.enforcement.or_else(|| Some(arbitration_board()));
    view! {
        <Document lang title=title.clone() theme=Theme::default() class="res-page res-notice">
            <main class="res-wrap">
                <h1>{title}</h1>
                <OtherLanguage lang href=other_language />
                <p>{fill(t(lang, Key::AccessibilityLead), &[("body", &body)])}</p>
                <h2>{t(lang, Key::StatusHeading)}</h2>
                <p>{t(lang, status)}</p>
                <h2>{t(lang, Key::GapsHeading)}</h2>
                {gaps}
                <h2>{t(lang, Key::PreparedHeading)}</h2>
                {prepared}
                {method}
                <h2>{t(lang, Key::FeedbackHeading)}</h2>
                <p>{t(lang, Key::Feedback)}</p>
                <ContactCard lang contact=a.feedback.or(notices.controller) />
                <h2>{t(lang, Key::EnforcementHeading)}</h2>
                <p>{t(lang, Key::Enforcement)}</p>
                <ContactCard lang contact=enforcement />
                <p class="res-footer">
                    <a href=format!("/datenschutz?lang={}", lang.code())>{t(lang, Key::PrivacyNoticeLink)}</a>
                </p>
            </main>
        </Document>
    }
}

/// The federal arbitration board (Schlichtungsstelle nach § 16 BGG).
fn arbitration_board() -> Contact {
    Contact {
        name: LocalizedText::new([
            (Lang::De, t(Lang::De, Key::EnforcementBody).to_owned()),
            (Lang::En, t(Lang::En, Key::EnforcementBody).to_owned()),
        ]),
        address: Some("Mauerstraße 53\n10117 Berlin".to_owned()),
        email: Some("info@schlichtungsstelle-bgg.de".to_owned()),
        phone: Some("+49 30 18 527-2805".to_owned()),
        url: Some("https://www.schlichtungsstelle-bgg.de".to_owned()),
    }
}
