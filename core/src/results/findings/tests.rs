//! The finding rules on crafted data: a clear leader, a near tie, a split, a lean, a single
//! readable group, the weighting; and that each finding agrees with the figures beside it.

use super::*;
use crate::ballot::{Ballot, Mark};
use crate::consultation::tests::sample;
use crate::results::evidence::Family;
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

fn split_of(f: &[Finding]) -> &Split {
    match find(f, |f| matches!(f, Finding::Split(_))) {
        Some(Finding::Split(split)) => split,
        _ => panic!("no split in {f:?}"),
    }
}

#[test]
fn a_goal_first_on_every_ballot_leads_clearly() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2, 3], 50, None);
    add(&mut t, 1, &[0, 2, 1, 3], 50, None);
    let r = Results::compute(&c, &t, &options());
    let f = &r.findings;
    assert_eq!(f[0], Finding::Responses { total: 100 });
    let Some(Finding::Lead {
        leader,
        certainty,
        contenders,
        followers,
        points,
        runner_up,
        p_value,
        budget,
    }) = find(f, |f| matches!(f, Finding::Lead { .. }))
    else {
        panic!("no lead in {f:?}");
    };
    assert_eq!(leader, &id("p0"));
    assert_eq!(*certainty, LeadCertainty::Clear);
    assert!(contenders.is_empty());
    assert!(p_value <= budget, "{p_value} > {budget}");
    // Groups of one size count the same either way, and there is no round before: the
    // weighting's and the moves' shares go to the lead.
    let expected = Family::Lead.budget() + Family::Weighting.budget() + Family::Moves.budget();
    assert!((budget - expected).abs() < 1e-12);
    // The figures are the ones the table shows.
    assert_eq!(*points, r.overall.points(&r.overall.ranking[0]).unwrap());
    assert_eq!(*points, 100.0);
    let second = &r.overall.ranking[1];
    assert_eq!(
        runner_up,
        &Some((second.priority.clone(), r.overall.points(second).unwrap()))
    );
    // The followers are the next places of the same table, after the runner-up.
    assert_eq!(
        followers,
        &[
            r.overall.ranking[2].priority.clone(),
            r.overall.ranking[3].priority.clone()
        ]
    );
    assert_eq!(r.overall.ranking[0].rank_interval, Some([1, 1]));
    // Both groups put p0 first; nothing else is shared. Every ballot of a puts p1 second
    // and p2 third, every ballot of b the other way round: beyond chance, if one place apart.
    assert!(f.iter().any(|f| matches!(
        f,
        Finding::CommonGround { priorities, .. } if priorities == &[id("p0")]
    )));
    let split = split_of(f);
    assert!(split.clear);
    assert!([id("p1"), id("p2")].contains(&split.priority));
}

#[test]
fn two_goals_within_the_noise_are_a_near_tie_not_a_lead() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2, 3], 26, None);
    add(&mut t, 0, &[1, 0, 2, 3], 24, None);
    let r = Results::compute(&c, &t, &options());
    let f = &r.findings;
    let Some(Finding::Lead {
        leader,
        certainty,
        contenders,
        p_value,
        budget,
        ..
    }) = find(f, |f| matches!(f, Finding::Lead { .. }))
    else {
        panic!("no lead in {f:?}");
    };
    assert_eq!(leader, &id("p0"));
    assert_eq!(*certainty, LeadCertainty::NearTie);
    assert_eq!(contenders, &[id("p1")]);
    assert!(p_value > budget);
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
fn a_near_tie_always_names_who_could_be_first() {
    // Many small, lopsided consultations: whenever the lead is not clear, someone is named.
    let c = sample(5, false);
    let mut seed = 7u64;
    let mut next = |bound: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % bound
    };
    for _ in 0..200 {
        let mut t = Tally::for_consultation(&c);
        for _ in 0..3 + next(40) {
            let mut order: Vec<usize> = (0..5).collect();
            order.swap(next(2), 1 + next(4));
            add(&mut t, next(2), &order, 1, None);
        }
        let r = Results::compute(&c, &t, &options());
        for f in &r.findings {
            if let Finding::Lead {
                certainty,
                contenders,
                ..
            } = f
            {
                let tie = *certainty == LeadCertainty::NearTie;
                assert_eq!(tie, !contenders.is_empty(), "{f:?}");
            }
        }
    }
}

