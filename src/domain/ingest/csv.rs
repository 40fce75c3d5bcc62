//! A lenient, chunked CSV record reader (RFC 4180 quoting, CRLF/LF/CR, newlines
//! inside quotes) in the manner of csv-core: input may be split anywhere, and
//! text after a closing quote is kept up to the next delimiter.
//!
//! Each complete record is handed to a callback with the physical line where
//! it starts. Blank lines produce no record.

/// One record: the unescaped bytes of its fields, back to back, and where each
/// field ends.
#[derive(Clone, Copy, Debug)]
pub struct RawRecord<'a> {
    /// Physical line (1-based) where the record starts.
    pub line: u64,
    /// The fields' bytes, concatenated.
    pub bytes: &'a [u8],
    /// End offset of each field in `bytes`.
    pub ends: &'a [usize],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    StartField,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// The reader's state between chunks.
#[derive(Clone, Debug)]
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
}

impl RecordReader {
    /// A reader for `delimiter`, at line 1.
    pub fn new(delimiter: u8) -> RecordReader {
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
            line: 1,
            start_line: 1,
            in_record: false,
            after_cr: false,
        }
    }

    /// Reads `input`, calling `on_record` for each record it completes.
    pub fn feed(&mut self, input: &[u8], on_record: &mut impl FnMut(RawRecord<'_>)) {
        let mut i = 0;
        while let Some(&b) = input.get(i) {
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
                        self.state = State::Unquoted;
                        i += run;
                        continue;
                    }
                    if b == self.delimiter {
                        self.begin();
                        self.ends.push(self.buf.len());
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
                        i += run;
                        continue;
                    }
                    if b == b'"' {
                        self.after_cr = false;
                        self.state = State::QuoteInQuoted;
                    } else {
                        self.newline(b);
                        self.buf.push(b);
                    }
                }
                State::QuoteInQuoted => {
                    if b == b'"' {
                        self.buf.push(b);
                        self.state = State::Quoted;
                    } else if b == self.delimiter {
                        self.ends.push(self.buf.len());
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
    }

    /// Ends the input: a last record without a line break is completed.
    pub fn finish(&mut self, on_record: &mut impl FnMut(RawRecord<'_>)) {
        self.end_record(on_record);
    }

    /// The current physical line.
    pub fn line(&self) -> u64 {
        self.line
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
        self.ends.push(self.buf.len());
        on_record(RawRecord {
            line: self.start_line,
            bytes: &self.buf,
            ends: &self.ends,
        });
        self.buf.clear();
        self.ends.clear();
        self.in_record = false;
    }
}

/// Reads all records of `input` (for sniffing and tests).
///
/// ```
/// # use telesales_kpi::domain::ingest::csv::read_all;
/// let rows = read_all(b"a,\"b,\"\"c\"\"\"\n\nd,e", b',', true);
/// assert_eq!(rows, vec![(1, vec!["a".to_owned(), "b,\"c\"".to_owned()]), (3, vec!["d".to_owned(), "e".to_owned()])]);
/// ```
pub fn read_all(input: &[u8], delimiter: u8, eof: bool) -> Vec<(u64, Vec<String>)> {
    let mut out = Vec::new();
    let mut reader = RecordReader::new(delimiter);
    let mut push = |r: RawRecord<'_>| {
        let mut start = 0;
        let fields = r
            .ends
            .iter()
            .map(|&end| {
                let cell = String::from_utf8_lossy(r.bytes.get(start..end).unwrap_or_default())
                    .into_owned();
                start = end;
                cell
            })
            .collect();
        out.push((r.line, fields));
    };
    reader.feed(input, &mut push);
    if eof {
        reader.finish(&mut push);
    }
    out
}
