//! The demo data: a telesales floor a manager recognises. Three whole
//! calendar months ending with the month of "today" (given by the caller: the
//! domain never reads the clock), 12 agents in 3 teams, two campaigns with a
//! visible lift, an inbound queue with a realistic abandonment rate.
//!
//! What the simulation does, day by day:
//! - **Leads** arrive mostly in office hours (some in the evening and on
//!   Sundays); 94 % get a first call from their agent, minutes to hours later
//!   in office hours, the next working morning otherwise: response times from
//!   minutes to days.
//! - **Outbound calls**: 60–120 per agent on a weekday (each agent has a pace),
//!   under half of that on a Saturday morning, none on Sundays; the connection
//!   rate follows the hour of the day (low early and at lunch); talk times are
//!   skewed (median about 3.8 minutes, about 15 % under 2 minutes, a long tail).
//! - **Opportunities** open on some connected calls; some are won a few days
//!   later (more of them during a campaign), some lost, some still open.
//! - **Inbound queue calls**: about 100 a weekday, abandoned more often at the
//!   busy hours (about 5–6 %).
//!
//! Agents differ in pace, connection, talk time, conversion, ticket size,
//! margin, upselling, response speed and callbacks, so some meet the preset
//! targets and some miss them. The months drift slightly (the team improves),
//! so every card has a previous value and a change. Only `+ − × ÷` and
//! rounding touch floats: native and wasm draw the same bytes.

use std::fmt::Write as _;

use super::iso;
use super::rng::Rng;
use crate::domain::model::time::{Day, DAY_MS};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 3_600_000;

/// One demo agent: roster fields (public) and how the agent works (private).
#[derive(Clone, Copy, Debug)]
pub struct DemoAgent {
    /// Login, the `agent` of every record.
    pub login: &'static str,
    /// Display name (roster).
    pub name: &'static str,
    /// Roster team.
    pub team: &'static str,
    /// PBX extension (a roster alias).
    pub extension: &'static str,
    /// Mean outbound calls on a weekday.
    pace: f64,
    /// Factor on the hour's connection rate.
    connect: f64,
    /// Factor on talk times.
    talk: f64,
    /// Chance that a connected call opens an opportunity.
    opportunity: f64,
    /// Chance that an opportunity is won.
    win: f64,
    /// Chance that a won deal has an upsell.
    upsell: f64,
    /// Factor on the delay of a first contact.
    response: f64,
    /// Cost as a share of the amount.
    cost: f64,
    /// Chance that an outbound call gets a callback.
    callback: f64,
    /// Factor on the price list.
    ticket: f64,
}

macro_rules! agent {
    ($login:literal, $name:literal, $team:literal, $ext:literal,
     $pace:literal, $connect:literal, $talk:literal, $opp:literal, $win:literal,
     $upsell:literal, $resp:literal, $cost:literal, $cb:literal, $ticket:literal) => {
        DemoAgent {
            login: $login,
            name: $name,
            team: $team,
            extension: $ext,
            pace: $pace,
            connect: $connect,
            talk: $talk,
            opportunity: $opp,
            win: $win,
            upsell: $upsell,
            response: $resp,
            cost: $cost,
            callback: $cb,
            ticket: $ticket,
        }
    };
}

