//! The exports people have (DATA.md §1, §2, §6): one small fixture per system,
//! written in the shape of that system's export, decoded whole; every call or
//! deal compared, one line per row, computed by hand from DATA.md.

use telesales_kpi::domain::ingest::{parse_bytes, FileKind, ParseOptions, ParsedFile};
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::model::{CallStatus, CustomerType, Direction, Stage, Sym};
use telesales_kpi::present::diagnostics::warning;
use telesales_kpi::present::i18n::Lang;

use CallStatus::{Abandoned, Busy, Connected, Failed, NoAnswer, Other, Voicemail};
use Direction::{Inbound, Outbound};
use Stage::{Lost, Open, Won};

/// Wall time of `YYYY-MM-DD HH:MM[:SS]`.
fn wall(text: &str) -> i64 {
    let (date, time) = text.split_once(' ').unwrap_or((text, "00:00"));
    let day = Day::parse_iso(date).expect("test date");
    let mut secs = 0;
    let mut parts = 0;
    for part in time.split(':') {
        secs = secs * 60 + part.parse::<i64>().expect("test time");
        parts += 1;
    }
    if parts == 2 {
        secs *= 60;
    }
    day.start() + secs * 1000
}

fn parse(name: &str, bytes: &[u8]) -> ParsedFile {
    parse_bytes(name, bytes, &ParseOptions::default()).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn text(f: &ParsedFile, sym: Option<Sym>) -> Option<String> {
    sym.map(|s| f.data.strings.resolve(s).to_owned())
}

fn warnings(f: &ParsedFile) -> Vec<String> {
    f.warnings
        .iter()
        .map(|w| warning(&f.name, w, Lang::En))
        .collect()
}

/// A call: id, agent, start, direction, status, wait, talk, phone, callback.
type Call = (
    Option<String>,
    String,
    i64,
    Direction,
    CallStatus,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<bool>,
);

#[allow(clippy::too_many_arguments)]
fn c(
    id: Option<&str>,
    agent: &str,
    at: &str,
    dir: Direction,
    status: CallStatus,
    wait: Option<f64>,
    talk: Option<f64>,
    phone: Option<&str>,
    callback: Option<bool>,
) -> Call {
    (
        id.map(str::to_owned),
        agent.to_owned(),
        wall(at),
        dir,
        status,
        wait,
        talk,
        phone.map(str::to_owned),
        callback,
    )
}

fn calls(f: &ParsedFile) -> Vec<Call> {
    let t = &f.data.calls;
    (0..t.len())
        .map(|i| {
            let r = t.row(i);
            (
                text(f, r.call_id),
                f.data.strings.resolve(r.agent).to_owned(),
                r.started_at,
                r.direction,
                r.status,
                r.wait.secs(),
                r.talk.secs(),
                text(f, r.phone),
                r.callback,
            )
        })
        .collect()
}

/// A deal: id, agent, created, closed, stage, amount, customer type, phone.
type Deal = (
    Option<String>,
    String,
    Option<i64>,
    Option<i64>,
    Stage,
    f64,
    Option<CustomerType>,
    Option<String>,
);

#[allow(clippy::too_many_arguments)]
fn d(
    id: Option<&str>,
    agent: &str,
    created: Option<&str>,
    closed: Option<&str>,
    stage: Stage,
    amount: f64,
    kind: Option<CustomerType>,
    phone: Option<&str>,
) -> Deal {
    (
        id.map(str::to_owned),
        agent.to_owned(),
        created.map(wall),
        closed.map(wall),
        stage,
        amount,
        kind,
        phone.map(str::to_owned),
    )
}

fn deals(f: &ParsedFile) -> Vec<Deal> {
    let t = &f.data.deals;
    (0..t.len())
        .map(|i| {
            (
                text(f, t.deal_id[i]),
                f.data.strings.resolve(t.agent[i]).to_owned(),
                t.created_at[i],
                t.closed_at[i],
                t.stage[i],
                t.amount[i],
                t.customer_type[i],
                text(f, t.phone[i]),
            )
        })
        .collect()
}

const UN: &str = "(unassigned)";

/// A CDR export: file name, bytes, legs used, calls, warnings.
type CdrCase = (
    &'static str,
    &'static [u8],
    usize,
    Vec<Call>,
    Vec<&'static str>,
);

/// A CRM export: file name, bytes, deals.
type CrmCase = (&'static str, &'static [u8], Vec<Deal>);

#[test]
#[rustfmt::skip]
fn pbx_cdr_exports() {
    let cases: [CdrCase; 6] = [
        // Grandstream UCM: plain-English headers, no lastapp column (no leg is
        // skipped by it), legs grouped by Session, H:MM:SS times.
        ("grandstream_cdr.csv", include_bytes!("fixtures/ingest/grandstream_cdr.csv"), 4, vec![
            c(Some("1762135200.1"), "1001", "2026-11-03 09:00:00", Outbound, Connected, Some(10.0), Some(240.0), Some("6281234567890"), None),
            c(Some("1762138800.3"), "1002", "2026-11-03 10:00:00", Inbound, Connected, Some(15.0), Some(300.0), Some("6281298765432"), None),
            c(Some("1762142400.6"), "6000", "2026-11-03 11:00:00", Inbound, Abandoned, Some(30.0), Some(0.0), Some("6281211112222"), None),
        ], vec![]),
        // Issabel/Elastix: "Duration" is the talk time (billsec), the file has no duration.
        ("issabel_cdr.csv", include_bytes!("fixtures/ingest/issabel_cdr.csv"), 3, vec![
            c(Some("2"), "1001", "2026-11-04 08:30:00", Outbound, Connected, None, Some(125.0), Some("6281234567890"), None),
            c(Some("3"), "1002", "2026-11-04 09:00:00", Inbound, Connected, None, Some(125.0), Some("6281277778888"), None),
            c(Some("4"), "600", "2026-11-04 09:30:00", Inbound, Abandoned, None, Some(0.0), Some("6281233334444"), None),
        ], vec!["issabel_cdr.csv: 1 internal call leg(s) skipped, both ends being extensions (first at line 5)"]),
        // FreePBX CDR Reports: loose quotes (`""Budi" <1001>"`), a queue call
        // answered by an agent leg, a voicemail leg skipped.
        ("freepbx_cdr.csv", include_bytes!("fixtures/ingest/freepbx_cdr.csv"), 3, vec![
            c(Some("1762308000.1"), "1001", "2026-11-05 09:00:00", Outbound, Connected, Some(10.0), Some(60.0), Some("6281234567890"), None),
            c(Some("1762308300.2"), "1002", "2026-11-05 09:05:00", Inbound, Connected, Some(10.0), Some(30.0), Some("6281277778888"), None),
        ], vec!["freepbx_cdr.csv: 1 CDR leg(s) skipped because lastapp is not Dial or Queue (voicemail, IVR, Hangup…; first at line 5: \"VoiceMailMain\")"]),
        // A MySQL `cdr` table dump: tabs, `NULL` cells.
        ("mysql_cdr.tsv", include_bytes!("fixtures/ingest/mysql_cdr.tsv"), 3, vec![
            c(Some("1762390800.10"), "1001", "2026-11-06 08:00:00", Outbound, Connected, Some(15.0), Some(80.0), Some("6281299990000"), None),
            c(Some("1762391400.12"), "1002", "2026-11-06 08:10:00", Inbound, Abandoned, Some(20.0), Some(0.0), Some("6281288887777"), None),
            c(Some("1762392000.13"), "1002", "2026-11-06 08:20:00", Outbound, Busy, None, Some(0.0), Some("6281266665555"), None),
        ], vec![]),
        // Asterisk cdr_custom, 14 fields (up to disposition): each row its own call.
        ("Master.csv", include_bytes!("fixtures/ingest/cdr_custom14.csv"), 2, vec![
            c(Some("1"), "1001", "2026-11-07 09:00:00", Outbound, Connected, Some(12.0), Some(180.0), Some("6281234567890"), None),
            c(Some("2"), "1002", "2026-11-07 10:00:00", Inbound, Abandoned, Some(25.0), Some(0.0), Some("6281211110000"), None),
        ], vec![]),
        // cdr_custom, 19 fields: uniqueid names the call; a queue leg without agent.
        ("Master.csv", include_bytes!("fixtures/ingest/cdr_custom19.csv"), 2, vec![
            c(Some("1762480800.1"), "1001", "2026-11-07 09:00:00", Outbound, Connected, Some(12.0), Some(180.0), Some("6281234567890"), None),
            c(Some("1762484400.2"), UN, "2026-11-07 10:00:00", Inbound, Abandoned, Some(25.0), Some(0.0), Some("6281211110000"), None),
        ], vec![]),
    ];
    for (name, bytes, legs, want, want_warnings) in cases {
        let f = parse(name, bytes);
        assert_eq!((f.kind, f.rows, f.skipped), (FileKind::AsteriskCdr, legs, 0), "{name}: {:?}", f.errors);
        assert_eq!(calls(&f), want, "{name}");
        assert_eq!(warnings(&f), want_warnings, "{name}");
    }
}

#[test]
fn cdr_layouts_are_told_apart() {
    let custom = parse(
        "Master.csv",
        include_bytes!("fixtures/ingest/cdr_custom14.csv"),
    );
    assert!(custom.headers.is_empty());
    assert_eq!(
        (custom.mapping.get("start"), custom.mapping.get("billsec")),
        (Some(8), Some(12))
    );
    let issabel = parse(
        "issabel.csv",
        include_bytes!("fixtures/ingest/issabel_cdr.csv"),
    );
    assert_eq!(
        (
            issabel.mapping.get("billsec"),
            issabel.mapping.get("duration"),
            issabel.mapping.get("lastapp")
        ),
        (Some(8), None, None)
    );
    let grandstream = parse(
        "ucm.csv",
        include_bytes!("fixtures/ingest/grandstream_cdr.csv"),
    );
    #[rustfmt::skip]
    assert_eq!(
        ["src", "dst", "channel", "dstchannel", "start", "duration", "billsec", "disposition", "linkedid"].map(|f| grandstream.mapping.get(f)),
        [Some(2), Some(3), Some(4), Some(5), Some(0), Some(6), Some(7), Some(8), Some(9)]
    );
}

#[test]
#[rustfmt::skip]
fn vicidial_call_export() {
    let f = parse("vicidial_calls.csv", include_bytes!("fixtures/ingest/vicidial_calls.csv"));
    assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Calls, 10, 0));
    let want = vec![
        c(None, "6001", "2026-11-09 09:00:01", Outbound, Connected, None, Some(245.0), Some("6281234500001"), None),
        c(None, "6001", "2026-11-09 09:05:00", Outbound, NoAnswer, None, Some(0.0), Some("6281234500002"), None),
        c(None, "6002", "2026-11-09 09:06:00", Outbound, Busy, None, Some(0.0), Some("6281234500003"), None),
        c(None, "6002", "2026-11-09 09:07:00", Outbound, Failed, None, Some(0.0), Some("6281234500004"), None),
        c(None, UN, "2026-11-09 09:08:00", Outbound, Voicemail, None, Some(0.0), Some("6281234500005"), None),
        c(None, UN, "2026-11-09 09:09:00", Outbound, Abandoned, None, Some(0.0), Some("6281234500006"), None),
        c(None, "6001", "2026-11-09 09:10:00", Outbound, Connected, None, Some(95.0), Some("6281234500007"), Some(true)),
        c(None, "6002", "2026-11-09 09:11:00", Outbound, Connected, None, Some(60.0), Some("6281234500008"), None),
        c(None, "6002", "2026-11-09 09:12:00", Outbound, Other, None, Some(0.0), Some("6281234500009"), None),
        c(None, UN, "2026-11-09 09:13:00", Outbound, Abandoned, None, Some(0.0), Some("6281234500010"), None),
    ];
    assert_eq!(calls(&f), want);
    let t = &f.data.calls;
    assert_eq!(text(&f, t.campaign[0]).as_deref(), Some("PROMO"));
    assert_eq!(text(&f, t.lead_id[9]).as_deref(), Some("50010"));
    assert_eq!(warnings(&f), ["vicidial_calls.csv: unknown status \"ZZZ\" in 1 row(s) (first at line 10), counted as other"]);
}

