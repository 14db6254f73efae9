//! How often the briefing claims what is not there: simulated consultations under known truth
//! (see `mitreden_core::simulation`), each scenario run `RUNS` times, the table of
//! BENCHMARKS.md printed as Markdown.
//!
//! ```sh
//! cargo run --release -p mitreden-core --example briefing_errors [RUNS]
//! ```

use mitreden_core::simulation::{wilson, Claim, Model, Population, Report, Round, Scenario};

/// A conflict on which a fifth has no view and the others split evenly.
const WITH_NO_VIEW: [f64; 6] = [0.16, 0.16, 0.16, 0.16, 0.16, 0.2];

/// `n` goals with log-weights spread evenly from 0 to −1.5.
fn spread(n: usize) -> Vec<f64> {
    (0..n).map(|i| -1.5 * i as f64 / (n - 1) as f64).collect()
}

/// As [`spread`], the first two tied.
fn tied_top(n: usize) -> Vec<f64> {
    let mut w = spread(n);
    w[1] = w[0];
    w
}

fn same(population: Population, sizes: &[u64], name: String) -> Scenario {
    Scenario {
        name,
        populations: vec![population; sizes.len()],
        sizes: sizes.to_vec(),
        previous: None,
    }
}

fn percent(k: u64, n: u64) -> String {
    if n == 0 {
        return "–".into();
    }
    let (lo, hi) = wilson(k, n);
    format!(
        "{:.1} % [{:.1}–{:.1}]",
        100.0 * k as f64 / n as f64,
        100.0 * lo,
        100.0 * hi
    )
}

fn row(s: &Scenario, r: &Report) {
    let claim = |c: Claim| percent(r.false_claims(c), r.runs);
    println!(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        s.name,
        claim(Claim::ClearLead),
        claim(Claim::Lean),
        claim(Claim::ClearSplit),
        claim(Claim::Weighting),
        claim(Claim::CommonGround),
        claim(Claim::Move),
        claim(Claim::Consensus),
        percent(r.false_briefings, r.runs),
        percent(r.covered, r.intervals),
    );
}

