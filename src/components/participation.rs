use leptos::prelude::*;
use mitreden_core::draft::Draft;
use mitreden_core::{Consultation, ResponseId};

use crate::actions::{self, Action};
use crate::components::current_step::CurrentStep;
use crate::components::outbox_status::OutboxStatus;
use crate::components::receipt_view::ReceiptView;
use crate::components::sent_notice::SentNotice;
use crate::context::{provide_consultation, use_announcer};
use crate::device::Device;
use crate::flow::{provide_flow, Flow, Step};
use crate::i18n::{use_i18n, Key};
use crate::outbox::{Outbox, Phase};
use crate::who_step::WhoStep;

/// Answering one consultation, step by step after the server-rendered welcome (taking over the
/// server-rendered first question, see [`WhoStep`]); then the outbox status and the receipt.
///
/// The draft is kept on the device as the participant goes, so a reload loses nothing; a
/// submission waiting in the outbox is sent again on load.
#[component]
pub fn Participation(consultation: Consultation) -> impl IntoView {
    let i18n = use_i18n();
    i18n.lang
        .set(consultation.language_for(i18n.lang.get_untracked()));
    let consultation = provide_consultation(consultation);
    let slug = consultation.slug.to_string();
    let device = Device::new(&slug);

    let draft = device
        .draft()
        .map(|d| d.reconcile(&consultation))
        .unwrap_or_else(|| Draft::new(&consultation, new_response_id()));
    let flow = Flow::new(draft, !consultation.conflicts.is_empty());
    provide_flow(flow);

    let phase = RwSignal::new(match device.sent() {
        Some(sent) if device.pending().is_none() => Phase::Sent(Box::new(sent)),
        _ => Phase::Editing,
    });
    let outbox = Outbox::new(&slug, phase, consultation.settings.proof_of_work > 0);
    provide_context(outbox);
    if device.pending().is_some() {
        phase.set(Phase::Pending { attempts: 0 });
        outbox.flush();
    }

    // Keep the draft on the device while answering.
    let keep = device.clone();
    Effect::new(move |_| {
        let editing = matches!(phase.get(), Phase::Editing);
        if editing {
            flow.draft.with(|d| keep.save_draft(d));
        }
    });

    // A refused submission comes back to the review with the reason.
    let submit_error = RwSignal::new(None::<Key>);
    Effect::new(move |_| {
        if let Phase::Refused(key) = phase.get() {
            submit_error.set(Some(key));
            phase.set(Phase::Editing);
            flow.go(Step::Review);
        }
    });

    let c = consultation.clone();
    // A new response, on the step the participant is on.
    let reset = Callback::new(move |()| {
        Device::new(&c.slug.to_string()).clear();
        flow.draft.set(Draft::new(&c, new_response_id()));
        submit_error.set(None);
        phase.set(Phase::Editing);
    });
    let restart = Callback::new(move |()| {
        reset.run(());
        flow.go(Step::Welcome);
    });

    // A receipt found on the device at load belongs to whoever used it before, perhaps another
    // person: it is shown only when asked for (see `SentNotice`).
    let revealed = RwSignal::new(!matches!(phase.get_untracked(), Phase::Sent(_)));
    let start = move || {
        if matches!(phase.get_untracked(), Phase::Sent(_)) {
            reset.run(());
            revealed.set(true);
        }
        // The page's script shows the first question at once: focus is already there.
        if flow.step.get_untracked() != Step::Who {
            flow.go(Step::Who);
        }
    };
    // "Start" pressed before the widget had loaded: the page went on to the first question.
    if WhoStep::shown_by_page() {
        flow.step.set(Step::Who);
        start();
    }
    let who = WhoStep::take_over(flow, move || {
        matches!(phase.get(), Phase::Editing | Phase::Refused(_)) && flow.step.get() == Step::Who
    });
    actions::handle_with(Callback::new(move |action| match action {
        Action::Start => start(),
        Action::Back => flow.back(),
        Action::Next => {
            if let Some(who) = who {
                who.next();
            }
        }
    }));
    // What was announced on one step is not read again on the next.
    let announcer = use_announcer();
    Effect::new(move |previous: Option<Step>| {
        let step = flow.step.get();
        if previous.is_some_and(|p| p != step) {
            announcer.announce(String::new());
        }
        step
    });
    // The server-rendered welcome shows while the participant is on it; a later step or the
    // receipt takes its place.
    let on_welcome = move || match phase.get() {
        Phase::Editing | Phase::Refused(_) => flow.step.get() == Step::Welcome,
        Phase::Sent(_) => !revealed.get(),
        Phase::Pending { .. } => false,
    };
    Effect::new(move |_| {
        let shown = on_welcome();
        if let Some(welcome) = document().get_element_by_id("mtr-welcome") {
            let _ = welcome.toggle_attribute_with_force("hidden", !shown);
        }
    });

    let body = move || match phase.get() {
        _ if on_welcome() => view! {
            <Show when=move || matches!(phase.get(), Phase::Sent(_))>
                <SentNotice on_show=move |()| revealed.set(true) on_restart=restart />
            </Show>
        }
        .into_any(),
        Phase::Editing | Phase::Refused(_) => {
            let step = flow.step.get();
            view! { <CurrentStep step submit_error /> }.into_any()
        }
        Phase::Pending { attempts } => view! { <OutboxStatus attempts /> }.into_any(),
        Phase::Sent(sent) => {
            view! { <ReceiptView sent=(*sent).clone() on_restart=restart /> }.into_any()
        }
    };

    view! { <div class="mtr-flow">{body}</div> }
}

/// A fresh random response id from the browser's cryptographic random source (or, should that
/// be unavailable, `Math.random`, which is still unique enough for an id).
fn new_response_id() -> ResponseId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    ResponseId::from_random_bytes(bytes)
}
