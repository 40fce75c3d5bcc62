//! The worker's session, natively: files read in chunks give the command
//! line's values, the same bytes twice are kept once, a remembered mapping
//! applies on arrival and can be undone, workbooks give one entry per sheet,
//! the view's default period is the latest month, drill-down pages and CSV,
//! and what the worker posts reaches the page unchanged.

use telesales_kpi::domain::ingest::{parse_bytes, ColumnMapping, FileKind, ParseOptions};
use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::{Engine, Filter, KpiId, Settings};
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::model::Dataset;
use telesales_kpi::protocol::{DrillRequest, FileChoices, ReadSettings, ViewRequest};
use telesales_kpi::worker::session::{Session, TextRead};

const CALLS: &[u8] = include_bytes!("fixtures/ingest/calls_en.csv");
const DEALS: &[u8] = include_bytes!("fixtures/ingest/deals_en.csv");
const BOOK: &[u8] = include_bytes!("fixtures/ingest/book.xlsx");

/// Reads `bytes` through a [`TextRead`]: a first chunk of up to 64 KiB (the
/// shell's first read holds the header), then chunks of `chunk` bytes.
fn read(
    session: &Session,
    name: &str,
    bytes: &[u8],
    chunk: usize,
    memory: bool,
) -> telesales_kpi::worker::session::TextOutcome {
    let first = &bytes[..(64 * 1024).min(bytes.len()).min(chunk.max(48))];
    let remembered = memory.then(|| session.remembered());
    let mut r = TextRead::start(
        name,
        first,
        session.read_settings(),
        FileChoices::default(),
        remembered,
    );
    for c in bytes[first.len()..].chunks(chunk) {
        r.feed(c);
    }
    while let Some(offset) = r.end_pass() {
        r.feed(&bytes[offset as usize..]);
    }
    r.finish()
}

fn view(session: &mut Session, filter: Filter) -> telesales_kpi::protocol::View {
    session.view(&ViewRequest {
        seq: 1,
        filter,
        targets: Targets::presets(),
        chart: KpiId::CallConnectionRate,
    })
}

/// The filter of `data`'s default period and the command line's report of
/// it with the preset targets.
fn default_period_report(data: Dataset) -> (Filter, telesales_kpi::domain::kpi::Report) {
    let engine = Engine::new(data, &Settings::default());
    let all = Filter {
        from: engine.default_period().map(|p| p.from),
        to: engine.default_period().map(|p| p.to),
        ..Filter::default()
    };
    let expected = engine.report(&all, &Targets::presets());
    (all, expected)
}

#[test]
fn files_read_in_chunks_give_the_values_of_a_whole_read() {
    for chunk in [1, 7, 64, 1 << 20] {
        let mut s = Session::new();
        let calls = read(&s, "calls.csv", CALLS, chunk, true);
        assert_eq!(s.add_text("calls.csv", calls).ids, vec![1]);
        let deals = read(&s, "deals.csv", DEALS, chunk, true);
        s.add_text("deals.csv", deals);
        let mut data = Dataset::new();
        for (n, b) in [("calls.csv", CALLS), ("deals.csv", DEALS)] {
            data.merge(
                &parse_bytes(n, b, &ParseOptions::default())
                    .expect("parses")
                    .data,
            );
        }
        let (all, expected) = default_period_report(data);
        assert_eq!(view(&mut s, all).report, expected, "chunk {chunk}");
        let files = s.files();
        assert_eq!(
            (files.len(), files[0].kind, files[0].rows),
            (2, Some(FileKind::Calls), 5)
        );
        assert!(files[0].warnings.iter().any(|w| w.en.contains("weird")));
    }
}

#[test]
fn the_same_bytes_twice_are_kept_once() {
    let mut s = Session::new();
    let a = read(&s, "calls.csv", CALLS, 100, false);
    s.add_text("calls.csv", a);
    let b = read(&s, "again.csv", CALLS, 1000, false);
    let added = s.add_text("again.csv", b);
    assert_eq!(
        (added.ids, added.duplicates),
        (Vec::new(), vec!["again.csv".to_owned()])
    );
    assert_eq!(s.ids(), vec![1]);
}

