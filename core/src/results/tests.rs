use super::*;
use crate::ballot::{Ballot, Mark};
use crate::consultation::tests::sample;

fn options() -> ResultsOptions {
    ResultsOptions {
        resamples: 200,
        ..ResultsOptions::default()
    }
}

fn ids(ids: &[PriorityId]) -> Vec<&str> {
    ids.iter().map(PriorityId::as_str).collect()
}

#[test]
fn results_serialise_groups_as_an_object_in_definition_order() {
    let c = sample(3, true);
    let mut t = Tally::for_consultation(&c);
    t.add(&Ballot::new(1, 3, &[2], &[0, 1]));
    let results = Results::compute(&c, &t, &options());
    let json = serde_json::to_value(&results).unwrap();
    assert_eq!(json["total"], 1);
    assert_eq!(json["groups"]["b"]["responses"], 1);
    assert_eq!(json["groups"]["a"]["responses"], 0);
    assert_eq!(json["groups"]["b"]["ranking"][0]["priority"], "p2");
    assert_eq!(json["groups"]["b"]["ranking"][0]["borda"], 2);
    assert_eq!(json["groups"]["b"]["ranking"][1]["rank"], 2);
    assert_eq!(json["groups"]["b"]["ranking"][2]["rank"], 2);
    let keys: Vec<&String> = json["groups"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["a", "b"]);
    let back: Results = serde_json::from_value(json).unwrap();
    assert_eq!(back, results);
}

#[test]
fn small_groups_are_flagged_and_left_out_of_consensus() {
    let mut c = sample(4, false);
    c.settings.min_group_size = 3;
    let mut t = Tally::for_consultation(&c);
    for _ in 0..3 {
        t.add(&Ballot::new(0, 4, &[0, 1, 2, 3], &[]));
    }
    t.add(&Ballot::new(1, 4, &[3, 2, 1, 0], &[]));
    let r = Results::compute(&c, &t, &options());
    assert!(!r.groups[0].1.too_small);
    assert!(r.groups[1].1.too_small);
    // Only group a is readable: its upper half is no consensus, nothing is divisive.
    assert!(r.agreement.consensus.is_empty());
    assert!(r.agreement.divisive.is_empty());
    // Both groups with responses are compared: exactly opposite orders.
    assert_eq!(r.agreement.kendall_tau_b[0][1], Some(-1.0));
}

#[test]
fn equal_weight_keeps_a_mobilised_group_from_dominating() {
    let c = sample(2, false);
    let mut t = Tally::for_consultation(&c);
    for _ in 0..90 {
        t.add(&Ballot::new(0, 2, &[0, 1], &[]));
    }
    for _ in 0..10 {
        t.add(&Ballot::new(1, 2, &[1, 0], &[]));
    }
    let r = Results::compute(&c, &t, &options());
    assert_eq!(r.overall.ranking[0].priority.as_str(), "p0");
    assert_eq!(r.overall.ranking[0].borda, Score(80.0));
    // With equal weight the two groups cancel out: a tie.
    assert_eq!(r.equal_weight.ranking[0].rank, 1);
    assert_eq!(r.equal_weight.ranking[1].rank, 1);
    assert_eq!(r.equal_weight.ranking[0].borda, Score(0.0));
}

#[test]
fn equal_weight_scales_each_group_to_the_average_size() {
    let mut c = sample(2, false);
    c.settings.min_group_size = 1;
    let mut t = Tally::for_consultation(&c);
    for _ in 0..3 {
        t.add(&Ballot::new(0, 2, &[0, 1], &[]));
    }
    t.add(&Ballot::new(1, 2, &[0, 1], &[]));
    let r = Results::compute(&c, &t, &options());
    // Average group size 2: group a (3 ballots, margin 3) and b (1, margin 1) each count as 2.
    assert_eq!(r.equal_weight.ranking[0].borda, Score(4.0));
}

