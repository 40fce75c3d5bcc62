//! Decoding one text file in parts (one per worker or thread) that end up
//! exactly as one [`Decoder`] reading it whole: the same tables, rows,
//! skipped rows, errors (lines of the whole file) and warnings.
//!
//! 1. [`plan`] looks at the first 64 KiB (as the decoder sniffs them) and
//!    the file's length and cuts the file into byte ranges.
//! 2. Each part is read by its own [`PartDecoder`]: part 0 is an ordinary
//!    decoder; a later part skips to the first line break at or after its
//!    cut and reads as if a record started there, counting lines from 1.
//!    Each part stops after the first line break at or after the next cut,
//!    so two neighbours meet at the same byte.
//! 3. [`join`] checks, at each meeting point, what the later part assumed:
//!    that the earlier part was between records there (a line break inside
//!    quotes is no record boundary, which only the earlier part can tell),
//!    and that each column's date order agrees (a part decides nothing the
//!    whole file would not: cells read before the later part's first
//!    evidence keep their other reading and are fixed at the end, as the
//!    single decoder does for late decisions). It then merges the parts in
//!    order (strings re-interned through a table, lines and rows shifted)
//!    and settles the file once. When an assumption does not hold, it hands
//!    back the decoder of everything before that point, to be fed the rest
//!    of the file: slower, never different.
//!
//! Only calls and leads files in UTF-8 are split (their rows are read one by
//! one with per-column date orders); any other file gets one part.
//!
//! ```
//! use telesales_kpi::domain::ingest::split::{decode_in_parts, plan};
//! use telesales_kpi::domain::ingest::{parse_bytes, ParseOptions};
//! use telesales_kpi::domain::synth::canonical_calls_csv;
//!
//! let bytes = canonical_calls_csv(60_000, 7);
//! let options = ParseOptions::default();
//! let plan = plan("calls.csv", &bytes, bytes.len() as u64, 2, &options).expect("a plan");
//! let split = decode_in_parts(&plan, &bytes).expect("decoded");
//! let whole = parse_bytes("calls.csv", &bytes, &options).expect("decoded");
//! assert_eq!((split.rows, &split.data.calls.started_at), (whole.rows, &whole.data.calls.started_at));
//! ```

use std::ops::Range;

use super::body::{Body, ParsedFile};
use super::decoder::{sniff, Decoder, Pass, Running, Stage};
use super::encoding::{detect, Encoding};
use super::error::FileError;
use super::kind::FileKind;
use super::options::ParseOptions;
use super::sniff::{Layout, SNIFF_BYTES};
use crate::domain::model::RawColumns;

/// The smallest part worth a worker of its own.
pub const MIN_PART_BYTES: u64 = 1 << 20;

/// Where a file is cut, and the layout every part reads it with.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    name: String,
    options: ParseOptions,
    /// Part `k` starts at the first record at or after `cuts[k]`; `cuts[0]` is 0.
    cuts: Vec<u64>,
    len: u64,
    delimiter: u8,
    layout: Layout,
    /// The file's first bytes (its byte-order mark, if any).
    head: Vec<u8>,
    header: Vec<String>,
}

/// Cuts a text file of `len` bytes into `parts` even parts, from its first
/// bytes `head` (at least the 64 KiB the decoder sniffs, else the whole
/// file). `None` when the file is better read whole: fewer than two parts of
/// [`MIN_PART_BYTES`], or what [`plan_at`] refuses.
pub fn plan(
    name: &str,
    head: &[u8],
    len: u64,
    parts: usize,
    options: &ParseOptions,
) -> Option<Plan> {
    let parts = parts.min(usize::try_from(len / MIN_PART_BYTES).unwrap_or(usize::MAX));
    if parts < 2 {
        return None;
    }
    let cuts: Vec<u64> = (1..parts as u64).map(|k| len / parts as u64 * k).collect();
    plan_at(name, head, len, &cuts, options)
}

