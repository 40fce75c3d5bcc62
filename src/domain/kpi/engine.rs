//! The engine: everything that does not depend on the filter is computed once
//! in [`Engine::new`] (agent canonicalisation, linking, callbacks, campaign
//! windows, per-record days), so a report for another period, scope or set of
//! targets only scans compact, day-sorted arrays.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use rustc_hash::FxHasher;

use super::agents::Agents;
use super::campaigns::{windows, Window};
use super::links::{is_set, Links};
use super::period::{Period, Settings};
use crate::domain::model::time::{Day, DAY_MS};
use crate::domain::model::{
    CallStatus, CustomerType, Dataset, Direction, Loaded, Millis, Stage, Sym,
};

/// A hash map with the fast non-cryptographic hash (keys are small integers).
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Campaign of a record as a number: 0 for none, else symbol index + 1.
pub(crate) fn campaign_code(s: Option<Sym>) -> u32 {
    s.map_or(0, |s| s.index() as u32 + 1)
}

/// The calls of one (day, agent, campaign), tallied.
#[derive(Clone, Debug, Default)]
pub(crate) struct CallGroup {
    pub day: i32,
    pub agent: u32,
    pub campaign: u32,
    pub outbound: u32,
    pub connected_out: u32,
    pub callbacks: u32,
    pub offered: u32,
    pub abandoned: u32,
    pub wait_n: u32,
    pub wait_ms: u64,
    pub talk_n: u32,
    pub talk_ms: u64,
    pub under_2min: u32,
    /// Offered calls connected within the service level.
    pub within_sl: u32,
    /// Abandoned offered calls with a lead id or a phone.
    pub abandoned_keyed: u32,
    /// Of those, called back (ANALYSES.md `called_back`).
    pub called_back: u32,
    /// Outbound calls by status ([`CallStatus::ALL`] order).
    pub status_out: [u32; 7],
    /// Inbound calls by status.
    pub status_in: [u32; 7],
    /// Connected calls with a talk time, by whole minutes of talk (the last
    /// bucket takes every longer call).
    pub talk_minutes: [u32; TALK_MINUTES],
}

/// Buckets of the talk-time distribution: 0–1 min, 1–2 min, …, 14 min and more.
pub const TALK_MINUTES: usize = 15;

/// Outbound calls of one (day, agent, campaign, hour of the day).
#[derive(Clone, Copy, Debug)]
pub(crate) struct HourCell {
    pub day: i32,
    pub agent: u32,
    pub campaign: u32,
    pub hour: u8,
    pub calls: u32,
    pub connected: u32,
}

/// A deal as an opportunity (by `created_at` day).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Opportunity {
    pub day: i32,
    /// Row in the deals table.
    pub row: u32,
    pub agent: u32,
    pub campaign: u32,
}

/// A won or lost deal (by `closed_at` day).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Closed {
    pub day: i32,
    /// Row in the deals table.
    pub row: u32,
    pub agent: u32,
    pub campaign: u32,
    pub won: bool,
    pub upsell: bool,
    pub new_customer: bool,
    pub amount: f64,
    pub cost: Option<f64>,
}

/// A lead (by `created_at` day), with what linking found.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LeadRec {
    pub day: i32,
    /// Row in the leads table.
    pub row: u32,
    /// The agent, or `agents.len()` for a lead without agent.
    pub agent: u32,
    pub campaign: u32,
    pub response_ms: Option<i64>,
    pub converted: bool,
    pub convert_ms: Option<i64>,
}

/// Computes KPI reports over one dataset (see the module docs). It keeps no
/// reference to the dataset: a page can keep it across filter changes.
pub struct Engine {
    /// The records (shared, not copied: drill-down rows and the talk-time
    /// histogram read them).
    pub(crate) data: Arc<Dataset>,
    pub(crate) loaded: Loaded,
    pub(crate) has_upsell: bool,
    /// Campaign texts → codes.
    pub(crate) campaign_codes: HashMap<String, u32>,
    pub(crate) settings: Settings,
    pub(crate) agents: Agents,
    pub(crate) groups: Vec<CallGroup>,
    pub(crate) opportunities: Vec<Opportunity>,
    pub(crate) closed: Vec<Closed>,
    pub(crate) leads: Vec<LeadRec>,
    pub(crate) windows: Vec<Window>,
    /// Sorted distinct (agent, campaign code) of every record with an agent.
    pub(crate) presence: Vec<(u32, u32)>,
    pub(crate) default_period: Option<Period>,
    /// Outbound calls by hour, sorted by day.
    pub(crate) hourly: Vec<HourCell>,
    /// Every day with a dated record (the default period's records), sorted.
    pub(crate) record_days: Vec<i32>,
    /// Abandoned call row → the row of the outbound call that called it back.
    pub(crate) called_back: FxHashMap<u32, u32>,
    /// Per call, a bit: an outbound call that got a callback (KPI 15).
    pub(crate) call_callback: Vec<u64>,
    /// Per lead row: its position in `leads`.
    pub(crate) lead_pos: Vec<u32>,
}