#[test]
#[rustfmt::skip]
fn crm_deal_exports() {
    use CustomerType::{Existing, New};
    let cases: [CrmCase; 4] = [
        ("hubspot_deals.csv", include_bytes!("fixtures/ingest/hubspot_deals.csv"), vec![
            d(Some("9001"), "Budi Santoso", Some("2026-11-01 09:00"), Some("2026-11-10 14:30"), Won, 1_250_000.0, Some(New), None),
            d(Some("9002"), "Siti Rahma", Some("2026-11-02 09:00"), Some("2026-11-11 10:00"), Lost, 850_000.0, Some(Existing), None),
            // Open, no amount: stays an opportunity; its close date is an expected one.
            d(Some("9003"), "Budi Santoso", Some("2026-11-05 11:00"), Some("2026-12-15 00:00"), Open, 0.0, Some(New), None),
        ]),
        // Salesforce: month-first dates (11/13/2026), US amounts.
        ("salesforce_opportunities.csv", include_bytes!("fixtures/ingest/salesforce_opportunities.csv"), vec![
            d(None, "Budi Santoso", Some("2026-11-01"), Some("2026-11-13"), Won, 1250.5, Some(New), None),
            d(None, "Siti Rahma", Some("2026-11-02"), Some("2026-11-10"), Lost, 850.0, Some(Existing), None),
            d(None, "Budi Santoso", Some("2026-11-25"), Some("2026-12-20"), Open, 2000.0, Some(New), None),
        ]),
        // Pipedrive: `Deal - Status` outranks `Deal - Stage` (row 3 is open though
        // its stage is called "Won"); `Person - Phone` is matched as `Phone`.
        ("pipedrive_deals.csv", include_bytes!("fixtures/ingest/pipedrive_deals.csv"), vec![
            d(Some("71"), "Budi Santoso", Some("2026-11-01 09:00"), Some("2026-11-12 15:00"), Won, 1_250_000.0, None, Some("6281211112222")),
            d(Some("72"), "Siti Rahma", Some("2026-11-02 10:00"), Some("2026-11-13 11:00"), Lost, 850_000.0, None, Some("6281333334444")),
            d(Some("73"), "Budi Santoso", Some("2026-11-20 08:00"), None, Open, 2_000_000.0, None, None),
        ]),
        // A sales-pipeline sheet: `20-10-16` is 20 October 2016 (day first, yy ≤ 69 → 20yy).
        ("sales_pipeline.csv", include_bytes!("fixtures/ingest/sales_pipeline.csv"), vec![
            d(Some("1C1I7A6R"), "Moses Frase", Some("2016-10-20"), Some("2017-03-01"), Won, 1054.0, None, None),
            d(Some("Z063OYW0"), "Darcel Schlecht", Some("2016-10-25"), Some("2017-03-13"), Won, 4514.0, None, None),
            d(Some("EC4QE1BX"), "Darcel Schlecht", Some("2016-11-05"), Some("2017-03-14"), Lost, 0.0, None, None),
            d(Some("MV1LWRNH"), "Moses Frase", Some("2017-01-06"), None, Open, 0.0, None, None),
            d(Some("PE84CX4O"), "Zane Levy", None, None, Open, 0.0, None, None),
        ]),
    ];
    for (name, bytes, want) in cases {
        let f = parse(name, bytes);
        assert_eq!((f.kind, f.rows, f.skipped), (FileKind::Deals, want.len(), 0), "{name}: {:?}", f.errors);
        assert_eq!(deals(&f), want, "{name}");
        assert!(f.warnings.is_empty(), "{name}: {:?}", warnings(&f));
    }
}
