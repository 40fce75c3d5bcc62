//! Timestamps: ISO (`2026-11-03T09:15:00`, `2026-11-03 09:15[:00][.fff]`,
//! `2026/11/03`), numeric day/month dates (`03/11/2026 09:15`, `03-11-26`,
//! `1.9.2017 6:33 PM`), date-only values, Unix epoch seconds or milliseconds,
//! with an optional `Z`/`±HH:MM` offset.
//! A numeric date whose day/month order is open is returned as such; the
//! column decides the order.

use crate::domain::model::time::Day;
use crate::domain::model::Timestamp;

/// Order of the two first parts of a numeric date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DateOrder {
    /// `03/11/2026` is 3 November (the Indonesian habit, the default).
    DayFirst,
    /// `11/03/2026` is 3 November.
    MonthFirst,
}

/// A parsed timestamp cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stamp {
    /// Unambiguous: the time in report wall time.
    Fixed(Timestamp),
    /// `a/b/year [time]`: which of `a`, `b` is the day depends on the column.
    Numeric {
        /// First part.
        a: u32,
        /// Second part.
        b: u32,
        /// The year.
        year: i32,
        /// Time of day plus any offset shift, in milliseconds.
        shift_ms: i64,
    },
}

impl Stamp {
    /// What the cell says about the column's order: a part above 12 decides.
    pub fn evidence(&self) -> Option<DateOrder> {
        match *self {
            Stamp::Numeric { a, b, .. } if a > 12 && b <= 12 => Some(DateOrder::DayFirst),
            Stamp::Numeric { a, b, .. } if b > 12 && a <= 12 => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }

    /// The timestamp under an order (`None`: not a date that way).
    pub fn resolve(&self, order: DateOrder) -> Option<Timestamp> {
        match *self {
            Stamp::Fixed(ts) => Some(ts),
            Stamp::Numeric {
                a,
                b,
                year,
                shift_ms,
            } => {
                let (day, month) = match order {
                    DateOrder::DayFirst => (a, b),
                    DateOrder::MonthFirst => (b, a),
                };
                Some(Day::from_ymd(year, month, day)?.start() + shift_ms)
            }
        }
    }
}

/// Reads a timestamp cell; `utc_offset_minutes` is the report's offset, used
/// for values that carry their own offset and for epoch values.
///
/// ```
/// # use telesales_kpi::domain::ingest::value::timestamp::{parse_timestamp, DateOrder};
/// let s = parse_timestamp("2026-11-03T02:15:00Z", 420).unwrap();
/// let t = parse_timestamp("2026-11-03 09:15", 420).unwrap();
/// assert_eq!(s.resolve(DateOrder::DayFirst), t.resolve(DateOrder::DayFirst));
/// ```
pub fn parse_timestamp(text: &str, utc_offset_minutes: i32) -> Option<Stamp> {
    let s = super::trim(text).as_bytes();
    if let Iso::Read(stamp) = iso_seconds(s) {
        return stamp;
    }
    let mut cur = Cursor { s, i: 0 };
    let report_shift = i64::from(utc_offset_minutes) * 60_000;
    if let Some(ts) = epoch(cur.s) {
        return Some(Stamp::Fixed(ts + report_shift));
    }
    let (n1, w1) = cur.number()?;
    let sep = cur.one_of(b"-/.")?;
    let (n2, w2) = cur.number()?;
    cur.expect(sep)?;
    let (n3, w3) = cur.number()?;
    if w2 > 2 {
        return None;
    }
    let time = time_and_offset(&mut cur, report_shift)?;
    if w1 == 4 && w3 <= 2 {
        let day = Day::from_ymd(i32::try_from(n1).ok()?, n2, n3)?;
        Some(Stamp::Fixed(day.start() + time))
    } else if w1 <= 2 && (w3 == 4 || w3 == 2) {
        if (n1 > 12 && n2 > 12) || n1 == 0 || n2 == 0 {
            return None;
        }
        let year = i32::try_from(n3).ok()?;
        Some(Stamp::Numeric {
            a: n1,
            b: n2,
            year: if w3 == 4 { year } else { two_digit_year(year) },
            shift_ms: time,
        })
    } else {
        None
    }
}

/// What the fast reading of one layout found.
enum Iso {
    /// Another shape: the general reading decides.
    Other,
    /// The layout's reading (what the general reading gives).
    Read(Option<Stamp>),
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`), the layout of most exports, read at
/// once.
fn iso_seconds(s: &[u8]) -> Iso {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b' ' | b'T', h0, h1, b':', n0, n1, b':', s0, s1] =
        *s
    else {
        return Iso::Other;
    };
    let digits = [y0, y1, y2, y3, m0, m1, d0, d1, h0, h1, n0, n1, s0, s1];
    if !digits.iter().all(u8::is_ascii_digit) {
        return Iso::Other;
    }
    let n = |a: u8, b: u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
    let year = n(y0, y1) * 100 + n(y2, y3);
    let (h, m, sec) = (n(h0, h1), n(n0, n1), n(s0, s1));
    if h > 23 || m > 59 || sec > 59 {
        return Iso::Read(None);
    }
    let time = (i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(sec)) * 1000;
    let day = Day::from_ymd(year as i32, n(m0, m1), n(d0, d1));
    Iso::Read(day.map(|d| Stamp::Fixed(d.start() + time)))
}

/// A two-digit year: `yy` ≤ 69 is 20yy, else 19yy.
///
/// ```
/// # use telesales_kpi::domain::ingest::value::timestamp::two_digit_year;
/// assert_eq!((two_digit_year(69), two_digit_year(70), two_digit_year(16)), (2069, 1970, 2016));
/// ```
pub fn two_digit_year(yy: i32) -> i32 {
    if yy <= 69 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// Epoch seconds (9–11 digits, optional fraction) or milliseconds (12–14 digits).
fn epoch(s: &[u8]) -> Option<Timestamp> {
    let (whole, frac) = match s.iter().position(|&b| b == b'.') {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    if !(9..=14).contains(&whole.len()) || !whole.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value: i64 = std::str::from_utf8(whole).ok()?.parse().ok()?;
    if whole.len() >= 12 {
        return frac.is_none().then_some(value);
    }
    let mut ms = value * 1000;
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.iter().all(u8::is_ascii_digit) {
            return None;
        }
        ms += fraction_ms(frac);
    }
    Some(ms)
}

/// Milliseconds of a decimal fraction's digits (`5` → 500, `123456` → 123).
fn fraction_ms(digits: &[u8]) -> i64 {
    let mut ms = 0;
    for k in 0..3 {
        ms = ms * 10 + digits.get(k).map_or(0, |d| i64::from(d - b'0'));
    }
    ms
}

/// The optional ` HH:MM[:SS[.fff]]` and offset after a date: the time of day
/// in milliseconds, shifted to report wall time when an offset is given.
fn time_and_offset(cur: &mut Cursor<'_>, report_shift: i64) -> Option<i64> {
    if cur.done() {
        return Some(0);
    }
    if cur.peek() == Some(b'T') {
        cur.i += 1;
    } else {
        cur.skip_spaces();
    }
    let (h, wh) = cur.number()?;
    cur.expect(b':')?;
    let (m, wm) = cur.number()?;
    let mut s = 0;
    let mut ms = 0;
    if cur.peek() == Some(b':') {
        cur.i += 1;
        let (sec, ws) = cur.number()?;
        if ws != 2 {
            return None;
        }
        s = sec;
        if matches!(cur.peek(), Some(b'.' | b',')) {
            cur.i += 1;
            let start = cur.i;
            cur.number()?;
            ms = fraction_ms(&cur.s[start..cur.i]);
        }
    }
    if wh > 2 || wm != 2 || h > 23 || m > 59 || s > 59 {
        return None;
    }
    cur.skip_spaces();
    let h = match cur.meridiem() {
        None => h,
        Some(_) if h == 0 || h > 12 => return None,
        Some(pm) => h % 12 + if pm { 12 } else { 0 },
    };
    let mut time = (i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s)) * 1000 + ms;
    cur.skip_spaces();
    if let Some(offset) = offset(cur).ok()? {
        time += report_shift - offset;
    }
    cur.done().then_some(time)
}

/// `Z`, `±HH`, `±HHMM` or `±HH:MM` in milliseconds: `Ok(None)` when absent,
/// `Err` when malformed.
fn offset(cur: &mut Cursor<'_>) -> Result<Option<i64>, ()> {
    let sign = match cur.peek() {
        None => return Ok(None),
        Some(b'Z' | b'z') => {
            cur.i += 1;
            return Ok(Some(0));
        }
        Some(b'+') => 1,
        Some(b'-') => -1,
        Some(_) => return Err(()),
    };
    cur.i += 1;
    offset_value(cur).map(|ms| Some(sign * ms)).ok_or(())
}

/// The `HH[[:]MM]` of an offset, in milliseconds.
fn offset_value(cur: &mut Cursor<'_>) -> Option<i64> {
    let (hh, w) = cur.number()?;
    let (h, m) = match w {
        2 if cur.peek() == Some(b':') => {
            cur.i += 1;
            let (mm, wm) = cur.number()?;
            if wm != 2 {
                return None;
            }
            (hh, mm)
        }
        1 | 2 => (hh, 0),
        4 => (hh / 100, hh % 100),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some((i64::from(h) * 60 + i64::from(m)) * 60_000)
}

/// A tiny byte scanner.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn done(&self) -> bool {
        self.i >= self.s.len()
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
    }

    /// Up to 9 digits: (value, width).
    fn number(&mut self) -> Option<(u32, usize)> {
        let start = self.i;
        let mut value: u32 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if self.i - start >= 9 {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
            self.i += 1;
        }
        (self.i > start).then_some((value, self.i - start))
    }

    /// `AM` or `PM` in any case (`Some(true)` for PM), consumed.
    fn meridiem(&mut self) -> Option<bool> {
        let rest = self.s.get(self.i..self.i + 2)?;
        let pm = match rest {
            [a, m] if a.eq_ignore_ascii_case(&b'a') && m.eq_ignore_ascii_case(&b'm') => false,
            [p, m] if p.eq_ignore_ascii_case(&b'p') && m.eq_ignore_ascii_case(&b'm') => true,
            _ => return None,
        };
        self.i += 2;
        Some(pm)
    }

    fn one_of(&mut self, set: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| set.contains(b))?;
        self.i += 1;
        Some(b)
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek() == Some(b)).then(|| self.i += 1)
    }
}
