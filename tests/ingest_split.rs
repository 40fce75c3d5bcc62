//! Decoding a file in parts (`ingest::split`): the boundary finder, when the
//! join merges and when it reads on, and the property that a file split
//! across workers gives the same tables, rows, skipped rows, errors and
//! warnings as one decoder (also when the plan and the parts travel between
//! workers as bytes), over generated CSVs with quoted line breaks,
//! both date orders appearing late, bad rows and unclosed quotes.

use proptest::prelude::*;
use telesales_kpi::domain::ingest::split::{
    decode_in_parts, decode_part, finish_join, join, join_raw, plan, plan_at, Joined, Part, Plan,
};
use telesales_kpi::domain::ingest::{parse_bytes, FileError, ParseOptions, ParsedFile};
use telesales_kpi::domain::synth::canonical_calls_csv;

mod ingest_support;
use ingest_support::summary;

fn whole(bytes: &[u8]) -> Result<ParsedFile, FileError> {
    parse_bytes("f.csv", bytes, &ParseOptions::default())
}

/// The parts of `plan`, decoded, and whether the join merged them all.
fn joined(plan: &Plan, bytes: &[u8]) -> (Result<ParsedFile, FileError>, bool) {
    let parts = (0..plan.parts())
        .map(|k| decode_part(plan, k, bytes))
        .collect();
    let joined = join(plan, parts);
    let merged = matches!(joined, Joined::Done(_));
    (finish_join(joined, bytes), merged)
}

/// As [`joined`], with what the page's workers send each other going
/// through bytes: the plan to each later part's worker, each later part
/// back to the first part's worker.
fn travelled(plan: &Plan, bytes: &[u8]) -> Result<ParsedFile, FileError> {
    let sent = Plan::from_bytes(&plan.to_bytes()).expect("a plan comes back");
    let parts = (0..plan.parts())
        .map(|k| {
            if k == 0 {
                let part = decode_part(plan, 0, bytes);
                assert!(part.to_bytes().is_none(), "the first part never travels");
                return part;
            }
            let part = decode_part(&sent, k, bytes);
            Part::from_bytes(&part.to_bytes().expect("a later part travels"))
                .expect("it comes back")
        })
        .collect();
    finish_join(join(plan, parts), bytes)
}

fn cut_plan(bytes: &[u8], cuts: &[u64]) -> Option<Plan> {
    plan_at(
        "f.csv",
        bytes,
        bytes.len() as u64,
        cuts,
        &ParseOptions::default(),
    )
}

const HEADER: &str = "agent,started_at,direction,status,talk_seconds,lead_id\n";

#[test]
fn plans_only_files_worth_splitting() {
    let options = ParseOptions::default();
    let big = canonical_calls_csv(30_000, 7);
    let len = big.len() as u64;
    assert!(plan("f.csv", &big, len, 2, &options).is_some());
    // Too small for two parts of a MiB, or one part asked for.
    let small = canonical_calls_csv(1_000, 7);
    assert!(plan("f.csv", &small, small.len() as u64, 2, &options).is_none());
    assert!(plan("f.csv", &big, len, 1, &options).is_none());
    // A head shorter than the sniffed 64 KiB of a longer file.
    assert!(plan_at("f.csv", &big[..1000], len, &[len / 2], &options).is_none());
    let cases: [(&[u8], &str); 5] = [
        (b"\xff\xfea\x00,\x00b\x00\n\x00", "UTF-16"),
        (b"deal_id,agent,stage,amount,closed_at\n1,Budi,won,100,2026-11-03\n2,Siti,won,5,2026-11-04\n", "deals"),
        (b"1700000000.1|c1|q|NONE|ENTERQUEUE||0812|1\n1700000010.1|c1|q|a|CONNECT|10|c2|3\n", "queue_log"),
        (b"Foo;Bar\n1;2\n3;4\n", "unknown kind"),
        (b"agent,started_at", "a header without its line break"),
    ];
    for (bytes, label) in cases {
        let len = bytes.len() as u64;
        assert!(cut_plan(bytes, &[len / 2]).is_none(), "{label}");
    }
    // Cuts must increase and lie inside the file.
    let text = format!("{HEADER}Budi,2026-11-03 09:15,out,connected,60,L1\n").repeat(3);
    let n = text.len() as u64;
    for cuts in [vec![n], vec![20, 10], vec![0], vec![30, 30]] {
        assert!(cut_plan(text.as_bytes(), &cuts).is_none(), "{cuts:?}");
    }
}

