//! One worksheet: its cells streamed in XML order into rows (kept sparse),
//! typed as DATA.md §7 says, and fed to the same body as a CSV's records. The
//! work is bounded by the sheet's cells, not by how far right they sit: a row
//! is made only as wide as its layout reads.

use std::io::{Read, Seek};

use calamine::{DataRef, Xlsx, XlsxError};

use super::super::body::{Body, ParsedFile, SAMPLES};
use super::super::error::FileError;
use super::super::mapping::ColumnMapping;
use super::super::options::ParseOptions;
use super::super::record::Record;
use super::super::sniff::layout;
use super::super::value::serial::{
    is_date_format, is_elapsed_format, plain_number, serial_text, SheetNumber,
};
use super::{damaged, MAX_COLUMNS, SNIFF_ROWS};

/// Widest row of a headerless sheet that is read (PBX logs have ≤ 21 fields).
const MAX_HEADERLESS_WIDTH: usize = 64;

/// A non-empty row of a sheet: its row number and its non-empty cells, by column.
#[derive(Debug)]
pub(super) struct Row {
    line: u64,
    cells: Vec<(usize, Cell)>,
}

impl Row {
    /// Columns up to the last non-empty cell.
    fn width(&self) -> usize {
        self.cells.last().map_or(0, |(c, _)| c + 1)
    }

    /// The cells' texts from column A to the last non-empty cell.
    pub(super) fn texts(&self) -> Vec<String> {
        let mut out = vec![String::new(); self.width()];
        for (c, cell) in &self.cells {
            if let Some(slot) = out.get_mut(*c) {
                slot.clone_from(&cell.text);
            }
        }
        out
    }
}

#[derive(Clone, Debug, Default)]
struct Cell {
    text: String,
    number: Option<SheetNumber>,
}

/// How rows go to the body once the layout is known.
#[derive(Debug)]
struct Feeder {
    body: Body,
    headed: bool,
    /// A headed sheet's header width.
    header_width: usize,
    /// The columns the mapping reads (the header width for the first rows,
    /// shown as samples).
    used: usize,
    fed: usize,
}

impl Feeder {
    fn feed(&mut self, row: &Row) {
        let n = if !self.headed {
            row.width().min(MAX_HEADERLESS_WIDTH)
        } else if self.fed <= SAMPLES {
            self.header_width
        } else {
            self.used
        };
        self.fed += 1;
        let mut text = String::new();
        let mut ends = Vec::with_capacity(n);
        let mut numbers = Vec::with_capacity(n);
        let mut cells = row.cells.iter().peekable();
        for i in 0..n {
            while cells.peek().is_some_and(|(c, _)| *c < i) {
                cells.next();
            }
            let cell = cells.peek().filter(|(c, _)| *c == i).map(|(_, cell)| cell);
            if let Some(c) = cell {
                text.push_str(&c.text);
            }
            ends.push(text.len());
            numbers.push(cell.and_then(|c| c.number));
        }
        self.body
            .record(&Record::with_numbers(row.line, &text, &ends, &numbers));
    }
}

/// Reads one sheet through the same layout and body as a CSV (`None`: the
/// sheet is empty).
pub(super) fn read_one<R: Read + Seek>(
    book: &mut Xlsx<R>,
    sheet: &str,
    name: &str,
    options: &ParseOptions,
) -> Option<Result<ParsedFile, FileError>> {
    let date1904 = book.has_1904_epoch();
    let mut sniffed: Vec<Row> = Vec::new();
    let mut state: Option<Result<Feeder, FileError>> = None;
    let read = each_row(book, sheet, &mut |row: Row| {
        match &mut state {
            None => {
                sniffed.push(row);
                if sniffed.len() >= SNIFF_ROWS {
                    state = Some(start(name, &mut sniffed, options, date1904));
                }
            }
            Some(Ok(feeder)) => feeder.feed(&row),
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
    state.map(|s| s.map(|feeder| feeder.body.finish(name)))
}

/// Decides the layout from the first rows and feeds them to a new body.
fn start(
    name: &str,
    sniffed: &mut Vec<Row>,
    options: &ParseOptions,
    date1904: bool,
) -> Result<Feeder, FileError> {
    let texts: Vec<Vec<String>> = sniffed.iter().map(Row::texts).collect();
    let layout = layout(name, &texts, options)?;
    let headed = layout.headed;
    let header_width = texts.first().map_or(0, Vec::len);
    let used = last_column(&layout.mapping)
        .map_or(0, |c| c + 1)
        .min(header_width);
    // Rows are cut or padded to the header: their field count is no error.
    let mut body = Body::new(options.clone(), layout, b',').rows_of_any_width();
    body.cx.date1904 = date1904;
    let mut feeder = Feeder {
        body,
        headed,
        header_width,
        used,
        fed: 0,
    };
    for row in sniffed.drain(..) {
        feeder.feed(&row);
    }
    Ok(feeder)
}

/// The rightmost column a mapping reads.
fn last_column(mapping: &ColumnMapping) -> Option<usize> {
    mapping.fields().filter_map(|(_, c)| c).max()
}

/// Streams the non-empty rows of a sheet to `on_row` (which returns whether
/// to go on); `Err` with the reader's words when the sheet can't be read.
pub(super) fn each_row<R: Read + Seek>(
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
    let mut current: Option<(u32, Vec<(usize, Cell)>)> = None;
    loop {
        let (cell, style) = match cells.next_cell_with_style_id() {
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
        let (row, col) = cell.get_position();
        let col = col as usize;
        if current.as_ref().is_some_and(|(r, _)| *r != row) {
            if let Some((r, row_cells)) = current.take() {
                if !emit(r, row_cells, on_row) {
                    return Ok(());
                }
            }
        }
        let (_, row_cells) = current.get_or_insert_with(|| (row, Vec::new()));
        let format = formats.get(style).copied().unwrap_or((false, false));
        let value = cell_value(cell.get_value(), format, date1904);
        if col < MAX_COLUMNS && !value.text.is_empty() {
            row_cells.push((col, value));
        }
    }
    if let Some((r, row_cells)) = current {
        emit(r, row_cells, on_row);
    }
    Ok(())
}

/// Hands a row over (its cells in column order, the last of a column
/// winning) unless it is blank.
fn emit(row: u32, mut cells: Vec<(usize, Cell)>, on_row: &mut dyn FnMut(Row) -> bool) -> bool {
    if cells.iter().all(|(_, c)| c.text.trim().is_empty()) {
        return true;
    }
    if !cells.is_sorted_by_key(|(c, _)| *c) {
        cells.sort_by_key(|(c, _)| *c);
    }
    cells.reverse();
    cells.dedup_by_key(|(c, _)| *c);
    cells.reverse();
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
