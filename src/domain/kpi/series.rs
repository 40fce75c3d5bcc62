//! Charts' data, decided in the domain: every KPI per day or per ISO week
//! over the report period ([`Engine::series`]), and the month's sales run-up
//! against the pro-rated target ([`Engine::run_up`]) — each in one pass over
//! the calls, deals and leads, not a report per bucket.

use std::collections::HashMap;

use super::acc::Acc;
use super::campaigns::select;
use super::engine::Engine;
use super::id::KpiId;
use super::judge::{prorate, Judge, Whose};
use super::period::{Filter, Period};
use super::report::KpiSet;
use super::tally::{day_range, Buckets, InScope};
use super::targets::{Status, Target, Targets};
use super::values::{compute, records};
use crate::domain::model::time::Day;

/// Periods up to this many days are charted by day, longer ones by week.
pub const DAILY_LIMIT_DAYS: i64 = 62;

/// Below this many records a bucket is always "few" (see [`few_records`]).
pub const FEW_RECORDS: u64 = 10;

/// How a series cuts its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Granularity {
    /// One bucket per day.
    Day,
    /// One bucket per ISO week (Monday to Sunday), clipped to the period.
    Week,
}

impl Granularity {
    /// By day up to [`DAILY_LIMIT_DAYS`] days, else by week.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::{Granularity, Period};
    /// # use telesales_kpi::domain::model::time::Day;
    /// let d = |s| Day::parse_iso(s).unwrap();
    /// let oct = Period { from: d("2026-10-01"), to: d("2026-10-31") };
    /// assert_eq!(Granularity::for_period(oct), Granularity::Day);
    /// let q4 = Period { from: d("2026-10-01"), to: d("2026-12-31") };
    /// assert_eq!(Granularity::for_period(q4), Granularity::Week);
    /// ```
    pub fn for_period(period: Period) -> Granularity {
        if period.days() <= DAILY_LIMIT_DAYS {
            Granularity::Day
        } else {
            Granularity::Week
        }
    }

    /// The buckets of `period`, in order.
    pub fn buckets(self, period: Period) -> Vec<Period> {
        let mut out = Vec::new();
        let mut from = period.from;
        while from <= period.to {
            let to = match self {
                Granularity::Day => from,
                Granularity::Week => from.week_start().plus(6).min(period.to),
            };
            out.push(Period { from, to });
            from = to.plus(1);
        }
        out
    }
}

/// Every KPI of the report's scope per bucket of its period.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Series {
    /// Day or week.
    pub granularity: Granularity,
    /// The buckets, in order, each with the 15 KPIs over it, judged as a
    /// report over that bucket would be (`previous` is not computed).
    pub buckets: Vec<(Period, KpiSet)>,
}

/// One KPI in one bucket, as a chart plots it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SeriesPoint {
    /// The bucket.
    pub period: Period,
    /// The KPI's value.
    pub value: Option<f64>,
    /// What its target judges (`per_week`, `lift`, else the value).
    pub judged: Option<f64>,
    /// The bucket's status.
    pub status: Status,
    /// The lower and upper bound the bucket was judged against (for
    /// `monthly_sales`, the monthly target pro-rated to the bucket).
    pub bounds: (Option<f64>, Option<f64>),
    /// Records behind the value.
    pub records: Option<u64>,
    /// Too few records to read much into the value ([`few_records`]).
    pub few: bool,
}

impl Series {
    /// The points of one KPI.
    pub fn points(&self, id: KpiId) -> Vec<SeriesPoint> {
        let counts: Vec<Option<u64>> = self
            .buckets
            .iter()
            .map(|(_, set)| set.get(id).records)
            .collect();
        let few = few_records(&counts);
        self.buckets
            .iter()
            .zip(few)
            .map(|((period, set), few)| {
                let v = set.get(id);
                let bounds = v.target.as_ref().map_or((None, None), |t| {
                    let scale = |x: f64| {
                        if id == KpiId::MonthlySales {
                            prorate(x, *period)
                        } else {
                            x
                        }
                    };
                    (t.bound_min().map(scale), t.bound_max().map(scale))
                });
                SeriesPoint {
                    period: *period,
                    value: v.value,
                    judged: v.judged,
                    status: v.status,
                    bounds,
                    records: v.records,
                    few,
                }
            })
            .collect()
    }
}

