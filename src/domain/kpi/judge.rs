//! From tallies to judged KPI values: the formulas, then the target that
//! applies (agent > roster team > whole team), the value it judges, the
//! monthly pro-rating, and the status.

use super::acc::Acc;
use super::extra::Extra;
use super::id::KpiId;
use super::period::Period;
use super::report::{KpiSet, KpiValue};
use super::targets::{status, Status, Target, Targets};
use super::values::{compute, null_extras, records, Computed, Context};

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

/// A KPI set with every value null.
pub(crate) fn null_set() -> KpiSet {
    KpiSet::new(
        KpiId::ALL
            .into_iter()
            .map(|id| KpiValue {
                value: None,
                numerator: None,
                denominator: None,
                previous: None,
                judged: None,
                target: None,
                status: Status::None,
                extras: null_extras(id),
                records: None,
            })
            .collect(),
    )
}

/// Who is judged: the agent and roster team whose targets apply.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Whose<'a> {
    /// The roster's agent text, for one agent.
    pub agent: Option<&'a str>,
    /// The agent's roster team, or the team filter.
    pub team: Option<&'a str>,
}

/// Turns tallies into judged KPI values.
pub(crate) struct Judge<'t> {
    /// The targets (aliases resolved to roster agents).
    pub targets: &'t Targets,
    /// The `near` fraction.
    pub near: f64,
}

impl Judge<'_> {
    /// The set of one scope from its tallies and contexts for [period, previous].
    pub fn set(&self, acc: &[Acc; 2], ctx: &[Context; 2], period: Period, whose: Whose) -> KpiSet {
        let now = compute(&acc[0], &ctx[0]);
        let before = compute(&acc[1], &ctx[1]);
        let values = KpiId::ALL
            .into_iter()
            .zip(now.into_iter().zip(before))
            .map(|(id, (c, p))| {
                let mut v = self.value(id, c, period, whose);
                v.previous = p.value;
                v.records = records(id, &acc[0], &ctx[0]);
                v
            })
            .collect();
        KpiSet::new(values)
    }

    /// One KPI judged over `period` (without its previous value and records).
    pub fn value(&self, id: KpiId, mut c: Computed, period: Period, whose: Whose) -> KpiValue {
        let target = self.targets.for_scope(id, whose.agent, whose.team);
        let judged = match id.judged_extra() {
            Some(extra) => find(&c, extra),
            None => c.value,
        };
        let status = if id == KpiId::MonthlySales {
            let prorated = target.map(|t| Target {
                value: prorate(t.value, period),
                value_max: t.value_max.map(|m| prorate(m, period)),
                ..t.clone()
            });
            let attainment = match (c.value, &prorated) {
                (Some(v), Some(e)) if e.value != 0.0 => Some(v / e.value),
                _ => None,
            };
            set(&mut c, Extra::Attainment, attainment);
            let forecast = find(&c, Extra::Forecast);
            let whole_month = target.map(|t| t.value).filter(|&v| v != 0.0);
            set(
                &mut c,
                Extra::ForecastAttainment,
                forecast.zip(whole_month).map(|(f, t)| f / t),
            );
            status(judged, prorated.as_ref(), self.near)
        } else {
            status(judged, target, self.near)
        };
        KpiValue {
            value: c.value,
            numerator: c.numerator,
            denominator: c.denominator,
            previous: None,
            judged,
            target: target.cloned(),
            status,
            extras: c.extras,
            records: None,
        }
    }
}

/// An extra of computed figures.
pub(crate) fn find(c: &Computed, extra: Extra) -> Option<f64> {
    c.extras
        .iter()
        .find(|(k, _)| *k == extra)
        .and_then(|(_, v)| *v)
}

/// Sets an extra of computed figures (if the KPI has it).
pub(crate) fn set(c: &mut Computed, extra: Extra, value: Option<f64>) {
    for (k, v) in &mut c.extras {
        if *k == extra {
            *v = value;
        }
    }
}
