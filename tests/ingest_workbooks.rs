//! Workbooks (DATA.md §7), written by the test with `rust_xlsxwriter`: one
//! file per sheet `<file>#<sheet>`, serial dates in both date systems, time-
//! formatted durations, numeric ids, formula and error cells, unrecognised and
//! empty sheets, and the ZIP limits.

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};
use telesales_kpi::domain::ingest::workbook::{read_sheet, read_workbook, sheet_names, Sheet};
use telesales_kpi::domain::ingest::{FileError, FileKind, ParseOptions, ParsedFile};
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::model::{CallStatus, Stage};

/// Wall time of a civil date and time, in ms.
fn wall(y: i32, mo: u32, d: u32, h: i64, mi: i64, s: i64) -> i64 {
    Day::from_ymd(y, mo, d).expect("test date").start() + ((h * 60 + mi) * 60 + s) * 1000
}

/// Serial day of a civil date (1900 system), as Excel stores it.
fn serial(y: i32, mo: u32, d: u32) -> f64 {
    let days = Day::from_ymd(y, mo, d).expect("test date").0
        - Day::from_ymd(1899, 12, 30).expect("epoch").0;
    f64::from(days)
}

fn read(name: &str, bytes: &[u8]) -> Vec<Sheet> {
    read_workbook(name, Cursor::new(bytes), &mut |_| ParseOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"))
}

fn parsed<'a>(sheets: &'a [Sheet], sheet: &str) -> &'a ParsedFile {
    let s = sheets
        .iter()
        .find(|s| s.sheet == sheet)
        .expect("sheet listed");
    s.outcome.as_ref().unwrap_or_else(|e| panic!("{e:?}"))
}

fn text(f: &ParsedFile, sym: Option<telesales_kpi::domain::model::Sym>) -> Option<String> {
    sym.map(|s| f.data.strings.resolve(s).to_owned())
}

