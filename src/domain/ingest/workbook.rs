//! Workbooks (`.xlsx`, DATA.md §7): a ZIP holding `xl/workbook.xml`, read with
//! `calamine`. Every worksheet is its own file `<file name>#<sheet name>`,
//! read by the rules of a CSV: its first non-empty row is the header, and the
//! rows go through the same [`Body`]. Cells keep their numbers (date formats
//! decide serial days), and the parts are bounded before anything is
//! decompressed (ZIP bombs).

use std::io::{Read, Seek, SeekFrom};

use calamine::{DataRef, Reader, SheetType, Xlsx, XlsxError};

use super::body::{Body, ParsedFile};
use super::decoder::{preview_of, Preview};
use super::error::FileError;
use super::options::ParseOptions;
use super::record::Record;
use super::sniff::layout;
use super::value::serial::{
    is_date_format, is_elapsed_format, plain_number, serial_text, SheetNumber,
};

/// The most the XML parts of a workbook may hold, uncompressed (worksheets
/// are streamed, not held).
pub const MAX_UNCOMPRESSED: u64 = 1 << 30;

/// The most one part other than a worksheet may hold, uncompressed (shared
/// strings and styles are held in memory).
pub const MAX_HELD_PART: u64 = 256 << 20;

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

/// A ZIP holding `xl/workbook.xml`, whose XML parts fit the limits (the
/// sizes its central directory declares, which bound what is decompressed).
fn check_parts<R: Read + Seek>(name: &str, reader: &mut R) -> Result<(), FileError> {
    let not_text = || FileError::NotText {
        name: name.to_owned(),
    };
    let zip = zip::ZipArchive::new(&mut *reader).map_err(|_| not_text())?;
    if zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(not_text());
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_data(i) else {
            continue;
        };
        let part = entry
            .name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let xml = std::path::Path::new(&part)
            .extension()
            .is_some_and(|e| e == "xml" || e == "rels");
        if !xml {
            continue;
        }
        let size = entry.size();
        let held = !part.contains("worksheets/");
        total = total.saturating_add(size);
        let (over, limit) = if held && size > MAX_HELD_PART {
            (size, MAX_HELD_PART)
        } else {
            (total, MAX_UNCOMPRESSED)
        };
        if over > limit {
            return Err(FileError::WorkbookTooLarge {
                name: name.to_owned(),
                size: over,
                limit,
            });
        }
    }
    Ok(())
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

/// Reads one sheet through the same layout and body as a CSV (`None`: the
/// sheet is empty).
fn read_one<R: Read + Seek>(
    book: &mut Xlsx<R>,
    sheet: &str,
    name: &str,
    options: &ParseOptions,
) -> Option<Result<ParsedFile, FileError>> {
    let date1904 = book.has_1904_epoch();
    let mut sniffed: Vec<Row> = Vec::new();
    let mut state: Option<Result<(Body, Option<usize>), FileError>> = None;
    let read = each_row(book, sheet, &mut |row: Row| {
        match &mut state {
            None => {
                sniffed.push(row);
                if sniffed.len() >= SNIFF_ROWS {
                    state = Some(start(name, &mut sniffed, options, date1904));
                }
            }
            Some(Ok((body, width))) => feed(body, &row, *width),
            Some(Err(_)) => return false,
        }
        true
    });
    if let Err(e) = read {
        return Some(Err(damaged(name, &e)));
    }
    if state.is_none() {
        if sniffed.is_empty() {
            return None;
        }
        state = Some(start(name, &mut sniffed, options, date1904));
    }
    state.map(|s| s.map(|(body, _)| body.finish(name)))
}

/// Decides the layout from the first rows and feeds them to a new body;
/// returns it with the width rows are cut or padded to.
fn start(
    name: &str,
    sniffed: &mut Vec<Row>,
    options: &ParseOptions,
    date1904: bool,
) -> Result<(Body, Option<usize>), FileError> {
    let texts: Vec<Vec<String>> = sniffed.iter().map(Row::texts).collect();
    let layout = layout(name, &texts, options)?;
    let width = if layout.headed {
        texts.first().map(Vec::len)
    } else {
        texts.iter().map(Vec::len).max()
    };
    let headed = layout.headed;
    let mut body = Body::new(options.clone(), layout, b',');
    body.cx.date1904 = date1904;
    let width = width.filter(|_| headed);
    for row in sniffed.drain(..) {
        feed(&mut body, &row, width);
    }
    Ok((body, width))
}

