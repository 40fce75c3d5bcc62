//! Properties over random small datasets: rates stay in [0, 1], agents add up
//! to the team, two halves of a period add up to the whole, a dataset split in
//! two and merged gives the same report, and the one-pass series equals a
//! report per bucket.

#![allow(clippy::float_cmp)] // counts carried as f64 compare exactly

mod kpi_support;

use kpi_support::{period, report, B, C, D, L};
use proptest::prelude::*;
use telesales_kpi::domain::kpi::targets::{Comparator, Scope, Target, Targets};
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{Engine, Filter, KpiId as K, KpiValue, Report, Settings};
use telesales_kpi::domain::model::{CallStatus, Dataset, Stage};

const AGENTS: [&str; 4] = ["a", "b", "c", "(unassigned)"];
const PHONES: [&str; 4] = ["p1", "p2", "p3", "p4"];
const LEADS: [&str; 4] = ["L1", "L2", "L3", "L4"];
const CAMPAIGNS: [&str; 2] = ["K1", "K2"];
const STATUSES: [CallStatus; 4] = [
    CallStatus::Connected,
    CallStatus::NoAnswer,
    CallStatus::Abandoned,
    CallStatus::Busy,
];
const STAGES: [Stage; 3] = [Stage::Won, Stage::Lost, Stage::Open];

/// (agent, day, minute, inbound, status, talk, wait, lead, phone, campaign, flag)
type CallT = (
    usize,
    u32,
    u32,
    bool,
    usize,
    Option<u32>,
    Option<u32>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    bool,
);
/// (agent, created day, closed day offset, stage, amount, cost, upsell, new, lead, phone, campaign)
type DealT = (
    usize,
    u32,
    u32,
    usize,
    u32,
    Option<u32>,
    Option<bool>,
    bool,
    Option<usize>,
    Option<usize>,
    Option<usize>,
);
/// (agent, day, minute, lead, phone, first contact offset, converted, campaign)
type LeadT = (
    usize,
    u32,
    u32,
    Option<usize>,
    Option<usize>,
    Option<i32>,
    bool,
    Option<usize>,
);

fn stamp(day: u32, minute: u32, unique: usize) -> String {
    let s = unique % 60;
    format!(
        "2026-10-{:02} {:02}:{:02}:{:02}",
        day + 1,
        minute / 60,
        minute % 60,
        s
    )
}

fn call_t() -> impl Strategy<Value = CallT> {
    (
        0..4usize,
        0..20u32,
        0..1440u32,
        any::<bool>(),
        0..4usize,
        prop::option::of(0..400u32),
        prop::option::of(0..60u32),
        prop::option::of(0..4usize),
        prop::option::of(0..4usize),
        prop::option::of(0..2usize),
        prop::bool::weighted(0.1),
    )
}

fn deal_t() -> impl Strategy<Value = DealT> {
    (
        0..3usize,
        0..20u32,
        0..5u32,
        0..3usize,
        0..1000u32,
        prop::option::of(0..1000u32),
        prop::option::of(any::<bool>()),
        any::<bool>(),
        prop::option::of(0..4usize),
        prop::option::of(0..4usize),
        prop::option::of(0..2usize),
    )
}

fn lead_t() -> impl Strategy<Value = LeadT> {
    (
        0..3usize,
        0..20u32,
        0..1440u32,
        prop::option::of(0..4usize),
        prop::option::of(0..4usize),
        prop::option::of(-100..10_000i32),
        any::<bool>(),
        prop::option::of(0..2usize),
    )
}

fn add_call(b: &mut B, i: usize, c: &CallT) {
    let at = stamp(c.1, c.2, i);
    b.call(C {
        agent: AGENTS[c.0],
        at: &at,
        inbound: c.3,
        status: Some(STATUSES[c.4]),
        talk: c.5.map(f64::from),
        wait: c.6.map(f64::from),
        lead: c.7.map(|k| LEADS[k]),
        phone: c.8.map(|k| PHONES[k]),
        campaign: c.9.map(|k| CAMPAIGNS[k]),
        callback: c.10.then_some(true),
    });
}

fn add_deal(b: &mut B, i: usize, d: &DealT) {
    let created = stamp(d.1, 600, i);
    let closed = stamp((d.1 + d.2).min(19), 700, i);
    let stage = STAGES[d.3];
    b.deal(D {
        agent: AGENTS[d.0],
        created: Some(&created),
        closed: (stage != Stage::Open).then_some(closed.as_str()),
        stage: Some(stage),
        amount: f64::from(d.4),
        cost: d.5.map(f64::from),
        upsell: d.6,
        new_customer: Some(d.7),
        lead: d.8.map(|k| LEADS[k]),
        phone: d.9.map(|k| PHONES[k]),
        campaign: d.10.map(|k| CAMPAIGNS[k]),
    });
}

