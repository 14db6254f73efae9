//! The finding rules on crafted data: a clear leader, a near tie, a split, a single readable
//! group; and that each finding agrees with the figures it is read from.

use super::*;
use crate::ballot::{Ballot, Mark};
use crate::consultation::tests::sample;
use crate::results::ResultsOptions;
use crate::tally::Tally;

fn options() -> ResultsOptions {
    ResultsOptions {
        resamples: 400,
        ..ResultsOptions::default()
    }
}

/// `count` ballots of `group` ranking `order` (indices), each placing itself at `step` on
/// conflict 0 when given.
fn add(t: &mut Tally, group: usize, order: &[usize], count: usize, step: Option<u8>) {
    for _ in 0..count {
        let mut b = Ballot::new(group, order.len(), order, &[]);
        if let Some(step) = step {
            b.marks.push(Mark {
                conflict: 0,
                step: Some(step),
                commented: false,
            });
        }
        t.add(&b);
    }
}

fn id(p: &str) -> PriorityId {
    PriorityId::parse(p).unwrap()
}

fn group(g: &str) -> GroupId {
    GroupId::parse(g).unwrap()
}

fn find(findings: &[Finding], pick: impl Fn(&Finding) -> bool) -> Option<&Finding> {
    findings.iter().find(|f| pick(f))
}

#[test]
fn a_goal_first_on_every_ballot_leads_clearly() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2, 3], 50, None);
    add(&mut t, 1, &[0, 2, 1, 3], 50, None);
    let r = Results::compute(&c, &t, &options());
    let f = Finding::all(&c, &r);
    assert_eq!(f[0], Finding::Responses { total: 100 });
    let Some(Finding::Lead {
        leader,
        certainty,
        contenders,
        followers,
    }) = find(&f, |f| matches!(f, Finding::Lead { .. }))
    else {
        panic!("no lead in {f:?}");
    };
    assert_eq!(leader, &id("p0"));
    assert_eq!(*certainty, LeadCertainty::Clear);
    assert!(contenders.is_empty());
    // The followers are the next places of the same table.
    assert_eq!(
        followers,
        &[
            r.overall.ranking[1].priority.clone(),
            r.overall.ranking[2].priority.clone()
        ]
    );
    assert_eq!(r.overall.ranking[0].rank_interval, Some([1, 1]));
    // Both groups put p0 in their upper half; nothing else is shared, nothing far apart.
    assert!(f.contains(&Finding::CommonGround {
        priorities: vec![id("p0")]
    }));
    assert!(f.contains(&Finding::GroupsClose));
}

#[test]
fn two_goals_within_the_noise_are_a_near_tie_not_a_lead() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2, 3], 26, None);
    add(&mut t, 0, &[1, 0, 2, 3], 24, None);
    let r = Results::compute(&c, &t, &options());
    let f = Finding::all(&c, &r);
    let Some(Finding::Lead {
        leader,
        certainty,
        contenders,
        ..
    }) = find(&f, |f| matches!(f, Finding::Lead { .. }))
    else {
        panic!("no lead in {f:?}");
    };
    assert_eq!(leader, &id("p0"));
    assert_eq!(*certainty, LeadCertainty::NearTie);
    assert_eq!(contenders, &[id("p1")]);
    // What the table shows agrees: p1's interval reaches place 1.
    let p1 = r
        .overall
        .ranking
        .iter()
        .find(|l| l.priority == id("p1"))
        .unwrap();
    assert_eq!(p1.rank_interval.unwrap()[0], 1);
}

#[test]
fn without_intervals_the_lead_is_not_called_clear() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2], 40, None);
    let r = Results::compute_with(&c, &t, &options(), None);
    let f = Finding::all(&c, &r);
    assert!(f.iter().any(|f| matches!(
        f,
        Finding::Lead {
            certainty: LeadCertainty::NotYetKnown,
            ..
        }
    )));
}

#[test]
fn the_sharpest_split_names_both_groups_and_their_places() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[3, 0, 1, 2], 30, Some(0));
    add(&mut t, 1, &[0, 1, 2, 3], 30, Some(4));
    let r = Results::compute(&c, &t, &options());
    let f = Finding::all(&c, &r);
    let split = Finding::Split {
        priority: id("p3"),
        high: (group("a"), 1),
        low: (group("b"), 4),
        clear: true,
    };
    assert!(f.contains(&split), "{f:?}");
    // The places are the ones the groups' tables show.
    assert_eq!(r.groups[0].1.ranking[0].priority, id("p3"));
    assert_eq!(r.groups[1].1.ranking[3].priority, id("p3"));
    // The conflict: a to the left, b to the right, everyone together undecided.
    let Some(Finding::Conflict {
        overall, groups, ..
    }) = find(&f, |f| matches!(f, Finding::Conflict { .. }))
    else {
        panic!("no conflict in {f:?}");
    };
    assert_eq!(overall.side, Side::Undecided);
    assert_eq!(
        groups[0],
        (
            group("a"),
            Lean {
                side: Side::Left,
                left: 1.0,
                right: 0.0,
                positions: 30
            }
        )
    );
    assert_eq!(groups[1].1.side, Side::Right);
    assert_eq!(groups[1].1.right, 1.0);
}

