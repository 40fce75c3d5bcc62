//! Table-driven tests of the cell parsers: one line per case.

use telesales_kpi::domain::ingest::value::boolean::parse_bool;
use telesales_kpi::domain::ingest::value::duration::parse_duration;
use telesales_kpi::domain::ingest::value::money::{parse_money, Strength};
use telesales_kpi::domain::ingest::value::phone::normalise_phone;
use telesales_kpi::domain::ingest::value::timestamp::{parse_timestamp, DateOrder};
use telesales_kpi::domain::ingest::value::vocab;
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::model::{CallStatus, CustomerType, Direction, LeadStatus, Stage};

/// Wall time of a civil date and time, in ms.
fn wall(y: i32, mo: u32, d: u32, h: i64, mi: i64, s: i64) -> i64 {
    Day::from_ymd(y, mo, d).expect("valid test date").start() + ((h * 60 + mi) * 60 + s) * 1000
}

/// text, dot-decimal reading, comma-decimal reading, evidence (strength, decimal comma)
type MoneyCase = (
    &'static str,
    Option<f64>,
    Option<f64>,
    Option<(Strength, bool)>,
);

/// text, reading day-first, reading month-first, evidence
type StampCase = (&'static str, Option<i64>, Option<i64>, Option<DateOrder>);

#[test]
fn money() {
    #[rustfmt::skip]
    let cases: [MoneyCase; 22] = [
        ("850000", Some(850_000.0), Some(850_000.0), None),
        ("850000.50", Some(850_000.5), None, Some((Strength::Pattern, false))),
        ("Rp850.000", Some(850.0), Some(850_000.0), Some((Strength::SingleGroup, true))),
        ("Rp 1.250.000,00", None, Some(1_250_000.0), Some((Strength::BothSeparators, true))),
        ("IDR 850,000", Some(850_000.0), Some(850.0), Some((Strength::SingleGroup, false))),
        ("1,250,000.00", Some(1_250_000.0), None, Some((Strength::BothSeparators, false))),
        ("1.250.000", None, Some(1_250_000.0), Some((Strength::Pattern, true))),
        ("850.50", Some(850.5), None, Some((Strength::Pattern, false))),
        ("850,5", None, Some(850.5), Some((Strength::Pattern, true))),
        ("(500)", Some(-500.0), Some(-500.0), None),
        ("-500", Some(-500.0), Some(-500.0), None),
        ("Rp -1.500", Some(-1.5), Some(-1500.0), Some((Strength::SingleGroup, true))),
        ("-Rp 2.000.000", None, Some(-2_000_000.0), Some((Strength::Pattern, true))),
        ("$300.50", Some(300.5), None, Some((Strength::Pattern, false))),
        ("300 USD", Some(300.0), Some(300.0), None),
        ("€12,5", None, Some(12.5), Some((Strength::Pattern, true))),
        ("0.500", Some(0.5), None, Some((Strength::Pattern, false))),
        ("rp 5", Some(5.0), Some(5.0), None),
        ("abc", None, None, None),
        ("", None, None, None),
        ("1.2.3", None, None, None),
        ("--5", None, None, None),
    ];
    for (text, dot, comma, evidence) in cases {
        let got = parse_money(text);
        let got_values = got.map(|c| (c.dot, c.comma));
        let want_values = (dot.is_some() || comma.is_some()).then_some((dot, comma));
        assert_eq!(got_values, want_values, "{text}");
        let got_evidence = got
            .and_then(|c| c.evidence)
            .map(|e| (e.strength, e.decimal_comma));
        if got.is_some() {
            assert_eq!(got_evidence, evidence, "{text}");
        }
    }
}

#[test]
fn timestamps() {
    let fixed = |y, mo, d, h, mi, s| Some(wall(y, mo, d, h, mi, s));
    #[rustfmt::skip]
    let cases: [StampCase; 34] = [
        ("2026-11-03T09:15:00", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 11, 3, 9, 15, 0), None),
        ("2026-11-03 09:15", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 11, 3, 9, 15, 0), None),
        ("2026-11-03 09:15:07.250", Some(wall(2026, 11, 3, 9, 15, 7) + 250), Some(wall(2026, 11, 3, 9, 15, 7) + 250), None),
        ("2026/11/03", fixed(2026, 11, 3, 0, 0, 0), fixed(2026, 11, 3, 0, 0, 0), None),
        ("2026-11-03", fixed(2026, 11, 3, 0, 0, 0), fixed(2026, 11, 3, 0, 0, 0), None),
        ("03/11/2026 09:15", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 3, 11, 9, 15, 0), None),
        ("03/11/2026 09:15:30", fixed(2026, 11, 3, 9, 15, 30), fixed(2026, 3, 11, 9, 15, 30), None),
        ("25/11/2026", fixed(2026, 11, 25, 0, 0, 0), None, Some(DateOrder::DayFirst)),
        ("11/25/2026 8:05", None, fixed(2026, 11, 25, 8, 5, 0), Some(DateOrder::MonthFirst)),
        ("03-11-2026", fixed(2026, 11, 3, 0, 0, 0), fixed(2026, 3, 11, 0, 0, 0), None),
        ("2026-11-03T02:15:00Z", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 11, 3, 9, 15, 0), None),
        ("2026-11-03T09:15:00+07:00", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 11, 3, 9, 15, 0), None),
        ("2026-11-03 04:15:00+02:00", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 11, 3, 9, 15, 0), None),
        ("2026-11-02T20:15:00-0600", fixed(2026, 11, 3, 9, 15, 0), fixed(2026, 11, 3, 9, 15, 0), None),
        ("1793664000", fixed(2026, 11, 3, 7, 0, 0), fixed(2026, 11, 3, 7, 0, 0), None),
        ("1793664000500", Some(wall(2026, 11, 3, 7, 0, 0) + 500), Some(wall(2026, 11, 3, 7, 0, 0) + 500), None),
        ("03/11/26", fixed(2026, 11, 3, 0, 0, 0), fixed(2026, 3, 11, 0, 0, 0), None),
        ("20-10-16", fixed(2016, 10, 20, 0, 0, 0), None, Some(DateOrder::DayFirst)),
        ("01.02.69 10:00", fixed(2069, 2, 1, 10, 0, 0), fixed(2069, 1, 2, 10, 0, 0), None),
        ("01.02.70 10:00", fixed(1970, 2, 1, 10, 0, 0), fixed(1970, 1, 2, 10, 0, 0), None),
        ("03.11.2026", fixed(2026, 11, 3, 0, 0, 0), fixed(2026, 3, 11, 0, 0, 0), None),
        ("1/9/2017 6:33", fixed(2017, 9, 1, 6, 33, 0), fixed(2017, 1, 9, 6, 33, 0), None),
        ("13/11/2026 12:15 AM", fixed(2026, 11, 13, 0, 15, 0), None, Some(DateOrder::DayFirst)),
        ("13/11/2026 12:15 PM", fixed(2026, 11, 13, 12, 15, 0), None, Some(DateOrder::DayFirst)),
        ("13/11/2026 1:05:09pm", fixed(2026, 11, 13, 13, 5, 9), None, Some(DateOrder::DayFirst)),
        ("11/13/2026 11:59AM", None, fixed(2026, 11, 13, 11, 59, 0), Some(DateOrder::MonthFirst)),
        ("2026-11-03 9:15 PM", fixed(2026, 11, 3, 21, 15, 0), fixed(2026, 11, 3, 21, 15, 0), None),
        ("13/11/2026 13:15 PM", None, None, None),
        ("13/11/2026 0:15 AM", None, None, None),
        ("26-11-03", fixed(2003, 11, 26, 0, 0, 0), None, Some(DateOrder::DayFirst)),
        ("2026-02-30", None, None, None),
        ("2026-11-03 25:00", None, None, None),
        ("31/31/2026", None, None, None),
        ("yesterday", None, None, None),
    ];
    for (text, day_first, month_first, evidence) in cases {
        let stamp = parse_timestamp(text, 420);
        assert_eq!(
            stamp.and_then(|s| s.resolve(DateOrder::DayFirst)),
            day_first,
            "{text} day first"
        );
        assert_eq!(
            stamp.and_then(|s| s.resolve(DateOrder::MonthFirst)),
            month_first,
            "{text} month first"
        );
        assert_eq!(
            stamp.and_then(|s| s.evidence()),
            evidence,
            "{text} evidence"
        );
    }
}

