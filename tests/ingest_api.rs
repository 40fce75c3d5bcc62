//! The public surface the command line and the page use: kind names, the
//! column mapping, progress counters and the preview.

use telesales_kpi::domain::ingest::{preview, ColumnMapping, Decoder, FileKind, ParseOptions};

#[test]
fn kind_names() {
    #[rustfmt::skip]
    let cases = [
        ("calls", FileKind::Calls, "calls"),
        ("deals", FileKind::Deals, "deals"),
        ("leads", FileKind::Leads, "leads"),
        ("roster", FileKind::Roster, "roster"),
        ("campaigns", FileKind::Campaigns, "campaigns"),
        ("asterisk-cdr", FileKind::AsteriskCdr, "calls"),
        ("queue-log", FileKind::QueueLog, "calls"),
    ];
    for (name, kind, reported) in cases {
        assert_eq!(FileKind::parse(name), Some(kind));
        assert_eq!((kind.as_str(), kind.reported()), (name, reported));
    }
    assert_eq!(FileKind::ALL.len(), 7);
    assert_eq!(FileKind::parse("Calls"), None);
}

#[test]
fn column_mapping_is_plain_data() {
    let headers: Vec<String> = [
        "Agen",
        "Tanggal",
        "Durasi",
        "Durasi Bicara",
        "Status",
        "Hasil",
    ]
    .map(String::from)
    .to_vec();
    let mut m = ColumnMapping::from_headers(FileKind::Calls, &headers);
    assert_eq!(m.kind(), FileKind::Calls);
    #[rustfmt::skip]
    let want = [
        ("call_id", None), ("agent", Some(0)), ("started_at", Some(1)), ("direction", None),
        ("status", Some(4)), ("wait_seconds", None), ("talk_seconds", Some(3)), ("lead_id", None),
        ("phone", None), ("campaign", None), ("callback", None),
    ];
    assert_eq!(m.fields().collect::<Vec<_>>(), want);
    m.set("talk_seconds", Some(2));
    m.set("no_such_field", Some(9));
    assert_eq!(
        (m.get("talk_seconds"), m.get("no_such_field")),
        (Some(2), None)
    );
    assert_eq!(
        ColumnMapping::for_kind(FileKind::QueueLog).fields().count(),
        0
    );
}

#[test]
fn progress_counters() {
    let mut d = Decoder::new("/tmp/x/calls.csv", ParseOptions::default());
    d.feed(b"agent,started_at\n");
    assert_eq!((d.bytes_consumed(), d.rows()), (17, 0));
    // Past the sniffing window the decoder runs and counts records.
    let mut body = Vec::new();
    while body.len() < 70_000 {
        body.extend_from_slice(b"budi,2026-11-03 09:00\n");
    }
    d.feed(&body);
    let rows = body.len() / 22;
    assert_eq!(
        (d.bytes_consumed(), d.rows()),
        (17 + body.len() as u64, rows)
    );
    let f = d.finish().expect("calls");
    assert_eq!((f.name.as_str(), f.rows), ("calls.csv", rows));
}

#[test]
fn preview_of_files_that_fail() {
    let p = preview(b"foo;bar\n1;2\n3;4\n", &ParseOptions::default());
    assert_eq!(p.headers, ["foo", "bar"]);
    assert_eq!(p.samples, [["1", "2"], ["3", "4"]]);
    assert_eq!((p.delimiter, p.kind), (b';', None));
    let q = preview(
        include_bytes!("fixtures/ingest/cdr16.csv"),
        &ParseOptions::default(),
    );
    assert!(q.headers.is_empty());
    assert_eq!((q.samples.len(), q.kind), (5, Some(FileKind::AsteriskCdr)));
}
