//! A small builder of hand-made datasets for the KPI tests: strings are
//! interned for the caller, timestamps written `YYYY-MM-DD HH:MM[:SS]`.
#![allow(dead_code)]

use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{Engine, Filter, KpiId, KpiValue, Report, Settings};
use telesales_kpi::domain::model::time::Day;
use telesales_kpi::domain::model::{
    CallRow, CallStatus, CampaignRow, CustomerType, Dataset, DealRow, Direction, LeadRow,
    LeadStatus, Millis, RosterRow, Stage, Timestamp,
};

/// `YYYY-MM-DD HH:MM[:SS]` (or a date alone) as a wall-time timestamp.
pub fn ts(text: &str) -> Timestamp {
    let (date, time) = text.split_once(' ').unwrap_or((text, "00:00"));
    let day = Day::parse_iso(date).expect("date");
    let mut parts = time.split(':').map(|p| p.parse::<i64>().expect("time"));
    let h = parts.next().unwrap_or(0);
    let m = parts.next().unwrap_or(0);
    let s = parts.next().unwrap_or(0);
    day.start() + ((h * 60 + m) * 60 + s) * 1000
}

/// `YYYY-MM-DD` as a day.
pub fn day(text: &str) -> Day {
    Day::parse_iso(text).expect("day")
}

/// A call; `status: None` means connected.
#[derive(Clone, Copy, Default)]
pub struct C<'s> {
    pub agent: &'s str,
    pub at: &'s str,
    pub inbound: bool,
    pub status: Option<CallStatus>,
    pub wait: Option<f64>,
    pub talk: Option<f64>,
    pub lead: Option<&'s str>,
    pub phone: Option<&'s str>,
    pub campaign: Option<&'s str>,
    pub callback: Option<bool>,
}

/// A deal; `stage: None` means won, `created: None` means `closed_at`.
#[derive(Clone, Copy, Default)]
pub struct D<'s> {
    pub agent: &'s str,
    pub created: Option<&'s str>,
    pub closed: Option<&'s str>,
    pub stage: Option<Stage>,
    pub amount: f64,
    pub cost: Option<f64>,
    pub upsell: Option<bool>,
    pub new_customer: Option<bool>,
    pub campaign: Option<&'s str>,
    pub lead: Option<&'s str>,
    pub phone: Option<&'s str>,
}

/// A lead.
#[derive(Clone, Copy, Default)]
pub struct L<'s> {
    pub lead: Option<&'s str>,
    pub phone: Option<&'s str>,
    pub at: &'s str,
    pub agent: Option<&'s str>,
    pub campaign: Option<&'s str>,
    pub first_contact: Option<&'s str>,
    pub converted: bool,
    pub converted_at: Option<&'s str>,
}

/// A dataset under construction.
#[derive(Default)]
pub struct B {
    pub d: Dataset,
}

impl B {
    /// An empty dataset with calls, deals and leads files marked loaded.
    pub fn new() -> B {
        let mut b = B::default();
        b.d.loaded.calls = true;
        b.d.loaded.deals = true;
        b.d.loaded.leads = true;
        b.d.deals.has_upsell_column = true;
        b
    }

    fn opt(&mut self, s: Option<&str>) -> Option<telesales_kpi::domain::model::Sym> {
        s.map(|s| self.d.strings.intern(s))
    }

    pub fn call(&mut self, c: C) -> &mut B {
        let row = CallRow {
            call_id: None,
            agent: self.d.strings.intern(c.agent),
            started_at: ts(c.at),
            direction: if c.inbound {
                Direction::Inbound
            } else {
                Direction::Outbound
            },
            status: c.status.unwrap_or(CallStatus::Connected),
            wait: Millis::from_secs_opt(c.wait),
            talk: Millis::from_secs_opt(c.talk),
            lead_id: self.opt(c.lead),
            phone: self.opt(c.phone),
            campaign: self.opt(c.campaign),
            callback: c.callback,
        };
        self.d.calls_mut().push(row);
        self
    }

