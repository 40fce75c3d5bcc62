//! The generator's randomness: a seeded `SplitMix64` sequence and sampling
//! from piecewise-linear quantile tables. Only `+ − × ÷` and rounding are used
//! on floats, so the native CLI and the page (wasm) draw the same numbers.

/// A `SplitMix64` pseudo-random sequence.
#[derive(Clone, Debug)]
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A float in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A float in `[lo, hi)`.
    pub(crate) fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// `true` with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One of `items` (the first when empty is impossible: callers pass constants).
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index into `weights`, drawn in proportion to them.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut n = self.below(u64::from(total)) as u32;
        for (i, w) in weights.iter().enumerate() {
            if n < *w {
                return i;
            }
            n -= w;
        }
        0
    }

    /// A draw from the distribution whose quantile function is the
    /// piecewise-linear `table` of `(probability, value)` points (probabilities
    /// rising from 0 to 1).
    pub(crate) fn quantile(&mut self, table: &[(f64, f64)]) -> f64 {
        let u = self.unit();
        quantile_at(table, u)
    }
}

/// The value of the piecewise-linear quantile function `table` at `u`.
pub(crate) fn quantile_at(table: &[(f64, f64)], u: f64) -> f64 {
    for pair in table.windows(2) {
        let ((p0, v0), (p1, v1)) = (pair[0], pair[1]);
        if u <= p1 {
            let span = p1 - p0;
            return if span > 0.0 {
                v0 + (v1 - v0) * (u - p0) / span
            } else {
                v1
            };
        }
    }
    table.last().map_or(0.0, |p| p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_interpolates_between_points() {
        let table = [(0.0, 10.0), (0.5, 20.0), (1.0, 60.0)];
        for (u, want) in [
            (0.0, 10.0),
            (0.25, 15.0),
            (0.5, 20.0),
            (0.75, 40.0),
            (1.0, 60.0),
        ] {
            assert!((quantile_at(&table, u) - want).abs() < 1e-12, "{u}");
        }
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = Rng(1);
        for _ in 0..10_000 {
            assert!(rng.between(3, 7) >= 3 && rng.between(3, 7) <= 7);
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.weighted(&[0, 5, 0]) == 1);
        }
    }
}
