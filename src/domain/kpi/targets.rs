//! KPI targets, the article's presets, and the met/near/missed status.
//!
//! A target's value is in the unit of the JSON output: fractions (0.6 = 60 %),
//! seconds, currency units; the `incremental_sales` target is a lift fraction,
//! the `sales_opportunities` target a count per agent per week and the
//! `monthly_sales` target an amount per calendar month (KPIS.md "Targets").

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::id::KpiId;

/// How a value is compared with its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// The value should be ≥ the target.
    AtLeast,
    /// The value should be ≤ the target.
    AtMost,
    /// The value should lie in `[value, value_max]`.
    Between,
}

impl Comparator {
    /// The comparator's name in the targets file.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => "at_least",
            Comparator::AtMost => "at_most",
            Comparator::Between => "between",
        }
    }

    /// The comparator named `text` (`at_least`, `at_most`, `between`).
    pub fn parse(text: &str) -> Option<Comparator> {
        [Comparator::AtLeast, Comparator::AtMost, Comparator::Between]
            .into_iter()
            .find(|c| c.as_str() == text)
    }
}

/// Whom a target is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    /// The whole team (and each agent without a target of its own).
    Team,
    /// One team of the roster (and its agents).
    RosterTeam(String),
    /// One agent (a roster agent or one of its aliases).
    Agent(String),
}

/// One target.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Target {
    /// The KPI it judges.
    pub kpi: KpiId,
    /// How the value is compared.
    pub comparator: Comparator,
    /// The bound (the lower bound for `between`).
    pub value: f64,
    /// The upper bound of `between` (ignored otherwise).
    pub value_max: Option<f64>,
    /// Whom it is for.
    pub scope: Scope,
}

/// A set of targets (the presets, or a user's file).
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Targets {
    /// The targets in file order.
    pub targets: Vec<Target>,
}

/// The met / near / missed judgement of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// The target is met.
    Met,
    /// Missed, but within the near fraction (10 %) of the bound.
    Near,
    /// Missed.
    Missed,
    /// No value or no target.
    None,
}

impl Status {
    /// `met`, `near`, `missed` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Near => "near",
            Status::Missed => "missed",
            Status::None => "none",
        }
    }
}

/// Why a targets file can't be used.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetsError {
    /// Not JSON, or not the expected shape; with the position (from 1).
    BadJson {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// A `version` other than 1.
    UnsupportedVersion(String),
    /// A `kpi` that is not one of the 15 ids.
    UnknownKpi {
        /// Position of the target in the list, from 0.
        index: usize,
        /// The text found.
        kpi: String,
    },
    /// A `comparator` other than `at_least`, `at_most`, `between`.
    BadComparator {
        /// Position of the target in the list, from 0.
        index: usize,
        /// The text found.
        comparator: String,
    },
    /// A `value` (or `value_max`) that is not a finite number.
    BadValue {
        /// Position of the target in the list, from 0.
        index: usize,
        /// Which field.
        field: &'static str,
    },
    /// `between` without `value_max`.
    BetweenWithoutMax {
        /// Position of the target in the list, from 0.
        index: usize,
    },
    /// `between` whose `value_max` is below `value`.
    BetweenReversed {
        /// Position of the target in the list, from 0.
        index: usize,
    },
    /// Both `agent` and `team` given.
    AgentAndTeam {
        /// Position of the target in the list, from 0.
        index: usize,
    },
}

