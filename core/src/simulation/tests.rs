use super::*;
use crate::results::findings::Finding;

/// Eight goals spread evenly from 0 to −1.5 (log-weights), the first two tied.
fn tied_top() -> Vec<f64> {
    let mut w: Vec<f64> = (0..8).map(|i| -1.5 * i as f64 / 7.0).collect();
    w[1] = w[0];
    w
}

/// The briefing's claims judged, without the JSON's consensus.
fn judged(truth: &Truth, results: &Results, findings: &[Finding]) -> Vec<(Claim, bool)> {
    let mut claims = truth.judge(results, findings);
    claims.retain(|(c, _)| *c != Claim::Consensus);
    claims
}

#[test]
fn drawn_rankings_follow_the_weights() {
    let p = Population::plackett_luce(vec![0.0, -1.0, -2.0], 1);
    let mut rng = Random::new(7);
    let mut first = [0u32; 3];
    for _ in 0..20_000 {
        let b = p.draw(0, &mut rng);
        let top = b.ranks.iter().position(|&r| r == 0).unwrap();
        first[top] += 1;
    }
    // Chances of being first: e^0, e^-1, e^-2 over their sum: 66.5 %, 24.5 %, 9.0 %.
    let share = |i: usize| f64::from(first[i]) / 20_000.0;
    assert!((share(0) - 0.665).abs() < 0.015, "{}", share(0));
    assert!((share(1) - 0.245).abs() < 0.015, "{}", share(1));
    assert!((share(2) - 0.090).abs() < 0.010, "{}", share(2));
}

#[test]
fn a_clear_lead_between_tied_goals_is_judged_false_and_a_true_one_true() {
    let tied = Scenario {
        name: "tied".into(),
        populations: vec![Population::plackett_luce(tied_top(), 0); 2],
        sizes: vec![400, 400],
        previous: None,
    };
    let truth = Truth::new(&tied.populations, &tied.sizes);
    let results = tied.once(&tied.consultation(), &mut Random::new(1)).results;
    let lead = |leader: &str| Finding::Lead {
        leader: PriorityId::parse(leader).unwrap(),
        certainty: crate::results::findings::LeadCertainty::Clear,
        contenders: vec![],
        followers: vec![],
        points: 60.0,
        runner_up: None,
        p_value: 0.0,
        budget: 0.035,
    };
    assert_eq!(
        judged(&truth, &results, &[lead("g0")]),
        [(Claim::ClearLead, true)]
    );
    let mut raised = tied_top();
    raised[0] += 0.2;
    let populations = vec![Population::plackett_luce(raised, 0); 2];
    let truth = Truth::new(&populations, &tied.sizes);
    assert_eq!(
        judged(&truth, &results, &[lead("g0")]),
        [(Claim::ClearLead, false)]
    );
    assert_eq!(
        judged(&truth, &results, &[lead("g1")]),
        [(Claim::ClearLead, true)]
    );
}

#[test]
fn a_lean_on_an_even_conflict_is_false_and_on_a_leaning_one_true() {
    let mut leaning = Population::plackett_luce(tied_top(), 2);
    leaning.conflicts[1] = [0.3, 0.3, 0.2, 0.1, 0.1, 0.0];
    let populations = vec![leaning; 2];
    let sizes = [100, 100];
    let truth = Truth::new(&populations, &sizes);
    let scenario = Scenario {
        name: "lean".into(),
        populations: populations.clone(),
        sizes: sizes.to_vec(),
        previous: None,
    };
    let results = scenario
        .once(&scenario.consultation(), &mut Random::new(2))
        .results;
    let lean = |conflict: &str, side| Finding::Conflict {
        conflict: ConflictId::parse(conflict).unwrap(),
        overall: crate::results::findings::Lean {
            side,
            left: 0.5,
            right: 0.3,
            positions: 200,
            p_value: 0.0,
        },
        groups: vec![],
        budget: 0.0075,
    };
    use crate::results::findings::Side;
    assert_eq!(
        judged(&truth, &results, &[lean("c0", Side::Left)]),
        [(Claim::Lean, true)]
    );
    assert_eq!(
        judged(&truth, &results, &[lean("c1", Side::Left)]),
        [(Claim::Lean, false)]
    );
    assert_eq!(
        judged(&truth, &results, &[lean("c1", Side::Right)]),
        [(Claim::Lean, true)]
    );
}

#[test]
fn wilson_intervals_hold_the_rate() {
    let (lo, hi) = wilson(5, 100);
    assert!(lo < 0.05 && 0.05 < hi);
    assert!((lo - 0.0215).abs() < 0.001 && (hi - 0.1118).abs() < 0.001);
}

#[test]
fn mallows_rankings_gather_round_their_centre() {
    // Three goals, centre 2 > 0 > 1, phi ½: the normalising constant is 1 · 1.5 · 1.75, and
    // goal 2 comes first in the centre itself and one swap away: (1 + ½) / 2.625.
    let p = Population::mallows(vec![2, 0, 1], 0.5, 0);
    let mut rng = Random::new(3);
    let draws = 20_000;
    let mut first = [0u32; 3];
    let mut centre = 0;
    for _ in 0..draws {
        let r = p.ranking(&mut rng);
        first[r[0]] += 1;
        centre += u32::from(r == [2, 0, 1]);
    }
    let share = |k: u32| f64::from(k) / f64::from(draws);
    assert!((share(first[2]) - 1.5 / 2.625).abs() < 0.015, "{first:?}");
    assert!((share(centre) - 1.0 / 2.625).abs() < 0.015, "{centre}");
    // A partial ballot ranks the first goals drawn and leaves the others unranked.
    let mut partial = p.clone();
    partial.ranked = Some(1);
    let ballot = partial.draw(0, &mut rng);
    assert_eq!(ballot.ranks.iter().filter(|&&r| r == 0).count(), 1);
}
