//! Each input format, decoded whole from a fixture: rows, skipped rows with
//! their lines, warnings and the table columns, all computed by hand from
//! DATA.md and KPIS.md.

use telesales_kpi::domain::ingest::error::KindGap;
use telesales_kpi::domain::ingest::{parse_bytes, FileError, FileKind, ParseOptions, ParsedFile};
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::model::{CallStatus, CustomerType, Direction, LeadStatus, Stage, Sym};
use telesales_kpi::present::diagnostics::{file_error, row_error, warning};
use telesales_kpi::present::i18n::Lang;

/// The warnings as the command line prints them.
fn warnings(f: &ParsedFile) -> Vec<String> {
    f.warnings
        .iter()
        .map(|w| warning(&f.name, w, Lang::En))
        .collect()
}

/// Wall time of `YYYY-MM-DD HH:MM:SS`.
fn wall(text: &str) -> i64 {
    let (date, time) = text.split_once(' ').unwrap_or((text, "00:00:00"));
    let day = Day::parse_iso(date).expect("test date");
    let mut secs = 0;
    for part in time.split(':') {
        secs = secs * 60 + part.parse::<i64>().expect("test time");
    }
    day.start() + secs * 1000
}

/// Wall time of a Unix epoch at the default +07:00.
fn epoch(secs: i64) -> i64 {
    (secs + 7 * 3600) * 1000
}

fn parse(name: &str, bytes: &[u8]) -> ParsedFile {
    parse_bytes(name, bytes, &ParseOptions::default())
        .unwrap_or_else(|e| panic!("{}", file_error(&e, Lang::En)))
}

fn text(f: &ParsedFile, sym: Option<Sym>) -> Option<String> {
    sym.map(|s| f.data.strings.resolve(s).to_owned())
}

/// One call with its strings resolved.
#[derive(Debug, PartialEq)]
struct Call {
    id: Option<String>,
    agent: String,
    started: i64,
    direction: Direction,
    status: CallStatus,
    wait: Option<f64>,
    talk: Option<f64>,
    lead: Option<String>,
    phone: Option<String>,
    campaign: Option<String>,
    callback: Option<bool>,
}

