//! The lead: clear only when the leader is above every other goal beyond chance.

use super::{Finding, Input, LeadCertainty};
use crate::ids::PriorityId;
use crate::results::evidence::differences::View;

pub(super) fn lead(input: &Input, budget: f64) -> Option<Finding> {
    let overall = &input.results.overall;
    let first = overall.ranking.first()?;
    if overall.withheld || overall.responses == 0 {
        return None;
    }
    let index = |p: &PriorityId| input.consultation.priority_index(p.as_str());
    let leader = index(&first.priority)?;
    let groups = input.tally.groups();
    let view = View::weighted(groups, &vec![1.0; groups.len()]);
    let mut p_value: f64 = 0.0;
    let mut contenders = Vec::new();
    for line in overall.ranking.iter().skip(1) {
        let Some(other) = index(&line.priority) else {
            continue;
        };
        let d = view.difference(leader, other);
        // Tied or behind in the tally: no evidence of a lead at all.
        let p = if d.difference > 0.0 { d.p_value() } else { 1.0 };
        p_value = p_value.max(p);
        if p > budget {
            contenders.push(line.priority.clone());
        }
    }
    let runner_up = overall
        .ranking
        .get(1)
        .map(|l| (l.priority.clone(), overall.points(l).unwrap_or(50.0)));
    // A clear lead names the runner-up with its points already; the followers come after.
    let clear = contenders.is_empty();
    let followers = overall
        .ranking
        .iter()
        .skip(if clear { 2 } else { 1 })
        .filter(|l| !contenders.contains(&l.priority))
        .take(2)
        .map(|l| l.priority.clone())
        .collect();
    Some(Finding::Lead {
        leader: first.priority.clone(),
        certainty: if clear {
            LeadCertainty::Clear
        } else {
            LeadCertainty::NearTie
        },
        contenders,
        followers,
        points: overall.points(first).unwrap_or(50.0),
        runner_up,
        p_value,
        budget,
    })
}
