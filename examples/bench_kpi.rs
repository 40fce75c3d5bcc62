//! Times the KPI engine on a synthetic dataset of 1,000,000 calls, 100,000
//! deals and 200,000 leads built directly through the model's push methods.
//!
//! Run: `cargo run --profile bench-native --example bench_kpi`

use std::time::Instant;

use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::{Engine, Filter, Settings};
use telesales_kpi::domain::model::time::{Day, DAY_MS};
use telesales_kpi::domain::model::{
    CallRow, CallStatus, CustomerType, Dataset, DealRow, Direction, LeadRow, LeadStatus, Millis,
    RosterRow, Stage, Sym,
};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Calls, deals and leads: 1M / 100k / 200k, or a tenth with `BENCH_SMALL=1`
/// (for callgrind).
fn sizes() -> (usize, usize, usize) {
    if std::env::var_os("BENCH_SMALL").is_some() {
        (100_000, 10_000, 20_000)
    } else {
        (1_000_000, 100_000, 200_000)
    }
}
const AGENTS: usize = 60;
const DAYS: i64 = 365;

/// The texts rows are drawn from.
struct Pools {
    agents: Vec<Sym>,
    campaigns: Vec<Sym>,
    leads: Vec<Sym>,
    phones: Vec<Sym>,
    first: i64,
    /// Calls, deals and leads to make.
    sizes: (usize, usize, usize),
}

fn build() -> Dataset {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut d = Dataset::new();
    let sizes = sizes();
    let first = Day::parse_iso("2026-01-01").map_or(0, Day::start);
    let agents: Vec<Sym> = (0..AGENTS)
        .map(|i| d.strings.intern(&format!("agent{i:02}")))
        .collect();
    let campaigns: Vec<Sym> = (0..6)
        .map(|i| d.strings.intern(&format!("campaign{i}")))
        .collect();
    let leads: Vec<Sym> = (0..sizes.2)
        .map(|i| d.strings.intern(&format!("L{i}")))
        .collect();
    let phones: Vec<Sym> = (0..sizes.2)
        .map(|i| d.strings.intern(&format!("628{i:09}")))
        .collect();
    for (i, &a) in agents.iter().enumerate().take(50) {
        let team = d.strings.intern(if i % 2 == 0 { "North" } else { "South" });
        let alias = d.strings.intern(&format!("{}", 1000 + i));
        d.roster.rows.push(RosterRow {
            agent: a,
            name: None,
            team: Some(team),
            aliases: vec![alias],
        });
    }
    let pools = Pools {
        agents,
        campaigns,
        leads,
        phones,
        first,
        sizes,
    };
    build_calls(&mut d, &mut rng, &pools);
    build_deals(&mut d, &mut rng, &pools);
    build_leads(&mut d, &mut rng, &pools);
    d.loaded.calls = true;
    d.loaded.deals = true;
    d.loaded.leads = true;
    d.loaded.roster = true;
    d
}

fn build_calls(d: &mut Dataset, rng: &mut Rng, pools: &Pools) {
    let Pools {
        agents,
        campaigns,
        leads,
        phones,
        first,
        sizes: (n_calls, _, n_leads),
    } = pools;
    let first = *first;
    let unassigned = d.strings.intern("(unassigned)");
    for _ in 0..*n_calls {
        let lead = rng.below(*n_leads as u64) as usize;
        let inbound = rng.below(5) == 0;
        let status = match rng.below(10) {
            0..=4 => CallStatus::Connected,
            5 | 6 => CallStatus::NoAnswer,
            7 => CallStatus::Busy,
            8 if inbound => CallStatus::Abandoned,
            _ => CallStatus::Voicemail,
        };
        let agent = if rng.below(100) == 0 {
            unassigned
        } else {
            agents[rng.below(AGENTS as u64) as usize]
        };
        d.calls_mut().push(CallRow {
            call_id: None,
            agent,
            started_at: first + rng.below(DAYS as u64 * DAY_MS as u64) as i64,
            direction: if inbound {
                Direction::Inbound
            } else {
                Direction::Outbound
            },
            status,
            wait: Millis::from_ms(rng.below(120_000)),
            talk: if status == CallStatus::Connected {
                Millis::from_ms(rng.below(900_000))
            } else {
                Millis::MISSING
            },
            lead_id: (rng.below(2) == 0).then_some(leads[lead]),
            phone: Some(phones[lead]),
            campaign: (rng.below(3) == 0).then(|| campaigns[rng.below(6) as usize]),
            callback: None,
        });
    }
}