fn calls(f: &ParsedFile) -> Vec<Call> {
    let t = &f.data.calls;
    (0..t.len())
        .map(|i| {
            let r = t.row(i);
            Call {
                id: text(f, r.call_id),
                agent: f.data.strings.resolve(r.agent).to_owned(),
                started: r.started_at,
                direction: r.direction,
                status: r.status,
                wait: r.wait.secs(),
                talk: r.talk.secs(),
                lead: text(f, r.lead_id),
                phone: text(f, r.phone),
                campaign: text(f, r.campaign),
                callback: r.callback,
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn call(
    id: Option<&str>,
    agent: &str,
    started: i64,
    direction: Direction,
    status: CallStatus,
    wait: Option<f64>,
    talk: Option<f64>,
    lead: Option<&str>,
    phone: Option<&str>,
    campaign: Option<&str>,
    callback: Option<bool>,
) -> Call {
    Call {
        id: id.map(str::to_owned),
        agent: agent.to_owned(),
        started,
        direction,
        status,
        wait,
        talk,
        lead: lead.map(str::to_owned),
        phone: phone.map(str::to_owned),
        campaign: campaign.map(str::to_owned),
        callback,
    }
}

fn error_lines(f: &ParsedFile) -> Vec<u64> {
    f.errors.iter().map(|e| e.line).collect()
}

use CallStatus::{Abandoned, Busy, Connected, NoAnswer, Other};
use Direction::{Inbound, Outbound};

const UN: &str = "(unassigned)";

#[test]
fn canonical_english_calls() {
    let f = parse(
        "dir/calls_en.csv",
        include_bytes!("fixtures/ingest/calls_en.csv"),
    );
    assert_eq!(
        (f.name.as_str(), f.kind, f.rows, f.skipped, f.delimiter),
        ("calls_en.csv", FileKind::Calls, 5, 0, b',')
    );
    assert!(f.data.loaded.calls && !f.data.loaded.deals);
    #[rustfmt::skip]
    let want = vec![
        call(Some("C1"), "budi.s", wall("2026-11-03 09:15:00"), Outbound, Connected, Some(12.0), Some(245.0), Some("L1"), Some("628123456789"), Some("Promo"), Some(true)),
        call(Some("C2"), "siti.r", wall("2026-11-03 10:00:00"), Outbound, NoAnswer, Some(8.0), Some(0.0), Some("L2"), Some("62811000111"), Some("Promo"), Some(false)),
        call(Some("C3"), "budi.s", wall("2026-11-03 11:30:15") + 250, Inbound, Abandoned, Some(45.0), None, None, Some("62811000222"), None, None),
        call(Some("C4"), "budi.s", wall("2026-11-04 09:00:00"), Outbound, Other, None, Some(245.0), Some("L1"), None, Some("Promo"), None),
        call(Some("C5"), "siti.r", wall("2025-11-03 09:35:00"), Inbound, Connected, Some(30.0), Some(3723.0), None, None, None, Some(false)),
    ];
    assert_eq!(calls(&f), want);
    assert_eq!(
        warnings(&f),
        vec![r#"calls_en.csv: unknown status "weird" in 1 row(s) (first at line 5), counted as other"#.to_owned()]
    );
    assert_eq!(f.samples.len(), 5);
    assert_eq!(f.headers.first().map(String::as_str), Some("call_id"));
    assert_eq!(f.mapping.get("talk_seconds"), Some(6));
}

#[test]
fn indonesian_semicolon_calls() {
    let f = parse(
        "calls_id.csv",
        include_bytes!("fixtures/ingest/calls_id.csv"),
    );
    assert_eq!(
        (f.kind, f.rows, f.skipped, f.delimiter, f.day_first),
        (FileKind::Calls, 3, 0, b';', true)
    );
    #[rustfmt::skip]
    let want = vec![
        call(Some("1"), "Budi Santoso", wall("2026-11-03 09:15:00"), Outbound, Connected, Some(12.0), Some(245.0), None, Some("628123456789"), Some("Promo; Akhir"), None),
        call(Some("2"), "Siti", wall("2026-11-04 10:00:30"), Inbound, NoAnswer, Some(8.0), Some(0.0), None, Some("62811000111"), Some("Promo"), None),
        call(Some("3"), "Siti", wall("2026-11-25 08:00:00"), Outbound, Busy, None, None, None, Some("62811000222"), None, None),
    ];
    assert_eq!(calls(&f), want);
    assert!(f.warnings.is_empty(), "{:?}", f.warnings);
}

#[test]
fn indonesian_deals_month_first_and_rupiah() {
    let f = parse(
        "deals_id.csv",
        include_bytes!("fixtures/ingest/deals_id.csv"),
    );
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Deals, 4, 1));
    assert_eq!((f.day_first, f.decimal_comma), (false, true));
    assert_eq!(error_lines(&f), vec![5]);
    assert_eq!(f.errors[0].problem.field(), Some("closed_at"));
    // An open deal with an unreadable amount stays, without an amount (DATA.md §2 **).
    assert_eq!(
        warnings(&f),
        [
            r#"deals_id.csv: 1 amount cell(s) could not be read as an amount and were left empty (first at line 6: "abc")"#
        ]
    );
    let d = &f.data.deals;
    let ids: Vec<_> = d.deal_id.iter().map(|s| text(&f, *s)).collect();
    assert_eq!(
        ids,
        ["INV-1", "INV-2", "INV-3", "INV-5"].map(|s| Some(s.to_owned()))
    );
    let agents: Vec<_> = d.agent.iter().map(|s| f.data.strings.resolve(*s)).collect();
    assert_eq!(agents, ["Budi", "Siti", "Budi", "Siti"]);
    let closed = [
        Some(wall("2026-03-11 00:00:00")),
        Some(wall("2026-11-04 00:00:00")),
        Some(wall("2026-11-25 00:00:00")),
        Some(wall("2026-11-26 00:00:00")),
    ];
    assert_eq!(d.closed_at, closed);
    // The open deal's closed_at is an expected date, not its creation.
    assert_eq!(d.created_at, [closed[0], closed[1], closed[2], None]);
    assert_eq!(d.stage, [Stage::Won, Stage::Lost, Stage::Won, Stage::Open]);
    assert_eq!(d.amount, [1_250_000.0, 850_000.0, 2_000_000.5, 0.0]);
    assert_eq!(d.cost, [Some(900_000.0), None, Some(1_500_000.0), None]);
    assert_eq!(d.upsell, [Some(false), Some(true), None, None]);
    assert!(d.has_upsell_column);
    assert_eq!(
        d.customer_type,
        [
            Some(CustomerType::New),
            Some(CustomerType::Existing),
            Some(CustomerType::New),
            None
        ]
    );
}

#[test]
fn english_deals() {
    let f = parse(
        "deals_en.csv",
        include_bytes!("fixtures/ingest/deals_en.csv"),
    );
    assert_eq!(
        (f.kind, f.rows, f.skipped, f.decimal_comma),
        (FileKind::Deals, 4, 0, false)
    );
    let d = &f.data.deals;
    assert_eq!(d.stage, [Stage::Won, Stage::Open, Stage::Lost, Stage::Won]);
    assert_eq!(d.amount, [1_250_000.0, 850_000.0, -500.0, 300.5]);
    assert_eq!(d.cost, [Some(900_000.0), None, None, Some(100.0)]);
    assert_eq!(d.upsell, [Some(true), Some(false), None, None]);
    assert_eq!(
        d.customer_type,
        [
            Some(CustomerType::New),
            Some(CustomerType::Existing),
            Some(CustomerType::Existing),
            None
        ]
    );
    assert_eq!(d.created_at[3], Some(wall("2026-11-06 00:00:00")));
    assert_eq!(d.closed_at[1], None);
    assert_eq!(text(&f, d.phone[0]).as_deref(), Some("628123456789"));
    assert_eq!(
        warnings(&f),
        vec![
            r#"deals_en.csv: 1 upsell cell(s) could not be read as a boolean and were left empty (first at line 5: "maybe")"#.to_owned(),
            r#"deals_en.csv: 1 customer_type cell(s) could not be read as new or existing and were left empty (first at line 5: "vip")"#.to_owned(),
        ]
    );
}

#[test]
fn deals_without_stage_are_won_and_money_evidence_ranks() {
    // `850.000` (a single group: dot = thousands) is outranked by `12.50`
    // (not a 3-digit group: dot = decimal), which is outranked by `1,250.00`.
    #[rustfmt::skip]
    let cases: [(&str, Vec<f64>, Vec<u64>, bool); 4] = [
        ("agent,date,amount\na,2026-11-01,850.000\na,2026-11-01,1.500.000\n", vec![850_000.0, 1_500_000.0], vec![], true),
        ("agent,date,amount\na,2026-11-01,850.000\na,2026-11-01,12.50\n", vec![850.0, 12.5], vec![], false),
        ("agent;date;amount\na;2026-11-01;1.500.000\na;2026-11-01;12.50\na;2026-11-01;1,250.00\n", vec![12.5, 1250.0], vec![2], false),
        ("agent;date;amount\na;2026-11-01;850,000\na;2026-11-01;1.250.000,00\n", vec![850.0, 1_250_000.0], vec![], true),
    ];
    for (input, amounts, errors, comma) in cases {
        let f = parse("deals.csv", input.as_bytes());
        assert_eq!(f.kind, FileKind::Deals, "{input}");
        assert_eq!(f.data.deals.amount, amounts, "{input}");
        assert_eq!(error_lines(&f), errors, "{input}");
        assert_eq!(f.decimal_comma, comma, "{input}");
        assert!(f.data.deals.stage.iter().all(|s| *s == Stage::Won));
        assert!(!f.data.deals.has_upsell_column);
    }
}

#[test]
fn leads() {
    let f = parse(
        "leads_en.csv",
        include_bytes!("fixtures/ingest/leads_en.csv"),
    );
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Leads, 3, 2));
    assert_eq!(error_lines(&f), vec![5, 6]);
    let l = &f.data.leads;
    let ids: Vec<_> = l.lead_id.iter().map(|s| text(&f, *s)).collect();
    assert_eq!(ids, [Some("L1".to_owned()), Some("L2".to_owned()), None]);
    let phones: Vec<_> = l.phone.iter().map(|s| text(&f, *s)).collect();
    assert_eq!(
        phones,
        [
            Some("628121111".to_owned()),
            None,
            Some("628122222".to_owned())
        ]
    );
    assert_eq!(
        l.created_at,
        [
            wall("2026-11-01 08:00:00"),
            wall("2026-11-02 00:00:00"),
            wall("2026-11-03 09:00:00")
        ]
    );
    assert_eq!(
        l.first_contact_at,
        [Some(wall("2026-11-01 08:30:00")), None, None]
    );
    assert_eq!(l.qualified, [Some(true), Some(false), None]);
    assert_eq!(
        l.status,
        [
            LeadStatus::Qualified,
            LeadStatus::Converted,
            LeadStatus::Open
        ]
    );
    assert_eq!(
        l.converted_at,
        [None, Some(wall("2026-11-10 00:00:00")), None]
    );
    let campaigns: Vec<_> = l.campaign.iter().map(|s| text(&f, *s)).collect();
    assert_eq!(campaigns, [Some("Facebook".to_owned()), None, None]);
    assert_eq!(f.warnings.len(), 1, "{:?}", f.warnings);
}

#[test]
fn roster_and_campaigns() {
    let f = parse("roster.csv", include_bytes!("fixtures/ingest/roster.csv"));
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Roster, 2, 1));
    assert_eq!(error_lines(&f), vec![4]);
    let s = |sym| f.data.strings.resolve(sym).to_owned();
    let rows: Vec<_> = f
        .data
        .roster
        .rows
        .iter()
        .map(|r| {
            (
                s(r.agent),
                r.name.map(s),
                r.team.map(s),
                r.aliases.iter().map(|a| s(*a)).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "budi.s".into(),
                Some("Budi Santoso".into()),
                Some("Jakarta".into()),
                vec!["1001".to_owned(), "budi@x.id".to_owned()]
            ),
            (
                "siti.r".into(),
                Some("Siti Rahma".into()),
                Some("Bandung".into()),
                vec!["1002".to_owned(), "siti@x.id".to_owned()]
            ),
        ]
    );

    let f = parse(
        "campaigns.csv",
        include_bytes!("fixtures/ingest/campaigns.csv"),
    );
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Campaigns, 2, 0));
    let windows: Vec<_> = f
        .data
        .campaigns
        .rows
        .iter()
        .map(|r| {
            (
                f.data.strings.resolve(r.campaign).to_owned(),
                r.start.to_string(),
                r.end.to_string(),
            )
        })
        .collect();
    // Each column decides alone: `start` has no evidence (day first), `end` has 15 > 12.
    assert_eq!(
        windows,
        vec![
            (
                "Promo Oktober".to_owned(),
                "2026-10-01".to_owned(),
                "2026-10-31".to_owned()
            ),
            (
                "Harbolnas".to_owned(),
                "2026-05-11".to_owned(),
                "2026-11-15".to_owned()
            ),
        ]
    );
}

