use super::*;
use crate::ballot::Ballot;
use crate::tally::ScoreMoments;

fn options(resamples: u32, seed: u64, k: usize) -> ResultsOptions {
    ResultsOptions {
        resamples,
        seed,
        top_k: k,
    }
}

/// A tally of one group per entry, each entry its ballots as (ranking best first, times).
fn tally(n: usize, groups: &[&[(&[usize], usize)]]) -> Tally {
    let mut t = Tally::new(groups.len(), n, 0, 5);
    for (g, ballots) in groups.iter().enumerate() {
        for (ranking, times) in ballots.iter() {
            for _ in 0..*times {
                t.add(&Ballot::new(g, n, ranking, &[]));
            }
        }
    }
    t
}

#[test]
fn unanimous_ballots_give_certain_ranks() {
    let t = tally(3, &[&[(&[0, 1, 2], 50)]]);
    let u = Uncertainties::compute(&t, &[1.0], &options(200, 7, 1));
    let overall = u.overall.unwrap();
    assert_eq!(overall.top_k, vec![1.0, 0.0, 0.0]);
    assert_eq!(u.equal_weight, Some(overall));
    assert_eq!(u.responses, 50);
}

#[test]
fn a_close_race_gives_uncertain_chances_and_the_same_figures_for_the_same_seed() {
    // Small (exact) and large (normal): the lead is about half a standard error.
    for (ahead, behind) in [(11, 10), (1060, 1040)] {
        let size = ahead + behind;
        let t = tally(2, &[&[(&[0, 1], ahead), (&[1, 0], behind)]]);
        let u = Uncertainties::compute(&t, &[1.0], &options(500, 42, 1));
        let overall = u.overall.clone().unwrap();
        assert!(
            overall.top_k[0] > 0.4 && overall.top_k[0] < 0.9,
            "{size}: {overall:?}"
        );
        assert!(overall.top_k[1] > 0.1, "{size}: {overall:?}");
        assert_eq!(Uncertainties::compute(&t, &[1.0], &options(500, 42, 1)), u);
    }
}

#[test]
fn one_pass_gives_each_group_and_the_whole_and_skips_empty_groups() {
    // The first group is large (normal approximation), the last small (exact).
    let t = tally(3, &[&[(&[0, 1, 2], 300)], &[], &[(&[2, 1, 0], 10)]]);
    let u = Uncertainties::compute(&t, &[0.0, 0.0, 0.0], &options(300, 3, 1));
    let certain = |top: [f64; 3]| {
        Some(Uncertainty {
            top_k: top.to_vec(),
        })
    };
    assert_eq!(u.groups[0], certain([1.0, 0.0, 0.0]));
    assert_eq!(u.groups[1], None);
    assert_eq!(u.groups[2], certain([0.0, 0.0, 1.0]));
    // Together the 300 outweigh the 10 in every resample (groups keep their sizes).
    assert_eq!(u.overall, certain([1.0, 0.0, 0.0]));
    assert_eq!(u.equal_weight, None, "no group weighed");
    // Weighed equally (each as if it had the average 155 ballots), the two unanimous groups
    // cancel out in every resample: all three tie for first place.
    let u = Uncertainties::compute(&t, &[155.0 / 300.0, 0.0, 15.5], &options(300, 3, 1));
    assert_eq!(u.equal_weight, certain([1.0, 1.0, 1.0]));
}

#[test]
fn no_ballots_no_uncertainty() {
    let t = tally(2, &[&[]]);
    let u = Uncertainties::compute(&t, &[1.0], &options(100, 1, 1));
    assert_eq!((u.overall, u.equal_weight), (None, None));
}

/// Random numbers for the test data (not the resampling's).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Ballots as people give them: each group has its own taste (priority `a` is liked in
/// proportion to `taste^place`, the places a shuffle per group), every ballot ranks the first
/// 3 to `n` of an order drawn from that taste (Plackett–Luce) and leaves the rest unranked,
/// so with many priorities almost every ranking is unique.
fn realistic_ranks(n: usize, taste: f64, group: u64, count: usize) -> Vec<Box<[u8]>> {
    let mut rng = XorShift(0x9e37_79b9 ^ ((group + 1) * 0x1234_5678_9abc));
    let mut places: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        places.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let taste: Vec<f64> = places.iter().map(|&p| taste.powi(p as i32)).collect();
    (0..count)
        .map(|_| {
            let mut left: Vec<usize> = (0..n).collect();
            let mut order = Vec::with_capacity(n);
            while !left.is_empty() {
                let total: f64 = left.iter().map(|&a| taste[a]).sum();
                let mut pick = rng.unit() * total;
                let mut chosen = left.len() - 1;
                for (i, &a) in left.iter().enumerate() {
                    pick -= taste[a];
                    if pick <= 0.0 {
                        chosen = i;
                        break;
                    }
                }
                order.push(left.remove(chosen));
            }
            let ranked = 3 + (rng.next() % (n as u64 - 2)) as usize;
            Ballot::new(0, n, &order[..ranked], &order[ranked..])
                .ranks
                .into()
        })
        .collect()
}

fn moments(ranks: &[Box<[u8]>], n: usize) -> ScoreMoments {
    let mut m = ScoreMoments::new(n);
    ranks.iter().for_each(|r| m.add(r));
    m
}