fn add_lead(b: &mut B, i: usize, l: &LeadT) {
    let at = stamp(l.1, l.2, i);
    let fc =
        l.5.map(|m| stamp(l.1, (l.2 as i32 + m).clamp(0, 1439) as u32, i + 7));
    b.lead(L {
        lead: l.3.map(|k| LEADS[k]),
        phone: l.4.map(|k| PHONES[k]).or(Some("p0")),
        at: &at,
        agent: Some(AGENTS[l.0]),
        campaign: l.7.map(|k| CAMPAIGNS[k]),
        first_contact: fc.as_deref(),
        converted: l.6,
        converted_at: None,
    });
}

fn build(calls: &[CallT], deals: &[DealT], leads: &[LeadT]) -> Dataset {
    let mut b = B::new();
    calls
        .iter()
        .enumerate()
        .for_each(|(i, c)| add_call(&mut b, i, c));
    deals
        .iter()
        .enumerate()
        .for_each(|(i, d)| add_deal(&mut b, i, d));
    leads
        .iter()
        .enumerate()
        .for_each(|(i, l)| add_lead(&mut b, i, l));
    b.data()
}

const RATES: [K; 6] = [
    K::CallConnectionRate,
    K::UpsellingRate,
    K::OpportunityWinRatio,
    K::LeadConversionRate,
    K::CallAbandonmentRate,
    K::CallbackRate,
];
const QUOTIENTS: [K; 11] = [
    K::AveragePurchaseValue,
    K::RevenuePerCall,
    K::CallConnectionRate,
    K::UpsellingRate,
    K::AverageResponseTime,
    K::OpportunityWinRatio,
    K::LeadConversionRate,
    K::CallAbandonmentRate,
    K::OutboundCallsPerDay,
    K::AverageTalkTime,
    K::CallbackRate,
];

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn near_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => near(a, b),
        (a, b) => a == b,
    }
}

/// Whether a series bucket's KPI equals the report's over that bucket
/// (`previous` aside: a series does not compute it).
fn same_value(s: &KpiValue, r: &KpiValue) -> bool {
    near_opt(s.value, r.value)
        && near_opt(s.numerator, r.numerator)
        && near_opt(s.denominator, r.denominator)
        && near_opt(s.judged, r.judged)
        && s.target == r.target
        && s.status == r.status
        && s.records == r.records
        && s.extras.len() == r.extras.len()
        && s.extras
            .iter()
            .zip(&r.extras)
            .all(|((a, x), (b, y))| a == b && near_opt(*x, *y))
}

/// Targets with overrides for an agent, to see the scope's own target judge.
fn override_targets() -> Targets {
    let mut t = Targets::presets();
    for (kpi, value) in [
        (K::MonthlySales, 900.0),
        (K::CallConnectionRate, 0.3),
        (K::SalesOpportunities, 2.0),
    ] {
        t.targets.push(Target {
            scope: Scope::Agent("a".into()),
            ..Target::team(kpi, Comparator::AtLeast, value, None)
        });
    }
    t
}

