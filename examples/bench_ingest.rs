//! Decoding throughput and memory: generates the 1,000,000-row canonical and
//! messy calls files of `telesales-kpi generate` (seed 7) and decodes each
//! into tables on one thread, fed in 1 MiB chunks, as the report reads them
//! (call ids left out) and, for the canonical file, with call ids kept. Then
//! the memory of the canonical file's dataset and engine: resident memory
//! growth (Linux `/proc/self/statm`, includes the allocator's slack) and the
//! dataset's own heap bytes, per call row.
//!
//! Run with `cargo run --profile bench-native --example bench_ingest [rows]`.

use std::time::Instant;

use telesales_kpi::domain::ingest::{Decoder, ParseOptions, ParsedFile};
use telesales_kpi::domain::kpi::{Engine, Settings};
use telesales_kpi::domain::synth::{canonical_calls_csv, messy_calls_csv};

const CHUNK: usize = 1 << 20;

/// Decodes `bytes` in 1 MiB chunks.
fn decode(label: &str, bytes: &[u8], options: &ParseOptions) -> Option<ParsedFile> {
    let mut decoder = Decoder::new(label, options.clone());
    for chunk in bytes.chunks(CHUNK) {
        decoder.feed(chunk);
    }
    match decoder.finish() {
        Ok(file) => Some(file),
        Err(e) => {
            eprintln!("{label}: {e:?}");
            None
        }
    }
}

fn bench(label: &str, bytes: &[u8], options: &ParseOptions) {
    let mut best = f64::INFINITY;
    let mut rows = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let Some(file) = decode(label, bytes, options) else {
            return;
        };
        best = best.min(start.elapsed().as_secs_f64());
        rows = file.rows;
        assert_eq!(file.skipped, 0, "{label}: {:?}", file.errors.first());
    }
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "{label:>10}: {mb:7.1} MB, {rows} rows, best of 3 {best:.3} s: {:6.1} MB/s, {:5.2} M rows/s",
        mb / best,
        rows as f64 / best / 1e6
    );
}

/// Resident bytes of this process (0 where `/proc` is missing).
fn resident() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// Memory per call row of the canonical file's dataset plus its engine.
fn memory(bytes: &[u8], options: &ParseOptions) {
    let before = resident();
    let Some(file) = decode("canonical", bytes, options) else {
        return;
    };
    let rows = file.rows.max(1) as f64;
    let dataset = file.data.heap_bytes();
    let decoded = resident();
    let engine = Engine::new(file.data, &Settings::default());
    let after = resident();
    let per_row = |b: usize| b as f64 / rows;
    println!(
        "    memory: dataset + engine {:.1} B/row resident ({:.1} MB; engine {:.1}), dataset {:.1} B/row on the heap",
        per_row(after.saturating_sub(before)),
        after.saturating_sub(before) as f64 / 1e6,
        per_row(after.saturating_sub(decoded)),
        per_row(dataset),
    );
    drop(engine);
}

fn main() {
    let rows = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let canonical = canonical_calls_csv(rows, 7);
    let messy = messy_calls_csv(rows, 7);
    let report = ParseOptions {
        keep_call_ids: false,
        ..ParseOptions::default()
    };
    memory(&canonical, &report);
    bench("canonical", &canonical, &report);
    bench("messy", &messy, &report);
    bench("with ids", &canonical, &ParseOptions::default());
}
