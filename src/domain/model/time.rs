//! Wall-clock time in the report's time zone, as plain integers.
//!
//! A [`Timestamp`] counts milliseconds since 1970-01-01 00:00 *wall time* (not
//! UTC): input with an offset is converted to the report's UTC offset when it is
//! parsed, so days, weeks and months are plain integer arithmetic here.

use std::fmt;

/// Milliseconds since 1970-01-01 00:00 in report wall time.
pub type Timestamp = i64;

/// Milliseconds in one day.
pub const DAY_MS: i64 = 86_400_000;

/// A calendar day as a count of days since 1970-01-01 (may be negative).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Day(pub i32);

impl Day {
    /// The day of a timestamp.
    pub fn of(ts: Timestamp) -> Day {
        Day(ts.div_euclid(DAY_MS) as i32)
    }

    /// The day of a civil date; `None` when the date does not exist.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::time::Day;
    /// assert_eq!(Day::from_ymd(1970, 1, 2), Some(Day(1)));
    /// assert_eq!(Day::from_ymd(2026, 2, 29), None);
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Day::from_ymd(y, m, d)
    }

    /// The (year, month, day) of this day.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The timestamp of this day's 00:00.
    pub fn start(self) -> Timestamp {
        i64::from(self.0) * DAY_MS
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The Monday starting this day's week.
    #[must_use]
    pub fn week_start(self) -> Day {
        Day(self.0 - self.weekday() as i32)
    }

    /// The first day of this day's month.
    #[must_use]
    pub fn month_start(self) -> Day {
        let (y, m, _) = self.ymd();
        Day(days_from_civil(y, m, 1))
    }

    /// The number of days of this day's month.
    pub fn days_in_its_month(self) -> u32 {
        let (y, m, _) = self.ymd();
        days_in_month(y, m)
    }

    /// The day `n` days later (earlier when negative).
    #[must_use]
    pub fn plus(self, n: i32) -> Day {
        Day(self.0 + n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// A duration in whole milliseconds; `u32::MAX` stands for "missing" so a
/// column of durations costs 4 bytes a row.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Millis(u32);

impl Millis {
    /// The missing duration.
    pub const MISSING: Millis = Millis(u32::MAX);

    /// A duration from milliseconds (values ≥ `u32::MAX` saturate just below it).
    pub fn from_ms(ms: u64) -> Millis {
        Millis(u32::try_from(ms).unwrap_or(u32::MAX - 1).min(u32::MAX - 1))
    }

    /// A duration from an optional number of seconds (negative → missing).
    pub fn from_secs_opt(secs: Option<f64>) -> Millis {
        match secs {
            Some(s) if s.is_finite() && s >= 0.0 => Millis::from_ms((s * 1000.0).round() as u64),
            _ => Millis::MISSING,
        }
    }

    /// The stored number (`u32::MAX`: missing), for packing a column.
    pub(super) fn raw(self) -> u32 {
        self.0
    }

    /// A duration from [`Millis::raw`].
    pub(super) fn from_raw(raw: u32) -> Millis {
        Millis(raw)
    }

    /// The duration in seconds, or `None` when missing.
    pub fn secs(self) -> Option<f64> {
        (self != Millis::MISSING).then(|| f64::from(self.0) / 1000.0)
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// Parses a UTC offset (`+07:00`, `-05:30`, `+0700`, `+7`, `Z`, `UTC`) into
/// minutes east of UTC; `None` beyond ±14:00 or when malformed.
///
/// ```
/// # use telesales_kpi::domain::model::time::{parse_utc_offset, format_utc_offset};
/// assert_eq!(parse_utc_offset("+07:00"), Some(420));
/// assert_eq!(parse_utc_offset("-0530"), Some(-330));
/// assert_eq!(parse_utc_offset("Z"), Some(0));
/// assert_eq!(parse_utc_offset("+15:00"), None);
/// assert_eq!(format_utc_offset(-330), "-05:30");
/// ```
pub fn parse_utc_offset(text: &str) -> Option<i32> {
    let v = text.trim();
    if v.eq_ignore_ascii_case("z") || v.eq_ignore_ascii_case("utc") {
        return Some(0);
    }
    let (sign, rest) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => (1, v),
    };
    let (h, m) = match rest.split_once(':') {
        Some(parts) => parts,
        None if rest.len() == 4 => rest.split_at(2),
        None => (rest, "0"),
    };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m) && h * 60 + m <= 14 * 60)
        .then_some(sign * (h * 60 + m))
}

/// Formats minutes east of UTC as `+07:00`.
pub fn format_utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for n in -800_000..800_000 {
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, d), n);
        }
    }

    #[test]
    fn known_days() {
        let cases = [
            ("2026-11-03", 1, 30),
            ("2024-02-29", 3, 29),
            ("1970-01-01", 3, 31),
        ];
        for (text, weekday, month_len) in cases {
            let day = Day::parse_iso(text).expect(text);
            assert_eq!(day.to_string(), text);
            assert_eq!(day.weekday(), weekday, "{text}");
            assert_eq!(day.days_in_its_month(), month_len, "{text}");
        }
    }
}
