//! Fuzzes `--map`: the first line holds `--map` values separated by tabs,
//! the second byte a forced kind (or none), the rest is the file. Parsing the
//! values and reading the file with the chosen columns must not panic, and a
//! file read must have every required field of its kind mapped.

#![no_main]

use libfuzzer_sys::fuzz_target;
use telesales_kpi::domain::ingest::mapping::FieldChoice;
use telesales_kpi::domain::ingest::{parse_bytes, FileKind, ParseOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let split = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let (maps, file) = rest.split_at(split);
    let maps = String::from_utf8_lossy(maps);
    let choices: Vec<FieldChoice> = maps
        .split('\t')
        .filter_map(FieldChoice::parse_arg)
        .map(|(_, c)| c)
        .collect();
    let options = ParseOptions {
        kind: FileKind::ALL.get(usize::from(kind) % 10).copied(),
        choices,
        ..ParseOptions::default()
    };
    let file = file.get(1..).unwrap_or_default();
    if let Ok(f) = parse_bytes("fuzz.csv", file, &options) {
        assert!(f.mapping.missing_required().is_empty(), "{:?}", f.mapping);
        assert_eq!(f.mapping.kind(), f.kind);
    }
});