#[test]
fn rank_intervals_come_from_the_comparisons_and_top_k_from_the_bootstrap() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    for _ in 0..30 {
        t.add(&Ballot::new(0, 3, &[0, 1, 2], &[]));
    }
    let r = Results::compute(&c, &t, &options());
    let first = &r.overall.ranking[0];
    assert_eq!(first.rank_interval, Some([1, 1]));
    assert_eq!(first.top_k_probability, Some(1.0));
    assert_eq!(first.mean_rank, Some(1.0));
    let off = Results::compute(
        &c,
        &t,
        &ResultsOptions {
            resamples: 0,
            ..options()
        },
    );
    // The intervals need no resampling; the top-k chances do.
    assert_eq!(off.overall.ranking[0].rank_interval, Some([1, 1]));
    assert_eq!(off.overall.ranking[0].top_k_probability, None);
    assert_eq!(off.as_of.uncertainty, Some(30));
    // The equal-weight view has its own (here: the one group's).
    assert_eq!(r.equal_weight.ranking[0].rank_interval, Some([1, 1]));
    assert_eq!(
        r.as_of,
        AsOf {
            results: 30,
            uncertainty: Some(30)
        }
    );
    let without = Results::compute_with(&c, &t, &options(), None);
    assert_eq!(
        without.as_of,
        AsOf {
            results: 30,
            uncertainty: None
        }
    );
    assert_eq!(without.overall.ranking[0].rank_interval, Some([1, 1]));
    assert_eq!(without.overall.ranking[0].top_k_probability, None);
}

#[test]
fn condorcet_winner_smith_set_and_method_agreement_are_reported() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    t.add(&Ballot::new(0, 3, &[1, 0, 2], &[]));
    t.add(&Ballot::new(0, 3, &[1, 2, 0], &[]));
    let r = Results::compute(&c, &t, &options());
    assert_eq!(
        r.overall.condorcet_winner.as_ref().map(PriorityId::as_str),
        Some("p1")
    );
    assert_eq!(ids(&r.overall.smith_set), ["p1"]);
    assert!(r.overall.methods_agree);
    assert_eq!(ids(&r.overall.schulze)[0], "p1");
}

#[test]
fn conflict_positions_are_reported_per_group_and_overall() {
    let c = sample(2, true);
    let mut t = Tally::for_consultation(&c);
    let mut b = Ballot::new(0, 2, &[0], &[1]);
    b.marks = vec![Mark {
        conflict: 1,
        step: Some(4),
        commented: true,
    }];
    t.add(&b);
    b.group = 1;
    b.marks[0].step = Some(0);
    t.add(&b);
    let r = Results::compute(&c, &t, &options());
    let c1 = &r.conflicts[1];
    assert_eq!(c1.conflict.as_str(), "c1");
    assert_eq!(c1.scale, 5);
    assert_eq!(c1.overall.histogram, vec![1, 0, 0, 0, 1]);
    assert_eq!(c1.overall.median, Some(0.0));
    assert_eq!(c1.overall.comments, 2);
    assert_eq!(c1.groups[0].1.median, Some(2.0));
    assert_eq!(c1.groups[1].1.median, Some(-2.0));
    assert_eq!(r.conflicts[0].overall.positions, 0);
}

