//! The analyses beyond the 15 KPIs (ANALYSES.md "New top-level blocks"):
//! outbound calls by weekday and hour, calls by status, the agents' ranking
//! by met / near / missed, and targets suggested from the team's own agents.

use std::collections::BTreeMap;

use super::id::KpiId;
use super::report::KpiSet;
use super::targets::{Comparator, Status, Targets};
use crate::domain::model::{CallStatus, UNASSIGNED};

/// Outbound calls started in one weekday × hour cell of the period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HourCount {
    /// Monday = 1 … Sunday = 7.
    pub weekday: u8,
    /// 0 … 23, report wall time.
    pub hour: u8,
    /// Outbound calls.
    pub calls: u64,
    /// Of those, connected.
    pub connected: u64,
}

impl HourCount {
    /// The connection rate of the cell (`None` without calls).
    pub fn rate(&self) -> Option<f64> {
        (self.calls > 0).then(|| self.connected as f64 / self.calls as f64)
    }

    /// Too few calls (1 to [`super::FEW_RECORDS`] − 1) to read much into
    /// the rate; the heat map marks such cells.
    pub fn few(&self) -> bool {
        self.calls > 0 && self.calls < super::FEW_RECORDS
    }
}

/// The 168 cells, Monday 0:00 first, from counts indexed `[weekday0][hour]`.
pub(crate) fn hour_grid(counts: &[[(u64, u64); 24]; 7]) -> Vec<HourCount> {
    let mut out = Vec::with_capacity(168);
    for (w, hours) in counts.iter().enumerate() {
        for (h, &(calls, connected)) in hours.iter().enumerate() {
            out.push(HourCount {
                weekday: w as u8 + 1,
                hour: h as u8,
                calls,
                connected,
            });
        }
    }
    out
}

/// Calls of the period by direction and status ([`CallStatus::ALL`] order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Statuses {
    /// Outbound calls by status.
    pub outbound: [u64; 7],
    /// Inbound calls by status.
    pub inbound: [u64; 7],
}

impl Statuses {
    /// `(status, count)` pairs of one direction.
    pub fn pairs(counts: &[u64; 7]) -> impl Iterator<Item = (CallStatus, u64)> + '_ {
        CallStatus::ALL.into_iter().zip(counts.iter().copied())
    }
}

/// One agent's standing: how many of its 15 KPIs met, neared or missed their
/// targets.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rank {
    /// The agent.
    pub agent: String,
    /// KPIs met.
    pub met: u32,
    /// KPIs near their target.
    pub near: u32,
    /// KPIs that missed.
    pub missed: u32,
}

/// The agents other than `(unassigned)`, by met descending, then missed
/// ascending, then agent (byte order).
///
/// ```
/// # use std::collections::BTreeMap;
/// # use telesales_kpi::domain::kpi::{ranking, KpiSet};
/// let agents: BTreeMap<String, KpiSet> = BTreeMap::new();
/// assert!(ranking(&agents).is_empty());
/// ```
pub fn ranking(agents: &BTreeMap<String, KpiSet>) -> Vec<Rank> {
    let mut out: Vec<Rank> = agents
        .iter()
        .filter(|(a, _)| a.as_str() != UNASSIGNED)
        .map(|(agent, set)| {
            let count = |s: Status| set.iter().filter(|(_, v)| v.status == s).count() as u32;
            Rank {
                agent: agent.clone(),
                met: count(Status::Met),
                near: count(Status::Near),
                missed: count(Status::Missed),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.met
            .cmp(&a.met)
            .then(a.missed.cmp(&b.missed))
            .then_with(|| a.agent.as_bytes().cmp(b.agent.as_bytes()))
    });
    out
}

/// The `p`-th quantile of sorted values by linear interpolation between
/// closest ranks (r = p·(n − 1)); `None` with fewer than 2 values.
///
/// ```
/// # use telesales_kpi::domain::kpi::percentile;
/// assert_eq!(percentile(&[1.0, 2.0], 0.75), Some(1.75));
/// assert_eq!(percentile(&[10.0, 20.0, 30.0, 40.0, 50.0], 0.25), Some(20.0));
/// assert_eq!(percentile(&[3.0], 0.75), None);
/// ```
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.len() < 2 {
        return None;
    }
    let r = p * (sorted.len() - 1) as f64;
    let lo = r.floor() as usize;
    let x0 = *sorted.get(lo)?;
    let x1 = sorted.get(lo + 1).copied().unwrap_or(x0);
    Some(x0 + (r - r.floor()) * (x1 - x0))
}

/// "What your best quarter already does": per KPI, the 75th percentile of
/// the agents' judged values for KPIs whose preset is `at_least`, the 25th
/// for `at_most` ones; `None` for `incremental_sales`, `monthly_sales` and
/// `average_talk_time` (team-level targets and a band) and with fewer than 2
/// agents (other than `(unassigned)`) that have a value.
pub fn suggested_targets(agents: &BTreeMap<String, KpiSet>) -> Vec<(KpiId, Option<f64>)> {
    let presets = Targets::presets();
    KpiId::ALL
        .into_iter()
        .map(|id| {
            let skip = matches!(
                id,
                KpiId::IncrementalSales | KpiId::MonthlySales | KpiId::AverageTalkTime
            );
            let p = match presets.find(id, &super::targets::Scope::Team) {
                Some(t) if t.comparator == Comparator::AtMost => 0.25,
                Some(t) if t.comparator == Comparator::AtLeast => 0.75,
                _ => return (id, None),
            };
            if skip {
                return (id, None);
            }
            let mut values: Vec<f64> = agents
                .iter()
                .filter(|(a, _)| a.as_str() != UNASSIGNED)
                .filter_map(|(_, set)| set.get(id).judged)
                .filter(|v| v.is_finite())
                .collect();
            values.sort_by(f64::total_cmp);
            (id, percentile(&values, p))
        })
        .collect()
}