/// The 12 demo agents, 4 per team (Jakarta, Bandung, Surabaya).
#[rustfmt::skip]
pub const DEMO_AGENTS: [DemoAgent; 12] = [
    //     login       name               team        ext    pace  conn  talk  opp   win   ups   resp  cost  cb    ticket
    agent!("budi.s",   "Budi Santoso",    "Jakarta",  "1001", 112.0, 1.08, 1.05, 0.129, 0.299, 0.30, 0.6, 0.76, 0.24, 0.85),
    agent!("siti.r",   "Siti Rahmawati",  "Jakarta",  "1002",  96.0, 1.02, 1.20, 0.138, 0.273, 0.27, 0.8, 0.78, 0.22, 0.80),
    agent!("agus.w",   "Agus Wijaya",     "Jakarta",  "1003",  78.0, 0.90, 0.85, 0.101, 0.211, 0.18, 1.9, 0.83, 0.15, 0.70),
    agent!("maya.h",   "Maya Hidayat",    "Jakarta",  "1004", 104.0, 1.00, 1.38, 0.120, 0.255, 0.24, 1.0, 0.80, 0.20, 0.92),
    agent!("dewi.l",   "Dewi Lestari",    "Bandung",  "1005", 118.0, 1.10, 0.95, 0.147, 0.317, 0.33, 0.5, 0.74, 0.26, 0.78),
    agent!("rina.k",   "Rina Kusuma",     "Bandung",  "1006",  88.0, 0.96, 1.10, 0.110, 0.238, 0.22, 1.3, 0.79, 0.19, 0.88),
    agent!("fajar.n",  "Fajar Nugroho",   "Bandung",  "1007",  70.0, 0.88, 0.78, 0.092, 0.194, 0.16, 2.2, 0.85, 0.13, 0.68),
    agent!("intan.p",  "Intan Permata",   "Bandung",  "1008", 100.0, 1.04, 1.15, 0.129, 0.282, 0.28, 0.7, 0.77, 0.23, 0.95),
    agent!("eko.p",    "Eko Prasetyo",    "Surabaya", "1009",  92.0, 0.98, 1.00, 0.120, 0.264, 0.26, 1.1, 0.81, 0.21, 0.82),
    agent!("putri.a",  "Putri Anggraini", "Surabaya", "1010", 108.0, 1.06, 1.25, 0.138, 0.290, 0.31, 0.6, 0.75, 0.25, 0.90),
    agent!("hendra.g", "Hendra Gunawan",  "Surabaya", "1011",  64.0, 0.92, 0.90, 0.101, 0.220, 0.20, 1.6, 0.82, 0.16, 0.74),
    agent!("lina.m",   "Lina Marlina",    "Surabaya", "1012",  84.0, 0.95, 1.08, 0.110, 0.246, 0.23, 1.2, 0.79, 0.18, 0.86),
];

/// Outbound/inbound call weights of the office hours 08–16 (lunch dip at 12).
const HOUR_WEIGHTS: [u32; 9] = [8, 12, 12, 11, 5, 9, 11, 11, 9];
/// Saturday: 08–11 only.
const SATURDAY_HOURS: usize = 4;
/// Connection rate of outbound calls by hour (08–16).
const HOUR_CONNECT: [f64; 9] = [0.52, 0.63, 0.67, 0.64, 0.46, 0.56, 0.64, 0.67, 0.58];
/// Abandonment rate of queue calls by hour (08–16): highest at the busy hours.
const HOUR_ABANDON: [f64; 9] = [
    0.033, 0.047, 0.071, 0.062, 0.038, 0.043, 0.066, 0.062, 0.038,
];
/// The team improves a little from month to month (first, second, third).
const MONTH_PACE: [f64; 3] = [0.97, 1.0, 1.02];
const MONTH_CONNECT: [f64; 3] = [0.97, 0.99, 1.01];
const MONTH_ABANDON: [f64; 3] = [1.2, 1.05, 0.92];
const MONTH_RESPONSE: [f64; 3] = [1.15, 1.0, 0.9];
/// Not-connected outcomes: no answer, busy, voicemail, failed.
const MISSED_STATUSES: [(&str, u32); 4] = [
    ("no_answer", 58),
    ("busy", 14),
    ("voicemail", 20),
    ("failed", 8),
];
/// Talk seconds of a connected call (quantiles): 15 % under 2 minutes,
/// median 3.8 minutes, mean about 4.5 minutes, a tail to 25 minutes.
const TALK_SECONDS: [(f64, f64); 14] = [
    (0.0, 8.0),
    (0.05, 45.0),
    (0.10, 85.0),
    (0.15, 120.0),
    (0.25, 160.0),
    (0.40, 200.0),
    (0.50, 228.0),
    (0.60, 262.0),
    (0.70, 305.0),
    (0.80, 365.0),
    (0.90, 470.0),
    (0.95, 580.0),
    (0.99, 900.0),
    (1.0, 1500.0),
];
/// Minutes from a lead's arrival (in office hours) to its first call.
const RESPONSE_MINUTES: [(f64, f64); 10] = [
    (0.0, 1.0),
    (0.2, 5.0),
    (0.4, 12.0),
    (0.5, 18.0),
    (0.6, 27.0),
    (0.7, 40.0),
    (0.8, 65.0),
    (0.9, 120.0),
    (0.95, 200.0),
    (1.0, 420.0),
];
/// Seconds a queue caller waits before an agent answers.
const ANSWER_WAIT: [(f64, f64); 5] = [
    (0.0, 2.0),
    (0.5, 14.0),
    (0.8, 30.0),
    (0.95, 60.0),
    (1.0, 150.0),
];
/// Seconds a queue caller waits before hanging up.
const ABANDON_WAIT: [(f64, f64); 4] = [(0.0, 5.0), (0.5, 40.0), (0.9, 110.0), (1.0, 240.0)];
/// Days from an opportunity to its win.
const WON_DAYS: [(f64, f64); 5] = [(0.0, 0.02), (0.4, 0.3), (0.7, 2.0), (0.9, 5.0), (1.0, 12.0)];
/// Days from an opportunity to its loss.
const LOST_DAYS: [(f64, f64); 4] = [(0.0, 0.2), (0.5, 3.0), (0.9, 9.0), (1.0, 20.0)];
/// The price list (Rupiah) and how often each product sells.
const PRICES: [(u64, u32); 6] = [
    (349_000, 14),
    (599_000, 22),
    (849_000, 26),
    (1_249_000, 20),
    (1_799_000, 12),
    (2_499_000, 6),
];
/// Campaign effect on opportunities and on wins.
const CAMPAIGN_OPPORTUNITY: f64 = 1.15;
const CAMPAIGN_WIN: f64 = 1.12;
/// Size of the existing-customer list that calls also go to.
const CUSTOMERS: u64 = 30_000;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The first and last day of the demo: three whole calendar months, the last
/// one holding `today`.
///
/// ```
/// use telesales_kpi::domain::model::time::Day;
/// use telesales_kpi::domain::synth::demo_months;
/// let d = |s| Day::parse_iso(s).unwrap();
/// assert_eq!(demo_months(d("2026-11-15")), (d("2026-09-01"), d("2026-11-30")));
/// assert_eq!(demo_months(d("2027-02-01")), (d("2026-12-01"), d("2027-02-28")));
/// ```
pub fn demo_months(today: Day) -> (Day, Day) {
    let last = today
        .month_start()
        .plus(today.days_in_its_month() as i32 - 1);
    let first = today
        .month_start()
        .plus(-1)
        .month_start()
        .plus(-1)
        .month_start();
    (first, last)
}

