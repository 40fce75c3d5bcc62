//! Booleans: `1/0`, `true/false`, `yes/no`, `y/n`, `ya/tidak`, `benar/salah`.

use super::squash;

/// Reads a boolean cell; `None` for anything else (including empty).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::boolean::parse_bool;
/// assert_eq!(parse_bool(" Ya "), Some(true));
/// assert_eq!(parse_bool("maybe"), None);
/// ```
pub fn parse_bool(text: &str) -> Option<bool> {
    let mut buf = [0u8; 8];
    match squash(text, &mut buf)? {
        b"1" | b"true" | b"yes" | b"y" | b"ya" | b"benar" => Some(true),
        b"0" | b"false" | b"no" | b"n" | b"tidak" | b"salah" => Some(false),
        _ => None,
    }
}
