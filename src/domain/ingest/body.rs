//! The records of a file once its layout is known: the header, the samples,
//! the field-count check, and the builder of its kind; then the
//! [`ParsedFile`]. Text files ([`super::Decoder`]) and worksheets
//! ([`super::workbook`]) both end here.

use std::sync::Arc;

use super::cdr::{CdrBuilder, CdrFamily};
use super::csv::{RawRecord, MAX_RECORD_BYTES};
use super::error::{RowError, RowProblem};
use super::issues::{Cause, Warning};
use super::kind::FileKind;
use super::mapping::ColumnMapping;
use super::options::ParseOptions;
use super::queue_log::QueueLogBuilder;
use super::record::{Ctx, Record};
use super::sniff::Layout;
use super::tables::calls::CallsBuilder;
use super::tables::deals::DealsBuilder;
use super::tables::leads::LeadsBuilder;
use super::tables::roster::{CampaignsBuilder, RosterBuilder};
use crate::domain::model::{CallTable, Dataset, RawColumns, Remap};

/// Sample records kept for the mapping UI.
pub const SAMPLES: usize = 5;

/// Cells of a sample record kept for the mapping UI.
pub const SAMPLE_CELLS: usize = 1000;

/// A decoded file: its tables and what happened on the way.
#[derive(Clone, Debug)]
pub struct ParsedFile {
    /// Base name of the file (`book.xlsx#Sheet` for a worksheet).
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
    /// Up to 5 first data records, raw cells (at most 1000 each).
    pub samples: Vec<Vec<String>>,
    /// The mapping used.
    pub mapping: ColumnMapping,
    /// Whether numeric dates were read day first.
    pub day_first: bool,
    /// Whether money was read with a decimal comma.
    pub decimal_comma: bool,
    /// The delimiter (`,` for a worksheet).
    pub delimiter: u8,
}

/// What a builder of each kind is (one per file: the size difference between
/// variants does not matter).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)]
enum Sink {
    Calls(CallsBuilder),
    Leads(LeadsBuilder),
    // Only the kinds a file is split for travel between workers (skipped
    // variants come last: serde numbers the others in order when reading).
    #[serde(skip)]
    Deals(DealsBuilder),
    #[serde(skip)]
    Roster(RosterBuilder),
    #[serde(skip)]
    Campaigns(CampaignsBuilder),
    #[serde(skip)]
    Cdr(CdrBuilder),
    #[serde(skip)]
    QueueLog(QueueLogBuilder),
}

/// Decoding state once the layout is known.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Body {
    /// What builders share (the issues are counted here).
    pub cx: Ctx,
    layout: Layout,
    sink: Sink,
    delimiter: u8,
    header_pending: bool,
    headers: Vec<String>,
    samples: Vec<Vec<String>>,
    /// Data records seen so far.
    pub rows_seen: usize,
    check_width: bool,
    lossy: String,
    lossy_ends: Vec<usize>,
}

impl Body {
    /// Makes room for about `rows` more records (calls files: the table
    /// that grows to millions of rows).
    pub fn reserve(&mut self, rows: usize) {
        if let Sink::Calls(b) = &mut self.sink {
            b.table.reserve(rows);
        }
    }