/// A calls sheet: a date-formatted start, a time-formatted talk time, a
/// numeric call id and phone, a boolean callback, a formula status.
fn calls_sheet(ws: &mut Worksheet, base: f64) {
    let when = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let clock = Format::new().set_num_format("h:mm:ss");
    let elapsed = Format::new().set_num_format("[h]:mm:ss");
    ws.set_name("Calls").expect("name");
    for (c, h) in [
        "Call ID",
        "Agent",
        "Call Date",
        "Talk Time",
        "Wait",
        "Status",
        "Phone",
        "Callback",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    // Row 2: 3 Nov 2026 09:15, 0:04:30 talk.
    ws.write_number(1, 0, 12345).expect("id");
    ws.write_string(1, 1, "budi").expect("agent");
    ws.write_number_with_format(1, 2, base + (9.0 * 60.0 + 15.0) / 1440.0, &when)
        .expect("date");
    ws.write_number_with_format(1, 3, 270.0 / 86_400.0, &clock)
        .expect("talk");
    ws.write_number(1, 4, 12).expect("wait");
    ws.write_formula(1, 5, Formula::new("=\"connected\"").set_result("connected"))
        .expect("status");
    ws.write_number(1, 6, 6_281_234_567_890.0).expect("phone");
    ws.write_boolean(1, 7, true).expect("callback");
    // Row 3 left empty; row 4: an elapsed time of 36 h, an error status cell.
    ws.write_number(3, 0, 12346).expect("id");
    ws.write_string(3, 1, "siti").expect("agent");
    ws.write_number_with_format(3, 2, base + 0.5, &when)
        .expect("date");
    ws.write_number_with_format(3, 3, 1.5, &elapsed)
        .expect("talk");
    ws.write_formula(3, 5, Formula::new("=NA()").set_result("#N/A"))
        .expect("status");
    ws.write_boolean(3, 7, false).expect("callback");
}

/// A deals sheet: dates pasted as numbers, a formula amount, an error cost.
fn deals_sheet(ws: &mut Worksheet) {
    ws.set_name("Penjualan").expect("name");
    for (c, h) in ["Agen", "Tanggal", "Nilai", "HPP", "Tahap"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    ws.write_string(1, 0, "budi").expect("agent");
    ws.write_number(1, 1, serial(2026, 11, 4))
        .expect("date as number");
    ws.write_formula(
        1,
        2,
        Formula::new("=1000000+250000.5").set_result("1250000.5"),
    )
    .expect("amount");
    ws.write_formula(1, 3, Formula::new("=1/0").set_result("#DIV/0!"))
        .expect("cost");
    ws.write_string(1, 4, "won").expect("stage");
    ws.write_string(2, 0, "siti").expect("agent");
    ws.write_number_with_format(
        2,
        1,
        serial(2026, 11, 5),
        &Format::new().set_num_format_index(14),
    )
    .expect("date");
    ws.write_string(2, 2, "Rp 850.000").expect("amount as text");
    ws.write_number(2, 3, 500_000).expect("cost");
    ws.write_string(2, 4, "lost").expect("stage");
}

fn book(base: f64) -> Vec<u8> {
    let mut wb = Workbook::new();
    calls_sheet(wb.add_worksheet(), base);
    deals_sheet(wb.add_worksheet());
    let notes = wb.add_worksheet();
    notes.set_name("Notes").expect("name");
    notes.write_string(0, 0, "foo").expect("cell");
    notes.write_string(0, 1, "bar").expect("cell");
    notes.write_string(1, 0, "1").expect("cell");
    wb.add_worksheet().set_name("Empty").expect("name");
    wb.save_to_buffer().expect("xlsx")
}

/// The same workbook with `date1904` set in `xl/workbook.xml`.
fn with_date1904(bytes: &[u8]) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).expect("entry");
        let name = entry.name().expect("name").into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(data).expect("utf-8");
            assert!(xml.contains("<workbookPr"), "{xml}");
            data = xml
                .replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
                .into_bytes();
        }
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        out.start_file(name, options).expect("start");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn every_sheet_is_its_own_file() {
    let bytes = book(serial(2026, 11, 3));
    let sheets = read("dir/book.xlsx", &bytes);
    let names: Vec<(&str, &str, Option<FileKind>)> = sheets
        .iter()
        .map(|s| {
            (
                s.sheet.as_str(),
                s.name.as_str(),
                s.outcome.as_ref().ok().map(|f| f.kind),
            )
        })
        .collect();
    #[rustfmt::skip]
    assert_eq!(names, [
        ("Calls", "book.xlsx#Calls", Some(FileKind::Calls)),
        ("Penjualan", "book.xlsx#Penjualan", Some(FileKind::Deals)),
        ("Notes", "book.xlsx#Notes", None),
    ]);
    assert!(matches!(
        &sheets[2].outcome,
        Err(FileError::UnknownKind { name, headers, .. }) if name == "book.xlsx#Notes" && headers == &["foo", "bar"]
    ));
    assert_eq!(
        sheet_names("book.xlsx", Cursor::new(&bytes)).expect("names"),
        ["Calls", "Penjualan", "Notes", "Empty"]
    );
}

#[test]
fn calls_cells_keep_their_types() {
    for (label, bytes) in [
        ("1900", book(serial(2026, 11, 3))),
        ("1904", with_date1904(&book(serial(2026, 11, 3) - 1462.0))),
    ] {
        let sheets = read("book.xlsx", &bytes);
        let f = parsed(&sheets, "Calls");
        assert_eq!((f.rows, f.skipped), (2, 0), "{label}: {:?}", f.errors);
        let t = &f.data.calls;
        assert_eq!(
            t.started_at,
            [wall(2026, 11, 3, 9, 15, 0), wall(2026, 11, 3, 12, 0, 0)],
            "{label}"
        );
        assert_eq!(
            t.talk.iter().map(|m| m.secs()).collect::<Vec<_>>(),
            [Some(270.0), Some(129_600.0)],
            "{label}"
        );
        assert_eq!(
            t.wait.iter().map(|m| m.secs()).collect::<Vec<_>>(),
            [Some(12.0), None],
            "{label}"
        );
        // The error cell is empty: no status, talk > 0, so connected.
        assert_eq!(
            (0..t.len()).map(|i| t.status(i)).collect::<Vec<_>>(),
            [CallStatus::Connected, CallStatus::Connected],
            "{label}"
        );
        let ids: Vec<_> = t.call_id.iter().map(|s| text(f, *s)).collect();
        assert_eq!(
            ids,
            [Some("12345".to_owned()), Some("12346".to_owned())],
            "{label}"
        );
        assert_eq!(
            text(f, t.phone[0]).as_deref(),
            Some("6281234567890"),
            "{label}"
        );
        assert_eq!(
            (0..t.len()).map(|i| t.callback(i)).collect::<Vec<_>>(),
            [Some(true), Some(false)],
            "{label}"
        );
        // Lines are the sheet's row numbers; samples show date cells as wall time.
        assert_eq!(f.samples[0][2], "2026-11-03 09:15:00", "{label}");
        assert_eq!(f.samples[0][3], "0:04:30", "{label}");
        assert_eq!(f.samples[1][3], "36:00:00", "{label}");
    }
}

