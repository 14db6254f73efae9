//! From pairwise matrices to rankings: symmetric Borda and Schulze.
//!
//! - **Symmetric Borda**: a priority's score is the sum of its margins against every other
//!   priority, `Σ_b (d[a][b] − d[b][a])`: the number of times it was placed above another
//!   priority minus the number of times it was placed below one. With complete rankings this is
//!   an affine transform of classic Borda points; with partial rankings and unshown items it
//!   follows the ballot semantics of [`crate::tally`] exactly. Equal scores share a rank
//!   (1, 2, 2, 4, …).
//! - **Schulze** (beat-path on margins): the strength of a direct link `a → b` is the margin
//!   `d[a][b] − d[b][a]` when positive; the strength of a path is its weakest link; `a` beats `b`
//!   when the strongest path from `a` to `b` is stronger than the strongest from `b` to `a`. The
//!   order lists priorities by the number of others they beat. **Tie rule**: priorities that beat
//!   equally many are ordered by Borda score, then by their position in the consultation's
//!   definition, so the order is deterministic.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::consultation::Consultation;
use crate::ids::{GroupId, PriorityId, Slug};
use crate::tally::{PairwiseMatrix, Tally};

/// The results of one consultation, overall and per stakeholder group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Results {
    pub consultation: Slug,
    /// Number of responses counted.
    pub total: u64,
    pub overall: GroupResults,
    /// Per group, in the consultation's order; serialised as an object keyed by group id.
    #[serde(with = "ordered_map")]
    pub groups: Vec<(GroupId, GroupResults)>,
}

/// The ranking of one group (or of everyone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupResults {
    pub responses: u64,
    /// Best first, by symmetric Borda score.
    pub ranking: Vec<RankedPriority>,
    /// Priority ids in Schulze order, best first.
    pub schulze: Vec<PriorityId>,
}

/// One line of a ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedPriority {
    pub priority: PriorityId,
    pub borda: i64,
    /// 1 is best; equal scores share a rank.
    pub rank: u32,
}

/// Symmetric Borda scores, indexed like the matrix.
pub fn borda(m: &PairwiseMatrix) -> Vec<i64> {
    (0..m.len())
        .map(|a| (0..m.len()).map(|b| m.margin(a, b)).sum())
        .collect()
}

/// Priority indices in Schulze order, best first, ties broken as the module docs say.
pub fn schulze_order(m: &PairwiseMatrix, borda: &[i64]) -> Vec<usize> {
    let n = m.len();
    let mut p = vec![0i64; n * n];
    for a in 0..n {
        for b in 0..n {
            if a != b {
                p[a * n + b] = m.margin(a, b).max(0);
            }
        }
    }
    for k in 0..n {
        for a in (0..n).filter(|&a| a != k) {
            let ak = p[a * n + k];
            if ak == 0 {
                continue;
            }
            for b in (0..n).filter(|&b| b != a && b != k) {
                let via = ak.min(p[k * n + b]);
                if via > p[a * n + b] {
                    p[a * n + b] = via;
                }
            }
        }
    }
    let wins: Vec<usize> = (0..n)
        .map(|a| (0..n).filter(|&b| p[a * n + b] > p[b * n + a]).count())
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        wins[b]
            .cmp(&wins[a])
            .then(borda[b].cmp(&borda[a]))
            .then(a.cmp(&b))
    });
    order
}

impl GroupResults {
    /// Rankings of one matrix over `responses` ballots.
    pub fn compute(consultation: &Consultation, m: &PairwiseMatrix, responses: u64) -> Self {
        let scores = borda(m);
        let mut order: Vec<usize> = (0..m.len()).collect();
        order.sort_by(|&a, &b| scores[b].cmp(&scores[a]).then(a.cmp(&b)));
        let mut ranking = Vec::with_capacity(order.len());
        for (position, &i) in order.iter().enumerate() {
            let rank = match ranking.last() {
                Some(RankedPriority { borda, rank, .. }) if *borda == scores[i] => *rank,
                _ => position as u32 + 1,
            };
            ranking.push(RankedPriority {
                priority: consultation.priorities[i].id.clone(),
                borda: scores[i],
                rank,
            });
        }
        let schulze = schulze_order(m, &scores)
            .into_iter()
            .map(|i| consultation.priorities[i].id.clone())
            .collect();
        Self {
            responses,
            ranking,
            schulze,
        }
    }
}

impl Results {
    pub fn compute(consultation: &Consultation, tally: &Tally) -> Self {
        let groups = consultation
            .groups
            .iter()
            .zip(tally.groups())
            .map(|(g, t)| {
                (
                    g.id.clone(),
                    GroupResults::compute(consultation, &t.matrix, t.ballots),
                )
            })
            .collect();
        Self {
            consultation: consultation.slug.clone(),
            total: tally.ballots(),
            overall: GroupResults::compute(consultation, &tally.overall(), tally.ballots()),
            groups,
        }
    }

