//! What can go wrong, as data: a row that is skipped ([`RowError`], the file is
//! still used) or a file that can't be used at all ([`FileError`]). Nothing
//! here is a sentence: `present::diagnostics` words them in each language.

use super::kind::FileKind;

/// Longest cell text kept in a diagnostic (longer values are cut, with `…`).
pub const MAX_VALUE_CHARS: usize = 80;

/// How many header names a [`FileError::UnknownKind`] keeps (DATA.md §9).
pub const MAX_HEADERS_SHOWN: usize = 20;

/// A cell text as kept in a diagnostic: at most [`MAX_VALUE_CHARS`]
/// characters, control characters replaced by U+FFFD (never echoed).
///
/// ```
/// # use telesales_kpi::domain::ingest::error::clip;
/// assert_eq!(clip("abc"), "abc");
/// assert_eq!(clip("a\u{1b}[2Jb"), "a\u{fffd}[2Jb");
/// assert_eq!(clip(&"x".repeat(100)).chars().count(), 81);
/// ```
pub fn clip(text: &str) -> String {
    let mut chars = text.chars().map(|c| {
        if c.is_control() {
            char::REPLACEMENT_CHARACTER
        } else {
            c
        }
    });
    let mut out: String = chars.by_ref().take(MAX_VALUE_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// A skipped row: where it starts and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowError {
    /// Physical line where the record starts (header = line 1, newlines inside
    /// quotes count; a worksheet's row number).
    pub line: u64,
    /// Why the row was skipped.
    pub problem: RowProblem,
}

/// Why a row was skipped; each case carries the field and value at fault.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RowProblem {
    /// The row has another number of fields than the header.
    FieldCount {
        /// The header's field count.
        expected: usize,
        /// The row's.
        found: usize,
    },
    /// A headerless Asterisk CDR row fits neither layout (16–21 fields for
    /// `Master.csv`, 14–19 for `cdr_custom`).
    CdrFieldCount {
        /// The smallest field count of the layout.
        min: usize,
        /// The largest.
        max: usize,
        /// The row's field count.
        found: usize,
    },
    /// A `queue_log` line with fewer than 5 fields.
    QueueLogFieldCount {
        /// The line's field count.
        found: usize,
    },
    /// A required cell is empty.
    EmptyRequired {
        /// The canonical field (or CDR column).
        #[serde(with = "super::field_name")]
        field: super::field_name::FieldName,
    },
    /// A required timestamp cell is not a date/time.
    NotATimestamp {
        /// The field.
        #[serde(with = "super::field_name")]
        field: super::field_name::FieldName,
        /// The cell text.
        value: String,
    },
    /// A required money cell is not an amount.
    NotAnAmount {
        /// The field.
        #[serde(with = "super::field_name")]
        field: super::field_name::FieldName,
        /// The cell text.
        value: String,
    },
    /// A money cell that is not an amount in the convention its column settled on.
    AmountConvention {
        /// The field.
        #[serde(with = "super::field_name")]
        field: super::field_name::FieldName,
        /// The cell text.
        value: String,
    },
    /// A won or lost deal without `closed_at`.
    ClosedDealWithoutDate,
    /// A lead without `lead_id` and without a phone with digits.
    LeadWithoutKey {
        /// The phone cell, when it held text without digits.
        phone: Option<String>,
    },
    /// A CDR disposition outside ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION.
    NotADisposition {
        /// The cell text.
        value: String,
    },
    /// A `queue_log` epoch that is not a Unix time.
    NotAnEpoch {
        /// The cell text.
        value: String,
    },
    /// The file ends inside a quoted field opened in this record (DATA.md §9);
    /// reading went on at the next line.
    UnclosedQuote {
        /// The line where the quote was opened (the record's first line).
        opened: u64,
    },
    /// A record longer than the reader keeps (its bytes were not kept).
    RecordTooLong {
        /// The limit, in bytes.
        limit: usize,
    },
}