#[test]
fn durations() {
    #[rustfmt::skip]
    let cases: [(&str, Option<f64>); 28] = [
        ("245", Some(245.0)),
        ("245.5", Some(245.5)),
        ("245,5", Some(245.5)),
        ("4:05", Some(245.0)),
        ("04:05", Some(245.0)),
        ("1:02:03", Some(3723.0)),
        ("0:00:07.5", Some(7.5)),
        (" 0 ", Some(0.0)),
        ("4:65", None),
        ("-5", None),
        ("1:2", None),
        ("abc", None),
        ("2m 5s", Some(125.0)),
        ("2m5s", Some(125.0)),
        ("1h 2m 3s", Some(3723.0)),
        ("1H 2M 3S", Some(3723.0)),
        ("45s", Some(45.0)),
        ("1h", Some(3600.0)),
        ("1h 3s", Some(3603.0)),
        ("2 m 5 s", Some(125.0)),
        ("2.5s", Some(2.5)),
        ("125s (2m 5s)", Some(125.0)),
        ("0:02:05 (125s)", Some(125.0)),
        ("125 (2:05)", Some(125.0)),
        ("(2m 5s)", None),
        ("5s 2m", None),
        ("2m 5", None),
        ("10 sec", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_duration(text), want, "{text}");
    }
}

