use leptos::prelude::*;
use mitreden_core::notices::Notices;
use mitreden_core::theme::Theme;
use mitreden_core::{locale, Consultation, Lang};

use super::contact_card::ContactCard;
use super::other_language::OtherLanguage;
use super::texts::{t, Key};
use crate::components::document::Document;
use crate::i18n::fill;

/// The privacy notice (GDPR Art. 13): the deployment's controller, data protection officer and
/// supervisory authority from its notices file, and what mitreden stores, publishes and
/// deletes — for one consultation (its retention period and what it publishes) or in general.
#[component]
pub fn PrivacyPage(
    lang: Lang,
    notices: Notices,
    consultation: Option<Consultation>,
    /// The same page in the other language.
    other_language: Option<String>,
) -> impl IntoView {
    let title = t(lang, Key::PrivacyTitle).to_owned();
    let c = consultation;
    let about = c.as_ref().map(|c| {
        view! { <p>{fill(t(lang, Key::PrivacyFor), &[("title", c.title.get(lang))])}</p> }
    });
    let legal_basis = notices.legal_basis.as_ref().map_or_else(
        || t(lang, Key::DefaultLegalBasis).to_owned(),
        |b| b.get(lang).to_owned(),
    );
    let published = match &c {
        Some(c) if !c.settings.publish_results => {
            view! { <p>{t(lang, Key::NotPublished)}</p> }.into_any()
        }
        _ => {
            let min = c.as_ref().map_or(10, |c| c.settings.min_group_size);
            let aggregates = fill(
                t(lang, Key::PublishedAggregates),
                &[("min", &locale::integer(lang, min))],
            );
            view! {
                <ul>
                    <li>{aggregates}</li>
                    <li>{t(lang, Key::PublishedComments)}</li>
                    <li>{t(lang, Key::PublishedStatements)}</li>
                </ul>
            }
            .into_any()
        }
    };
    let retention = match &c {
        Some(c) => fill(
            t(lang, Key::Retention),
            &[(
                "days",
                &locale::integer(lang, u64::from(c.settings.retention_days)),
            )],
        ),
        None => t(lang, Key::RetentionGeneral).to_owned(),
    };
    view! {
        <Document lang title=title.clone() theme=Theme::default() class="res-page res-notice">
            <main class="res-wrap">
                <h1>{title}</h1>
                <OtherLanguage lang href=other_language />
                {about}
                <p>{t(lang, Key::PrivacyLead)}</p>
                <h2>{t(lang, Key::Controller)}</h2>
                <ContactCard lang contact=notices.controller.clone() />
                <h2>{t(lang, Key::Dpo)}</h2>
                <ContactCard lang contact=notices.data_protection_officer.clone() />
                <h2>{t(lang, Key::PurposeHeading)}</h2>
                <p>{t(lang, Key::Purpose)}</p>
                <p>{legal_basis}</p>
                <h2>{t(lang, Key::StoredHeading)}</h2>
                <ul>
                    <li>{t(lang, Key::StoredAnswers)}</li>
                    <li>{t(lang, Key::StoredStatements)}</li>
                    <li>{t(lang, Key::StoredReceipt)}</li>
                </ul>
                <h2>{t(lang, Key::NotStoredHeading)}</h2>
                <p>{t(lang, Key::NotStored)}</p>
                <h2>{t(lang, Key::DeviceHeading)}</h2>
                <p>{t(lang, Key::Device)}</p>
                <h2>{t(lang, Key::PublishedHeading)}</h2>
                {published}
                <h2>{t(lang, Key::RetentionHeading)}</h2>
                <p>{retention}</p>
                <h2>{t(lang, Key::RightsHeading)}</h2>
                <p>{t(lang, Key::Rights)}</p>
                <p>{t(lang, Key::NoAutomatedDecisions)}</p>
                <p>{t(lang, Key::Complaint)}</p>
                <ContactCard lang contact=notices.supervisory_authority.clone() />
                <p class="res-footer">
                    <a href=format!("/barrierefreiheit?lang={}", lang.code())>
                        {t(lang, Key::AccessibilityStatementLink)}
                    </a>
                </p>
            </main>
        </Document>
    }
}
