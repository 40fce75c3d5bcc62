//! The messages between the page and its Web Worker (which owns the files,
//! the dataset and the engine): plain serde types, sent as postcard bytes
//! (compact and quick to read, and smaller page code than JSON's; both ends
//! are the same build, so no field names need to travel). The
//! page asks ([`Request`]); the worker answers ([`Response`]). A `File` the
//! page wants read travels beside an [`Request::Open`] message, never in it.
//!
//! Everything the page shows comes decided in these answers: the report with
//! its judged values and targets, the chart series, the file list with its
//! diagnostics already worded in both languages, the drill-down rows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::ingest::{ColumnMapping, FileKind, ParseOptions};
use crate::domain::kpi::targets::Targets;
use crate::domain::kpi::{
    Cell, Column, Filter, KpiId, Period, Report, RunUp, SeriesPoint, Settings,
};
use crate::domain::kpi::{Granularity, RecordKind};
use crate::domain::model::time::Day;

/// A text in both page languages (diagnostics are worded by the worker, so a
/// language switch re-renders them without asking again).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

/// The settings every file is read with (a file's own choices aside).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadSettings {
    /// The report's UTC offset, minutes.
    pub utc_offset_minutes: i32,
    /// Country code replacing a leading 0 of phones.
    pub country_code: String,
    /// Longest PBX extension.
    pub extension_max_digits: usize,
}

impl ReadSettings {
    /// These settings with a file's own choices.
    pub fn options(&self, own: &FileChoices) -> ParseOptions {
        ParseOptions {
            kind: own.kind,
            mapping: own.mapping.clone(),
            choices: Vec::new(),
            day_first: own.day_first,
            decimal_comma: own.decimal_comma,
            utc_offset_minutes: self.utc_offset_minutes,
            country_code: self.country_code.clone(),
            extension_max_digits: self.extension_max_digits,
            keep_call_ids: false,
        }
    }
}

impl Default for ReadSettings {
    fn default() -> Self {
        let o = ParseOptions::default();
        ReadSettings {
            utc_offset_minutes: o.utc_offset_minutes,
            country_code: o.country_code,
            extension_max_digits: o.extension_max_digits,
        }
    }
}

/// What the user chose for one file (else sniffing decides).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChoices {
    /// The kind.
    pub kind: Option<FileKind>,
    /// Field → column.
    pub mapping: Option<ColumnMapping>,
    /// Date order.
    pub day_first: Option<bool>,
    /// Money convention.
    pub decimal_comma: Option<bool>,
}

impl FileChoices {
    /// The choices held by parse options.
    pub fn of(o: &ParseOptions) -> FileChoices {
        FileChoices {
            kind: o.kind,
            mapping: o.mapping.clone(),
            day_first: o.day_first,
            decimal_comma: o.decimal_comma,
        }
    }
}

/// A request of the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// How files are read and KPIs count; files already read are read again
    /// when a reading setting changes.
    Settings {
        /// Reading settings.
        read: ReadSettings,
        /// Counting settings.
        kpi: Settings,
    },
    /// The mappings remembered per header, applied to files as they arrive.
    Remembered(crate::domain::ingest::remembered::RememberedMappings),
    /// Read the files sent beside this message, in order.
    Open,
    /// Load the demo files for `today` (the browser's date).
    Demo(Day),
    /// Read an entry again with the user's choices; `remember` the mapping
    /// for its header.
    Reapply {
        /// The entry.
        id: u64,
        /// The choices.
        choices: FileChoices,
        /// Remember them for files with the same header.
        remember: bool,
    },
    /// Undo the remembered mapping applied to an entry on arrival.
    Undo {
        /// The entry.
        id: u64,
    },
    /// Drop an entry.
    Remove {
        /// The entry.
        id: u64,
    },
    /// Stop reading the files in progress.
    Cancel,
    /// The report, charts and lists for a filter and targets.
    View(ViewRequest),
    /// One page of a drill-down list.
    Drill(DrillRequest),
    /// A whole drill-down list as CSV.
    DrillCsv {
        /// Which list, sorted how.
        list: DrillRequest,
        /// `;` or `,`.
        delimiter: char,
    },
    /// Of the page's worker to its helper: read part `index` of the file
    /// sent beside, cut by the plan sent beside as bytes
    /// (`ingest::split::Plan::to_bytes`).
    ReadPart {
        /// The part.
        index: usize,
    },
}