/// For an inbound call of this status and wait, whether it is offered (KPI
/// 11, after the short-abandon rule): `Some(abandoned)`, or `None`.
pub(crate) fn offered(status: CallStatus, wait: Millis, short_ms: f64) -> Option<bool> {
    let wait_ms = wait.secs().map(|s| (s * 1000.0).round());
    let abandoned = status == CallStatus::Abandoned && !wait_ms.is_some_and(|w| w < short_ms);
    (status == CallStatus::Connected || abandoned).then_some(abandoned)
}

impl Engine {
    /// Prepares `data` for reports under `settings`; the engine keeps the
    /// dataset (an `Arc`, so the page and the engine share one copy).
    pub fn new(data: impl Into<Arc<Dataset>>, settings: &Settings) -> Engine {
        let data: Arc<Dataset> = data.into();
        let agents = Agents::new(&data);
        let window_ms = i64::from(settings.callback_days).saturating_mul(DAY_MS);
        let links = Links::new(&data, window_ms);
        let c = &data.calls;
        // Each call's agent index and day, worked out where read (a column
        // of each would cost 8 bytes a call at the engine's high-water mark).
        let call_agent = |i: usize| agents.of_sym(c.agent[i]);
        let call_day = |i: usize| Day::of(c.started_at.at(i)).0;
        let groups = group_calls(&data, settings, &links, &call_agent, &call_day);
        let (opportunities, closed) = deals(&data, &agents);
        let leads = leads(&data, &agents, &links);
        let mut lead_pos = vec![0u32; data.leads.len()];
        for (k, l) in leads.iter().enumerate() {
            if let Some(slot) = lead_pos.get_mut(l.row as usize) {
                *slot = k as u32;
            }
        }
        let mut presence: Vec<(u32, u32)> = groups.iter().map(|g| (g.agent, g.campaign)).collect();
        for i in 0..data.deals.len() {
            presence.push((
                agents.of_sym(data.deals.agent[i]),
                campaign_code(data.deals.campaign[i]),
            ));
        }
        presence.extend(leads.iter().map(|l| (l.agent, l.campaign)));
        presence.retain(|&(a, _)| (a as usize) < agents.len());
        presence.sort_unstable();
        presence.dedup();
        let record_days = record_days(&data, &call_day);
        let default_period = default_period(&record_days);
        let hourly = hourly(&data, &call_agent, &call_day);
        let Links {
            callback: call_callback,
            called_back,
            ..
        } = links;
        Engine {
            loaded: data.loaded,
            has_upsell: data.deals.has_upsell_column,
            campaign_codes: campaign_codes(&data),
            settings: settings.clone(),
            agents,
            groups,
            opportunities,
            closed,
            leads,
            windows: windows(&data),
            presence,
            default_period,
            hourly,
            record_days,
            lead_pos,
            call_callback,
            called_back,
            data,
        }
    }

    /// The dataset the engine reports on.
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    /// The agent index of call `i`.
    pub(crate) fn call_agent(&self, i: usize) -> u32 {
        self.agents.of_sym(self.data.calls.agent[i])
    }

    /// The day of call `i`.
    pub(crate) fn call_day(&self, i: usize) -> i32 {
        Day::of(self.data.calls.started_at.at(i)).0
    }

    /// The campaign code of call `i`.
    pub(crate) fn call_campaign(&self, i: usize) -> u32 {
        campaign_code(self.data.calls.campaign[i])
    }

    /// The talk time of call `i` in seconds, when it is a connected call
    /// with a talk time (KPI 14's calls).
    pub(crate) fn call_talk(&self, i: usize) -> Option<f64> {
        let c = &self.data.calls;
        (c.status(i) == CallStatus::Connected)
            .then(|| c.talk[i].secs())
            .flatten()
    }

    /// Whether outbound call `i` got a callback (KPI 15).
    pub(crate) fn got_callback(&self, i: usize) -> bool {
        is_set(&self.call_callback, i)
    }

    /// The first to the last day among calls' `started_at`, deals'
    /// `created_at` and (won or lost) `closed_at` and leads' `created_at` of
    /// all records; `None` when there is no dated record.
    pub fn default_period(&self) -> Option<Period> {
        self.default_period
    }