#[test]
fn the_default_period_is_the_month_of_the_latest_record() {
    let mut s = Session::new();
    let calls = read(&s, "calls.csv", CALLS, 4096, false);
    s.add_text("calls.csv", calls);
    let v = view(&mut s, Filter::default());
    let latest = v.latest_month.expect("a dated record");
    let p = v.report.period.expect("a period");
    assert_eq!((p.from, p.to), (latest.from, latest.to));
    assert_eq!(latest.from.ymd().2, 1);
    assert!(v.all_data.is_some_and(|a| a.from <= latest.from));
    assert!(v.names.agents.contains(&"budi.s".to_owned()));
    assert!(
        v.trend.is_some() && v.run_up.is_none(),
        "no deals file: no run-up"
    );
}

#[test]
fn a_remembered_mapping_applies_on_arrival_and_reading_again_undoes_it() {
    let file =
        b"Petugas;Mulai Telepon;Lama Bicara\nBudi;03/11/2026 09:00;120\nSari;03/11/2026 10:00;0\n";
    let mut s = Session::new();
    let first = read(&s, "ekspor.csv", file, 16, true);
    s.add_text("ekspor.csv", first);
    assert!(s.files()[0].failure.is_some(), "unrecognised at first");
    let mut m = ColumnMapping::for_kind(FileKind::Calls);
    m.set("agent", Some(0));
    m.set("started_at", Some(1));
    m.set("talk_seconds", Some(2));
    let headers = s.headers(1);
    s.remember(
        &headers,
        &FileChoices {
            kind: Some(FileKind::Calls),
            mapping: Some(m),
            ..FileChoices::default()
        },
    );
    let second = read(
        &s,
        "ekspor-2.csv",
        b"Petugas;Mulai Telepon;Lama Bicara\nBudi;04/11/2026 09:00;300\n",
        8,
        true,
    );
    assert!(second.undo.is_some(), "remembered mapping applied");
    s.add_text("ekspor-2.csv", second);
    let info = &s.files()[1];
    assert!(
        info.failure.is_none() && info.remembered && info.rows == 1,
        "{info:?}"
    );
    let (_, undo) = s.choices(2).expect("entry");
    assert_eq!(undo, Some(FileChoices::default()));
}

#[test]
fn a_workbook_gives_one_entry_per_used_sheet() {
    let mut s = Session::new();
    let added = s.add_workbook("book.xlsx", BOOK);
    assert!(added.ids.len() >= 2, "{added:?}");
    assert_eq!(added.ids.first(), Some(&1));
    let files = s.files();
    assert!(
        files.iter().all(|f| f.name.starts_with("book.xlsx#")),
        "{:?}",
        files.iter().map(|f| &f.name).collect::<Vec<_>>()
    );
    let again = s.add_workbook("copy.xlsx", BOOK);
    assert_eq!(again.duplicates, vec!["copy.xlsx".to_owned()]);
}

#[test]
fn drill_pages_and_csv_list_the_records_behind_a_value() {
    let mut s = Session::new();
    s.add_demo(Day::parse_iso("2026-11-15").expect("day"));
    let v = view(&mut s, Filter::default());
    let outbound = v
        .report
        .kpis
        .get(KpiId::CallConnectionRate)
        .denominator
        .expect("calls") as usize;
    let request = DrillRequest {
        seq: 3,
        filter: Filter::default(),
        kpi: KpiId::CallConnectionRate,
        agent: None,
        sort: None,
        offset: 40,
        limit: 20,
    };
    let page = s.drill(&request);
    assert_eq!(
        (page.seq, page.count, page.offset, page.rows.len()),
        (3, outbound, 40, 20)
    );
    let (name, csv) = s.drill_csv(&request, ';');
    assert_eq!(name, "call_connection_rate-records.csv");
    assert_eq!(csv.trim_end().split("\r\n").count(), outbound + 1);
    // Settings that change reading ask for a new read; counting ones do not.
    let read = ReadSettings {
        utc_offset_minutes: 0,
        ..ReadSettings::default()
    };
    assert!(s.set_settings(read.clone(), Settings::default()));
    assert!(!s.set_settings(
        read,
        Settings {
            callback_days: 3,
            ..Settings::default()
        }
    ));
}

