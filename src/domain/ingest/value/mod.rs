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
/// returning the normalised word (`None` when it does not fit in `buf`).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::squash;
/// let mut buf = [0u8; 32];
/// assert_eq!(squash("No Answer", &mut buf), Some("noanswer"));
/// ```
pub fn squash<'a>(text: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let mut n = 0;
    for &b in text.as_bytes() {
        if matches!(b, b' ' | b'_' | b'-' | b'.' | b'/' | b'\t') {
            continue;
        }
        *buf.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}
