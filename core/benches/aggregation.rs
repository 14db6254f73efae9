//! Aggregation benchmarks: `cargo bench -p mitreden-core --bench aggregation`.
//! Figures and the machine they were measured on are in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use mitreden_core::ballot::Ballot;
use mitreden_core::results::uncertainty::Uncertainties;
use mitreden_core::results::{equal_weights, ResultsOptions};
use mitreden_core::{Consultation, PairwiseMatrix, Results, Tally};

const PRIORITIES: usize = 20;
const GROUPS: usize = 5;

/// xorshift64*: reproducible test data without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// `count` ballots over 20 priorities: most rank all of them, every fourth ranks only the
/// first 5 (so almost every ranking is unique).
fn ballots(count: usize, seed: u64) -> Vec<Ballot> {
    ballots_of(PRIORITIES, count, seed)
}

fn ballots_of(priorities: usize, count: usize, seed: u64) -> Vec<Ballot> {
    let mut rng = Rng(seed);
    (0..count)
        .map(|i| {
            let mut order: Vec<usize> = (0..priorities).collect();
            for j in (1..priorities).rev() {
                order.swap(j, (rng.next() % (j as u64 + 1)) as usize);
            }
            let ranked = if i % 4 == 0 { 5 } else { priorities };
            Ballot::new(i % GROUPS, priorities, &order[..ranked], &order[ranked..])
        })
        .collect()
}

fn consultation() -> Consultation {
    consultation_of(PRIORITIES)
}

fn consultation_of(priorities: usize) -> Consultation {
    let text = |s: &str| serde_json::json!({ "de": s, "en": s });
    serde_json::from_value(serde_json::json!({
        "slug": "bench",
        "title": text("Bench"),
        "description": text("Bench"),
        "languages": ["de"],
        "status": "open",
        "groups": (0..GROUPS).map(|g| serde_json::json!({ "id": format!("g{g}"), "label": text("G") })).collect::<Vec<_>>(),
        "priorities": (0..priorities).map(|p| serde_json::json!({
            "id": format!("p{p}"), "title": text("P"), "description": text("D")
        })).collect::<Vec<_>>(),
        "conflicts": [],
        "settings": { "partial_ranking": true, "results_after_submit": true }
    }))
    .unwrap()
}

fn add_to_matrices(c: &mut Criterion) {
    let data = ballots(1_000_000, 1);
    let mut group = c.benchmark_group("tally");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(
        "add 1,000,000 ballots of 20 priorities into the group matrices",
        |b| {
            b.iter(|| {
                let mut matrices = vec![PairwiseMatrix::new(PRIORITIES); GROUPS];
                for ballot in &data {
                    matrices[ballot.group].add(&ballot.ranks);
                }
                black_box(matrices)
            })
        },
    );
    group.bench_function(
        "add 1,000,000 ballots into the full tally (matrices, mean ranks, score moments)",
        |b| {
            let c = consultation();
            b.iter(|| {
                let mut tally = Tally::for_consultation(&c);
                for ballot in &data {
                    tally.add(ballot);
                }
                black_box(tally)
            })
        },
    );
    group.finish();
}

fn tally_of(consultation: &Consultation, ballots: &[Ballot]) -> Tally {
    let mut tally = Tally::for_consultation(consultation);
    for ballot in ballots {
        tally.add(ballot);
    }
    tally
}

fn compute_results(c: &mut Criterion) {
    let consultation = consultation();
    let million = tally_of(&consultation, &ballots(1_000_000, 2));
    let small = tally_of(&consultation, &ballots(1_000, 3));
    let options = ResultsOptions::default();
    let mut group = c.benchmark_group("results");
    group.bench_function(
        "rankings, rank intervals, agreement, conflicts, findings (no top-k chances), 1,000,000 ballots in 5 groups",
        |b| {
            b.iter(|| {
                black_box(Results::compute_with(
                    &consultation,
                    &million,
                    &options,
                    None,
                ))
            })
        },
    );
    let weights = equal_weights(&consultation, &million);
    group.bench_function(
        "uncertainty, 1,000 resamples, 1,000,000 ballots in 5 groups (normal approximation)",
        |b| b.iter(|| black_box(Uncertainties::compute(&million, &weights, &options))),
    );
    let weights = equal_weights(&consultation, &small);
    group.bench_function(
        "uncertainty, 1,000 resamples, 5 groups of 200 ballots (exact resampling)",
        |b| b.iter(|| black_box(Uncertainties::compute(&small, &weights, &options))),
    );
    group.finish();

    // The largest consultation allowed: 200 priorities.
    let wide = consultation_of(200);
    let tally = tally_of(&wide, &ballots_of(200, 10_000, 4));
    let weights = equal_weights(&wide, &tally);
    let mut group = c.benchmark_group("results, 200 priorities");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function(
        "rankings, rank intervals, agreement, findings (no top-k chances), 10,000 ballots",
        |b| b.iter(|| black_box(Results::compute_with(&wide, &tally, &options, None))),
    );
    group.bench_function("uncertainty, 1,000 resamples, 10,000 ballots", |b| {
        b.iter(|| black_box(Uncertainties::compute(&tally, &weights, &options)))
    });
    group.finish();
}

criterion_group!(benches, add_to_matrices, compute_results);
criterion_main!(benches);
