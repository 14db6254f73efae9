//! Holm's procedure, the rank intervals and the differences on crafted tallies.

use super::differences::{between, View};
use super::*;
use crate::ballot::Ballot;
use crate::tally::Tally;

#[test]
fn holm_steps_down_and_stops_at_the_first_p_value_it_keeps() {
    // Thresholds 0.05/4, 0.05/3, 0.05/2, 0.05/1.
    assert_eq!(
        holm(&[0.01, 0.04, 0.012, 0.5], 0.05),
        [true, false, true, false]
    );
    // 0.03 > 0.05/2 stops the procedure; 0.04 is kept although it is below 0.05/1.
    assert_eq!(holm(&[0.001, 0.03, 0.04], 0.05), [true, false, false]);
    assert!(holm(&[], 0.05).is_empty());
    let spent: f64 = Family::ALL.iter().map(|f| f.budget()).sum();
    assert!((spent + MARGIN - BRIEFING_ERROR_RATE).abs() < 1e-12);
}

fn tally(groups: &[&[(&[usize], usize)]], n: usize) -> Tally {
    let mut t = Tally::new(groups.len(), n, 0, 5);
    for (g, ballots) in groups.iter().enumerate() {
        for (order, count) in ballots.iter() {
            for _ in 0..*count {
                t.add(&Ballot::new(g, n, order, &[]));
            }
        }
    }
    t
}

#[test]
fn a_difference_every_ballot_shares_is_certain_and_none_is_not() {
    // 30 ballots, all p0 > p1 > p2: the differences never vary.
    let t = tally(&[&[(&[0, 1, 2], 30)]], 3);
    let view = View::group(&t.groups()[0]);
    let d = view.difference(0, 1);
    assert_eq!(d.difference, 60.0);
    assert_eq!(d.variance, 0.0);
    // As unlikely as 30 fair coins all landing the same way.
    assert!(d.p_value() < 1e-8);
    assert_eq!(view.difference(1, 0).difference, -60.0);
    // Half each way: no difference.
    let t = tally(&[&[(&[0, 1, 2], 15), (&[1, 0, 2], 15)]], 3);
    assert_eq!(View::group(&t.groups()[0]).difference(0, 1).p_value(), 1.0);
}

#[test]
fn the_difference_of_a_view_sums_its_groups_with_their_weights() {
    let t = tally(
        &[&[(&[0, 1], 8), (&[1, 0], 2)], &[(&[1, 0], 6), (&[0, 1], 4)]],
        2,
    );
    // Scores p0 − p1 per ballot: ±2. Group 0: 8 up, 2 down = +12; group 1: 4 − 6 = −4.
    let everyone = View::weighted(t.groups(), &[1.0, 1.0]).difference(0, 1);
    assert_eq!(everyone.difference, 8.0);
    let tilted = View::weighted(t.groups(), &[1.0, 3.0]).difference(0, 1);
    assert_eq!(tilted.difference, 0.0);
    // Group 0's variance of the total: N × s² = 10 × (40 − 12²/10)/9 = 28.44…
    let alone = View::group(&t.groups()[0]).difference(0, 1);
    assert!((alone.variance - 10.0 * (40.0 - 14.4) / 9.0).abs() < 1e-9);
    assert_eq!(alone.df, 9.0);
    assert!((everyone.variance - alone.variance * 2.0).abs() > 1.0);
}

#[test]
fn a_goal_is_compared_between_groups_on_its_mean_score() {
    let t = tally(&[&[(&[0, 1, 2], 20)], &[(&[2, 1, 0], 20)]], 3);
    let d = between(&t.groups()[0], &t.groups()[1], 0);
    assert_eq!(d.difference, 4.0);
    assert!(d.p_value() < 1e-5);
    let same = between(&t.groups()[0], &t.groups()[0], 1);
    assert_eq!(same.p_value(), 1.0);
    // Twenty unanimous ballots each way: as extreme as 2 of the C(40, 20) ways to split them.
    assert_eq!(d.variance, 0.0);
    let ways = (21..=40u64).map(|k| k as f64).product::<f64>()
        / (1..=20u64).map(|k| k as f64).product::<f64>();
    assert!(
        (d.p_value() / (2.0 / ways) - 1.0).abs() < 1e-6,
        "{}",
        d.p_value()
    );
}

#[test]
fn rank_intervals_widen_where_comparisons_are_not_beyond_chance() {
    // Goals 0 and 1 indistinguishable, both far above 2.
    let compare = |a: usize, b: usize| {
        let p = if a + b == 1 { 0.8 } else { 1e-6 };
        (p, b as f64 - a as f64)
    };
    assert_eq!(rank_intervals(3, compare), [[1, 2], [1, 2], [3, 3]]);
    // Nothing beyond chance: every goal could be anywhere.
    let unsure = |a: usize, b: usize| (0.5, b as f64 - a as f64);
    assert_eq!(rank_intervals(3, unsure), [[1, 3], [1, 3], [1, 3]]);
}

#[test]
fn a_family_with_nothing_to_test_gives_its_share_to_the_lead() {
    let all = Budget::new(|_| true);
    assert_eq!(all.of(Family::Lead), 0.03);
    assert_eq!(all.of(Family::Leans), 0.005);
    assert_eq!(all.of(Family::Moves), 0.005);
    let no_conflicts = Budget::new(|f| f != Family::Leans);
    assert_eq!(no_conflicts.of(Family::Leans), 0.0);
    assert!((no_conflicts.of(Family::Lead) - 0.035).abs() < 1e-12);
    let alone = Budget::new(|_| false);
    assert!((alone.of(Family::Lead) + MARGIN - BRIEFING_ERROR_RATE).abs() < 1e-12);
}
