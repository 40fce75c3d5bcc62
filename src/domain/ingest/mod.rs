//! Reading input files (DATA.md) into [`crate::domain::model`] tables.
//!
//! Bytes go in by chunks split anywhere ([`Decoder::feed`]); the first 64 KiB
//! are sniffed for the encoding (UTF-8 with or without BOM, UTF-16 with BOM),
//! the delimiter, the header and the kind; then each record is decoded by the
//! kind's builder into columnar tables. Bad rows are collected with their line
//! ([`RowError`]); a file that can't be used at all is a [`FileError`].
//!
//! One module per job: [`csv`] splits records, [`sniff`] decides the layout,
//! [`mapping`] matches headers, [`value`] reads cells, [`convention`] decides
//! per-column date order and money convention, `tables` builds the canonical
//! kinds, [`cdr`] and [`queue_log`] read the Asterisk logs.

pub mod aliases;
mod body;
mod cache;
pub mod cdr;
mod cdr_layout;
pub mod convention;
pub mod csv;
mod decoder;
pub mod encoding;
pub mod error;
mod field_name;
pub mod issues;
mod kind;
pub mod mapping;
mod options;
pub mod queue_log;
pub mod record;
pub mod remembered;
pub mod sniff;
pub mod split;
mod tables;
pub mod value;
pub mod workbook;

pub use body::ParsedFile;
pub use decoder::{is_binary, parse_bytes, preview, Decoder, Preview};
pub use error::{FileError, RowError, RowProblem};
pub use issues::Warning;
pub use kind::FileKind;
pub use mapping::ColumnMapping;
pub use options::ParseOptions;