#[test]
fn a_group_below_the_minimum_is_withheld_from_the_public_and_not_weighed() {
    let mut c = sample(4, false);
    c.settings.min_group_size = 3;
    let mut t = Tally::for_consultation(&c);
    for _ in 0..3 {
        t.add(&Ballot::new(0, 4, &[0, 1, 2, 3], &[]));
    }
    // One person in group b, with a ranking of their own.
    t.add(&Ballot::new(1, 4, &[3, 2, 1, 0], &[]));
    let staff = Results::compute(&c, &t, &options());
    assert_eq!(staff.groups[1].1.responses, 1, "staff see everything");
    assert_eq!(staff.groups[1].1.ranking[0].priority.as_str(), "p3");
    // The equal-weight view counts group a only: the one person does not weigh like three.
    assert_eq!(staff.equal_weight.responses, 3);
    assert_eq!(staff.equal_weight.ranking[0].priority.as_str(), "p0");
    assert_eq!(staff.equal_weight.ranking[0].borda, Score(9.0));

    let public = staff.public();
    let b = &public.groups[1].1;
    assert!(b.withheld && b.too_small);
    assert_eq!(b.responses, 0);
    assert!(b.ranking.is_empty() && b.schulze.is_empty() && b.smith_set.is_empty());
    assert_eq!(b.condorcet_winner, None);
    assert_eq!(
        public.groups[0].1, staff.groups[0].1,
        "group a is published"
    );
    let compared: Vec<&str> = public.agreement.groups.iter().map(|g| g.as_str()).collect();
    assert_eq!(compared, ["a"], "only readable groups are compared");
    assert_eq!(public.agreement.kendall_tau_b, vec![vec![Some(1.0)]]);
    // The whole minus group a would be the one person: the overall figures are withheld.
    assert!(public.overall.withheld && public.conflicts.is_empty());
    assert_eq!(public.total, 4);
    assert_eq!(
        public.equal_weight, staff.equal_weight,
        "made of group a only"
    );
}

#[test]
fn the_overall_is_published_once_the_withheld_groups_together_hide_their_people() {
    let mut c = sample(4, false);
    c.settings.min_group_size = 3;
    // Three groups: a with 3 (published), b with 1 and c with 2 (withheld, 3 together).
    c.groups.push(crate::consultation::StakeholderGroup {
        id: crate::ids::GroupId::parse("c").unwrap(),
        label: c.groups[0].label.clone(),
    });
    let mut t = Tally::for_consultation(&c);
    for (group, n) in [(0, 3), (1, 1), (2, 2)] {
        for _ in 0..n {
            t.add(&Ballot::new(group, 4, &[0, 1, 2, 3], &[]));
        }
    }
    let staff = Results::compute(&c, &t, &options());
    let public = staff.public();
    assert_eq!(public.overall, staff.overall);
    for conflict in &public.conflicts {
        let shown: Vec<&str> = conflict.groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(shown, ["a"], "only the readable group's positions");
    }
    assert!(public.groups[1].1.withheld && public.groups[2].1.withheld);
}

#[test]
fn while_the_whole_is_below_the_minimum_nothing_but_the_count_is_published() {
    let mut c = sample(3, false);
    c.settings.min_group_size = 3;
    let mut t = Tally::for_consultation(&c);
    t.add(&Ballot::new(0, 3, &[2, 1, 0], &[]));
    t.add(&Ballot::new(1, 3, &[2, 0, 1], &[]));
    let public = Results::compute(&c, &t, &options()).public();
    assert_eq!(public.total, 2);
    assert!(public.overall.withheld && public.overall.ranking.is_empty());
    assert!(public.equal_weight.withheld);
    assert!(public.groups.iter().all(|(_, g)| g.withheld));
    assert!(public.conflicts.is_empty());
    assert!(public.agreement.groups.is_empty() && public.agreement.kendall_tau_b.is_empty());
}

#[test]
fn points_are_the_share_of_comparisons_won() {
    let c = sample(3, false);
    let mut t = Tally::for_consultation(&c);
    t.add(&Ballot::new(0, 3, &[0, 1, 2], &[]));
    t.add(&Ballot::new(0, 3, &[1, 0, 2], &[]));
    let r = Results::compute(&c, &t, &options());
    let points = |p: &str| {
        let line = r
            .overall
            .ranking
            .iter()
            .find(|l| l.priority.as_str() == p)
            .unwrap();
        r.overall.points(line).unwrap()
    };
    // p0 and p1: each won 3 of 4 comparisons; p2 none.
    assert_eq!(points("p0"), 75.0);
    assert_eq!(points("p1"), 75.0);
    assert_eq!(points("p2"), 0.0);
}
