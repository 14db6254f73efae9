//! Between the readable groups: the goals all of them rank high (common ground), every goal
//! two of them rank apart beyond chance, and the one they are furthest apart on (the split).

use super::{rank_of, Finding, Input, Split, SplitSide};
use crate::results::evidence::differences::{between, View};
use crate::results::evidence::holm;

/// Goals above at least half the others beyond chance in every readable group; Holm over
/// every pair of goals in every readable group.
pub(super) fn common_ground(input: &Input, readable: &[usize], budget: f64) -> Finding {
    let n = input.consultation.priorities.len();
    let needed = n - n.div_ceil(2);
    let mut tests = Vec::new();
    for &g in readable {
        let view = View::group(&input.tally.groups()[g]);
        for a in 0..n {
            for b in a + 1..n {
                let d = view.difference(a, b);
                let (high, low) = if d.difference > 0.0 { (a, b) } else { (b, a) };
                tests.push((g, high, low, d.p_value()));
            }
        }
    }
    let p_values: Vec<f64> = tests.iter().map(|t| t.3).collect();
    let rejected = holm(&p_values, budget);
    let mut beaten = vec![vec![0usize; n]; input.tally.groups().len()];
    for (&(g, high, _, _), _) in tests.iter().zip(&rejected).filter(|(_, r)| **r) {
        beaten[g][high] += 1;
    }
    let mut priorities: Vec<_> = (0..n)
        .filter(|&p| needed > 0 && readable.iter().all(|&g| beaten[g][p] >= needed))
        .map(|p| input.consultation.priorities[p].id.clone())
        .collect();
    // In the order of the overall ranking.
    let overall = &input.results.overall.ranking;
    priorities.sort_by_key(|p| overall.iter().position(|l| &l.priority == p));
    if priorities.is_empty() {
        Finding::NoCommonGround
    } else {
        Finding::CommonGround { priorities, budget }
    }
}

/// Every goal two readable groups rank apart beyond chance: Welch's t of the goal's points
/// in the two groups, Holm over every pair of groups and every goal; the largest differences
/// first (of equal ones, the goal listed first).
pub(super) fn divergent(input: &Input, readable: &[usize], budget: f64) -> Vec<Split> {
    let n = input.consultation.priorities.len();
    let groups = input.tally.groups();
    let mut tests = Vec::new();
    for (i, &x) in readable.iter().enumerate() {
        for &y in &readable[i + 1..] {
            for p in 0..n {
                let d = between(&groups[x], &groups[y], p);
                let (high, low) = if d.difference > 0.0 { (x, y) } else { (y, x) };
                tests.push((p, high, low, d.difference.abs(), d.p_value()));
            }
        }
    }
    let p_values: Vec<f64> = tests.iter().map(|t| t.4).collect();
    let rejected = holm(&p_values, budget);
    let mut clear: Vec<_> = tests
        .into_iter()
        .zip(rejected)
        .filter(|(_, r)| *r)
        .map(|(t, _)| t)
        .collect();
    clear.sort_by(|a, b| b.3.total_cmp(&a.3).then(a.0.cmp(&b.0)));
    clear
        .into_iter()
        .filter_map(|(p, high, low, _, p_value)| {
            described(input, (p, high, low), true, p_value, budget)
        })
        .collect()
}

/// Where the groups are furthest apart: the first of `divergent`; without one, the largest
/// spread of places, said to be within the uncertainty; without a spread of two places, that
/// the groups are close.
pub(super) fn split(
    input: &Input,
    readable: &[usize],
    divergent: &[Split],
    budget: f64,
) -> Finding {
    if let Some(clearest) = divergent.first() {
        return Finding::Split(clearest.clone());
    }
    // Nothing beyond chance: the largest spread of places, if it is two places or more.
    let groups = input.tally.groups();
    let results = input.results;
    let Some(divisive) = results.agreement.divisive.first().filter(|d| d.spread >= 2) else {
        return Finding::GroupsClose;
    };
    let Some(p) = input
        .consultation
        .priority_index(divisive.priority.as_str())
    else {
        return Finding::GroupsClose;
    };
    let place = |g: usize| rank_of(&results.groups[g].1, &divisive.priority).map(|l| l.rank);
    let high = readable.iter().copied().min_by_key(|&g| place(g));
    let low = readable.iter().copied().max_by_key(|&g| place(g));
    let (Some(high), Some(low)) = (high, low) else {
        return Finding::GroupsClose;
    };
    let p_value = between(&groups[high], &groups[low], p).p_value();
    described(input, (p, high, low), false, p_value, budget)
        .map(Finding::Split)
        .unwrap_or(Finding::GroupsClose)
}

/// The split of goal `p` between groups `high` and `low`, with their places and points.
fn described(
    input: &Input,
    (p, high, low): (usize, usize, usize),
    clear: bool,
    p_value: f64,
    budget: f64,
) -> Option<Split> {
    let priority = &input.consultation.priorities[p].id;
    let side = |g: usize| {
        let (id, results) = &input.results.groups[g];
        let line = rank_of(results, priority)?;
        Some(SplitSide {
            group: id.clone(),
            rank: line.rank,
            points: results.points(line)?,
        })
    };
    Some(Split {
        priority: priority.clone(),
        high: side(high)?,
        low: side(low)?,
        clear,
        p_value,
        budget,
    })
}