#[test]
fn parts_meet_at_the_first_line_break_at_or_after_each_cut() {
    let text: String = std::iter::once(HEADER.to_owned())
        .chain((0..40).map(|i| format!("A{i},2026-11-03 09:{i:02},out,connected,{i},L{i}\r\n")))
        .collect();
    let bytes = text.as_bytes();
    let whole = whole(bytes);
    // Every cut: at a line start, on a CR, on an LF, inside a line.
    for cut in 1..bytes.len() as u64 {
        let plan = cut_plan(bytes, &[cut]).expect("a plan");
        let (split, merged) = joined(&plan, bytes);
        assert_eq!(summary(&split), summary(&whole), "cut {cut}");
        // Past the header, plain lines always merge.
        let after_header = cut >= HEADER.len() as u64 - 1;
        assert!(merged || !after_header, "cut {cut} read on");
    }
    // Several cuts, some in the same line.
    for cuts in [vec![100, 101, 102], vec![60, 400, 900], vec![57, 58]] {
        let plan = cut_plan(bytes, &cuts).expect("a plan");
        assert_eq!(
            summary(&joined(&plan, bytes).0),
            summary(&whole),
            "{cuts:?}"
        );
    }
}

#[test]
fn a_cut_inside_quotes_reads_on_from_the_first_part() {
    let text = format!(
        "{HEADER}Budi,2026-11-03 09:15,out,connected,60,L1\n\"Siti\nRahma\",2026-11-03 10:00,in,busy,0,L2\nAgus,2026-11-04 08:00,out,connected,5,L3\n"
    );
    let bytes = text.as_bytes();
    let inside = text.find("Rahma").expect("the quoted cell") as u64 - 3;
    let plan = cut_plan(bytes, &[inside]).expect("a plan");
    let (split, merged) = joined(&plan, bytes);
    assert!(!merged, "the second part started inside quotes");
    assert_eq!(summary(&split), summary(&whole(bytes)));
    let f = split.expect("decoded");
    assert_eq!((f.rows, f.skipped), (3, 0));
}

#[test]
fn date_orders_are_settled_once_for_the_whole_file() {
    let row = |agent: &str, date: &str| format!("{agent},{date} 09:15,out,connected,60,L1\n");
    let ambiguous: String = (0..20)
        .map(|i| row(&format!("A{i}"), "03/04/2026"))
        .collect();
    let month_first = row("M", "11/25/2026");
    let day_first = row("D", "25/11/2026");
    // (first part, second part, merged?)
    let cases = [
        // Undecided, then month-first late: the first part's cells are fixed.
        (
            ambiguous.clone(),
            format!("{ambiguous}{month_first}{ambiguous}"),
            true,
        ),
        // Decided day-first, the second part agrees.
        (
            format!("{day_first}{ambiguous}"),
            format!("{ambiguous}{day_first}"),
            true,
        ),
        // Decided day-first, the second part undecided: read day first.
        (format!("{day_first}{ambiguous}"), ambiguous.clone(), true),
        // Decided month-first, the second part undecided: fixed at the end.
        (format!("{month_first}{ambiguous}"), ambiguous.clone(), true),
        // Decided day-first, the second part's first evidence says month
        // first: that cell contradicts the file's order, so read on.
        (
            format!("{day_first}{ambiguous}"),
            format!("{ambiguous}{month_first}"),
            false,
        ),
    ];
    for (first, second, merge) in cases {
        let text = format!("{HEADER}{first}{second}");
        let bytes = text.as_bytes();
        let cut = (HEADER.len() + first.len()) as u64;
        let plan = cut_plan(bytes, &[cut]).expect("a plan");
        let (split, merged) = joined(&plan, bytes);
        assert_eq!(merged, merge, "{first}|{second}");
        assert_eq!(summary(&split), summary(&whole(bytes)), "{first}|{second}");
    }
}

#[test]
fn a_large_canonical_file_merges_in_two_and_in_five_parts() {
    let bytes = canonical_calls_csv(40_000, 7);
    let expected = summary(&whole(&bytes));
    let len = bytes.len() as u64;
    for parts in [2, 3] {
        let plan = plan("calls.csv", &bytes, len, parts, &ParseOptions::default()).expect("plan");
        assert_eq!(plan.parts(), parts);
        let (split, merged) = joined(&plan, &bytes);
        assert!(merged, "{parts} parts");
        assert_eq!(summary(&split).replace("calls.csv", "f.csv"), expected);
        assert_eq!(
            summary(&travelled(&plan, &bytes)).replace("calls.csv", "f.csv"),
            expected
        );
    }
    let cuts: Vec<u64> = (1..5).map(|k| len / 5 * k).collect();
    let plan = cut_plan(&bytes, &cuts).expect("plan");
    let (split, merged) = joined(&plan, &bytes);
    assert!(merged);
    assert_eq!(summary(&split), expected);
    assert_eq!(summary(&decode_in_parts(&plan, &bytes)), expected);
}

