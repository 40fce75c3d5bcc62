//! DATA.md §9, "nothing hangs": a line longer than the reader keeps, a header
//! of 10⁶ columns, and a file ending inside a quote all end with a result.

use std::fmt::Write as _;

use telesales_kpi::domain::ingest::csv::MAX_RECORD_BYTES;
use telesales_kpi::domain::ingest::{parse_bytes, FileKind, ParseOptions, RowProblem};

#[test]
fn a_line_past_the_limit_is_one_skipped_row() {
    let mut text =
        b"agent,started_at,note\nBudi,2026-11-03 09:00,ok\nSiti,2026-11-03 09:05,".to_vec();
    text.resize(text.len() + MAX_RECORD_BYTES + 1024, b'x');
    text.extend_from_slice(b"\nBudi,2026-11-03 09:10,ok\n");
    let f = parse_bytes("long.csv", &text, &ParseOptions::default()).expect("calls");
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Calls, 2, 1));
    assert_eq!(f.errors[0].line, 3);
    assert_eq!(
        f.errors[0].problem,
        RowProblem::RecordTooLong {
            limit: MAX_RECORD_BYTES
        }
    );
}

#[test]
fn a_header_of_a_million_columns() {
    let n = 1_000_000;
    let mut header = String::from("agent,started_at");
    let mut row = String::from("Budi,2026-11-03 09:00");
    for i in 2..n {
        let _ = write!(header, ",c{i}");
        row.push(',');
    }
    let text = format!("{header}\n{row}\n{row}\n");
    let f = parse_bytes("wide.csv", text.as_bytes(), &ParseOptions::default()).expect("calls");
    assert_eq!(
        (f.kind, f.rows, f.skipped, f.headers.len()),
        (FileKind::Calls, 2, 0, n)
    );
    assert!(f.samples.iter().all(|s| s.len() <= 1000));
}

#[test]
fn a_quote_opened_in_the_header_costs_the_header() {
    // The header itself never closes its quote: it is skipped, and the next
    // line is read as the header.
    let text = b"\"agent,started_at\nagent,started_at\nBudi,2026-11-03 09:00\n";
    let f = parse_bytes("q.csv", text, &ParseOptions::default()).expect("calls");
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Calls, 1, 1));
    assert_eq!(f.errors[0].problem, RowProblem::UnclosedQuote { opened: 1 });
}