#[test]
fn a_split_inside_the_noise_is_not_called_clear() {
    let c = sample(5, false);
    let mut t = Tally::for_consultation(&c);
    // p4 is second in a and last in b, each by a narrow margin among few responses.
    add(&mut t, 0, &[0, 4, 1, 2, 3], 4, None);
    add(&mut t, 0, &[0, 1, 2, 3, 4], 1, None);
    add(&mut t, 1, &[0, 1, 2, 3, 4], 4, None);
    add(&mut t, 1, &[0, 4, 1, 2, 3], 1, None);
    let r = Results::compute(&c, &t, &options());
    let f = Finding::all(&c, &r);
    let Some(Finding::Split {
        priority,
        high,
        low,
        clear,
    }) = find(&f, |f| matches!(f, Finding::Split { .. }))
    else {
        panic!("no split in {f:?}");
    };
    assert_eq!(priority, &id("p4"));
    assert_eq!((high.1, low.1), (2, 5), "{f:?}");
    assert!(!clear, "{:?}", r.groups);
}

#[test]
fn with_one_readable_group_nothing_is_claimed_about_agreement() {
    let mut c = sample(4, false);
    c.settings.min_group_size = 5;
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2, 3], 30, Some(0));
    add(&mut t, 1, &[3, 2, 1, 0], 2, Some(4));
    let r = Results::compute(&c, &t, &options());
    for results in [r.clone(), r.public()] {
        let f = Finding::all(&c, &results);
        assert!(
            f.contains(&Finding::TooFewGroupsToCompare { readable: 1 }),
            "{f:?}"
        );
        assert!(!f.iter().any(|f| matches!(
            f,
            Finding::CommonGround { .. }
                | Finding::NoCommonGround
                | Finding::Split { .. }
                | Finding::GroupsClose
        )));
        assert!(f.contains(&Finding::SmallGroups {
            groups: vec![group("b")],
            min: 5
        }));
        // Conflicts are described for everyone only, not group by group.
        for finding in &f {
            if let Finding::Conflict { groups, .. } = finding {
                assert!(groups.is_empty());
            }
        }
    }
}

#[test]
fn weighting_groups_equally_names_the_new_leader() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2], 90, None);
    add(&mut t, 1, &[1, 2, 0], 30, None);
    let r = Results::compute(&c, &t, &options());
    let f = Finding::all(&c, &r);
    let Some(Finding::Weighting {
        same_order,
        new_leader,
        largest_move,
    }) = find(&f, |f| matches!(f, Finding::Weighting { .. }))
    else {
        panic!("no weighting in {f:?}");
    };
    assert!(!same_order);
    assert_eq!(r.overall.ranking[0].priority, id("p0"));
    assert_eq!(
        new_leader.as_ref(),
        Some(&r.equal_weight.ranking[0].priority)
    );
    assert_eq!(new_leader.as_ref(), Some(&id("p1")));
    let (p, raw, equal) = largest_move.clone().unwrap();
    let shown = |g: &GroupResults| g.ranking.iter().find(|l| l.priority == p).unwrap().rank;
    assert_eq!((raw, equal), (shown(&r.overall), shown(&r.equal_weight)));
}

#[test]
fn the_same_order_under_equal_weight_is_said() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2], 20, None);
    add(&mut t, 1, &[0, 1, 2], 5, None);
    let r = Results::compute(&c, &t, &options());
    let f = Finding::all(&c, &r);
    assert!(f.contains(&Finding::Weighting {
        same_order: true,
        new_leader: None,
        largest_move: None
    }));
}

#[test]
fn no_responses_say_only_that() {
    let c = sample(3, false);
    let t = Tally::for_consultation(&c);
    let r = Results::compute(&c, &t, &options());
    assert_eq!(Finding::all(&c, &r), [Finding::Responses { total: 0 }]);
}

#[test]
fn a_lean_inside_the_margin_of_error_is_undecided() {
    let stats = |h: [u64; 5]| ConflictStats {
        positions: h.iter().sum(),
        histogram: h.to_vec(),
        no_view: 0,
        median: None,
        comments: 0,
    };
    assert_eq!(Lean::of(&stats([6, 0, 0, 0, 4])).side, Side::Undecided);
    assert_eq!(Lean::of(&stats([60, 0, 0, 0, 40])).side, Side::Left);
    assert_eq!(Lean::of(&stats([0, 1, 8, 12, 0])).side, Side::Right);
    assert_eq!(Lean::of(&stats([1, 0, 0, 0, 0])).side, Side::Undecided);
    assert_eq!(Lean::of(&stats([0, 0, 0, 0, 0])).positions, 0);
}

#[test]
fn common_ground_counts_only_goals_whose_intervals_stay_in_the_upper_half() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    // Everyone puts p0 first; p1 beats p2 for second place, but only narrowly.
    for group in [0, 1] {
        add(&mut t, group, &[0, 1, 2, 3], 16, None);
        add(&mut t, group, &[0, 2, 1, 3], 14, None);
    }
    let r = Results::compute(&c, &t, &options());
    // By their places alone, p0 and p1 are in both upper halves ...
    assert_eq!(r.agreement.consensus, [id("p0"), id("p1")]);
    let p1 = r.groups[0]
        .1
        .ranking
        .iter()
        .find(|l| l.priority == id("p1"))
        .unwrap();
    assert_eq!(p1.rank, 2);
    assert_eq!(p1.rank_interval.unwrap()[1], 3, "p1 might be third");
    // ... but only p0 surely is.
    let f = Finding::all(&c, &r);
    assert!(
        f.contains(&Finding::CommonGround {
            priorities: vec![id("p0")]
        }),
        "{f:?}"
    );
}
