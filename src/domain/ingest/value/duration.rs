//! Durations: whole or decimal seconds (`245`, `245.5`), `MM:SS` or `H:MM:SS`,
//! or units `1h 2m 3s` (each part optional, spaces optional); a value followed
//! by a parenthesised part uses the part before it (`125s (2m 5s)`).

/// Reads a duration in seconds; `None` when the text is none of the accepted
/// shapes (negative values included).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::duration::parse_duration;
/// assert_eq!(parse_duration("4:05"), Some(245.0));
/// assert_eq!(parse_duration("1:00:01"), Some(3601.0));
/// assert_eq!(parse_duration("2m 5s"), Some(125.0));
/// assert_eq!(parse_duration("125s (2m 5s)"), Some(125.0));
/// ```
pub fn parse_duration(text: &str) -> Option<f64> {
    let text = super::trim(text);
    if text.len() <= 15 && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // Whole seconds (what `parse_seconds` reads them as).
        return parse_uint(text);
    }
    if let Some(&last) = text.as_bytes().last() {
        if last.is_ascii_digit() {
            return if text.contains(':') {
                parse_clock(text)
            } else {
                parse_seconds(text)
            };
        }
        if last == b')' {
            let open = text.find('(')?;
            let before = text[..open].trim_end();
            return (!before.is_empty())
                .then(|| parse_duration(before))
                .flatten();
        }
    }
    parse_units(text)
}

/// `MM:SS` or `H:MM:SS` (seconds may carry a fraction).
fn parse_clock(text: &str) -> Option<f64> {
    let mut parts = text.split(':');
    let first = parts.next()?;
    let second = parts.next()?;
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let lead = parse_uint(first)?;
    match third {
        None => {
            let secs = parse_sixty(second, true)?;
            Some(lead * 60.0 + secs)
        }
        Some(third) => {
            let mins = parse_sixty(second, false)?;
            let secs = parse_sixty(third, true)?;
            Some(lead * 3600.0 + mins * 60.0 + secs)
        }
    }
}

/// `1h 2m 3s`, `2m5s`, `45s`, `1h`: parts in that order, each at most once,
/// at least one; the seconds may carry a fraction.
fn parse_units(text: &str) -> Option<f64> {
    let mut rest = text;
    let mut total = 0.0;
    let mut seen = 0;
    for (unit, factor, fraction) in [('h', 3600.0, false), ('m', 60.0, false), ('s', 1.0, true)] {
        rest = rest.trim_start();
        let digits = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (fraction && matches!(b, b'.' | b',')))
            .count();
        if digits == 0 {
            continue;
        }
        let after = rest.get(digits..)?.trim_start();
        let Some(tail) = after
            .strip_prefix(unit)
            .or_else(|| after.strip_prefix(unit.to_ascii_uppercase()))
        else {
            continue;
        };
        let value = if fraction {
            parse_seconds(rest.get(..digits)?)?
        } else {
            parse_uint(rest.get(..digits)?)?
        };
        total += value * factor;
        seen += 1;
        rest = tail;
    }
    (seen > 0 && rest.trim().is_empty()).then_some(total)
}

/// Digits only, at least one.
fn parse_uint(text: &str) -> Option<f64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.len() <= 15 {
        // Below 2^53: the integer itself, as `parse` gives it.
        let n = text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(n as f64);
    }
    text.parse().ok()
}

/// A two-digit part below 60 (seconds may carry a fraction).
fn parse_sixty(text: &str, fraction: bool) -> Option<f64> {
    let (whole, frac) = match text.split_once(['.', ',']) {
        Some((w, f)) if fraction => (w, Some(f)),
        Some(_) => return None,
        None => (text, None),
    };
    if whole.len() != 2 {
        return None;
    }
    let mut value = parse_uint(whole)?;
    if value >= 60.0 {
        return None;
    }
    if let Some(frac) = frac {
        value += parse_uint(frac)? / 10f64.powi(i32::try_from(frac.len()).ok()?);
    }
    Some(value)
}

/// `245`, `245.5`, `245,5`.
fn parse_seconds(text: &str) -> Option<f64> {
    let (whole, frac) = match text.split_once(['.', ',']) {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let mut value = if whole.is_empty() && frac.is_some() {
        0.0
    } else {
        parse_uint(whole)?
    };
    if let Some(frac) = frac {
        value += parse_uint(frac)? / 10f64.powi(i32::try_from(frac.len()).ok()?);
    }
    Some(value)
}