    pub fn deal(&mut self, x: D) -> &mut B {
        let closed = x.closed.map(ts);
        let row = DealRow {
            deal_id: None,
            agent: self.d.strings.intern(x.agent),
            created_at: x.created.map(ts).or(closed),
            closed_at: closed,
            stage: x.stage.unwrap_or(Stage::Won),
            amount: x.amount,
            cost: x.cost,
            upsell: x.upsell,
            customer_type: x.new_customer.map(|n| {
                if n {
                    CustomerType::New
                } else {
                    CustomerType::Existing
                }
            }),
            campaign: self.opt(x.campaign),
            lead_id: self.opt(x.lead),
            phone: self.opt(x.phone),
        };
        self.d.deals.push(row);
        self
    }

    pub fn lead(&mut self, x: L) -> &mut B {
        let row = LeadRow {
            lead_id: self.opt(x.lead),
            phone: self.opt(x.phone),
            created_at: ts(x.at),
            agent: self.opt(x.agent),
            campaign: self.opt(x.campaign),
            first_contact_at: x.first_contact.map(ts),
            qualified: None,
            status: if x.converted {
                LeadStatus::Converted
            } else {
                LeadStatus::Open
            },
            converted_at: x.converted_at.map(ts),
        };
        self.d.leads.push(row);
        self
    }

    pub fn roster(&mut self, agent: &str, team: Option<&str>, aliases: &[&str]) -> &mut B {
        let row = RosterRow {
            agent: self.d.strings.intern(agent),
            name: None,
            team: self.opt(team),
            aliases: aliases.iter().map(|a| self.d.strings.intern(a)).collect(),
        };
        self.d.roster.rows.push(row);
        self.d.loaded.roster = true;
        self
    }

    pub fn campaign(&mut self, name: &str, start: &str, end: &str) -> &mut B {
        let row = CampaignRow {
            campaign: self.d.strings.intern(name),
            start: day(start),
            end: day(end),
        };
        self.d.campaigns.rows.push(row);
        self.d.loaded.campaigns = true;
        self
    }

    pub fn data(&self) -> Dataset {
        self.d.clone()
    }
}

/// A filter for the period `from..=to`.
pub fn period(from: &str, to: &str) -> Filter {
    Filter {
        from: Some(day(from)),
        to: Some(day(to)),
        ..Filter::default()
    }
}

/// The report of `data` for `filter` with the presets and default settings.
pub fn report(data: &Dataset, filter: &Filter) -> Report {
    report_with(data, filter, &Settings::default(), &Targets::presets())
}

/// The report with explicit settings and targets.
pub fn report_with(
    data: &Dataset,
    filter: &Filter,
    settings: &Settings,
    targets: &Targets,
) -> Report {
    Engine::new(data.clone(), settings).report(filter, targets)
}

/// The team figures of one KPI.
pub fn kpi(report: &Report, id: KpiId) -> KpiValue {
    report.kpis.get(id).clone()
}

/// Compares two optional numbers to 1e-9 relative.
pub fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// Asserts value, numerator and denominator (and listed extras) of `id`.
#[track_caller]
pub fn check(
    r: &Report,
    id: KpiId,
    value: Option<f64>,
    num_den: Option<(f64, f64)>,
    extras: &[(E, Option<f64>)],
) {
    let v = r.kpis.get(id);
    assert!(
        close(v.value, value),
        "{}: value {:?} != {:?}",
        id.as_str(),
        v.value,
        value
    );
    if let Some((n, d)) = num_den {
        assert!(
            close(v.numerator, Some(n)),
            "{}: numerator {:?} != {n}",
            id.as_str(),
            v.numerator
        );
        assert!(
            close(v.denominator, Some(d)),
            "{}: denominator {:?} != {d}",
            id.as_str(),
            v.denominator
        );
    }
    for &(k, e) in extras {
        assert!(
            close(v.extra(k), e),
            "{}.{}: {:?} != {:?}",
            id.as_str(),
            k.as_str(),
            v.extra(k),
            e
        );
    }
}