fn main() {
    let runs: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(400);
    let mut scenarios = Vec::new();
    // Nothing there: every group from one population, the top two goals tied, conflicts split
    // evenly.
    for n in [10, 30, 100, 1000] {
        scenarios.push(same(
            Population::plackett_luce(tied_top(8), 2),
            &[n, n],
            format!("8 goals, top two tied; 2 groups × {n}; 2 even conflicts"),
        ));
    }
    scenarios.push(same(
        Population::plackett_luce(tied_top(8), 0),
        &[100, 100],
        "8 goals, top two tied; 2 groups × 100; no conflicts (their share goes to the lead)".into(),
    ));
    scenarios.push(same(
        Population::plackett_luce(vec![0.0; 8], 2),
        &[100, 100],
        "8 goals all tied; 2 groups × 100; 2 even conflicts".into(),
    ));
    let mut undecided = Population::plackett_luce(vec![0.0; 5], 3);
    undecided.conflicts = vec![WITH_NO_VIEW; 3];
    scenarios.push(same(
        undecided,
        &[10; 6],
        "5 goals all tied; 6 groups × 10; 3 even conflicts, a fifth without a view".into(),
    ));
    scenarios.push(same(
        Population::plackett_luce(tied_top(8), 5),
        &[100; 5],
        "8 goals, top two tied; 5 groups × 100; 5 even conflicts (the demo's shape)".into(),
    ));
    scenarios.push(same(
        Population::plackett_luce(spread(20), 2),
        &[30, 30],
        "20 goals spread; 2 groups × 30; 2 even conflicts".into(),
    ));
    scenarios.push(same(
        Population::plackett_luce(tied_top(8), 2),
        &[100, 10],
        "8 goals, top two tied; groups of 100 and 10; 2 even conflicts".into(),
    ));
    let mut partial = Population::plackett_luce(tied_top(20), 2);
    partial.ranked = Some(5);
    scenarios.push(same(
        partial,
        &[100, 100, 100],
        "20 goals, 5 ranked, top two tied; 3 groups × 100; 2 even conflicts".into(),
    ));
    let mut wide = Population::plackett_luce(tied_top(50), 2);
    wide.ranked = Some(10);
    scenarios.push(same(
        wide,
        &[1000, 1000],
        "50 goals, 10 ranked, top two tied; 2 groups × 1000; 2 even conflicts".into(),
    ));
    let mut mallows = Population::mallows((0..12).collect(), 0.8, 2);
    mallows.ranked = Some(6);
    scenarios.push(same(
        mallows,
        &[50; 4],
        "Mallows, 12 goals (φ 0.8), 6 ranked; 4 groups × 50; 2 even conflicts".into(),
    ));
    scenarios.push(same(
        Population::mallows((0..10).collect(), 0.9, 1),
        &[1000; 6],
        "Mallows, 10 goals (φ 0.9); 6 groups × 1000; 1 even conflict".into(),
    ));
    // Two rounds from one population: nothing moved.
    for (goals, n) in [(8, 100), (20, 30)] {
        let population = Population::plackett_luce(tied_top(goals), 2);
        let mut s = same(
            population.clone(),
            &[n, n],
            format!("{goals} goals, top two tied; 2 groups × {n}, a round before alike; 2 even conflicts"),
        );
        s.previous = Some(Round {
            populations: vec![population; 2],
            sizes: vec![n, n],
        });
        scenarios.push(s);
    }
    // Some effects real, the others not.
    let before = Population::plackett_luce(spread(8), 2);
    let mut risen = before.clone();
    if let Model::PlackettLuce(w) = &mut risen.model {
        w[5] += 1.0;
    }
    let mut s = same(
        risen,
        &[200, 200],
        "8 goals spread; 2 groups × 200, one goal risen since a round before of the same size; \
         2 even conflicts"
            .into(),
    );
    s.previous = Some(Round {
        populations: vec![before; 2],
        sizes: vec![200, 200],
    });
    scenarios.push(s);
    let mut lead = spread(8);
    lead[0] += 1.0;
    let mut leaning = Population::plackett_luce(lead, 3);
    leaning.conflicts[0] = [0.3, 0.25, 0.2, 0.15, 0.1, 0.0];
    scenarios.push(same(
        leaning,
        &[100, 100],
        "8 goals, a true lead; 2 groups × 100; 1 leaning and 2 even conflicts".into(),
    ));
    let base = Population::plackett_luce(tied_top(8), 2);
    let mut apart = base.clone();
    if let Model::PlackettLuce(w) = &mut apart.model {
        w[7] += 1.5;
    }
    scenarios.push(Scenario {
        name: "8 goals, top two tied; 3 groups × 100, one ranking the last goal far higher; \
               2 even conflicts"
            .into(),
        populations: vec![apart, base.clone(), base.clone()],
        sizes: vec![100, 100, 100],
        previous: None,
    });
    let mut turned = base.clone();
    if let Model::PlackettLuce(w) = &mut turned.model {
        w.swap(0, 2);
    }
    scenarios.push(Scenario {
        name: "8 goals, top two tied; groups of 300 and 30, the small one ranking goal 3 first; \
               2 even conflicts"
            .into(),
        populations: vec![base, turned],
        sizes: vec![300, 30],
        previous: None,
    });
    println!(
        "| scenario ({runs} runs each) | false clear lead | false lean | false clear split | \
         false weighting effect | false common ground | false move since the round before | legacy JSON `consensus` false (descriptive, \
         no promise) | false briefing | rank intervals holding the true place |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (i, s) in scenarios.iter().enumerate() {
        row(s, &s.run(runs, 1 + i as u64));
    }
    println!();
    // The statistician's lead: the top two of eight tied but for 0.2 more log-weight on the
    // first (it beats the second head to head 55 % of the time).
    println!(
        "| power: goal 1 raised by 0.2 above goal 2, 2 groups × n | clear lead found (true) |"
    );
    println!("|---|---|");
    for n in [50, 100, 200, 500, 1000] {
        let mut w = tied_top(8);
        w[0] += 0.2;
        let s = same(Population::plackett_luce(w, 0), &[n, n], format!("n = {n}"));
        let r = s.run(runs, 100 + n);
        let made = r
            .claims
            .iter()
            .find(|(c, _, _)| *c == Claim::ClearLead)
            .map_or(0, |(_, m, _)| *m);
        let found = made - r.false_claims(Claim::ClearLead);
        println!("| {} | {} |", s.name, percent(found, r.runs));
    }
}
