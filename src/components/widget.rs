use leptos::prelude::*;
use mitreden_core::{Consultation, Lang};

use crate::components::live_region::LiveRegion;
use crate::components::load_error::LoadError;
use crate::components::participation::Participation;
use crate::context::provide_announcer;
use crate::i18n::{provide_i18n, Key};

/// The widget in `lang` for `consultation`, beside the welcome and the first question it takes
/// over; without a consultation, a sentence saying that there is none.
#[component]
pub fn Widget(lang: Lang, consultation: Option<Consultation>) -> impl IntoView {
    provide_i18n(lang);
    provide_announcer();
    view! {
        <LiveRegion />
        {match consultation {
            Some(c) => view! { <Participation consultation=c /> }.into_any(),
            None => view! { <LoadError key=Key::ErrorNoConsultation /> }.into_any(),
        }}
    }
}
