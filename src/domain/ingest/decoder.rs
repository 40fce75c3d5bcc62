//! The streaming decoder of text files: bytes in, in chunks split anywhere; a
//! [`ParsedFile`] out. The first 64 KiB are sniffed (encoding, binary bytes,
//! delimiter, header, kind), then every record goes to the [`Body`].
//!
//! A file that ends inside a quoted field is read again from the line after
//! the one that opened the quote (DATA.md §9): [`Decoder::end_input`] says
//! from which byte offset, and the caller feeds the file again from there.

use super::body::{Body, ParsedFile, SAMPLES};
use super::csv::{read_all, RecordReader, Unclosed};
use super::encoding::{Encoding, Transcoder};
use super::error::{FileError, RowProblem};
use super::issues::Cause;
use super::kind::FileKind;
use super::options::ParseOptions;
use super::sniff::{delimiter, layout, Layout, SNIFF_BYTES};

/// Records looked at for kind detection.
const SNIFF_RECORDS: usize = 30;

/// How many times one file may be read again after unclosed quotes (each
/// restart starts later in the file, so this only bounds the work).
const MAX_RESTARTS: usize = 10_000;

/// Where the current pass over the input starts.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Pass {
    /// UTF-8: the input offset of the pass's first text byte (after a BOM).
    pub(super) origin: u64,
    /// UTF-16 (read again from its start): the text bytes, after
    /// transcoding, to drop at the start of the pass.
    pub(super) skip: u64,
}

/// Decoding once the layout is known.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Running {
    pub(super) transcoder: Transcoder,
    #[serde(skip)]
    scratch: Vec<u8>,
    pub(super) reader: RecordReader,
    pub(super) body: Body,
    encoding: Encoding,
    bom: usize,
    delimiter: u8,
    pub(super) pass: Pass,
    pub(super) skip_left: u64,
    pub(super) restarts: usize,
    pub(super) done: bool,
}

#[derive(Debug)]
pub(super) enum Stage {
    Sniffing(Vec<u8>),
    Running(Box<Running>),
    Failed(FileError),
}

/// Decodes one text file from chunks of bytes (arrow-csv's `Decoder` style:
/// no requirement that a chunk holds whole records).
///
/// ```
/// # use telesales_kpi::domain::ingest::{Decoder, FileKind, ParseOptions};
/// let mut d = Decoder::new("calls.csv", ParseOptions::default());
/// d.feed(b"agent,started_at,status\nBudi,2026-11-03 09:");
/// d.feed(b"15,connected\n");
/// assert_eq!(d.end_input(), None);
/// let file = d.finish().unwrap();
/// assert_eq!((file.kind, file.rows), (FileKind::Calls, 1));
/// ```
#[derive(Debug)]
pub struct Decoder {
    name: String,
    options: ParseOptions,
    pub(super) consumed: u64,
    pub(super) stage: Stage,
    /// The whole input's length, when told ([`Decoder::expect_len`]), until
    /// the tables have reserved room for it.
    expected: Option<u64>,
}

/// Records read before the decoder guesses how many the input holds.
const RESERVE_AFTER_ROWS: usize = 4096;

/// The most rows reserved ahead (a guess from the first records is only a
/// guess: beyond this, the tables grow as they go).
const RESERVE_AT_MOST: u64 = 20_000_000;