/// The demo files for `today` (the page's "Load demo data" and `telesales-kpi
/// demo` write the same): roster, campaigns, leads, calls and deals in Rupiah
/// over the three months of [`demo_months`]. The same month always gives the
/// same bytes.
///
/// ```
/// use telesales_kpi::domain::model::time::Day;
/// use telesales_kpi::domain::synth::demo_files;
/// let today = Day::parse_iso("2026-11-15").unwrap();
/// let files = demo_files(today);
/// let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
/// assert_eq!(names, ["roster.csv", "campaigns.csv", "leads.csv", "calls.csv", "deals.csv"]);
/// assert_eq!(files, demo_files(Day::parse_iso("2026-11-02").unwrap()));
/// ```
pub fn demo_files(today: Day) -> Vec<(String, Vec<u8>)> {
    let (first, last) = demo_months(today);
    let world = World::simulate(first, last);
    vec![
        ("roster.csv".to_owned(), roster_csv().into_bytes()),
        (
            "campaigns.csv".to_owned(),
            world.campaigns_csv().into_bytes(),
        ),
        ("leads.csv".to_owned(), world.leads_csv().into_bytes()),
        ("calls.csv".to_owned(), world.calls_csv().into_bytes()),
        ("deals.csv".to_owned(), world.deals_csv().into_bytes()),
    ]
}

fn roster_csv() -> String {
    let mut out = String::from("agent,name,team,aliases\n");
    for a in &DEMO_AGENTS {
        let _ = writeln!(
            out,
            "{},{},{},\"{}|{}@contoh.co.id\"",
            a.login, a.name, a.team, a.extension, a.login
        );
    }
    out
}

/// Whom a call or a deal is with.
#[derive(Clone, Copy, Debug)]
enum Party {
    /// A lead of the leads file (by index).
    Lead(usize),
    /// A customer of the existing-customer list.
    Customer(u64),
    /// An inbound caller (a phone number).
    Caller(u64),
}

#[derive(Clone, Debug)]
struct Lead {
    created: i64,
    agent: usize,
    campaign: Option<usize>,
}

#[derive(Clone, Debug)]
struct Call {
    ts: i64,
    agent: usize,
    inbound: bool,
    status: &'static str,
    wait: Option<u32>,
    talk: u32,
    party: Party,
    campaign: Option<usize>,
    callback: bool,
}

