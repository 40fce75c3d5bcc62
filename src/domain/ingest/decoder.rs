//! The streaming decoder: bytes in, in chunks split anywhere; a
//! [`ParsedFile`] out. The first 64 KiB are sniffed (encoding, delimiter,
//! header, kind), then every record goes to the builder of the kind.

use super::cdr::{CdrBuilder, CdrFamily};
use super::csv::{read_all, RawRecord, RecordReader};
use super::encoding::Transcoder;
use super::error::{FileError, RowError, RowProblem};
use super::issues::{Cause, Warning};
use super::kind::FileKind;
use super::mapping::ColumnMapping;
use super::options::ParseOptions;
use super::queue_log::QueueLogBuilder;
use super::record::{Ctx, Record};
use super::sniff::{delimiter, layout, Layout, SNIFF_BYTES};
use super::tables::calls::CallsBuilder;
use super::tables::deals::DealsBuilder;
use super::tables::leads::LeadsBuilder;
use super::tables::roster::{CampaignsBuilder, RosterBuilder};
use crate::domain::model::Dataset;

/// Sample records kept for the mapping UI.
const SAMPLES: usize = 5;

/// A decoded file: its tables and what happened on the way.
#[derive(Clone, Debug)]
pub struct ParsedFile {
    /// Base name of the file.
    pub name: String,
    /// The kind read.
    pub kind: FileKind,
    /// Its tables and strings, with the kind's `loaded` flag set.
    pub data: Dataset,
    /// Rows read and used (CDR: legs used; `queue_log`: calls produced).
    pub rows: usize,
    /// Rows rejected.
    pub skipped: usize,
    /// The first 50 rejected rows.
    pub errors: Vec<RowError>,
    /// Warnings (present them with the file's name).
    pub warnings: Vec<Warning>,
    /// Header cells (empty for headerless PBX logs).
    pub headers: Vec<String>,
    /// Up to 5 first data records, raw cells.
    pub samples: Vec<Vec<String>>,
    /// The mapping used.
    pub mapping: ColumnMapping,
    /// Whether numeric dates were read day first.
    pub day_first: bool,
    /// Whether money was read with a decimal comma.
    pub decimal_comma: bool,
    /// The delimiter.
    pub delimiter: u8,
}

/// What a builder of each kind is (one per file: the size difference between
/// variants does not matter).
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
enum Sink {
    Calls(CallsBuilder),
    Deals(DealsBuilder),
    Leads(LeadsBuilder),
    Roster(RosterBuilder),
    Campaigns(CampaignsBuilder),
    Cdr(CdrBuilder),
    QueueLog(QueueLogBuilder),
}

/// Decoding state once the layout is known.
#[derive(Debug)]
struct Body {
    cx: Ctx,
    layout: Layout,
    sink: Sink,
    delimiter: u8,
    header_pending: bool,
    headers: Vec<String>,
    samples: Vec<Vec<String>>,
    rows_seen: usize,
    lossy: String,
    lossy_ends: Vec<usize>,
}

#[derive(Debug)]
struct Running {
    transcoder: Transcoder,
    scratch: Vec<u8>,
    reader: RecordReader,
    body: Body,
}

#[derive(Debug)]
enum Stage {
    Sniffing(Vec<u8>),
    Running(Box<Running>),
    Failed(FileError),
}

