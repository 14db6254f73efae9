//! Proof of work for consultations that ask for it: the widget fetches a challenge and finds
//! its secret number in the background, in slices, so the page stays responsive. The puzzle
//! itself is `mitreden_core::proof`, the same code the server checks with.

use std::time::Duration;

use mitreden_core::proof::Challenge;

use crate::api::{self, ApiError};

/// The header the solution travels in.
pub const HEADER: &str = "Mitreden-Proof";

/// Numbers tried between two breaks for the page.
const SLICE: u64 = 2_000;

/// Whether the server's answer asks for a (new) proof of work.
pub fn asked_for(error: &ApiError) -> bool {
    matches!(error, ApiError::Http { code, .. }
        if code == "proof_required" || code == "proof_expired" || code == "proof_reused")
}

/// A fresh challenge of the consultation, solved: the JSON for [`HEADER`].
pub async fn solve(slug: &str) -> Result<String, ApiError> {
    let challenge = api::challenge(slug).await?;
    let solution = search(&challenge).await.ok_or_else(|| ApiError::Http {
        status: 400,
        code: "proof_unsolvable".to_owned(),
        message: "The challenge has no solution within its range.".to_owned(),
    })?;
    crate::json::to_string(&solution).map_err(ApiError::Decode)
}

async fn search(challenge: &Challenge) -> Option<mitreden_core::proof::Solution> {
    let mut from = 0;
    while from <= challenge.maxnumber {
        let to = from.saturating_add(SLICE - 1);
        if let Some(solution) = challenge.solve_between(from, to) {
            return Some(solution);
        }
        from = to + 1;
        // Let the page handle input and paint before the next slice.
        gloo_timers::future::sleep(Duration::ZERO).await;
    }
    None
}