#[derive(Clone, Debug)]
struct Deal {
    created: i64,
    closed: Option<i64>,
    agent: usize,
    stage: &'static str,
    amount: u64,
    cost: u64,
    upsell: bool,
    new_customer: bool,
    campaign: Option<usize>,
    party: Party,
}

#[derive(Clone, Debug)]
struct Campaign {
    name: String,
    start: Day,
    end: Day,
}

/// Everything the simulation produced.
struct World {
    campaigns: Vec<Campaign>,
    leads: Vec<Lead>,
    calls: Vec<Call>,
    deals: Vec<Deal>,
    /// The last second of the data.
    end_ts: i64,
    /// Lead index → its number in the leads file (leads are numbered in
    /// the order they arrived).
    lead_number: Vec<usize>,
}

/// The office hours of `day`: 08–17 on weekdays, 08–12 on Saturdays.
fn office(day: Day) -> Option<(i64, i64)> {
    match day.weekday() {
        0..=4 => Some((day.start() + 8 * HOUR, day.start() + 17 * HOUR)),
        5 => Some((day.start() + 8 * HOUR, day.start() + 12 * HOUR)),
        _ => None,
    }
}

/// `ts` itself when in office hours, else the start of the next office hours.
fn next_office_time(ts: i64) -> i64 {
    let mut day = Day::of(ts);
    loop {
        if let Some((start, end)) = office(day) {
            if ts < start {
                return start;
            }
            if ts < end {
                return ts;
            }
        }
        day = day.plus(1);
    }
}

fn round_thousand(v: f64) -> u64 {
    ((v / 1000.0).round().max(0.0) as u64) * 1000
}

impl World {
    fn simulate(first: Day, last: Day) -> World {
        let mut rng = Rng(0x5EED_DE30 ^ u64::from(first.0.unsigned_abs()));
        let m2 = first.plus(first.days_in_its_month() as i32);
        let m3 = m2.plus(m2.days_in_its_month() as i32);
        let name = |d: Day| MONTHS_ID[(d.ymd().1 - 1) as usize];
        let campaigns = vec![
            Campaign {
                name: format!("Promo Gajian {}", name(m2)),
                start: m2.plus(4),
                end: m2.plus(17),
            },
            Campaign {
                name: format!("Flash Sale {}", name(m3)),
                start: m3.plus(7),
                end: m3.plus(20),
            },
        ];
        let end_ts = last.plus(1).start() - 1000;
        let mut world = World {
            campaigns,
            leads: Vec::new(),
            calls: Vec::new(),
            deals: Vec::new(),
            end_ts,
            lead_number: Vec::new(),
        };
        let days = (last.0 - first.0 + 1) as usize;
        // First calls to leads, per (day, agent).
        let mut first_calls: Vec<Vec<(i64, usize)>> = vec![Vec::new(); days * DEMO_AGENTS.len()];
        // Leads each agent has called, in call order.
        let mut called: Vec<Vec<usize>> = vec![Vec::new(); DEMO_AGENTS.len()];
        for di in 0..days {
            let day = first.plus(di as i32);
            let month = usize::from(day >= m2) + usize::from(day >= m3);
            let campaign = world.campaign_on(day);
            for (a, agent) in DEMO_AGENTS.iter().enumerate() {
                let (lo, hi) = match day.weekday() {
                    0..=4 => (3, 7),
                    5 => (1, 3),
                    _ => (0, 1),
                };
                for _ in 0..rng.between(lo, hi) {
                    let created = lead_time(&mut rng, day);
                    let index = world.leads.len();
                    let factor = agent.response * MONTH_RESPONSE[month];
                    if let Some(t) = first_contact(&mut rng, created, factor, end_ts) {
                        let slot = (Day::of(t).0 - first.0) as usize * DEMO_AGENTS.len() + a;
                        first_calls[slot].push((t, index));
                    }
                    world.leads.push(Lead {
                        created,
                        agent: a,
                        campaign: campaign.filter(|_| rng.chance(0.55)),
                    });
                }
            }
            if office(day).is_none() {
                continue;
            }
            for a in 0..DEMO_AGENTS.len() {
                let firsts = std::mem::take(&mut first_calls[di * DEMO_AGENTS.len() + a]);
                world.outbound_day(&mut rng, day, month, a, firsts, &mut called[a]);
            }
            world.inbound_day(&mut rng, day, month);
        }
        world.calls.sort_by_key(|c| (c.ts, c.agent, c.inbound));
        world.deals.sort_by_key(|d| (d.created, d.agent));
        let mut order: Vec<usize> = (0..world.leads.len()).collect();
        order.sort_by_key(|&i| (world.leads[i].created, i));
        world.lead_number = vec![0; order.len()];
        for (number, &i) in order.iter().enumerate() {
            world.lead_number[i] = number;
        }
        world
    }