impl Decoder {
    /// A decoder for a file named `file_name` (a path is cut to its base name).
    pub fn new(file_name: &str, options: ParseOptions) -> Decoder {
        let name = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file_name)
            .to_owned();
        Decoder {
            name,
            options,
            consumed: 0,
            stage: Stage::Sniffing(Vec::new()),
            expected: None,
        }
    }

    /// Tells the decoder the input's whole length (a `File`'s size): once
    /// its first records are read, the tables reserve room for the rows the
    /// rest likely holds, and grow once instead of by doubling (less memory
    /// at the peak, fewer copies). The tables are the same either way.
    pub fn expect_len(&mut self, len: u64) {
        self.expected = Some(len);
    }

    /// Reserves room for the rows the input likely holds, once enough were read.
    fn reserve_ahead(&mut self) {
        let (Some(len), Stage::Running(run)) = (self.expected, &mut self.stage) else {
            return;
        };
        let rows = run.body.rows_seen;
        if rows < RESERVE_AFTER_ROWS || self.consumed == 0 {
            return;
        }
        self.expected = None;
        let per_row = self.consumed as f64 / rows as f64;
        let left = (len.saturating_sub(self.consumed) as f64 / per_row * 1.02) as u64;
        run.body
            .reserve(usize::try_from(left.min(RESERVE_AT_MOST)).unwrap_or(0));
    }

    /// Reads the next chunk (any size, split anywhere).
    pub fn feed(&mut self, chunk: &[u8]) {
        self.consumed += chunk.len() as u64;
        match &mut self.stage {
            Stage::Sniffing(buf) => {
                buf.extend_from_slice(chunk);
                if buf.len() >= SNIFF_BYTES {
                    self.start(false);
                }
            }
            Stage::Running(run) => run.push(chunk),
            Stage::Failed(_) => {}
        }
        self.reserve_ahead();
    }

    /// The position in the input: bytes fed since the start, or since the
    /// offset the decoder asked to read again from.
    pub fn bytes_consumed(&self) -> u64 {
        self.consumed
    }

    /// Data records seen so far.
    pub fn rows(&self) -> usize {
        match &self.stage {
            Stage::Running(run) => run.body.rows_seen,
            _ => 0,
        }
    }

    /// Ends one pass over the input. `None`: the file is read, call
    /// [`Decoder::finish`]. `Some(offset)`: the input ended inside a quoted
    /// field; that record is skipped and the file must be fed again from byte
    /// `offset` (to its end), then `end_input` called again.
    pub fn end_input(&mut self) -> Option<u64> {
        if matches!(self.stage, Stage::Sniffing(_)) {
            self.start(true);
        }
        let Stage::Running(run) = &mut self.stage else {
            return None;
        };
        let offset = run.end_pass()?;
        self.consumed = offset;
        Some(offset)
    }

    /// Ends the input and returns the file, or why it can't be used. A read
    /// again that [`Decoder::end_input`] asked for and did not get loses the
    /// rest of the file after the unclosed quote.
    pub fn finish(mut self) -> Result<ParsedFile, FileError> {
        if self.end_input().is_some() {
            // Nothing was fed again: the second pass is empty and ends at once.
            let _ = self.end_input();
        }
        match self.stage {
            Stage::Running(run) => Ok(run.body.finish(&self.name)),
            Stage::Failed(e) => Err(e),
            Stage::Sniffing(_) => Err(FileError::Empty { name: self.name }),
        }
    }

    /// Sniffs the buffered start of the file and starts decoding it.
    fn start(&mut self, eof: bool) {
        let Stage::Sniffing(buf) = std::mem::replace(&mut self.stage, Stage::Sniffing(Vec::new()))
        else {
            return;
        };
        self.stage = match sniff(&self.name, &buf, eof, &self.options) {
            Ok((delimiter, layout)) => {
                let mut run = Running::sniffed(&self.options, delimiter, layout, &buf);
                run.push(&buf);
                Stage::Running(run)
            }
            Err(e) => Stage::Failed(e),
        };
    }

    /// A decoder past sniffing: the file's `layout` and `delimiter` are as
    /// sniffed from its start, `prefix` (its first bytes, for the encoding).
    pub(super) fn sniffed(
        file_name: &str,
        options: ParseOptions,
        delimiter: u8,
        layout: Layout,
        prefix: &[u8],
    ) -> Decoder {
        let mut decoder = Decoder::new(file_name, options);
        decoder.stage = Stage::Running(Running::sniffed(
            &decoder.options,
            delimiter,
            layout,
            prefix,
        ));
        decoder
    }
}

