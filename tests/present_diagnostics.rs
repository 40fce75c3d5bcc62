//! The ingestion diagnostics in words: every problem, warning and file error
//! has its English and Indonesian sentence; the English ones are those the
//! command line prints.

use telesales_kpi::domain::ingest::error::{KindGap, RowError, RowProblem};
use telesales_kpi::domain::ingest::issues::{Cause, Expected, Warning};
use telesales_kpi::domain::ingest::{FileError, FileKind};
use telesales_kpi::present::diagnostics::{file_error, row_error, row_problem, warning};
use telesales_kpi::present::i18n::Lang;

#[test]
#[rustfmt::skip]
fn row_problems() {
    let v = || "x\"y".to_owned();
    let cases: [(RowProblem, &str, &str); 14] = [
        (RowProblem::FieldCount { expected: 5, found: 3 }, "expected 5 fields, found 3", "seharusnya 5 kolom, ditemukan 3"),
        (RowProblem::CdrFieldCount { min: 14, max: 19, found: 3 }, "expected 14 to 19 fields (Asterisk CDR), found 3", "seharusnya 14 sampai 19 kolom (CDR Asterisk), ditemukan 3"),
        (RowProblem::QueueLogFieldCount { found: 2 }, "expected at least 5 fields (queue_log), found 2", "seharusnya minimal 5 kolom (queue_log), ditemukan 2"),
        (RowProblem::EmptyRequired { field: "agent" }, "agent: empty required cell", "agent: sel wajib kosong"),
        (RowProblem::NotATimestamp { field: "started_at", value: v() }, r#"started_at "x\"y": not a date/time"#, r#"started_at "x\"y": bukan tanggal/waktu"#),
        (RowProblem::NotAnAmount { field: "amount", value: v() }, r#"amount "x\"y": not an amount"#, r#"amount "x\"y": bukan nominal"#),
        (RowProblem::AmountConvention { field: "amount", value: v() }, r#"amount "x\"y": not an amount in this column's convention"#, r#"amount "x\"y": bukan nominal menurut format angka kolom ini"#),
        (RowProblem::ClosedDealWithoutDate, "closed_at: a won or lost deal needs closed_at", "closed_at: deal yang menang atau kalah memerlukan closed_at"),
        (RowProblem::LeadWithoutKey { phone: None }, "lead_id: a lead needs lead_id or phone", "lead_id: lead memerlukan lead_id atau telepon"),
        (RowProblem::LeadWithoutKey { phone: Some("n/a".into()) }, r#"lead_id "n/a": a lead needs lead_id or phone"#, r#"lead_id "n/a": lead memerlukan lead_id atau telepon"#),
        (RowProblem::NotADisposition { value: "HELD".into() }, r#"disposition "HELD": not a CDR disposition"#, r#"disposition "HELD": bukan disposisi CDR"#),
        (RowProblem::NotAnEpoch { value: "abc".into() }, r#"epoch "abc": not a Unix time"#, r#"epoch "abc": bukan waktu Unix"#),
        (RowProblem::UnclosedQuote { opened: 2 }, "quote opened on line 2 is never closed", "tanda kutip yang dibuka di baris 2 tidak pernah ditutup"),
        (RowProblem::RecordTooLong { limit: 16 }, "record longer than 16 bytes, not read", "rekaman lebih panjang dari 16 byte, tidak dibaca"),
    ];
    for (p, en, id) in cases {
        assert_eq!(row_problem(&p, Lang::En), en);
        assert_eq!(row_problem(&p, Lang::Id), id);
        let e = RowError { line: 9, problem: p };
        assert_eq!(row_error(&e, Lang::En), format!("line 9: {en}"));
        assert_eq!(row_error(&e, Lang::Id), format!("baris 9: {id}"));
    }
}

#[test]
#[rustfmt::skip]
fn warnings() {
    let w = |cause, count, line, value: Option<&str>| Warning { cause, count, line, value: value.map(str::to_owned) };
    let cases: [(Warning, &str, &str); 9] = [
        (w(Cause::Unreadable { field: "talk_seconds", expected: Expected::Duration }, 2, Some(4), Some("abc")),
            r#"f.csv: 2 talk_seconds cell(s) could not be read as a duration and were left empty (first at line 4: "abc")"#,
            r#"f.csv: 2 sel talk_seconds tidak dapat dibaca sebagai durasi dan dibiarkan kosong (pertama di baris 4: "abc")"#),
        (w(Cause::UnknownStatus, 3, Some(5), Some("weird")),
            r#"f.csv: unknown status "weird" in 3 row(s) (first at line 5), counted as other"#,
            r#"f.csv: status tidak dikenal "weird" di 3 baris (pertama di baris 5), dihitung sebagai lainnya"#),
        (w(Cause::OtherStatuses { listed: 20 }, 7, Some(90), Some("zz")),
            r#"f.csv: 7 more row(s) with other unknown status words (beyond 20 listed; first at line 90: "zz"), counted as other"#,
            r#"f.csv: 7 baris lagi dengan kata status lain yang tidak dikenal (selain 20 yang disebut; pertama di baris 90: "zz"), dihitung sebagai lainnya"#),
        (w(Cause::LastApp, 1, Some(4), Some("VoiceMail")),
            r#"f.csv: 1 CDR leg(s) skipped because lastapp is not Dial or Queue (voicemail, IVR, Hangup…; first at line 4: "VoiceMail")"#,
            r#"f.csv: 1 leg CDR dilewati karena lastapp bukan Dial atau Queue (voicemail, IVR, Hangup…; pertama di baris 4: "VoiceMail")"#),
        (w(Cause::Internal, 1, Some(3), Some("1001")),
            "f.csv: 1 internal call leg(s) skipped, both ends being extensions (first at line 3)",
            "f.csv: 1 leg panggilan internal dilewati, kedua ujungnya ekstensi (pertama di baris 3)"),
        (w(Cause::NotUtf8, 1, Some(2), None),
            "f.csv: 1 row(s) held bytes that are not UTF-8, replaced by U+FFFD (first at line 2)",
            "f.csv: 1 baris berisi byte yang bukan UTF-8, diganti dengan U+FFFD (pertama di baris 2)"),
        (w(Cause::OddUtf16Byte, 1, None, None),
            "f.csv: an odd trailing byte of the UTF-16 text was dropped",
            "f.csv: satu byte sisa di akhir teks UTF-16 dibuang"),
        (w(Cause::UnpairedSurrogates, 2, None, None),
            "f.csv: 2 unpaired UTF-16 surrogate(s) replaced by U+FFFD",
            "f.csv: 2 surrogate UTF-16 tanpa pasangan diganti dengan U+FFFD"),
        (w(Cause::Unreadable { field: "cost", expected: Expected::Amount }, 1, Some(2), Some("?")),
            r#"f.csv: 1 cost cell(s) could not be read as an amount and were left empty (first at line 2: "?")"#,
            r#"f.csv: 1 sel cost tidak dapat dibaca sebagai nominal dan dibiarkan kosong (pertama di baris 2: "?")"#),
    ];
    for (w, en, id) in cases {
        assert_eq!(warning("f.csv", &w, Lang::En), en);
        assert_eq!(warning("f.csv", &w, Lang::Id), id);
    }
}

#[test]
#[rustfmt::skip]
fn file_errors() {
    let n = || "f.csv".to_owned();
    let gaps = vec![
        KindGap { kind: FileKind::Calls, missing: vec!["agent"] },
        KindGap { kind: FileKind::Deals, missing: vec!["amount"] },
    ];
    let cases: [(FileError, &str, &str); 12] = [
        (FileError::Empty { name: n() }, "f.csv: the file holds no data", "f.csv: berkas tidak berisi data"),
        (FileError::NotText { name: n() }, "f.csv: not a text file or workbook", "f.csv: bukan berkas teks atau workbook"),
        (FileError::UnknownKind { name: n(), headers: vec!["a".into(), "b".into()], header_count: 2, gaps: gaps.clone() },
            "f.csv: not a calls, deals, leads, roster, campaigns, Asterisk CDR or queue_log file — calls: no column for agent; deals: no column for amount (header: a, b)",
            "f.csv: bukan berkas calls, deals, leads, roster, campaigns, CDR Asterisk atau queue_log — calls: tidak ada kolom untuk agent; deals: tidak ada kolom untuk amount (header: a, b)"),
        (FileError::UnknownKind { name: n(), headers: vec!["a".into()], header_count: 30, gaps },
            "f.csv: not a calls, deals, leads, roster, campaigns, Asterisk CDR or queue_log file — calls: no column for agent; deals: no column for amount (header, first 1 of 30: a)",
            "f.csv: bukan berkas calls, deals, leads, roster, campaigns, CDR Asterisk atau queue_log — calls: tidak ada kolom untuk agent; deals: tidak ada kolom untuk amount (header, 1 pertama dari 30: a)"),
        (FileError::MissingFields { name: n(), kind: FileKind::Calls, fields: vec!["agent", "started_at"] },
            "f.csv: read as calls, but no column for the required field(s): agent, started_at",
            "f.csv: dibaca sebagai calls, tetapi tidak ada kolom untuk kolom wajib: agent, started_at"),
        (FileError::UnknownField { name: n(), field: "x".into(), kind: Some(FileKind::Deals) }, r#"f.csv: "x" is not a field of deals"#, r#"f.csv: "x" bukan kolom jenis deals"#),
        (FileError::UnknownField { name: n(), field: "x".into(), kind: None }, r#"f.csv: "x" is not a field of any kind"#, r#"f.csv: "x" bukan kolom jenis apa pun"#),
        (FileError::UnknownColumn { name: n(), field: "agent".into(), column: "#9".into() }, r##"f.csv: no column "#9" (chosen for agent)"##, r##"f.csv: tidak ada kolom "#9" (dipilih untuk agent)"##),
        (FileError::WorkbookTooLarge { name: n(), size: 2, limit: 1 },
            "f.csv: the workbook's parts hold 2 bytes once uncompressed, more than the 1 that are read (a ZIP bomb?)",
            "f.csv: isi workbook setelah diekstrak berukuran 2 byte, lebih dari batas 1 byte yang dibaca (bom ZIP?)"),
        (FileError::WorkbookDamaged { name: n(), detail: "Xml error".into() }, "f.csv: the workbook could not be read (Xml error)", "f.csv: workbook tidak dapat dibaca (Xml error)"),
        (FileError::NoSheetUsed { name: n(), sheets: vec![FileError::Empty { name: "f.csv#S".into() }] },
            "f.csv: no sheet of the workbook could be used: f.csv#S: the file holds no data",
            "f.csv: tidak ada sheet workbook yang dapat digunakan: f.csv#S: berkas tidak berisi data"),
        (FileError::UnknownSheet { name: n(), sheet: "S".into() }, r#"f.csv: the workbook has no sheet "S""#, r#"f.csv: workbook tidak memiliki sheet "S""#),
    ];
    for (e, en, id) in cases {
        assert_eq!(file_error(&e, Lang::En), en);
        assert_eq!(file_error(&e, Lang::Id), id);
        assert_eq!(e.name(), "f.csv");
    }
    let empty = FileError::NoSheetUsed { name: n(), sheets: vec![] };
    assert_eq!(file_error(&empty, Lang::En), "f.csv: every sheet of the workbook is empty");
}