/// One generated data row.
fn row() -> impl Strategy<Value = String> {
    let agent = prop_oneof![
        3 => "[A-C][a-c]{0,3}",
        1 => Just("\"Budi\nSantoso\"".to_owned()),
        1 => Just("\"Siti \"\"R\"\"\"".to_owned()),
        1 => Just(String::new()),
    ];
    let date = prop_oneof![
        3 => (1u32..=12, 1u32..=12).prop_map(|(a, b)| format!("{a:02}/{b:02}/2026 09:15")),
        1 => (13u32..=28, 1u32..=12).prop_map(|(a, b)| format!("{a:02}/{b:02}/2026 10:00")),
        1 => (1u32..=12, 13u32..=28).prop_map(|(a, b)| format!("{a:02}/{b:02}/2026 11:00")),
        1 => Just("2026-11-03 08:00:00".to_owned()),
        1 => Just("soon".to_owned()),
        1 => Just("\"03/11/2026\n09:00\"".to_owned()),
    ];
    let direction = prop_oneof![Just("out"), Just("in"), Just("sideways"), Just("")];
    let status = prop_oneof![
        Just("connected"),
        Just("busy"),
        Just("weird"),
        Just("odd"),
        Just("")
    ];
    let talk = prop_oneof![Just("60"), Just("1:05"), Just("x"), Just("")];
    let end =
        prop_oneof![4 => Just("\n"), 1 => Just("\r\n"), 1 => Just(",extra\n"), 1 => Just("\n\n")];
    (agent, date, direction, status, talk, 0u32..20, end).prop_map(
        |(agent, date, direction, status, talk, lead, end)| {
            format!("{agent},{date},{direction},{status},{talk},L{lead}{end}")
        },
    )
}

/// A calls file: the header, rows, and now and then a last line with an
/// unclosed quote.
fn file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(row(), 1..60),
        prop_oneof![4 => Just(""), 1 => Just("\"unclosed,2026-11-03 09:00,out\nB,2026-11-04 09:00,out,busy,1,L1\n")],
    )
        .prop_map(|(rows, tail)| format!("{HEADER}{}{tail}", rows.concat()).into_bytes())
}

/// A leads file: ids or phones, three date columns with their own orders.
fn leads_file() -> impl Strategy<Value = Vec<u8>> {
    let date = || {
        prop_oneof![
            3 => (1u32..=12, 1u32..=12).prop_map(|(a, b)| format!("{a}/{b}/2026")),
            1 => (13u32..=28, 1u32..=12).prop_map(|(a, b)| format!("{a}/{b}/2026 10:00")),
            1 => (1u32..=12, 13u32..=28).prop_map(|(a, b)| format!("{a}/{b}/2026")),
            1 => Just(String::new()),
            1 => Just("\"5/6/2026\n\"".to_owned()),
        ]
    };
    let lead = prop_oneof![Just("L1"), Just("L2"), Just("")];
    let phone = prop_oneof![Just("0812-1"), Just("62813"), Just("x"), Just("")];
    let status = prop_oneof![Just("open"), Just("converted"), Just("won")];
    let row = (lead, phone, date(), date(), status)
        .prop_map(|(l, p, c, f, s)| format!("{l},{p},{c},Budi,{f},{s}\n"));
    prop::collection::vec(row, 1..50).prop_map(|rows| {
        format!(
            "lead_id,phone,created_at,agent,first_contact_at,status\n{}",
            rows.concat()
        )
        .into_bytes()
    })
}

/// Cut offsets in `1..len`, increasing, from fractions of the length.
fn cut_points(len: u64, cuts: &[f64]) -> Vec<u64> {
    let mut at: Vec<u64> = cuts
        .iter()
        .map(|c| 1 + (c * (len - 1) as f64) as u64)
        .collect();
    at.sort_unstable();
    at.dedup();
    at
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn a_leads_file_split_across_workers_reads_as_one_decoder_reads_it(
        bytes in leads_file(),
        cuts in prop::collection::vec(0.0f64..1.0, 1..4),
    ) {
        let at = cut_points(bytes.len() as u64, &cuts);
        let expected = summary(&whole(&bytes));
        prop_assert!(expected.starts_with("Leads"), "{}", expected);
        if let Some(plan) = cut_plan(&bytes, &at) {
            prop_assert_eq!(summary(&joined(&plan, &bytes).0), expected.clone());
            prop_assert_eq!(summary(&travelled(&plan, &bytes)), expected);
        }
    }

    #[test]
    fn a_file_split_across_workers_reads_as_one_decoder_reads_it(
        bytes in file(),
        cuts in prop::collection::vec(0.0f64..1.0, 1..4),
    ) {
        let at = cut_points(bytes.len() as u64, &cuts);
        let expected = summary(&whole(&bytes));
        if let Some(plan) = cut_plan(&bytes, &at) {
            prop_assert_eq!(summary(&joined(&plan, &bytes).0), expected.clone());
            prop_assert_eq!(summary(&decode_in_parts(&plan, &bytes)), expected.clone());
            prop_assert_eq!(summary(&travelled(&plan, &bytes)), expected);
        }
    }
}

