//! What can go wrong: a row that is skipped ([`RowError`], the file is still
//! used) or a file that can't be used at all ([`FileError`]).

use std::fmt;

use super::kind::FileKind;

/// A skipped row: where it starts, which cell, what it held and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Physical line where the record starts (header = line 1, newlines inside
    /// quotes count).
    pub line: u64,
    /// The canonical field (or PBX column) at fault, if one cell is.
    pub column: Option<String>,
    /// The offending cell text, if one cell is at fault.
    pub value: Option<String>,
    /// What was expected.
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match (&self.column, &self.value) {
            (Some(c), Some(v)) => write!(f, "{c} {v:?}: ")?,
            (Some(c), None) => write!(f, "{c}: ")?,
            (None, Some(v)) => write!(f, "{v:?}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.reason)
    }
}

/// A file that can't be used at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// No record at all (empty, or only blank lines).
    Empty {
        /// The file's name.
        name: String,
    },
    /// The header matches no kind (and the shape is no PBX log).
    UnknownKind {
        /// The file's name.
        name: String,
        /// The header cells that were read, for the message.
        headers: Vec<String>,
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
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Empty { name } => write!(f, "{name}: the file holds no data"),
            FileError::UnknownKind { name, headers } => write!(
                f,
                "{name}: not a calls, deals, leads, roster, campaigns, Asterisk CDR or queue_log file \
                 (header: {})",
                headers.join(", ")
            ),
            FileError::MissingFields { name, kind, fields } => write!(
                f,
                "{name}: read as {kind}, but no column for the required field(s): {}",
                fields.join(", ")
            ),
        }
    }
}

impl std::error::Error for FileError {}