/// Decodes one file from chunks of bytes (arrow-csv's `Decoder` style: no
/// requirement that a chunk holds whole records).
///
/// ```
/// # use telesales_kpi::domain::ingest::{Decoder, FileKind, ParseOptions};
/// let mut d = Decoder::new("calls.csv", ParseOptions::default());
/// d.feed(b"agent,started_at,status\nBudi,2026-11-03 09:");
/// d.feed(b"15,connected\n");
/// let file = d.finish().unwrap();
/// assert_eq!((file.kind, file.rows), (FileKind::Calls, 1));
/// ```
#[derive(Debug)]
pub struct Decoder {
    name: String,
    options: ParseOptions,
    consumed: u64,
    stage: Stage,
}

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
        }
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
    }

    /// Bytes fed so far.
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

    /// Ends the input and returns the file, or why it can't be used.
    pub fn finish(mut self) -> Result<ParsedFile, FileError> {
        if matches!(self.stage, Stage::Sniffing(_)) {
            self.start(true);
        }
        match self.stage {
            Stage::Running(run) => Ok(run.finish(&self.name)),
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
                let body = Body::new(self.options.clone(), layout, delimiter);
                let mut run = Box::new(Running {
                    transcoder: Transcoder::new(&buf),
                    scratch: Vec::new(),
                    reader: RecordReader::new(delimiter),
                    body,
                });
                run.push(&buf);
                Stage::Running(run)
            }
            Err(e) => Stage::Failed(e),
        };
    }
}