#[test]
fn the_clearest_split_names_both_groups_with_their_places_and_points() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[3, 0, 1, 2], 30, Some(0));
    add(&mut t, 1, &[0, 1, 2, 3], 30, Some(4));
    let r = Results::compute(&c, &t, &options());
    let f = &r.findings;
    let split = split_of(f);
    assert_eq!(split.priority, id("p3"));
    assert!(split.clear && split.p_value <= split.budget, "{split:?}");
    assert_eq!(
        split.high,
        SplitSide {
            group: group("a"),
            rank: 1,
            points: 100.0
        }
    );
    assert_eq!((split.low.group.clone(), split.low.rank), (group("b"), 4));
    assert_eq!(split.low.points, 0.0);
    // The JSON lists every goal the groups rank apart beyond chance, the clearest first.
    let divergent = &r.agreement.divergent;
    assert_eq!(divergent.first(), Some(split));
    assert!(divergent.iter().all(|d| d.clear && d.p_value <= d.budget));
    let gaps: Vec<f64> = divergent
        .iter()
        .map(|d| d.high.points - d.low.points)
        .collect();
    assert!(gaps.windows(2).all(|w| w[0] >= w[1] - 1e-9), "{gaps:?}");
    assert_eq!(
        divergent.len(),
        4,
        "every goal moves when p3 jumps to the top"
    );
    // The places are the ones the groups' tables show.
    assert_eq!(r.groups[0].1.ranking[0].priority, id("p3"));
    assert_eq!(r.groups[1].1.ranking[3].priority, id("p3"));
    // The conflict: a to the left, b to the right, everyone together undecided.
    let Some(Finding::Conflict {
        overall, groups, ..
    }) = find(f, |f| matches!(f, Finding::Conflict { .. }))
    else {
        panic!("no conflict in {f:?}");
    };
    assert_eq!(overall.side, Side::Undecided);
    assert_eq!(overall.p_value, 1.0);
    let (a, lean) = &groups[0];
    assert_eq!(a, &group("a"));
    assert_eq!((lean.side, lean.left, lean.right), (Side::Left, 1.0, 0.0));
    assert_eq!(lean.positions, 30);
    assert!(lean.p_value < 1e-8);
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
    let split = split_of(&r.findings);
    assert_eq!(split.priority, id("p4"));
    assert_eq!((split.high.rank, split.low.rank), (2, 5));
    assert!(!split.clear, "{split:?}");
    assert!(split.p_value > split.budget);
    assert!(r.agreement.divergent.is_empty());
}

#[test]
fn with_one_readable_group_nothing_is_claimed_about_agreement() {
    let mut c = sample(4, false);
    c.settings.min_group_size = 5;
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2, 3], 30, Some(0));
    add(&mut t, 1, &[3, 2, 1, 0], 2, Some(4));
    let r = Results::compute(&c, &t, &options());
    let public = r.public();
    // Two withheld responses make the overall unpublishable: no lead, no conflict, no
    // weighting in what is published.
    assert!(public.overall.withheld);
    for (f, published) in [(&r.findings, false), (&public.findings, true)] {
        assert!(
            f.contains(&Finding::TooFewGroupsToCompare { readable: 1 }),
            "{f:?}"
        );
        assert!(!f.iter().any(|f| matches!(
            f,
            Finding::CommonGround { .. }
                | Finding::NoCommonGround
                | Finding::Split(_)
                | Finding::GroupsClose
        )));
        assert!(f.contains(&Finding::SmallGroups {
            groups: vec![group("b")],
            min: 5
        }));
        let overall = f.iter().any(|f| {
            matches!(
                f,
                Finding::Lead { .. } | Finding::Conflict { .. } | Finding::Weighting { .. }
            )
        });
        assert_eq!(overall, !published, "{f:?}");
        // What is published says why the overall figures are missing.
        assert_eq!(
            f.contains(&Finding::OverallWithheld { min: 5 }),
            published,
            "{f:?}"
        );
        // Conflicts are described for everyone only, not group by group.
        for finding in f {
            if let Finding::Conflict { groups, .. } = finding {
                assert!(groups.is_empty());
            }
        }
    }
}