/// Encoding, delimiter and layout of a file from its first [`SNIFF_BYTES`];
/// a file that is not text is refused (DATA.md §9).
pub(super) fn sniff(
    name: &str,
    buf: &[u8],
    eof: bool,
    options: &ParseOptions,
) -> Result<(u8, Layout), FileError> {
    if is_binary(buf) {
        return Err(FileError::NotText {
            name: name.to_owned(),
        });
    }
    let (delimiter, records) = sample(buf, eof, options);
    let layout = layout(name, &records, options)?;
    Ok((delimiter, layout))
}

/// Whether the start of a file is not text: a NUL byte in its first 64 KiB,
/// unless it is UTF-16 (with a byte-order mark).
///
/// ```
/// # use telesales_kpi::domain::ingest::is_binary;
/// assert!(is_binary(b"PK\x03\x04\x14\x00"));
/// assert!(!is_binary(b"\xff\xfea\x00,\x00b\x00"));
/// assert!(!is_binary(b"agent,date\n"));
/// ```
pub fn is_binary(start: &[u8]) -> bool {
    let head = start.get(..SNIFF_BYTES).unwrap_or(start);
    super::encoding::detect(head).0 == Encoding::Utf8 && head.contains(&0)
}

/// The first records of a file (non-blank), with its delimiter.
fn sample(buf: &[u8], eof: bool, options: &ParseOptions) -> (u8, Vec<Vec<String>>) {
    let head = buf.get(..SNIFF_BYTES).unwrap_or(buf);
    let whole = eof && buf.len() < SNIFF_BYTES;
    let mut transcoder = Transcoder::new(head);
    let mut scratch = Vec::new();
    let text = transcoder.convert(head, &mut scratch).to_vec();
    let delimiter = if options.kind == Some(FileKind::QueueLog) {
        b'|'
    } else {
        delimiter(&text, whole)
    };
    let mut records: Vec<Vec<String>> = read_all(&text, delimiter, whole)
        .into_iter()
        .map(|(_, cells)| cells)
        .filter(|cells| cells.iter().any(|c| !c.trim().is_empty()))
        .take(SNIFF_RECORDS)
        .collect();
    if records.is_empty() && !whole {
        records = read_all(&text, delimiter, true)
            .into_iter()
            .map(|(_, cells)| cells)
            .filter(|cells| cells.iter().any(|c| !c.trim().is_empty()))
            .take(1)
            .collect();
    }
    (delimiter, records)
}

/// Header and sample rows of a file as the mapping UI shows them, without decoding it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Header cells (empty when the file has no header).
    pub headers: Vec<String>,
    /// Up to 5 first data records.
    pub samples: Vec<Vec<String>>,
    /// The sniffed delimiter.
    pub delimiter: u8,
    /// The kind detected (or forced), if any.
    pub kind: Option<FileKind>,
}

/// Previews the start of a text file (for a file whose decoding failed).
pub fn preview(bytes: &[u8], options: &ParseOptions) -> Preview {
    if is_binary(bytes) {
        return Preview::default();
    }
    let (delimiter, records) = sample(bytes, true, options);
    preview_of(records, delimiter, options)
}

/// The preview of a file's first records.
pub(crate) fn preview_of(
    records: Vec<Vec<String>>,
    delimiter: u8,
    options: &ParseOptions,
) -> Preview {
    let layout = layout("", &records, options).ok();
    let headed = layout.as_ref().is_none_or(|l| l.headed);
    let mut rows = records.into_iter();
    let headers = if headed {
        rows.next().unwrap_or_default()
    } else {
        Vec::new()
    };
    Preview {
        headers,
        samples: rows.take(SAMPLES).collect(),
        delimiter,
        kind: layout.map(|l| l.kind).or(options.kind),
    }
}