/// The property's files take both ways: many merge, many read on.
#[test]
fn generated_files_take_both_ways() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut merged, mut read_on) = (0, 0);
    for _ in 0..300 {
        let bytes = file().new_tree(&mut runner).expect("a file").current();
        let len = bytes.len() as u64;
        if let Some(plan) = cut_plan(&bytes, &[len / 2]) {
            if joined(&plan, &bytes).1 {
                merged += 1;
            } else {
                read_on += 1;
            }
        }
    }
    assert!(
        merged > 60 && read_on > 60,
        "{merged} merged, {read_on} read on"
    );
}

/// A valid later part of a small calls file, as bytes, with its plan.
fn part_bytes() -> (Vec<u8>, Plan, Vec<u8>) {
    let bytes = format!(
        "{HEADER}Budi,03/11/2026 09:15,out,connected,60,L1\nSiti,13/11/2026 10:00,in,busy,x,L2\n\
         Agus,04/11/2026 08:00,out,connected,1:05,L1\nBudi,05/11/2026 08:00,out,weird,30,L3\n"
    )
    .into_bytes();
    let plan = cut_plan(&bytes, &[HEADER.len() as u64 + 50]).expect("plan");
    let later = decode_part(&plan, 1, &bytes)
        .to_bytes()
        .expect("a later part");
    (later, plan, bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Bytes that are no part this program wrote (none is: the helper is
    /// this program) are refused or joined without a panic.
    #[test]
    fn any_bytes_as_a_part_or_a_plan_are_refused_or_read_without_a_panic(
        noise in prop::collection::vec(any::<u8>(), 0..256),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
    ) {
        let _ = Plan::from_bytes(&noise);
        let _ = Part::from_bytes(&noise);
        let (mut later, plan, bytes) = part_bytes();
        for (at, value) in flips {
            let i = at.index(later.len());
            later[i] = value;
        }
        if let Some(part) = Part::from_bytes(&later) {
            let first = decode_part(&plan, 0, &bytes);
            let _ = finish_join(join(&plan, vec![first, part]), &bytes);
        }
    }
}

/// As [`travelled`], the way the page's worker takes a later part back: its
/// message read out a window at a time, its calls taken over straight from
/// the message at the join. With `spoil`, each message loses its last bytes
/// (a column cut short): the join must then read that part again.
fn travelled_raw(plan: &Plan, bytes: &[u8], spoil: bool) -> Result<ParsedFile, FileError> {
    use std::rc::Rc;
    use telesales_kpi::worker::windowed::read_part;
    let mut parts = Vec::new();
    let mut raws = Vec::new();
    for k in 0..plan.parts() {
        let part = decode_part(plan, k, bytes);
        if k == 0 {
            parts.push(part);
            raws.push(None);
            continue;
        }
        let mut message = part.into_message().expect("a later part travels");
        if spoil {
            message.truncate(message.len() - 3);
        }
        let message = Rc::new(message);
        let source = Rc::clone(&message);
        let (part, raw) = read_part(message.len(), move |at, out: &mut [u8]| {
            out.copy_from_slice(&source[at..at + out.len()]);
        })
        .expect("it comes back");
        parts.push(part);
        raws.push(raw);
    }
    finish_join(join_raw(plan, parts, raws), bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_file_whose_later_calls_are_taken_over_from_the_message_reads_as_one_decoder_reads_it(
        bytes in file(),
        cuts in prop::collection::vec(0.0f64..1.0, 1..4),
        spoil in any::<bool>(),
    ) {
        let at = cut_points(bytes.len() as u64, &cuts);
        let expected = summary(&whole(&bytes));
        if let Some(plan) = cut_plan(&bytes, &at) {
            prop_assert_eq!(summary(&travelled_raw(&plan, &bytes, spoil)), expected);
        }
    }
}

/// A generated 20,000-call file, cut in two, its later calls taken over
/// from the message (and, spoiled, read again): the same tables as one
/// decoder's.
#[test]
fn a_large_file_takes_its_later_calls_over_from_the_message() {
    let bytes = canonical_calls_csv(20_000, 7);
    let plan = cut_plan(&bytes, &[bytes.len() as u64 / 2]).expect("a plan");
    let expected = summary(&whole(&bytes));
    for spoil in [false, true] {
        assert_eq!(
            summary(&travelled_raw(&plan, &bytes, spoil)),
            expected,
            "spoiled {spoil}"
        );
    }
}
