//! [`Engine::report`]: resolves the filter, tallies the period and the
//! previous period per agent in one pass over the day-sorted arrays, sums the
//! agents in scope for the team, and judges every value against its target.

use std::collections::BTreeSet;

use super::acc::Acc;
use super::campaigns::{select, Candidates};
use super::engine::Engine;
use super::id::KpiId;
use super::period::{Filter, Period};
use super::report::{CampaignResult, KpiSet, KpiValue, Report};
use super::values::{compute, extra_keys, Computed, Context};
use crate::domain::model::time::Day;
use crate::domain::targets::{status, Scope, Status, Target, Targets};

/// The records a filter keeps, besides the period.
struct InScope {
    /// Per agent index, plus one last slot for leads without agent.
    agents: Vec<bool>,
    /// The campaign code to keep (`u32::MAX`: a campaign no record has).
    campaign: Option<u32>,
}

impl InScope {
    fn campaign_ok(&self, code: u32) -> bool {
        self.campaign.is_none_or(|c| c == code)
    }
}

/// The range of a day-sorted slice whose days lie in `[lo, hi]`.
fn day_range<T>(rows: &[T], day: impl Fn(&T) -> i32, lo: i32, hi: i32) -> &[T] {
    let a = rows.partition_point(|r| day(r) < lo);
    let b = rows.partition_point(|r| day(r) <= hi);
    rows.get(a..b.max(a)).unwrap_or(&[])
}

/// Σ over the days d of `period` of `value / days_in_month(d)` (KPIS.md
/// monthly target pro-rating).
///
/// ```
/// # use telesales_kpi::domain::kpi::{prorate, Period};
/// # use telesales_kpi::domain::model::time::Day;
/// let d = |s| Day::parse_iso(s).unwrap();
/// let p = Period { from: d("2026-11-16"), to: d("2026-12-31") };
/// assert!((prorate(300.0, p) - 450.0).abs() < 1e-9);
/// ```
pub fn prorate(value: f64, period: Period) -> f64 {
    let mut sum = 0.0;
    let mut day = period.from;
    while day <= period.to {
        sum += value / f64::from(day.days_in_its_month());
        day = day.plus(1);
    }
    sum
}