#[test]
fn asterisk_cdr_16_fields() {
    let f = parse("Master.csv", include_bytes!("fixtures/ingest/cdr16.csv"));
    assert_eq!(
        (f.kind, f.kind.reported(), f.rows, f.skipped),
        (FileKind::AsteriskCdr, "calls", 3, 0)
    );
    assert!(f.headers.is_empty());
    #[rustfmt::skip]
    let want = vec![
        call(Some("1"), "1001", wall("2026-11-03 09:00:00"), Outbound, Connected, Some(10.0), Some(240.0), None, Some("6281234567890"), None, None),
        call(Some("2"), "1002", wall("2026-11-03 10:00:00"), Inbound, Abandoned, Some(20.0), Some(0.0), None, Some("6281298765432"), None, None),
        call(Some("5"), "1003", wall("2026-11-03 13:00:00"), Outbound, Busy, None, Some(0.0), None, Some("6281211112222"), None, None),
    ];
    assert_eq!(calls(&f), want);
    assert_eq!(
        warnings(&f),
        [
            "Master.csv: 1 internal call leg(s) skipped, both ends being extensions (first at line 3)",
            "Master.csv: 1 CDR leg(s) skipped because lastapp is not Dial or Queue (voicemail, IVR, Hangup…; first at line 4: \"VoiceMail\")",
        ]
    );
}

