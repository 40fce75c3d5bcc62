//! A deterministic synthetic data generator: the demo data of the page and
//! of `telesales-kpi demo` ([`demo_files`]), and large inputs for benchmarks
//! and tests. Pure and seeded (a `SplitMix64` sequence), so the same inputs
//! always give the same bytes, natively and on wasm.

mod demo;
mod rng;

use std::fmt::Write as _;

pub use demo::{demo_files, demo_months, DEMO_AGENTS};

use crate::domain::model::time::Day;
use rng::Rng;

/// Benchmark agents: (login, display name, team, PBX extension).
const AGENTS: [(&str, &str, &str, &str); 7] = [
    ("budi.s", "Budi Santoso", "Jakarta", "1001"),
    ("siti.r", "Siti Rahmawati", "Jakarta", "1002"),
    ("agus.w", "Agus Wijaya", "Jakarta", "1003"),
    ("dewi.l", "Dewi Lestari", "Bandung", "1004"),
    ("rina.k", "Rina Kusuma", "Bandung", "1005"),
    ("eko.p", "Eko Prasetyo", "Surabaya", "1006"),
    ("putri.a", "Putri Anggraini", "Surabaya", "1007"),
];

/// A civil date (year, month, day).
type Ymd = (i32, u32, u32);

/// Benchmark campaigns: (name, first day, last day).
const CAMPAIGNS: [(&str, Ymd, Ymd); 3] = [
    ("Promo Oktober", (2026, 10, 1), (2026, 10, 31)),
    ("Harbolnas 11.11", (2026, 11, 5), (2026, 11, 15)),
    ("Akhir Tahun", (2026, 11, 20), (2026, 11, 30)),
];

const STATUSES: [(&str, u32); 5] = [
    ("connected", 62),
    ("no_answer", 22),
    ("busy", 7),
    ("voicemail", 6),
    ("failed", 3),
];

fn first_day() -> Day {
    Day::from_ymd(2026, 10, 1).unwrap_or(Day(20_727))
}

fn day_of((y, m, d): (i32, u32, u32)) -> Day {
    Day::from_ymd(y, m, d).unwrap_or_else(first_day)
}

/// `YYYY-MM-DD HH:MM:SS` of a timestamp.
pub(crate) fn iso(ts: i64) -> String {
    let day = Day::of(ts);
    let secs = (ts - day.start()) / 1000;
    format!(
        "{day} {:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A working-hours time (08:00–17:00) on a weekday among `days` days from `from`.
fn work_time(rng: &mut Rng, from: Day, days: u64) -> i64 {
    loop {
        let day = from.plus(rng.below(days) as i32);
        if day.weekday() < 5 || rng.chance(0.1) {
            return day.start() + (8 * 3600 + rng.below(9 * 3600) as i64) * 1000;
        }
    }
}

fn phone_of(lead: u64) -> String {
    format!("62812{:08}", lead * 7919 % 100_000_000)
}

fn campaign_at(ts: i64) -> &'static str {
    let day = Day::of(ts);
    CAMPAIGNS
        .iter()
        .find(|(_, s, e)| day >= day_of(*s) && day <= day_of(*e))
        .map_or("", |c| c.0)
}

fn weighted<'a>(rng: &mut Rng, items: &'a [(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut n = rng.below(u64::from(total)) as u32;
    for (word, w) in items {
        if n < *w {
            return word;
        }
        n -= w;
    }
    items.first().map_or("", |i| i.0)
}

/// A canonical calls file: comma, ISO dates, plain numbers (about 90 bytes a row).
pub fn canonical_calls_csv(rows: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(rows * 96 + 128);
    out.push_str("call_id,agent,started_at,direction,status,wait_seconds,talk_seconds,lead_id,phone,campaign,callback\n");
    let start = first_day();
    for i in 0..rows {
        let ts = work_time(&mut rng, start, 61);
        let status = weighted(&mut rng, &STATUSES);
        let talk = if status == "connected" {
            60 + rng.below(500)
        } else {
            0
        };
        let lead = rng.below(50_000);
        let _ = writeln!(
            out,
            "C{i:07},{},{},{},{status},{},{talk},L{lead:05},{},{},{}",
            rng.pick(&AGENTS).0,
            iso(ts),
            if rng.chance(0.1) {
                "inbound"
            } else {
                "outbound"
            },
            rng.below(40),
            phone_of(lead),
            campaign_at(ts),
            rng.below(2)
        );
    }
    out.into_bytes()
}

/// A messy calls file: `;` delimiter, Indonesian headers, `DD/MM/YYYY HH:MM`
/// dates, `M:SS` durations, quoted fields, local phone formats.
pub fn messy_calls_csv(rows: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(rows * 110 + 128);
    out.push_str("ID Panggilan;Nama Agen;Tanggal;Arah;Hasil;Waktu Tunggu;Durasi Bicara;ID Pelanggan;No Telepon;Kampanye\r\n");
    let words = [
        ("Tersambung", 62),
        ("Tidak Dijawab", 22),
        ("Sibuk", 7),
        ("Gagal", 6),
        ("Voicemail", 3),
    ];
    let start = first_day();
    for i in 0..rows {
        let ts = work_time(&mut rng, start, 61);
        let day = Day::of(ts);
        let (y, m, d) = day.ymd();
        let secs = (ts - day.start()) / 1000;
        let status = weighted(&mut rng, &words);
        let talk = if status == "Tersambung" {
            60 + rng.below(500)
        } else {
            0
        };
        let lead = rng.below(50_000);
        let agent = rng.pick(&AGENTS).1;
        let _ = write!(
            out,
            "{i};\"{agent}\";{d:02}/{m:02}/{y} {:02}:{:02};{};{status};0:{:02};{}:{:02};L{lead:05};\"0812-{:04}-{:04}\";\"{}\"\r\n",
            secs / 3600,
            secs / 60 % 60,
            if rng.chance(0.1) { "Masuk" } else { "Keluar" },
            rng.below(40),
            talk / 60,
            talk % 60,
            lead % 10_000,
            lead * 7 % 10_000,
            campaign_at(ts),
        );
    }
    out.into_bytes()
}