fn num_den(r: &Report, id: K) -> (f64, f64) {
    let v = r.kpis.get(id);
    (v.numerator.unwrap_or(0.0), v.denominator.unwrap_or(0.0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rates_are_shares(calls in prop::collection::vec(call_t(), 0..40), deals in prop::collection::vec(deal_t(), 0..20), leads in prop::collection::vec(lead_t(), 0..20)) {
        let r = report(&build(&calls, &deals, &leads), &period("2026-10-01", "2026-10-20"));
        for set in std::iter::once(&r.kpis).chain(r.agents.values()) {
            for id in RATES {
                if let Some(v) = set.get(id).value {
                    prop_assert!((0.0..=1.0).contains(&v), "{} = {v}", id.as_str());
                }
            }
            for (id, key) in [(K::AverageResponseTime, E::Within2h), (K::AverageTalkTime, E::Under2min)] {
                if let Some(v) = set.get(id).extra(key) {
                    prop_assert!((0.0..=1.0).contains(&v));
                }
            }
        }
    }

    #[test]
    fn agents_add_up_to_the_team(calls in prop::collection::vec(call_t(), 0..40), deals in prop::collection::vec(deal_t(), 0..20), leads in prop::collection::vec(lead_t(), 0..20)) {
        let r = report(&build(&calls, &deals, &leads), &period("2026-10-01", "2026-10-20"));
        for id in QUOTIENTS {
            let (mut n, mut d) = (0.0, 0.0);
            for set in r.agents.values() {
                n += set.get(id).numerator.unwrap_or(0.0);
                d += set.get(id).denominator.unwrap_or(0.0);
            }
            let (tn, td) = num_den(&r, id);
            prop_assert!(near(n, tn) && near(d, td), "{}: {n}/{d} vs {tn}/{td}", id.as_str());
        }
        let sales: f64 = r.agents.values().map(|s| s.get(K::MonthlySales).value.unwrap_or(0.0)).sum();
        prop_assert!(near(sales, r.kpis.get(K::MonthlySales).value.unwrap_or(0.0)));
    }

    #[test]
    fn halves_of_a_period_add_up(calls in prop::collection::vec(call_t(), 0..40), deals in prop::collection::vec(deal_t(), 0..20), leads in prop::collection::vec(lead_t(), 0..20)) {
        let data = build(&calls, &deals, &leads);
        let whole = report(&data, &period("2026-10-01", "2026-10-20"));
        let first = report(&data, &period("2026-10-01", "2026-10-10"));
        let second = report(&data, &period("2026-10-11", "2026-10-20"));
        for id in QUOTIENTS {
            let (a, b, w) = (num_den(&first, id), num_den(&second, id), num_den(&whole, id));
            prop_assert!(near(a.0 + b.0, w.0) && near(a.1 + b.1, w.1), "{}", id.as_str());
        }
        for (id, key) in [(K::MonthlySales, None), (K::SalesOpportunities, None), (K::MonthlySales, Some(E::Transactions)), (K::AverageResponseTime, Some(E::Uncontacted))] {
            let get = |r: &Report| { let v = r.kpis.get(id); key.map_or(v.value, |k| v.extra(k)).unwrap_or(0.0) };
            prop_assert!(near(get(&first) + get(&second), get(&whole)), "{} {key:?}", id.as_str());
        }
        // The second half's previous period is the first half.
        prop_assert_eq!(second.kpis.get(K::MonthlySales).previous, first.kpis.get(K::MonthlySales).value);
    }

    #[test]
    fn merged_halves_give_the_same_report(calls in prop::collection::vec((call_t(), any::<bool>()), 0..40), deals in prop::collection::vec((deal_t(), any::<bool>()), 0..20), leads in prop::collection::vec((lead_t(), any::<bool>()), 0..20)) {
        let mut whole = B::new();
        let mut parts = [B::new(), B::new()];
        for (i, (c, side)) in calls.iter().enumerate() {
            add_call(&mut whole, i, c);
            add_call(&mut parts[usize::from(*side)], i, c);
        }
        for (i, (d, side)) in deals.iter().enumerate() {
            add_deal(&mut whole, i, d);
            add_deal(&mut parts[usize::from(*side)], i, d);
        }
        for (i, (l, side)) in leads.iter().enumerate() {
            add_lead(&mut whole, i, l);
            add_lead(&mut parts[usize::from(*side)], i, l);
        }
        let mut merged = Dataset::new();
        merged.merge(&parts[1].data());
        merged.merge(&parts[0].data());
        let f = period("2026-10-01", "2026-10-20");
        prop_assert_eq!(report(&merged, &f).to_json(), report(&whole.data(), &f).to_json());
    }

    #[test]
    fn the_series_equals_a_report_per_bucket(calls in prop::collection::vec(call_t(), 0..40), deals in prop::collection::vec(deal_t(), 0..20), leads in prop::collection::vec(lead_t(), 0..20), scope in 0..4usize, long in any::<bool>()) {
        let data = build(&calls, &deals, &leads);
        let engine = Engine::new(data.clone(), &Settings::default());
        let targets = override_targets();
        let mut filter = if long { period("2026-08-05", "2026-10-22") } else { period("2026-10-01", "2026-10-20") };
        match scope {
            1 => filter.agents = vec!["a".into()],
            2 => filter.campaign = Some("K1".into()),
            3 => filter.agents = vec!["a".into(), "b".into()],
            _ => {}
        }
        let series = engine.series(&filter, &targets).expect("a period");
        prop_assert_eq!(series.buckets.len(), if long { 12 } else { 20 });
        for (p, set) in &series.buckets {
            let r = engine.report(&Filter { from: Some(p.from), to: Some(p.to), ..filter.clone() }, &targets);
            for id in K::ALL {
                prop_assert!(same_value(set.get(id), r.kpis.get(id)), "{} {p:?}: {:?} vs {:?}", id.as_str(), set.get(id), r.kpis.get(id));
            }
        }
        let revenue: f64 = series.buckets.iter().map(|(_, s)| s.get(K::MonthlySales).value.unwrap_or(0.0)).sum();
        let whole = engine.report(&filter, &targets);
        prop_assert!(near(revenue, whole.kpis.get(K::MonthlySales).value.unwrap_or(0.0)));
        let run_up = engine.run_up(&filter, &targets).expect("deals are loaded");
        let to = filter.to.expect("to");
        let last = run_up.days.iter().rev().find_map(|d| d.revenue).unwrap_or(0.0);
        let month = Filter { from: Some(to.month_start()), ..filter.clone() };
        let sales = engine.report(&month, &targets).kpis.get(K::MonthlySales).clone();
        prop_assert!(near(last, sales.value.unwrap_or(0.0)));
        prop_assert_eq!(run_up.days.len() as u32, to.days_in_its_month());
        // The forecast line ends on the forecast of the report.
        prop_assert!(near_opt(run_up.forecast.map(|f| f.value), sales.extra(E::Forecast).filter(|_| run_up.forecast.is_some())));
    }

    #[test]
    fn hours_and_statuses_add_up_to_the_calls(calls in prop::collection::vec(call_t(), 0..40), scope in 0..3usize) {
        let data = build(&calls, &[], &[]);
        let mut filter = period("2026-10-03", "2026-10-17");
        match scope {
            1 => filter.agents = vec!["a".into()],
            2 => filter.campaign = Some("K2".into()),
            _ => {}
        }
        let r = report(&data, &filter);
        let outbound = r.kpis.get(K::CallConnectionRate).denominator.unwrap_or(-1.0);
        let hours = r.hours.as_ref().expect("a calls file");
        prop_assert_eq!(hours.len(), 168);
        prop_assert_eq!(hours.iter().map(|h| h.calls).sum::<u64>() as f64, outbound);
        prop_assert_eq!(hours.iter().map(|h| h.connected).sum::<u64>() as f64, r.kpis.get(K::CallConnectionRate).numerator.unwrap_or(-1.0));
        let s = r.statuses.expect("a calls file");
        prop_assert_eq!(s.outbound.iter().sum::<u64>() as f64, outbound);
        // Every inbound call in P and scope, whatever its status.
        let agent_ok = |a: usize| filter.agents.is_empty() || filter.agents.iter().any(|x| x == AGENTS[a]);
        let campaign_ok = |c: Option<usize>| filter.campaign.as_deref().is_none_or(|k| c.map(|c| CAMPAIGNS[c]) == Some(k));
        let inbound = calls.iter().filter(|c| c.3 && (2..=16).contains(&c.1) && agent_ok(c.0) && campaign_ok(c.9)).count() as u64;
        prop_assert_eq!(s.inbound.iter().sum::<u64>(), inbound);
        // The talk-time distribution counts the calls of the talk-time mean.
        let engine = telesales_kpi::domain::kpi::Engine::new(data.clone(), &Settings::default());
        prop_assert_eq!(engine.talk_minutes(&filter).iter().sum::<u64>() as f64, r.kpis.get(K::AverageTalkTime).denominator.unwrap_or(-1.0));
    }

    #[test]
    fn a_drill_down_lists_the_records_behind_the_value(calls in prop::collection::vec(call_t(), 0..40), deals in prop::collection::vec(deal_t(), 0..20), leads in prop::collection::vec(lead_t(), 0..20), scope in 0..3usize, short in 0..2u32) {
        let data = build(&calls, &deals, &leads);
        let settings = Settings { short_abandon_seconds: f64::from(short * 30), ..Settings::default() };
        let engine = Engine::new(data.clone(), &settings);
        let mut filter = period("2026-10-03", "2026-10-17");
        match scope {
            1 => filter.team = Some("none".into()),
            2 => filter.campaign = Some("K1".into()),
            _ => {}
        }
        let r = engine.report(&filter, &Targets::presets());
        for id in K::ALL {
            let drill = engine.drill(&filter, id, None);
            prop_assert_eq!(Some(drill.rows.len() as u64), r.kpis.get(id).records.or(Some(0)), "{}", id.as_str());
            // Where ANALYSES.md lists the denominator's records, the count is the denominator.
            if matches!(id, K::CallConnectionRate | K::CallbackRate | K::RevenuePerCall | K::CallAbandonmentRate | K::AverageTalkTime | K::UpsellingRate | K::OpportunityWinRatio | K::AveragePurchaseValue | K::LeadConversionRate | K::OutboundCallsPerDay) {
                if let Some(d) = r.kpis.get(id).denominator {
                    let n = if id == K::OutboundCallsPerDay { r.kpis.get(id).numerator.unwrap_or(0.0) } else { d };
                    prop_assert_eq!(drill.rows.len() as f64, n, "{} denominator", id.as_str());
                }
            }
            for (agent, set) in &r.agents {
                let one = engine.drill(&filter, id, Some(agent));
                prop_assert_eq!(Some(one.rows.len() as u64), set.get(id).records.or(Some(0)), "{} {}", id.as_str(), agent);
            }
            let page = engine.drill_page(&drill, 0, 5);
            prop_assert_eq!(page.len(), drill.rows.len().min(5));
        }
    }
}
