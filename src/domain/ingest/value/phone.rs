//! Phone numbers as keys: digits only, a leading `00` dropped, a single leading
//! `0` replaced by the country code.

/// Writes the normalised form of `text` into `out` (cleared first); returns
/// `false` when the text holds no digit (the phone is then missing).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::phone::normalise_phone;
/// let mut out = String::new();
/// assert!(normalise_phone("0812-3456-789", "62", &mut out));
/// assert_eq!(out, "628123456789");
/// ```
pub fn normalise_phone(text: &str, country_code: &str, out: &mut String) -> bool {
    out.clear();
    // An ASCII digit byte is always a whole character of UTF-8 text.
    let digits = || text.bytes().filter(u8::is_ascii_digit);
    let mut iter = digits();
    let (first, second) = (iter.next(), iter.next());
    let skip = match (first, second) {
        (None, _) => return false,
        (Some(b'0'), Some(b'0')) => 2,
        (Some(b'0'), _) => {
            out.push_str(country_code);
            1
        }
        _ => 0,
    };
    out.extend(digits().skip(skip).map(char::from));
    !out.is_empty()
}
