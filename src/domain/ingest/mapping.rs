//! Header matching (DATA.md "General rules"): normalisation, the trailing unit,
//! the `X - Y` rule, the exclusive field → column assignment (KPIS.md "Columns
//! are assigned exclusively"), and the columns a user chooses (§8).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use super::aliases::{fields_of, FieldSpec};
use super::aliases::{is_alias, is_field};
use super::error::FileError;
use super::kind::FileKind;

/// Normalises a header cell: lower case, without spaces, `_`, `-`, `.`, `/`
/// (and quotes, tabs, a BOM).
///
/// ```
/// # use telesales_kpi::domain::ingest::mapping::normalise_header;
/// assert_eq!(normalise_header(" Talk-Time (s)"), "talktime(s)");
/// assert_eq!(normalise_header("Call_Date"), "calldate");
/// ```
pub fn normalise_header(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '/' | '\t' | '"'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A header without its trailing unit: text in `(…)` or `[…]` at the end, or
/// after the last `,` (when something is left before it).
///
/// ```
/// # use telesales_kpi::domain::ingest::mapping::strip_unit;
/// assert_eq!(strip_unit("Amount (IDR)"), "Amount");
/// assert_eq!(strip_unit("Durasi [detik]"), "Durasi");
/// assert_eq!(strip_unit("Deal Value, $"), "Deal Value");
/// assert_eq!(strip_unit("(IDR)"), "(IDR)");
/// ```
pub fn strip_unit(text: &str) -> &str {
    let t = text.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(rest) = t.strip_suffix(close) {
            if let Some(i) = rest.rfind(open) {
                let head = rest[..i].trim_end();
                if !head.is_empty() {
                    return head;
                }
            }
        }
    }
    if let Some(i) = t.rfind(',') {
        let head = t[..i].trim_end();
        if !head.is_empty() {
            return head;
        }
    }
    t
}

/// The `Y` of a header `X - Y` (text, a `-` with a space on each side, text):
/// the text after the first such ` - `.
///
/// ```
/// # use telesales_kpi::domain::ingest::mapping::dash_tail;
/// assert_eq!(dash_tail("Deal - Deal created"), Some("Deal created"));
/// assert_eq!(dash_tail("Deal-Value"), None);
/// ```
pub fn dash_tail(text: &str) -> Option<&str> {
    let (x, y) = text.split_once(" - ")?;
    let y = y.trim();
    (!x.trim().is_empty() && !y.is_empty()).then_some(y)
}

/// The text a header is matched by: normalised without its trailing unit;
/// for `X - Y` whose whole text is no alias of any kind, the `Y`.
///
/// ```
/// # use telesales_kpi::domain::ingest::mapping::header_key;
/// assert_eq!(header_key("Deal - Value"), "dealvalue");
/// assert_eq!(header_key("Person - Phone"), "phone");
/// assert_eq!(header_key("Deal - Deal created"), "dealcreated");
/// assert_eq!(header_key("Talk Time (s)"), "talktime");
/// ```
pub fn header_key(text: &str) -> String {
    let s = strip_unit(text);
    let whole = normalise_header(s);
    match dash_tail(s) {
        Some(y) if !is_alias(&whole) => normalise_header(y),
        _ => whole,
    }
}

/// The key of a whole header row (its normalised column names, in order), by
/// which the page remembers a mapping (DATA.md §8).
///
/// ```
/// # use telesales_kpi::domain::ingest::mapping::header_row_key;
/// let a = ["Agen", "Tanggal"].map(String::from);
/// let b = ["agen ", "TANGGAL"].map(String::from);
/// assert_eq!(header_row_key(&a), header_row_key(&b));
/// ```
pub fn header_row_key(headers: &[String]) -> String {
    let names: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    names.join("\u{1f}")
}

/// The header of a file prepared for matching: each column's key, and the
/// columns of each key in order.
#[derive(Clone, Debug, Default)]
pub struct HeaderIndex {
    columns: usize,
    by_key: HashMap<String, Vec<usize>>,
}

impl HeaderIndex {
    /// Indexes header cells.
    pub fn new(headers: &[String]) -> HeaderIndex {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (col, h) in headers.iter().enumerate() {
            by_key.entry(header_key(h)).or_default().push(col);
        }
        HeaderIndex {
            columns: headers.len(),
            by_key,
        }
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.columns
    }

    /// Whether the header has no column.
    pub fn is_empty(&self) -> bool {
        self.columns == 0
    }

    /// The columns whose key is `key`, in order.
    fn columns_of(&self, key: &str) -> &[usize] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }
}

/// A column as the user names it (`--map FILE:FIELD=COLUMN`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ColumnRef {
    /// `#N`: the N-th column, counting from 1 (stored 0-based).
    Position(usize),
    /// A header text, matched like an alias.
    Header(String),
    /// `FIELD=` with nothing after it: leave the field unmapped.
    Unmapped,
}