impl Engine<'_> {
    /// The report period of `filter`: its days, else the default period's;
    /// `None` when neither gives one or `from` is after `to`.
    fn period_of(&self, filter: &Filter) -> Option<Period> {
        let from = filter.from.or(self.default_period.map(|p| p.from))?;
        let to = filter.to.or(self.default_period.map(|p| p.to))?;
        (from <= to).then_some(Period { from, to })
    }

    fn in_scope(&self, filter: &Filter) -> InScope {
        let n = self.agents.len();
        let mut agents = vec![true; n + 1];
        if !filter.agents.is_empty() {
            agents.fill(false);
            for text in &filter.agents {
                if let Some(a) = self.agents.by_text(text) {
                    agents[a as usize] = true;
                }
            }
        }
        if let Some(team) = &filter.team {
            let team = team.trim();
            for (a, keep) in agents.iter_mut().enumerate().take(n) {
                *keep &= self.agents.team_name(a as u32) == Some(team);
            }
            agents[n] = false;
        }
        let campaign = filter.campaign.as_ref().map(|c| self.campaign_code(c));
        InScope { agents, campaign }
    }

    /// The code of a campaign text (`u32::MAX` when no record names it).
    fn campaign_code(&self, text: &str) -> u32 {
        self.campaign_codes
            .get(text.trim())
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// Computes every KPI for the filter's period and scope, the previous
    /// period, each listed agent and each campaign, judged against `targets`.
    pub fn report(&self, filter: &Filter, targets: &Targets) -> Report {
        let scope = self.in_scope(filter);
        let targets = self.canonical_targets(targets);
        let (kpi_agent, kpi_team) = self.kpis_scope(filter);
        let listed = self.listed_agents(&scope);
        let Some(period) = self.period_of(filter) else {
            let empty = null_set();
            return Report {
                period: None,
                previous_period: None,
                kpis: empty.clone(),
                agents: listed
                    .into_iter()
                    .map(|a| (self.agents.names[a].clone(), empty.clone()))
                    .collect(),
                campaigns: Vec::new(),
            };
        };
        let previous = period.previous();
        let n = self.agents.len() + 1;
        let mut acc = vec![Acc::default(); 2 * n];
        let mut selected = [None, None];
        self.tally(&scope, period, previous, &mut acc);
        let only = match &filter.campaign {
            None => Candidates::All,
            Some(c) => Candidates::Only(self.campaign_code(c)),
        };
        for (k, p) in [period, previous].into_iter().enumerate() {
            selected[k] = select(&self.windows, p, &only);
            if let Some(w) = selected[k] {
                self.tally_window(&scope, w, &mut acc[k * n..(k + 1) * n]);
            }
        }
        let contexts = [(period, selected[0]), (previous, selected[1])].map(|(p, w)| Context {
            loaded: self.loaded,
            has_upsell: self.has_upsell,
            days: p.days(),
            campaign: w.is_some(),
        });
        let mut team = [Acc::default(), Acc::default()];
        for (k, t) in team.iter_mut().enumerate() {
            for (a, _) in scope.agents.iter().enumerate().filter(|(_, keep)| **keep) {
                t.add(&acc[k * n + a]);
            }
        }
        let judge = Judge {
            targets: &targets,
            near: self.settings.near_fraction,
            period,
        };
        let kpis = judge.set(&team, &contexts, kpi_agent.as_deref(), kpi_team.as_deref());
        let agents = listed
            .into_iter()
            .map(|a| {
                let pair = [acc[a].clone(), acc[n + a].clone()];
                let name = &self.agents.names[a];
                let set = judge.set(
                    &pair,
                    &contexts,
                    Some(name),
                    self.agents.team_name(a as u32),
                );
                (name.clone(), set)
            })
            .collect();
        Report {
            period: Some(period),
            previous_period: Some(previous),
            kpis,
            agents,
            campaigns: self.campaign_list(&scope),
        }
    }

    /// Tallies calls, deals and leads of both periods into `acc`
    /// (`acc[k * n + agent]`, k = 0 for the period, 1 for the previous one).
    fn tally(&self, scope: &InScope, period: Period, previous: Period, acc: &mut [Acc]) {
        let n = self.agents.len() + 1;
        let unassigned = |a: u32| {
            self.agents
                .unassigned
                .get(a as usize)
                .copied()
                .unwrap_or(true)
        };
        let (lo, hi) = (previous.from.0.min(period.from.0), period.to.0);
        let slot = |day: i32, agent: u32| -> Option<usize> {
            let k = if period.contains(Day(day)) {
                0
            } else if previous.contains(Day(day)) {
                1
            } else {
                return None;
            };
            scope
                .agents
                .get(agent as usize)
                .copied()
                .unwrap_or(false)
                .then_some(k * n + agent as usize)
        };
        let mut active = vec![false; 2 * n];
        let mut last_day = (i32::MIN, u32::MAX);
        for g in day_range(&self.groups, |g| g.day, lo, hi) {
            let Some(s) = slot(g.day, g.agent).filter(|_| scope.campaign_ok(g.campaign)) else {
                continue;
            };
            active[s] = true;
            let counts_day = g.outbound > 0 && !unassigned(g.agent);
            let new_day = counts_day && last_day != (g.day, g.agent);
            if new_day {
                last_day = (g.day, g.agent);
            }
            acc[s].add_calls(g, counts_day, new_day);
        }
        for o in day_range(&self.opportunities, |o| o.day, lo, hi) {
            let Some(s) = slot(o.day, o.agent).filter(|_| scope.campaign_ok(o.campaign)) else {
                continue;
            };
            active[s] = true;
            acc[s].opportunities += 1;
            acc[s].opps_assigned += u64::from(!unassigned(o.agent));
        }
        for c in day_range(&self.closed, |c| c.day, lo, hi) {
            let Some(s) = slot(c.day, c.agent).filter(|_| scope.campaign_ok(c.campaign)) else {
                continue;
            };
            active[s] = true;
            acc[s].add_closed(c);
        }
        for l in day_range(&self.leads, |l| l.day, lo, hi) {
            let Some(s) = slot(l.day, l.agent).filter(|_| scope.campaign_ok(l.campaign)) else {
                continue;
            };
            acc[s].add_lead(l);
        }
        for (s, _) in active.iter().enumerate().filter(|(_, on)| **on) {
            if !unassigned((s % n) as u32) {
                acc[s].active = 1;
            }
        }
    }

    /// Adds the revenue of window `w` (and of the window before it) to each
    /// agent's tally, ignoring the campaign filter.
    fn tally_window(&self, scope: &InScope, w: usize, acc: &mut [Acc]) {
        let Some(win) = self.windows.get(w) else {
            return;
        };
        let (before_from, _) = win.before();
        for c in day_range(&self.closed, |c| c.day, before_from.0, win.end.0) {
            if !c.won || !scope.agents.get(c.agent as usize).copied().unwrap_or(false) {
                continue;
            }
            let a = &mut acc[c.agent as usize];
            if c.day >= win.start.0 {
                a.during += c.amount;
                a.new_customers += u64::from(c.new_customer);
            } else {
                a.before += c.amount;
            }
        }
    }

    fn campaign_list(&self, scope: &InScope) -> Vec<CampaignResult> {
        let deals = self.loaded.deals;
        (0..self.windows.len())
            .map(|w| {
                let mut acc = vec![Acc::default(); self.agents.len() + 1];
                self.tally_window(scope, w, &mut acc);
                let mut t = Acc::default();
                for a in &acc {
                    t.add(a);
                }
                let win = &self.windows[w];
                let inc = t.during - t.before;
                let some = |v: f64| deals.then_some(v);
                CampaignResult {
                    name: win.name.clone(),
                    start: win.start,
                    end: win.end,
                    during: some(t.during),
                    before: some(t.before),
                    incremental: some(inc),
                    lift: if deals && t.before != 0.0 {
                        Some(inc / t.before)
                    } else {
                        None
                    },
                    new_customers: some(t.new_customers as f64),
                }
            })
            .collect()
    }

    /// Roster agents kept by the agent and team filters, plus every agent of a
    /// record in scope (any date), by index.
    fn listed_agents(&self, scope: &InScope) -> BTreeSet<usize> {
        let keep = |a: usize| scope.agents.get(a).copied().unwrap_or(false);
        let mut out: BTreeSet<usize> = (0..self.agents.len())
            .filter(|&a| self.agents.in_roster[a] && keep(a))
            .collect();
        for &(a, c) in &self.presence {
            if keep(a as usize) && scope.campaign_ok(c) {
                out.insert(a as usize);
            }
        }
        out
    }

    /// The agent and team whose targets judge the `kpis` block.
    fn kpis_scope(&self, filter: &Filter) -> (Option<String>, Option<String>) {
        if let [one] = filter.agents.as_slice() {
            return match self.agents.by_text(one) {
                Some(a) => (
                    Some(self.agents.names[a as usize].clone()),
                    self.agents.team_name(a).map(str::to_owned),
                ),
                None => (Some(one.trim().to_owned()), None),
            };
        }
        (None, filter.team.as_ref().map(|t| t.trim().to_owned()))
    }

    /// `targets` with agent aliases replaced by the roster's agent.
    fn canonical_targets(&self, targets: &Targets) -> Targets {
        let mut out = targets.clone();
        for t in &mut out.targets {
            if let Scope::Agent(name) = &t.scope {
                if let Some(a) = self.agents.by_text(name) {
                    t.scope = Scope::Agent(self.agents.names[a as usize].clone());
                }
            }
        }
        out
    }

    /// Counts connected calls of the filter's period and scope that have a
    /// talk time, by talk time in buckets of `bucket_seconds` (the last bucket
    /// takes every longer call).
    pub fn talk_time_histogram(
        &self,
        filter: &Filter,
        bucket_seconds: f64,
        buckets: usize,
    ) -> Vec<u64> {
        let mut counts = vec![0u64; buckets];
        let Some(period) = self.period_of(filter) else {
            return counts;
        };
        if buckets == 0 || bucket_seconds.is_nan() || bucket_seconds <= 0.0 {
            return counts;
        }
        let scope = self.in_scope(filter);
        for i in 0..self.call_talk.len() {
            let keep = period.contains(Day(self.call_day[i]))
                && scope
                    .agents
                    .get(self.call_agent[i] as usize)
                    .copied()
                    .unwrap_or(false)
                && scope.campaign_ok(self.call_campaign[i]);
            let talk = self.call_talk[i];
            if keep && talk != u32::MAX {
                let b =
                    ((f64::from(talk) / 1000.0 / bucket_seconds).floor() as usize).min(buckets - 1);
                counts[b] += 1;
            }
        }
        counts
    }
}

