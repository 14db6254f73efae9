//! Rounds compared on crafted data: a clear move is reported, a move inside the uncertainty
//! is not.

use super::*;
use crate::ballot::Ballot;
use crate::consultation::tests::sample;
use crate::results::evidence::Family;
use crate::results::ResultsOptions;
use crate::tally::Tally;
use crate::Consultation;

/// Results of `c` with `count` ballots per (group, order).
fn round(c: &Consultation, ballots: &[(usize, &[usize], usize)]) -> Results {
    let mut t = Tally::for_consultation(c);
    for &(group, order, count) in ballots {
        for _ in 0..count {
            t.add(&Ballot::new(group, order.len(), order, &[]));
        }
    }
    let options = ResultsOptions {
        resamples: 400,
        ..ResultsOptions::default()
    };
    Results::compute(c, &t, &options)
}

fn movement(moves: &[RankMove], p: &str) -> (Option<u32>, u32, Movement) {
    let m = moves.iter().find(|m| m.priority.as_str() == p).unwrap();
    (m.previous_rank, m.rank, m.movement)
}

#[test]
fn a_goal_that_climbs_beyond_the_noise_is_reported_as_a_move() {
    let c = sample(4, false);
    let before = round(&c, &[(0, &[0, 1, 2, 3], 40), (1, &[0, 1, 2, 3], 40)]);
    let now = round(&c, &[(0, &[3, 0, 1, 2], 40), (1, &[0, 1, 2, 3], 40)]);
    let compared = RoundComparison::of(&now, &before);
    assert_eq!(compared.predecessor.as_str(), "sample");
    let (_, a) = &compared.groups[0];
    assert_eq!(movement(a, "p3"), (Some(4), 1, Movement::Up));
    assert_eq!(movement(a, "p0"), (Some(1), 2, Movement::Down));
    let (_, b) = &compared.groups[1];
    assert!(b.iter().all(|m| m.movement == Movement::Steady), "{b:?}");
    assert_eq!(compared.overall.len(), 4);
}

#[test]
fn a_swap_inside_both_rounds_intervals_is_not_called_a_move() {
    let c = sample(3, false);
    // Near ties between p0 and p1 that tip the other way in the second round.
    let before = round(
        &c,
        &[
            (0, &[0, 1, 2], 21),
            (0, &[1, 0, 2], 19),
            (1, &[0, 1, 2], 20),
        ],
    );
    let now = round(
        &c,
        &[
            (0, &[1, 0, 2], 21),
            (0, &[0, 1, 2], 19),
            (1, &[0, 1, 2], 20),
        ],
    );
    let (_, a) = &RoundComparison::of(&now, &before).groups[0];
    let (previous, rank, moved) = movement(a, "p1");
    assert_ne!(previous, Some(rank), "the places differ");
    assert_eq!(moved, Movement::Steady, "but inside the noise");
    assert_eq!(movement(a, "p2").2, Movement::Steady);
}

#[test]
fn new_goals_and_small_groups_are_said_apart() {
    let c = sample(3, false);
    let mut wider = sample(4, false);
    wider.settings.min_group_size = 30;
    let before = round(&c, &[(0, &[0, 1, 2], 40), (1, &[0, 1, 2], 40)]);
    let now = round(&wider, &[(0, &[3, 0, 1, 2], 40), (1, &[0, 1, 2, 3], 10)]);
    let compared = RoundComparison::of(&now, &before);
    let groups: Vec<_> = compared.groups.iter().map(|(g, _)| g.as_str()).collect();
    assert_eq!(groups, ["a"], "b is too small in this round");
    assert_eq!(
        movement(&compared.groups[0].1, "p3"),
        (None, 1, Movement::New)
    );
}

#[test]
fn without_standard_errors_no_move_is_called() {
    let c = sample(3, false);
    let before = round(&c, &[(0, &[0, 1, 2], 40)]);
    let mut now = round(&c, &[(0, &[2, 1, 0], 40)]);
    for r in &mut now.overall.ranking {
        r.borda_se = None;
    }
    let compared = RoundComparison::of(&now, &before);
    assert_eq!(movement(&compared.overall, "p2").2, Movement::NotYetKnown);
}

#[test]
fn a_move_carries_its_p_value_and_needs_more_support_as_well_as_a_better_place() {
    let c = sample(3, false);
    // p1 climbs from second to first in a clear majority of a large round.
    let before = round(&c, &[(0, &[0, 1, 2], 60), (0, &[1, 0, 2], 40)]);
    let now = round(&c, &[(0, &[1, 0, 2], 70), (0, &[0, 1, 2], 30)]);
    let compared = RoundComparison::of(&now, &before);
    let (_, a) = &compared.groups[0];
    let p1 = a.iter().find(|m| m.priority.as_str() == "p1").unwrap();
    assert_eq!(
        (p1.previous_rank, p1.rank, p1.movement),
        (Some(2), 1, Movement::Up)
    );
    assert!(p1.p_value.unwrap() < Family::Moves.budget() / 6.0);
    // p2 stays last with the same score: nothing to test beyond its place.
    let p2 = a.iter().find(|m| m.priority.as_str() == "p2").unwrap();
    assert_eq!((p2.movement, p2.p_value), (Movement::Steady, Some(1.0)));
}
