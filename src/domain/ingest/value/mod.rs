//! Cell value parsers (DATA.md "General rules"): each takes one trimmed-or-not
//! cell text and says what it holds, without allocating. Column-wide decisions
//! (date order, money convention) are made by the callers from the evidence
//! these parsers return.

pub mod boolean;
pub mod duration;
pub mod money;
pub mod phone;
pub mod serial;
pub mod timestamp;
pub mod vocab;

/// Lower-cases ASCII letters and drops spaces, `_`, `-`, `.` and `/` into `buf`,
/// returning the normalised word's bytes, to match against the lists
/// (`None` when it does not fit in `buf`).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::squash;
/// let mut buf = [0u8; 32];
/// assert_eq!(squash("No Answer", &mut buf), Some(&b"noanswer"[..]));
/// ```
pub fn squash<'a>(text: &str, buf: &'a mut [u8]) -> Option<&'a [u8]> {
    let mut n = 0;
    for &b in text.as_bytes() {
        if matches!(b, b' ' | b'_' | b'-' | b'.' | b'/' | b'\t') {
            continue;
        }
        *buf.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
    }
    buf.get(..n)
}

/// `str::trim`, without its Unicode tables when both ends are plain ASCII
/// (the same result: an ASCII byte that is no whitespace ends the trim).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::trim;
/// for text in ["", " a ", "a", "\u{a0}a\u{2003}", "\u{b}x\u{85}", "é"] {
///     assert_eq!(trim(text), text.trim());
/// }
/// ```
pub fn trim(text: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii_graphic());
    let bytes = text.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        text
    } else {
        text.trim()
    }
}