#[test]
fn what_the_worker_posts_reaches_the_page_unchanged() {
    use telesales_kpi::protocol::{decode, encode, Response, View};
    let mut s = Session::new();
    let calls = read(&s, "calls.csv", CALLS, 1 << 20, true);
    s.add_text("calls.csv", calls);
    let deals = read(&s, "deals.csv", DEALS, 1 << 20, true);
    s.add_text("deals.csv", deals);
    let v = view(&mut s, Filter::default());
    assert!(!v.report.agents.is_empty(), "a view with agents");
    assert_eq!(decode::<View>(&encode(&v)), Some(v.clone()));
    let posted = Response::View(Box::new(v));
    assert_eq!(decode::<Response>(&encode(&posted)), Some(posted));
    let files = Response::Files(s.files());
    assert_eq!(decode::<Response>(&encode(&files)), Some(files));
}

/// Several files in any order: the session's merged view (which shares the
/// calls file's table rather than copying it) reports what the command
/// line's merge in that order does, and a second calls file is added in.
#[test]
fn files_in_any_order_give_the_command_lines_values() {
    let today = Day::from_ymd(2026, 11, 20).expect("a day");
    let mut files = telesales_kpi::domain::synth::demo_files(today);
    files.push(("more_calls.csv".to_owned(), CALLS.to_vec()));
    let n = files.len();
    for rotation in [0, 1, 3, n - 1] {
        for with_more in [false, true] {
            let mut order: Vec<&(String, Vec<u8>)> = files
                .iter()
                .filter(|(name, _)| with_more || name != "more_calls.csv")
                .collect();
            let len = order.len();
            order.rotate_left(rotation % len);
            let mut s = Session::new();
            let mut data = Dataset::new();
            for (name, bytes) in &order {
                let outcome = read(&s, name, bytes, 1 << 16, false);
                s.add_text(name, outcome);
                let parsed = parse_bytes(name, bytes, &ParseOptions::default()).expect("parses");
                data.absorb(parsed.data);
            }
            let (all, expected) = default_period_report(data);
            let names: Vec<&str> = order.iter().map(|(name, _)| name.as_str()).collect();
            assert_eq!(view(&mut s, all).report, expected, "{names:?}");
        }
    }
}

/// The merge of one calls file with files of other kinds holds the calls
/// file's own table, not a copy; a second calls file is copied in.
#[test]
fn a_merge_shares_the_one_calls_files_table() {
    let today = Day::from_ymd(2026, 11, 20).expect("a day");
    let files: Vec<Dataset> = telesales_kpi::domain::synth::demo_files(today)
        .iter()
        .map(|(name, bytes)| {
            parse_bytes(name, bytes, &ParseOptions::default())
                .expect("parses")
                .data
        })
        .collect();
    let calls = files
        .iter()
        .position(|d| !d.calls.is_empty())
        .expect("a calls file");
    let mut refs: Vec<&Dataset> = files.iter().collect();
    refs.rotate_left(calls.saturating_sub(1));
    let merged = Dataset::merged(&refs);
    assert!(std::sync::Arc::ptr_eq(&merged.calls, &files[calls].calls));
    let more = parse_bytes("more.csv", CALLS, &ParseOptions::default())
        .expect("parses")
        .data;
    refs.push(&more);
    let merged = Dataset::merged(&refs);
    assert!(!std::sync::Arc::ptr_eq(&merged.calls, &files[calls].calls));
    assert_eq!(
        merged.calls.len(),
        files[calls].calls.len() + more.calls.len()
    );
}
