//! A deterministic synthetic data generator: demo data for the page, inputs
//! for benchmarks and tests. Pure and seeded (a `SplitMix64` sequence), so the
//! same seed always gives the same bytes.

use std::fmt::Write as _;

use crate::domain::model::time::{Day, DAY_MS};

/// A `SplitMix64` pseudo-random sequence.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// `true` with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Demo agents: (login, display name, team, PBX extension).
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

/// Demo campaigns: (name, first day, last day).
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
fn iso(ts: i64) -> String {
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

/// The demo files the page's "Load demo data" button feeds through the
/// decoder: roster, campaigns, leads, calls (about 4,000 over two months)
/// and deals in Rupiah.
///
/// ```
/// let files = telesales_kpi::domain::synth::demo_files(2026);
/// assert_eq!(files.len(), 5);
/// assert_eq!(files, telesales_kpi::domain::synth::demo_files(2026));
/// ```
pub fn demo_files(seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng(seed);
    let start = first_day();
    let days: u64 = 61;
    let roster = roster_csv();
    let campaigns = campaigns_csv();
    let (leads, lead_info) = leads_csv(&mut rng, start, days);
    let calls = calls_csv(&mut rng, start, days, &lead_info);
    let deals = deals_csv(&mut rng, start, days, &lead_info);
    vec![
        ("roster.csv".to_owned(), roster.into_bytes()),
        ("campaigns.csv".to_owned(), campaigns.into_bytes()),
        ("leads.csv".to_owned(), leads.into_bytes()),
        ("calls.csv".to_owned(), calls.into_bytes()),
        ("deals.csv".to_owned(), deals.into_bytes()),
    ]
}

/// Leads and, for each, (created time, owner).
type LeadInfo = Vec<(i64, &'static str)>;

fn roster_csv() -> String {
    let mut roster = String::from("agent,name,team,aliases\n");
    for (login, name, team, ext) in AGENTS {
        let _ = writeln!(
            roster,
            "{login},{name},{team},\"{ext}|{login}@contoh.co.id\""
        );
    }
    roster
}

fn campaigns_csv() -> String {
    let mut campaigns = String::from("campaign,start,end\n");
    for (name, s, e) in CAMPAIGNS {
        let _ = writeln!(campaigns, "{name},{},{}", day_of(s), day_of(e));
    }
    campaigns
}

fn leads_csv(rng: &mut Rng, start: Day, days: u64) -> (String, LeadInfo) {
    // Leads, each owned by an agent.
    let lead_count = 900u64;
    let mut leads = String::from(
        "lead_id,phone,created_at,agent,campaign,first_contact_at,qualified,status,converted_at\n",
    );
    let mut lead_info = Vec::new();
    for i in 0..lead_count {
        let created = work_time(rng, start, days);
        let agent = rng.pick(&AGENTS).0;
        let contact = created + (60 + rng.below(4 * 3600) as i64) * 1000;
        let first = if rng.chance(0.6) {
            iso(contact)
        } else {
            String::new()
        };
        let (status, converted) = if rng.chance(0.18) {
            (
                "converted",
                iso(created + rng.below(10) as i64 * DAY_MS + 3_600_000),
            )
        } else if rng.chance(0.3) {
            ("qualified", String::new())
        } else {
            ("open", String::new())
        };
        let qualified = u8::from(status != "open");
        let _ = writeln!(
            leads,
            "L{i:05},{},{},{agent},{},{first},{qualified},{status},{converted}",
            phone_of(i),
            iso(created),
            campaign_at(created)
        );
        lead_info.push((created, agent));
    }
    (leads, lead_info)
}

fn calls_csv(rng: &mut Rng, start: Day, days: u64, lead_info: &LeadInfo) -> String {
    let lead_count = lead_info.len() as u64;
    // Calls: mostly outbound to leads, some inbound.
    let mut calls = String::from(
        "call_id,agent,started_at,direction,status,wait_seconds,talk_seconds,lead_id,phone,campaign,callback\n",
    );
    for i in 0..4200u64 {
        let lead = rng.below(lead_count);
        let (created, owner) = lead_info[lead as usize];
        let agent = if rng.chance(0.8) {
            owner
        } else {
            rng.pick(&AGENTS).0
        };
        let ts = created.max(work_time(rng, start, days)) + rng.below(3600) as i64 * 1000;
        let inbound = rng.chance(0.12);
        let (direction, status) = if inbound {
            (
                "inbound",
                if rng.chance(0.06) {
                    "abandoned"
                } else {
                    "connected"
                },
            )
        } else {
            ("outbound", weighted(rng, &STATUSES))
        };
        let talk = if status == "connected" {
            120 + rng.below(420)
        } else {
            0
        };
        let wait = if inbound {
            5 + rng.below(90)
        } else {
            8 + rng.below(25)
        };
        let callback = u8::from(status == "connected" && rng.chance(0.2));
        let _ = writeln!(
            calls,
            "C{i:06},{agent},{},{direction},{status},{wait},{talk},L{lead:05},{},{},{callback}",
            iso(ts),
            phone_of(lead),
            campaign_at(ts)
        );
    }
    calls
}

fn deals_csv(rng: &mut Rng, start: Day, days: u64, lead_info: &LeadInfo) -> String {
    let lead_count = lead_info.len() as u64;
    // Deals on a share of the leads.
    let mut deals = String::from(
        "deal_id,agent,created_at,closed_at,stage,amount,cost,upsell,customer_type,campaign,lead_id\n",
    );
    for i in 0..420u64 {
        let lead = rng.below(lead_count);
        let (created_lead, agent) = lead_info[lead as usize];
        let created = created_lead + rng.below(3 * DAY_MS as u64) as i64;
        let last = start.plus(days as i32).start() - 1000;
        let created = created.min(last);
        let closed = (created + rng.below(12 * DAY_MS as u64) as i64).min(last);
        let stage = weighted(rng, &[("won", 40), ("lost", 45), ("open", 15)]);
        let amount = (350 + rng.below(1300)) * 1000;
        let cost = amount * (60 + rng.below(25)) / 100;
        let closed_text = if stage == "open" {
            String::new()
        } else {
            iso(closed)
        };
        let upsell = u8::from(rng.chance(0.27));
        let customer = if rng.chance(0.55) { "new" } else { "existing" };
        let _ = writeln!(
            deals,
            "D{i:05},{agent},{},{closed_text},{stage},{amount},{cost},{upsell},{customer},{},L{lead:05}",
            iso(created),
            campaign_at(created)
        );
    }
    deals
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
