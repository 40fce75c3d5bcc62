//! Per-column conventions decided by the strongest evidence in the whole column,
//! first in file order among equals (KPIS.md "Per-file decisions"), whatever
//! the chunking: cells read before the decision keep their other reading, and
//! the column fixes them when it is final (at the end of the file).

use super::value::money::{Evidence, MoneyCell, Strength};
use super::value::timestamp::{DateOrder, Stamp};
use crate::domain::model::Timestamp;

/// The date order of one timestamp column.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct DateColumn {
    order: Option<DateOrder>,
    /// Rows read while undecided, with their month-first reading.
    pending: Vec<(u32, Timestamp)>,
}

impl DateColumn {
    /// A column; `day_first` is the user's override.
    pub fn new(day_first: Option<bool>) -> DateColumn {
        DateColumn {
            order: day_first.map(|d| {
                if d {
                    DateOrder::DayFirst
                } else {
                    DateOrder::MonthFirst
                }
            }),
            pending: Vec::new(),
        }
    }

    /// Reads a cell: its timestamp now, and its other reading while the order
    /// is undecided (to hand to [`DateColumn::keep`] once the row is kept).
    pub fn read(&mut self, stamp: Stamp) -> Option<(Timestamp, Option<Timestamp>)> {
        if let Some(order) = self.order {
            return stamp.resolve(order).map(|t| (t, None));
        }
        if let Some(evidence) = stamp.evidence() {
            self.order = Some(evidence);
            return stamp.resolve(evidence).map(|t| (t, None));
        }
        let now = stamp.resolve(DateOrder::DayFirst)?;
        let other = stamp.resolve(DateOrder::MonthFirst).filter(|&o| o != now);
        Some((now, other))
    }

    /// Remembers the other reading of a kept row's cell.
    pub fn keep(&mut self, row: usize, other: Option<Timestamp>) {
        if let (Some(other), Ok(row)) = (other, u32::try_from(row)) {
            if self.order.is_none() {
                self.pending.push((row, other));
            }
        }
    }

    /// Whether the column reads day first (no evidence: yes).
    pub fn day_first(&self) -> bool {
        self.order != Some(DateOrder::MonthFirst)
    }

    /// Whether a later part of the file, read from its start as a column
    /// with nothing decided (see [`crate::domain::ingest::split`]), read its
    /// cells as this column goes on to read them: its first evidence, if any,
    /// is this column's order, if decided. Cells read before that evidence
    /// are read day first and keep their other reading, as this column
    /// would when undecided, and read as it would when decided once fixed
    /// at the end.
    pub(crate) fn agrees_with(&self, later: &DateColumn) -> bool {
        match (self.order, later.order) {
            (Some(mine), Some(theirs)) => mine == theirs,
            _ => true,
        }
    }

    /// Takes over a later part's column (see [`DateColumn::agrees_with`]),
    /// whose rows follow this column's first `rows`.
    pub(crate) fn absorb(&mut self, later: DateColumn, rows: usize) {
        self.order = self.order.or(later.order);
        self.pending.extend(
            later
                .pending
                .into_iter()
                .filter_map(|(r, t)| Some((u32::try_from(r as usize + rows).ok()?, t))),
        );
    }

    /// The fixes to apply at the end: (row, timestamp) of cells read day-first
    /// before the column turned out month-first.
    pub fn fixes(&mut self) -> Vec<(usize, Timestamp)> {
        let pending = std::mem::take(&mut self.pending);
        if self.day_first() {
            return Vec::new();
        }
        pending.into_iter().map(|(r, t)| (r as usize, t)).collect()
    }
}

/// A money cell kept while its column's convention may still change.
#[derive(Clone, Debug)]
pub struct PendingMoney {
    /// Row in the table.
    pub row: u32,
    /// Line of the record.
    pub line: u64,
    /// The cell read both ways.
    pub cell: MoneyCell,
    /// The cell's text, kept when one reading is invalid (for the error).
    pub raw: Option<Box<str>>,
}

/// The money convention of one column.
#[derive(Clone, Debug)]
pub struct MoneyColumn {
    forced: Option<bool>,
    best: Option<Evidence>,
    pending: Vec<PendingMoney>,
}

/// What a money column reads in a cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MoneyRead {
    /// The amount now; `true` when the reading may change (keep the cell).
    Value(f64, bool),
    /// Not an amount under the column's final convention.
    Invalid,
}

impl MoneyColumn {
    /// A column; `decimal_comma` is the user's override.
    pub fn new(decimal_comma: Option<bool>) -> MoneyColumn {
        MoneyColumn {
            forced: decimal_comma,
            best: None,
            pending: Vec::new(),
        }
    }

    /// The convention now (`true` = comma decimal).
    pub fn decimal_comma(&self) -> bool {
        self.forced
            .or(self.best.map(|e| e.decimal_comma))
            .unwrap_or(false)
    }

    fn is_final(&self) -> bool {
        self.forced.is_some()
            || self
                .best
                .is_some_and(|e| e.strength == Strength::BothSeparators)
    }

    /// Reads a cell, taking its evidence into account.
    pub fn read(&mut self, cell: &MoneyCell) -> MoneyRead {
        if self.forced.is_none() {
            if let Some(e) = cell.evidence {
                if self.best.is_none_or(|b| e.strength > b.strength) {
                    self.best = Some(e);
                }
            }
        }
        let comma = self.decimal_comma();
        if self.is_final() || !cell.depends_on_convention() {
            return cell
                .value(comma)
                .map_or(MoneyRead::Invalid, |v| MoneyRead::Value(v, false));
        }
        match cell.value(comma).or(cell.value(!comma)) {
            Some(v) => MoneyRead::Value(v, true),
            None => MoneyRead::Invalid,
        }
    }

    /// Keeps a cell of a kept row whose reading may change.
    pub fn keep(&mut self, row: usize, line: u64, cell: MoneyCell, raw: &str) {
        let Ok(row) = u32::try_from(row) else { return };
        let raw = (cell.dot.is_none() || cell.comma.is_none()).then(|| raw.into());
        self.pending.push(PendingMoney {
            row,
            line,
            cell,
            raw,
        });
    }

    /// At the end: every kept cell with its final amount (`None`: invalid).
    pub fn settle(&mut self) -> Vec<(PendingMoney, Option<f64>)> {
        let comma = self.decimal_comma();
        std::mem::take(&mut self.pending)
            .into_iter()
            .map(|p| {
                let v = p.cell.value(comma);
                (p, v)
            })
            .collect()
    }
}