#[test]
fn asterisk_cdr_18_fields() {
    let f = parse("Master.csv", include_bytes!("fixtures/ingest/cdr18.csv"));
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::AsteriskCdr, 2, 0));
    #[rustfmt::skip]
    let want = vec![
        call(Some("1762221600.1"), "1001", wall("2026-11-04 09:00:00"), Outbound, Connected, Some(5.0), Some(60.0), None, Some("6281234567890"), None, None),
        call(Some("1762222200.2"), "1004", wall("2026-11-04 09:10:00"), Inbound, Abandoned, Some(15.0), Some(0.0), None, Some("62812000"), None, None),
    ];
    assert_eq!(calls(&f), want);
}

#[test]
fn asterisk_cdr_21_fields_groups_legs() {
    let f = parse("Master.csv", include_bytes!("fixtures/ingest/cdr21.csv"));
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::AsteriskCdr, 5, 0));
    #[rustfmt::skip]
    let want = vec![
        call(Some("A.1"), "1001", wall("2026-11-03 09:00:00"), Inbound, Connected, Some(10.0), Some(290.0), None, Some("6281211110000"), None, None),
        call(Some("B.1"), UN, wall("2026-11-03 10:00:00"), Inbound, Abandoned, Some(45.0), Some(45.0), None, Some("6281233334444"), None, None),
        call(Some("C.1"), "1003", wall("2026-11-03 11:00:00"), Outbound, NoAnswer, None, Some(0.0), None, Some("6281255556666"), None, None),
    ];
    assert_eq!(calls(&f), want);
    assert!(
        warnings(&f)[0].contains("2 CDR leg(s) skipped because lastapp"),
        "{:?}",
        f.warnings
    );
    assert!(
        warnings(&f)[1].contains("1 internal call leg(s)"),
        "{:?}",
        f.warnings
    );
}

