//! Reading the helper's part out of its message, which lies outside the heap
//! (a transferred `ArrayBuffer`), without copying it in first: the part's
//! postcard bytes are copied out a window at a time (a byte string as one
//! piece of its own length), and its calls are left where they lie, for the
//! join to take over column by column into tables that made room for them
//! ([`crate::domain::model::RawColumns`]). Copying the message in, or
//! reading its calls into tables of their own, would hold them twice at the
//! worker's high-water mark.

use postcard::de_flavors::Flavor;
use serde::de::DeserializeOwned;

use crate::domain::ingest::split::Part;
use crate::domain::model::RawColumns;

/// Bytes copied out at a time.
const WINDOW: usize = 64 * 1024;

/// The part of a message of [`Part::into_message`], `len` bytes long, that
/// `copy(offset, out)` reads, and its calls: the part is read here, its
/// calls stay where they lie until [`crate::domain::ingest::split::join_raw`]
/// takes them over. `None` for bytes it did not write.
pub fn read_part<C>(len: usize, mut copy: C) -> Option<(Part, Option<RawColumns>)>
where
    C: FnMut(usize, &mut [u8]) + Clone + 'static,
{
    if len < 8 {
        return None;
    }
    let mut head = [0u8; 8];
    copy(0, &mut head);
    let rest = usize::try_from(u64::from_le_bytes(head)).ok()?;
    let end = rest.checked_add(8).filter(|&e| e <= len)?;
    let mut shifted = copy.clone();
    let part: Part = read_in_windows(rest, WINDOW, move |at, out| shifted(at + 8, out))?;
    let calls = (end < len).then(|| RawColumns::new(end, len, Box::new(copy)));
    Some((part, calls))
}

/// Reads a `T` from a message of `len` bytes, `copy(offset, out)` filling
/// `out` with the message's bytes from `offset` (it is never asked for bytes
/// past `len`), `window` bytes at a time (at least 1). `None` when the bytes
/// are not a `T`.
fn read_in_windows<T: DeserializeOwned>(
    len: usize,
    window: usize,
    copy: impl FnMut(usize, &mut [u8]),
) -> Option<T> {
    let flavor = Windowed {
        copy,
        len,
        window_len: window.max(1),
        at: 0,
        window: Vec::new(),
        pos: 0,
        long: Vec::new(),
    };
    let mut de = postcard::Deserializer::from_flavor(flavor);
    T::deserialize(&mut de).ok()
}

/// The postcard flavor of [`read_in_windows`].
struct Windowed<C> {
    copy: C,
    /// The message's length.
    len: usize,
    /// Bytes copied out at a time.
    window_len: usize,
    /// The offset in the message of `window[0]`.
    at: usize,
    window: Vec<u8>,
    /// The next byte to read in `window`.
    pos: usize,
    /// A byte string longer than what is left of the window.
    long: Vec<u8>,
}

impl<C: FnMut(usize, &mut [u8])> Windowed<C> {
    /// Bytes of the message not read yet.
    fn left(&self) -> usize {
        self.len.saturating_sub(self.at + self.pos)
    }
}

impl<'de, C: FnMut(usize, &mut [u8]) + 'de> Flavor<'de> for Windowed<C> {
    type Remainder = ();
    type Source = ();

    fn pop(&mut self) -> postcard::Result<u8> {
        if self.pos == self.window.len() {
            let at = self.at + self.window.len();
            let n = self.window_len.min(self.len.saturating_sub(at));
            if n == 0 {
                return Err(postcard::Error::DeserializeUnexpectedEnd);
            }
            self.window.resize(n, 0);
            (self.copy)(at, &mut self.window);
            (self.at, self.pos) = (at, 0);
        }
        let byte = self.window.get(self.pos).copied();
        self.pos += 1;
        byte.ok_or(postcard::Error::DeserializeUnexpectedEnd)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left())
    }

    /// Nothing read from the message borrows it (columns and strings are
    /// copied out), so a borrowed read is refused.
    fn try_take_n(&mut self, _ct: usize) -> postcard::Result<&'de [u8]> {
        Err(postcard::Error::DeserializeBadEncoding)
    }

    fn try_take_n_temp<'a>(&'a mut self, ct: usize) -> postcard::Result<&'a [u8]>
    where
        'de: 'a,
    {
        if ct > self.left() {
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        let in_window = self.window.len() - self.pos;
        if ct <= in_window {
            let from = self.pos;
            self.pos += ct;
            return self
                .window
                .get(from..from + ct)
                .ok_or(postcard::Error::DeserializeUnexpectedEnd);
        }
        // What the window holds, then the rest copied straight after it;
        // the next window starts past it.
        self.long.clear();
        self.long
            .extend_from_slice(self.window.get(self.pos..).unwrap_or_default());
        let from = self.at + self.window.len();
        self.long.resize(ct, 0);
        (self.copy)(from, &mut self.long[in_window..]);
        self.at = from + (ct - in_window);
        self.window.clear();
        self.pos = 0;
        Ok(&self.long)
    }

    fn finalize(self) -> postcard::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::read_in_windows;
    use crate::domain::ingest::split::{decode_part, plan_at, Part};
    use crate::domain::ingest::ParseOptions;
    use crate::domain::synth::canonical_calls_csv;

    fn from(bytes: &[u8]) -> impl FnMut(usize, &mut [u8]) + '_ {
        |at, out| out.copy_from_slice(&bytes[at..at + out.len()])
    }

    /// The later half of a generated calls file of `rows` rows, as bytes.
    fn later_half(rows: usize) -> Vec<u8> {
        let csv = canonical_calls_csv(rows, 7);
        let options = ParseOptions::default();
        let cut = csv.len() as u64 / 2;
        let plan = plan_at("calls.csv", &csv, csv.len() as u64, &[cut], &options).expect("a plan");
        decode_part(&plan, 1, &csv)
            .to_bytes()
            .expect("a later part")
    }

    #[test]
    fn a_part_reads_back_whole_through_any_window() {
        let sent = later_half(3_000);
        for window in [1, 2, 7, 4096, 1 << 20] {
            let part: Part = read_in_windows(sent.len(), window, from(&sent)).expect("read");
            assert_eq!(
                part.to_bytes().as_deref(),
                Some(sent.as_slice()),
                "window {window}"
            );
        }
    }

    #[test]
    fn cut_or_foreign_bytes_are_no_part() {
        let sent = later_half(200);
        for len in [0, 1, sent.len() / 2, sent.len() - 1] {
            assert!(
                read_in_windows::<Part>(len, 5, from(&sent)).is_none(),
                "{len} bytes"
            );
        }
        let foreign = vec![0xff_u8; 64];
        assert!(read_in_windows::<Part>(foreign.len(), 8, from(&foreign)).is_none());
    }
}
