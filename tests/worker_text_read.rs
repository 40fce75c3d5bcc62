//! A text file read in two parts by two workers (`worker::text_read`), as
//! the page's worker and its helper do, with the plan and the later part
//! travelling as bytes: the same outcome as one worker reading it whole —
//! tables, rows, errors, warnings — and the same hash (the same bytes
//! loaded twice are still spotted), whichever way the join goes (merged,
//! read on after a cut inside quotes, or the helper gone).

use proptest::prelude::*;

mod ingest_support;
use telesales_kpi::domain::ingest::split::{Part, Plan};
use telesales_kpi::domain::synth::canonical_calls_csv;
use telesales_kpi::protocol::{FileChoices, ReadSettings};
use telesales_kpi::worker::text_read::{
    bytes_hash, cut_for, PartRead, TextOutcome, TextRead, BLOCK, HELPER_START_BYTES,
    SPLIT_FROM_BYTES,
};

/// Everything of an outcome that the list and the engine use.
fn summary(o: &TextOutcome) -> String {
    let preview = if o.outcome.is_err() {
        format!("{:?}", o.preview)
    } else {
        String::new()
    };
    format!(
        "{} {preview} {:?}",
        ingest_support::summary(&o.outcome),
        o.choices
    )
}

fn settings() -> ReadSettings {
    ReadSettings::default()
}

/// One worker reading `bytes` whole, in chunks of `chunk` bytes.
fn whole(bytes: &[u8], chunk: usize) -> TextOutcome {
    let first = &bytes[..chunk.min(bytes.len())];
    let mut r = TextRead::start("f.csv", first, &settings(), FileChoices::default(), None);
    for c in bytes[first.len()..].chunks(chunk) {
        r.feed(c);
    }
    while let Some(at) = r.end_pass() {
        r.feed(&bytes[at as usize..]);
    }
    r.finish()
}

/// The helper's side: the plan arrives as bytes, the part goes back as bytes.
fn helper(plan: &[u8], bytes: &[u8], chunk: usize) -> Option<(Part, Vec<u64>, u64)> {
    let plan = Plan::from_bytes(plan)?;
    let mut r = PartRead::new(&plan, 1);
    let from = plan.range(1).start as usize;
    for c in bytes[from..].chunks(chunk) {
        if !r.wants_more() {
            break;
        }
        r.feed(c);
    }
    while let Some(at) = r.end_pass() {
        r.feed(&bytes[at as usize..]);
    }
    let (part, blocks, len) = r.finish();
    Some((Part::from_bytes(&part.to_bytes()?)?, blocks, len))
}

/// Two workers: this one reads the first part while the helper (when
/// `helped`) reads the second; then the join, reading on where it asks.
/// `None` when the file is not split at `cut`.
fn in_two(bytes: &[u8], cut: u64, chunk: usize, helped: bool) -> Option<TextOutcome> {
    // The shell's first read holds what the plan sniffs (64 KiB, or all).
    let first = &bytes[..chunk.max(64 * 1024).min(bytes.len())];
    let len = bytes.len() as u64;
    let (mut r, plan) = TextRead::start_in_parts(
        "f.csv",
        first,
        (len, cut),
        &settings(),
        FileChoices::default(),
        None,
    );
    let plan = plan?;
    let mut at = first.len();
    while r.wants_more() && at < bytes.len() {
        let end = (at + chunk).min(bytes.len());
        r.feed(&bytes[at..end]);
        at = end;
    }
    if r.wants_more() {
        while let Some(from) = r.end_pass() {
            r.feed(&bytes[from as usize..]);
        }
    }
    let later = helped
        .then(|| helper(&plan.to_bytes(), bytes, chunk))
        .flatten();
    if let Some(from) = r.join(later) {
        r.feed(&bytes[from as usize..]);
        while let Some(from) = r.end_pass() {
            r.feed(&bytes[from as usize..]);
        }
    }
    Some(r.finish())
}

#[test]
fn a_large_file_read_by_two_workers_is_the_file_read_by_one() {
    let bytes = canonical_calls_csv(100_000, 11);
    let len = bytes.len() as u64;
    // Cut as the page cuts (in the middle, on a block boundary), though the
    // page reads a file this small whole.
    let cut = len / 2 / BLOCK * BLOCK;
    let one = whole(&bytes, 1 << 20);
    assert_eq!(one.hash, bytes_hash(&bytes));
    for helped in [true, false] {
        let two = in_two(&bytes, cut, 1 << 20, helped).expect("split");
        assert_eq!(summary(&two), summary(&one), "helped: {helped}");
        assert_eq!(two.hash, one.hash, "helped: {helped}");
    }
}

