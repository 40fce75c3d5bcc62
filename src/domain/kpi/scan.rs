//! [`Engine::report`]: resolves the filter, tallies the period and the
//! previous period per agent in one pass over the day-sorted arrays, sums the
//! agents in scope for the team, and judges every value against its target.

use std::collections::BTreeSet;

use super::acc::Acc;
use super::analyses::{hour_grid, ranking, suggested_targets, HourCount, Statuses};
use super::campaigns::{select, Candidates};
use super::engine::{Engine, TALK_MINUTES};
use super::judge::{null_set, Judge, Whose};
use super::period::{Filter, Period};
use super::report::{CampaignResult, Report};
use super::tally::{day_range, Buckets, InScope};
use super::targets::{Scope, Targets};
use super::values::Context;
use crate::domain::model::time::Day;

impl Engine {
    /// The report period of `filter`: its days, else the default period's;
    /// `None` when neither gives one or `from` is after `to`.
    pub(crate) fn period_of(&self, filter: &Filter) -> Option<Period> {
        let from = filter.from.or(self.default_period.map(|p| p.from))?;
        let to = filter.to.or(self.default_period.map(|p| p.to))?;
        (from <= to).then_some(Period { from, to })
    }

    pub(crate) fn in_scope(&self, filter: &Filter) -> InScope {
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
            let agents = listed
                .into_iter()
                .map(|a| (self.agents.names[a].clone(), empty.clone()))
                .collect();
            let calls = self.loaded.calls;
            return Report {
                period: None,
                previous_period: None,
                kpis: empty,
                ranking: ranking(&agents),
                suggested_targets: suggested_targets(&agents),
                agents,
                campaigns: Vec::new(),
                hours: calls.then(|| hour_grid(&[[(0, 0); 24]; 7])),
                statuses: calls.then(Statuses::default),
            };
        };
        let previous = period.previous();
        let n = self.agents.len() + 1;
        let buckets = Buckets {
            of_day: |day: i32| {
                if period.contains(Day(day)) {
                    Some(0)
                } else if previous.contains(Day(day)) {
                    Some(1)
                } else {
                    None
                }
            },
            count: 2,
            agents: n,
            per_agent: true,
            days: (previous.from.0.min(period.from.0), period.to.0),
        };
        let mut acc = vec![Acc::default(); buckets.len()];
        self.tally(&scope, &buckets, &mut acc);
        let only = self.candidates(filter);
        let mut selected = [None, None];
        for (k, p) in [period, previous].into_iter().enumerate() {
            selected[k] = select(&self.windows, p, &only);
            if let Some(w) = selected[k] {
                self.tally_window(&scope, w, &mut acc, |a| k * n + a as usize);
            }
        }
        let forecast = self.forecast_days(period.to);
        if let Some((month, last)) = forecast {
            self.tally_month_revenue(&scope, month, last, &mut acc, |a| a as usize);
        }
        let contexts = [
            self.context(period, selected[0].is_some(), forecast),
            self.context(previous, selected[1].is_some(), None),
        ];
        let mut team = [Acc::default(), Acc::default()];
        for (k, t) in team.iter_mut().enumerate() {
            for (a, _) in scope.agents.iter().enumerate().filter(|(_, keep)| **keep) {
                t.add(&acc[k * n + a]);
            }
        }
        let judge = Judge {
            targets: &targets,
            near: self.settings.near_fraction,
        };
        let whose = Whose {
            agent: kpi_agent.as_deref(),
            team: kpi_team.as_deref(),
        };
        let kpis = judge.set(&team, &contexts, period, whose);
        let agents = listed
            .into_iter()
            .map(|a| {
                let pair = [acc[a].clone(), acc[n + a].clone()];
                let name = &self.agents.names[a];
                let whose = Whose {
                    agent: Some(name),
                    team: self.agents.team_name(a as u32),
                };
                (name.clone(), judge.set(&pair, &contexts, period, whose))
            })
            .collect();
        let calls = self.loaded.calls;
        Report {
            period: Some(period),
            previous_period: Some(previous),
            kpis,
            ranking: ranking(&agents),
            suggested_targets: suggested_targets(&agents),
            agents,
            campaigns: self.campaign_list(&scope),
            hours: calls.then(|| self.hours(&scope, period)),
            statuses: calls.then(|| Statuses {
                outbound: team[0].status_out,
                inbound: team[0].status_in,
            }),
        }
    }

    /// Outbound calls in `period` and scope by weekday × hour.
    fn hours(&self, scope: &InScope, period: Period) -> Vec<HourCount> {
        let mut grid = [[(0u64, 0u64); 24]; 7];
        for h in day_range(&self.hourly, |h| h.day, period.from.0, period.to.0) {
            if scope.agent_ok(h.agent) && scope.campaign_ok(h.campaign) {
                let cell = &mut grid[Day(h.day).weekday() as usize][usize::from(h.hour.min(23))];
                cell.0 += u64::from(h.calls);
                cell.1 += u64::from(h.connected);
            }
        }
        hour_grid(&grid)
    }

    /// The campaigns that may give `incremental_sales` its value under `filter`.
    pub(crate) fn candidates(&self, filter: &Filter) -> Candidates {
        match &filter.campaign {
            None => Candidates::All,
            Some(c) => Candidates::Only(self.campaign_code(c)),
        }
    }

    /// What the formulas need for a period; `forecast` is the month's first
    /// day and its last day with data (see [`Engine::forecast_days`]).
    pub(crate) fn context(
        &self,
        period: Period,
        campaign: bool,
        forecast: Option<(Day, Day)>,
    ) -> Context {
        let scale = forecast
            .filter(|_| self.loaded.deals)
            .map(|(_, last)| f64::from(last.days_in_its_month()) / f64::from(last.ymd().2));
        Context {
            loaded: self.loaded,
            has_upsell: self.has_upsell,
            days: period.days(),
            campaign,
            forecast_scale: scale,
        }
    }

    /// The forecast's month M (its first day) and D, the latest day on or
    /// before `to` inside M with a dated record (ANALYSES.md `forecast`).
    pub(crate) fn forecast_days(&self, to: Day) -> Option<(Day, Day)> {
        let month = to.month_start();
        let days = &self.record_days;
        let last = *days.get(days.partition_point(|&d| d <= to.0).checked_sub(1)?)?;
        (last >= month.0).then_some((month, Day(last)))
    }

    /// Adds the revenue of won deals in scope closed from `month` to the end
    /// of `last` to `acc[slot(agent)].month_revenue`.
    pub(crate) fn tally_month_revenue(
        &self,
        scope: &InScope,
        month: Day,
        last: Day,
        acc: &mut [Acc],
        slot: impl Fn(u32) -> usize,
    ) {
        for c in day_range(&self.closed, |c| c.day, month.0, last.0) {
            if c.won && scope.agent_ok(c.agent) && scope.campaign_ok(c.campaign) {
                if let Some(a) = acc.get_mut(slot(c.agent)) {
                    a.month_revenue += c.amount;
                }
            }
        }
    }

    fn campaign_list(&self, scope: &InScope) -> Vec<CampaignResult> {
        let deals = self.loaded.deals;
        (0..self.windows.len())
            .map(|w| {
                let mut one = [Acc::default()];
                self.tally_window(scope, w, &mut one, |_| 0);
                let [t] = one;
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
        let keep = |a: usize| scope.agent_ok(a as u32);
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
    pub(crate) fn kpis_scope(&self, filter: &Filter) -> (Option<String>, Option<String>) {
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
    pub(crate) fn canonical_targets(&self, targets: &Targets) -> Targets {
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

    /// Connected calls of the filter's period and scope that have a talk
    /// time, by whole minutes of talk ([`TALK_MINUTES`] buckets, the last
    /// taking every longer call): the talk-time distribution's bars.
    pub fn talk_minutes(&self, filter: &Filter) -> [u64; TALK_MINUTES] {
        let mut counts = [0u64; TALK_MINUTES];
        let Some(period) = self.period_of(filter) else {
            return counts;
        };
        let scope = self.in_scope(filter);
        for g in day_range(&self.groups, |g| g.day, period.from.0, period.to.0) {
            if scope.agent_ok(g.agent) && scope.campaign_ok(g.campaign) {
                for (c, &n) in counts.iter_mut().zip(&g.talk_minutes) {
                    *c += u64::from(n);
                }
            }
        }
        counts
    }
}
