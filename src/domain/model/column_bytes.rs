//! A column as it travels between workers (serde `with`): its values packed
//! as fixed-width little-endian bytes in one byte string, so writing and
//! reading a part of a million rows is a copy, not a varint per value.

use std::marker::PhantomData;

use super::calls::{CallKind, CallStatus, Direction};
use super::interner::Sym;
use super::leads::LeadStatus;
use super::time::{Millis, Timestamp};

/// A value of a fixed width in bytes.
pub trait Fixed: Sized {
    /// Bytes per value.
    const WIDTH: usize;
    /// Writes the value's bytes into `out`, `WIDTH` long.
    fn write_to(&self, out: &mut [u8]);
    /// The value of `WIDTH` bytes (`None`: bytes no value writes).
    fn read_from(bytes: &[u8]) -> Option<Self>;
}

fn array<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    bytes.try_into().ok()
}

impl Fixed for Timestamp {
    const WIDTH: usize = 8;
    fn write_to(&self, out: &mut [u8]) {
        out.copy_from_slice(&self.to_le_bytes());
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        array(bytes).map(i64::from_le_bytes)
    }
}

impl Fixed for i32 {
    const WIDTH: usize = 4;
    fn write_to(&self, out: &mut [u8]) {
        out.copy_from_slice(&self.to_le_bytes());
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        array(bytes).map(i32::from_le_bytes)
    }
}

impl Fixed for Option<Timestamp> {
    const WIDTH: usize = 9;
    fn write_to(&self, out: &mut [u8]) {
        let mut b = [0; 9];
        b[0] = u8::from(self.is_some());
        b[1..].copy_from_slice(&self.unwrap_or(0).to_le_bytes());
        out.copy_from_slice(&b);
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        let (&tag, rest) = bytes.split_first()?;
        let value = array(rest).map(i64::from_le_bytes)?;
        match tag {
            0 => Some(None),
            1 => Some(Some(value)),
            _ => None,
        }
    }
}

impl Fixed for Millis {
    const WIDTH: usize = 4;
    fn write_to(&self, out: &mut [u8]) {
        out.copy_from_slice(&self.raw().to_le_bytes());
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        array(bytes).map(|b| Millis::from_raw(u32::from_le_bytes(b)))
    }
}

impl Fixed for Option<Sym> {
    const WIDTH: usize = 4;
    fn write_to(&self, out: &mut [u8]) {
        let n = self.map_or(0, |s| u32::try_from(s.index() + 1).unwrap_or(u32::MAX));
        out.copy_from_slice(&n.to_le_bytes());
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        let n = u32::from_le_bytes(array(bytes)?);
        Some(n.checked_sub(1).map(|i| Sym::from_index(i as usize)))
    }
}

impl Fixed for Sym {
    const WIDTH: usize = 4;
    fn write_to(&self, out: &mut [u8]) {
        Some(*self).write_to(out);
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        <Option<Sym> as Fixed>::read_from(bytes).flatten()
    }
}

impl Fixed for Option<bool> {
    const WIDTH: usize = 1;
    fn write_to(&self, out: &mut [u8]) {
        out.copy_from_slice(&[self.map_or(2, u8::from)]);
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [0] => Some(Some(false)),
            [1] => Some(Some(true)),
            [2] => Some(None),
            _ => None,
        }
    }
}

impl Fixed for CallKind {
    const WIDTH: usize = 1;
    fn write_to(&self, out: &mut [u8]) {
        out.copy_from_slice(&[self.byte()]);
    }
    fn read_from(bytes: &[u8]) -> Option<Self> {
        let [b] = bytes else { return None };
        CallKind::of_byte(*b)
    }
}

/// A field-less enum as its position in a list of all its values.
macro_rules! fixed_enum {
    ($t:ty, $all:expr) => {
        impl Fixed for $t {
            const WIDTH: usize = 1;
            fn write_to(&self, out: &mut [u8]) {
                let i = $all.iter().position(|v| v == self).unwrap_or(0);
                out.copy_from_slice(&[u8::try_from(i).unwrap_or(0)]);
            }
            fn read_from(bytes: &[u8]) -> Option<Self> {
                let [i] = bytes else { return None };
                $all.get(usize::from(*i)).copied()
            }
        }
    };
}

fixed_enum!(Direction, [Direction::Outbound, Direction::Inbound]);
fixed_enum!(CallStatus, CallStatus::ALL);
fixed_enum!(
    LeadStatus,
    [
        LeadStatus::Open,
        LeadStatus::Qualified,
        LeadStatus::Converted
    ]
);

/// Writes a column as one byte string.
pub fn serialize<T: Fixed, S: serde::Serializer>(column: &[T], s: S) -> Result<S::Ok, S::Error> {
    let mut out = vec![0; column.len() * T::WIDTH];
    for (v, at) in column.iter().zip(out.chunks_exact_mut(T::WIDTH)) {
        v.write_to(at);
    }
    s.serialize_bytes(&out)
}

/// Reads a column back from its byte string (not borrowed: the reader may
/// hand it over from a buffer of its own, see [`crate::worker::windowed`]).
pub fn deserialize<'de, T: Fixed, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_byte_buf(Column(PhantomData))
}

struct Column<T>(PhantomData<T>);

