//! The calls' start times as a column of 4 bytes a call where it can be:
//! exports give starts to the second, so while every start is a whole
//! second within 68 years of 2000 the column holds seconds from 2000 as
//! `i32`; the first start that is not (a millisecond part, a year far off)
//! widens it to milliseconds as `i64`. Either way it reads back the same
//! [`Timestamp`]s.

use super::column::move_onto;
use super::time::Timestamp;

/// 2000-01-01 00:00 wall time, in milliseconds since 1970.
const EPOCH_MS: i64 = 946_684_800_000;

/// Start times (see the module docs).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Starts {
    /// Whole seconds since 2000-01-01 00:00.
    Seconds(#[serde(with = "super::column_bytes")] Vec<i32>),
    /// Milliseconds since 1970-01-01 00:00.
    Millis(#[serde(with = "super::column_bytes")] Vec<i64>),
}

impl Default for Starts {
    fn default() -> Self {
        Starts::Seconds(Vec::new())
    }
}

/// Equal when they hold the same times, however stored.
impl PartialEq for Starts {
    fn eq(&self, other: &Starts) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// Equal to a list of times when it holds them.
impl PartialEq<[Timestamp]> for Starts {
    fn eq(&self, other: &[Timestamp]) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().copied())
    }
}

/// Equal to a list of times when it holds them.
impl PartialEq<Vec<Timestamp>> for Starts {
    fn eq(&self, other: &Vec<Timestamp>) -> bool {
        *self == **other
    }
}

/// Equal to a list of times when it holds them.
impl<const N: usize> PartialEq<[Timestamp; N]> for Starts {
    fn eq(&self, other: &[Timestamp; N]) -> bool {
        *self == other[..]
    }
}

/// `t` as seconds since 2000, when it is a whole second that fits.
fn seconds(t: Timestamp) -> Option<i32> {
    if t % 1000 != 0 {
        return None;
    }
    i32::try_from((t - EPOCH_MS) / 1000).ok()
}

fn millis(s: i32) -> Timestamp {
    EPOCH_MS + i64::from(s) * 1000
}

impl Starts {
    /// Starts from a list of times.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::Starts;
    /// let starts = Starts::from_times(&[1_762_160_400_000, 1_762_160_400_001]);
    /// assert_eq!(starts.at(1), 1_762_160_400_001);
    /// assert_eq!(starts.iter().count(), 2);
    /// ```
    pub fn from_times(times: &[Timestamp]) -> Starts {
        let mut starts = Starts::default();
        for &t in times {
            starts.push(t);
        }
        starts
    }

    /// Number of starts.
    pub fn len(&self) -> usize {
        match self {
            Starts::Seconds(v) => v.len(),
            Starts::Millis(v) => v.len(),
        }
    }

    /// Whether there is no start.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Start `i` (panics when out of range, like slice indexing).
    pub fn at(&self, i: usize) -> Timestamp {
        match self {
            Starts::Seconds(v) => millis(v[i]),
            Starts::Millis(v) => v[i],
        }
    }

    /// Start `i`, `None` when out of range.
    pub fn get(&self, i: usize) -> Option<Timestamp> {
        match self {
            Starts::Seconds(v) => v.get(i).map(|&s| millis(s)),
            Starts::Millis(v) => v.get(i).copied(),
        }
    }

