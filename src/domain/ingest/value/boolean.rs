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
        "1" | "true" | "yes" | "y" | "ya" | "benar" => Some(true),
        "0" | "false" | "no" | "n" | "tidak" | "salah" => Some(false),
        _ => None,
    }
}