impl<T: Fixed> serde::de::Visitor<'_> for Column<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a packed column")
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        if !bytes.len().is_multiple_of(T::WIDTH) {
            return Err(E::custom("a column cut mid-value"));
        }
        bytes
            .chunks_exact(T::WIDTH)
            .map(|b| T::read_from(b).ok_or_else(|| E::custom("a value no column holds")))
            .collect()
    }
}

/// Where [`RawColumns`] read from: `copy(offset, out)` fills `out` with the
/// source's bytes from `offset`.
pub type CopyFrom = Box<dyn FnMut(usize, &mut [u8])>;

/// Bytes read in one go from a [`RawColumns`]' source.
const RAW_WINDOW: usize = 64 * 1024;

/// Columns written one after another (each its byte length as 8 bytes
/// little-endian, then its values packed as [`Fixed`] writes them), read
/// straight out of a buffer that can only be copied from, a window at a
/// time (a message from another worker): the values go where they belong
/// without the columns ever being held on their own.
pub struct RawColumns {
    copy: CopyFrom,
    start: usize,
    at: usize,
    end: usize,
    window: Vec<u8>,
}

impl std::fmt::Debug for RawColumns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RawColumns({}..{})", self.start, self.end)
    }
}

/// Appends one column, packed, to `out` (see [`RawColumns`]).
pub fn write_raw<T: Fixed>(column: &[T], out: &mut Vec<u8>) {
    let at = out.len();
    out.extend_from_slice(&((column.len() * T::WIDTH) as u64).to_le_bytes());
    out.resize(at + 8 + column.len() * T::WIDTH, 0);
    for (v, slot) in column.iter().zip(out[at + 8..].chunks_exact_mut(T::WIDTH)) {
        v.write_to(slot);
    }
}

impl RawColumns {
    /// The columns in bytes `start..end` of a source `copy(offset, out)`
    /// fills `out` from.
    pub fn new(start: usize, end: usize, copy: CopyFrom) -> RawColumns {
        RawColumns {
            copy,
            start,
            at: start,
            end,
            window: Vec::new(),
        }
    }

    /// Reads from the first column again.
    pub fn rewind(&mut self) {
        self.at = self.start;
    }

    /// The next `n` bytes (`None` past the end).
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.end.saturating_sub(self.at) {
            return None;
        }
        self.window.resize(n, 0);
        (self.copy)(self.at, &mut self.window);
        self.at += n;
        Some(&self.window)
    }

    /// One byte (a tag).
    pub fn byte(&mut self) -> Option<u8> {
        self.take(1).and_then(|b| b.first().copied())
    }

    /// A number written as 8 bytes little-endian.
    pub fn number(&mut self) -> Option<u64> {
        self.take(8).and_then(array).map(u64::from_le_bytes)
    }

    /// Reads the next column, handing `each` its values in order; how many
    /// there were, `None` when the bytes are no such column (cut short, cut
    /// mid-value, or a value no column holds: some may have been handed on).
    pub fn column<T: Fixed>(&mut self, mut each: impl FnMut(T)) -> Option<usize> {
        let len = usize::try_from(self.number()?).ok()?;
        if !len.is_multiple_of(T::WIDTH) || len > self.end.saturating_sub(self.at) {
            return None;
        }
        let step = (RAW_WINDOW / T::WIDTH).max(1) * T::WIDTH;
        let mut left = len;
        while left > 0 {
            let n = left.min(step);
            for b in self.take(n)?.chunks_exact(T::WIDTH) {
                each(T::read_from(b)?);
            }
            left -= n;
        }
        Some(len / T::WIDTH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Columns {
        #[serde(with = "super")]
        stamps: Vec<Timestamp>,
        #[serde(with = "super")]
        maybe_stamps: Vec<Option<Timestamp>>,
        #[serde(with = "super")]
        millis: Vec<Millis>,
        #[serde(with = "super")]
        syms: Vec<Option<Sym>>,
        #[serde(with = "super")]
        flags: Vec<Option<bool>>,
        #[serde(with = "super")]
        statuses: Vec<CallStatus>,
        #[serde(with = "super")]
        directions: Vec<Direction>,
        #[serde(with = "super")]
        leads: Vec<LeadStatus>,
    }

    #[test]
    fn every_value_comes_back_and_foreign_bytes_are_refused() {
        let columns = Columns {
            stamps: vec![i64::MIN, -1, 0, i64::MAX],
            maybe_stamps: vec![None, Some(0), Some(-5)],
            millis: vec![Millis::from_raw(0), Millis::from_raw(u32::MAX)],
            syms: vec![
                None,
                Some(Sym::from_index(0)),
                Some(Sym::from_index(70_000)),
            ],
            flags: vec![None, Some(true), Some(false)],
            statuses: CallStatus::ALL.to_vec(),
            directions: vec![Direction::Inbound, Direction::Outbound],
            leads: vec![
                LeadStatus::Converted,
                LeadStatus::Open,
                LeadStatus::Qualified,
            ],
        };
        let bytes = postcard::to_allocvec(&columns).expect("written");
        assert_eq!(postcard::from_bytes::<Columns>(&bytes).ok(), Some(columns));
        // A flag of 3 is no flag.
        let mut bad = bytes.clone();
        let at = bad
            .windows(3)
            .position(|w| w == [2, 1, 0])
            .expect("the flags");
        bad[at] = 3;
        assert!(postcard::from_bytes::<Columns>(&bad).is_err());
    }
}
