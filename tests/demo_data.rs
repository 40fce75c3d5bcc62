//! The demo data: its shape (three whole months, 12 agents in 3 teams, call
//! volumes, hours, talk times, response times) and its numbers, pinned.
//!
//! The pinned numbers were computed independently of the engine by
//! `tests/demo_check.py` (plain Python `csv`, KPIS.md applied directly) over
//! the files that `telesales-kpi demo DIR --today 2026-11-15` writes:
//!
//! ```sh
//! cargo run --release --bin telesales-kpi -- demo /tmp/demo --today 2026-11-15
//! python3 tests/demo_check.py /tmp/demo 2026-11-01 2026-11-30 2026-10-01 2026-10-31
//! ```
//!
//! November 2026 is the page's default period for these files (the month of
//! the latest dated record); its previous period is October.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;
use telesales_kpi::domain::kpi::Period;
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::synth::{demo_files, demo_months, DEMO_AGENTS};

fn day(text: &str) -> Day {
    Day::parse_iso(text).expect("date")
}

/// `(kpi or kpi.extra, value in November, value in October)` from
/// `demo_check.py`, pasted as it prints them (hence no digit separators).
#[allow(clippy::unreadable_literal)]
#[rustfmt::skip]
const PINNED: [(&str, f64, f64); 23] = [
    ("average_purchase_value", 935014.5867098866, 894950.4792332269),
    ("revenue_per_call", 22501.03358165295, 20771.903155240816),
    ("incremental_sales", 73624000.0, 55837000.0),
    ("incremental_sales.lift", 0.31340831112662504, 0.25111871663526014),
    ("sales_opportunities", 2103.0, 2208.0),
    ("sales_opportunities.per_week", 40.891666666666666, 41.54838709677419),
    ("call_connection_rate", 0.6164046959709817, 0.6123243483741797),
    ("upselling_rate", 0.28038897893030795, 0.24281150159744408),
    ("average_response_time", 12445.789596273293, 13733.056875449964),
    ("average_response_time.within_2h", 0.7942546583850931, 0.7760979121670266),
    ("average_response_time.uncontacted", 76.0, 77.0),
    ("opportunity_win_ratio", 0.3301230604601391, 0.32999472851871375),
    ("profit_margin", 0.22435795210294954, 0.22602139444058697),
    ("lead_conversion_rate", 0.15835777126099707, 0.20122783083219645),
    ("lead_conversion_rate.avg_days_to_convert", 6.579029438871749, 8.775457156308851),
    ("call_abandonment_rate", 0.04908453447604207, 0.05543237250554324),
    ("monthly_sales", 576904000.0, 560239000.0),
    ("monthly_sales.attainment", 1.1538079999999995, 1.1204780000000003),
    ("monthly_sales.transactions", 617.0, 626.0),
    ("outbound_calls_per_day", 85.46333333333334, 83.24382716049382),
    ("average_talk_time", 281.6744313510551, 280.093387866394),
    ("average_talk_time.under_2min", 0.1513839408057002, 0.1537412825756384),
    ("callback_rate", 0.20757439837747182, 0.20459011530903562),
];

/// Writes the demo for `today` into a fresh folder and returns its files.
fn write_demo(today: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!(
        "telesales-kpi-demo-test-{today}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_telesales-kpi"))
        .args(["demo", dir.to_str().expect("utf-8 path"), "--today", today])
        .output()
        .expect("run telesales-kpi demo");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn report(files: &[String], extra: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_telesales-kpi"))
        .arg("report")
        .args(files)
        .args(extra)
        .output()
        .expect("run telesales-kpi report");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn close(got: Option<f64>, want: f64, what: &str) {
    let got = got.unwrap_or_else(|| panic!("{what}: null"));
    assert!(
        (got - want).abs() <= 1e-9 * want.abs().max(1.0),
        "{what}: {got} vs {want}"
    );
}

#[test]
fn the_report_over_the_demo_is_pinned() {
    let files = write_demo("2026-11-15");
    let all = report(&files, &[]);
    assert_eq!(all["period"]["from"], "2026-09-01");
    assert_eq!(all["period"]["to"], "2026-11-30");
    let default = Period {
        from: day("2026-09-01"),
        to: day("2026-11-30"),
    }
    .latest_month();
    assert_eq!(
        default,
        Period {
            from: day("2026-11-01"),
            to: day("2026-11-30")
        }
    );
    let r = report(&files, &["--from", "2026-11-01", "--to", "2026-11-30"]);
    for (key, now, before) in PINNED {
        let (kpi, extra) = key
            .split_once('.')
            .map_or((key, None), |(k, e)| (k, Some(e)));
        let obj = &r["kpis"][kpi];
        if let Some(e) = extra {
            close(obj[e].as_f64(), now, key);
        } else {
            close(obj["value"].as_f64(), now, key);
            close(obj["previous"].as_f64(), before, &format!("{key} previous"));
        }
    }
    // Every card shows a previous value, and some agents meet their targets
    // while others miss them.
    let mut mixed = 0;
    for kpi in r["kpis"].as_object().expect("kpis").keys() {
        assert!(
            r["kpis"][kpi]["previous"].is_f64(),
            "{kpi} has a previous value"
        );
        let statuses: BTreeSet<&str> = r["agents"]
            .as_object()
            .expect("agents")
            .values()
            .filter_map(|a| a[kpi]["status"].as_str())
            .collect();
        if statuses.contains("met") && statuses.contains("missed") {
            mixed += 1;
        }
    }
    assert!(
        mixed >= 10,
        "only {mixed} KPIs have both met and missed agents"
    );
}

#[test]
fn the_demo_is_deterministic_per_month_and_follows_today() {
    let a = demo_files(day("2026-11-15"));
    assert_eq!(a, demo_files(day("2026-11-01")));
    assert_ne!(a, demo_files(day("2026-12-01")));
    assert_eq!(
        demo_months(day("2026-11-15")),
        (day("2026-09-01"), day("2026-11-30"))
    );
    let size: usize = a.iter().map(|f| f.1.len()).sum();
    assert!(size < 8_000_000, "demo is {size} bytes");
}

/// The calls file as (agent, `started_at`, direction, status, talk seconds).
fn calls(today: &str) -> Vec<(String, String, String, String, f64)> {
    let files = demo_files(day(today));
    let text = String::from_utf8(files[3].1.clone()).expect("utf-8");
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (
                f[1].into(),
                f[2].into(),
                f[3].into(),
                f[4].into(),
                f[6].parse().unwrap_or(0.0),
            )
        })
        .collect()
}

