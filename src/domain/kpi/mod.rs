//! The 15 telesales KPIs (KPIS.md) computed over a [`crate::domain::model::Dataset`].
//!
//! [`Engine::new`] links the records once (agents and their roster aliases,
//! leads ↔ calls ↔ deals, first contacts, conversions, callbacks, campaign
//! windows); [`Engine::report`] then computes a [`Report`] for any period,
//! scope ([`Filter`]) and [`crate::domain::kpi::targets::Targets`] without
//! re-linking.
//!
//! # Readings of KPIS.md made here
//!
//! - `numerator` / `denominator`: the two counts of a rate, the two terms of
//!   a ratio (`average_purchase_value`: revenue / won deals; `revenue_per_call`:
//!   revenue / outbound calls; `profit_margin`: profit / Σ amount of won deals
//!   with a cost; `outbound_calls_per_day`: calls / agent-days, both without
//!   `(unassigned)`), the Σ and the count of a mean (seconds). `null` for
//!   `incremental_sales`, `sales_opportunities` and `monthly_sales`, and when
//!   the source kind is missing; a zero denominator gives `value: null` with
//!   the numerator and denominator still shown.
//! - `monthly_sales` status: revenue(P) against the pro-rated target
//!   (`Σ target / days_in_month(d)` over the days of P, both bounds for
//!   `between`); `attainment` = revenue / pro-rated lower bound.
//! - `incremental_sales`: revenue during and before the window, and
//!   `new_customers`, are counted over the scope's agents and team, ignoring
//!   the campaign filter; with no window intersecting P, value, `lift` and
//!   `new_customers` are null.
//! - Campaigns file: a campaign listed twice spans its earliest start to its
//!   latest end; a row ending before it starts gives no window.
//! - `avg_days_to_convert` averages the converted leads that have a
//!   conversion time (a lead converted by status only has none).
//! - Callbacks: among outbound calls started at the same instant, the one
//!   later in the table is "the latest".
//! - Roster: an agent's own text wins over another row's alias; the first
//!   row naming an alias (or giving an agent a team) wins.
//! - Targets: under `--team T`, T's target, else the whole team's (also for
//!   `monthly_sales`); under one `--agent A`, A's, else A's roster team's,
//!   else the whole team's (for `monthly_sales` A's own only); several agents
//!   without a team: the whole team's. A target naming an alias is the roster
//!   agent's. When a kpi and scope are listed twice, the last one counts.
//! - A filter whose `from` is after its `to` gives a null period.
//!
//! ```
//! use telesales_kpi::domain::kpi::{Engine, Filter, KpiId, Settings};
//! use telesales_kpi::domain::model::Dataset;
//! use telesales_kpi::domain::kpi::targets::Targets;
//!
//! let data = Dataset::new();
//! let engine = Engine::new(data, &Settings::default());
//! let report = engine.report(&Filter::default(), &Targets::presets());
//! assert_eq!(report.period, None);
//! assert_eq!(report.kpis.get(KpiId::MonthlySales).value, None);
//! ```

mod acc;
mod agents;
mod analyses;
mod campaigns;
mod drill;
mod engine;
mod extra;
mod id;
mod judge;
mod links;
mod period;
mod report;
mod scan;
mod series;
mod tally;
pub mod targets;
mod values;

pub use analyses::{percentile, ranking, suggested_targets, HourCount, Rank, Statuses};
pub use drill::{Cell, Column, Drill, RecordKind};
pub use engine::{Engine, TALK_MINUTES};
pub use extra::Extra;
pub use id::{KpiId, Unit};
pub use judge::prorate;
pub use period::{Filter, Period, Settings};
pub use report::{CampaignResult, KpiSet, KpiValue, Report};
pub use series::{
    few_records, ForecastLine, Granularity, RunUp, RunUpDay, Series, SeriesPoint, DAILY_LIMIT_DAYS,
    FEW_RECORDS,
};