#[test]
fn a_large_file_is_cut_on_a_block_so_that_both_parts_end_together() {
    // Files below SPLIT_FROM_BYTES are read whole, whoever reads them.
    for starting in [false, true] {
        assert_eq!(cut_for(SPLIT_FROM_BYTES - 1, starting), None);
    }
    let mib = |n: u64| n * BLOCK;
    // 32 MiB: the helper's part is 16/33 of it, 15.5 MiB (the cut rounded
    // up to 17 MiB); one starting with the file is 4 MiB late: 16/33 of 28
    // (13.6 MiB, the cut rounded up to 19 MiB).
    assert_eq!(HELPER_START_BYTES, mib(4));
    assert_eq!(cut_for(mib(32), false), Some(mib(17)));
    assert_eq!(cut_for(mib(32), true), Some(mib(19)));
    for len in [mib(32), mib(95) + 123, mib(1000) + 5, 10 * mib(1000)] {
        for starting in [false, true] {
            let cut = cut_for(len, starting).expect("a large file is cut");
            assert_eq!(cut % BLOCK, 0, "{len} {starting}");
            let (first, later) = (cut, len - cut);
            assert!(later >= mib(8) && later < first, "{len} {starting}: {cut}");
            // Within the rounding of the balance: first = late + later * 17/16.
            let late = if starting { HELPER_START_BYTES } else { 0 };
            let balance = late + later + later / 16;
            assert!(
                first.abs_diff(balance) <= 3 * BLOCK,
                "{len} {starting}: {cut}"
            );
        }
    }
}

#[test]
fn a_cut_inside_quotes_reads_on_and_a_clean_cut_merges() {
    let text = "agent,started_at,status\nBudi,03/11/2026 09:15,connected\n\
                Siti,\"04/11/2026\n10:00\",busy\nAgus,11/25/2026 08:00,connected\n";
    let bytes = text.as_bytes();
    let one = whole(bytes, 16);
    assert!(one.outcome.as_ref().is_ok_and(|f| f.rows + f.skipped == 3));
    // 70 is inside the quoted cell, 60 between records, 30 inside a line.
    for cut in [30, 60, 70] {
        for helped in [true, false] {
            let two = in_two(bytes, cut, 16, helped).expect("split");
            assert_eq!(summary(&two), summary(&one), "cut {cut}, helped {helped}");
        }
    }
}

const HEADER: &str = "agent,started_at,direction,status,talk_seconds,lead_id\n";

/// Calls rows with quoted line breaks, dates of both orders, bad rows.
fn row() -> impl Strategy<Value = String> {
    let agent = prop_oneof![
        3 => "[A-C][a-c]{0,3}",
        1 => Just("\"Budi\nSantoso\"".to_owned()),
        1 => Just(String::new()),
    ];
    let date = prop_oneof![
        3 => (1u32..=12, 1u32..=12).prop_map(|(a, b)| format!("{a:02}/{b:02}/2026 09:15")),
        1 => (13u32..=28, 1u32..=12).prop_map(|(a, b)| format!("{a:02}/{b:02}/2026 10:00")),
        1 => Just("soon".to_owned()),
        1 => Just("\"03/11/2026\n09:00\"".to_owned()),
    ];
    let status = prop_oneof![Just("connected"), Just("busy"), Just("weird")];
    let end = prop_oneof![4 => Just("\n"), 1 => Just("\r\n"), 1 => Just(",extra\n")];
    (agent, date, status, 0u32..20, end).prop_map(|(agent, date, status, lead, end)| {
        format!("{agent},{date},out,{status},60,L{lead}{end}")
    })
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(row(), 1..60),
        prop_oneof![4 => Just(""), 1 => Just("\"unclosed,2026-11-03 09:00,out\nB,2026-11-04 09:00,out,busy,1,L1\n")],
    )
        .prop_map(|(rows, tail)| format!("{HEADER}{}{tail}", rows.concat()).into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any cut, any chunk size, with or without the helper: the outcome of
    /// one worker (hashes are equal when the cut is on a block boundary,
    /// as the page's always is: small files cut anywhere hash otherwise).
    #[test]
    fn a_file_read_by_two_workers_reads_as_by_one(
        bytes in file(),
        at in 0.0f64..1.0,
        chunk in 1usize..200,
        helped in any::<bool>(),
    ) {
        let chunk = chunk.max(HEADER.len());
        let cut = 1 + (at * (bytes.len() - 1) as f64) as u64;
        let one = whole(&bytes, chunk);
        if let Some(two) = in_two(&bytes, cut, chunk, helped) {
            prop_assert_eq!(summary(&two), summary(&one));
        }
    }
}
