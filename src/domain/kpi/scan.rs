//! [`Engine::report`]: resolves the filter, tallies the period and the
//! previous period per agent in one pass over the day-sorted arrays, sums the
//! agents in scope for the team, and judges every value against its target.

use std::collections::BTreeSet;

use super::acc::Acc;
use super::campaigns::{select, Candidates};
use super::engine::Engine;
use super::judge::{null_set, Judge, Whose};
use super::period::{Filter, Period};
use super::report::{CampaignResult, Report};
use super::tally::{Buckets, InScope};
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
        let contexts = [(period, selected[0]), (previous, selected[1])]
            .map(|(p, w)| self.context(p, w.is_some()));
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
        Report {
            period: Some(period),
            previous_period: Some(previous),
            kpis,
            agents,
            campaigns: self.campaign_list(&scope),
        }
    }

    /// The campaigns that may give `incremental_sales` its value under `filter`.
    pub(crate) fn candidates(&self, filter: &Filter) -> Candidates {
        match &filter.campaign {
            None => Candidates::All,
            Some(c) => Candidates::Only(self.campaign_code(c)),
        }
    }

    /// What the formulas need for a period.
    pub(crate) fn context(&self, period: Period, campaign: bool) -> Context {
        Context {
            loaded: self.loaded,
            has_upsell: self.has_upsell,
            days: period.days(),
            campaign,
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
