//! The command-line tool: help, usage errors and exit codes.

use std::fmt::Write as _;
use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_telesales-kpi"))
        .args(args)
        .output()
        .expect("run telesales-kpi");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_prints_usage_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &[]] {
        let (code, out, _) = cli(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("telesales-kpi report FILE..."), "{out}");
        assert!(out.contains("--extension-max-digits"), "{out}");
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let (code, out, err) = cli(&["--frobnicate"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("--frobnicate") && err.contains("Usage:"),
        "{err}"
    );
}

#[test]
fn unknown_command_is_a_usage_error() {
    let (code, _, err) = cli(&["summarise"]);
    assert_eq!(code, 2);
    assert!(err.contains("summarise"), "{err}");
}

/// Runs `report` on `args`; returns the exit code, the JSON (if any) and stderr.
fn report(args: &[&str]) -> (i32, Option<serde_json::Value>, String) {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let (code, out, err) = cli(&all);
    (code, serde_json::from_str(&out).ok(), err)
}

/// `files[]` as (name, kind, rows, skipped).
fn files(json: &serde_json::Value) -> Vec<(String, String, u64, u64)> {
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap_or_default().to_owned(),
                f["kind"].as_str().unwrap_or_default().to_owned(),
                f["rows"].as_u64().unwrap_or_default(),
                f["skipped"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("telesales-kpi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_string_lossy().into_owned()
}

const UNKNOWN_HEADER: &[u8] =
    b"Petugas;Mulai Telepon;Lama Bicara (detik)\nBudi;03/11/2026 09:00;120\nSari;03/11/2026 10:00;0\n";

#[test]
fn map_chooses_columns() {
    let f = temp_file("ekspor.csv", UNKNOWN_HEADER);
    #[rustfmt::skip]
    let cases: [(Vec<String>, i32, &str); 9] = [
        // By header text (trailing unit dropped) and by `#N`.
        (vec!["ekspor.csv:agent=Petugas".into(), "ekspor.csv:started_at=#2".into(), "ekspor.csv:talk_seconds=Lama Bicara".into()], 0, ""),
        // FILE as given on the command line.
        (vec![format!("{f}:agent=#1"), format!("{f}:started_at=mulai telepon")], 0, ""),
        (vec!["ekspor.csv:agent=Petugas".into(), "ekspor.csv:started_at=Nope".into()], 2, "no column \"Nope\" (chosen for started_at)"),
        (vec!["ekspor.csv:agent=Petugas".into(), "ekspor.csv:started_at=#9".into()], 2, "no column \"#9\""),
        // An empty mapping leaves the field unmapped: a required one is missing.
        (vec!["ekspor.csv:agent=".into(), "ekspor.csv:started_at=#2".into()], 2, "calls: no column for agent"),
        (vec!["ekspor.csv:agentx=Petugas".into()], 2, "\"agentx\" is not a field of any kind"),
        (vec!["other.csv:agent=Petugas".into()], 2, "--map: \"other.csv\" names no FILE"),
        (vec!["ekspor.csv#Sheet1:agent=Petugas".into()], 2, "ekspor.csv is not a workbook"),
        (vec!["ekspor.csv-agent=Petugas".into()], 2, "--map wants FILE:FIELD=COLUMN"),
    ];
    for (maps, want_code, want_err) in cases {
        let mut args = vec![f.as_str()];
        for m in &maps {
            args.extend(["--map", m.as_str()]);
        }
        let (code, json, err) = report(&args);
        assert_eq!(code, want_code, "{maps:?}: {err}");
        if want_code == 0 {
            let json = json.expect("json");
            assert_eq!(
                files(&json),
                [("ekspor.csv".to_owned(), "calls".to_owned(), 2, 0)],
                "{maps:?}"
            );
        } else {
            assert!(err.contains(want_err), "{maps:?}: {err}");
        }
    }
    // With --kind, the fields of that kind; the unmapped talk column is then empty.
    let (code, json, err) = report(&[
        &f,
        "--kind",
        "ekspor.csv=calls",
        "--map",
        "ekspor.csv:agent=#1",
        "--map",
        "ekspor.csv:started_at=#2",
    ]);
    assert_eq!(code, 0, "{err}");
    let json = json.expect("json");
    assert_eq!(
        json["kpis"]["average_talk_time"]["value"],
        serde_json::Value::Null
    );
    let (code, _, err) = report(&[
        &f,
        "--kind",
        "ekspor.csv=calls",
        "--map",
        "ekspor.csv:amount=#3",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("\"amount\" is not a field of calls"), "{err}");
}

const BOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ingest/book.xlsx"
);

#[test]
fn workbooks_give_one_file_per_sheet() {
    let (code, json, err) = report(&[BOOK]);
    assert_eq!(code, 0, "{err}");
    let json = json.expect("json");
    #[rustfmt::skip]
    assert_eq!(files(&json), [
        ("book.xlsx#Panggilan".to_owned(), "calls".to_owned(), 20, 0),
        ("book.xlsx#Penjualan".to_owned(), "deals".to_owned(), 10, 0),
    ]);
    let warnings = json["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0]
        .as_str()
        .unwrap_or_default()
        .starts_with("book.xlsx#Catatan: not a calls, deals"));
    // Counts from the fixture (examples/workbook_fixture.rs): 17 outbound calls, 6 connected.
    assert_eq!(json["kpis"]["call_connection_rate"]["numerator"], 6.0);
    assert_eq!(json["kpis"]["call_connection_rate"]["denominator"], 17.0);
    assert_eq!(json["kpis"]["monthly_sales"]["value"], 8_875_000.0);
}

#[test]
fn kind_and_map_name_one_sheet() {
    #[rustfmt::skip]
    let cases: [(&[&str], i32, &str, usize); 5] = [
        (&["--kind", "book.xlsx#Catatan=roster", "--map", "book.xlsx#Catatan:agent=Oleh"], 0, "", 3),
        (&["--kind", "book.xlsx#Catatan=roster"], 2, "book.xlsx#Catatan: read as roster, but no column for the required field(s): agent", 0),
        (&["--kind", "book.xlsx#Nope=roster"], 2, "book.xlsx: the workbook has no sheet \"Nope\"", 0),
        // A kind for the whole workbook: sheets it doesn't fit are warnings.
        (&["--kind", "book.xlsx=deals"], 0, "", 1),
        (&["--kind", "book.xlsx=campaigns"], 2, "book.xlsx: no sheet of the workbook could be used: book.xlsx#Panggilan: read as campaigns", 0),
    ];
    for (flags, want_code, want_err, want_files) in cases {
        let mut args = vec![BOOK];
        args.extend_from_slice(flags);
        let (code, json, err) = report(&args);
        assert_eq!(code, want_code, "{flags:?}: {err}");
        if want_code == 0 {
            assert_eq!(files(&json.expect("json")).len(), want_files, "{flags:?}");
        } else {
            assert!(err.contains(want_err), "{flags:?}: {err}");
        }
    }
}

#[test]
fn unusable_files_say_why() {
    let binary = temp_file(
        "photo.jpg",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02\x00secret-bytes",
    );
    let unknown = temp_file(
        "wide.csv",
        &(0..30)
            .map(|i| format!("col{i}"))
            .collect::<Vec<_>>()
            .join(",")
            .into_bytes(),
    );
    let (code, out, err) = cli(&["report", &binary]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err.trim(),
        "telesales-kpi: photo.jpg: not a text file or workbook"
    );
    let (code, _, err) = cli(&["report", &unknown]);
    assert_eq!(code, 2);
    assert!(
        err.contains("calls: no column for agent, started_at; deals: no column for agent, amount; leads: no column for lead_id or phone, created_at"),
        "{err}"
    );
    assert!(
        err.contains("(header, first 20 of 30: col0,")
            && err.contains("col19)")
            && !err.contains("col20"),
        "{err}"
    );
}

#[test]
fn an_unclosed_quote_costs_one_row() {
    let mut text = String::from("agent,started_at,status\nBudi,2026-11-03 09:00,\"connected\n");
    for i in 0..500 {
        let _ = writeln!(text, "Siti,2026-11-03 10:{:02},busy", i % 60);
    }
    let f = temp_file("quote.csv", text.as_bytes());
    let (code, json, err) = report(&[&f]);
    assert_eq!(code, 0, "{err}");
    let json = json.expect("json");
    assert_eq!(
        files(&json),
        [("quote.csv".to_owned(), "calls".to_owned(), 500, 1)]
    );
    assert_eq!(
        json["files"][0]["errors"],
        serde_json::json!([{"line": 2, "reason": "quote opened on line 2 is never closed"}])
    );
}

#[test]
fn row_errors_do_not_repeat_the_line() {
    let f = temp_file(
        "broken.csv",
        b"agent,started_at\n,2026-11-03 09:00\nBudi,31/02/2026\nBudi,2026-11-03 10:00,extra\n",
    );
    let (code, json, err) = report(&[&f]);
    assert_eq!(code, 0, "{err}");
    #[rustfmt::skip]
    assert_eq!(json.expect("json")["files"][0]["errors"], serde_json::json!([
        {"line": 2, "reason": "agent: empty required cell"},
        {"line": 3, "reason": "started_at \"31/02/2026\": not a date/time"},
        {"line": 4, "reason": "expected 2 fields, found 3"},
    ]));
}
