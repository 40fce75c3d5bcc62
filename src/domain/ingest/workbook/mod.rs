//! Workbooks (`.xlsx`, DATA.md §7): a ZIP holding `xl/workbook.xml`, read with
//! `calamine`. Every worksheet is its own file `<file name>#<sheet name>`,
//! read by the rules of a CSV: its first non-empty row is the header, and the
//! rows go through the same body as a CSV's. Cells keep their numbers (date formats
//! decide serial days), and the parts are bounded before anything is
//! decompressed (ZIP bombs).

use std::io::{Read, Seek, SeekFrom};

use calamine::{Reader, SheetType, Xlsx};

mod limits;
mod sheet;

use super::body::ParsedFile;
use super::decoder::{preview_of, Preview};
use super::error::FileError;
use super::options::ParseOptions;
use limits::check_parts;
use sheet::{each_row, read_one};

pub use limits::{MAX_OTHER_PART, MAX_SHARED_STRINGS, MAX_UNCOMPRESSED};

/// Columns a worksheet can have (`XFD`); cells beyond are ignored.
pub const MAX_COLUMNS: usize = 16_384;

/// Rows looked at for kind detection.
const SNIFF_ROWS: usize = 30;

/// Whether the start of a file is a ZIP archive (maybe a workbook).
///
/// ```
/// # use telesales_kpi::domain::ingest::workbook::is_zip;
/// assert!(is_zip(b"PK\x03\x04\x14\x00"));
/// assert!(!is_zip(b"agent,date"));
/// ```
pub fn is_zip(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04")
}

/// One non-empty worksheet of a workbook and what reading it gave.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// The sheet's name in the workbook.
    pub sheet: String,
    /// Its file name, `<file name>#<sheet name>`.
    pub name: String,
    /// The file read from it, or why it can't be used.
    pub outcome: Result<ParsedFile, FileError>,
}

/// The file name of a sheet: `<file name>#<sheet name>`.
pub fn sheet_file_name(file_name: &str, sheet: &str) -> String {
    format!("{}#{sheet}", base_name(file_name))
}

fn base_name(file_name: &str) -> &str {
    file_name.rsplit(['/', '\\']).next().unwrap_or(file_name)
}

/// Reads every worksheet of a workbook, in workbook order, with the options
/// `options_for(sheet name)` gives; empty sheets are left out. `Err`: the
/// file is no workbook, too large once uncompressed, or can't be opened.
pub fn read_workbook<R: Read + Seek>(
    file_name: &str,
    reader: R,
    options_for: &mut dyn FnMut(&str) -> ParseOptions,
) -> Result<Vec<Sheet>, FileError> {
    let mut book = open(file_name, reader)?;
    let names = worksheet_names(&book);
    let mut sheets = Vec::new();
    for sheet in names {
        let name = sheet_file_name(file_name, &sheet);
        let options = options_for(&sheet);
        if let Some(outcome) = read_one(&mut book, &sheet, &name, &options) {
            sheets.push(Sheet {
                sheet,
                name,
                outcome,
            });
        }
    }
    Ok(sheets)
}

/// Reads one worksheet (to apply a new kind or mapping to it).
pub fn read_sheet<R: Read + Seek>(
    file_name: &str,
    reader: R,
    sheet: &str,
    options: &ParseOptions,
) -> Result<ParsedFile, FileError> {
    let mut book = open(file_name, reader)?;
    let name = sheet_file_name(file_name, sheet);
    if !worksheet_names(&book).iter().any(|s| s == sheet) {
        return Err(FileError::UnknownSheet {
            name: base_name(file_name).to_owned(),
            sheet: sheet.to_owned(),
        });
    }
    read_one(&mut book, sheet, &name, options).unwrap_or(Err(FileError::Empty { name }))
}

/// The names of a workbook's worksheets, in workbook order.
pub fn sheet_names<R: Read + Seek>(file_name: &str, reader: R) -> Result<Vec<String>, FileError> {
    Ok(worksheet_names(&open(file_name, reader)?))
}

/// Header and sample rows of one worksheet, for the mapping UI.
pub fn preview_sheet<R: Read + Seek>(reader: R, sheet: &str, options: &ParseOptions) -> Preview {
    let Ok(mut book) = open("", reader) else {
        return Preview::default();
    };
    let mut rows = Vec::new();
    let _ = each_row(&mut book, sheet, &mut |row| {
        rows.push(row.texts());
        rows.len() < SNIFF_ROWS
    });
    preview_of(rows, b',', options)
}

/// The error of a workbook none of whose sheets could be used.
pub fn no_sheet_used(file_name: &str, sheets: &[Sheet]) -> FileError {
    FileError::NoSheetUsed {
        name: base_name(file_name).to_owned(),
        sheets: sheets
            .iter()
            .filter_map(|s| s.outcome.as_ref().err().cloned())
            .collect(),
    }
}

/// Checks the parts' sizes, then opens the workbook.
fn open<R: Read + Seek>(file_name: &str, mut reader: R) -> Result<Xlsx<R>, FileError> {
    let name = base_name(file_name).to_owned();
    check_parts(&name, &mut reader)?;
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| damaged(&name, &e.to_string()))?;
    Xlsx::new(reader).map_err(|e| damaged(&name, &e.to_string()))
}

fn damaged(name: &str, detail: &str) -> FileError {
    FileError::WorkbookDamaged {
        name: name.to_owned(),
        detail: super::error::clip(detail),
    }
}

fn worksheet_names<R: Read + Seek>(book: &Xlsx<R>) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}