/// Cuts a text file of `len` bytes at `cuts` (increasing offsets; each
/// part starts at the first record after a line break at or after its cut),
/// from its first bytes `head` (at least the 64 KiB the decoder sniffs, else
/// the whole file). `None` when the file is to be read whole: not UTF-8, not
/// a headed calls or leads file, a head that does not hold the header, or a
/// file that can't be read at all (one decoder then says why).
///
/// ```
/// # use telesales_kpi::domain::ingest::split::{decode_in_parts, plan_at};
/// # use telesales_kpi::domain::ingest::{parse_bytes, ParseOptions};
/// let text = b"agent,started_at,status\nBudi,03/11/2026 09:15,connected\n\
///              Siti,\"04/11/2026\n10:00\",busy\nAgus,11/25/2026 08:00,connected\n";
/// let options = ParseOptions::default();
/// // Cut inside the quoted cell: the second part starts on its second
/// // line, which only the first part can tell is no record's start.
/// let plan = plan_at("calls.csv", text, text.len() as u64, &[70], &options).expect("a plan");
/// let split = decode_in_parts(&plan, text).expect("decoded");
/// let whole = parse_bytes("calls.csv", text, &options).expect("decoded");
/// assert_eq!((split.rows, split.skipped, split.day_first), (whole.rows, whole.skipped, false));
/// assert_eq!(split.data.calls.started_at, whole.data.calls.started_at);
/// ```
pub fn plan_at(
    name: &str,
    head: &[u8],
    len: u64,
    cuts: &[u64],
    options: &ParseOptions,
) -> Option<Plan> {
    let whole = head.len() < SNIFF_BYTES;
    if (whole && head.len() as u64 != len) || detect(head).0 != Encoding::Utf8 {
        return None;
    }
    let sniffed = head.get(..SNIFF_BYTES).unwrap_or(head);
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned();
    let (delimiter, layout) = sniff(&name, sniffed, whole, options).ok()?;
    if !layout.headed || !matches!(layout.kind, FileKind::Calls | FileKind::Leads) {
        return None;
    }
    // The header as the decoder reads it.
    let mut first = Decoder::sniffed(&name, options.clone(), delimiter, layout.clone(), sniffed);
    first.feed(sniffed);
    let Stage::Running(run) = &first.stage else {
        return None;
    };
    let header = run.body.header()?.to_vec();
    let mut all = vec![0];
    for &cut in cuts {
        if cut <= all.last().copied().unwrap_or(0) || cut >= len {
            return None;
        }
        all.push(cut);
    }
    Some(Plan {
        name,
        options: options.clone(),
        cuts: all,
        len,
        delimiter,
        layout,
        head: sniffed.get(..3).unwrap_or(sniffed).to_vec(),
        header,
    })
}

impl Plan {
    /// The plan as bytes, for a worker that reads one of its parts.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A plan from [`Plan::to_bytes`] (`None` for other bytes).
    pub fn from_bytes(bytes: &[u8]) -> Option<Plan> {
        postcard::from_bytes(bytes).ok()
    }

    /// How many parts.
    pub fn parts(&self) -> usize {
        self.cuts.len()
    }

    /// The bytes part `k` is given from (`start`) and its cut (`end`): it
    /// reads on past `end` to the next line break, so feed it from `start`
    /// until [`PartDecoder::wants_more`] says no or the file ends.
    pub fn range(&self, k: usize) -> Range<u64> {
        let start = self.cuts.get(k).copied().unwrap_or(self.len);
        let end = self.cuts.get(k + 1).copied().unwrap_or(self.len);
        start..end
    }

    /// The decoder of part `k`.
    pub fn decoder(&self, k: usize) -> PartDecoder {
        let range = self.range(k);
        let last = k + 1 >= self.cuts.len();
        let inner = if k == 0 {
            Inner::First(Decoder::sniffed(
                &self.name,
                self.options.clone(),
                self.delimiter,
                self.layout.clone(),
                &self.head,
            ))
        } else {
            let body = Body::continuing(
                self.options.clone(),
                self.layout.clone(),
                self.delimiter,
                self.header.clone(),
            );
            Inner::Later(Box::new(Running::at(0, self.delimiter, body)))
        };
        PartDecoder {
            pos: range.start,
            start: (k == 0).then_some(0),
            end_cut: (!last).then_some(range.end),
            end: None,
            inner,
        }
    }
}

/// A part's decoder: the first is an ordinary one (one per file: the size
/// difference between the variants does not matter).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)]
enum Inner {
    Later(Box<Running>),
    // Only a later part travels between workers (a skipped variant comes
    // last: serde numbers the others in order when reading).
    #[serde(skip)]
    First(Decoder),
}

impl Inner {
    /// Records read so far.
    fn rows(&self) -> usize {
        match self {
            Inner::First(d) => d.rows(),
            Inner::Later(run) => run.body.rows_seen,
        }
    }
}

/// Decodes one part of a [`Plan`]: fed the file's bytes from
/// [`Plan::range`]'s start, in chunks split anywhere.
#[derive(Debug)]
pub struct PartDecoder {
    /// The offset of the next byte fed.
    pos: u64,
    /// Where the part's records start, once found.
    start: Option<u64>,
    /// The part ends at the first line break at or after this cut (`None`:
    /// at the end of the file).
    end_cut: Option<u64>,
    /// Where the part's records end, once found.
    end: Option<u64>,
    inner: Inner,
}

