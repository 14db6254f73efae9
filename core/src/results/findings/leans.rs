//! Leans on goal conflicts: a sign test per readable group (or, with fewer than two, for
//! everyone) and conflict, Holm over all of them.

use super::{Finding, Input, Lean, Side};
use crate::results::evidence::holm;

pub(super) fn conflicts(input: &Input, readable: &[usize], budget: f64) -> Vec<Finding> {
    let results = input.results;
    let mut findings: Vec<Finding> = input
        .consultation
        .conflicts
        .iter()
        .filter_map(|c| results.conflicts.iter().find(|r| r.conflict == c.id))
        .filter(|r| r.overall.positions > 0)
        .map(|r| Finding::Conflict {
            conflict: r.conflict.clone(),
            overall: Lean::of(&r.overall),
            groups: if readable.len() < 2 {
                Vec::new()
            } else {
                r.groups
                    .iter()
                    .enumerate()
                    .filter(|(g, (_, s))| s.positions > 0 && readable.contains(g))
                    .map(|(_, (g, s))| (g.clone(), Lean::of(s)))
                    .collect()
            },
            budget,
        })
        .collect();
    // With groups to read, their leans are the claims (the briefing shows them, not the
    // overall one): the overall lean is tested only without them, so no share of the budget
    // goes to a claim nobody reads.
    let mut leans: Vec<&mut Lean> = findings
        .iter_mut()
        .flat_map(|f| match f {
            Finding::Conflict {
                overall, groups, ..
            } if groups.is_empty() => vec![overall],
            Finding::Conflict { groups, .. } => groups.iter_mut().map(|(_, l)| l).collect(),
            _ => Vec::new(),
        })
        .collect();
    let p_values: Vec<f64> = leans.iter().map(|l| l.p_value).collect();
    for (lean, leaning) in leans.iter_mut().zip(holm(&p_values, budget)) {
        if leaning {
            lean.side = if lean.left > lean.right {
                Side::Left
            } else {
                Side::Right
            };
        }
    }
    findings
}