    /// Every agent the filters can offer (roster agents and record agents,
    /// aliases folded into the roster's agent), sorted.
    pub fn agent_names(&self) -> Vec<String> {
        let mut names = self.agents.names.clone();
        names.sort();
        names
    }

    /// The roster's teams, sorted.
    pub fn team_names(&self) -> Vec<String> {
        let mut teams = self.agents.teams.clone();
        teams.sort();
        teams
    }

    /// Every campaign named by a record or by the campaigns file, sorted.
    pub fn campaign_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.campaign_codes.keys().cloned().collect();
        names.sort();
        names
    }
}

/// Every campaign text of the records and of the campaigns file → its code.
fn campaign_codes(data: &Dataset) -> HashMap<String, u32> {
    let mut seen = vec![false; data.strings.len()];
    let tagged = data
        .calls
        .campaign
        .iter()
        .chain(&data.deals.campaign)
        .chain(&data.leads.campaign)
        .flatten()
        .copied()
        .chain(data.campaigns.rows.iter().map(|r| r.campaign));
    for s in tagged {
        if let Some(flag) = seen.get_mut(s.index()) {
            *flag = true;
        }
    }
    data.strings
        .iter()
        .filter(|(s, _)| seen.get(s.index()).copied().unwrap_or(false))
        .map(|(s, text)| (text.to_owned(), campaign_code(Some(s))))
        .collect()
}

/// The first to the last of the days with a dated record.
fn default_period(record_days: &[i32]) -> Option<Period> {
    Some(Period {
        from: Day(*record_days.first()?),
        to: Day(*record_days.last()?),
    })
}

fn group_calls(
    data: &Dataset,
    settings: &Settings,
    links: &Links,
    call_agent: &impl Fn(usize) -> u32,
    call_day: &impl Fn(usize) -> i32,
) -> Vec<CallGroup> {
    let c = &data.calls;
    let short_ms = settings.short_abandon_seconds * 1000.0;
    let sl_ms = settings.service_level_seconds * 1000.0;
    // One hash lookup per call (groups are few: days × agents × campaigns),
    // then the groups alone are sorted.
    let mut index: FxHashMap<(i32, u32, u32), u32> = FxHashMap::default();
    let mut groups: Vec<CallGroup> = Vec::new();
    for i in 0..c.len() {
        let (day, agent, campaign) = (call_day(i), call_agent(i), campaign_code(c.campaign[i]));
        let slot = *index.entry((day, agent, campaign)).or_insert_with(|| {
            groups.push(CallGroup {
                day,
                agent,
                campaign,
                ..CallGroup::default()
            });
            groups.len() as u32 - 1
        });
        let Some(g) = groups.get_mut(slot as usize) else {
            continue;
        };
        let status = c.status(i);
        let connected = status == CallStatus::Connected;
        let wait = c.wait[i].secs().map(|s| (s * 1000.0).round() as u64);
        match c.direction(i) {
            Direction::Outbound => {
                g.outbound += 1;
                g.connected_out += u32::from(connected);
                g.callbacks += u32::from(links.got_callback(i));
                g.status_out[status as usize] += 1;
            }
            Direction::Inbound => {
                g.status_in[status as usize] += 1;
                let offer = offered(status, c.wait[i], short_ms);
                let abandoned = offer == Some(true);
                if offer.is_some() {
                    g.offered += 1;
                    g.abandoned += u32::from(abandoned);
                    if let Some(w) = wait {
                        g.wait_n += 1;
                        g.wait_ms += w;
                        g.within_sl += u32::from(connected && (w as f64) <= sl_ms);
                    }
                }
                if abandoned && (c.lead_id[i].is_some() || c.phone[i].is_some()) {
                    g.abandoned_keyed += 1;
                    g.called_back += u32::from(links.called_back.contains_key(&(i as u32)));
                }
            }
        }
        if connected {
            if let Some(t) = c.talk[i].secs() {
                let ms = (t * 1000.0).round() as u64;
                g.talk_n += 1;
                g.talk_ms += ms;
                g.under_2min += u32::from(ms < 120_000);
                g.talk_minutes[((ms / 60_000) as usize).min(TALK_MINUTES - 1)] += 1;
            }
        }
    }
    groups.sort_unstable_by_key(|g| (g.day, g.agent, g.campaign));
    groups
}