    pub fn group(&self, id: &GroupId) -> Option<&GroupResults> {
        self.groups.iter().find(|(g, _)| g == id).map(|(_, r)| r)
    }
}

/// A list of pairs as a JSON object, keeping the list's order.
mod ordered_map {
    use super::*;
    use std::marker::PhantomData;

    pub fn serialize<S, K, V>(pairs: &[(K, V)], s: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        K: Serialize,
        V: Serialize,
    {
        let mut map = s.serialize_map(Some(pairs.len()))?;
        for (k, v) in pairs {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D, K, V>(d: D) -> Result<Vec<(K, V)>, D::Error>
    where
        D: Deserializer<'de>,
        K: Deserialize<'de>,
        V: Deserialize<'de>,
    {
        struct PairsVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<K, V> {
            type Value = Vec<(K, V)>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(pairs)
            }
        }
        d.deserialize_map(PairsVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::tests::sample;
    use crate::submission::Ballot;

    /// Adds `count` ballots of the full ranking `order` (letters `A`… = indices 0…).
    fn add(m: &mut PairwiseMatrix, count: usize, order: &str) {
        let ballot = Ballot {
            group: 0,
            ranking: order.bytes().map(|b| (b - b'A') as usize).collect(),
            unranked: vec![],
        };
        for _ in 0..count {
            m.add(&ballot);
        }
    }

    fn letters(order: &[usize]) -> String {
        order.iter().map(|&i| (b'A' + i as u8) as char).collect()
    }

    /// The 45-voter example from Schulze's description of his method (five candidates).
    fn schulze_example() -> PairwiseMatrix {
        let mut m = PairwiseMatrix::new(5);
        for (count, order) in [
            (5, "ACBED"),
            (5, "ADECB"),
            (8, "BEDAC"),
            (3, "CABED"),
            (7, "CAEBD"),
            (2, "CBADE"),
            (7, "DCEBA"),
            (8, "EBADC"),
        ] {
            add(&mut m, count, order);
        }
        m
    }

    #[test]
    fn schulze_worked_example_orders_e_a_c_b_d() {
        let m = schulze_example();
        assert_eq!(letters(&schulze_order(&m, &borda(&m))), "EACBD");
    }

    #[test]
    fn borda_and_schulze_can_disagree_on_the_worked_example() {
        let m = schulze_example();
        assert_eq!(borda(&m), vec![16, 4, -2, -42, 24]);
    }

    /// The classic "capital of Tennessee" profile (per 100 voters): Memphis 42 %,
    /// Nashville 26 %, Chattanooga 15 %, Knoxville 17 %. Classic Borda points are
    /// 126 / 194 / 173 / 107; symmetric Borda is 2·points − 3·100.
    #[test]
    fn borda_worked_example_tennessee() {
        let mut m = PairwiseMatrix::new(4);
        // A = Memphis, B = Nashville, C = Chattanooga, D = Knoxville
        add(&mut m, 42, "ABCD");
        add(&mut m, 26, "BCDA");
        add(&mut m, 15, "CDBA");
        add(&mut m, 17, "DCBA");
        assert_eq!(borda(&m), vec![-48, 88, 46, -86]);
        assert_eq!(letters(&schulze_order(&m, &borda(&m))), "BCDA");
    }

    #[test]
    fn equal_scores_share_a_rank_and_schulze_ties_follow_definition_order() {
        let c = sample(3, true);
        let m = PairwiseMatrix::new(3);
        let r = GroupResults::compute(&c, &m, 0);
        assert!(r.ranking.iter().all(|p| p.rank == 1));
        let ids: Vec<_> = r.schulze.iter().map(|p| p.as_str()).collect();
        assert_eq!(ids, ["p0", "p1", "p2"]);
    }

    #[test]
    fn results_serialise_groups_as_an_object_in_definition_order() {
        let c = sample(3, true);
        let mut t = Tally::new(2, 3);
        t.add(&Ballot {
            group: 1,
            ranking: vec![2],
            unranked: vec![0, 1],
        });
        let results = Results::compute(&c, &t);
        let json = serde_json::to_value(&results).unwrap();
        assert_eq!(json["total"], 1);
        assert_eq!(json["groups"]["b"]["responses"], 1);
        assert_eq!(json["groups"]["a"]["responses"], 0);
        assert_eq!(json["groups"]["b"]["ranking"][0]["priority"], "p2");
        assert_eq!(json["groups"]["b"]["ranking"][0]["borda"], 2);
        assert_eq!(json["groups"]["b"]["ranking"][1]["rank"], 2);
        assert_eq!(json["groups"]["b"]["ranking"][2]["rank"], 2);
        let back: Results = serde_json::from_value(json).unwrap();
        assert_eq!(back, results);
    }
}