/// Top-k chances at most `0.05` apart. With 4,000 resamples a top-k chance has a resampling
/// error of at most 0.008, so a difference of 0.05 is beyond four standard errors of the
/// difference: what remains is the approximation's.
fn assert_close(what: &str, exact: &Uncertainty, normal: &Uncertainty) {
    for (a, (e, m)) in exact.top_k.iter().zip(&normal.top_k).enumerate() {
        assert!(
            (e - m).abs() <= 0.05,
            "{what}, priority {a}: top-k exact {e}, normal {m}"
        );
    }
}

/// Compares both methods on groups of `sizes` ballots over `n` priorities.
fn exact_and_normal_agree(n: usize, taste: f64, sizes: &[usize]) {
    let ranks: Vec<Vec<Box<[u8]>>> = sizes
        .iter()
        .enumerate()
        .map(|(g, &size)| realistic_ranks(n, taste, g as u64, size))
        .collect();
    let exact: Vec<Option<Sampler>> = ranks
        .iter()
        .map(|r| Some(Sampler::Exact(Ballots::new(r, n))))
        .collect();
    let normal: Vec<Option<Sampler>> = ranks
        .iter()
        .map(|r| Some(Sampler::Normal(Normal::new(&moments(r, n), r.len() as u64))))
        .collect();
    let average = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
    let weights: Vec<f64> = sizes.iter().map(|&s| average / s as f64).collect();
    let options = options(4000, 11, 3.min(n - 1));
    let exact = Uncertainties::resample(&exact, &weights, n, &options, 0);
    let normal = Uncertainties::resample(&normal, &weights, n, &options, 0);
    for (g, (e, m)) in exact.groups.iter().zip(&normal.groups).enumerate() {
        let (e, m) = (e.as_ref().unwrap(), m.as_ref().unwrap());
        assert_close(&format!("{n} priorities, group {g} of {}", sizes[g]), e, m);
        // Not trivially close: the data leave real doubt about some places.
        assert!(e.top_k.iter().any(|&p| p > 0.1 && p < 0.9), "{e:?}");
    }
    let (e, m) = (exact.overall.unwrap(), normal.overall.unwrap());
    assert_close(&format!("{n} priorities, overall"), &e, &m);
    let (e, m) = (exact.equal_weight.unwrap(), normal.equal_weight.unwrap());
    assert_close(&format!("{n} priorities, equal weight"), &e, &m);
}

#[test]
fn the_normal_approximation_agrees_with_resampling_at_the_switch_point_and_above() {
    let at = EXACT_UP_TO as usize;
    // Many priorities: mostly unique rankings. Two groups at the switch point, one five times
    // as large.
    exact_and_normal_agree(20, 0.97, &[at, at, 5 * at]);
    // Few priorities: the scores of a ballot pull strongly against each other (they sum to
    // zero), so a covariance without its cross terms, or not centred, gives other chances.
    exact_and_normal_agree(5, 0.97, &[at, 3 * at]);
}

#[test]
fn a_group_switches_to_the_normal_approximation_above_the_switch_point() {
    let n = 5;
    let ranks = realistic_ranks(n, 0.97, 3, EXACT_UP_TO as usize + 1);
    let mut t = Tally::new(1, n, 0, 5);
    for r in &ranks[..EXACT_UP_TO as usize] {
        t.add(&Ballot {
            group: 0,
            ranks: r.to_vec(),
            marks: Vec::new(),
        });
    }
    assert!(matches!(
        Sampler::of(&t.groups()[0]),
        Some(Sampler::Exact(_))
    ));
    t.add(&Ballot {
        group: 0,
        ranks: ranks[EXACT_UP_TO as usize].to_vec(),
        marks: Vec::new(),
    });
    assert!(matches!(
        Sampler::of(&t.groups()[0]),
        Some(Sampler::Normal(_))
    ));
}

#[test]
fn resampled_scores_have_the_mean_and_covariance_the_normal_approximation_uses() {
    // What the approximation rests on: over exact resamples, the Borda scores have mean S and
    // covariance Q − S Sᵀ / N, cross terms included (few priorities: they are large) and
    // centred (a clear taste: the means are far from zero).
    let (n, size) = (5, 400);
    let ranks = realistic_ranks(n, 0.8, 7, size);
    let m = moments(&ranks, n);
    let model = crate::results::normal::covariance(&m, size as u64);
    let exact = Sampler::Exact(Ballots::new(&ranks, n));
    let (mut rng, mut room) = (SplitMix64(3), Room::new(n));
    let draws = 8000;
    let mut sums = vec![0.0; n];
    let mut products = vec![0.0; n * n];
    for _ in 0..draws {
        let scores = exact.draw(&mut rng, &mut room);
        for a in 0..n {
            sums[a] += scores[a];
            for b in 0..n {
                products[a * n + b] += scores[a] * scores[b];
            }
        }
    }
    let draws = f64::from(draws);
    let sd = |a: usize| model[a * n + a].sqrt();
    for a in 0..n {
        let mean = sums[a] / draws;
        assert!(
            (mean - m.sum()[a] as f64).abs() < 0.1 * sd(a),
            "mean {a}: {mean}"
        );
        for b in 0..n {
            let cov = products[a * n + b] / draws - mean * sums[b] / draws;
            let expected = model[a * n + b];
            let scale = sd(a) * sd(b);
            assert!(
                (cov - expected).abs() < 0.08 * scale,
                "covariance {a} {b}: resampled {cov:.1}, model {expected:.1}"
            );
        }
        // The cross terms matter here: each score pulls against the others.
        assert!((0..n).any(|b| b != a && model[a * n + b] < -0.15 * sd(a) * sd(b)));
    }
}
