//! Properties any fair count must have, checked on random profiles.

use mitreden_core::ballot::{Ballot, UNRANKED, UNSHOWN};
use mitreden_core::results::methods::Margins;
use mitreden_core::results::ResultsOptions;
use mitreden_core::{Consultation, GroupTally, PairwiseMatrix, Results, ScoreMoments, Tally};
use proptest::prelude::*;

const GROUPS: usize = 3;

/// A consultation with `n` priorities `p0…` and groups `g0…g2`.
fn consultation(n: usize) -> Consultation {
    let text = |s: &str| serde_json::json!({ "de": s, "en": s });
    let json = serde_json::json!({
        "slug": "prop",
        "title": text("Property"),
        "description": text("Property test"),
        "languages": ["de", "en"],
        "status": "open",
        "groups": (0..GROUPS).map(|g| serde_json::json!({ "id": format!("g{g}"), "label": text("G") })).collect::<Vec<_>>(),
        "priorities": (0..n).map(|p| serde_json::json!({
            "id": format!("p{p}"), "title": text("P"), "description": text("D")
        })).collect::<Vec<_>>(),
        "conflicts": [],
        "settings": { "partial_ranking": true, "results_after_submit": true, "min_group_size": 2 }
    });
    serde_json::from_value(json).unwrap()
}

/// A random ballot over `n` priorities: a random subset shown, a random prefix of a random
/// order of it ranked.
fn ballot(n: usize) -> impl Strategy<Value = Ballot> {
    (
        0..GROUPS,
        proptest::collection::vec((any::<bool>(), any::<u16>()), n),
        0..=n,
    )
        .prop_map(move |(group, items, ranked)| {
            let mut shown: Vec<(u16, usize)> = items
                .iter()
                .enumerate()
                .filter(|(_, (s, _))| *s)
                .map(|(i, (_, key))| (*key, i))
                .collect();
            shown.sort_unstable();
            let order: Vec<usize> = shown.iter().map(|(_, i)| *i).collect();
            let k = ranked.min(order.len());
            Ballot::new(group, n, &order[..k], &order[k..])
        })
}

fn profile() -> impl Strategy<Value = (usize, Vec<Ballot>)> {
    (2usize..7).prop_flat_map(|n| (Just(n), proptest::collection::vec(ballot(n), 0..40)))
}

fn tally(c: &Consultation, ballots: &[Ballot]) -> Tally {
    let mut t = Tally::for_consultation(c);
    for b in ballots {
        t.add(b);
    }
    t
}

fn margins(t: &GroupTally) -> Margins {
    let m = &t.matrix;
    Margins::from_counts(m.len(), |a, b| f64::from(m.get(a, b)))
}

