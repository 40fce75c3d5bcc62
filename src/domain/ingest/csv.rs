//! A lenient, chunked CSV record reader (RFC 4180 quoting, CRLF/LF/CR, newlines
//! inside quotes) in the manner of csv-core: input may be split anywhere, and
//! text after a closing quote is kept up to the next delimiter.
//!
//! Each complete record is handed to a callback with the physical line where
//! it starts. Blank lines produce no record. A record is bounded in memory
//! ([`MAX_RECORD_BYTES`], [`MAX_FIELDS`]): past that it is handed over empty,
//! marked too long. An input that ends inside a quoted field is reported
//! ([`Unclosed`]) with where the next line starts, so that the caller can read
//! on from there (DATA.md §9).
//!
//! A line that starts a record, ends in the chunk at hand and holds no quote
//! and no lone CR (nearly every line of an export) is handed over as it is in
//! the input, with no copy: its fields are separated by the delimiter there
//! ([`RawRecord::separator`]), and its text is known to be UTF-8 when the
//! chunk's valid prefix covers it (the chunk is checked once). Any other
//! record goes through the byte-by-byte state machine, whose result is the
//! same.

/// Longest record kept, in bytes of its fields.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

/// Most fields a record keeps.
pub const MAX_FIELDS: usize = 1 << 20;

/// The input ended inside a quoted field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unclosed {
    /// The first line of the record that holds the open quote.
    pub line: u64,
    /// Where that record's second line starts, as an offset in the text fed
    /// since the reader was made (`None`: the quote was opened on the last line).
    pub next_line: Option<u64>,
}

/// One record: the unescaped bytes of its fields and where each field ends.
#[derive(Clone, Copy, Debug)]
pub struct RawRecord<'a> {
    /// Physical line (1-based) where the record starts.
    pub line: u64,
    /// The fields' bytes: back to back, or as written with one
    /// [`RawRecord::separator`] byte between two fields.
    pub bytes: &'a [u8],
    /// End offset of each field in `bytes`.
    pub ends: &'a [usize],
    /// `Some(delimiter)` when `bytes` is the record as written (it held no
    /// quote): field `i + 1` starts one byte after the end of field `i`.
    /// `None` when the fields are back to back.
    pub separator: Option<u8>,
    /// `bytes` as text, when it is known to be UTF-8.
    pub text: Option<&'a str>,
    /// The record exceeded [`MAX_RECORD_BYTES`] or [`MAX_FIELDS`]; its cells
    /// were not kept (`bytes` and `ends` are empty).
    pub too_long: bool,
}

impl<'a> RawRecord<'a> {
    /// Where field `i` starts in `bytes`.
    pub fn start(&self, i: usize) -> usize {
        match i.checked_sub(1).and_then(|p| self.ends.get(p)) {
            Some(&end) => end + usize::from(self.separator.is_some()),
            None => 0,
        }
    }

