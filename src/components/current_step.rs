use leptos::prelude::*;

use crate::components::conflicts_step::ConflictsStep;
use crate::components::organisation_step::OrganisationStep;
use crate::components::propose_step::ProposeStep;
use crate::components::rank_step::RankStep;
use crate::components::review_step::ReviewStep;
use crate::components::stances_step::StancesStep;
use crate::flow::Step;
use crate::i18n::Key;

/// The step the participant is on (the server renders the welcome and the first question, so
/// there is nothing here for them). `submit_error` is why the last submission was refused, if it was.
#[component]
pub fn CurrentStep(step: Step, submit_error: RwSignal<Option<Key>>) -> impl IntoView {
    match step {
        Step::Welcome | Step::Who => ().into_any(),
        Step::Rank => view! { <RankStep /> }.into_any(),
        Step::Organisation => view! { <OrganisationStep /> }.into_any(),
        Step::Stances => view! { <StancesStep /> }.into_any(),
        Step::Conflicts => view! { <ConflictsStep /> }.into_any(),
        Step::Propose => view! { <ProposeStep /> }.into_any(),
        Step::Review => view! { <ReviewStep error=submit_error /> }.into_any(),
    }
}