/// Encoding, delimiter and layout of a file from its first [`SNIFF_BYTES`].
fn sniff(
    name: &str,
    buf: &[u8],
    eof: bool,
    options: &ParseOptions,
) -> Result<(u8, Layout), FileError> {
    let (delimiter, records) = sample(buf, eof, options);
    let layout = layout(name, &records, options)?;
    Ok((delimiter, layout))
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
        .take(30)
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

/// Previews the start of a file (for a file whose decoding failed).
pub fn preview(bytes: &[u8], options: &ParseOptions) -> Preview {
    let (delimiter, records) = sample(bytes, true, options);
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

/// Decodes a whole file at once (`new` + `feed` + `finish`).
pub fn parse_bytes(
    file_name: &str,
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<ParsedFile, FileError> {
    let mut decoder = Decoder::new(file_name, options.clone());
    decoder.feed(bytes);
    decoder.finish()
}

impl Running {
    fn push(&mut self, chunk: &[u8]) {
        let Running {
            transcoder,
            scratch,
            reader,
            body,
        } = self;
        let text = transcoder.convert(chunk, scratch);
        reader.feed(text, &mut |raw| body.handle(raw));
    }

    fn finish(mut self, name: &str) -> ParsedFile {
        let odd = self.transcoder.finish(&mut self.scratch);
        let Running {
            transcoder,
            scratch,
            reader,
            body,
        } = &mut self;
        reader.feed(scratch, &mut |raw| body.handle(raw));
        reader.finish(&mut |raw| body.handle(raw));
        if odd {
            body.cx.issues.note(Cause::OddUtf16Byte, 1);
        }
        body.cx
            .issues
            .note(Cause::UnpairedSurrogates, transcoder.replaced);
        self.body.finish(name)
    }
}

impl Body {
    fn new(options: ParseOptions, layout: Layout, delimiter: u8) -> Body {
        let (day_first, comma) = (options.day_first, options.decimal_comma);
        let m = &layout.mapping;
        let sink = match layout.kind {
            FileKind::Calls => Sink::Calls(CallsBuilder::new(m, day_first)),
            FileKind::Deals => Sink::Deals(DealsBuilder::new(m, day_first, comma)),
            FileKind::Leads => Sink::Leads(LeadsBuilder::new(m, day_first)),
            FileKind::Roster => Sink::Roster(RosterBuilder::new(m)),
            FileKind::Campaigns => Sink::Campaigns(CampaignsBuilder::new(m, day_first)),
            FileKind::AsteriskCdr => {
                // By name when headed or mapped by the user, else by field count.
                let user = !options.choices.is_empty()
                    || options
                        .mapping
                        .as_ref()
                        .is_some_and(|u| u.kind() == FileKind::AsteriskCdr);
                let family = layout.cdr.unwrap_or(CdrFamily::MasterCsv);
                Sink::Cdr(CdrBuilder::new(
                    (layout.headed || user).then_some(m),
                    family,
                ))
            }
            FileKind::QueueLog => Sink::QueueLog(QueueLogBuilder::default()),
        };
        Body {
            cx: Ctx::new(options),
            header_pending: layout.headed,
            layout,
            sink,
            delimiter,
            headers: Vec::new(),
            samples: Vec::new(),
            rows_seen: 0,
            lossy: String::new(),
            lossy_ends: Vec::new(),
        }
    }

    fn handle(&mut self, raw: RawRecord<'_>) {
        if let Ok(text) = std::str::from_utf8(raw.bytes) {
            self.record(&Record::new(raw.line, text, raw.ends));
            return;
        }
        let mut lossy = std::mem::take(&mut self.lossy);
        let mut ends = std::mem::take(&mut self.lossy_ends);
        lossy.clear();
        ends.clear();
        let mut start = 0;
        for &end in raw.ends {
            lossy.push_str(&String::from_utf8_lossy(
                raw.bytes.get(start..end).unwrap_or_default(),
            ));
            ends.push(lossy.len());
            start = end;
        }
        self.cx.issues.warn(Cause::NotUtf8, raw.line, "");
        self.record(&Record::new(raw.line, &lossy, &ends));
        self.lossy = lossy;
        self.lossy_ends = ends;
    }

    fn record(&mut self, rec: &Record<'_>) {
        if rec.is_blank() {
            return;
        }
        if self.header_pending {
            self.header_pending = false;
            self.headers = rec.to_strings();
            return;
        }
        self.rows_seen += 1;
        if self.samples.len() < SAMPLES {
            self.samples.push(rec.to_strings());
        }
        let cx = &mut self.cx;
        if self.layout.headed && rec.len() != self.headers.len() {
            let problem = RowProblem::FieldCount {
                expected: self.headers.len(),
                found: rec.len(),
            };
            cx.issues.skip(rec.line, problem);
            return;
        }
        match &mut self.sink {
            Sink::Calls(b) => b.record(rec, cx),
            Sink::Deals(b) => b.record(rec, cx),
            Sink::Leads(b) => b.record(rec, cx),
            Sink::Roster(b) => b.record(rec, cx),
            Sink::Campaigns(b) => b.record(rec, cx),
            Sink::Cdr(b) => b.record(rec, cx),
            Sink::QueueLog(b) => b.record(rec, cx),
        }
    }

    fn finish(self, name: &str) -> ParsedFile {
        let Body {
            mut cx,
            layout,
            sink,
            delimiter,
            headers,
            samples,
            ..
        } = self;
        let mut data = Dataset::new();
        let mut day_first = true;
        let mut decimal_comma = false;
        let rows = match sink {
            Sink::Calls(b) => {
                (data.calls, day_first) = b.finish();
                data.loaded.calls = true;
                data.calls.len()
            }
            Sink::Deals(b) => {
                (data.deals, day_first, decimal_comma) = b.finish(&mut cx);
                data.loaded.deals = true;
                data.deals.len()
            }
            Sink::Leads(b) => {
                (data.leads, day_first) = b.finish();
                data.loaded.leads = true;
                data.leads.len()
            }
            Sink::Roster(b) => {
                data.roster = b.finish();
                data.loaded.roster = true;
                data.roster.len()
            }
            Sink::Campaigns(b) => {
                (data.campaigns, day_first) = b.finish();
                data.loaded.campaigns = true;
                data.campaigns.len()
            }
            Sink::Cdr(b) => {
                let (table, legs) = b.finish(&mut cx);
                data.calls = table;
                data.loaded.calls = true;
                legs
            }
            Sink::QueueLog(b) => {
                data.calls = b.finish(&mut cx);
                data.loaded.calls = true;
                data.calls.len()
            }
        };
        if let Some(forced) = cx.options.day_first {
            day_first = forced;
        }
        if let Some(forced) = cx.options.decimal_comma {
            decimal_comma = forced;
        }
        let warnings = cx.issues.warnings();
        data.strings = cx.strings;
        ParsedFile {
            name: name.to_owned(),
            kind: layout.kind,
            data,
            rows,
            skipped: cx.issues.skipped,
            errors: cx.issues.errors,
            warnings,
            headers,
            samples,
            mapping: layout.mapping,
            day_first,
            decimal_comma,
            delimiter,
        }
    }
}