#[test]
fn headed_cdr_export_with_nulls_and_loose_quotes() {
    let f = parse(
        "cdr_export.csv",
        include_bytes!("fixtures/ingest/cdr_export.csv"),
    );
    assert_eq!(
        (f.kind, f.rows, f.skipped),
        (FileKind::AsteriskCdr, 2, 0),
        "{:?}",
        f.errors
    );
    #[rustfmt::skip]
    let want = vec![
        call(Some("1762308000.1"), "1001", wall("2026-11-05 09:00:00"), Outbound, Connected, Some(10.0), Some(60.0), None, Some("6281234567890"), None, None),
        call(Some("1762308300.2"), "1002", wall("2026-11-05 09:05:00"), Inbound, Abandoned, None, None, None, Some("6281277778888"), None, None),
    ];
    assert_eq!(calls(&f), want);
    assert_eq!(f.samples[0][1], "Budi\" <1001>\"");
}

#[test]
#[allow(clippy::too_many_lines)] // one block per expected call
fn queue_log_every_event() {
    let f = parse("queue_log", include_bytes!("fixtures/ingest/queue_log"));
    assert_eq!(
        (f.kind, f.kind.reported(), f.rows, f.skipped, f.delimiter),
        (FileKind::QueueLog, "calls", 7, 1, b'|')
    );
    assert_eq!(error_lines(&f), vec![22]);
    let q = |id: &str,
             agent: &str,
             at: i64,
             status,
             wait: f64,
             talk: Option<f64>,
             phone: &str,
             queue: &str| {
        call(
            Some(id),
            agent,
            epoch(at),
            Inbound,
            status,
            Some(wait),
            talk,
            None,
            Some(phone),
            Some(queue),
            None,
        )
    };
    #[rustfmt::skip]
    let want = vec![
        q("1762300100.1", "1001", 1_762_300_100, Connected, 12.0, Some(288.0), "6281211112222", "support"),
        q("1762300200.1", UN, 1_762_300_200, Abandoned, 45.0, None, "6281233334444", "support"),
        q("1762300300.1", UN, 1_762_300_300, Abandoned, 60.0, None, "6281255556666", "sales"),
        q("1762300500.1", UN, 1_762_300_500, Abandoned, 10.0, None, "6281277778888", "sales"),
        q("1762300600.1", UN, 1_762_300_600, Abandoned, 3.0, None, "6281299990000", "sales"),
        q("1762300700.1", "1003", 1_762_300_700, Connected, 10.0, Some(90.0), "6281200001111", "support"),
        q("1762300950.1", UN, 1_762_300_950, Abandoned, 50.0, None, "6281244445555", "support"),
    ];
    assert_eq!(calls(&f), want);
}

