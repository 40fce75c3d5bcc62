//! What a report returns: plain data, and its JSON (KPIS.md "Command line").

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::analyses::{HourCount, Rank, Statuses};
use super::extra::Extra;
use super::id::KpiId;
use super::period::Period;
use super::targets::{Status, Target};
use crate::domain::model::time::Day;

/// One KPI's figures for the report period, judged: everything a card or an
/// agent cell shows.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KpiValue {
    /// The value; `None` when it can't be computed.
    pub value: Option<f64>,
    /// The numerator of a rate or ratio, the Σ of a mean; `None` for the KPIs
    /// that are not a quotient (`incremental_sales`, `sales_opportunities`,
    /// `monthly_sales`) and when the source kind is missing.
    pub numerator: Option<f64>,
    /// The denominator of a rate or ratio, the count of a mean.
    pub denominator: Option<f64>,
    /// The value for the previous period.
    pub previous: Option<f64>,
    /// What the target was compared with: `per_week` for
    /// `sales_opportunities`, `lift` for `incremental_sales`, else the value
    /// (for `monthly_sales` the revenue, compared with the pro-rated target).
    pub judged: Option<f64>,
    /// The target that decided `status` (agent's, roster team's or the whole
    /// team's), in the targets file's units; `None` when none applies.
    pub target: Option<Target>,
    /// The value judged against its target.
    pub status: Status,
    /// Extra figures of KPIS.md and ANALYSES.md, in [`KpiId::extras`] order.
    pub extras: Vec<(Extra, Option<f64>)>,
    /// How many records are behind the value (ANALYSES.md's drill-down set:
    /// won deals, outbound calls, leads, ...); `None` when the source kind is
    /// missing.
    pub records: Option<u64>,
}

impl KpiValue {
    /// An extra figure (`None` when absent or null).
    pub fn extra(&self, key: Extra) -> Option<f64> {
        self.extras
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| *v)
    }

    /// The JSON object of KPIS.md: value, numerator, denominator, previous,
    /// status, target and the extras as flat keys.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("value".into(), number(self.value));
        m.insert("numerator".into(), number(self.numerator));
        m.insert("denominator".into(), number(self.denominator));
        m.insert("previous".into(), number(self.previous));
        m.insert("status".into(), Value::String(self.status.as_str().into()));
        m.insert(
            "target".into(),
            self.target
                .as_ref()
                .map_or(Value::Null, Target::applied_json),
        );
        for &(k, v) in &self.extras {
            m.insert(k.as_str().into(), number(v));
        }
        Value::Object(m)
    }
}

/// A JSON number, or null for `None` (and for a non-finite value).
fn number(v: Option<f64>) -> Value {
    v.and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// The 15 KPIs of one scope.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KpiSet {
    values: Vec<KpiValue>,
}

impl KpiSet {
    /// Builds a set from the 15 values in [`KpiId::ALL`] order.
    pub(crate) fn new(values: Vec<KpiValue>) -> KpiSet {
        KpiSet { values }
    }

    /// The figures of `id`.
    pub fn get(&self, id: KpiId) -> &KpiValue {
        &self.values[id.index()]
    }

    /// Every KPI with its figures, in [`KpiId::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (KpiId, &KpiValue)> {
        KpiId::ALL.into_iter().zip(&self.values)
    }

    /// `{"<id>": {...}, ...}` for all 15 KPIs.
    pub fn to_json(&self) -> Value {
        Value::Object(
            self.iter()
                .map(|(id, v)| (id.as_str().to_owned(), v.to_json()))
                .collect(),
        )
    }
}

/// One campaign's incremental sales (for the UI's campaign list), for the
/// report's scope ignoring the campaign filter.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CampaignResult {
    /// The campaign's text.
    pub name: String,
    /// First day of its window.
    pub start: Day,
    /// Last day of its window.
    pub end: Day,
    /// Revenue during the window (`None` without a deals file).
    pub during: Option<f64>,
    /// Revenue in the equal window before it.
    pub before: Option<f64>,
    /// `during − before`.
    pub incremental: Option<f64>,
    /// `incremental / before` (`None` when `before` is 0).
    pub lift: Option<f64>,
    /// Won deals of new customers during the window.
    pub new_customers: Option<f64>,
}

/// A full report: the scope's KPIs, each agent's, the campaigns and the
/// analyses of ANALYSES.md.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// The report period (`None` when no period can be found).
    pub period: Option<Period>,
    /// The period compared with.
    pub previous_period: Option<Period>,
    /// The KPIs of the filtered scope.
    pub kpis: KpiSet,
    /// Each listed agent's KPIs, by agent text.
    pub agents: BTreeMap<String, KpiSet>,
    /// Every campaign with a window, by name.
    pub campaigns: Vec<CampaignResult>,
    /// Outbound calls by weekday × hour (168 cells); `None` without a calls file.
    pub hours: Option<Vec<HourCount>>,
    /// Calls by direction and status; `None` without a calls file.
    pub statuses: Option<Statuses>,
    /// The agents by met / near / missed.
    pub ranking: Vec<Rank>,
    /// A realistic target per KPI from the agents' own values.
    pub suggested_targets: Vec<(KpiId, Option<f64>)>,
}

impl Report {
    /// The report of no data: no period, every value null.
    pub fn empty() -> Report {
        Report {
            period: None,
            previous_period: None,
            kpis: super::judge::null_set(),
            agents: BTreeMap::new(),
            campaigns: Vec::new(),
            hours: None,
            statuses: None,
            ranking: Vec::new(),
            suggested_targets: KpiId::ALL.into_iter().map(|id| (id, None)).collect(),
        }
    }

    /// `{"period": {"from", "to"} | null, "kpis": {...}, "agents": {...},
    /// "hours": [...], "statuses": {...}, "ranking": [...],
    /// "suggested_targets": {...}}` (KPIS.md, ANALYSES.md).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let period = self.period.map_or(
            Value::Null,
            |p| serde_json::json!({ "from": p.from.to_string(), "to": p.to.to_string() }),
        );
        m.insert("period".into(), period);
        m.insert("kpis".into(), self.kpis.to_json());
        let agents = self
            .agents
            .iter()
            .map(|(a, set)| (a.clone(), set.to_json()))
            .collect();
        m.insert("agents".into(), Value::Object(agents));
        let hours = self.hours.as_ref().map_or(Value::Null, |cells| {
            cells
                .iter()
                .map(|c| {
                    serde_json::json!({"weekday": c.weekday, "hour": c.hour,
                        "calls": c.calls, "connected": c.connected})
                })
                .collect()
        });
        m.insert("hours".into(), hours);
        let by_status = |counts: &[u64; 7]| -> Value {
            Value::Object(
                Statuses::pairs(counts)
                    .map(|(s, n)| (s.as_str().to_owned(), Value::from(n)))
                    .collect(),
            )
        };
        let statuses = self.statuses.as_ref().map_or(Value::Null, |s| {
            serde_json::json!({"outbound": by_status(&s.outbound), "inbound": by_status(&s.inbound)})
        });
        m.insert("statuses".into(), statuses);
        let ranking = self
            .ranking
            .iter()
            .map(|r| serde_json::json!({"agent": r.agent, "met": r.met, "near": r.near, "missed": r.missed}))
            .collect();
        m.insert("ranking".into(), ranking);
        let suggested = self
            .suggested_targets
            .iter()
            .map(|(id, v)| (id.as_str().to_owned(), number(*v)))
            .collect();
        m.insert("suggested_targets".into(), Value::Object(suggested));
        Value::Object(m)
    }
}