    /// The campaign running on `day`, if any.
    fn campaign_on(&self, day: Day) -> Option<usize> {
        self.campaigns
            .iter()
            .position(|c| c.start <= day && day <= c.end)
    }

    /// One agent's outbound calls of one working day, with the opportunities
    /// they open.
    fn outbound_day(
        &mut self,
        rng: &mut Rng,
        day: Day,
        month: usize,
        a: usize,
        firsts: Vec<(i64, usize)>,
        called: &mut Vec<usize>,
    ) {
        let agent = &DEMO_AGENTS[a];
        let saturday = day.weekday() == 5;
        let weekday_calls = (agent.pace * MONTH_PACE[month] * rng.uniform(0.85, 1.15))
            .round()
            .clamp(60.0, 120.0);
        let n = if saturday {
            (weekday_calls * 0.45).round() as usize
        } else {
            weekday_calls as usize
        };
        let hours = if saturday {
            SATURDAY_HOURS
        } else {
            HOUR_WEIGHTS.len()
        };
        let mut times: Vec<(i64, Option<usize>)> =
            firsts.into_iter().map(|(t, l)| (t, Some(l))).collect();
        while times.len() < n {
            times.push((office_time(rng, day, hours), None));
        }
        times.sort_unstable();
        let campaign = self.campaign_on(day);
        for (ts, first) in times {
            let party = match first {
                Some(lead) => {
                    called.push(lead);
                    Party::Lead(lead)
                }
                None if !called.is_empty() && rng.chance(0.55) => {
                    // A follow-up on one of the agent's recent leads, the
                    // most recent ones more often.
                    let recent = called.len().min(80) as u64;
                    let back = rng.below(recent).min(rng.below(recent)) as usize;
                    Party::Lead(called[called.len() - 1 - back])
                }
                None => Party::Customer(rng.below(CUSTOMERS)),
            };
            let hour = (((ts - day.start()) / HOUR) as usize)
                .saturating_sub(8)
                .min(8);
            let p = HOUR_CONNECT[hour] * agent.connect * MONTH_CONNECT[month]
                + if saturday { 0.03 } else { 0.0 };
            let connected = rng.chance(p);
            let status = if connected {
                "connected"
            } else {
                let weights = MISSED_STATUSES.map(|s| s.1);
                MISSED_STATUSES[rng.weighted(&weights)].0
            };
            let talk = if connected {
                (rng.quantile(&TALK_SECONDS) * agent.talk).round() as u32
            } else {
                0
            };
            let callback = rng.chance(agent.callback * if connected { 0.8 } else { 1.3 });
            self.calls.push(Call {
                ts,
                agent: a,
                inbound: false,
                status,
                wait: None,
                talk,
                party,
                campaign: campaign.filter(|_| rng.chance(0.45)),
                callback,
            });
            let boost = if campaign.is_some() {
                CAMPAIGN_OPPORTUNITY
            } else {
                1.0
            };
            if connected && rng.chance(agent.opportunity * boost) {
                let created = ts + i64::from(talk) * 1000 + rng.between(1, 15) as i64 * MINUTE;
                self.open_deal(rng, created, a, party);
            }
        }
    }

