//! Decoding throughput: generates 1,000,000-row canonical and messy calls
//! files and decodes each into tables on one thread, fed in 1 MiB chunks.
//!
//! Run with `cargo run --profile bench-native --example bench_ingest [rows]`.

use std::time::Instant;

use telesales_kpi::domain::ingest::{Decoder, ParseOptions};
use telesales_kpi::domain::synth::{canonical_calls_csv, messy_calls_csv};

const CHUNK: usize = 1 << 20;

fn bench(label: &str, bytes: &[u8]) {
    let mut best = f64::INFINITY;
    let mut rows = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let mut decoder = Decoder::new(label, ParseOptions::default());
        for chunk in bytes.chunks(CHUNK) {
            decoder.feed(chunk);
        }
        let file = match decoder.finish() {
            Ok(file) => file,
            Err(e) => {
                eprintln!("{e:?}");
                return;
            }
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

fn main() {
    let rows = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let canonical = canonical_calls_csv(rows, 1);
    let messy = messy_calls_csv(rows, 2);
    bench("canonical", &canonical);
    bench("messy", &messy);
}