/// One row to the body, cut or padded to `width` cells (a headed sheet's
/// header width: cells beyond it have no column).
fn feed(body: &mut Body, row: &Row, width: Option<usize>) {
    let n = width.unwrap_or(row.cells.len());
    let mut text = String::new();
    let mut ends = Vec::with_capacity(n);
    let mut numbers = Vec::with_capacity(n);
    for i in 0..n {
        let cell = row.cells.get(i);
        if let Some(c) = cell {
            text.push_str(&c.text);
        }
        ends.push(text.len());
        numbers.push(cell.and_then(|c| c.number));
    }
    body.record(&Record::with_numbers(row.line, &text, &ends, &numbers));
}

/// A non-empty row of a sheet: its row number and its cells from column A
/// to its last non-empty cell.
#[derive(Debug)]
struct Row {
    line: u64,
    cells: Vec<Cell>,
}

impl Row {
    fn texts(&self) -> Vec<String> {
        self.cells.iter().map(|c| c.text.clone()).collect()
    }
}

#[derive(Clone, Debug, Default)]
struct Cell {
    text: String,
    number: Option<SheetNumber>,
}

/// Streams the non-empty rows of a sheet to `on_row` (which returns whether
/// to go on); `Err` with the reader's words when the sheet can't be read.
fn each_row<R: Read + Seek>(
    book: &mut Xlsx<R>,
    sheet: &str,
    on_row: &mut dyn FnMut(Row) -> bool,
) -> Result<(), String> {
    let date1904 = book.has_1904_epoch();
    let mut cells = match book.worksheet_cells_reader(sheet) {
        Ok(r) => r,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(()),
        Err(e) => return Err(e.to_string()),
    };
    let formats: Vec<(bool, bool)> = cells
        .styles()
        .iter()
        .map(|style| match &style.number_format {
            Some(f) => (
                is_date_format(f.format_id, &f.format_code),
                is_elapsed_format(&f.format_code),
            ),
            None => (false, false),
        })
        .collect();
    let mut current: Option<(u32, Vec<Cell>)> = None;
    loop {
        let next = match cells.next_cell_with_style_id() {
            Ok(Some(next)) => next,
            Ok(None) => break,
            // A cell the reader can't type (a newer error such as `#SPILL!`,
            // a bad shared-string index): empty, and on to the next cell.
            Err(
                XlsxError::CellError(_)
                | XlsxError::ParseFloat(_)
                | XlsxError::CellTAttribute(_)
                | XlsxError::Unexpected("Cell string index not found in shared strings table"),
            ) => continue,
            Err(e) => return Err(e.to_string()),
        };
        let (cell, style) = next;
        let (row, col) = cell.get_position();
        let col = col as usize;
        if col >= MAX_COLUMNS {
            continue;
        }
        let format = formats.get(style).copied().unwrap_or((false, false));
        let value = cell_value(cell.get_value(), format, date1904);
        if current.as_ref().is_some_and(|(r, _)| *r != row) {
            if let Some((r, row_cells)) = current.take() {
                if !emit(r, row_cells, on_row) {
                    return Ok(());
                }
            }
        }
        let (_, row_cells) = current.get_or_insert_with(|| (row, Vec::new()));
        if value.text.is_empty() {
            continue;
        }
        if row_cells.len() <= col {
            row_cells.resize_with(col + 1, Cell::default);
        }
        if let Some(slot) = row_cells.get_mut(col) {
            *slot = value;
        }
    }
    if let Some((r, row_cells)) = current {
        emit(r, row_cells, on_row);
    }
    Ok(())
}

/// Hands a row over unless it is blank.
fn emit(row: u32, cells: Vec<Cell>, on_row: &mut dyn FnMut(Row) -> bool) -> bool {
    if cells.iter().all(|c| c.text.trim().is_empty()) {
        return true;
    }
    on_row(Row {
        line: u64::from(row) + 1,
        cells,
    })
}

/// A cell as text (and its number): strings as written, booleans
/// `true`/`false`, errors empty, formulas their cached value, numbers plainly
/// or, date-formatted, as wall time.
fn cell_value(value: &DataRef<'_>, (date, elapsed): (bool, bool), date1904: bool) -> Cell {
    let number = |v: f64| Cell {
        text: if date {
            serial_text(v, date1904, elapsed)
        } else {
            plain_number(v)
        },
        number: Some(SheetNumber {
            value: v,
            date_format: date,
        }),
    };
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell {
            text: s.clone(),
            number: None,
        },
        DataRef::SharedString(s) => Cell {
            text: (*s).to_owned(),
            number: None,
        },
        DataRef::Bool(b) => Cell {
            text: b.to_string(),
            number: None,
        },
        DataRef::Int(i) => number(*i as f64),
        DataRef::Float(f) => number(*f),
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::Error(_) | DataRef::Empty => Cell::default(),
    }
}