    /// The bytes of field `i` (empty past the end).
    pub fn field(&self, i: usize) -> &'a [u8] {
        let Some(&end) = self.ends.get(i) else {
            return &[];
        };
        self.bytes.get(self.start(i)..end).unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum State {
    StartField,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// The reader's state between chunks (it travels between workers without
/// its table of special bytes, made again from the delimiter).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(from = "Saved", into = "Saved")]
pub struct RecordReader {
    delimiter: u8,
    special: [bool; 256],
    state: State,
    buf: Vec<u8>,
    ends: Vec<usize>,
    line: u64,
    start_line: u64,
    in_record: bool,
    after_cr: bool,
    too_long: bool,
    /// Text bytes fed so far.
    fed: u64,
    /// Where the current record's second line starts, once seen.
    next_line: Option<u64>,
}

/// A [`RecordReader`] as it travels: all but the table of special bytes.
#[derive(serde::Serialize, serde::Deserialize)]
struct Saved {
    delimiter: u8,
    state: State,
    buf: Vec<u8>,
    ends: Vec<usize>,
    line: u64,
    start_line: u64,
    in_record: bool,
    after_cr: bool,
    too_long: bool,
    fed: u64,
    next_line: Option<u64>,
}

impl From<Saved> for RecordReader {
    fn from(s: Saved) -> RecordReader {
        RecordReader {
            state: s.state,
            buf: s.buf,
            ends: s.ends,
            start_line: s.start_line,
            in_record: s.in_record,
            after_cr: s.after_cr,
            too_long: s.too_long,
            fed: s.fed,
            next_line: s.next_line,
            ..RecordReader::at_line(s.delimiter, s.line)
        }
    }
}

impl From<RecordReader> for Saved {
    fn from(r: RecordReader) -> Saved {
        Saved {
            delimiter: r.delimiter,
            state: r.state,
            buf: r.buf,
            ends: r.ends,
            line: r.line,
            start_line: r.start_line,
            in_record: r.in_record,
            after_cr: r.after_cr,
            too_long: r.too_long,
            fed: r.fed,
            next_line: r.next_line,
        }
    }
}

impl RecordReader {
    /// A reader for `delimiter`, at line 1.
    pub fn new(delimiter: u8) -> RecordReader {
        RecordReader::at_line(delimiter, 1)
    }

    /// A reader for `delimiter` whose input starts at physical line `line`.
    pub fn at_line(delimiter: u8, line: u64) -> RecordReader {
        let mut special = [false; 256];
        for b in [delimiter, b'"', b'\n', b'\r'] {
            special[usize::from(b)] = true;
        }
        RecordReader {
            delimiter,
            special,
            state: State::StartField,
            buf: Vec::with_capacity(256),
            ends: Vec::with_capacity(32),
            line,
            start_line: line,
            in_record: false,
            after_cr: false,
            too_long: false,
            fed: 0,
            next_line: None,
        }
    }

    /// Reads `input`, calling `on_record` for each record it completes.
    pub fn feed(&mut self, input: &[u8], on_record: &mut impl FnMut(RawRecord<'_>)) {
        let text = valid_prefix(input);
        let mut next = Next::default();
        let mut i = 0;
        while let Some(&b) = input.get(i) {
            if self.state == State::StartField && !self.in_record {
                let after = self.plain_lines(input, text, i, &mut next, on_record);
                if after != i {
                    i = after;
                    continue;
                }
            }
            match self.state {
                State::StartField | State::Unquoted => {
                    if !self.special[usize::from(b)] {
                        let rest = &input[i..];
                        let run = rest
                            .iter()
                            .position(|&c| self.special[usize::from(c)])
                            .unwrap_or(rest.len());
                        self.begin();
                        self.buf.extend_from_slice(&rest[..run]);
                        self.bound();
                        self.state = State::Unquoted;
                        i += run;
                        continue;
                    }
                    if b == self.delimiter {
                        self.begin();
                        self.end_field();
                        self.state = State::StartField;
                    } else if b == b'"' {
                        self.begin();
                        if self.state == State::StartField {
                            self.state = State::Quoted;
                        } else {
                            self.buf.push(b);
                        }
                    } else {
                        self.newline(b);
                        self.end_record(on_record);
                    }
                }
                State::Quoted => {
                    let rest = &input[i..];
                    let run = rest
                        .iter()
                        .position(|&c| matches!(c, b'"' | b'\n' | b'\r'))
                        .unwrap_or(rest.len());
                    if run > 0 {
                        self.after_cr = false;
                        self.buf.extend_from_slice(&rest[..run]);
                        self.bound();
                        i += run;
                        continue;
                    }
                    if b == b'"' {
                        self.after_cr = false;
                        self.state = State::QuoteInQuoted;
                    } else {
                        self.mark_next_line(b, self.fed + i as u64 + 1);
                        self.newline(b);
                        self.buf.push(b);
                    }
                }
                State::QuoteInQuoted => {
                    if b == b'"' {
                        self.buf.push(b);
                        self.state = State::Quoted;
                    } else if b == self.delimiter {
                        self.end_field();
                        self.state = State::StartField;
                    } else if b == b'\n' || b == b'\r' {
                        self.newline(b);
                        self.end_record(on_record);
                    } else {
                        self.buf.push(b);
                        self.state = State::Unquoted;
                    }
                }
            }
            i += 1;
        }
        self.fed += input.len() as u64;
    }

    /// At the start of a record: reads the lines from `i` on at once while
    /// they end in `input` and hold no quote and no lone CR; returns where
    /// the state machine goes on (`i` itself when the first line is not one).
    /// `next` caches where the next quote and CR at or after `i` are.
    fn plain_lines(
        &mut self,
        input: &[u8],
        text: &str,
        mut i: usize,
        next: &mut Next,
        on_record: &mut impl FnMut(RawRecord<'_>),
    ) -> usize {
        loop {
            let Some(rest) = input.get(i..).filter(|r| !r.is_empty()) else {
                return i;
            };
            if self.after_cr && rest.first() == Some(&b'\n') {
                return i;
            }
            // The line must end before the next quote, and at the LF right
            // after the next CR if it holds one (CRLF): look no further.
            let (quote, cr) = (next.find(b'"', input, i), next.find(b'\r', input, i));
            let window = input
                .get(i..quote.min(cr.saturating_add(2)))
                .unwrap_or_default();
            let Some(nl) = memchr::memchr(b'\n', window).map(|n| i + n) else {
                return i;
            };
            let mut end = nl;
            if cr < nl {
                if cr + 1 != nl {
                    return i;
                }
                end -= 1;
            }
            if end - i > MAX_RECORD_BYTES {
                return i;
            }
            let line = &input[i..end];
            let mut ends = std::mem::take(&mut self.ends);
            ends.clear();
            let plain = split_plain(line, self.delimiter, &mut ends);
            if !plain {
                ends.clear();
            }
            self.ends = ends;
            if !plain {
                return i;
            }
            self.after_cr = false;
            if !line.is_empty() {
                self.ends.push(line.len());
                on_record(RawRecord {
                    line: self.line,
                    bytes: line,
                    ends: &self.ends,
                    separator: Some(self.delimiter),
                    text: text.get(i..end),
                    too_long: false,
                });
            }
            self.ends.clear();
            self.line += 1;
            i = nl + 1;
        }
    }

    /// Ends the input: a last record without a line break is completed; a
    /// record still inside a quoted field is dropped and reported.
    pub fn finish(&mut self, on_record: &mut impl FnMut(RawRecord<'_>)) -> Option<Unclosed> {
        if self.state == State::Quoted && self.in_record {
            let unclosed = Unclosed {
                line: self.start_line,
                next_line: self.next_line,
            };
            self.reset_record();
            return Some(unclosed);
        }
        self.end_record(on_record);
        None
    }

    /// Notes where the record's second line starts, at its first line break
    /// (`at` is the offset right after the break byte `b`; CRLF counts once).
    fn mark_next_line(&mut self, b: u8, at: u64) {
        match self.next_line {
            None => self.next_line = Some(at),
            Some(n) if b == b'\n' && self.after_cr && n + 1 == at => self.next_line = Some(at),
            Some(_) => {}
        }
    }

    /// Drops the cells of a record past the limits (keeping memory bounded).
    fn bound(&mut self) {
        if self.buf.len() > MAX_RECORD_BYTES {
            self.too_long = true;
            self.buf.clear();
            self.ends.clear();
        }
    }

    fn end_field(&mut self) {
        if self.ends.len() >= MAX_FIELDS {
            self.too_long = true;
            self.buf.clear();
            self.ends.clear();
        }
        self.ends.push(self.buf.len());
    }

    /// The current physical line.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether the reader is between records (not inside one, nor inside
    /// a quoted field).
    pub fn between_records(&self) -> bool {
        self.state == State::StartField && !self.in_record && !self.after_cr
    }

    /// The same reader with its line numbers `lines` further on (for a
    /// reader that read a later part of a file counting from line 1).
    #[must_use]
    pub fn shifted(mut self, lines: u64) -> RecordReader {
        self.line += lines;
        self.start_line += lines;
        self
    }

    fn begin(&mut self) {
        self.after_cr = false;
        if !self.in_record {
            self.in_record = true;
            self.start_line = self.line;
        }
    }

    /// Counts a line break: CR, LF, or CRLF counted once.
    fn newline(&mut self, b: u8) {
        if b == b'\r' {
            self.line += 1;
            self.after_cr = true;
        } else {
            if !self.after_cr {
                self.line += 1;
            }
            self.after_cr = false;
        }
    }

    fn end_record(&mut self, on_record: &mut impl FnMut(RawRecord<'_>)) {
        self.state = State::StartField;
        if !self.in_record {
            return;
        }
        self.end_field();
        if self.too_long {
            self.buf.clear();
            self.ends.clear();
        }
        on_record(RawRecord {
            line: self.start_line,
            bytes: &self.buf,
            ends: &self.ends,
            separator: None,
            text: None,
            too_long: self.too_long,
        });
        self.reset_record();
    }

    fn reset_record(&mut self) {
        self.buf.clear();
        self.ends.clear();
        self.in_record = false;
        self.too_long = false;
        self.next_line = None;
        self.state = State::StartField;
    }
}

/// Every byte of a word equal to `b`, as its high bit (exact: no carry
/// crosses a byte).
fn eq_mask(word: u64, b: u8) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let t = word ^ (LOW * u64::from(b));
    !(((t & SEVEN) + SEVEN) | t | SEVEN)
}

/// Where the next quote and the next CR of a chunk are, searched once for
/// many lines.
#[derive(Clone, Copy, Debug, Default)]
struct Next {
    quote: Option<usize>,
    cr: Option<usize>,
}

impl Next {
    /// The offset of the first `b` (a quote or a CR) at or after `from` in
    /// `input` (`input.len()` when there is none).
    fn find(&mut self, b: u8, input: &[u8], from: usize) -> usize {
        let slot = if b == b'"' {
            &mut self.quote
        } else {
            &mut self.cr
        };
        match *slot {
            Some(at) if at >= from => at,
            _ => {
                let rest = input.get(from..).unwrap_or_default();
                let at = memchr::memchr(b, rest).map_or(input.len(), |k| from + k);
                *slot = Some(at);
                at
            }
        }
    }
}

/// Pushes the offset of each `delimiter` in `line` onto `ends`, eight bytes
/// at a time; `false` past [`MAX_FIELDS`] fields (the state machine reads
/// the line then).
fn split_plain(line: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> bool {
    let mut push = |mut hits: u64, base: usize| {
        while hits != 0 {
            ends.push(base + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        ends.len() < MAX_FIELDS
    };
    let mut words = line.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut words {
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        if !push(eq_mask(word, delimiter), base) {
            return false;
        }
        base += 8;
    }
    let tail = words.remainder().len();
    if tail == 0 {
        return true;
    }
    // The last bytes: the mask of the line's last eight bytes, shifted.
    let hits = match line.len().checked_sub(8) {
        Some(from) => {
            let word = line
                .get(from..)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .map_or(0, u64::from_le_bytes);
            eq_mask(word, delimiter) >> (8 * (8 - tail))
        }
        None => line
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == delimiter)
            .fold(0u64, |m, (k, _)| m | 0x80 << (8 * k)),
    };
    push(hits, base)
}

/// The longest prefix of `input` that is UTF-8 (a chunk may end inside a
/// character, and a file may hold bytes that are not UTF-8).
fn valid_prefix(input: &[u8]) -> &str {
    match std::str::from_utf8(input) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(input.get(..e.valid_up_to()).unwrap_or_default())
            .unwrap_or_default(),
    }
}

/// Reads all records of `input` (for sniffing and tests). With `eof`, an
/// unclosed quote costs its record only: reading goes on at its next line.
///
/// ```
/// # use telesales_kpi::domain::ingest::csv::read_all;
/// let rows = read_all(b"a,\"b,\"\"c\"\"\"\n\nd,e", b',', true);
/// assert_eq!(rows, vec![(1, vec!["a".to_owned(), "b,\"c\"".to_owned()]), (3, vec!["d".to_owned(), "e".to_owned()])]);
/// let rows = read_all(b"a,b\n\"x,y\nc,d\n", b',', true);
/// assert_eq!(rows, vec![(1, vec!["a".to_owned(), "b".to_owned()]), (3, vec!["c".to_owned(), "d".to_owned()])]);
/// ```
pub fn read_all(input: &[u8], delimiter: u8, eof: bool) -> Vec<(u64, Vec<String>)> {
    let mut out = Vec::new();
    let mut push = |r: RawRecord<'_>| {
        let fields = (0..r.ends.len())
            .map(|i| String::from_utf8_lossy(r.field(i)).into_owned())
            .collect();
        out.push((r.line, fields));
    };
    let (mut from, mut line) = (0usize, 1u64);
    loop {
        let mut reader = RecordReader::at_line(delimiter, line);
        reader.feed(input.get(from..).unwrap_or_default(), &mut push);
        if !eof {
            break;
        }
        match reader.finish(&mut push) {
            Some(Unclosed {
                line: opened,
                next_line: Some(next),
            }) => {
                from += usize::try_from(next).unwrap_or(usize::MAX);
                line = opened + 1;
            }
            _ => break,
        }
    }
    out
}
