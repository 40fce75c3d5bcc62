//! Fuzzes the split decoding: any bytes, cut into parts where the first
//! bytes say, decoded part by part and joined (reading on where the join
//! asks), must not panic and must give what one decoder gives.

#![no_main]

use libfuzzer_sys::fuzz_target;
use telesales_kpi::domain::ingest::split::{decode_in_parts, plan_at};
use telesales_kpi::domain::ingest::{parse_bytes, ParseOptions};

fuzz_target!(|data: &[u8]| {
    let options = ParseOptions::default();
    let len = data.len() as u64;
    // Up to three cuts, from the first three bytes, in increasing order.
    let mut cuts: Vec<u64> = data
        .iter()
        .take(3)
        .map(|&b| u64::from(b) * len / 256)
        .filter(|&c| c > 0)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let whole = parse_bytes("fuzz.csv", data, &options);
    let Some(plan) = plan_at("fuzz.csv", data, len, &cuts, &options) else {
        return;
    };
    let split = decode_in_parts(&plan, data);
    match (whole, split) {
        (Ok(a), Ok(b)) => {
            assert_eq!(
                (a.rows, a.skipped, &a.errors, &a.warnings, a.day_first),
                (b.rows, b.skipped, &b.errors, &b.warnings, b.day_first)
            );
            assert_eq!(format!("{:?}", a.data.calls), format!("{:?}", b.data.calls));
            assert_eq!(format!("{:?}", a.data.leads), format!("{:?}", b.data.leads));
            let strings = |f: &telesales_kpi::domain::ingest::ParsedFile| {
                f.data.strings.iter().map(|(_, s)| s.to_owned()).collect::<Vec<_>>()
            };
            assert_eq!(strings(&a), strings(&b));
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!("whole {:?} vs split {:?}", a.map(|f| f.rows), b.map(|f| f.rows)),
    }
});