impl fmt::Display for TargetsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetsError::BadJson {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "targets file: bad JSON at line {line}, column {column}: {message}"
                )
            }
            TargetsError::UnsupportedVersion(v) => {
                write!(f, "targets file: unsupported version {v} (expected 1)")
            }
            TargetsError::UnknownKpi { index, kpi } => {
                write!(f, "target #{}: unknown kpi {kpi:?}", index + 1)
            }
            TargetsError::BadComparator { index, comparator } => write!(
                f,
                "target #{}: comparator {comparator:?} is not at_least, at_most or between",
                index + 1
            ),
            TargetsError::BadValue { index, field } => {
                write!(f, "target #{}: {field} is not a finite number", index + 1)
            }
            TargetsError::BetweenWithoutMax { index } => {
                write!(f, "target #{}: between needs value_max", index + 1)
            }
            TargetsError::BetweenReversed { index } => {
                write!(f, "target #{}: value_max is below value", index + 1)
            }
            TargetsError::AgentAndTeam { index } => {
                write!(f, "target #{}: give agent or team, not both", index + 1)
            }
        }
    }
}

impl std::error::Error for TargetsError {}

/// The file shape, before validation. The version is kept as written (a
/// JSON value of any kind: only the number 1 is read), without a JSON tree
/// type, which the page would otherwise carry for this alone.
#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    version: Option<Box<RawValue>>,
    targets: Vec<RawTarget>,
}

/// The file as written: keys in alphabetical order, as in every targets
/// file this program has written.
#[derive(Serialize)]
struct FileOut<'a> {
    targets: &'a [RawTarget],
    version: u32,
}

/// One target as written, before validation (fields in alphabetical order:
/// the order they are written in).
#[derive(Serialize, Deserialize)]
struct RawTarget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agent: Option<String>,
    comparator: String,
    kpi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<String>,
    value: Option<f64>,
    #[serde(default)]
    value_max: Option<f64>,
}

/// Whether a file's `version` is the number 1 (`1`, `1.0`, `1e0`).
pub(crate) fn is_version_one(version: &RawValue) -> bool {
    serde_json::from_str::<f64>(version.get()).ok() == Some(1.0)
}

impl Target {
    /// A whole-team target.
    pub fn team(kpi: KpiId, comparator: Comparator, value: f64, value_max: Option<f64>) -> Target {
        Target {
            kpi,
            comparator,
            value,
            value_max,
            scope: Scope::Team,
        }
    }

    /// The lower bound (`at_least`'s value, `between`'s `value`), as the
    /// targets editor and `data-bound-min` show it.
    pub fn bound_min(&self) -> Option<f64> {
        match self.comparator {
            Comparator::AtLeast | Comparator::Between => Some(self.value),
            Comparator::AtMost => None,
        }
    }

    /// The upper bound (`at_most`'s value, `between`'s `value_max`).
    pub fn bound_max(&self) -> Option<f64> {
        match self.comparator {
            Comparator::AtMost => Some(self.value),
            Comparator::Between => self.value_max,
            Comparator::AtLeast => None,
        }
    }

