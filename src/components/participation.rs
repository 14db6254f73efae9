use leptos::prelude::*;
use mitreden_core::draft::Draft;
use mitreden_core::{Consultation, ResponseId, Status};

use crate::components::closed_view::ClosedView;
use crate::components::language_switch::LanguageSwitch;
use crate::components::later_part::LaterPart;
use crate::components::outbox_status::OutboxStatus;
use crate::context::provide_consultation;
use crate::device::Device;
use crate::flow::{provide_flow, Flow, Step};
use crate::i18n::{use_i18n, Key};
use crate::later;
use crate::outbox::{Outbox, Phase};

/// Answering one consultation, step by step; then the outbox status and the receipt.
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
    let restart = Callback::new(move |()| {
        Device::new(&c.slug.to_string()).clear();
        flow.draft.set(Draft::new(&c, new_response_id()));
        submit_error.set(None);
        phase.set(Phase::Editing);
        flow.go(Step::Welcome);
    });

    let closed = consultation.status == Status::Closed;
    let body = move || match phase.get() {
        // A closed consultation takes no responses: it shows what became of them instead.
        _ if closed => view! { <ClosedView /> }.into_any(),
        Phase::Editing | Phase::Refused(_) => {
            let step = flow.step.get();
            let refocus = step != Step::Welcome;
            view! { <LaterPart load=move || later::step(step, submit_error) refocus /> }.into_any()
        }
        Phase::Pending { attempts } => view! { <OutboxStatus attempts /> }.into_any(),
        Phase::Sent(sent) => {
            view! { <LaterPart load=move || later::receipt((*sent).clone(), restart) /> }.into_any()
        }
    };
    // Most visitors of a page only look: the rest of the widget is fetched once the visitor
    // shows an interest (pointer, touch, keyboard focus), ahead of the first click.
    later::preload_on_intent();

    let title = consultation.title.clone();
    let description = consultation.description.clone();
    let languages = consultation.languages.clone();
    view! {
        <article class="mtr-consultation" aria-labelledby="mtr-title">
            <header class="mtr-header">
                <h1 id="mtr-title" class="mtr-h1">
                    {move || title.get(i18n.lang.get()).to_owned()}
                </h1>
                <LanguageSwitch languages />
            </header>
            // Closed, the description's invitation to take part no longer holds.
            {(!closed).then(|| view! { <p class="mtr-description">{move || description.get(i18n.lang.get()).to_owned()}</p> })}
            {body}
        </article>
    }
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
