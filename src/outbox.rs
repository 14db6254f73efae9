//! Nothing lost on a bad connection: a submission goes into the outbox on the device before
//! the first request, and is sent again (with growing, jittered waits, at once when the browser
//! comes back online, and on the next load) until the server acknowledges it. The id in the
//! submission makes the server count it exactly once however often it arrives.

use leptos::prelude::*;
use leptos::task::spawn_local;
use mitreden_core::draft::Mode;
use std::time::Duration;
use wasm_bindgen::prelude::*;

use crate::api::{self, ApiError, ErrorText};
use crate::device::{Device, Pending, Sent};
use crate::i18n::Key;
use crate::proof;

/// Where the participation stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Answering.
    Editing,
    /// Kept on this device; being sent or waiting to be sent again.
    Pending { attempts: u32 },
    /// Acknowledged by the server.
    Sent(Box<Sent>),
    /// The server refused it; the draft is back for correction.
    Refused(Key),
}

/// Sends what is in the outbox; one per consultation.
#[derive(Clone, Copy)]
pub struct Outbox {
    slug: StoredValue<String>,
    /// The consultation asks for a proof of work with every submission.
    proof_of_work: bool,
    phase: RwSignal<Phase>,
    sending: StoredValue<bool>,
    wake: StoredValue<bool>,
}

/// Longest wait between two attempts.
const MAX_WAIT_MS: f64 = 60_000.0;
/// How often a waiting sender checks whether it was woken (online again, or a new submit).
const TICK_MS: u64 = 250;

impl Outbox {
    pub fn new(slug: &str, phase: RwSignal<Phase>, proof_of_work: bool) -> Self {
        let outbox = Self {
            slug: StoredValue::new(slug.to_owned()),
            proof_of_work,
            phase,
            sending: StoredValue::new(false),
            wake: StoredValue::new(false),
        };
        outbox.listen_for_online();
        outbox
    }

    fn device(&self) -> Device {
        Device::new(&self.slug.get_value())
    }

    /// Keeps `pending` on the device, then sends it.
    pub fn submit(&self, pending: Pending) {
        self.device().queue(&pending);
        self.phase.set(Phase::Pending { attempts: 0 });
        self.flush();
    }

    /// Sends whatever is in the outbox, until it is acknowledged or refused.
    pub fn flush(&self) {
        self.wake.set_value(true);
        if self.sending.get_value() {
            return;
        }
        self.sending.set_value(true);
        let outbox = *self;
        spawn_local(async move {
            outbox.run().await;
            outbox.sending.set_value(false);
        });
    }

    async fn run(&self) {
        let device = self.device();
        let slug = self.slug.get_value();
        let mut attempts = 0u32;
        while let Some(pending) = device.pending() {
            self.wake.set_value(false);
            match send(&slug, &pending, self.proof_of_work).await {
                Ok(acknowledgement) => {
                    let sent = Sent {
                        acknowledgement,
                        draft: pending.draft,
                    };
                    device.acknowledge(&sent);
                    self.phase.set(Phase::Sent(Box::new(sent)));
                    return;
                }
                Err(e) if e.is_transient() => {
                    attempts += 1;
                    self.phase.set(Phase::Pending { attempts });
                    self.wait(attempts).await;
                }
                Err(e) => {
                    device.unqueue();
                    self.phase.set(Phase::Refused(e.key()));
                    return;
                }
            }
        }
    }

    /// Exponential backoff with jitter (0.5–1.5 × 2^(attempts−1) s, at most a minute), cut
    /// short when woken.
    async fn wait(&self, attempts: u32) {
        let base = 1000.0 * 2f64.powi(attempts.min(16) as i32 - 1);
        let wait = base.min(MAX_WAIT_MS) * (0.5 + js_sys::Math::random());
        let mut waited = 0.0;
        while waited < wait && !self.wake.get_value() {
            gloo_timers::future::sleep(Duration::from_millis(TICK_MS)).await;
            waited += TICK_MS as f64;
        }
    }

    fn listen_for_online(&self) {
        let outbox = *self;
        let on_online = Closure::<dyn FnMut()>::new(move || outbox.flush());
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        }
        // Listens for the life of the page.
        on_online.forget();
    }
}

/// One attempt: sends the submission, with a solved proof-of-work challenge if the
/// consultation asks for one. If the server asks for a (new) proof all the same (the setting
/// changed, or the proof expired while offline), solves a fresh challenge and sends again.
pub(crate) async fn send(
    slug: &str,
    pending: &Pending,
    proof_of_work: bool,
) -> Result<mitreden_core::Acknowledgement, ApiError> {
    let post = |proof: Option<String>| async move {
        let proof = proof.as_deref();
        match pending.draft.mode {
            Some(Mode::Organisation) => {
                api::submit_statement(slug, &pending.draft.statement(pending.lang), proof).await
            }
            _ => api::submit(slug, &pending.draft.response(pending.lang), proof).await,
        }
    };
    let first = if proof_of_work {
        Some(proof::solve(slug).await?)
    } else {
        None
    };
    match post(first).await {
        Err(e) if proof::asked_for(&e) => post(Some(proof::solve(slug).await?)).await,
        answered => answered,
    }
}