#[test]
fn utf16_files_are_transcoded() {
    for (name, bytes) in [
        (
            "le.tsv",
            &include_bytes!("fixtures/ingest/calls_utf16le.tsv")[..],
        ),
        (
            "be.tsv",
            &include_bytes!("fixtures/ingest/calls_utf16be.tsv")[..],
        ),
    ] {
        let f = parse(name, bytes);
        assert_eq!(
            (f.kind, f.rows, f.skipped, f.delimiter),
            (FileKind::Calls, 2, 0, b'\t'),
            "{name}"
        );
        let agents: Vec<_> = calls(&f)
            .into_iter()
            .map(|c| (c.agent, c.status, c.talk))
            .collect();
        assert_eq!(
            agents,
            vec![
                ("Dédé".to_owned(), Connected, Some(60.0)),
                ("𝒜gus".to_owned(), Busy, Some(0.0))
            ],
            "{name}"
        );
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    }
}

#[test]
fn broken_rows_are_reported_by_line() {
    let f = parse(
        "calls_broken.csv",
        include_bytes!("fixtures/ingest/calls_broken.csv"),
    );
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Calls, 4, 4));
    let errors: Vec<String> = f.errors.iter().map(|e| row_error(e, Lang::En)).collect();
    assert_eq!(
        errors,
        [
            "line 5: agent: empty required cell",
            "line 6: started_at \"31/02/2026 09:00\": not a date/time",
            "line 7: expected 5 fields, found 3",
            "line 9: expected 5 fields, found 6",
        ]
    );
    let rows: Vec<_> = calls(&f)
        .into_iter()
        .map(|c| (c.agent, c.started, c.status, c.talk))
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "budi.s".to_owned(),
                wall("2026-11-03 09:00:00"),
                Connected,
                Some(120.0)
            ),
            (
                "siti.r".to_owned(),
                wall("2026-11-03 09:05:00"),
                Connected,
                None
            ),
            (
                "budi.s".to_owned(),
                wall("2026-11-03 09:40:00"),
                NoAnswer,
                Some(0.0)
            ),
            (
                "budi.s".to_owned(),
                wall("2026-11-03 09:50:00"),
                Connected,
                Some(30.0)
            ),
        ]
    );
    assert_eq!(
        warnings(&f),
        [
            r#"calls_broken.csv: 1 talk_seconds cell(s) could not be read as a duration and were left empty (first at line 4: "abc")"#
        ]
    );
    assert_eq!(f.samples[0][4], "multi\nline note");
    assert_eq!(f.samples[3][4], "bad date");
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let f = parse("x.csv", b"agent,started_at\nBud\xffi,2026-11-03 09:00\n");
    assert_eq!(f.rows, 1);
    assert_eq!(
        f.data.strings.resolve(f.data.calls.agent[0]),
        "Bud\u{fffd}i"
    );
    assert_eq!(f.warnings.len(), 1);
    assert!(warnings(&f)[0].starts_with("x.csv: 1 row(s) held bytes that are not UTF-8"));
}

