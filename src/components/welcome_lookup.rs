use leptos::portal::Portal;
use leptos::prelude::*;

use crate::components::receipt_lookup_form::ReceiptLookupForm;

/// The receipt look-up form, inside the server-rendered welcome's "view or withdraw your
/// response" disclosure once the visitor opens it.
#[component]
pub fn WelcomeLookup(open: RwSignal<bool>) -> impl IntoView {
    let slot = move || document().get_element_by_id("mtr-lookup-slot");
    view! {
        <Show when=move || open.get() && slot().is_some()>
            <Portal mount=slot().expect("the welcome's look-up slot")>
                <ReceiptLookupForm />
            </Portal>
        </Show>
    }
}
