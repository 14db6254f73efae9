//! Aggregation benchmarks: `cargo bench -p mitreden-core --bench aggregation`.
//! Figures and the machine they were measured on are in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use mitreden_core::ballot::Ballot;
use mitreden_core::results::{bootstrap::bootstrap, ResultsOptions};
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

/// `count` ballots: most rank all 20 priorities, every fourth ranks only the first 5.
fn ballots(count: usize, seed: u64) -> Vec<Ballot> {
    let mut rng = Rng(seed);
    (0..count)
        .map(|i| {
            let mut order: Vec<usize> = (0..PRIORITIES).collect();
            for j in (1..PRIORITIES).rev() {
                order.swap(j, (rng.next() % (j as u64 + 1)) as usize);
            }
            let ranked = if i % 4 == 0 { 5 } else { PRIORITIES };
            Ballot::new(i % GROUPS, PRIORITIES, &order[..ranked], &order[ranked..])
        })
        .collect()
}

fn consultation() -> Consultation {
    let text = |s: &str| serde_json::json!({ "de": s, "en": s });
    serde_json::from_value(serde_json::json!({
        "slug": "bench",
        "title": text("Bench"),
        "description": text("Bench"),
        "languages": ["de"],
        "status": "open",
        "groups": (0..GROUPS).map(|g| serde_json::json!({ "id": format!("g{g}"), "label": text("G") })).collect::<Vec<_>>(),
        "priorities": (0..PRIORITIES).map(|p| serde_json::json!({
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
        "add 1,000,000 ballots into the full tally (matrices, mean ranks, rankings for resampling)",
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

fn compute_results(c: &mut Criterion) {
    let consultation = consultation();
    let mut tally = Tally::for_consultation(&consultation);
    for ballot in ballots(10_000, 2) {
        tally.add(&ballot);
    }
    let mut group = c.benchmark_group("results");
    let no_bootstrap = ResultsOptions {
        resamples: 0,
        ..ResultsOptions::default()
    };
    group.bench_function("all results, 20 priorities, 5 groups, no bootstrap", |b| {
        b.iter(|| black_box(Results::compute(&consultation, &tally, &no_bootstrap)))
    });
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    let mut all = mitreden_core::Rankings::default();
    for g in tally.groups() {
        for (ranks, count) in &g.rankings {
            *all.entry(ranks.clone()).or_insert(0) += count;
        }
    }
    assert_eq!(all.values().sum::<u64>(), 10_000);
    group.bench_function("bootstrap, 1,000 resamples of 10,000 ballots", |b| {
        b.iter(|| black_box(bootstrap(&[&all], PRIORITIES, 1000, 7, 0.9, 3).overall))
    });
    // Many ballots sharing few rankings: 150,000 ballots, 48 distinct top-3 to top-8 rankings
    // of 8 priorities (the shape scripts/load-bench.sh sends).
    let mut shared = mitreden_core::Rankings::default();
    for i in 0..150_000usize {
        let ranked = 3 + i % 6;
        let order: Vec<usize> = (0..8).map(|p| (p + i / 6 % 8) % 8).collect();
        let ballot = Ballot::new(0, 8, &order[..ranked], &order[ranked..]);
        *shared.entry(ballot.ranks.into_boxed_slice()).or_insert(0) += 1;
    }
    assert_eq!(shared.len(), 48);
    group.bench_function(
        "bootstrap, 1,000 resamples of 150,000 ballots, 48 rankings",
        |b| b.iter(|| black_box(bootstrap(&[&shared], 8, 1000, 7, 0.9, 3).overall)),
    );
    let defaults = ResultsOptions::default();
    group.bench_function(
        "all results with the bootstrap (per group and overall), 10,000 ballots",
        |b| b.iter(|| black_box(Results::compute(&consultation, &tally, &defaults))),
    );
    group.finish();
}

criterion_group!(benches, add_to_matrices, compute_results);
criterion_main!(benches);