#[test]
fn booleans() {
    #[rustfmt::skip]
    let cases = [
        ("1", Some(true)),
        ("0", Some(false)),
        ("TRUE", Some(true)),
        ("false", Some(false)),
        ("Yes", Some(true)),
        ("no", Some(false)),
        ("y", Some(true)),
        ("N", Some(false)),
        ("ya", Some(true)),
        ("Tidak", Some(false)),
        ("benar", Some(true)),
        ("salah", Some(false)),
        ("maybe", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_bool(text), want, "{text}");
    }
}

#[test]
fn phones() {
    #[rustfmt::skip]
    let cases = [
        ("0812-3456-789", Some("628123456789")),
        ("+62 812 3456 789", Some("628123456789")),
        ("0062 812 3456", Some("628123456")),
        ("(021) 555-1234", Some("62215551234")),
        ("628123", Some("628123")),
        ("n/a", None),
    ];
    for (text, want) in cases {
        let mut out = String::new();
        let ok = normalise_phone(text, "62", &mut out);
        assert_eq!(ok.then_some(out.as_str()), want, "{text}");
    }
}

#[test]
fn call_statuses() {
    #[rustfmt::skip]
    let cases = [
        ("Connected", Some(CallStatus::Connected)),
        ("ANSWERED", Some(CallStatus::Connected)),
        ("Tersambung", Some(CallStatus::Connected)),
        ("No Answer", Some(CallStatus::NoAnswer)),
        ("no_answer", Some(CallStatus::NoAnswer)),
        ("Tidak Diangkat", Some(CallStatus::NoAnswer)),
        ("busy", Some(CallStatus::Busy)),
        ("Sibuk", Some(CallStatus::Busy)),
        ("CONGESTION", Some(CallStatus::Failed)),
        ("cancelled", Some(CallStatus::Failed)),
        ("Answering-Machine", Some(CallStatus::Voicemail)),
        ("hangup", Some(CallStatus::Abandoned)),
        ("callback later", None),
        // VICIdial's codes, by family.
        ("SALE", Some(CallStatus::Connected)),
        ("NI", Some(CallStatus::Connected)),
        ("NP", Some(CallStatus::Connected)),
        ("DEC", Some(CallStatus::Connected)),
        ("DNC", Some(CallStatus::Connected)),
        ("XFER", Some(CallStatus::Connected)),
        ("RQXFER", Some(CallStatus::Connected)),
        ("CALLBK", Some(CallStatus::Connected)),
        ("NA", Some(CallStatus::NoAnswer)),
        ("N", Some(CallStatus::NoAnswer)),
        ("B", Some(CallStatus::Busy)),
        ("AB", Some(CallStatus::Busy)),
        ("CPDB", Some(CallStatus::Busy)),
        ("DC", Some(CallStatus::Failed)),
        ("ADC", Some(CallStatus::Failed)),
        ("ADCT", Some(CallStatus::Failed)),
        ("AFAX", Some(CallStatus::Failed)),
        ("A", Some(CallStatus::Voicemail)),
        ("AA", Some(CallStatus::Voicemail)),
        ("AL", Some(CallStatus::Voicemail)),
        ("AMDXFR", Some(CallStatus::Voicemail)),
        ("left voicemail", Some(CallStatus::Voicemail)),
        ("DROP", Some(CallStatus::Abandoned)),
        ("XDROP", Some(CallStatus::Abandoned)),
        ("PDROP", Some(CallStatus::Abandoned)),
        ("TIMEOT", Some(CallStatus::Abandoned)),
        ("NANQUE", Some(CallStatus::Abandoned)),
        ("ZZZ", None),
    ];
    for (text, want) in cases {
        assert_eq!(vocab::call_status(text), want, "{text}");
    }
    // `callbk` and `callback` set the callback flag; nothing else does.
    #[rustfmt::skip]
    let flags = [("CALLBK", true), ("callback", true), ("Call-Back", true), ("SALE", false), ("NA", false)];
    for (text, want) in flags {
        assert_eq!(
            vocab::call_status_word(text).map(|(_, f)| f),
            Some(want),
            "{text}"
        );
    }
    // VICIdial's "no agent".
    #[rustfmt::skip]
    let placeholders = [("VDAD", true), ("vdcl", true), ("VDADX", false), ("6001", false)];
    for (agent, want) in placeholders {
        assert_eq!(vocab::is_dialer_placeholder(agent), want, "{agent}");
    }
}

