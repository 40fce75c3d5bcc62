//! The page worker's heap, natively: reads the 1,000,000-row canonical calls
//! file (`telesales-kpi generate`, seed 7) as the worker does — the first
//! half here, the second half as the helper does (decoded, written to bytes,
//! read back), the join, the session's entry, the engine and the first view —
//! and prints the heap in use after each step, its high-water mark in the
//! step and so far, per call row. A counting allocator keeps the figures
//! exact: no allocator slack, and pointers are 8 bytes here against 4 in
//! wasm. The helper's own heap and the bytes it sends are not counted (they
//! are another worker's, and a transferred buffer outside the heap).
//!
//! With `--with-demo`, the demo's deals, leads, roster and campaigns are
//! added after the calls (the page's five-file load).
//!
//! Run with `cargo run --profile bench-native --example worker_memory [rows] [--with-demo]`.

use peak_alloc::PeakAlloc;

use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::{Filter, KpiId};
use telesales_kpi::domain::synth::{canonical_calls_csv, demo_files};
use telesales_kpi::protocol::{FileChoices, ViewRequest};
use telesales_kpi::worker::session::{Session, TextRead};
use telesales_kpi::worker::text_read::{cut_for, PartRead};
use telesales_kpi::worker::windowed;

/// The system allocator, counting the bytes in use and their peak.
#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

const CHUNK: usize = 1 << 20;

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let with_demo = std::env::args().any(|a| a == "--with-demo");
    let bytes = canonical_calls_csv(rows, 7);
    // The demo's other files are made before the base is taken: in the page
    // their bytes are `File`s, outside the worker's heap, as `bytes` is.
    let others = if with_demo { demo_others() } else { Vec::new() };
    let len = bytes.len() as u64;
    let session = Session::new();
    let first = &bytes[..CHUNK.min(bytes.len())];
    let cut = cut_for(len, false).unwrap_or(len);
    let start = |session: &Session| {
        TextRead::start_in_parts(
            "calls.csv",
            first,
            (len, cut),
            session.read_settings(),
            FileChoices::default(),
            Some(session.remembered()),
        )
    };
    // The helper's part first: its heap is another worker's, and what it
    // sends lies outside this one's (a transferred buffer), so neither counts.
    let later = start(&session)
        .1
        .map(|plan| PartRead::message_from(&bytes, &plan, 1));
    if let Some((sent, ..)) = &later {
        println!(
            "{:>20}: {:5.1} B/row",
            "helper's part sent",
            sent.len() as f64 / rows as f64
        );
    }

    let base = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let per_row = |b: usize| b.saturating_sub(base) as f64 / rows as f64;
    // The high-water mark of every step so far.
    let high = std::cell::Cell::new(0);
    let step = |label: &str| {
        let (now, peak) = (HEAP.current_usage(), HEAP.peak_usage());
        high.set(high.get().max(peak));
        println!(
            "{label:>20}: in use {:5.1} B/row, peak in the step {:5.1}, so far {:5.1}",
            per_row(now),
            per_row(peak),
            per_row(high.get())
        );
        HEAP.reset_peak_usage();
    };
    let mut session = session;
    let (mut read, _) = start(&session);
    read.expect_file_len(len);
    let mut at = first.len();
    while read.wants_more() && at < bytes.len() {
        let to = (at + CHUNK).min(bytes.len());
        read.feed(&bytes[at..to]);
        at = to;
    }
    step("first part read");
    // Held to the end, as it was counted in the base.
    let mut kept = None;
    if let Some((sent, blocks, len)) = later {
        // What is sent stays outside the heap: the reader copies from it.
        let sent = std::rc::Rc::new(sent);
        let message = std::rc::Rc::clone(&sent);
        kept = Some(std::rc::Rc::clone(&sent));
        let back = windowed::read_part(sent.len(), move |at, out: &mut [u8]| {
            out.copy_from_slice(&message[at..at + out.len()]);
        });
        step("part read back");
        let from = match back {
            Some((part, raw)) => read.join_raw(Some((part, blocks, len)), raw),
            None => read.join(None),
        };
        step("joined");
        if let Some(from) = from {
            read.feed(&bytes[from as usize..]);
        }
    }
    while let Some(offset) = read.end_pass() {
        read.feed(&bytes[offset as usize..]);
    }
    let outcome = read.finish();
    step("finished");
    session.add_text("calls.csv", outcome);
    step("entry added");
    if with_demo {
        add_demo_files(&mut session, &others);
        step("other files added");
    }
    let _ = session.engine();
    step("engine built");
    let view = session.view(&ViewRequest {
        seq: 1,
        filter: Filter::default(),
        targets: Targets::presets(),
        chart: KpiId::CallConnectionRate,
    });
    step("first view");
    drop((view, kept));
}

/// The demo's files other than its calls, as (name, bytes).
fn demo_others() -> Vec<(String, Vec<u8>)> {
    let today = telesales_kpi::domain::model::time::Day::from_ymd(2026, 11, 20);
    let mut files = today.map(demo_files).unwrap_or_default();
    files.retain(|(name, _)| !name.starts_with("calls"));
    files
}

/// Adds the demo's deals, leads, roster and campaigns (`files`) to
/// `session`, read as the worker reads dropped text files.
fn add_demo_files(session: &mut Session, files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files {
        let mut read = TextRead::start(
            name,
            bytes,
            session.read_settings(),
            FileChoices::default(),
            None,
        );
        while let Some(offset) = read.end_pass() {
            read.feed(&bytes[offset as usize..]);
        }
        session.add_text(name, read.finish());
    }
}
