//! The p-values the tests need: Student's t (of which the normal is the limit) and the
//! binomial sign test, both through the regularised incomplete beta function.

/// Above this many degrees of freedom the t distribution is read as the normal (the two
/// differ by less than 0.1 % of a p-value there).
const NORMAL_FROM_DF: f64 = 2000.0;

/// Two-sided p-value of `t` with `df` degrees of freedom: the chance of a value at least as
/// far from 0 when the true difference is 0.
pub fn t_two_sided(t: f64, df: f64) -> f64 {
    if !t.is_finite() {
        return if t.is_nan() { 1.0 } else { 0.0 };
    }
    if df >= NORMAL_FROM_DF {
        return erfc(t.abs() / std::f64::consts::SQRT_2).min(1.0);
    }
    let df = df.max(1.0);
    incomplete_beta(df / 2.0, 0.5, df / (df + t * t)).clamp(0.0, 1.0)
}

/// Two-sided p-value of the sign test: `k` of `m` on one side when either side is as likely.
pub fn sign_test(k: u64, m: u64) -> f64 {
    if m == 0 {
        return 1.0;
    }
    let larger = k.max(m - k);
    if larger * 2 == m {
        return 1.0;
    }
    // P(X ≥ larger) for X ~ Bin(m, ½) is I_½(larger, m − larger + 1).
    let tail = incomplete_beta(larger as f64, (m - larger + 1) as f64, 0.5);
    (2.0 * tail).clamp(0.0, 1.0)
}

/// The complementary error function (Numerical Recipes' Chebyshev fit, relative error below
/// 1.2 × 10⁻⁷ everywhere).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 correct digits).
pub fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, &g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularised incomplete beta function `I_x(a, b)`.
pub fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    // The continued fraction converges fast on this side; the other side by symmetry.
    if x < (a + 1.0) / (a + b + 2.0) {
        front * continued_fraction(a, b, x) / a
    } else {
        1.0 - front * continued_fraction(b, a, 1.0 - x) / b
    }
}

/// The continued fraction of the incomplete beta function (modified Lentz).
fn continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-14;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let away_from_zero = |v: f64| if v.abs() < TINY { TINY } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / away_from_zero(1.0 - qab * x / qap);
    let mut h = d;
    // One Lentz step with the coefficient `aa`: the factor it multiplies `h` by.
    let mut step = |aa: f64| {
        d = 1.0 / away_from_zero(1.0 + aa * d);
        c = away_from_zero(1.0 + aa / c);
        d * c
    };
    // Enough for a and b up to several million (the iterations needed grow like √max(a, b)).
    for m in 1..=20_000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        h *= step(m * (b - m) * x / ((qam + m2) * (a + m2)));
        let delta = step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)));
        h *= delta;
        if (delta - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) {
        assert!((a - b).abs() <= tolerance, "{a} is not {b}");
    }

    #[test]
    fn the_normal_tails_match_the_tables() {
        close(erfc(0.0), 1.0, 1e-7);
        // Two-sided p of z = 1.96 and 2.576.
        close(t_two_sided(1.959_964, 1e6), 0.05, 1e-6);
        close(t_two_sided(-2.575_829, 1e6), 0.01, 1e-6);
        close(t_two_sided(0.0, 1e6), 1.0, 1e-7);
    }

    #[test]
    fn the_t_tails_match_the_tables() {
        // t₀.₉₇₅ with 9 degrees of freedom is 2.262; with 1, 12.706; with 30, 2.042.
        close(t_two_sided(2.262_157, 9.0), 0.05, 1e-6);
        close(t_two_sided(12.706_205, 1.0), 0.05, 1e-6);
        close(t_two_sided(-2.042_272, 30.0), 0.05, 1e-6);
        close(t_two_sided(0.0, 5.0), 1.0, 1e-12);
        assert_eq!(t_two_sided(f64::INFINITY, 5.0), 0.0);
        assert_eq!(t_two_sided(f64::NAN, 5.0), 1.0);
    }

    #[test]
    fn the_sign_test_is_the_exact_binomial() {
        // 9 of 10 on one side: 2 × (10 + 1) / 1024.
        close(sign_test(9, 10), 22.0 / 1024.0, 1e-12);
        close(sign_test(1, 10), 22.0 / 1024.0, 1e-12);
        close(sign_test(10, 10), 2.0 / 1024.0, 1e-12);
        assert_eq!(sign_test(5, 10), 1.0);
        assert_eq!(sign_test(0, 0), 1.0);
        // Large counts agree with the normal approximation with continuity correction.
        let (k, m) = (51_000u64, 100_000u64);
        let z = ((k as f64 - 0.5) - m as f64 / 2.0) / (m as f64 / 4.0).sqrt();
        close(sign_test(k, m), erfc(z / std::f64::consts::SQRT_2), 1e-6);
    }
}
