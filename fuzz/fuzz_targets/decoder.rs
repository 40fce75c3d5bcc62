//! Fuzzes the ingestion decoder: any bytes, fed whole and in two chunks split
//! where the first byte says (and fed again from wherever the decoder asks),
//! must not panic and must decode alike.

#![no_main]

use libfuzzer_sys::fuzz_target;
use telesales_kpi::domain::ingest::{parse_bytes, Decoder, ParseOptions};

fuzz_target!(|data: &[u8]| {
    let options = ParseOptions::default();
    let whole = parse_bytes("fuzz.csv", data, &options);
    let cut = data
        .first()
        .map_or(0, |&b| usize::from(b) % (data.len() + 1));
    let mut decoder = Decoder::new("fuzz.csv", options);
    let mut from = 0;
    loop {
        let split = cut.max(from);
        decoder.feed(&data[from..split]);
        decoder.feed(&data[split..]);
        match decoder.end_input() {
            Some(offset) => from = usize::try_from(offset).expect("offset").min(data.len()),
            None => break,
        }
    }
    let split = decoder.finish();
    match (whole, split) {
        (Ok(a), Ok(b)) => {
            assert_eq!(
                (a.rows, a.skipped, &a.errors, &a.warnings),
                (b.rows, b.skipped, &b.errors, &b.warnings)
            );
            assert_eq!(format!("{:?}", a.data.calls), format!("{:?}", b.data.calls));
            assert_eq!(format!("{:?}", a.data.deals), format!("{:?}", b.data.deals));
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!(
            "whole {:?} vs split {:?}",
            a.map(|f| f.rows),
            b.map(|f| f.rows)
        ),
    }
});