    /// An opportunity opened at `created`, won, lost or still open.
    fn open_deal(&mut self, rng: &mut Rng, created: i64, a: usize, party: Party) {
        let agent = &DEMO_AGENTS[a];
        let end_ts = self.end_ts;
        let campaign = self.campaign_on(Day::of(created));
        let win = agent.win
            * if campaign.is_some() {
                CAMPAIGN_WIN
            } else {
                1.0
            };
        let (mut stage, days) = if rng.chance(win) {
            ("won", Some(rng.quantile(&WON_DAYS)))
        } else if rng.chance(0.82) {
            ("lost", Some(rng.quantile(&LOST_DAYS)))
        } else {
            ("open", None)
        };
        // Deals are closed in office hours.
        let mut closed =
            days.map(|d| next_office_time(created + (d * DAY_MS as f64).round() as i64));
        if closed.is_some_and(|c| c > end_ts) {
            // Not decided yet when the export was taken.
            stage = "open";
            closed = None;
        }
        let weights = PRICES.map(|p| p.1);
        let price = PRICES[rng.weighted(&weights)].0 as f64;
        let mut amount = round_thousand(price * agent.ticket);
        let upsell = stage == "won" && rng.chance(agent.upsell);
        if upsell {
            amount += round_thousand(amount as f64 * rng.uniform(0.2, 0.4));
        }
        let cost = round_thousand(amount as f64 * (agent.cost + rng.uniform(-0.04, 0.04)));
        let new_customer = match party {
            Party::Lead(_) => rng.chance(0.8),
            _ => rng.chance(0.15),
        };
        self.deals.push(Deal {
            created,
            closed,
            agent: a,
            stage,
            amount,
            cost,
            upsell,
            new_customer,
            campaign: campaign.filter(|_| rng.chance(0.7)),
            party,
        });
    }

    /// The queue's inbound calls of one working day.
    fn inbound_day(&mut self, rng: &mut Rng, day: Day, month: usize) {
        let saturday = day.weekday() == 5;
        let (count, hours) = if saturday {
            (rng.between(35, 55), SATURDAY_HOURS)
        } else {
            (rng.between(95, 135), HOUR_WEIGHTS.len())
        };
        for _ in 0..count {
            let ts = office_time(rng, day, hours);
            let hour = (((ts - day.start()) / HOUR) as usize)
                .saturating_sub(8)
                .min(8);
            let abandoned = rng.chance(HOUR_ABANDON[hour] * MONTH_ABANDON[month]);
            let (status, wait, talk) = if abandoned {
                ("abandoned", rng.quantile(&ABANDON_WAIT), 0.0)
            } else {
                (
                    "connected",
                    rng.quantile(&ANSWER_WAIT),
                    rng.quantile(&TALK_SECONDS) * 0.85,
                )
            };
            self.calls.push(Call {
                ts,
                agent: rng.below(DEMO_AGENTS.len() as u64) as usize,
                inbound: true,
                status,
                wait: Some(wait.round() as u32),
                talk: talk.round() as u32,
                party: Party::Caller(rng.below(100_000_000)),
                campaign: None,
                callback: false,
            });
        }
    }

    fn campaign_name(&self, c: Option<usize>) -> &str {
        c.and_then(|i| self.campaigns.get(i))
            .map_or("", |c| c.name.as_str())
    }

    /// The `lead_id` and `phone` cells of a party.
    fn party_columns(&self, party: Party) -> (String, String) {
        match party {
            Party::Lead(l) => (format!("L{:05}", self.lead_number[l]), String::new()),
            Party::Customer(c) => (format!("K{c:05}"), String::new()),
            Party::Caller(p) => (String::new(), format!("62811{p:08}")),
        }
    }

    fn campaigns_csv(&self) -> String {
        let mut out = String::from("campaign,start,end\n");
        for c in &self.campaigns {
            let _ = writeln!(out, "{},{},{}", c.name, c.start, c.end);
        }
        out
    }