impl PartDecoder {
    /// Reads the next chunk; bytes past the part's end are ignored.
    pub fn feed(&mut self, chunk: &[u8]) {
        let mut chunk = chunk;
        if self.end.is_some() {
            return;
        }
        if self.start.is_none() {
            let Some(p) = memchr::memchr(b'\n', chunk) else {
                self.pos += chunk.len() as u64;
                return;
            };
            let start = self.pos + p as u64 + 1;
            self.start = Some(start);
            if let Inner::Later(run) = &mut self.inner {
                run.pass = Pass {
                    origin: start,
                    skip: 0,
                };
            }
            if self.end_cut.is_some_and(|cut| start > cut) {
                // A line spans the whole part: it is empty.
                self.end = Some(start);
                return;
            }
            chunk = chunk.get(p + 1..).unwrap_or_default();
            self.pos = start;
        }
        if let Some(cut) = self.end_cut {
            let from = usize::try_from(cut.saturating_sub(self.pos)).unwrap_or(usize::MAX);
            if let Some(p) = chunk
                .get(from..)
                .and_then(|rest| memchr::memchr(b'\n', rest))
            {
                let take = from + p + 1;
                self.push(chunk.get(..take).unwrap_or_default());
                self.pos += take as u64;
                self.end = Some(self.pos);
                return;
            }
        }
        self.push(chunk);
        self.pos += chunk.len() as u64;
    }

    fn push(&mut self, chunk: &[u8]) {
        match &mut self.inner {
            Inner::First(decoder) => decoder.feed(chunk),
            Inner::Later(run) => run.push(chunk),
        }
    }

    /// Records read so far.
    pub fn rows(&self) -> usize {
        self.inner.rows()
    }

    /// Where the part's records end, once found (the part reads nothing
    /// past it).
    pub fn end(&self) -> Option<u64> {
        self.end
    }

    /// The first part: tells its decoder where, in a file of `len` bytes,
    /// its part ends ([`Decoder::expect_len`]), so its tables make room for
    /// its own rows. Those of the later parts are moved in column by column
    /// at the join: making room for every part up front would hold a later
    /// part's rows twice while it is taken over. Later parts grow as they go.
    pub fn expect_len(&mut self, len: u64) {
        if let Inner::First(d) = &mut self.inner {
            d.expect_len(self.end_cut.map_or(len, |cut| cut.min(len)));
        }
    }

    /// The first part: tells its decoder the whole file's length, so its
    /// tables make room for the rows of every part, for later parts whose
    /// calls are taken over where they lie ([`join_raw`]): the tables then
    /// never move.
    pub fn expect_file_len(&mut self, len: u64) {
        if let Inner::First(d) = &mut self.inner {
            d.expect_len(len);
        }
    }

    /// Whether the part wants more bytes (`false` once past its end).
    pub fn wants_more(&self) -> bool {
        self.end.is_none()
    }

    /// The input ended before the part did (the file's last part, or a
    /// part whose end is past the last line break): as
    /// [`Decoder::end_input`], `Some(offset)` asks to be fed again from that
    /// offset to the end of the file after an unclosed quote.
    pub fn end_input(&mut self) -> Option<u64> {
        if self.end.is_some() {
            return None;
        }
        // Whatever comes now is read to the end of the file.
        self.end_cut = None;
        let offset = match &mut self.inner {
            Inner::First(decoder) => decoder.end_input(),
            Inner::Later(run) => {
                self.start?;
                run.end_pass()
            }
        }?;
        self.pos = offset;
        Some(offset)
    }

    /// The part as read, for [`join`].
    pub fn finish(self) -> Part {
        Part {
            start: self.start,
            end: self.end,
            inner: self.inner,
        }
    }
}

/// One decoded part of a file, not settled yet.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Part {
    start: Option<u64>,
    end: Option<u64>,
    inner: Inner,
}

impl Part {
    /// A later part as bytes, for the worker that joins (the page's workers
    /// share no memory); `None` for the first part, which never travels.
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        matches!(self.inner, Inner::Later(_))
            .then(|| postcard::to_allocvec(self).ok())
            .flatten()
    }

    /// A later part as a message for the worker that joins, whose calls can
    /// be taken over without ever being held apart: the length of the rest
    /// (8 bytes, little-endian), the rest as [`Part::to_bytes`] writes it
    /// but without the calls, then the calls as [`CallTable::write_raw`]
    /// writes them (nothing when the part holds no calls table). `None`
    /// for the first part, which never travels.
    pub fn into_message(mut self) -> Option<Vec<u8>> {
        let Inner::Later(run) = &mut self.inner else {
            return None;
        };
        let calls = run.body.take_calls();
        let rest = postcard::to_allocvec(&self).ok()?;
        let mut out = Vec::with_capacity(8 + rest.len());
        out.extend_from_slice(&(rest.len() as u64).to_le_bytes());
        out.extend_from_slice(&rest);
        if let Some(calls) = calls {
            calls.write_raw(&mut out);
        }
        Some(out)
    }

    /// A part from [`Part::to_bytes`]; `None` for bytes it did not write
    /// (the part is then read again where it is joined).
    pub fn from_bytes(bytes: &[u8]) -> Option<Part> {
        postcard::from_bytes(bytes).ok()
    }

    /// Rows read so far.
    pub fn rows(&self) -> usize {
        self.inner.rows()
    }
}