#[test]
fn weighting_groups_equally_names_the_pair_it_turns_round() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2], 90, None);
    add(&mut t, 1, &[1, 2, 0], 30, None);
    let r = Results::compute(&c, &t, &options());
    let Some(Finding::Weighting {
        same_order,
        flips,
        budget,
    }) = find(&r.findings, |f| matches!(f, Finding::Weighting { .. }))
    else {
        panic!("no weighting in {:?}", r.findings);
    };
    assert!(!same_order);
    assert_eq!(flips.len(), 1, "{flips:?}");
    assert_eq!(
        (&flips[0].raw_ahead, &flips[0].equal_ahead),
        (&id("p0"), &id("p1"))
    );
    assert!(flips[0].p_value <= *budget);
    // The tables agree: p0 first when every response counts, p1 when every group does.
    assert_eq!(r.overall.ranking[0].priority, id("p0"));
    assert_eq!(r.equal_weight.ranking[0].priority, id("p1"));
}

#[test]
fn the_same_order_under_equal_weight_is_said() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[0, 1, 2], 20, None);
    add(&mut t, 1, &[0, 1, 2], 5, None);
    let r = Results::compute(&c, &t, &options());
    assert!(r.findings.iter().any(|f| matches!(
        f,
        Finding::Weighting { flips, same_order: true, .. } if flips.is_empty()
    )));
}

#[test]
fn no_responses_say_only_that() {
    let c = sample(3, false);
    let t = Tally::for_consultation(&c);
    let r = Results::compute(&c, &t, &options());
    assert_eq!(r.findings, [Finding::Responses { total: 0 }]);
}

#[test]
fn a_lean_needs_more_on_one_side_than_chance_explains() {
    let c = {
        let mut c = sample(3, false);
        c.conflicts.truncate(1);
        c
    };
    let lean_of = |left: usize, right: usize| {
        let mut t = Tally::for_consultation(&c);
        add(&mut t, 0, &[0, 1, 2], left, Some(0));
        add(&mut t, 0, &[0, 1, 2], right, Some(4));
        let r = Results::compute(&c, &t, &options());
        match find(&r.findings, |f| matches!(f, Finding::Conflict { .. })) {
            Some(Finding::Conflict { overall, .. }) => *overall,
            _ => panic!("no conflict in {:?}", r.findings),
        }
    };
    // 6 to 4, and even 60 to 40, is what chance gives often enough.
    assert_eq!(lean_of(6, 4).side, Side::Undecided);
    assert_eq!(lean_of(60, 40).side, Side::Undecided);
    // 80 to 20 is not.
    let lean = lean_of(80, 20);
    assert_eq!(lean.side, Side::Left);
    assert_eq!((lean.left, lean.right, lean.positions), (0.8, 0.2, 100));
    assert_eq!(lean_of(20, 80).side, Side::Right);
    // One person alone never makes a lean.
    assert_eq!(lean_of(1, 0).side, Side::Undecided);
}

#[test]
fn common_ground_needs_the_upper_half_beyond_chance_in_every_group() {
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
    // ... but only p0 surely is; the JSON says so beside the descriptive consensus.
    assert_eq!(r.agreement.common_ground, [id("p0")]);
    assert!(
        r.findings.iter().any(|f| matches!(
            f,
            Finding::CommonGround { priorities, .. } if priorities == &[id("p0")]
        )),
        "{:?}",
        r.findings
    );
    let p1 = r.groups[0]
        .1
        .ranking
        .iter()
        .find(|l| l.priority == id("p1"))
        .unwrap();
    assert_eq!(p1.rank, 2);
    assert_eq!(p1.rank_interval.unwrap()[1], 3, "p1 might be third");
}

#[test]
fn findings_travel_in_the_results_json() {
    let c = sample(4, false);
    let mut t = Tally::for_consultation(&c);
    add(&mut t, 0, &[3, 0, 1, 2], 30, Some(0));
    add(&mut t, 1, &[0, 1, 2, 3], 30, Some(4));
    let r = Results::compute(&c, &t, &options()).public();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["findings"][1]["kind"], "lead");
    assert!(json["findings"][1]["budget"].as_f64().unwrap() > 0.0);
    let back: Results = serde_json::from_value(json).unwrap();
    assert_eq!(back.findings, r.findings);
}
