//! Counting responses into a tally: one at a time as they come and go, or all at once.

use super::Tally;
use crate::consultation::Consultation;
use crate::submission::ValidResponse;

impl Tally {
    /// Adds (or, withdrawn, takes out) a response's ballot; a response without one (no
    /// ranking and no stance) changes nothing.
    pub fn count(&mut self, consultation: &Consultation, response: &ValidResponse, add: bool) {
        if let Some(ballot) = response.ballot(consultation) {
            if add {
                self.add(&ballot);
            } else {
                self.remove(&ballot);
            }
        }
    }

    /// A full count of `responses` from scratch.
    pub fn recount(consultation: &Consultation, responses: &[ValidResponse]) -> Self {
        let mut tally = Self::for_consultation(consultation);
        for r in responses {
            tally.count(consultation, r, true);
        }
        tally
    }
}