/// What [`join`] made of the parts (one per file: the size difference
/// between the variants does not matter).
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Joined {
    /// The file, exactly as one decoder reads it (or why it can't be used).
    Done(Result<ParsedFile, FileError>),
    /// A part's assumption did not hold at byte `from`: `decoder` has read
    /// the file up to there; feed it the file from `from` to its end and use
    /// it as any [`Decoder`] (`end_input`, `finish`).
    ReadOn {
        /// The decoder of the file's start.
        decoder: Decoder,
        /// Where to feed it from.
        from: u64,
    },
}

/// Merges the parts of `plan`, in order, into the file (see the module
/// docs). The last part must have been ended ([`PartDecoder::end_input`]
/// until `None`); parts missing at the end leave the rest to be read on.
pub fn join(plan: &Plan, parts: Vec<Part>) -> Joined {
    join_raw(plan, parts, Vec::new())
}

/// [`join`] of parts whose calls travelled apart ([`Part::into_message`]):
/// `raw[k]`, when there, holds part `k`'s calls; they are checked, then
/// taken over straight from where they lie.
pub fn join_raw(plan: &Plan, parts: Vec<Part>, mut raw: Vec<Option<RawColumns>>) -> Joined {
    let mut parts = parts
        .into_iter()
        .enumerate()
        .map(|(k, p)| (p, raw.get_mut(k).and_then(Option::take)));
    let Some((
        Part {
            inner: Inner::First(mut decoder),
            end,
            ..
        },
        _,
    )) = parts.next()
    else {
        return Joined::Done(Err(FileError::Empty {
            name: plan.name.clone(),
        }));
    };
    let Some(mut at) = end else {
        // The first part read the whole file.
        return Joined::Done(decoder.finish());
    };
    for (part, mut raw) in parts {
        let Stage::Running(acc) = &mut decoder.stage else {
            break;
        };
        let Part {
            inner: Inner::Later(later),
            start,
            end,
        } = part
        else {
            break;
        };
        if start != Some(at) || !acc.reader.between_records() || !acc.body.can_absorb(&later.body) {
            break;
        }
        if raw.as_mut().is_some_and(|r| !acc.body.can_absorb_raw(r)) {
            break;
        }
        let Running {
            body,
            reader,
            pass,
            transcoder,
            restarts,
            done,
            ..
        } = *later;
        let lines = acc.reader.line() - 1;
        acc.body.absorb(body, lines, raw.as_mut());
        acc.reader = reader.shifted(lines);
        acc.pass = pass;
        acc.transcoder = transcoder;
        acc.restarts = restarts;
        acc.done = done;
        acc.skip_left = 0;
        match end {
            Some(e) => at = e,
            None => return Joined::Done(decoder.finish()),
        }
    }
    decoder.consumed = at;
    Joined::ReadOn { decoder, from: at }
}

/// Decodes a file held in memory part by part (one after the other) and
/// joins them, reading on where [`join`] asks: what the workers of a page
/// or the threads of a command do, in one place.
pub fn decode_in_parts(plan: &Plan, bytes: &[u8]) -> Result<ParsedFile, FileError> {
    let parts = (0..plan.parts())
        .map(|k| decode_part(plan, k, bytes))
        .collect();
    finish_join(join(plan, parts), bytes)
}

/// Decodes part `k` of `plan` from the whole file's `bytes`.
pub fn decode_part(plan: &Plan, k: usize, bytes: &[u8]) -> Part {
    let mut part = plan.decoder(k);
    let from = usize::try_from(plan.range(k).start).unwrap_or(usize::MAX);
    part.feed(bytes.get(from..).unwrap_or_default());
    while let Some(offset) = part.end_input() {
        let from = usize::try_from(offset).unwrap_or(usize::MAX);
        part.feed(bytes.get(from..).unwrap_or_default());
    }
    part.finish()
}

/// The file from what [`join`] gave, reading on in `bytes` if it asks.
pub fn finish_join(joined: Joined, bytes: &[u8]) -> Result<ParsedFile, FileError> {
    match joined {
        Joined::Done(file) => file,
        Joined::ReadOn { mut decoder, from } => {
            let from = usize::try_from(from).unwrap_or(usize::MAX);
            decoder.feed(bytes.get(from..).unwrap_or_default());
            while let Some(offset) = decoder.end_input() {
                let from = usize::try_from(offset).unwrap_or(usize::MAX);
                decoder.feed(bytes.get(from..).unwrap_or_default());
            }
            decoder.finish()
        }
    }
}