/// Revenue per day as prefix sums: `sums[i]` is the revenue before day
/// `from + i`.
struct DailyRevenue {
    from: Day,
    sums: Vec<f64>,
}

impl DailyRevenue {
    /// The revenue from `a` to the end of `b` (days outside count nothing).
    fn between(&self, a: Day, b: Day) -> f64 {
        let at = |d: i32| {
            let i = (d - self.from.0).clamp(0, self.sums.len() as i32 - 1);
            self.sums.get(i as usize).copied().unwrap_or(0.0)
        };
        at(b.0 + 1) - at(a.0)
    }
}

/// Which buckets rest on too few records to read much into their value:
/// those with some records but fewer than [`FEW_RECORDS`], or under a
/// quarter of the median of the buckets that have any. Buckets without
/// records (or without a count) are never flagged: they have no value.
///
/// ```
/// # use telesales_kpi::domain::kpi::few_records;
/// assert_eq!(few_records(&[Some(100), Some(3), Some(0), None, Some(20), Some(120)]),
///            [false, true, false, false, true, false]);
/// ```
pub fn few_records(counts: &[Option<u64>]) -> Vec<bool> {
    let mut present: Vec<u64> = counts
        .iter()
        .flatten()
        .copied()
        .filter(|&c| c > 0)
        .collect();
    present.sort_unstable();
    let median = present.get(present.len() / 2).copied().unwrap_or(0);
    counts
        .iter()
        .map(|c| match *c {
            Some(n) if n > 0 => n < FEW_RECORDS || n.saturating_mul(4) < median,
            _ => false,
        })
        .collect()
}

/// One day of the month's sales run-up.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunUpDay {
    /// The day.
    pub day: Day,
    /// Revenue from the 1st of the month to the end of this day; `None`
    /// after the period's last day.
    pub revenue: Option<f64>,
    /// The monthly target's lower bound pro-rated over the same days.
    pub expected: Option<f64>,
}

/// The run-rate projection drawn to the end of the month (ANALYSES.md
/// `forecast`): from the revenue at D, the last day with data, to the
/// forecast at the month's last day.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ForecastLine {
    /// D.
    pub from: Day,
    /// Revenue from the 1st of the month to the end of D.
    pub from_revenue: f64,
    /// The month's last day.
    pub to: Day,
    /// The forecast.
    pub value: f64,
}

/// The sales run-up of the month that holds the period's last day, from the
/// month's 1st to its last day (revenue up to the period's last day).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunUp {
    /// Day by day, cumulative.
    pub days: Vec<RunUpDay>,
    /// The `monthly_sales` target of the report's scope.
    pub target: Option<Target>,
    /// The forecast line, when there is a day with data in the month.
    pub forecast: Option<ForecastLine>,
}