/// What a view is asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewRequest {
    /// Echoed in the answer (the page keeps only the newest).
    pub seq: u64,
    /// Period and scope; a missing period is the page's default: the month
    /// of the latest dated record.
    pub filter: Filter,
    /// The targets.
    pub targets: Targets,
    /// The KPI whose trend the charts show.
    pub chart: KpiId,
}

/// Which drill-down list, sorted how, which page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrillRequest {
    /// Echoed in the answer.
    pub seq: u64,
    /// The filter of the report (its period resolved as for the view).
    pub filter: Filter,
    /// The KPI.
    pub kpi: KpiId,
    /// An agent-table cell's agent.
    pub agent: Option<String>,
    /// Sorted by a column, descending or not.
    pub sort: Option<(Column, bool)>,
    /// First row.
    pub offset: usize,
    /// Rows wanted.
    pub limit: usize,
}

/// An answer of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker is listening.
    Ready,
    /// A file is being read.
    Progress(Progress),
    /// One Open, Demo, Reapply or Undo request is done (or cancelled).
    Idle {
        /// Whether the user cancelled it.
        cancelled: bool,
    },
    /// The file list after a change.
    Files(Vec<FileInfo>),
    /// Something for the user to know (a duplicate file, an unreadable one).
    Notice {
        /// The words.
        text: Words,
        /// An error (else a warning).
        error: bool,
    },
    /// A view.
    View(Box<View>),
    /// A drill-down page.
    Drill(Box<DrillPage>),
    /// A drill-down list as CSV.
    Csv {
        /// A file name for it.
        name: String,
        /// The CSV text.
        text: String,
    },
    /// Of the helper to the page's worker: how far its part is read.
    PartProgress {
        /// Bytes read from the part's start.
        bytes: u64,
        /// Records read.
        rows: usize,
    },
    /// Of the helper: the part is read; its bytes are sent beside
    /// (`ingest::split::Part::to_bytes`).
    PartRead {
        /// The hashes of its blocks (`worker::text_read::BlockHasher`).
        blocks: Vec<u64>,
        /// How many bytes they cover.
        len: u64,
    },
    /// Of the helper: the part could not be read (the page's worker reads
    /// it itself).
    PartFailed,
}

/// Progress of the file being read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// File name.
    pub name: String,
    /// Bytes read.
    pub bytes: u64,
    /// Its size.
    pub total: u64,
    /// Records decoded.
    pub rows: usize,
    /// Its place in the batch (1-based) and the batch size.
    pub index: (usize, usize),
}

/// One entry of the file list (one per sheet of a workbook).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileInfo {
    /// The entry.
    pub id: u64,
    /// Bumped each time it is read again.
    pub revision: u64,
    /// Its name (`book.xlsx#Sheet` for a sheet).
    pub name: String,
    /// The kind read, or the kind chosen for a failed file.
    pub kind: Option<FileKind>,
    /// Rows used and skipped (0 for a failed file).
    pub rows: usize,
    /// Rows skipped.
    pub skipped: usize,
    /// The first skipped rows: line and reason.
    pub errors: Vec<(u64, Words)>,
    /// Warnings.
    pub warnings: Vec<Words>,
    /// Why the file can't be used.
    pub failure: Option<Words>,
    /// Header cells (of the preview for a failed file).
    pub headers: Vec<String>,
    /// First records.
    pub samples: Vec<Vec<String>>,
    /// The mapping used (or `None` for a failed file).
    pub mapping: Option<ColumnMapping>,
    /// The user's choices it was read with.
    pub choices: FileChoices,
    /// A remembered mapping was applied on arrival (it can be undone).
    pub remembered: bool,
}