#[test]
fn the_demo_looks_like_a_real_floor() {
    let roster: BTreeMap<&str, &str> = DEMO_AGENTS.iter().map(|a| (a.login, a.team)).collect();
    assert_eq!(roster.len(), 12);
    assert_eq!(roster.values().collect::<BTreeSet<_>>().len(), 3);
    let calls = calls("2026-11-15");
    let first = calls.iter().map(|c| &c.1[..10]).min().expect("calls");
    let last = calls.iter().map(|c| &c.1[..10]).max().expect("calls");
    assert!(
        first.starts_with("2026-09-0") && last.starts_with("2026-11-30"),
        "{first} {last}"
    );
    // Outbound calls per agent and day: 60–120 on weekdays, fewer on
    // Saturdays, none on Sundays.
    let mut per_day: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for c in calls.iter().filter(|c| c.2 == "out") {
        *per_day.entry((c.0.as_str(), &c.1[..10])).or_default() += 1;
    }
    for ((agent, date), n) in &per_day {
        match day(date).weekday() {
            0..=4 => assert!((60..=125).contains(n), "{agent} {date}: {n}"),
            5 => assert!((20..=60).contains(n), "{agent} {date} (Saturday): {n}"),
            _ => panic!("{agent} calls on Sunday {date}"),
        }
    }
    // Connection rate by hour: low at 08 and at lunch, high mid-morning.
    let rate = |hour: &str| {
        let at: Vec<_> = calls
            .iter()
            .filter(|c| c.2 == "out" && &c.1[11..13] == hour)
            .collect();
        at.iter().filter(|c| c.3 == "connected").count() as f64 / at.len() as f64
    };
    assert!(
        rate("10") - rate("12") > 0.12,
        "10h {} vs 12h {}",
        rate("10"),
        rate("12")
    );
    assert!(
        rate("10") - rate("08") > 0.08,
        "10h {} vs 08h {}",
        rate("10"),
        rate("08")
    );
    // Talk times: skewed, about 15 % under two minutes.
    let talks: Vec<f64> = calls
        .iter()
        .filter(|c| c.3 == "connected")
        .map(|c| c.4)
        .collect();
    let under = talks.iter().filter(|t| **t < 120.0).count() as f64 / talks.len() as f64;
    assert!((0.12..0.18).contains(&under), "under 2 min: {under}");
    let mean = talks.iter().sum::<f64>() / talks.len() as f64;
    let mut sorted = talks.clone();
    sorted.sort_by(f64::total_cmp);
    assert!(
        mean > sorted[sorted.len() / 2] * 1.1,
        "mean {mean} above the median"
    );
    // Inbound queue: abandonment between 3 % and 8 %.
    let inbound: Vec<_> = calls.iter().filter(|c| c.2 == "in").collect();
    let abandoned = inbound.iter().filter(|c| c.3 == "abandoned").count() as f64;
    let share = abandoned / inbound.len() as f64;
    assert!((0.03..0.08).contains(&share), "abandonment {share}");
}

#[test]
fn response_times_run_from_minutes_to_days() {
    let files = write_demo("2026-11-15");
    let leads = std::fs::read_to_string(&files[2]).expect("leads");
    let calls = std::fs::read_to_string(&files[3]).expect("calls");
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    for line in calls.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[3] == "out" && f[7].starts_with('L') {
            first.entry(f[7]).or_insert(f[2]);
        }
    }
    let seconds = |a: &str, b: &str| {
        let t = |s: &str| {
            i64::from(day(&s[..10]).0) * 86_400
                + s[11..13].parse::<i64>().unwrap_or(0) * 3600
                + s[14..16].parse::<i64>().unwrap_or(0) * 60
                + s[17..19].parse::<i64>().unwrap_or(0)
        };
        t(b) - t(a)
    };
    let responses: Vec<i64> = leads
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            first.get(f[0]).map(|at| seconds(f[2], at))
        })
        .collect();
    assert!(responses.iter().all(|r| *r >= 0));
    assert!(responses.iter().any(|r| *r < 5 * 60), "some within minutes");
    assert!(responses.iter().any(|r| *r > 86_400), "some after a day");
}