impl ColumnRef {
    /// Reads the COLUMN part of `--map`: `#N`, empty, or a header text.
    ///
    /// ```
    /// # use telesales_kpi::domain::ingest::mapping::ColumnRef;
    /// assert_eq!(ColumnRef::parse("#3"), ColumnRef::Position(2));
    /// assert_eq!(ColumnRef::parse(""), ColumnRef::Unmapped);
    /// assert_eq!(ColumnRef::parse("Nilai"), ColumnRef::Header("Nilai".into()));
    /// ```
    pub fn parse(text: &str) -> ColumnRef {
        let t = text.trim();
        if t.is_empty() {
            return ColumnRef::Unmapped;
        }
        match t.strip_prefix('#').map(str::parse::<usize>) {
            Some(Ok(n)) if n >= 1 => ColumnRef::Position(n - 1),
            _ => ColumnRef::Header(t.to_owned()),
        }
    }

    /// The text the user wrote, for messages.
    pub fn shown(&self) -> String {
        match self {
            ColumnRef::Position(i) => format!("#{}", i + 1),
            ColumnRef::Header(h) => h.clone(),
            ColumnRef::Unmapped => String::new(),
        }
    }
}

/// A field the user maps to a column of their choosing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct FieldChoice {
    /// The canonical field, as written.
    pub field: String,
    /// The column.
    pub column: ColumnRef,
}

impl FieldChoice {
    /// Reads a `--map FILE:FIELD=COLUMN` value: the part before the first `=`
    /// is split at its last `:` into FILE and FIELD; returns FILE and the choice.
    ///
    /// ```
    /// # use telesales_kpi::domain::ingest::mapping::{ColumnRef, FieldChoice};
    /// let (file, c) = FieldChoice::parse_arg("C:/x/book.xlsx#Deals:amount=Deal - Value").unwrap();
    /// assert_eq!((file, c.field.as_str()), ("C:/x/book.xlsx#Deals", "amount"));
    /// assert_eq!(c.column, ColumnRef::Header("Deal - Value".into()));
    /// assert!(FieldChoice::parse_arg("calls.csv=agent").is_none());
    /// ```
    pub fn parse_arg(value: &str) -> Option<(&str, FieldChoice)> {
        let (left, column) = value.split_once('=')?;
        let (file, field) = left.rsplit_once(':')?;
        let field = field.trim();
        if file.is_empty() || field.is_empty() {
            return None;
        }
        let choice = FieldChoice {
            field: field.to_owned(),
            column: ColumnRef::parse(column),
        };
        Some((file, choice))
    }
}

/// A choice resolved against a header: the field and its column (`None`: unmapped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The canonical field.
    pub field: String,
    /// The column, 0-based.
    pub column: Option<usize>,
}

/// Resolves the chosen columns against a header of `headers` (empty for a
/// headerless file, whose rows have `width` fields).
pub fn resolve_choices(
    name: &str,
    choices: &[FieldChoice],
    headers: &[String],
    width: usize,
) -> Result<Vec<Resolved>, FileError> {
    choices
        .iter()
        .map(|c| {
            if !is_field(&c.field) {
                return Err(FileError::UnknownField {
                    name: name.to_owned(),
                    field: c.field.clone(),
                    kind: None,
                });
            }
            let column = match &c.column {
                ColumnRef::Position(i) if *i < width.max(headers.len()) => Some(*i),
                ColumnRef::Header(text) => find_column(text, headers),
                ColumnRef::Position(_) | ColumnRef::Unmapped => None,
            };
            if column.is_none() && c.column != ColumnRef::Unmapped {
                return Err(FileError::UnknownColumn {
                    name: name.to_owned(),
                    field: c.field.clone(),
                    column: c.column.shown(),
                });
            }
            Ok(Resolved {
                field: c.field.clone(),
                column,
            })
        })
        .collect()
}

/// The column a user's header text names: the first whose text (normalised,
/// trailing unit dropped) is the same, else the first whose `Y` of `X - Y` is.
pub fn find_column(text: &str, headers: &[String]) -> Option<usize> {
    let wanted = normalise_header(strip_unit(text));
    if wanted.is_empty() {
        return None;
    }
    headers
        .iter()
        .position(|h| normalise_header(strip_unit(h)) == wanted)
        .or_else(|| {
            headers.iter().position(|h| {
                dash_tail(strip_unit(h)).is_some_and(|y| normalise_header(y) == wanted)
            })
        })
}

/// For each canonical field of a kind, the column that holds it (plain data;
/// the page shows it and lets the user change it).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ColumnMapping {
    kind: FileKind,
    columns: Vec<Option<usize>>,
}

impl ColumnMapping {
    /// A mapping of `kind` with no column assigned.
    pub fn for_kind(kind: FileKind) -> ColumnMapping {
        ColumnMapping {
            kind,
            columns: vec![None; fields_of(kind).len()],
        }
    }

