//! Workbook number cells (DATA.md §7): whether a number format is a date or
//! time format, Excel serial days as wall time, and numbers written plainly.

use super::timestamp::{parse_timestamp, Stamp};
use crate::domain::model::time::Day;
use crate::domain::model::Timestamp;

/// A worksheet cell that held a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SheetNumber {
    /// The number.
    pub value: f64,
    /// Whether its number format is a date or time format.
    pub date_format: bool,
}

/// The largest serial day (9999-12-31).
pub const MAX_SERIAL: f64 = 2_958_465.0;

/// Whether a number format is a date or time format: built-in formats 14–22
/// and 45–47, or a code with `d`, `m`, `y`, `h` or `s` outside quoted text,
/// escaped characters and `[...]` brackets (other than `[h]`, `[m]`, `[s]`).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::serial::is_date_format;
/// assert!(is_date_format(Some(14), "mm-dd-yy"));
/// assert!(is_date_format(Some(164), "[h]:mm:ss"));
/// assert!(is_date_format(Some(165), "dd/mm/yyyy hh:mm"));
/// assert!(!is_date_format(Some(166), "[Red]#,##0;\"days\" 0"));
/// assert!(!is_date_format(Some(0), "General"));
/// assert!(!is_date_format(Some(27), "General"));
/// ```
pub fn is_date_format(id: Option<u32>, code: &str) -> bool {
    matches!(id, Some(14..=22 | 45..=47)) || code_has_date_part(code)
}

/// Whether a format code holds a date or time part (see [`is_date_format`]).
fn code_has_date_part(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inner: String = chars.by_ref().take_while(|&b| b != ']').collect();
                if is_elapsed(&inner) {
                    return true;
                }
            }
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return true,
            _ => {}
        }
    }
    false
}

/// `h`, `hh`, `m`, `mm`, `s`, `ss` (any case): an elapsed-time bracket.
fn is_elapsed(inner: &str) -> bool {
    let mut it = inner.chars();
    let Some(first) = it.next() else {
        return false;
    };
    matches!(first.to_ascii_lowercase(), 'h' | 'm' | 's')
        && it.all(|c| c.eq_ignore_ascii_case(&first))
}

/// Whether a format code is an elapsed-time format (`[h]:mm:ss`).
pub fn is_elapsed_format(code: &str) -> bool {
    let mut rest = code;
    while let Some(open) = rest.find('[') {
        let tail = &rest[open + 1..];
        let Some(close) = tail.find(']') else { break };
        if is_elapsed(&tail[..close]) {
            return true;
        }
        rest = &tail[close + 1..];
    }
    false
}

/// The wall time of an Excel serial day: days since 1899-12-30 (1904-01-01
/// with `date1904`), the fraction the time of day, rounded to the nearest
/// second. `None` outside [0, [`MAX_SERIAL`]].
///
/// ```
/// # use telesales_kpi::domain::ingest::value::serial::serial_wall_time;
/// # use telesales_kpi::domain::model::time::Day;
/// let day = Day::from_ymd(2026, 11, 3).unwrap().start();
/// assert_eq!(serial_wall_time(46329.5, false), Some(day + 12 * 3_600_000));
/// assert_eq!(serial_wall_time(44867.5, true), Some(day + 12 * 3_600_000));
/// ```
pub fn serial_wall_time(value: f64, date1904: bool) -> Option<Timestamp> {
    if !(0.0..=MAX_SERIAL + 1.0).contains(&value) {
        return None;
    }
    let epoch = if date1904 {
        Day::from_ymd(1904, 1, 1)
    } else {
        Day::from_ymd(1899, 12, 30)
    }?;
    let secs = (value * 86_400.0).round() as i64;
    Some(epoch.start() + secs * 1000)
}

/// A timestamp from a number cell: a serial day when date-formatted or in
/// [1, [`MAX_SERIAL`]], else the epoch rule on its plain text.
pub fn number_stamp(
    n: SheetNumber,
    text: &str,
    date1904: bool,
    utc_offset_minutes: i32,
) -> Option<Stamp> {
    if n.date_format || (1.0..=MAX_SERIAL).contains(&n.value) {
        serial_wall_time(n.value, date1904).map(Stamp::Fixed)
    } else {
        parse_timestamp(text, utc_offset_minutes)
    }
}

/// A duration from a number cell: date-formatted, its value × 86,400 s;
/// else the number of seconds itself. `None` when negative or not finite.
pub fn number_seconds(n: SheetNumber) -> Option<f64> {
    let secs = if n.date_format {
        n.value * 86_400.0
    } else {
        n.value
    };
    (secs.is_finite() && secs >= 0.0).then_some(secs)
}

/// A number written plainly: `12345`, not `12345.0`; ids keep their digits.
///
/// ```
/// # use telesales_kpi::domain::ingest::value::serial::plain_number;
/// assert_eq!(plain_number(6281234567890.0), "6281234567890");
/// assert_eq!(plain_number(0.25), "0.25");
/// assert_eq!(plain_number(-3.0), "-3");
/// ```
pub fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The text of a date- or time-formatted number cell, as wall time:
/// `YYYY-MM-DD HH:MM:SS` (the date alone at midnight), or `H:MM:SS` for a
/// time of day or an elapsed time.
///
/// ```
/// # use telesales_kpi::domain::ingest::value::serial::serial_text;
/// assert_eq!(serial_text(46329.5, false, false), "2026-11-03 12:00:00");
/// assert_eq!(serial_text(46329.0, false, false), "2026-11-03");
/// assert_eq!(serial_text(0.1875, false, false), "4:30:00");
/// assert_eq!(serial_text(1.5, false, true), "36:00:00");
/// ```
pub fn serial_text(value: f64, date1904: bool, elapsed: bool) -> String {
    if !value.is_finite() {
        return String::new();
    }
    if elapsed || (0.0..1.0).contains(&value) {
        let secs = (value.abs() * 86_400.0).round() as i64;
        let sign = if value < 0.0 { "-" } else { "" };
        return format!(
            "{sign}{}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
    }
    let Some(ts) = serial_wall_time(value, date1904) else {
        return plain_number(value);
    };
    let day = Day::of(ts);
    let (y, m, d) = day.ymd();
    let secs = (ts - day.start()) / 1000;
    if secs == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}