#[test]
fn file_errors() {
    let opts = ParseOptions::default();
    let forced = |kind| ParseOptions {
        kind: Some(kind),
        ..ParseOptions::default()
    };
    #[rustfmt::skip]
    let cases: [(&[u8], ParseOptions, FileError); 5] = [
        (b"", opts.clone(), FileError::Empty { name: "f.csv".into(), }),
        (b"\n\n ,, \n", opts.clone(), FileError::Empty { name: "f.csv".into(), }),
        (b"foo,bar\n1,2\n", opts.clone(), FileError::UnknownKind { name: "f.csv".into(), headers: vec!["foo".into(), "bar".into()], header_count: 2, gaps: vec![
            KindGap { kind: FileKind::Calls, missing: vec!["agent", "started_at"] },
            KindGap { kind: FileKind::Deals, missing: vec!["agent", "amount"] },
            KindGap { kind: FileKind::Leads, missing: vec!["lead_id or phone", "created_at"] },
        ] }),
        (b"agent,amount\na,1\n", forced(FileKind::Calls), FileError::MissingFields { name: "f.csv".into(), kind: FileKind::Calls, fields: vec!["started_at"], }),
        (b"agent,date\na,2026-11-01\n", forced(FileKind::Leads), FileError::MissingFields { name: "f.csv".into(), kind: FileKind::Leads, fields: vec!["lead_id or phone"], }),
    ];
    for (bytes, options, want) in cases {
        assert_eq!(parse_bytes("f.csv", bytes, &options).err(), Some(want));
    }
    let e = parse_bytes("f.csv", b"agent,amount\na,1\n", &forced(FileKind::Calls))
        .err()
        .map(|e| file_error(&e, Lang::En));
    assert_eq!(
        e.as_deref(),
        Some("f.csv: read as calls, but no column for the required field(s): started_at")
    );
}

#[test]
fn kind_detection_and_overrides() {
    // Ties go calls, deals, leads, roster, campaigns; the most mapped fields win.
    #[rustfmt::skip]
    let cases: [(&str, FileKind); 6] = [
        ("agent,date\na,2026-11-01\n", FileKind::Calls),
        ("agent,date,amount\na,2026-11-01,5\n", FileKind::Deals),
        ("id,date\nx,2026-11-01\n", FileKind::Leads),
        ("agent,team\na,t\n", FileKind::Roster),
        ("name,start,end\np,2026-11-01,2026-11-02\n", FileKind::Campaigns),
        ("1762300000|NONE|NONE|NONE|QUEUESTART|\n", FileKind::QueueLog),
    ];
    for (input, kind) in cases {
        let f = parse("f.csv", input.as_bytes());
        assert_eq!(f.kind, kind, "{input}");
    }
    // A forced kind and a user mapping.
    let mut mapping = telesales_kpi::domain::ingest::ColumnMapping::for_kind(FileKind::Calls);
    mapping.set("agent", Some(1));
    mapping.set("started_at", Some(0));
    let options = ParseOptions {
        mapping: Some(mapping),
        day_first: Some(false),
        ..ParseOptions::default()
    };
    let f = parse_bytes("f.csv", b"when,who\n03/11/2026,x\n", &options).expect("mapped");
    assert_eq!((f.kind, f.rows, f.day_first), (FileKind::Calls, 1, false));
    assert_eq!(f.data.calls.started_at, [wall("2026-03-11 00:00:00")]);
}

#[test]
fn queue_log_huge_epochs_are_malformed_lines() {
    // Found by the fuzzer: an epoch beyond any date overflowed.
    let input = b"1762300000|NONE|NONE|NONE|QUEUESTART|\n176230010062300100.1|x|q|NONE|ENTERQUEUE||0812|1\n";
    let f = parse("queue_log", input);
    assert_eq!(
        (f.kind, f.rows, f.skipped, error_lines(&f)),
        (FileKind::QueueLog, 0, 1, vec![2])
    );
}

#[test]
fn a_headerless_cdr_keeps_its_first_leg_when_the_mapping_is_applied_again() {
    let bytes = include_bytes!("fixtures/ingest/cdr16.csv");
    let first = parse("Master.csv", bytes);
    let options = ParseOptions {
        kind: Some(FileKind::AsteriskCdr),
        mapping: Some(first.mapping.clone()),
        ..ParseOptions::default()
    };
    let again = parse_bytes("Master.csv", bytes, &options).expect("re-applied");
    assert_eq!((again.rows, again.skipped), (first.rows, first.skipped));
    assert_eq!(calls(&again), calls(&first));
    assert!(again.headers.is_empty());
}
