//! Builders of the canonical kinds (DATA.md §1–5): one record in, one table row
//! out, with per-column conventions settled at the end of the file.

pub mod calls;
pub mod deals;
pub mod leads;
pub mod roster;

use super::convention::DateColumn;
use super::error::{clip, RowProblem};
use super::issues::{Cause, Expected};
use super::record::{Ctx, Record};
use crate::domain::model::Timestamp;

/// Reads an optional timestamp cell through its column's convention; returns
/// the value and its other reading (see [`DateColumn::keep`]).
pub(crate) fn optional_time(
    cx: &mut Ctx,
    rec: &Record<'_>,
    col: Option<usize>,
    dates: &mut DateColumn,
    field: &'static str,
) -> (Option<Timestamp>, Option<Timestamp>) {
    let Some(text) = rec.cell(col) else {
        return (None, None);
    };
    if let Some((t, other)) = cx
        .stamp_cell(rec.number(col), text)
        .and_then(|s| dates.read(s))
    {
        (Some(t), other)
    } else {
        let cause = Cause::Unreadable {
            field,
            expected: Expected::Timestamp,
        };
        cx.issues.warn(cause, rec.line, text);
        (None, None)
    }
}

/// Reads a required timestamp cell; on failure the row is reported and `None`
/// returned.
pub(crate) fn required_time(
    cx: &mut Ctx,
    rec: &Record<'_>,
    col: Option<usize>,
    dates: &mut DateColumn,
    field: &'static str,
) -> Option<(Timestamp, Option<Timestamp>)> {
    let Some(text) = rec.cell(col) else {
        cx.issues
            .skip(rec.line, RowProblem::EmptyRequired { field });
        return None;
    };
    let read = cx
        .stamp_cell(rec.number(col), text)
        .and_then(|s| dates.read(s));
    if read.is_none() {
        let value = clip(text);
        cx.issues
            .skip(rec.line, RowProblem::NotATimestamp { field, value });
    }
    read
}

/// Reads a required text cell; on failure the row is reported.
pub(crate) fn required_text<'a>(
    cx: &mut Ctx,
    rec: &Record<'a>,
    col: Option<usize>,
    field: &'static str,
) -> Option<&'a str> {
    let text = rec.cell(col);
    if text.is_none() {
        cx.issues
            .skip(rec.line, RowProblem::EmptyRequired { field });
    }
    text
}
