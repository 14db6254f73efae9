//! What must hold for any bytes sent as a submission, whatever they are: decoding and
//! validation never panic, and whatever is accepted is consistent. Shared by the fuzz target
//! (`fuzz/fuzz_targets/submission.rs`) and the regression test over the cases it found
//! (`core/tests/fuzz_regressions.rs`).

use mitreden_core::results::ResultsOptions;
use mitreden_core::{
    Consultation, ResponseSubmission, Results, StatementSubmission, Tally, ValidResponse,
    ValidStatement,
};

/// The demo consultation the server ships with.
pub fn demo() -> Consultation {
    serde_json::from_str(include_str!("../../../server/seed/demo.json"))
        .expect("the demo consultation is valid JSON")
}

/// Runs `bytes` through decoding and validation as a response and as a statement, checks
/// what is accepted, and says whether anything was.
pub fn check(bytes: &[u8], consultation: &Consultation) -> bool {
    let mut accepted = false;
    if let Ok(sent) = serde_json::from_slice::<ResponseSubmission>(bytes) {
        if let Ok(valid) = sent.validate(consultation) {
            check_response(&valid, consultation);
            accepted = true;
        }
    }
    if let Ok(sent) = serde_json::from_slice::<StatementSubmission>(bytes) {
        if let Ok(valid) = sent.validate(consultation) {
            let stored = serde_json::to_string(&valid).unwrap();
            let back: ValidStatement = serde_json::from_str(&stored).unwrap();
            assert_eq!(back, valid, "a stored statement reads back the same");
            accepted = true;
        }
    }
    accepted
}

fn check_response(valid: &ValidResponse, consultation: &Consultation) {
    // What is stored reads back the same, and validating it again changes nothing: the
    // canonical form is a fixed point, so a replay is recognised as a replay.
    let stored = serde_json::to_string(valid).unwrap();
    let back: ValidResponse = serde_json::from_str(&stored).unwrap();
    assert_eq!(&back, valid, "a stored response reads back the same");
    let again: ResponseSubmission = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        again.validate(consultation).as_ref(),
        Ok(valid),
        "validation is idempotent"
    );
    // It can be counted and taken out again.
    let ballot = valid
        .ballot(consultation)
        .expect("a valid response is a ballot");
    let mut tally = Tally::for_consultation(consultation);
    tally.add(&ballot);
    let options = ResultsOptions {
        resamples: 10,
        ..ResultsOptions::default()
    };
    let results = Results::compute(consultation, &tally, &options);
    assert_eq!(results.total, 1);
    tally.remove(&ballot);
    assert_eq!(Results::compute(consultation, &tally, &options).total, 0);
}