    /// Every start, in order.
    pub fn iter(&self) -> impl Iterator<Item = Timestamp> + '_ {
        let (secs, ms): (&[i32], &[i64]) = match self {
            Starts::Seconds(v) => (v, &[]),
            Starts::Millis(v) => (&[], v),
        };
        secs.iter().map(|&s| millis(s)).chain(ms.iter().copied())
    }

    /// The same starts as milliseconds (from now on).
    fn widen(&mut self) -> &mut Vec<i64> {
        if let Starts::Seconds(v) = self {
            let wide = v.iter().map(|&s| millis(s)).collect();
            *self = Starts::Millis(wide);
        }
        match self {
            Starts::Millis(v) => v,
            // Widened just above.
            Starts::Seconds(_) => unreachable!("starts widened"),
        }
    }

    /// Appends a start.
    pub fn push(&mut self, t: Timestamp) {
        match (&mut *self, seconds(t)) {
            (Starts::Seconds(v), Some(s)) => v.push(s),
            _ => self.widen().push(t),
        }
    }

    /// Appends a start given as whole seconds since 2000 (as
    /// [`Starts::Seconds`] holds them).
    pub(super) fn push_seconds(&mut self, s: i32) {
        match self {
            Starts::Seconds(v) => v.push(s),
            Starts::Millis(v) => v.push(millis(s)),
        }
    }

    /// Replaces start `i` (nothing when out of range).
    pub fn set(&mut self, i: usize, t: Timestamp) {
        if i >= self.len() {
            return;
        }
        match (&mut *self, seconds(t)) {
            (Starts::Seconds(v), Some(s)) => v[i] = s,
            _ => self.widen()[i] = t,
        }
    }

    /// Appends the starts of `other`.
    pub fn append(&mut self, other: &Starts) {
        match (&mut *self, other) {
            (Starts::Seconds(v), Starts::Seconds(o)) => v.extend_from_slice(o),
            _ => self.widen().extend(other.iter()),
        }
    }

    /// [`Starts::append`] of starts no longer needed (freed once moved).
    pub fn absorb(&mut self, other: Starts) {
        match (&mut *self, other) {
            (Starts::Seconds(v), Starts::Seconds(o)) => move_onto(v, o, |s| s),
            (_, Starts::Seconds(o)) => move_onto(self.widen(), o, millis),
            (_, Starts::Millis(o)) => move_onto(self.widen(), o, |t| t),
        }
    }

    /// Makes room for `additional` more starts, as far as memory allows.
    pub fn reserve(&mut self, additional: usize) {
        let _ = match self {
            Starts::Seconds(v) => v.try_reserve_exact(additional),
            Starts::Millis(v) => v.try_reserve_exact(additional),
        };
    }

    /// Frees the room reserved beyond the starts held.
    pub fn shrink_to_fit(&mut self) {
        match self {
            Starts::Seconds(v) => v.shrink_to_fit(),
            Starts::Millis(v) => v.shrink_to_fit(),
        }
    }

    /// Bytes held on the heap, for memory figures.
    pub fn heap_bytes(&self) -> usize {
        match self {
            Starts::Seconds(v) => v.capacity() * 4,
            Starts::Millis(v) => v.capacity() * 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Timestamp = 1_762_160_400_000; // 2025-11-03 09:00

    #[test]
    fn whole_seconds_stay_narrow_and_anything_else_widens() {
        let mut s = Starts::from_times(&[T, T + 1000, EPOCH_MS - 1000]);
        assert!(matches!(s, Starts::Seconds(_)));
        s.push(T + 1);
        assert!(matches!(s, Starts::Millis(_)));
        assert_eq!(
            s.iter().collect::<Vec<_>>(),
            [T, T + 1000, EPOCH_MS - 1000, T + 1]
        );
        let far = EPOCH_MS + (i64::from(i32::MAX) + 1) * 1000;
        for odd in [far, -EPOCH_MS - far, T - 999] {
            let s = Starts::from_times(&[T, odd]);
            assert!(matches!(s, Starts::Millis(_)), "{odd}");
            assert_eq!((s.at(0), s.at(1), s.get(2)), (T, odd, None));
        }
    }

    #[test]
    fn set_append_and_absorb_keep_the_times() {
        let mut s = Starts::from_times(&[T, T + 1000]);
        s.set(1, T + 5);
        s.set(9, T);
        assert_eq!(s, Starts::from_times(&[T, T + 5]));
        let narrow = Starts::from_times(&[T + 2000]);
        let wide = Starts::from_times(&[T + 3]);
        let mut a = Starts::from_times(&[T]);
        a.append(&narrow);
        a.append(&wide);
        let mut b = Starts::from_times(&[T]);
        b.absorb(narrow);
        b.absorb(wide);
        let want = [T, T + 2000, T + 3];
        assert_eq!(a.iter().collect::<Vec<_>>(), want);
        assert_eq!(b, a);
        let mut c = Starts::from_times(&[T + 1]);
        c.absorb(Starts::from_times(&[T]));
        assert_eq!(c.iter().collect::<Vec<_>>(), [T + 1, T]);
    }

    #[test]
    fn starts_travel_as_they_are() {
        for s in [
            Starts::from_times(&[T, T + 1000]),
            Starts::from_times(&[T, 1]),
        ] {
            let bytes = postcard::to_allocvec(&s).expect("written");
            let back: Starts = postcard::from_bytes(&bytes).expect("read");
            assert_eq!(back, s);
            assert_eq!(std::mem::discriminant(&back), std::mem::discriminant(&s));
        }
    }
}
