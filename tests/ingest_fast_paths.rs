//! The decoding fast paths read exactly what the general code reads: the
//! record reader's in-place lines against its byte-by-byte state machine, the
//! one-layout timestamp reader against the general one, whole seconds
//! against `f64` parsing, already normalised phones, and the ASCII trim.

use proptest::prelude::*;
use telesales_kpi::domain::ingest::csv::{RawRecord, RecordReader, Unclosed};
use telesales_kpi::domain::ingest::value::duration::parse_duration;
use telesales_kpi::domain::ingest::value::phone::normalise_phone;
use telesales_kpi::domain::ingest::value::timestamp::{parse_timestamp, DateOrder};
use telesales_kpi::domain::ingest::value::trim;

/// Every record of `input` fed in chunks of `chunk` bytes: (line, fields,
/// too long), and how the input ended.
type Read = (Vec<(u64, Vec<Vec<u8>>, bool)>, Option<Unclosed>);

fn read(input: &[u8], delimiter: u8, chunk: usize) -> Read {
    let mut reader = RecordReader::new(delimiter);
    let mut out = Vec::new();
    let mut push = |r: RawRecord<'_>| {
        if let Some(text) = r.text {
            assert_eq!(text.as_bytes(), r.bytes, "text is the bytes");
        }
        let fields = (0..r.ends.len()).map(|i| r.field(i).to_vec()).collect();
        out.push((r.line, fields, r.too_long));
    };
    for c in input.chunks(chunk.max(1)) {
        reader.feed(c, &mut push);
    }
    let end = reader.finish(&mut push);
    (out, end)
}

#[test]
fn lines_read_in_place_and_byte_by_byte_agree() {
    let cases: &[&[u8]] = &[
        b"a,b\nc,d\n",
        b"a,b\r\nc,d\r\n",
        b"a,b\rc,d\r",
        b"a,b\r\n\r\n\nc,d",
        b",,,\n  \n\"x\ny\",z\nlast",
        b"a,\"b\"c,d\r\ne\r\r\nf",
        b"caf\xc3\xa9,\xff\xfe,ok\n\xe2\x82",
        b"1234567,12345678,123456789,1234567890123456\n",
        b"\n\n\r\r\n",
        b"a\"b,c\nd,e\n",
    ];
    for &case in cases {
        for delimiter in [b',', b';', b'\t', b'|'] {
            let whole = read(case, delimiter, case.len());
            for chunk in 1..=case.len() {
                assert_eq!(
                    read(case, delimiter, chunk),
                    whole,
                    "{case:?} in chunks of {chunk}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reading_in_place_never_changes_the_records(
        text in "([a-c ,;é\"]|\r\n|\n|\r){0,300}",
        chunk in 2usize..64,
    ) {
        let bytes = text.as_bytes();
        for delimiter in [b',', b';'] {
            let by_byte = read(bytes, delimiter, 1);
            prop_assert_eq!(&read(bytes, delimiter, bytes.len()), &by_byte);
            prop_assert_eq!(&read(bytes, delimiter, chunk), &by_byte);
        }
    }

    #[test]
    fn iso_timestamps_read_as_the_general_reader_does(
        y in 0u32..10_000, mo in 0u32..14, d in 0u32..33,
        h in 0u32..26, mi in 0u32..62, s in 0u32..62,
        offset in -840i32..=840,
    ) {
        let date = format!("{y:04}-{mo:02}-{d:02}");
        let time = format!("{h:02}:{mi:02}:{s:02}");
        // Two spaces or a `T` take the general reader's way.
        let general = parse_timestamp(&format!("{date}  {time}"), offset);
        prop_assert_eq!(parse_timestamp(&format!("{date} {time}"), offset), general);
        prop_assert_eq!(parse_timestamp(&format!(" {date}T{time} "), offset), general);
        if let Some(stamp) = general {
            prop_assert_eq!(stamp.resolve(DateOrder::DayFirst), stamp.resolve(DateOrder::MonthFirst));
        }
    }

    #[test]
    fn whole_seconds_read_as_f64_parsing_does(digits in "[0-9]{1,20}") {
        prop_assert_eq!(parse_duration(&digits), digits.parse::<f64>().ok());
        prop_assert_eq!(parse_duration(&format!(" {digits}\t")), digits.parse::<f64>().ok());
    }

    #[test]
    fn a_normalised_phone_is_itself(phone in "[1-9][0-9]{0,15}") {
        let mut out = String::new();
        prop_assert!(normalise_phone(&phone, "62", &mut out));
        prop_assert_eq!(out, phone);
    }

    #[test]
    fn trim_is_str_trim(text in "[ \t\r\n\u{b}\u{c}\u{85}\u{a0}\u{3000}a-zé.\u{1f}]{0,12}") {
        prop_assert_eq!(trim(&text), text.trim());
    }
}
