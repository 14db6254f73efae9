use leptos::prelude::*;
use mitreden_core::outcome::FollowUp;
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang, Submitted};

use super::found_submission::FoundSubmission;
use super::lookup_form::LookupForm;
use super::page_texts::{text as page_text, Key as PageKey};
use super::shell::Shell;
use super::texts::{text, Key};
use super::your_outcome::YourOutcome;
use crate::components::notice_links::NoticeLinks;
use crate::i18n::fill;

/// Where the receipt look-up is: what was asked and what the server found.
#[derive(Debug, Clone)]
pub enum LookupState {
    /// The form: empty, or with the code typed and what is wrong with it (a sentence).
    Form {
        code: String,
        error: Option<&'static str>,
    },
    /// What the receipt was given for, with the way to withdraw it.
    Found {
        code: String,
        found: Box<Submitted>,
        follow_up: Box<FollowUp>,
    },
    /// "Really withdraw?", with the way back.
    Confirm { code: String, statement: bool },
    /// Withdrawn: deleted and no longer counted.
    Withdrawn { statement: bool },
}

/// Addresses the look-up page links to.
#[derive(Debug, Clone)]
pub struct LookupLinks {
    /// This page, where its forms are sent (with what the widget page's address carries).
    pub action: String,
    /// The widget page, to go back to.
    pub back: String,
    /// The privacy notice and the accessibility statement.
    pub notices: (String, String),
}

/// The receipt look-up, rendered by the server (no widget, no JavaScript needed): the code's
/// form; what it was given for; withdrawing it, asked to be confirmed first. The receipt code
/// travels only in the bodies of the page's forms, never in an address.
#[component]
pub fn LookupPage(
    consultation: Consultation,
    lang: Lang,
    theme: Theme,
    css: String,
    /// The page's script: it keeps an embedding page's frame fitted.
    boot: String,
    state: LookupState,
    links: LookupLinks,
) -> impl IntoView {
    let c = consultation;
    let t = move |key| text(lang, key);
    let pt = move |key| page_text(lang, key);
    let title = c.title.get(lang).to_owned();
    let action = links.action.clone();
    let heading_first = matches!(state, LookupState::Form { error: None, .. });
    // Each state its own title, as a screen reader's first words on the new page.
    let page_title = {
        let named = |heading: &str| format!("{heading} – {title}");
        match &state {
            LookupState::Form { error: None, .. } => named(pt(PageKey::LookupHeading)),
            LookupState::Form { error: Some(_), .. } => fill(
                pt(PageKey::ErrorPageTitle),
                &[("title", &named(pt(PageKey::LookupHeading)))],
            ),
            LookupState::Found { .. } => named(pt(PageKey::LookupResultHeading)),
            LookupState::Confirm { statement, .. } => named(t(if *statement {
                Key::WithdrawStatement
            } else {
                Key::Withdraw
            })),
            LookupState::Withdrawn { statement } => named(t(if *statement {
                Key::StatementWithdrawnNotice
            } else {
                Key::WithdrawnNotice
            })),
        }
    };
    let body = match state {
        LookupState::Form { code, error } => {
            let summary = error.map(|e| {
                view! {
                    <div class="mtr-error-summary" role="alert" aria-labelledby="mtr-error-summary" tabindex="-1" autofocus>
                        <h2 id="mtr-error-summary" class="mtr-h2">{pt(PageKey::ErrorSummaryHeading)}</h2>
                        <ul><li><a href="#mtr-lookup-code">{e}</a></li></ul>
                    </div>
                }
            });
            view! {
                {summary}
                <p>{pt(PageKey::LookupIntro)}</p>
                <LookupForm lang action code error />
            }
            .into_any()
        }
        LookupState::Found {
            code,
            found,
            follow_up,
        } => {
            let withdraw = if found.is_statement() {
                Key::WithdrawStatement
            } else {
                Key::Withdraw
            };
            let yours = match found.as_ref() {
                Submitted::Response(r) => Some(view! {
                    <YourOutcome consultation=c.clone() lang ranking=r.ranking.clone() follow_up=*follow_up />
                }),
                Submitted::Statement(_) => None,
            };
            view! {
                <section id="mtr-lookup-result" aria-labelledby="mtr-lookup-result-heading" class="mtr-lookup-result">
                    <h2 id="mtr-lookup-result-heading" class="mtr-h2" tabindex="-1" autofocus>
                        {pt(PageKey::LookupResultHeading)}
                    </h2>
                    <FoundSubmission consultation=c.clone() lang found=*found />
                    {yours}
                    <form method="post" action=action.clone() data-mtr-lookup>
                        <input type="hidden" name="code" value=code />
                        <button type="submit" class="mtr-button" name="step" value="confirm">{t(withdraw)}</button>
                    </form>
                </section>
                <p><a href=action>{pt(PageKey::LookupAgain)}</a></p>
            }
            .into_any()
        }
        LookupState::Confirm { code, statement } => {
            let confirm = if statement {
                Key::WithdrawStatementConfirm
            } else {
                Key::WithdrawConfirm
            };
            view! {
                <form method="post" action=action data-mtr-lookup>
                    <input type="hidden" name="code" value=code />
                    <p id="mtr-withdraw-confirm" tabindex="-1" autofocus>{t(confirm)}</p>
                    <div class="mtr-nav">
                        <button type="submit" class="mtr-button mtr-danger" name="step" value="withdraw">
                            {t(Key::WithdrawYes)}
                        </button>
                        <button type="submit" class="mtr-button" name="step" value="show">
                            {t(Key::WithdrawNo)}
                        </button>
                    </div>
                </form>
            }
            .into_any()
        }
        LookupState::Withdrawn { statement } => {
            let done = if statement {
                Key::StatementWithdrawnNotice
            } else {
                Key::WithdrawnNotice
            };
            view! { <p id="mtr-lookup-status" tabindex="-1" autofocus>{t(done)}</p> }.into_any()
        }
    };
    view! {
        <Shell
            lang
            title=page_title
            css
            theme
            boot
            arrived=true
        >
            <main class="mtr-root">
                <p class="mtr-kicker">{title}</p>
                <h1 class="mtr-h1" tabindex="-1" autofocus=heading_first>{pt(PageKey::LookupHeading)}</h1>
                {body}
                <p><a href=links.back>{pt(PageKey::BackToConsultation)}</a></p>
                <NoticeLinks
                    class="mtr-footer"
                    privacy=(links.notices.0, pt(PageKey::PrivacyLink))
                    accessibility=(links.notices.1, pt(PageKey::AccessibilityLink))
                    new_window=true
                />
            </main>
        </Shell>
    }
}