#[test]
fn vicidial_placeholders_are_unassigned() {
    let f = telesales_kpi::domain::ingest::parse_bytes(
        "v.csv",
        b"user,call_date,status
VDAD,2026-11-09 09:00,DROP
6001,2026-11-09 09:01,CALLBK
",
        &telesales_kpi::domain::ingest::ParseOptions::default(),
    )
    .expect("calls");
    let agents: Vec<&str> = f
        .data
        .calls
        .agent
        .iter()
        .map(|s| f.data.strings.resolve(*s))
        .collect();
    assert_eq!(agents, ["(unassigned)", "6001"]);
    assert_eq!(
        (0..2).map(|i| f.data.calls.callback(i)).collect::<Vec<_>>(),
        [None, Some(true)]
    );
}

#[test]
fn directions_stages_and_types() {
    let directions = [
        ("Outbound", Some(Direction::Outbound)),
        ("keluar", Some(Direction::Outbound)),
        ("O", Some(Direction::Outbound)),
        ("incoming", Some(Direction::Inbound)),
        ("Masuk", Some(Direction::Inbound)),
        ("sideways", None),
    ];
    for (text, want) in directions {
        assert_eq!(vocab::direction(text), want, "{text}");
    }
    let stages = [
        ("Closed Won", Stage::Won),
        ("lunas", Stage::Won),
        ("Closed-Lost", Stage::Lost),
        ("batal", Stage::Lost),
        ("negotiation", Stage::Open),
        ("", Stage::Open),
    ];
    for (text, want) in stages {
        assert_eq!(vocab::stage(text), want, "{text}");
    }
    let lead_statuses = [
        ("SQL", LeadStatus::Qualified),
        ("prospek", LeadStatus::Qualified),
        ("Closed Won", LeadStatus::Converted),
        ("pelanggan", LeadStatus::Converted),
        ("new", LeadStatus::Open),
    ];
    for (text, want) in lead_statuses {
        assert_eq!(vocab::lead_status(text), want, "{text}");
    }
    let types = [
        ("new", Some(CustomerType::New)),
        ("Baru", Some(CustomerType::New)),
        ("yes", Some(CustomerType::New)),
        ("returning", Some(CustomerType::Existing)),
        ("lama", Some(CustomerType::Existing)),
        ("0", Some(CustomerType::Existing)),
        ("New Business", Some(CustomerType::New)),
        ("Existing Business", Some(CustomerType::Existing)),
        ("vip", None),
    ];
    for (text, want) in types {
        assert_eq!(vocab::customer_type(text), want, "{text}");
    }
}

#[test]
fn header_matching() {
    use telesales_kpi::domain::ingest::mapping::header_key;
    #[rustfmt::skip]
    let cases = [
        // Trailing units are dropped.
        ("Amount (IDR)", "amount"),
        ("Durasi [detik]", "durasi"),
        ("Deal Value, $", "dealvalue"),
        ("Talk Time (s)", "talktime"),
        ("(IDR)", "(idr)"),
        // `X - Y`: the whole text when it is an alias of some kind, else `Y`.
        ("Deal - Value", "dealvalue"),
        ("Deal - Status", "dealstatus"),
        ("Deal - Stage", "dealstage"),
        ("Deal - Owner", "dealowner"),
        ("Person - Phone", "phone"),
        ("Deal - Deal created", "dealcreated"),
        ("Deal - Deal closed on", "dealclosedon"),
        ("Deal - Won time", "wontime"),
        ("Deal - Value (IDR)", "dealvalue"),
        ("Organization - Name", "name"),
        ("Deal-Value", "dealvalue"),
        ("Deal -Value", "dealvalue"),
        (" - Value", "value"),
        // Normalisation: case, spaces, `_`, `-`, `.`, `/`.
        ("Dest. Channel", "destchannel"),
        ("Call_Date", "calldate"),
        ("Src. Channel", "srcchannel"),
    ];
    for (header, want) in cases {
        assert_eq!(header_key(header), want, "{header}");
    }
}

#[test]
fn deal_status_outranks_deal_stage() {
    use telesales_kpi::domain::ingest::{ColumnMapping, FileKind};
    let headers = [
        "Deal - Stage",
        "Deal - Owner",
        "Deal - Status",
        "Deal - Value",
    ]
    .map(String::from);
    let m = ColumnMapping::from_headers(FileKind::Deals, &headers);
    assert_eq!(
        (m.get("stage"), m.get("agent"), m.get("amount")),
        (Some(2), Some(1), Some(3))
    );
}
