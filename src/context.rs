//! Typed access to what the components share: the consultation and the live announcer.

use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::Consultation;

/// The consultation being answered.
#[derive(Clone)]
pub struct ConsultationContext(pub Arc<Consultation>);

pub fn provide_consultation(consultation: Consultation) -> Arc<Consultation> {
    let shared = Arc::new(consultation);
    provide_context(ConsultationContext(shared.clone()));
    shared
}

/// The consultation; components using it are only rendered below [`provide_consultation`].
pub fn use_consultation() -> Arc<Consultation> {
    expect_context::<ConsultationContext>().0
}

/// Polite announcements for screen readers, read from one `aria-live` region.
#[derive(Debug, Clone, Copy)]
pub struct Announcer {
    pub message: RwSignal<String>,
}

impl Announcer {
    pub fn announce(&self, text: String) {
        self.message.set(text);
    }
}

pub fn provide_announcer() -> Announcer {
    let announcer = Announcer {
        message: RwSignal::new(String::new()),
    };
    provide_context(announcer);
    announcer
}

pub fn use_announcer() -> Announcer {
    use_context::<Announcer>().unwrap_or_else(provide_announcer)
}
