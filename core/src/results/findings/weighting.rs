//! Whether counting every group equally changes the order beyond chance.

use super::{Finding, Flip, Input};
use crate::results::evidence::differences::View;
use crate::results::evidence::holm;

/// Pairs of goals ordered one way when every response counts once and the other way when
/// every group counts the same, both beyond chance (the larger p-value of the two decides);
/// Holm over every pair.
pub(super) fn weighting(input: &Input, budget: f64) -> Option<Finding> {
    let results = input.results;
    let (raw, equal) = (&results.overall, &results.equal_weight);
    if raw.withheld || equal.withheld || raw.ranking.is_empty() || equal.responses == 0 {
        return None;
    }
    let n = input.consultation.priorities.len();
    let groups = input.tally.groups();
    let everyone = View::weighted(groups, &vec![1.0; groups.len()]);
    let same = View::weighted(groups, input.weights);
    let mut pairs = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let (r, e) = (everyone.difference(a, b), same.difference(a, b));
            let turned = r.difference * e.difference < 0.0;
            let p = if turned {
                r.p_value().max(e.p_value())
            } else {
                1.0
            };
            let (raw_ahead, equal_ahead) = if r.difference > 0.0 { (a, b) } else { (b, a) };
            pairs.push((raw_ahead, equal_ahead, p));
        }
    }
    let p_values: Vec<f64> = pairs.iter().map(|t| t.2).collect();
    let rejected = holm(&p_values, budget);
    let id = |i: usize| input.consultation.priorities[i].id.clone();
    let mut flips: Vec<Flip> = pairs
        .iter()
        .zip(&rejected)
        .filter(|(_, r)| **r)
        .map(|(&(raw_ahead, equal_ahead, p_value), _)| Flip {
            raw_ahead: id(raw_ahead),
            equal_ahead: id(equal_ahead),
            p_value,
        })
        .collect();
    flips.sort_by(|a, b| a.p_value.total_cmp(&b.p_value));
    let place = |g: &crate::results::GroupResults, p: &crate::ids::PriorityId| {
        g.ranking.iter().find(|l| &l.priority == p).map(|l| l.rank)
    };
    let same_order = raw
        .ranking
        .iter()
        .all(|l| place(equal, &l.priority) == Some(l.rank));
    Some(Finding::Weighting {
        same_order,
        flips,
        budget,
    })
}
