//! One decoded record as text cells, and the context every format builder
//! writes into (interned strings, issues, settings).

use super::cache::SymCache;
use super::issues::{Cause, Expected, Issues};
use super::options::ParseOptions;
use super::value::duration::parse_duration;
use super::value::money::{parse_money, MoneyCell};
use super::value::phone::normalise_phone;
use super::value::serial::{number_seconds, number_stamp, SheetNumber};
use super::value::timestamp::{parse_timestamp, Stamp};
use super::value::trim;
use crate::domain::model::{Interner, Sym};

/// A record's cells: one string and the end of each cell in it, and for a
/// worksheet row the numbers its cells held.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// Physical line where the record starts (a worksheet's row number).
    pub line: u64,
    text: &'a str,
    ends: &'a [usize],
    /// The delimiter between cells in `text`, when `text` is the line as
    /// written; `None` when the cells are back to back.
    separator: Option<u8>,
    numbers: &'a [Option<SheetNumber>],
}

impl<'a> Record<'a> {
    /// A record over `text`, whose cells end at `ends` (char boundaries).
    pub fn new(line: u64, text: &'a str, ends: &'a [usize]) -> Record<'a> {
        Record::delimited(line, text, ends, None)
    }

    /// A record over `text` whose cells end at `ends`, with one `separator`
    /// byte between two cells (`None`: back to back).
    pub fn delimited(
        line: u64,
        text: &'a str,
        ends: &'a [usize],
        separator: Option<u8>,
    ) -> Record<'a> {
        Record {
            line,
            text,
            ends,
            separator,
            numbers: &[],
        }
    }

    /// A worksheet row: cells as text, and the number of each number cell.
    pub fn with_numbers(
        line: u64,
        text: &'a str,
        ends: &'a [usize],
        numbers: &'a [Option<SheetNumber>],
    ) -> Record<'a> {
        Record {
            line,
            text,
            ends,
            separator: None,
            numbers,
        }
    }

    /// The number cell `col` held, for a worksheet row.
    pub fn number(&self, col: Option<usize>) -> Option<SheetNumber> {
        self.numbers.get(col?).copied().flatten()
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no cell.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i` as written (`None` past the end).
    pub fn raw(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)? + usize::from(self.separator.is_some()),
            None => 0,
        };
        self.text.get(start..end)
    }

    /// Cell `col` trimmed; `None` when unmapped, absent or empty.
    pub fn cell(&self, col: Option<usize>) -> Option<&'a str> {
        let text = trim(self.raw(col?)?);
        (!text.is_empty()).then_some(text)
    }

    /// Every cell as an owned string (for samples and headers).
    pub fn to_strings(&self) -> Vec<String> {
        (0..self.len())
            .map(|i| self.raw(i).unwrap_or_default().to_owned())
            .collect()
    }

    /// Whether every cell is blank (a blank row or a row of only delimiters).
    pub fn is_blank(&self) -> bool {
        self.text
            .bytes()
            .all(|b| b.is_ascii_whitespace() || Some(b) == self.separator)
    }
}

/// What builders share: the strings, the issues and the settings.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Ctx {
    /// The settings and overrides.
    pub options: ParseOptions,
    /// The interner of the file's dataset.
    pub strings: Interner,
    /// Skipped rows and warnings.
    pub issues: Issues,
    /// Whether serial days count from 1904-01-01 (a workbook's `date1904`).
    pub date1904: bool,
    #[serde(skip)]
    phone_buf: String,
    // Caches only save work: a part arrives without them.
    #[serde(skip)]
    caches: [SymCache; 4],
}

/// A column of repeated texts with its own intern cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// Agents.
    Agent = 0,
    /// Lead ids.
    Lead = 1,
    /// Normalised phones.
    Phone = 2,
    /// Campaigns and queues.
    Campaign = 3,
}

impl Ctx {
    /// A context for one file.
    pub fn new(options: ParseOptions) -> Ctx {
        Ctx {
            options,
            strings: Interner::new(),
            issues: Issues::default(),
            date1904: false,
            phone_buf: String::new(),
            caches: Default::default(),
        }
    }

    /// Interns a text of a column of repeated texts.
    pub fn cached(&mut self, col: Col, text: &str) -> Sym {
        self.caches[col as usize].intern(&mut self.strings, text)
    }

    /// Interns an optional text of a column of repeated texts.
    pub fn cached_opt(&mut self, col: Col, text: Option<&str>) -> Option<Sym> {
        text.map(|t| self.cached(col, t))
    }

    /// Interns a call's id, when the options keep them.
    pub fn call_id(&mut self, text: Option<&str>) -> Option<Sym> {
        if self.options.keep_call_ids {
            self.intern(text)
        } else {
            None
        }
    }

    /// Interns an optional text.
    pub fn intern(&mut self, text: Option<&str>) -> Option<Sym> {
        text.map(|t| self.strings.intern(t))
    }

    /// Interns the normalised form of an optional phone.
    pub fn phone(&mut self, text: Option<&str>) -> Option<Sym> {
        let text = text?;
        let b = text.as_bytes();
        if b.first().is_some_and(|&d| d != b'0') && b.iter().all(u8::is_ascii_digit) {
            // Already normalised: digits, no leading 0.
            return Some(self.cached(Col::Phone, text));
        }
        let mut buf = std::mem::take(&mut self.phone_buf);
        let sym = normalise_phone(text, &self.options.country_code, &mut buf)
            .then(|| self.caches[Col::Phone as usize].intern(&mut self.strings, &buf));
        self.phone_buf = buf;
        sym
    }

    /// Reads an optional cell with `parse`; an unreadable cell becomes missing
    /// with a warning.
    pub fn optional<T>(
        &mut self,
        line: u64,
        field: &'static str,
        expected: Expected,
        text: Option<&str>,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let text = text?;
        let value = parse(text);
        if value.is_none() {
            self.issues
                .warn(Cause::Unreadable { field, expected }, line, text);
        }
        value
    }

    /// Parses a timestamp cell with the report's offset.
    pub fn stamp(&self, text: &str) -> Option<Stamp> {
        parse_timestamp(text, self.options.utc_offset_minutes)
    }

    /// Parses a timestamp cell whose worksheet number, if any, is `number`
    /// (a serial day, DATA.md §7).
    pub fn stamp_cell(&self, number: Option<SheetNumber>, text: &str) -> Option<Stamp> {
        match number {
            Some(n) => number_stamp(n, text, self.date1904, self.options.utc_offset_minutes),
            None => self.stamp(text),
        }
    }
}

/// Reads a duration cell whose worksheet number, if any, is `number`.
pub fn duration_cell(number: Option<SheetNumber>, text: &str) -> Option<f64> {
    match number {
        Some(n) => number_seconds(n),
        None => parse_duration(text),
    }
}

/// Reads a money cell: a worksheet number is that amount, read alike under
/// both conventions (it decides nothing).
pub fn money_cell(number: Option<SheetNumber>, text: &str) -> Option<MoneyCell> {
    match number {
        Some(n) if n.value.is_finite() => Some(MoneyCell {
            dot: Some(n.value),
            comma: Some(n.value),
            evidence: None,
        }),
        Some(_) => None,
        None => parse_money(text),
    }
}