#[test]
fn deals_numbers_decide_no_convention() {
    let sheets = read("book.xlsx", &book(serial(2026, 11, 3)));
    let f = parsed(&sheets, "Penjualan");
    assert_eq!((f.rows, f.skipped), (2, 0), "{:?}", f.errors);
    let d = &f.data.deals;
    assert_eq!(
        d.closed_at,
        [
            Some(wall(2026, 11, 4, 0, 0, 0)),
            Some(wall(2026, 11, 5, 0, 0, 0))
        ]
    );
    // The number cell says nothing about the convention: `Rp 850.000` is a
    // single group, dot = thousands.
    assert_eq!(d.amount, [1_250_000.5, 850_000.0]);
    assert_eq!(d.cost, [None, Some(500_000.0)]);
    assert_eq!(d.stage, [Stage::Won, Stage::Lost]);
    assert!(f.decimal_comma);
}

#[test]
fn a_sheet_read_again_with_a_kind() {
    let bytes = book(serial(2026, 11, 3));
    let options = ParseOptions {
        kind: Some(FileKind::Roster),
        ..ParseOptions::default()
    };
    let f = read_sheet("book.xlsx", Cursor::new(&bytes), "Calls", &options).expect("roster");
    assert_eq!(
        (f.name.as_str(), f.kind, f.rows),
        ("book.xlsx#Calls", FileKind::Roster, 2)
    );
    assert_eq!(
        read_sheet(
            "book.xlsx",
            Cursor::new(&bytes),
            "Nope",
            &ParseOptions::default()
        )
        .err(),
        Some(FileError::UnknownSheet {
            name: "book.xlsx".into(),
            sheet: "Nope".into()
        })
    );
    assert_eq!(
        read_sheet(
            "book.xlsx",
            Cursor::new(&bytes),
            "Empty",
            &ParseOptions::default()
        )
        .err(),
        Some(FileError::Empty {
            name: "book.xlsx#Empty".into()
        })
    );
}

#[test]
fn epoch_numbers_and_plain_serials_in_timestamp_fields() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["agent", "started_at"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    #[rustfmt::skip]
    let cases: [(f64, i64); 3] = [
        (1_793_664_000.0, wall(2026, 11, 3, 7, 0, 0)),        // epoch seconds, at +07:00
        (1_793_664_000_500.0, wall(2026, 11, 3, 7, 0, 0) + 500), // epoch milliseconds
        (serial(2026, 11, 3) + 0.25, wall(2026, 11, 3, 6, 0, 0)), // a serial pasted as a number
    ];
    for (i, (n, _)) in cases.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, "a").expect("agent");
        ws.write_number(i as u32 + 1, 1, *n).expect("number");
    }
    let bytes = wb.save_to_buffer().expect("xlsx");
    let sheets = read("t.xlsx", &bytes);
    let f = parsed(&sheets, "Sheet1");
    let want: Vec<i64> = cases.iter().map(|c| c.1).collect();
    assert_eq!(f.data.calls.started_at, want);
}

#[test]
fn what_is_not_a_workbook() {
    let zip_without_workbook = {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        out.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(b"<x/>").expect("write");
        out.finish().expect("zip").into_inner()
    };
    let good = book(serial(2026, 11, 3));
    #[rustfmt::skip]
    let cases: [(&[u8], &str); 3] = [
        (&zip_without_workbook, "not text"),
        (&good[..good.len() / 2], "not text"),
        (b"PK\x03\x04garbage", "not text"),
    ];
    for (bytes, what) in cases {
        let got = read_workbook("x.xlsx", Cursor::new(bytes), &mut |_| {
            ParseOptions::default()
        });
        assert!(
            matches!(got, Err(FileError::NotText { .. })),
            "{what}: {got:?}"
        );
    }
}

