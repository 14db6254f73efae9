use leptos::prelude::*;
use mitreden_core::theme::Theme;
use mitreden_core::{Consultation, Lang, ValidResponse};

use super::page_texts::{text as page_text, Key as PageKey};
use super::position_list::PositionList;
use super::shell::Shell;
use super::texts::{text, Key};
use crate::components::notice_links::NoticeLinks;
use crate::i18n::fill;

/// After the plain form: thanks, the receipt code to keep (to print or save), and what was sent.
#[component]
pub fn ReceiptPage(
    consultation: Consultation,
    lang: Lang,
    theme: Theme,
    css: String,
    /// The page's script: it keeps an embedding page's frame fitted to the receipt.
    boot: String,
    response: ValidResponse,
    receipt: String,
    /// The widget page, to go back to.
    back: String,
    /// The privacy notice and the accessibility statement.
    notices: (String, String),
) -> impl IntoView {
    let c = consultation;
    let title = c.title.get(lang).to_owned();
    let ranking = response
        .ranking
        .iter()
        .filter_map(|id| c.priority(id))
        .map(|p| view! { <li>{p.title.get(lang).to_owned()}</li> })
        .collect_view();
    let has_positions = !response.positions.is_empty();
    view! {
        <Shell
            lang
            title=fill(page_text(lang, PageKey::ReceiptPageTitle), &[("title", &title)])
            css
            theme
            boot arrived=true
        >
            <main class="mtr-root">
                <p class="mtr-kicker">{title}</p>
                // Read first: the answer was stored (in a frame, the page's script focuses it).
                <h1 class="mtr-h1" tabindex="-1" autofocus>
                    {text(lang, Key::ReceiptHeading)}
                </h1>
                <p>{text(lang, Key::ReceiptIntro)}</p>
                <p class="mtr-receipt-code">
                    <span id="mtr-receipt-label">{text(lang, Key::ReceiptLabel)}</span>
                    ": "
                    <strong aria-describedby="mtr-receipt-label" data-testid="receipt-code">{receipt}</strong>
                </p>
                <p class="mtr-hint">{text(lang, Key::ReceiptKeep)}</p>
                <p class="mtr-hint">{page_text(lang, PageKey::ReceiptPrint)}</p>
                <h2 class="mtr-h2">{text(lang, Key::YourRanking)}</h2>
                <ol class="mtr-summary">{ranking}</ol>
                {has_positions.then(|| view! {
                    <h2 class="mtr-h2">{text(lang, Key::ConflictsHeading)}</h2>
                    <ul class="mtr-summary">
                        <PositionList consultation=c.clone() lang positions=response.positions.clone() />
                    </ul>
                })}
                <p><a href=back>{page_text(lang, PageKey::BackToConsultation)}</a></p>
                <NoticeLinks
                    class="mtr-footer"
                    privacy=(notices.0, page_text(lang, PageKey::PrivacyLink))
                    accessibility=(notices.1, page_text(lang, PageKey::AccessibilityLink))
                    new_window=true
                />
            </main>
        </Shell>
    }
}