fn deals(data: &Dataset, agents: &Agents) -> (Vec<Opportunity>, Vec<Closed>) {
    let d = &data.deals;
    let mut opps = Vec::new();
    let mut closed = Vec::new();
    for i in 0..d.len() {
        let agent = agents.of_sym(d.agent[i]);
        let campaign = campaign_code(d.campaign[i]);
        if let Some(t) = d.created_at[i] {
            opps.push(Opportunity {
                day: Day::of(t).0,
                row: i as u32,
                agent,
                campaign,
            });
        }
        let (Some(t), Stage::Won | Stage::Lost) = (d.closed_at[i], d.stage[i]) else {
            continue;
        };
        closed.push(Closed {
            day: Day::of(t).0,
            row: i as u32,
            agent,
            campaign,
            won: d.stage[i] == Stage::Won,
            upsell: d.upsell[i] == Some(true),
            new_customer: d.customer_type[i] == Some(CustomerType::New),
            amount: d.amount[i],
            cost: d.cost[i],
        });
    }
    opps.sort_by_key(|o| o.day);
    closed.sort_by_key(|c| c.day);
    (opps, closed)
}

fn leads(data: &Dataset, agents: &Agents, links: &Links) -> Vec<LeadRec> {
    let l = &data.leads;
    let none = agents.len() as u32;
    let mut out: Vec<LeadRec> = (0..l.len())
        .map(|i| {
            let created = l.created_at[i];
            LeadRec {
                day: Day::of(created).0,
                row: i as u32,
                agent: l.agent[i].map_or(none, |s| agents.of_sym(s).min(none)),
                campaign: campaign_code(l.campaign[i]),
                response_ms: links.first_contact[i].map(|t| t - created),
                converted: links.converted[i],
                convert_ms: links.converted_at[i].map(|t| t - created),
            }
        })
        .collect();
    out.sort_by_key(|r| r.day);
    out
}

/// Outbound calls tallied by (day, agent, campaign, hour), sorted.
fn hourly(
    data: &Dataset,
    call_agent: &impl Fn(usize) -> u32,
    call_day: &impl Fn(usize) -> i32,
) -> Vec<HourCell> {
    let c = &data.calls;
    let mut index: FxHashMap<(i32, u32, u32, u8), u32> = FxHashMap::default();
    let mut out: Vec<HourCell> = Vec::new();
    for i in 0..c.len() {
        if c.direction(i) != Direction::Outbound {
            continue;
        }
        let (day, agent, campaign) = (call_day(i), call_agent(i), campaign_code(c.campaign[i]));
        let hour = ((c.started_at.at(i) - i64::from(day) * DAY_MS) / 3_600_000).clamp(0, 23) as u8;
        let slot = *index
            .entry((day, agent, campaign, hour))
            .or_insert_with(|| {
                out.push(HourCell {
                    day,
                    agent,
                    campaign,
                    hour,
                    calls: 0,
                    connected: 0,
                });
                out.len() as u32 - 1
            });
        if let Some(h) = out.get_mut(slot as usize) {
            h.calls += 1;
            h.connected += u32::from(c.status(i) == CallStatus::Connected);
        }
    }
    out.sort_unstable_by_key(|h| (h.day, h.agent, h.campaign, h.hour));
    out
}

/// Every day on which a dated record of the default period lies, sorted:
/// calls' `started_at`, deals' `created_at` and (won or lost) `closed_at`,
/// leads' `created_at`. An open deal's `closed_at` is an expected date and
/// counts nowhere (DATA.md §2).
fn record_days(data: &Dataset, call_day: &impl Fn(usize) -> i32) -> Vec<i32> {
    let d = &data.deals;
    let closed = (0..d.len())
        .filter(|&i| matches!(d.stage[i], Stage::Won | Stage::Lost))
        .filter_map(|i| d.closed_at[i]);
    let days = || {
        (0..data.calls.len())
            .map(call_day)
            .chain(d.created_at.iter().flatten().map(|&t| Day::of(t).0))
            .chain(closed.clone().map(|t| Day::of(t).0))
            .chain(data.leads.created_at.iter().map(|&t| Day::of(t).0))
    };
    let (lo, hi) = days().fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    if lo > hi {
        return Vec::new();
    }
    let span = i64::from(hi) - i64::from(lo) + 1;
    if span > 4_000_000 {
        // Dates over ten thousand years apart: sort instead of flagging.
        let mut all: Vec<i32> = days().collect();
        all.sort_unstable();
        all.dedup();
        return all;
    }
    // A flag per day of the range instead of sorting every record's day.
    let mut seen = vec![false; span as usize];
    for day in days() {
        seen[(day - lo) as usize] = true;
    }
    seen.iter()
        .enumerate()
        .filter(|(_, &s)| s)
        .map(|(i, _)| lo + i as i32)
        .collect()
}