    /// Assigns columns from header cells, field by field in table order: each
    /// field takes its earliest alias among the columns not yet taken.
    ///
    /// ```
    /// # use telesales_kpi::domain::ingest::{ColumnMapping, FileKind};
    /// let headers = ["Agent", "Date", "Duration", "Talk Time"].map(String::from);
    /// let m = ColumnMapping::from_headers(FileKind::Calls, &headers);
    /// assert_eq!(m.get("talk_seconds"), Some(3));
    /// ```
    pub fn from_headers(kind: FileKind, headers: &[String]) -> ColumnMapping {
        ColumnMapping::assign(kind, &HeaderIndex::new(headers), &[])
    }

    /// Assigns columns: the chosen ones first (those whose field is of this
    /// kind), then every other field on the columns not yet taken.
    pub fn assign(kind: FileKind, index: &HeaderIndex, chosen: &[Resolved]) -> ColumnMapping {
        let specs = fields_of(kind);
        let mut mapping = ColumnMapping::for_kind(kind);
        let mut taken = vec![false; index.len()];
        let mut fixed = vec![false; specs.len()];
        for c in chosen {
            if let Some(i) = specs.iter().position(|s| s.name == c.field) {
                mapping.columns[i] = c.column;
                fixed[i] = true;
                if let Some(t) = c.column.and_then(|col| taken.get_mut(col)) {
                    *t = true;
                }
            }
        }
        for (i, spec) in specs.iter().enumerate() {
            if fixed[i] {
                continue;
            }
            let found = spec.aliases.iter().find_map(|alias| {
                index
                    .columns_of(alias)
                    .iter()
                    .copied()
                    .find(|&c| !taken.get(c).copied().unwrap_or(true))
            });
            if let Some(col) = found {
                taken[col] = true;
                mapping.columns[i] = Some(col);
            }
        }
        if kind == FileKind::AsteriskCdr {
            mapping.duration_as_billsec(index, &fixed);
        }
        mapping
    }

    /// DATA.md §6: without a billsec, talktime or talkduration column, the
    /// column headed `duration` is billsec and the file has no duration.
    fn duration_as_billsec(&mut self, index: &HeaderIndex, fixed: &[bool]) {
        let pos = |name: &str| fields_of(self.kind).iter().position(|s| s.name == name);
        let (Some(billsec), Some(duration)) = (pos("billsec"), pos("duration")) else {
            return;
        };
        let is_fixed = |i: usize| fixed.get(i).copied().unwrap_or(false);
        if self.column(billsec).is_some() || is_fixed(billsec) {
            return;
        }
        let Some(&col) = index.columns_of("duration").first() else {
            return;
        };
        if is_fixed(duration) {
            if self.column(duration) == Some(col) {
                return;
            }
        } else if let Some(slot) = self.columns.get_mut(duration) {
            *slot = None;
        }
        if let Some(slot) = self.columns.get_mut(billsec) {
            *slot = Some(col);
        }
    }

    /// The kind whose fields these are.
    pub fn kind(&self) -> FileKind {
        self.kind
    }

    /// The column of a field (`None`: unmapped or not a field of the kind).
    pub fn get(&self, field: &str) -> Option<usize> {
        let i = fields_of(self.kind).iter().position(|s| s.name == field)?;
        self.columns.get(i).copied().flatten()
    }

    /// Sets (or clears) the column of a field; unknown fields are ignored.
    pub fn set(&mut self, field: &str, col: Option<usize>) {
        if let Some(i) = fields_of(self.kind).iter().position(|s| s.name == field) {
            if let Some(slot) = self.columns.get_mut(i) {
                *slot = col;
            }
        }
    }

    /// Every field of the kind with its column, in table order.
    pub fn fields(&self) -> impl Iterator<Item = (&'static str, Option<usize>)> + '_ {
        fields_of(self.kind)
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name, self.column(i)))
    }

    /// The column of the field at position `index` of [`fields_of`].
    pub fn column(&self, index: usize) -> Option<usize> {
        self.columns.get(index).copied().flatten()
    }

    /// How many fields have a column.
    pub fn mapped(&self) -> usize {
        self.columns.iter().filter(|c| c.is_some()).count()
    }

    /// Required fields without a column (leads: `lead_id or phone` when both miss).
    pub fn missing_required(&self) -> Vec<&'static str> {
        let mut missing: Vec<&'static str> = fields_of(self.kind)
            .iter()
            .enumerate()
            .filter(|(i, spec)| spec.required && self.column(*i).is_none())
            .map(|(_, spec)| spec.name)
            .collect();
        if self.kind == FileKind::Leads
            && self.get("lead_id").is_none()
            && self.get("phone").is_none()
        {
            missing.insert(0, "lead_id or phone");
        }
        missing
    }
}