/// Everything the dashboard shows for a filter and targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// The request's `seq`.
    pub seq: u64,
    /// The report (its period resolved).
    pub report: Report,
    /// The chosen KPI's trend points and how they are cut.
    pub trend: Option<(Granularity, Vec<SeriesPoint>)>,
    /// The month's run-up.
    pub run_up: Option<RunUp>,
    /// Talk times of connected calls, per minute (the last bucket takes longer calls).
    pub talk: Vec<u64>,
    /// The lists the filters and the targets editor offer.
    pub names: Names,
    /// The command line's default period ("All data").
    pub all_data: Option<Period>,
    /// The page's default period: the month of the latest dated record.
    pub latest_month: Option<Period>,
    /// The worker's wasm memory, bytes (for the benchmarks' bytes per row).
    pub worker_bytes: u64,
    /// The worker's wasm memory when it started, before any file, bytes:
    /// what a load grew it by is `worker_bytes` less this.
    pub worker_start_bytes: u64,
}

/// Agents, teams, campaigns, and the roster's names for display.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    /// Every agent (roster agents and record agents), sorted.
    pub agents: Vec<String>,
    /// The roster's teams, sorted.
    pub teams: Vec<String>,
    /// Every campaign, sorted.
    pub campaigns: Vec<String>,
    /// Agent → (display name, team) from the roster.
    pub roster: BTreeMap<String, (String, String)>,
}

/// One page of a drill-down list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrillPage {
    /// The request's `seq`.
    pub seq: u64,
    /// The KPI.
    pub kpi: KpiId,
    /// The agent of an agent cell's list.
    pub agent: Option<String>,
    /// The table the rows come from.
    pub kind: RecordKind,
    /// The columns.
    pub columns: Vec<Column>,
    /// Records in the whole list.
    pub count: usize,
    /// The first row of this page.
    pub offset: usize,
    /// The rows of this page.
    pub rows: Vec<Vec<Cell>>,
}

/// A message as bytes (the form that crosses `postMessage`).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    postcard::to_allocvec(message).unwrap_or_default()
}

/// A message from its bytes; `None` when they are not one.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// A message as a JS byte array, to post.
#[cfg(target_arch = "wasm32")]
pub fn to_js<T: Serialize>(message: &T) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(encode(message).as_slice())
}

/// A message from a posted JS value; `None` when it is not one.
#[cfg(target_arch = "wasm32")]
pub fn from_js<T: for<'de> Deserialize<'de>>(value: &wasm_bindgen::JsValue) -> Option<T> {
    use wasm_bindgen::JsCast;
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .and_then(|bytes| decode(&bytes.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::{Filter, Settings};

    #[test]
    fn requests_and_answers_travel_unchanged() {
        let requests = [
            Request::Settings {
                read: ReadSettings::default(),
                kpi: Settings::default(),
            },
            Request::View(ViewRequest {
                seq: 7,
                filter: Filter::default(),
                targets: Targets::presets(),
                chart: KpiId::ALL[3],
            }),
            Request::Reapply {
                id: 2,
                choices: FileChoices::default(),
                remember: true,
            },
            Request::DrillCsv {
                list: DrillRequest {
                    seq: 1,
                    filter: Filter::default(),
                    kpi: KpiId::ALL[0],
                    agent: Some("eko".into()),
                    sort: None,
                    offset: 0,
                    limit: 50,
                },
                delimiter: ';',
            },
        ];
        for r in requests {
            assert_eq!(decode::<Request>(&encode(&r)), Some(r));
        }
        let answers = [
            Response::Notice {
                text: Words {
                    id: "hai".into(),
                    en: "hi".into(),
                },
                error: true,
            },
            Response::PartRead {
                blocks: vec![1, u64::MAX],
                len: 9,
            },
            Response::Csv {
                name: "a.csv".into(),
                text: "x;y\n".into(),
            },
        ];
        for a in answers {
            assert_eq!(decode::<Response>(&encode(&a)), Some(a));
        }
    }

    #[test]
    fn bytes_that_are_no_message_are_none() {
        assert_eq!(decode::<Request>(&[]), None);
        assert_eq!(decode::<Request>(&[0xff, 0xff, 0xff]), None);
        let mut cut = encode(&Response::Csv {
            name: "a".into(),
            text: "bc".into(),
        });
        cut.pop();
        assert_eq!(decode::<Response>(&cut), None);
    }
}