/// A KPI set with every value null.
fn null_set() -> KpiSet {
    KpiSet::new(
        KpiId::ALL
            .into_iter()
            .map(|id| KpiValue {
                value: None,
                numerator: None,
                denominator: None,
                previous: None,
                status: Status::None,
                extras: extra_keys(id).iter().map(|&k| (k, None)).collect(),
            })
            .collect(),
    )
}

/// Turns tallies into judged KPI sets.
struct Judge<'t> {
    targets: &'t Targets,
    near: f64,
    period: Period,
}

impl Judge<'_> {
    /// The set of one scope from its tallies for [period, previous].
    fn set(
        &self,
        acc: &[Acc; 2],
        ctx: &[Context; 2],
        agent: Option<&str>,
        team: Option<&str>,
    ) -> KpiSet {
        let now = compute(&acc[0], &ctx[0]);
        let before = compute(&acc[1], &ctx[1]);
        let values = KpiId::ALL
            .into_iter()
            .zip(now.into_iter().zip(before))
            .map(|(id, (c, p))| self.value(id, c, &p, self.targets.for_scope(id, agent, team)))
            .collect();
        KpiSet::new(values)
    }

    fn value(
        &self,
        id: KpiId,
        mut c: Computed,
        previous: &Computed,
        target: Option<&Target>,
    ) -> KpiValue {
        let extra =
            |c: &Computed, k: &str| c.extras.iter().find(|(x, _)| *x == k).and_then(|(_, v)| *v);
        let status = match id {
            KpiId::SalesOpportunities => status(extra(&c, "per_week"), target, self.near),
            KpiId::IncrementalSales => status(extra(&c, "lift"), target, self.near),
            KpiId::MonthlySales => {
                let expected = target.map(|t| prorate(t.value, self.period));
                let attainment = match (c.value, expected) {
                    (Some(v), Some(e)) if e != 0.0 => Some(v / e),
                    _ => None,
                };
                for (k, v) in &mut c.extras {
                    if *k == "attainment" {
                        *v = attainment;
                    }
                }
                let prorated = target.map(|t| Target {
                    value: prorate(t.value, self.period),
                    value_max: t.value_max.map(|m| prorate(m, self.period)),
                    ..t.clone()
                });
                status(c.value, prorated.as_ref(), self.near)
            }
            _ => status(c.value, target, self.near),
        };
        KpiValue {
            value: c.value,
            numerator: c.numerator,
            denominator: c.denominator,
            previous: previous.value,
            status,
            extras: c.extras,
        }
    }
}