impl RowProblem {
    /// The field at fault, if one is.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            RowProblem::EmptyRequired { field }
            | RowProblem::NotATimestamp { field, .. }
            | RowProblem::NotAnAmount { field, .. }
            | RowProblem::AmountConvention { field, .. } => Some(field),
            RowProblem::ClosedDealWithoutDate => Some("closed_at"),
            RowProblem::LeadWithoutKey { .. } => Some("lead_id"),
            RowProblem::NotADisposition { .. } => Some("disposition"),
            RowProblem::NotAnEpoch { .. } => Some("epoch"),
            _ => None,
        }
    }

    /// The offending cell text, if one cell is at fault.
    pub fn value(&self) -> Option<&str> {
        match self {
            RowProblem::NotATimestamp { value, .. }
            | RowProblem::NotAnAmount { value, .. }
            | RowProblem::AmountConvention { value, .. }
            | RowProblem::NotADisposition { value }
            | RowProblem::NotAnEpoch { value } => Some(value),
            RowProblem::LeadWithoutKey { phone } => phone.as_deref(),
            _ => None,
        }
    }
}

/// For a file of unknown kind: the required fields of one kind that no column maps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindGap {
    /// The kind (calls, deals or leads).
    pub kind: FileKind,
    /// Its required fields without a column (`lead_id or phone` for leads).
    pub missing: Vec<&'static str>,
}

/// A file that can't be used at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// No record at all (empty, or only blank lines).
    Empty {
        /// The file's name.
        name: String,
    },
    /// Bytes that are neither text nor a workbook (a NUL byte in the first 64
    /// KiB of a file that is not UTF-16): never echoed.
    NotText {
        /// The file's name.
        name: String,
    },
    /// The header matches no kind (and the shape is no PBX log).
    UnknownKind {
        /// The file's name.
        name: String,
        /// The first header cells (at most [`MAX_HEADERS_SHOWN`], each clipped).
        headers: Vec<String>,
        /// How many header cells the file has.
        header_count: usize,
        /// For calls, deals and leads: the required fields no column maps.
        gaps: Vec<KindGap>,
    },
    /// The kind's required fields don't all map to a column.
    MissingFields {
        /// The file's name.
        name: String,
        /// The kind that was detected or forced.
        kind: FileKind,
        /// The canonical fields without a column.
        fields: Vec<&'static str>,
    },
    /// A chosen mapping names a field that is no field of the kind (or of any kind).
    UnknownField {
        /// The file's name.
        name: String,
        /// The field as the user wrote it.
        field: String,
        /// The kind it was looked up in (`None`: no kind has it).
        kind: Option<FileKind>,
    },
    /// A chosen mapping names a column the file doesn't have.
    UnknownColumn {
        /// The file's name.
        name: String,
        /// The field it was chosen for.
        field: String,
        /// The column as the user wrote it (`#N` or a header text).
        column: String,
    },
    /// A workbook whose parts, uncompressed, exceed what is read (a ZIP bomb).
    WorkbookTooLarge {
        /// The file's name.
        name: String,
        /// The declared uncompressed size of the parts, in bytes.
        size: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A workbook that the reader could not open or read.
    WorkbookDamaged {
        /// The file's name (`book.xlsx#Sheet` for one sheet).
        name: String,
        /// The reader's own words about what is wrong.
        detail: String,
    },
    /// A workbook none of whose sheets could be used.
    NoSheetUsed {
        /// The file's name.
        name: String,
        /// Why each non-empty sheet was not used (empty: every sheet is empty).
        sheets: Vec<FileError>,
    },
    /// A sheet name given for a workbook (`FILE#SHEET`) that it doesn't have.
    UnknownSheet {
        /// The workbook's name.
        name: String,
        /// The sheet asked for.
        sheet: String,
    },
}

impl FileError {
    /// The name of the file (or sheet) the error is about.
    pub fn name(&self) -> &str {
        match self {
            FileError::Empty { name }
            | FileError::NotText { name }
            | FileError::UnknownKind { name, .. }
            | FileError::MissingFields { name, .. }
            | FileError::UnknownField { name, .. }
            | FileError::UnknownColumn { name, .. }
            | FileError::WorkbookTooLarge { name, .. }
            | FileError::WorkbookDamaged { name, .. }
            | FileError::NoSheetUsed { name, .. }
            | FileError::UnknownSheet { name, .. } => name,
        }
    }
}
