//! Browser tests (wasm-bindgen-test in headless Chromium): what only exists in
//! a browser. Run by `scripts/test.sh` as
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use serde::{Deserialize, Serialize};
use telesales_kpi::ui::storage::{self, Loaded};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Sample {
    kpi: String,
    value: f64,
}

fn sample() -> Vec<Sample> {
    vec![Sample {
        kpi: "call_connection_rate".into(),
        value: 0.6,
    }]
}

#[wasm_bindgen_test]
fn saved_value_loads_back() {
    storage::remove("test-roundtrip");
    assert_eq!(
        storage::load::<Vec<Sample>>("test-roundtrip", 1),
        Loaded::Missing
    );
    storage::save("test-roundtrip", 1, &sample()).expect("save");
    assert_eq!(storage::load("test-roundtrip", 1), Loaded::Found(sample()));
    let raw = storage::raw(&storage::key("test-roundtrip")).expect("raw text");
    assert!(raw.starts_with(r#"{"version":1,"data":"#), "{raw}");
}

#[wasm_bindgen_test]
fn corrupt_value_is_backed_up_and_reset() {
    let key = storage::key("test-corrupt");
    storage::set_raw(&key, "{not json").expect("plant");
    match storage::load::<Vec<Sample>>("test-corrupt", 1) {
        Loaded::Reset { backup_key, reason } => {
            assert_eq!(backup_key, format!("{key}.backup"));
            assert!(reason.starts_with("unreadable"), "{reason}");
            assert_eq!(storage::raw(&backup_key).as_deref(), Some("{not json"));
        }
        other => panic!("expected a reset, got {other:?}"),
    }
    assert_eq!(storage::raw(&key), None, "the bad value leaves its key");
    assert_eq!(
        storage::load::<Vec<Sample>>("test-corrupt", 1),
        Loaded::Missing
    );
}

#[wasm_bindgen_test]
fn older_version_is_backed_up_and_reset() {
    let key = storage::key("test-version");
    storage::set_raw(&key, r#"{"version":0,"data":[]}"#).expect("plant");
    match storage::load::<Vec<Sample>>("test-version", 1) {
        Loaded::Reset { reason, .. } => assert_eq!(reason, "stored version 0 is not 1"),
        other => panic!("expected a reset, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn remembered_mappings_round_trip() {
    use telesales_kpi::domain::ingest::remembered::RememberedMappings;
    use telesales_kpi::domain::ingest::{ColumnMapping, FileKind};
    let headers = ["Petugas", "Mulai Telepon"].map(String::from);
    let mut mapping = ColumnMapping::for_kind(FileKind::Calls);
    mapping.set("agent", Some(0));
    mapping.set("started_at", Some(1));
    let mut memory = RememberedMappings::default();
    memory.remember(&headers, mapping.clone());
    storage::save("test-mappings", 1, &memory).expect("save");
    let Loaded::Found(back) = storage::load::<RememberedMappings>("test-mappings", 1) else {
        panic!("not found");
    };
    assert_eq!(back.lookup(&headers), Some(&mapping));
}

#[wasm_bindgen_test]
fn a_workbook_reads_in_the_browser() {
    use telesales_kpi::domain::ingest::workbook::read_workbook;
    use telesales_kpi::domain::ingest::ParseOptions;
    let bytes = include_bytes!("fixtures/ingest/book.xlsx");
    let sheets = read_workbook("book.xlsx", std::io::Cursor::new(&bytes[..]), &mut |_| {
        ParseOptions::default()
    })
    .expect("workbook");
    let rows: Vec<(String, Option<usize>)> = sheets
        .into_iter()
        .map(|s| (s.name, s.outcome.ok().map(|f| f.rows)))
        .collect();
    assert_eq!(
        rows,
        [
            ("book.xlsx#Panggilan".to_owned(), Some(20)),
            ("book.xlsx#Penjualan".to_owned(), Some(10)),
            ("book.xlsx#Catatan".to_owned(), None),
        ]
    );
}
