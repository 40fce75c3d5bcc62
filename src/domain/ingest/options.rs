//! Settings and user overrides for decoding one file.

use super::kind::FileKind;
use super::mapping::{ColumnMapping, FieldChoice};

/// How to read a file: settings plus the user's overrides of what sniffing decides.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParseOptions {
    /// The kind, when the user forces it (else detected).
    pub kind: Option<FileKind>,
    /// Field → column, when the user overrides the mapping (its kind must match).
    pub mapping: Option<ColumnMapping>,
    /// Columns the user chose for some fields (`--map`, DATA.md §8): taken
    /// before automatic assignment, which runs on the remaining columns.
    pub choices: Vec<FieldChoice>,
    /// Date order for numeric dates (`None`: decided per column).
    pub day_first: Option<bool>,
    /// Money convention, `true` = comma decimal (`None`: decided per column).
    pub decimal_comma: Option<bool>,
    /// The report's UTC offset in minutes (default 420, WIB).
    pub utc_offset_minutes: i32,
    /// Country code replacing a leading `0` of phone numbers (default `62`).
    pub country_code: String,
    /// Longest number that is an extension in PBX logs (default 5).
    pub extension_max_digits: usize,
    /// Whether calls keep their `call_id` (default `true`). No KPI reads it
    /// (CDR and `queue_log` calls are grouped by their ids all the same):
    /// the command line and the page leave it out, which saves a string and
    /// a handle per call.
    pub keep_call_ids: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            kind: None,
            mapping: None,
            choices: Vec::new(),
            day_first: None,
            decimal_comma: None,
            utc_offset_minutes: 420,
            country_code: "62".to_owned(),
            extension_max_digits: 5,
            keep_call_ids: true,
        }
    }
}