    /// A body for `layout`, reading records split at `delimiter`.
    pub fn new(options: ParseOptions, layout: Layout, delimiter: u8) -> Body {
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
            check_width: true,
            lossy: String::new(),
            lossy_ends: Vec::new(),
        }
    }

    /// A body for a later part of a text file (see
    /// [`crate::domain::ingest::split`]): its header, `headers`, was read by
    /// the first part, and its lines count from the part's start.
    pub fn continuing(
        options: ParseOptions,
        layout: Layout,
        delimiter: u8,
        headers: Vec<String>,
    ) -> Body {
        let mut body = Body::new(options, layout, delimiter);
        body.header_pending = false;
        body.headers = headers;
        body
    }

    /// The header cells once read.
    pub fn header(&self) -> Option<&[String]> {
        (!self.header_pending).then_some(&self.headers)
    }

    /// Whether [`Body::absorb`] of `later`, the body of the part of the file
    /// right after this one's records, gives what one body reading both
    /// parts would have: the same layout and header, conventions that agree,
    /// issues that merge exactly, and a kind whose rows are read one by one.
    pub fn can_absorb(&self, later: &Body) -> bool {
        let sinks = match (&self.sink, &later.sink) {
            (Sink::Calls(a), Sink::Calls(b)) => a.agrees_with(b),
            (Sink::Leads(a), Sink::Leads(b)) => a.agrees_with(b),
            _ => false,
        };
        sinks
            && !self.header_pending
            && !later.header_pending
            && self.layout == later.layout
            && self.delimiter == later.delimiter
            && self.headers == later.headers
            && self.check_width == later.check_width
            && self.cx.options == later.cx.options
            && self.cx.issues.can_absorb(&later.cx.issues)
    }

    /// Takes over the records of `later` (see [`Body::can_absorb`]), whose
    /// lines are `line_offset` lines on: its rows, strings, conventions,
    /// issues and samples.
    pub fn absorb(&mut self, mut later: Body, line_offset: u64, raw: Option<&mut RawColumns>) {
        // The later part's strings are freed before its rows move in.
        let strings = std::mem::take(&mut later.cx.strings);
        let map = Remap::new(&mut self.cx.strings, &strings);
        drop(strings);
        match (&mut self.sink, later.sink) {
            (Sink::Calls(a), Sink::Calls(b)) => a.absorb(b, &map, raw),
            (Sink::Leads(a), Sink::Leads(b)) => a.absorb(b, &map),
            _ => {}
        }
        self.cx.issues.absorb(later.cx.issues, line_offset);
        self.rows_seen += later.rows_seen;
        let room = SAMPLES.saturating_sub(self.samples.len());
        self.samples.extend(later.samples.into_iter().take(room));
    }

    /// A calls body's table so far, taken out to travel apart from the rest
    /// (`None` for any other body).
    pub fn take_calls(&mut self) -> Option<CallTable> {
        match &mut self.sink {
            Sink::Calls(b) => Some(b.take_table()),
            _ => None,
        }
    }

    /// Whether `raw` holds calls a calls body can take over (see
    /// [`CallTable::check_raw`]).
    pub fn can_absorb_raw(&self, raw: &mut RawColumns) -> bool {
        matches!(self.sink, Sink::Calls(_)) && CallTable::check_raw(raw)
    }

    /// The same body for records whose field count is no error (a worksheet's
    /// rows, cut or padded to their header).
    pub fn rows_of_any_width(mut self) -> Body {
        self.check_width = false;
        self
    }

    /// Reads one record of a text file (bytes that are not UTF-8 are replaced
    /// with a warning; a record past the reader's limits is skipped).
    pub fn handle(&mut self, raw: RawRecord<'_>) {
        if raw.too_long {
            if self.header_pending {
                self.header_pending = false;
            } else {
                self.rows_seen += 1;
            }
            let limit = MAX_RECORD_BYTES;
            self.cx
                .issues
                .skip(raw.line, RowProblem::RecordTooLong { limit });
            return;
        }
        let text = raw.text.or_else(|| std::str::from_utf8(raw.bytes).ok());
        if let Some(text) = text {
            self.record(&Record::delimited(raw.line, text, raw.ends, raw.separator));
            return;
        }
        let mut lossy = std::mem::take(&mut self.lossy);
        let mut ends = std::mem::take(&mut self.lossy_ends);
        lossy.clear();
        ends.clear();
        for i in 0..raw.ends.len() {
            lossy.push_str(&String::from_utf8_lossy(raw.field(i)));
            ends.push(lossy.len());
        }
        self.cx.issues.warn(Cause::NotUtf8, raw.line, "");
        self.record(&Record::new(raw.line, &lossy, &ends));
        self.lossy = lossy;
        self.lossy_ends = ends;
    }

    /// Reads one record: the header first (when the layout has one), then data.
    pub fn record(&mut self, rec: &Record<'_>) {
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
            let mut cells = rec.to_strings();
            cells.truncate(SAMPLE_CELLS);
            self.samples.push(cells);
        }
        let cx = &mut self.cx;
        if self.check_width && self.layout.headed && rec.len() != self.headers.len() {
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

    /// Builds the file's tables.
    pub fn finish(self, name: &str) -> ParsedFile {
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
                let table;
                (table, day_first) = b.finish();
                data.calls = Arc::new(table);
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
                data.calls = Arc::new(table);
                data.loaded.calls = true;
                legs
            }
            Sink::QueueLog(b) => {
                data.calls = Arc::new(b.finish(&mut cx));
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
        data.shrink_to_fit();
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