    /// The target as a KPI object's `target` (KPIS.md): comparator, value,
    /// `value_max` (null unless `between`), and `agent` or `team` for an
    /// agent's or a roster team's target.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::{KpiId, targets::{Comparator, Scope, Target}};
    /// let t = Target { scope: Scope::Agent("budi".into()),
    ///     ..Target::team(KpiId::CallbackRate, Comparator::AtLeast, 0.3, None) };
    /// assert_eq!(t.applied_json().to_string(),
    ///     r#"{"agent":"budi","comparator":"at_least","value":0.3,"value_max":null}"#);
    /// ```
    pub fn applied_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("comparator".into(), self.comparator.as_str().into());
        m.insert("value".into(), json_number(Some(self.value)));
        let max = match self.comparator {
            Comparator::Between => self.value_max,
            _ => None,
        };
        m.insert("value_max".into(), json_number(max));
        match &self.scope {
            Scope::Team => {}
            Scope::RosterTeam(t) => {
                m.insert("team".into(), t.clone().into());
            }
            Scope::Agent(a) => {
                m.insert("agent".into(), a.clone().into());
            }
        }
        Value::Object(m)
    }

    fn validate(index: usize, raw: RawTarget) -> Result<Target, TargetsError> {
        let kpi = KpiId::parse(raw.kpi.trim()).ok_or_else(|| TargetsError::UnknownKpi {
            index,
            kpi: raw.kpi.clone(),
        })?;
        let comparator = Comparator::parse(raw.comparator.trim()).ok_or_else(|| {
            TargetsError::BadComparator {
                index,
                comparator: raw.comparator.clone(),
            }
        })?;
        let value = raw
            .value
            .filter(|v| v.is_finite())
            .ok_or(TargetsError::BadValue {
                index,
                field: "value",
            })?;
        if raw.value_max.is_some_and(|m| !m.is_finite()) {
            return Err(TargetsError::BadValue {
                index,
                field: "value_max",
            });
        }
        if comparator == Comparator::Between {
            match raw.value_max {
                None => return Err(TargetsError::BetweenWithoutMax { index }),
                Some(m) if m < value => return Err(TargetsError::BetweenReversed { index }),
                Some(_) => {}
            }
        }
        let scope = match (raw.agent, raw.team) {
            (Some(_), Some(_)) => return Err(TargetsError::AgentAndTeam { index }),
            (Some(a), None) => Scope::Agent(a.trim().to_owned()),
            (None, Some(t)) => Scope::RosterTeam(t.trim().to_owned()),
            (None, None) => Scope::Team,
        };
        Ok(Target {
            kpi,
            comparator,
            value,
            // Ignored (and dropped) unless `between`.
            value_max: raw.value_max.filter(|_| comparator == Comparator::Between),
            scope,
        })
    }
}

impl Targets {
    /// The article's preset targets (KPIS.md "Preset targets"), all for the
    /// whole team.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::targets::Targets;
    /// # use telesales_kpi::domain::kpi::KpiId;
    /// let presets = Targets::presets();
    /// assert_eq!(presets.targets.len(), 15);
    /// assert_eq!(presets.for_scope(KpiId::AverageTalkTime, None, None).unwrap().value, 240.0);
    /// ```
    pub fn presets() -> Targets {
        use Comparator::{AtLeast, AtMost, Between};
        use KpiId as K;
        let rows = [
            (K::AveragePurchaseValue, AtLeast, 850_000.0, None),
            (K::RevenuePerCall, AtLeast, 25_000.0, None),
            (K::IncrementalSales, AtLeast, 0.15, None),
            (K::SalesOpportunities, AtLeast, 40.0, None),
            (K::CallConnectionRate, AtLeast, 0.60, None),
            (K::UpsellingRate, AtLeast, 0.25, None),
            (K::AverageResponseTime, AtMost, 7_200.0, None),
            (K::OpportunityWinRatio, AtLeast, 0.30, None),
            (K::ProfitMargin, AtLeast, 0.20, None),
            (K::LeadConversionRate, AtLeast, 0.15, None),
            (K::CallAbandonmentRate, AtMost, 0.05, None),
            (K::MonthlySales, AtLeast, 500_000_000.0, None),
            (K::OutboundCallsPerDay, AtLeast, 80.0, None),
            (K::AverageTalkTime, Between, 240.0, Some(360.0)),
            (K::CallbackRate, AtLeast, 0.20, None),
        ];
        Targets {
            targets: rows
                .into_iter()
                .map(|(k, c, v, m)| Target::team(k, c, v, m))
                .collect(),
        }
    }

