//! Where stakeholder groups agree and where they pull apart.
//!
//! - **Kendall's tau-b** between two groups' Borda scores: +1 the same order, −1 the reverse,
//!   around 0 unrelated; tau-b corrects for ties. `None` when a group has all priorities tied
//!   (for example no responses).
//! - **Consensus priorities**: in the upper half (rank ≤ ⌈n/2⌉) of every readable group, when
//!   there are at least two (one group's upper half is no consensus).
//! - **Divisive priorities**: the largest spread between a priority's best and worst rank
//!   across readable groups.

/// Kendall's tau-b of two score vectors (higher is better).
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    let (mut concordant, mut discordant, mut ties_x, mut ties_y) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for j in i + 1..n {
            let dx = x[i] - x[j];
            let dy = y[i] - y[j];
            let tx = dx.abs() < 1e-9;
            let ty = dy.abs() < 1e-9;
            match (tx, ty) {
                (true, true) => {}
                (true, false) => ties_x += 1,
                (false, true) => ties_y += 1,
                (false, false) if (dx > 0.0) == (dy > 0.0) => concordant += 1,
                (false, false) => discordant += 1,
            }
        }
    }
    let denominator =
        (((concordant + discordant + ties_x) * (concordant + discordant + ties_y)) as f64).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) as f64 / denominator)
}

/// Indices of priorities ranked in the upper half by every group in `ranks` (one rank vector
/// per readable group); empty with fewer than two groups.
pub fn consensus(ranks: &[Vec<u32>], n: usize) -> Vec<usize> {
    if ranks.len() < 2 {
        return Vec::new();
    }
    let upper = n.div_ceil(2) as u32;
    (0..n)
        .filter(|&p| ranks.iter().all(|r| r[p] <= upper))
        .collect()
}

/// `(priority, spread)` for every priority with a positive spread of ranks across at least two
/// groups, largest spread first (ties in definition order).
pub fn spreads(ranks: &[Vec<u32>], n: usize) -> Vec<(usize, u32)> {
    if ranks.len() < 2 {
        return Vec::new();
    }
    let mut spreads: Vec<(usize, u32)> = (0..n)
        .map(|p| {
            let best = ranks.iter().map(|r| r[p]).min().unwrap_or(0);
            let worst = ranks.iter().map(|r| r[p]).max().unwrap_or(0);
            (p, worst - best)
        })
        .filter(|&(_, s)| s > 0)
        .collect();
    spreads.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    spreads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_b_is_one_for_the_same_order_and_minus_one_for_the_reverse() {
        let x = [3.0, 2.0, 1.0, 0.0];
        assert_eq!(kendall_tau_b(&x, &[30.0, 20.0, 10.0, 0.0]), Some(1.0));
        assert_eq!(kendall_tau_b(&x, &[0.0, 1.0, 2.0, 3.0]), Some(-1.0));
        assert_eq!(kendall_tau_b(&x, &[0.0, 0.0, 0.0, 0.0]), None);
    }

    #[test]
    fn tau_b_corrects_for_ties() {
        // Pairs: (0,1) tied in y; the other five concordant.
        let tau = kendall_tau_b(&[4.0, 3.0, 2.0, 1.0], &[3.0, 3.0, 2.0, 1.0]).unwrap();
        let expected = 5.0 / (6.0f64 * 5.0).sqrt();
        assert!((tau - expected).abs() < 1e-12);
    }

    #[test]
    fn consensus_needs_the_upper_half_everywhere_and_spread_finds_the_split() {
        let ranks = vec![vec![1, 2, 3, 4], vec![2, 4, 1, 3]];
        assert_eq!(consensus(&ranks, 4), vec![0]);
        assert_eq!(spreads(&ranks, 4), vec![(1, 2), (2, 2), (0, 1), (3, 1)]);
    }
}
