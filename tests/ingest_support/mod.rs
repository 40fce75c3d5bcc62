//! What the decoding tests compare: a decode's whole outcome in one
//! string (every table, every reported figure, the strings in order).

use telesales_kpi::domain::ingest::{FileError, ParsedFile};

/// Everything a decode produced, in a comparable form.
pub fn summary(result: &Result<ParsedFile, FileError>) -> String {
    match result {
        Err(e) => format!("Err({e:?})"),
        Ok(f) => {
            let strings: Vec<&str> = f.data.strings.iter().map(|(_, s)| s).collect();
            format!(
                "{:?} {} {} {:?} {:?} {:?} {:?} {:?} {} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                f.kind,
                f.rows,
                f.skipped,
                f.errors,
                f.warnings,
                f.headers,
                f.samples,
                f.mapping,
                f.day_first,
                f.decimal_comma,
                f.delimiter,
                strings,
                f.data.calls,
                f.data.deals,
                f.data.leads,
                f.data.roster,
                f.data.campaigns,
                f.data.loaded,
            )
        }
    }
}