impl Engine {
    /// Every KPI per day or week of the filter's period
    /// ([`Granularity::for_period`]), for the filter's scope; `None` without
    /// a period. Each bucket equals `report` over that bucket.
    pub fn series(&self, filter: &Filter, targets: &Targets) -> Option<Series> {
        let period = self.period_of(filter)?;
        let granularity = Granularity::for_period(period);
        let periods = granularity.buckets(period);
        let first_week = period.from.week_start().0;
        let buckets = Buckets {
            of_day: |day: i32| {
                if !period.contains(Day(day)) {
                    return None;
                }
                Some(match granularity {
                    Granularity::Day => (day - period.from.0) as usize,
                    Granularity::Week => ((Day(day).week_start().0 - first_week) / 7) as usize,
                })
            },
            count: periods.len(),
            agents: self.agents.len() + 1,
            per_agent: false,
            days: (period.from.0, period.to.0),
        };
        let scope = self.in_scope(filter);
        let mut acc = vec![Acc::default(); buckets.len()];
        self.tally(&scope, &buckets, &mut acc);
        let only = self.candidates(filter);
        let revenue = self.daily_revenue(&scope, period.from.month_start(), period.to);
        let mut windows: HashMap<usize, Acc> = HashMap::new();
        let targets = self.canonical_targets(targets);
        let judge = Judge {
            targets: &targets,
            near: self.settings.near_fraction,
        };
        let (agent, team) = self.kpis_scope(filter);
        let whose = Whose {
            agent: agent.as_deref(),
            team: team.as_deref(),
        };
        let buckets = periods
            .into_iter()
            .zip(acc)
            .map(|(p, mut a)| {
                let window = select(&self.windows, p, &only);
                if let Some(w) = window {
                    let t = windows.entry(w).or_insert_with(|| {
                        let mut one = [Acc::default()];
                        self.tally_window(&scope, w, &mut one, |_| 0);
                        let [t] = one;
                        t
                    });
                    a.during = t.during;
                    a.during_n = t.during_n;
                    a.before = t.before;
                    a.new_customers = t.new_customers;
                }
                let forecast = self.forecast_days(p.to);
                if let Some((month, last)) = forecast {
                    a.month_revenue = revenue.between(month, last);
                }
                let ctx = self.context(p, window.is_some(), forecast);
                let values = KpiId::ALL
                    .into_iter()
                    .zip(compute(&a, &ctx))
                    .map(|(id, c)| {
                        let mut v = judge.value(id, c, p, whose);
                        v.records = records(id, &a, &ctx);
                        v
                    })
                    .collect();
                (p, KpiSet::new(values))
            })
            .collect();
        Some(Series {
            granularity,
            buckets,
        })
    }

    /// Won revenue in scope per day over `[from, to]`, as prefix sums.
    fn daily_revenue(&self, scope: &InScope, from: Day, to: Day) -> DailyRevenue {
        let mut sums = vec![0.0; (to.0 - from.0 + 2).max(1) as usize];
        for c in day_range(&self.closed, |c| c.day, from.0, to.0) {
            if c.won && scope.agent_ok(c.agent) && scope.campaign_ok(c.campaign) {
                if let Some(s) = sums.get_mut((c.day - from.0 + 1) as usize) {
                    *s += c.amount;
                }
            }
        }
        for i in 1..sums.len() {
            sums[i] += sums[i - 1];
        }
        DailyRevenue { from, sums }
    }

    /// The sales run-up of the month holding the period's last day, for the
    /// filter's scope; `None` without a period or without a deals file.
    pub fn run_up(&self, filter: &Filter, targets: &Targets) -> Option<RunUp> {
        let period = self.period_of(filter)?;
        if !self.loaded.deals {
            return None;
        }
        let month = period.to.month_start();
        let end = month.plus(period.to.days_in_its_month() as i32 - 1);
        let scope = self.in_scope(filter);
        let revenue = self.daily_revenue(&scope, month, period.to);
        let targets = self.canonical_targets(targets);
        let (agent, team) = self.kpis_scope(filter);
        let target = targets
            .for_scope(KpiId::MonthlySales, agent.as_deref(), team.as_deref())
            .cloned();
        let mut expected = 0.0;
        let days = (0..=end.0 - month.0)
            .map(|i| {
                let day = month.plus(i);
                let expected = target.as_ref().map(|t| {
                    expected += t.value / f64::from(day.days_in_its_month());
                    expected
                });
                RunUpDay {
                    day,
                    revenue: (day <= period.to).then(|| revenue.between(month, day)),
                    expected,
                }
            })
            .collect();
        let forecast = self.forecast_days(period.to).map(|(m, last)| {
            let from_revenue = revenue.between(m, last);
            ForecastLine {
                from: last,
                from_revenue,
                to: end,
                value: from_revenue * f64::from(last.days_in_its_month()) / f64::from(last.ymd().2),
            }
        });
        Some(RunUp {
            days,
            target,
            forecast,
        })
    }
}
