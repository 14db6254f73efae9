//! Everything a participant needs only after the welcome: the later steps, the receipt, the
//! receipt look-up and sending the outbox.
//!
//! With the `split` feature (set by `scripts/build-widget.sh`) this part is compiled into a
//! wasm module of its own. The first module comes up without it; [`preload`] fetches it
//! right after, so it is usually there before the participant leaves the welcome. Should it not arrive (the connection dropped), the functions
//! here report [`Unavailable`] instead of failing, and the caller offers to try again (or, for
//! sending, tries again itself). Without the feature (component tests, other builds) everything
//! is one module and the same functions call straight through.

use leptos::prelude::*;
use mitreden_core::Acknowledgement;
use std::future::Future;
use std::pin::Pin;

use crate::api::ApiError;
use crate::components::conflicts_step::ConflictsStep;
use crate::components::organisation_step::OrganisationStep;
use crate::components::propose_step::ProposeStep;
use crate::components::rank_step::RankStep;
use crate::components::receipt_lookup_form::ReceiptLookupForm;
use crate::components::receipt_view::ReceiptView;
use crate::components::review_step::ReviewStep;
use crate::components::stances_step::StancesStep;
use crate::components::who_step::WhoStep;
use crate::device::{Pending, Sent};
use crate::flow::Step;
use crate::i18n::Key;
use crate::outbox;

/// Calls a function of the separately loaded module: across the module boundary (loading it
/// first if need be) with the `split` feature, directly without.
macro_rules! call_later {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let result = $call.await;
        #[cfg(not(feature = "split"))]
        let result = $call;
        result
    }};
}

/// The separately loaded module could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// The view of `step`; `submit_error` is why the last submission was refused, if it was.
pub async fn step(step: Step, submit_error: RwSignal<Option<Key>>) -> Result<AnyView, Unavailable> {
    if step == Step::Welcome {
        // (The server renders the welcome.)
        return Ok(().into_any());
    }
    call_later!(later_step(step, submit_error))
}

/// The receipt for what was sent.
pub async fn receipt(sent: Sent, on_restart: Callback<()>) -> Result<AnyView, Unavailable> {
    call_later!(later_receipt(sent, on_restart))
}

/// The form to view or withdraw a submission by its receipt code.
pub async fn receipt_lookup() -> Result<AnyView, Unavailable> {
    call_later!(later_receipt_lookup())
}

/// One attempt to send what is in the outbox (see [`crate::outbox`]). The module not arriving
/// is a network failure like any other: the outbox tries again.
pub async fn send(
    slug: String,
    pending: Pending,
    proof_of_work: bool,
) -> Result<Acknowledgement, ApiError> {
    match call_later!(later_send(slug, pending, proof_of_work)) {
        Ok(sending) => sending.await,
        Err(Unavailable) => Err(ApiError::Network(
            "the widget module did not load".to_owned(),
        )),
    }
}

/// Starts fetching the separately loaded module, without waiting for it. The widget itself
/// loads at the first sign that the visitor is about to use it (`public/widget-boot.js`), so
/// the rest follows at once, usually before the participant leaves the welcome.
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        // A failure is not kept: the next step asks again and says so if need be.
        let _ = preload_later().await;
    });
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        later,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_later)
    )
)]
fn later_step(step: Step, submit_error: RwSignal<Option<Key>>) -> Result<AnyView, Unavailable> {
    Ok(match step {
        // (Not asked for here: the server renders the welcome.)
        Step::Welcome => ().into_any(),
        Step::Who => view! { <WhoStep /> }.into_any(),
        Step::Rank => view! { <RankStep /> }.into_any(),
        Step::Organisation => view! { <OrganisationStep /> }.into_any(),
        Step::Stances => view! { <StancesStep /> }.into_any(),
        Step::Conflicts => view! { <ConflictsStep /> }.into_any(),
        Step::Propose => view! { <ProposeStep /> }.into_any(),
        Step::Review => view! { <ReviewStep error=submit_error /> }.into_any(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn later_receipt(sent: Sent, on_restart: Callback<()>) -> Result<AnyView, Unavailable> {
    Ok(view! { <ReceiptView sent on_restart /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn later_receipt_lookup() -> Result<AnyView, Unavailable> {
    Ok(view! { <ReceiptLookupForm /> }.into_any())
}

/// A submission on its way (the split function itself cannot be `async`).
type Sending = Pin<Box<dyn Future<Output = Result<Acknowledgement, ApiError>>>>;

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn later_send(slug: String, pending: Pending, proof_of_work: bool) -> Result<Sending, Unavailable> {
    Ok(Box::pin(async move {
        outbox::send(&slug, &pending, proof_of_work).await
    }))
}
