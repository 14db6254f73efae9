//! Between the readable groups: the goals all of them rank high (common ground) and the goal
//! they are furthest apart on (the split).

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
    let priorities: Vec<_> = (0..n)
        .filter(|&p| needed > 0 && readable.iter().all(|&g| beaten[g][p] >= needed))
        .map(|p| input.consultation.priorities[p].id.clone())
        .collect();
    if priorities.is_empty() {
        Finding::NoCommonGround
    } else {
        Finding::CommonGround { priorities, budget }
    }
}

/// The goal whose points differ most between two readable groups beyond chance (Holm over
/// every pair of groups and every goal); without one, the largest spread of places, said to
/// be within the uncertainty; without a spread of two places, that the groups are close.
pub(super) fn split(input: &Input, readable: &[usize], budget: f64) -> Finding {
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
    let clearest = tests
        .iter()
        .zip(&rejected)
        .filter(|(_, r)| **r)
        .map(|(t, _)| t)
        // The largest difference; of equal ones, the goal listed first.
        .max_by(|a, b| a.3.total_cmp(&b.3).then(b.0.cmp(&a.0)));
    if let Some(&(p, high, low, _, p_value)) = clearest {
        return described(input, (p, high, low), true, p_value, budget)
            .unwrap_or(Finding::GroupsClose);
    }
    // Nothing beyond chance: the largest spread of places, if it is two places or more.
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
    described(input, (p, high, low), false, p_value, budget).unwrap_or(Finding::GroupsClose)
}

/// The split of goal `p` between groups `high` and `low`, worded with their places and points.
fn described(
    input: &Input,
    (p, high, low): (usize, usize, usize),
    clear: bool,
    p_value: f64,
    budget: f64,
) -> Option<Finding> {
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
    Some(Finding::Split(Split {
        priority: priority.clone(),
        high: side(high)?,
        low: side(low)?,
        clear,
        p_value,
        budget,
    }))
}