    fn leads_csv(&self) -> String {
        // What the deals did to each lead: qualified, converted (first win).
        let mut qualified = vec![false; self.leads.len()];
        let mut converted: Vec<Option<i64>> = vec![None; self.leads.len()];
        for d in &self.deals {
            if let Party::Lead(l) = d.party {
                qualified[l] = true;
                if d.stage == "won" {
                    converted[l] = match (converted[l], d.closed) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
            }
        }
        let mut order: Vec<usize> = (0..self.leads.len()).collect();
        order.sort_by_key(|&i| self.lead_number[i]);
        let mut out =
            String::from("lead_id,phone,created_at,agent,campaign,qualified,status,converted_at\n");
        for i in order {
            let lead = &self.leads[i];
            let status = match (converted[i], qualified[i]) {
                (Some(_), _) => "converted",
                (None, true) => "qualified",
                (None, false) => "open",
            };
            let _ = writeln!(
                out,
                "L{:05},62812{:08},{},{},{},{},{status},{}",
                self.lead_number[i],
                (self.lead_number[i] as u64 * 7919 + 12_345) % 100_000_000,
                iso(lead.created),
                DEMO_AGENTS[lead.agent].login,
                self.campaign_name(lead.campaign),
                u8::from(qualified[i]),
                converted[i].map(iso).unwrap_or_default(),
            );
        }
        out
    }

    fn calls_csv(&self) -> String {
        let mut out = String::with_capacity(self.calls.len() * 64 + 128);
        out.push_str(
            "call_id,agent,started_at,direction,status,wait_seconds,talk_seconds,lead_id,phone,campaign,callback\n",
        );
        for (i, c) in self.calls.iter().enumerate() {
            let (lead, phone) = self.party_columns(c.party);
            let _ = writeln!(
                out,
                "C{i:06},{},{},{},{},{},{},{lead},{phone},{},{}",
                DEMO_AGENTS[c.agent].login,
                iso(c.ts),
                if c.inbound { "in" } else { "out" },
                c.status,
                c.wait.map(|w| w.to_string()).unwrap_or_default(),
                c.talk,
                self.campaign_name(c.campaign),
                u8::from(c.callback),
            );
        }
        out
    }

    fn deals_csv(&self) -> String {
        let mut out = String::from(
            "deal_id,agent,created_at,closed_at,stage,amount,cost,upsell,customer_type,campaign,lead_id\n",
        );
        for (i, d) in self.deals.iter().enumerate() {
            let (lead, _) = self.party_columns(d.party);
            let _ = writeln!(
                out,
                "D{i:05},{},{},{},{},{},{},{},{},{},{lead}",
                DEMO_AGENTS[d.agent].login,
                iso(d.created),
                d.closed.map(iso).unwrap_or_default(),
                d.stage,
                d.amount,
                d.cost,
                u8::from(d.upsell),
                if d.new_customer { "new" } else { "existing" },
                self.campaign_name(d.campaign),
            );
        }
        out
    }
}

/// A call time on `day` within its first `hours` office hours.
fn office_time(rng: &mut Rng, day: Day, hours: usize) -> i64 {
    let hour = rng.weighted(&HOUR_WEIGHTS[..hours]) as i64 + 8;
    day.start() + hour * HOUR + rng.below(3600) as i64 * 1000
}

/// When a lead arrives on `day`: mostly in office hours, some in the
/// evening; any time of the day on Sundays.
fn lead_time(rng: &mut Rng, day: Day) -> i64 {
    let minute = rng.below(60) as i64 * MINUTE + rng.below(60) as i64 * 1000;
    let hours = if day.weekday() == 5 {
        SATURDAY_HOURS
    } else {
        HOUR_WEIGHTS.len()
    };
    let hour = if day.weekday() == 6 {
        rng.between(8, 20) as i64
    } else if rng.chance(0.94) {
        rng.weighted(&HOUR_WEIGHTS[..hours]) as i64 + 8
    } else {
        *rng.pick(&[7, 17, 18, 19, 20])
    };
    day.start() + hour * HOUR + minute
}

/// The first call to a lead that arrived at `created` (`None` for the 6 %
/// never called, or when it would fall after the data's end).
fn first_contact(rng: &mut Rng, created: i64, factor: f64, end_ts: i64) -> Option<i64> {
    if rng.chance(0.06) {
        return None;
    }
    let open = office(Day::of(created)).filter(|(s, e)| (*s..*e).contains(&created));
    let t = match open {
        Some((_, end)) => {
            let t = created + (rng.quantile(&RESPONSE_MINUTES) * factor * MINUTE as f64) as i64;
            if t < end {
                t
            } else {
                next_office_time(end) + (rng.uniform(5.0, 60.0) * factor * MINUTE as f64) as i64
            }
        }
        None => {
            next_office_time(created) + (rng.uniform(3.0, 75.0) * factor * MINUTE as f64) as i64
        }
    };
    (t <= end_ts).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_hours_skip_sundays_and_close_early_on_saturdays() {
        let d = |s| Day::parse_iso(s).unwrap();
        // 2026-11-14 is a Saturday, 2026-11-15 a Sunday.
        let saturday_noon = d("2026-11-14").start() + 12 * HOUR;
        assert_eq!(
            next_office_time(saturday_noon),
            d("2026-11-16").start() + 8 * HOUR
        );
        let friday_9 = d("2026-11-13").start() + 9 * HOUR;
        assert_eq!(next_office_time(friday_9), friday_9);
        assert_eq!(office(d("2026-11-15")), None);
    }
}
