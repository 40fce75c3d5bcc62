//! Properties of the decoder: splitting the input into chunks anywhere never
//! changes the result, and no input makes it panic.

use proptest::prelude::*;
use telesales_kpi::domain::ingest::encoding::{detect, Encoding};
use telesales_kpi::domain::ingest::{parse_bytes, Decoder, FileError, ParseOptions, ParsedFile};
use telesales_kpi::domain::synth;

mod ingest_support;
use ingest_support::summary;

/// Decodes `bytes` fed in chunks cut at `cuts` (positions, any order), and
/// fed again in chunks from wherever the decoder asks (unclosed quotes).
fn chunked(bytes: &[u8], cuts: &[usize]) -> Result<ParsedFile, FileError> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    cuts.sort_unstable();
    let mut decoder = Decoder::new("f.csv", ParseOptions::default());
    let mut from = 0;
    loop {
        let mut start = from;
        for &cut in cuts.iter().filter(|&&c| c > from) {
            decoder.feed(&bytes[start..cut]);
            start = cut;
        }
        decoder.feed(&bytes[start..]);
        assert_eq!(decoder.bytes_consumed(), bytes.len() as u64);
        match decoder.end_input() {
            Some(offset) => from = usize::try_from(offset).expect("offset"),
            None => break,
        }
    }
    decoder.finish()
}

fn fixtures() -> &'static [Vec<u8>] {
    static FILES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    FILES.get_or_init(load)
}

/// The first whole lines of `bytes` within `max` bytes.
fn head(bytes: &[u8], max: usize) -> Vec<u8> {
    if bytes.len() <= max {
        return bytes.to_vec();
    }
    let end = bytes[..max]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(max, |i| i + 1);
    bytes[..end].to_vec()
}

fn load() -> Vec<Vec<u8>> {
    let mut files: Vec<Vec<u8>> = vec![
        include_bytes!("fixtures/ingest/calls_en.csv").to_vec(),
        include_bytes!("fixtures/ingest/calls_id.csv").to_vec(),
        include_bytes!("fixtures/ingest/deals_id.csv").to_vec(),
        include_bytes!("fixtures/ingest/deals_en.csv").to_vec(),
        include_bytes!("fixtures/ingest/leads_en.csv").to_vec(),
        include_bytes!("fixtures/ingest/roster.csv").to_vec(),
        include_bytes!("fixtures/ingest/campaigns.csv").to_vec(),
        include_bytes!("fixtures/ingest/cdr16.csv").to_vec(),
        include_bytes!("fixtures/ingest/cdr18.csv").to_vec(),
        include_bytes!("fixtures/ingest/cdr21.csv").to_vec(),
        include_bytes!("fixtures/ingest/cdr_export.csv").to_vec(),
        include_bytes!("fixtures/ingest/queue_log").to_vec(),
        include_bytes!("fixtures/ingest/calls_broken.csv").to_vec(),
        include_bytes!("fixtures/ingest/calls_utf16le.tsv").to_vec(),
        include_bytes!("fixtures/ingest/calls_utf16be.tsv").to_vec(),
        synth::messy_calls_csv(1500, 7),
        synth::canonical_calls_csv(1000, 7),
    ];
    // The demo's first 64 KiB of each file (the whole calls file is 5 MB).
    let today = telesales_kpi::domain::model::time::Day::from_ymd(2026, 11, 15).expect("date");
    files.extend(
        synth::demo_files(today)
            .into_iter()
            .map(|(_, b)| head(&b, 64 * 1024)),
    );
    files
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn chunking_never_changes_the_result(
        which in 0usize..22,
        cuts in prop::collection::vec(any::<usize>(), 0..12),
    ) {
        let files = fixtures();
        let bytes = &files[which % files.len()];
        prop_assume!(!bytes.is_empty());
        let whole = parse_bytes("f.csv", bytes, &ParseOptions::default());
        prop_assert_eq!(summary(&chunked(bytes, &cuts)), summary(&whole));
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_chunk_alike(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
    ) {
        let whole = parse_bytes("f.csv", &bytes, &ParseOptions::default());
        prop_assert_eq!(summary(&chunked(&bytes, &cuts)), summary(&whole));
    }

    #[test]
    fn csv_like_text_never_panics_and_chunks_alike(
        text in "[a-z0-9 ,;|\t\"\r\n:/.\\-]{0,400}",
        header in prop::sample::select(vec![
            "agent,started_at,status,talk_seconds\n",
            "agent;date;amount;stage;cost\n",
            "lead_id,phone,created_at\n",
            "",
        ]),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
    ) {
        let bytes = format!("{header}{text}").into_bytes();
        let whole = parse_bytes("f.csv", &bytes, &ParseOptions::default());
        prop_assert_eq!(summary(&chunked(&bytes, &cuts)), summary(&whole));
    }
}

#[test]
fn every_byte_split_of_the_fixtures_agrees() {
    for bytes in fixtures().iter().filter(|b| b.len() < 4096) {
        let whole = summary(&parse_bytes("f.csv", bytes, &ParseOptions::default()));
        for cut in 0..=bytes.len() {
            assert_eq!(summary(&chunked(bytes, &[cut])), whole, "cut at {cut}");
        }
    }
}

/// A small valid workbook (two sheets), written once.
fn workbook() -> &'static [u8] {
    static BOOK: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["agent", "started_at", "talk_seconds", "status"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).expect("header");
        }
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm");
        for r in 1..20u32 {
            ws.write_string(r, 0, "budi").expect("cell");
            ws.write_number_with_format(r, 1, 46_329.0 + f64::from(r) / 24.0, &date)
                .expect("cell");
            ws.write_number(r, 2, f64::from(r * 7)).expect("cell");
            ws.write_string(r, 3, if r % 2 == 0 { "connected" } else { "busy" })
                .expect("cell");
        }
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "agen").expect("header");
        ws.write_string(0, 1, "tim").expect("header");
        ws.write_string(1, 0, "siti").expect("cell");
        ws.write_number(1, 1, 5.0).expect("cell");
        wb.save_to_buffer().expect("xlsx")
    })
}