/// Decodes a whole text file at once (`new`, `feed`, `end_input` — reading
/// again from where it says — and `finish`).
pub fn parse_bytes(
    file_name: &str,
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<ParsedFile, FileError> {
    let mut decoder = Decoder::new(file_name, options.clone());
    decoder.feed(bytes);
    while let Some(offset) = decoder.end_input() {
        let from = usize::try_from(offset).unwrap_or(usize::MAX);
        decoder.feed(bytes.get(from..).unwrap_or_default());
    }
    decoder.finish()
}

impl Running {
    /// Decoding a file from its start, whose first bytes are `prefix`.
    fn sniffed(
        options: &ParseOptions,
        delimiter: u8,
        layout: Layout,
        prefix: &[u8],
    ) -> Box<Running> {
        let transcoder = Transcoder::new(prefix);
        let (encoding, bom) = super::encoding::detect(prefix);
        let body = Body::new(options.clone(), layout, delimiter);
        Box::new(Running {
            transcoder,
            scratch: Vec::new(),
            reader: RecordReader::new(delimiter),
            body,
            encoding,
            bom,
            delimiter,
            pass: Pass {
                origin: bom as u64,
                skip: 0,
            },
            skip_left: 0,
            restarts: 0,
            done: false,
        })
    }

    /// Decoding a UTF-8 text whose layout is known from `origin` on, at
    /// line 1, into `body`.
    pub(super) fn at(origin: u64, delimiter: u8, body: Body) -> Running {
        Running {
            transcoder: Transcoder::resume(Encoding::Utf8, 0),
            scratch: Vec::new(),
            reader: RecordReader::new(delimiter),
            body,
            encoding: Encoding::Utf8,
            bom: 0,
            delimiter,
            pass: Pass { origin, skip: 0 },
            skip_left: 0,
            restarts: 0,
            done: false,
        }
    }

    pub(super) fn push(&mut self, chunk: &[u8]) {
        if self.done {
            return;
        }
        let Running {
            transcoder,
            scratch,
            reader,
            body,
            skip_left,
            ..
        } = self;
        let mut text = transcoder.convert(chunk, scratch);
        if *skip_left > 0 {
            let drop = usize::try_from(*skip_left)
                .unwrap_or(usize::MAX)
                .min(text.len());
            text = &text[drop..];
            *skip_left -= drop as u64;
        }
        reader.feed(text, &mut |raw| body.handle(raw));
    }

    /// Ends a pass: `Some(offset)` to read again from, or `None` when done.
    pub(super) fn end_pass(&mut self) -> Option<u64> {
        if self.done {
            return None;
        }
        let odd = self.transcoder.finish(&mut self.scratch);
        let Running {
            scratch,
            reader,
            body,
            ..
        } = self;
        reader.feed(scratch, &mut |raw| body.handle(raw));
        let unclosed = reader.finish(&mut |raw| body.handle(raw));
        if let Some(Unclosed { line, next_line }) = unclosed {
            let problem = RowProblem::UnclosedQuote { opened: line };
            self.body.cx.issues.skip(line, problem);
            if let Some(next) = next_line.filter(|_| self.restarts < MAX_RESTARTS) {
                return Some(self.restart(line + 1, next));
            }
        }
        self.done = true;
        if odd {
            self.body.cx.issues.note(Cause::OddUtf16Byte, 1);
        }
        let replaced = self.transcoder.replaced;
        self.body
            .cx
            .issues
            .note(Cause::UnpairedSurrogates, replaced);
        None
    }

    /// Starts a new pass at `line`, `next` text bytes after the current
    /// pass's start; returns the input offset to feed from.
    fn restart(&mut self, line: u64, next: u64) -> u64 {
        self.restarts += 1;
        self.reader = RecordReader::at_line(self.delimiter, line);
        if self.encoding == Encoding::Utf8 {
            let origin = self.pass.origin + next;
            self.transcoder = Transcoder::resume(Encoding::Utf8, 0);
            self.pass = Pass { origin, skip: 0 };
            self.skip_left = 0;
            origin
        } else {
            let skip = self.pass.skip + next;
            self.transcoder = Transcoder::resume(self.encoding, self.bom);
            self.pass = Pass { origin: 0, skip };
            self.skip_left = skip;
            0
        }
    }
}
