//! The briefing's promise, checked the quick way on every test run: simulated consultations
//! under known truth go the real way (tally, results with their uncertainty, the public view,
//! the findings), and the share of briefings holding a false claim must not be significantly
//! above 5 % (a one-sided binomial test at the 0.1 % level, so that the check itself fails by
//! chance about once in a thousand runs, and never with the fixed seeds here). The rank
//! intervals must hold the true place at least 90 % of the time, and a real lead must be found
//! where the data are plentiful. The full table is in BENCHMARKS.md
//! (`cargo run --release -p mitreden-core --example briefing_errors`).

use mitreden_core::results::evidence::distribution::incomplete_beta;
use mitreden_core::results::evidence::BRIEFING_ERROR_RATE;
use mitreden_core::simulation::{Claim, Population, Round, Scenario};

const RUNS: u64 = 150;

/// Log-weights spread evenly from 0 to −1.5, the first two tied.
fn tied_top(n: usize) -> Vec<f64> {
    let mut w: Vec<f64> = (0..n).map(|i| -1.5 * i as f64 / (n - 1) as f64).collect();
    w[1] = w[0];
    w
}

fn scenario(population: Population, sizes: &[u64]) -> Scenario {
    Scenario {
        name: String::new(),
        populations: vec![population; sizes.len()],
        sizes: sizes.to_vec(),
        previous: None,
    }
}

/// The chance of `k` or more false briefings in `runs` if the true rate were 5 %.
fn chance_of_at_least(k: u64, runs: u64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    incomplete_beta(k as f64, (runs - k + 1) as f64, BRIEFING_ERROR_RATE)
}

#[test]
fn the_binomial_tail_is_right() {
    // P(X ≥ 1) for Bin(10, 0.05) is 1 − 0.95¹⁰.
    assert!((chance_of_at_least(1, 10) - (1.0 - 0.95f64.powi(10))).abs() < 1e-12);
    assert_eq!(chance_of_at_least(0, 10), 1.0);
}

#[test]
fn briefings_hold_a_false_claim_in_at_most_one_in_twenty_consultations() {
    let cases = [
        // The top two tied and nothing else there; no conflicts, so the lead spends their share.
        scenario(Population::plackett_luce(tied_top(8), 0), &[100, 100]),
        // The demo's shape: five groups, five evenly split conflicts.
        scenario(Population::plackett_luce(tied_top(8), 5), &[100; 5]),
        // A large and a small group from one population.
        scenario(Population::plackett_luce(tied_top(8), 2), &[100, 10]),
        // A round before, from the same population: nothing moved.
        Scenario {
            previous: Some(Round {
                populations: vec![Population::plackett_luce(tied_top(8), 2); 2],
                sizes: vec![100, 100],
            }),
            ..scenario(Population::plackett_luce(tied_top(8), 2), &[100, 100])
        },
    ];
    for (i, case) in cases.iter().enumerate() {
        let report = case.run(RUNS, 20 + i as u64);
        let k = report.false_briefings;
        let p = chance_of_at_least(k, RUNS);
        assert!(
            p > 0.001,
            "case {i}: {k} of {RUNS} briefings false (p = {p:.2e} against 5 %): {:?}",
            report.claims
        );
        let coverage = report.covered as f64 / report.intervals as f64;
        assert!(coverage >= 0.9, "case {i}: rank intervals cover {coverage}");
    }
}

#[test]
fn a_real_lead_is_found_where_the_data_are_plentiful() {
    // The statistician's lead: goal 1 above goal 2 by 0.2 in log-weight (ahead head to head
    // 55 % of the time), two groups of 1,000.
    let mut w = tied_top(8);
    w[0] += 0.2;
    let report = scenario(Population::plackett_luce(w, 0), &[1000, 1000]).run(40, 3);
    let (made, wrong) = report
        .claims
        .iter()
        .find(|(c, _, _)| *c == Claim::ClearLead)
        .map_or((0, 0), |(_, made, wrong)| (*made, *wrong));
    assert_eq!(wrong, 0);
    assert!(made >= 38, "found in {made} of 40");
}