    /// Reads a targets file (`{"version": 1, "targets": [...]}`, KPIS.md).
    /// A missing `version` is read as 1.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::targets::{Targets, Scope};
    /// let t = Targets::from_json(r#"{"version":1,"targets":[
    ///     {"kpi":"callback_rate","comparator":"at_least","value":0.3,"agent":"budi"}]}"#).unwrap();
    /// assert_eq!(t.targets[0].scope, Scope::Agent("budi".into()));
    /// assert!(Targets::from_json("{").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<Targets, TargetsError> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| TargetsError::BadJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        match &raw.version {
            None => {}
            Some(v) if is_version_one(v) => {}
            Some(v) => return Err(TargetsError::UnsupportedVersion(v.get().to_owned())),
        }
        let targets = raw
            .targets
            .into_iter()
            .enumerate()
            .map(|(i, t)| Target::validate(i, t))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Targets { targets })
    }

    /// Writes the versioned targets file that [`Targets::from_json`] reads back.
    pub fn to_json(&self) -> String {
        let file = FileOut {
            targets: &self.raw(),
            version: 1,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// The targets as a file's `targets` list on one line (a share link's).
    pub fn list_json(&self) -> String {
        serde_json::to_string(&self.raw()).unwrap_or_default()
    }

    /// The targets as written in a file.
    fn raw(&self) -> Vec<RawTarget> {
        self.targets
            .iter()
            .map(|t| RawTarget {
                kpi: t.kpi.as_str().to_owned(),
                comparator: t.comparator.as_str().to_owned(),
                value: Some(t.value),
                value_max: t.value_max,
                agent: match &t.scope {
                    Scope::Agent(a) => Some(a.clone()),
                    _ => None,
                },
                team: match &t.scope {
                    Scope::RosterTeam(team) => Some(team.clone()),
                    _ => None,
                },
            })
            .collect()
    }

    /// Keeps only the last target of each KPI and scope (the one that counts,
    /// KPIS.md); returns how many were dropped.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::{KpiId, targets::{Comparator, Target, Targets}};
    /// let mut t = Targets { targets: vec![
    ///     Target::team(KpiId::CallbackRate, Comparator::AtLeast, 0.2, None),
    ///     Target::team(KpiId::CallbackRate, Comparator::AtLeast, 0.3, None)] };
    /// assert_eq!(t.keep_last(), 1);
    /// assert_eq!(t.targets[0].value, 0.3);
    /// ```
    pub fn keep_last(&mut self) -> usize {
        let before = self.targets.len();
        let mut seen: Vec<(KpiId, Scope)> = Vec::new();
        let mut kept: Vec<Target> = Vec::with_capacity(before);
        for t in self.targets.drain(..).rev() {
            let key = (t.kpi, t.scope.clone());
            if !seen.contains(&key) {
                seen.push(key);
                kept.push(t);
            }
        }
        kept.reverse();
        self.targets = kept;
        before - self.targets.len()
    }

    /// Sets `target` as the target of its KPI and scope: it takes the place of
    /// the one that counted, and any other of the same KPI and scope goes.
    pub fn upsert(&mut self, target: Target) {
        let (kpi, scope) = (target.kpi, target.scope.clone());
        let Some(i) = self
            .targets
            .iter()
            .rposition(|t| t.kpi == kpi && t.scope == scope)
        else {
            self.targets.push(target);
            return;
        };
        self.targets[i] = target;
        let mut index = 0;
        self.targets.retain(|t| {
            let keep = index == i || !(t.kpi == kpi && t.scope == scope);
            index += 1;
            keep
        });
    }

    /// Sets the suggested bounds (ANALYSES.md `suggested_targets`) as the
    /// targets of `scope`: each suggestion replaces the bound of the target
    /// that scope has (else the whole team's, else the preset), keeping its
    /// comparator; `between` targets and missing suggestions are left alone.
    /// Returns how many targets were set.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::{KpiId, targets::{Scope, Targets}};
    /// let mut t = Targets::presets();
    /// let n = t.apply_suggestions(&[(KpiId::CallConnectionRate, Some(0.7)), (KpiId::AverageTalkTime, Some(200.0))], &Scope::Team);
    /// assert_eq!(n, 1);
    /// assert_eq!(t.find(KpiId::CallConnectionRate, &Scope::Team).unwrap().value, 0.7);
    /// ```
    pub fn apply_suggestions(
        &mut self,
        suggestions: &[(KpiId, Option<f64>)],
        scope: &Scope,
    ) -> usize {
        let presets = Targets::presets();
        let mut applied = 0;
        for &(kpi, value) in suggestions {
            let Some(value) = value.filter(|v| v.is_finite()) else {
                continue;
            };
            let base = self
                .find(kpi, scope)
                .or_else(|| self.find(kpi, &Scope::Team))
                .or_else(|| presets.find(kpi, &Scope::Team))
                .cloned();
            let Some(base) = base.filter(|b| b.comparator != Comparator::Between) else {
                continue;
            };
            self.upsert(Target {
                value,
                value_max: None,
                scope: scope.clone(),
                ..base
            });
            applied += 1;
        }
        applied
    }

    /// Removes the target of exactly this KPI and scope (all copies).
    pub fn remove(&mut self, kpi: KpiId, scope: &Scope) {
        self.targets
            .retain(|t| !(t.kpi == kpi && &t.scope == scope));
    }

    /// The target of exactly this KPI and scope (the last one when listed twice).
    pub fn find(&self, kpi: KpiId, scope: &Scope) -> Option<&Target> {
        self.targets
            .iter()
            .rev()
            .find(|t| t.kpi == kpi && &t.scope == scope)
    }

    /// The target that judges `kpi` for an agent and/or a roster team, with
    /// the precedence agent > roster team > whole team. With an agent,
    /// `monthly_sales` takes the agent's own target only (a team's monthly
    /// target applies to team values only).
    ///
    /// `agent` must be the roster's agent text (aliases resolved); `team` is
    /// the agent's roster team, or the team filter for a team value.
    pub fn for_scope(
        &self,
        kpi: KpiId,
        agent: Option<&str>,
        team: Option<&str>,
    ) -> Option<&Target> {
        if let Some(a) = agent {
            let own = self.find(kpi, &Scope::Agent(a.to_owned()));
            if own.is_some() || kpi == KpiId::MonthlySales {
                return own;
            }
        }
        team.and_then(|t| self.find(kpi, &Scope::RosterTeam(t.to_owned())))
            .or_else(|| self.find(kpi, &Scope::Team))
    }
}

/// A JSON number, or null for `None` and non-finite values.
fn json_number(v: Option<f64>) -> Value {
    v.and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// Judges `value` against `target` (KPIS.md "Status `near`"): `near` when the
/// value misses the bound by at most `near_fraction` × |bound| (for `between`,
/// of the bound that was missed); `none` without a value or a target.
///
/// ```
/// # use telesales_kpi::domain::kpi::targets::{status, Comparator, Status, Target};
/// # use telesales_kpi::domain::kpi::KpiId;
/// let t = Target::team(KpiId::CallConnectionRate, Comparator::AtLeast, 0.6, None);
/// assert_eq!(status(Some(0.61), Some(&t), 0.1), Status::Met);
/// assert_eq!(status(Some(0.55), Some(&t), 0.1), Status::Near);
/// assert_eq!(status(Some(0.5), Some(&t), 0.1), Status::Missed);
/// assert_eq!(status(None, Some(&t), 0.1), Status::None);
/// ```
pub fn status(value: Option<f64>, target: Option<&Target>, near_fraction: f64) -> Status {
    let (Some(v), Some(t)) = (value, target) else {
        return Status::None;
    };
    if !v.is_finite() {
        return Status::None;
    }
    let low = |bound: f64| {
        if v >= bound {
            Status::Met
        } else if v >= bound - near_fraction * bound.abs() {
            Status::Near
        } else {
            Status::Missed
        }
    };
    let high = |bound: f64| {
        if v <= bound {
            Status::Met
        } else if v <= bound + near_fraction * bound.abs() {
            Status::Near
        } else {
            Status::Missed
        }
    };
    match t.comparator {
        Comparator::AtLeast => low(t.value),
        Comparator::AtMost => high(t.value),
        Comparator::Between => {
            let max = t.value_max.unwrap_or(t.value);
            if v < t.value {
                low(t.value)
            } else {
                high(max)
            }
        }
    }
}