/// Reads `bytes` as a workbook: never a panic; every sheet a table or an error.
fn read_as_workbook(bytes: &[u8]) {
    use telesales_kpi::domain::ingest::workbook::read_workbook;
    let got = read_workbook("f.xlsx", std::io::Cursor::new(bytes), &mut |_| {
        ParseOptions::default()
    });
    if let Ok(sheets) = got {
        for s in sheets {
            assert!(s.name.starts_with("f.xlsx#"));
            if let Ok(f) = s.outcome {
                assert!(f.skipped >= f.errors.len());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_as_a_workbook(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        zip_head in any::<bool>(),
    ) {
        let mut input = if zip_head { b"PK\x03\x04".to_vec() } else { Vec::new() };
        input.extend_from_slice(&bytes);
        read_as_workbook(&input);
        // Through the text decoder: bytes with a NUL are refused as not text,
        // unless a UTF-16 byte-order mark says NULs are half a character.
        let text = parse_bytes("f.csv", &input, &ParseOptions::default());
        let utf16 = detect(&input).0 != Encoding::Utf8;
        if input.contains(&0) && !utf16 {
            prop_assert!(matches!(text, Err(FileError::NotText { .. })), "{:?}", text.map(|f| f.rows));
        }
    }

    #[test]
    fn zip_like_bytes_never_panic(
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = workbook().to_vec();
        for (at, b) in flips {
            let i = at % bytes.len();
            bytes[i] ^= b | 1;
        }
        if truncate {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        read_as_workbook(&bytes);
    }
}

#[test]
fn the_valid_workbook_reads() {
    use telesales_kpi::domain::ingest::workbook::read_workbook;
    let sheets = read_workbook("f.xlsx", std::io::Cursor::new(workbook()), &mut |_| {
        ParseOptions::default()
    })
    .expect("workbook");
    let rows: Vec<(String, usize)> = sheets
        .into_iter()
        .map(|s| (s.name, s.outcome.map_or(0, |f| f.rows)))
        .collect();
    assert_eq!(
        rows,
        [
            ("f.xlsx#Sheet1".to_owned(), 19),
            ("f.xlsx#Sheet2".to_owned(), 1)
        ]
    );
}

/// A calls file long enough for the decoder to reserve ahead.
fn long_calls() -> &'static [u8] {
    static FILE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    FILE.get_or_init(|| synth::canonical_calls_csv(9_000, 3))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Telling the decoder the input's length (right, too short, far too
    /// long) changes the room it reserves, never the tables.
    #[test]
    fn the_told_length_never_changes_the_file(told in 0u64..20_000_000, chunk in 1_000usize..300_000) {
        let bytes = long_calls();
        let mut decoder = Decoder::new("f.csv", ParseOptions::default());
        decoder.expect_len(told);
        for c in bytes.chunks(chunk) {
            decoder.feed(c);
        }
        prop_assert_eq!(decoder.end_input(), None);
        let told = decoder.finish();
        let whole = parse_bytes("f.csv", bytes, &ParseOptions::default());
        prop_assert_eq!(summary(&told), summary(&whole));
    }
}