fn options() -> ResultsOptions {
    ResultsOptions {
        resamples: 20,
        ..ResultsOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn anonymity_shuffling_ballots_changes_nothing(
        (n, ballots) in profile(),
        seed in any::<u64>(),
    ) {
        let c = consultation(n);
        let mut shuffled = ballots.clone();
        // A deterministic shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = Results::compute(&c, &tally(&c, &ballots), &options());
        let b = Results::compute(&c, &tally(&c, &shuffled), &options());
        prop_assert_eq!(a, b);
    }

    #[test]
    fn neutrality_renaming_priorities_permutes_the_result(
        (n, ballots) in profile(),
        rotation in 1usize..6,
    ) {
        // π(a) = (a + rotation) mod n
        let pi = |a: usize| (a + rotation) % n;
        let renamed: Vec<Ballot> = ballots
            .iter()
            .map(|b| {
                let mut ranks = vec![UNSHOWN; n];
                for (a, &r) in b.ranks.iter().enumerate() {
                    ranks[pi(a)] = r;
                }
                Ballot { ranks, ..b.clone() }
            })
            .collect();
        let c = consultation(n);
        let before = margins(&tally(&c, &ballots).overall());
        let after = margins(&tally(&c, &renamed).overall());
        let (borda, borda_after) = (before.borda(), after.borda());
        let (beats, beats_after) = (before.schulze_beats(), after.schulze_beats());
        for a in 0..n {
            prop_assert_eq!(borda[a], borda_after[pi(a)]);
            for b in 0..n {
                prop_assert_eq!(beats[a * n + b], beats_after[pi(a) * n + pi(b)]);
            }
        }
        let smith_after: Vec<usize> = {
            let mut s: Vec<usize> = before.smith_set().into_iter().map(pi).collect();
            s.sort_unstable();
            s
        };
        prop_assert_eq!(after.smith_set(), smith_after);
    }

    #[test]
    fn schulze_picks_the_condorcet_winner_whenever_there_is_one((n, ballots) in profile()) {
        let c = consultation(n);
        let m = margins(&tally(&c, &ballots).overall());
        if let Some(winner) = m.condorcet_winner() {
            prop_assert_eq!(m.schulze_order(&m.borda())[0], winner);
            prop_assert_eq!(m.smith_set(), vec![winner]);
        }
    }

    #[test]
    fn group_matrices_sum_to_the_overall_matrix((n, ballots) in profile()) {
        let c = consultation(n);
        let t = tally(&c, &ballots);
        let mut everyone = PairwiseMatrix::new(n);
        for b in &ballots {
            everyone.add(&b.ranks);
        }
        let overall = t.overall();
        prop_assert_eq!(&overall.matrix, &everyone);
        for a in 0..n {
            for b in 0..n {
                let sum: u32 = t.groups().iter().map(|g| g.matrix.get(a, b)).sum();
                prop_assert_eq!(sum, overall.matrix.get(a, b));
            }
        }
        prop_assert_eq!(overall.ballots, ballots.len() as u64);
    }

    #[test]
    fn incremental_counting_equals_a_full_recount(
        (n, ballots) in profile(),
        withdrawn in proptest::collection::vec(any::<bool>(), 40),
    ) {
        let c = consultation(n);
        // Add one by one, withdrawing some along the way…
        let mut running = Tally::for_consultation(&c);
        let mut kept = Vec::new();
        for (b, &withdraw) in ballots.iter().zip(&withdrawn) {
            running.add(b);
            if withdraw {
                running.remove(b);
            } else {
                kept.push(b.clone());
            }
        }
        // …and it is as if the withdrawn ones were never submitted.
        prop_assert_eq!(&running, &tally(&c, &kept));
        prop_assert_eq!(
            Results::compute(&c, &running, &options()),
            Results::compute(&c, &tally(&c, &kept), &options())
        );
    }

    #[test]
    fn withdrawal_equals_never_submitted((n, ballots) in profile(), extra in ballot(6)) {
        let c = consultation(n);
        let mut extra = extra;
        extra.ranks.truncate(n);
        extra.ranks.resize(n, UNSHOWN);
        // Re-rank compactly: places must stay 0..k among ranked items.
        let mut ranked: Vec<(u8, usize)> = extra.ranks.iter().enumerate()
            .filter(|(_, &r)| r < UNRANKED).map(|(i, &r)| (r, i)).collect();
        ranked.sort_unstable();
        for (place, (_, i)) in ranked.into_iter().enumerate() {
            extra.ranks[i] = place as u8;
        }
        let before = tally(&c, &ballots);
        let mut t = before.clone();
        t.add(&extra);
        t.remove(&extra);
        prop_assert_eq!(t, before);
    }

    #[test]
    fn items_not_shown_never_change_the_pair_counts_of_other_items(
        (n, ballots) in profile(),
        x_seed in any::<usize>(),
        x_status in 0u8..3,
    ) {
        let x = x_seed % n;
        let c = consultation(n);
        // The same ballots, but x shown differently wherever it was not shown.
        let changed: Vec<Ballot> = ballots
            .iter()
            .map(|b| {
                let mut b = b.clone();
                if b.ranks[x] == UNSHOWN {
                    b.ranks[x] = match x_status {
                        0 => UNSHOWN,
                        1 => UNRANKED,
                        // ranked last, below every ranked item
                        _ => b.ranked() as u8,
                    };
                }
                b
            })
            .collect();
        let a = tally(&c, &ballots).overall().matrix;
        let b = tally(&c, &changed).overall().matrix;
        for i in (0..n).filter(|&i| i != x) {
            for j in (0..n).filter(|&j| j != x) {
                prop_assert_eq!(a.get(i, j), b.get(i, j));
            }
        }
    }

    #[test]
    fn withdrawals_in_any_order_leave_the_tally_as_if_never_counted(
        (n, ballots) in profile(),
        withdrawn in proptest::collection::vec(any::<bool>(), 40),
        seed in any::<u64>(),
    ) {
        let c = consultation(n);
        let mut running = tally(&c, &ballots);
        let (mut gone, mut kept) = (Vec::new(), Vec::new());
        for (b, &withdraw) in ballots.iter().zip(&withdrawn) {
            if withdraw { gone.push(b.clone()) } else { kept.push(b.clone()) }
        }
        let mut state = seed | 1;
        for i in (1..gone.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            gone.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for b in &gone {
            running.remove(b);
        }
        prop_assert_eq!(running, tally(&c, &kept));
    }

    #[test]
    fn withdrawal_reverses_the_score_moments_exactly(
        (n, ballots) in (2usize..21).prop_flat_map(|n| {
            (Just(n), proptest::collection::vec(ballot(n), 0..300))
        }),
        withdrawn in proptest::collection::vec(any::<bool>(), 300),
    ) {
        let mut running = ScoreMoments::new(n);
        let mut kept = ScoreMoments::new(n);
        for (b, &withdraw) in ballots.iter().zip(&withdrawn) {
            running.add(&b.ranks);
            if !withdraw {
                kept.add(&b.ranks);
            }
        }
        for (b, _) in ballots.iter().zip(&withdrawn).filter(|(_, &w)| w).rev() {
            running.remove(&b.ranks);
        }
        prop_assert_eq!(running, kept);
    }
}
