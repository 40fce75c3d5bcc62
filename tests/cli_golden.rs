//! The whole JSON of `telesales-kpi report` over the fixtures (every kind,
//! broken rows, warnings), against a golden file read by eye once; and exit
//! code 2 with a message for a file whose kind can't be recognised.
//!
//! `GOLDEN_UPDATE=1 cargo test --test cli_golden` rewrites the golden file
//! (read the diff before committing it).

use std::path::Path;
use std::process::Command;

const FIXTURES: [&str; 7] = [
    "calls_en.csv",
    "deals_en.csv",
    "leads_en.csv",
    "roster.csv",
    "campaigns.csv",
    "queue_log",
    "calls_broken.csv",
];

fn report(args: &[&str]) -> (i32, String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest");
    let out = Command::new(env!("CARGO_BIN_EXE_telesales-kpi"))
        .current_dir(dir)
        .arg("report")
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
fn report_over_every_fixture_is_the_golden_json() {
    let (code, out, err) = report(&FIXTURES);
    assert_eq!(code, 0, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).expect("JSON on stdout");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/report_fixtures.json");
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        let text = serde_json::to_string_pretty(&got).expect("serialise");
        std::fs::write(&path, text + "\n").expect("write the golden file");
    }
    let text = std::fs::read_to_string(&path).expect("the golden file");
    let expected: serde_json::Value = serde_json::from_str(&text).expect("golden JSON");
    assert!(
        got == expected,
        "the report differs from tests/golden/report_fixtures.json: \
         GOLDEN_UPDATE=1 cargo test --test cli_golden, then read git diff"
    );
}

#[test]
fn an_unrecognised_file_exits_2_naming_what_is_missing() {
    let dir = std::env::temp_dir().join(format!("telesales-kpi-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("export.csv");
    std::fs::write(&file, "Foo;Bar\n1;2\n").expect("write");
    let path = file.to_string_lossy().into_owned();
    let (code, out, err) = report(&["calls_en.csv", &path]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("export.csv"), "{err}");
    assert!(err.contains("Foo") && err.contains("Bar"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