/// The fixture workbook with a part (added, or replacing the one of that name)
/// of `size` bytes of spaces, deflated.
fn with_part(name: &str, size: usize) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let good = book(serial(2026, 11, 3));
    let mut zin = zip::ZipArchive::new(Cursor::new(&good[..])).expect("zip");
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).expect("entry");
        let entry_name = entry.name().expect("name").into_owned();
        if entry_name == name {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        out.start_file(entry_name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&data).expect("write");
    }
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    out.start_file(name, options).expect("start");
    let block = vec![b' '; 1 << 20];
    for _ in 0..size >> 20 {
        out.write_all(&block).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

/// A part added to the workbook, its size, and the (size, limit) it exceeds.
type BombCase = (&'static str, usize, Option<(u64, u64)>);

#[test]
fn a_zip_bomb_is_refused_before_it_is_read() {
    #[rustfmt::skip]
    let cases: [BombCase; 4] = [
        // Shared strings are held in memory: 128 MiB at most.
        ("xl/sharedStrings.xml", 130 << 20, Some((130 << 20, 128 << 20))),
        // Any other XML part but a worksheet: 32 MiB.
        ("xl/styles2.xml", 40 << 20, Some((40 << 20, 32 << 20))),
        ("xl/styles2.xml", 16 << 20, None),
        // Media only count in the total (1 GiB).
        ("xl/media/image1.png", 40 << 20, None),
    ];
    for (part, size, want) in cases {
        let bytes = with_part(part, size);
        assert!(
            bytes.len() < 4 << 20,
            "{part}: compressed to {} bytes",
            bytes.len()
        );
        let got = read_workbook("bomb.xlsx", Cursor::new(&bytes), &mut |_| {
            ParseOptions::default()
        });
        match want {
            Some((size, limit)) => assert_eq!(
                got.err(),
                Some(FileError::WorkbookTooLarge {
                    name: "bomb.xlsx".into(),
                    size,
                    limit
                }),
                "{part}"
            ),
            None => assert_eq!(got.map(|s| s.len()).ok(), Some(3), "{part}"),
        }
    }
    // Worksheets are streamed, but all parts together hold at most 1 GiB.
    let bytes = with_part("xl/worksheets/sheet9.xml", 1100 << 20);
    let got = read_workbook("bomb.xlsx", Cursor::new(&bytes), &mut |_| {
        ParseOptions::default()
    });
    assert!(
        matches!(got, Err(FileError::WorkbookTooLarge { size, limit: 1_073_741_824, .. }) if size > 1100 << 20),
        "{got:?}"
    );
}

#[test]
fn far_right_cells_cost_their_cells_only() {
    // A header reaching the last column (XFD) and rows with a cell there: each
    // row is read as wide as the mapping needs, not 16,384 cells.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "agent").expect("header");
    ws.write_string(0, 1, "started_at").expect("header");
    ws.write_string(0, 16_383, "note").expect("header");
    for r in 1..=20_000u32 {
        ws.write_string(r, 0, "budi").expect("cell");
        ws.write_string(r, 1, "2026-11-03 09:00").expect("cell");
        ws.write_string(r, 16_383, "x").expect("cell");
    }
    let bytes = wb.save_to_buffer().expect("xlsx");
    let sheets = read("wide.xlsx", &bytes);
    let f = parsed(&sheets, "Sheet1");
    assert_eq!(
        (f.kind, f.rows, f.skipped, f.headers.len()),
        (FileKind::Calls, 20_000, 0, 16_384)
    );
    assert_eq!(f.samples[0].len(), 1000);
}

#[test]
fn shared_strings_that_claim_too_many_are_refused() {
    // Found by the fuzzer: `<sst uniqueCount="3628120000000187">` made the
    // reader reserve room for that many strings (an abort).
    let shared = |count: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="{count}"><si><t>agent</t></si><si><t>budi</t></si></sst>"#
        )
    };
    let good = book(serial(2026, 11, 3));
    for (count, ok) in [
        ("2", true),
        ("30", true),
        ("40", false),
        ("3628120000000187", false),
    ] {
        let mut zin = zip::ZipArchive::new(Cursor::new(&good[..])).expect("zip");
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zin.len() {
            let mut entry = zin.by_index(i).expect("entry");
            let name = entry.name().expect("name").into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("read");
            if name == "xl/sharedStrings.xml" {
                data = shared(count).into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("start");
            out.write_all(&data).expect("write");
        }
        let bytes = out.finish().expect("zip").into_inner();
        let got = read_workbook("s.xlsx", Cursor::new(&bytes), &mut |_| {
            ParseOptions::default()
        });
        assert_eq!(got.is_ok(), ok, "{count}: {:?}", got.err());
        if !ok {
            assert!(
                matches!(got, Err(FileError::WorkbookDamaged { .. })),
                "{count}"
            );
        }
    }
}