fn build_deals(d: &mut Dataset, rng: &mut Rng, pools: &Pools) {
    let Pools {
        agents,
        campaigns,
        leads,
        phones,
        first,
        sizes: (_, n_deals, n_leads),
    } = pools;
    let first = *first;
    for _ in 0..*n_deals {
        let lead = rng.below(*n_leads as u64) as usize;
        let created = first + rng.below(DAYS as u64 * DAY_MS as u64) as i64;
        let stage = match rng.below(3) {
            0 => Stage::Won,
            1 => Stage::Lost,
            _ => Stage::Open,
        };
        let closed = (stage != Stage::Open).then(|| created + rng.below(20 * DAY_MS as u64) as i64);
        d.deals.push(DealRow {
            deal_id: None,
            agent: agents[rng.below(AGENTS as u64) as usize],
            created_at: Some(created),
            closed_at: closed,
            stage,
            amount: (rng.below(2_000_000) + 100_000) as f64,
            cost: (rng.below(2) == 0).then(|| rng.below(1_000_000) as f64),
            upsell: Some(rng.below(4) == 0),
            customer_type: Some(if rng.below(3) == 0 {
                CustomerType::New
            } else {
                CustomerType::Existing
            }),
            campaign: (rng.below(3) == 0).then(|| campaigns[rng.below(6) as usize]),
            lead_id: (rng.below(2) == 0).then_some(leads[lead]),
            phone: Some(phones[lead]),
        });
    }
    d.deals.has_upsell_column = true;
}

fn build_leads(d: &mut Dataset, rng: &mut Rng, pools: &Pools) {
    let Pools {
        agents,
        campaigns,
        leads,
        phones,
        first,
        sizes: (_, _, n_leads),
    } = pools;
    let first = *first;
    for i in 0..*n_leads {
        let created = first + rng.below(DAYS as u64 * DAY_MS as u64) as i64;
        d.leads.push(LeadRow {
            lead_id: Some(leads[i]),
            phone: Some(phones[i]),
            created_at: created,
            agent: (rng.below(4) != 0).then(|| agents[rng.below(AGENTS as u64) as usize]),
            campaign: (rng.below(3) == 0).then(|| campaigns[rng.below(6) as usize]),
            first_contact_at: None,
            qualified: None,
            status: if rng.below(10) == 0 {
                LeadStatus::Converted
            } else {
                LeadStatus::Open
            },
            converted_at: None,
        });
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let t = Instant::now();
    let data = build();
    println!(
        "build dataset: {:.1} ms ({} calls, {} deals, {} leads)",
        ms(t),
        data.calls.len(),
        data.deals.len(),
        data.leads.len()
    );
    let t = Instant::now();
    let engine = Engine::new(data, &Settings::default());
    println!("Engine::new: {:.1} ms", ms(t));
    let targets = Targets::presets();
    let day = |s: &str| Day::parse_iso(s);
    let filters = [
        ("all data", Filter::default()),
        (
            "October",
            Filter {
                from: day("2026-10-01"),
                to: day("2026-10-31"),
                ..Filter::default()
            },
        ),
        (
            "Q3, team North",
            Filter {
                from: day("2026-07-01"),
                to: day("2026-09-30"),
                team: Some("North".into()),
                ..Filter::default()
            },
        ),
        (
            "all, agent alias 1001",
            Filter {
                agents: vec!["1001".into()],
                ..Filter::default()
            },
        ),
        (
            "all, campaign2",
            Filter {
                campaign: Some("campaign2".into()),
                ..Filter::default()
            },
        ),
    ];
    for (name, f) in &filters {
        let t = Instant::now();
        let r = engine.report(f, &targets);
        println!(
            "report ({name}): {:.1} ms, {} agents",
            ms(t),
            r.agents.len()
        );
    }
}
