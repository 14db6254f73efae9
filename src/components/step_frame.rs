use leptos::prelude::*;

use crate::flow::{use_flow, Step, STEP_HEADING};
use crate::i18n::{fill, tr, use_i18n, Key};

/// The frame of every step: progress, the heading (where focus goes when the step changes),
/// the content, and "back"/"next" buttons. `on_next` checks the step and says whether to go on.
#[component]
pub fn StepFrame(
    heading: Key,
    /// Checks the step; `true` goes to the next step.
    #[prop(into)]
    on_next: Callback<(), bool>,
    /// The label of the forward button, if not "next".
    #[prop(optional)]
    next_label: Option<Key>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let progress = move || {
        let (n, total) = flow.progress();
        fill(
            i18n.t(Key::StepProgress),
            &[("n", &i18n.number(n)), ("total", &i18n.number(total))],
        )
    };
    let first = move || flow.step.get() == Step::Welcome;
    let next = move |_| {
        if on_next.run(()) {
            flow.next();
        }
    };
    view! {
        <section class="mtr-step" aria-labelledby=STEP_HEADING>
            <p class="mtr-progress">{progress}</p>
            <h2 id=STEP_HEADING class="mtr-h2" tabindex="-1">
                {move || i18n.t(heading)}
            </h2>
            {children()}
            <div class="mtr-nav">
                <Show when=move || !first()>
                    <button type="button" class="mtr-button" on:click=move |_| flow.back()>
                        {tr(Key::Back)}
                    </button>
                </Show>
                <button type="button" class="mtr-button mtr-primary" on:click=next>
                    {move || {
                        let label = match next_label {
                            Some(label) => label,
                            None if flow.returns_to_review() => Key::BackToReview,
                            None => Key::Next,
                        };
                        i18n.t(label)
                    }}
                </button>
            </div>
        </section>
    }
}
