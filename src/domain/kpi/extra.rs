//! The extra figures that come with some KPIs (KPIS.md's table, ANALYSES.md's
//! "New extras"): one enum, so a typo is a compile error, with the JSON names.

use super::id::{KpiId, Unit};

/// An extra figure of a KPI, written as a flat key of its KPI object.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Extra {
    /// `incremental_sales`: incremental ÷ revenue of the window before.
    Lift,
    /// `incremental_sales`: won deals of new customers in the window.
    NewCustomers,
    /// `sales_opportunities`: deals per active agent per week (what the target judges).
    PerWeek,
    /// `average_response_time`: share of contacted leads answered within 2 h.
    Within2h,
    /// `average_response_time`: leads created in P without a contact.
    Uncontacted,
    /// `opportunity_win_ratio`: Σ amount won ÷ Σ amount won + lost.
    ValueRatio,
    /// `profit_margin`: Σ amount − Σ cost.
    Profit,
    /// `lead_conversion_rate`: mean days from creation to conversion.
    AvgDaysToConvert,
    /// `call_abandonment_rate`: mean wait of offered calls.
    AvgWaitSeconds,
    /// `monthly_sales`: revenue ÷ the pro-rated target.
    Attainment,
    /// `monthly_sales`: won deals.
    Transactions,
    /// `average_talk_time`: share of talks under 120 s.
    Under2min,
    /// `call_abandonment_rate`: offered calls with a wait that were answered
    /// within `service_level_seconds` (ANALYSES.md).
    ServiceLevel,
    /// `call_abandonment_rate`: abandoned calls (with a lead or phone) that
    /// were called back within the callback window.
    CalledBack,
    /// `monthly_sales`: the month's run-rate projection of revenue.
    Forecast,
    /// `monthly_sales`: forecast ÷ the whole-month target.
    ForecastAttainment,
}

impl Extra {
    /// The key in the JSON output and in `data-extra-<name>`.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::Extra;
    /// assert_eq!(Extra::PerWeek.as_str(), "per_week");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Extra::Lift => "lift",
            Extra::NewCustomers => "new_customers",
            Extra::PerWeek => "per_week",
            Extra::Within2h => "within_2h",
            Extra::Uncontacted => "uncontacted",
            Extra::ValueRatio => "value_ratio",
            Extra::Profit => "profit",
            Extra::AvgDaysToConvert => "avg_days_to_convert",
            Extra::AvgWaitSeconds => "avg_wait_seconds",
            Extra::Attainment => "attainment",
            Extra::Transactions => "transactions",
            Extra::Under2min => "under_2min",
            Extra::ServiceLevel => "service_level",
            Extra::CalledBack => "called_back",
            Extra::Forecast => "forecast",
            Extra::ForecastAttainment => "forecast_attainment",
        }
    }

    /// The unit of the figure.
    pub fn unit(self) -> Unit {
        match self {
            Extra::Lift
            | Extra::Within2h
            | Extra::ValueRatio
            | Extra::Attainment
            | Extra::Under2min
            | Extra::ServiceLevel
            | Extra::CalledBack
            | Extra::ForecastAttainment => Unit::Fraction,
            Extra::NewCustomers | Extra::Uncontacted | Extra::Transactions | Extra::PerWeek => {
                Unit::Count
            }
            Extra::Profit | Extra::Forecast => Unit::Money,
            Extra::AvgDaysToConvert => Unit::Days,
            Extra::AvgWaitSeconds => Unit::Seconds,
        }
    }
}

impl KpiId {
    /// The extras of this KPI, in output order.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::{Extra, KpiId};
    /// assert_eq!(KpiId::AverageTalkTime.extras(), &[Extra::Under2min]);
    /// ```
    pub fn extras(self) -> &'static [Extra] {
        match self {
            KpiId::IncrementalSales => &[Extra::Lift, Extra::NewCustomers],
            KpiId::SalesOpportunities => &[Extra::PerWeek],
            KpiId::AverageResponseTime => &[Extra::Within2h, Extra::Uncontacted],
            KpiId::OpportunityWinRatio => &[Extra::ValueRatio],
            KpiId::ProfitMargin => &[Extra::Profit],
            KpiId::LeadConversionRate => &[Extra::AvgDaysToConvert],
            KpiId::CallAbandonmentRate => &[
                Extra::AvgWaitSeconds,
                Extra::ServiceLevel,
                Extra::CalledBack,
            ],
            KpiId::MonthlySales => &[
                Extra::Attainment,
                Extra::Transactions,
                Extra::Forecast,
                Extra::ForecastAttainment,
            ],
            KpiId::AverageTalkTime => &[Extra::Under2min],
            _ => &[],
        }
    }

    /// The extra that the KPI's target judges instead of its value, if any
    /// (KPIS.md "Targets": `per_week` for `sales_opportunities`, `lift` for
    /// `incremental_sales`).
    pub fn judged_extra(self) -> Option<Extra> {
        match self {
            KpiId::SalesOpportunities => Some(Extra::PerWeek),
            KpiId::IncrementalSales => Some(Extra::Lift),
            _ => None,
        }
    }

    /// The unit of what the KPI's target judges (and of its bounds in a
    /// targets file).
    pub fn target_unit(self) -> Unit {
        self.judged_extra().map_or(self.unit(), Extra::unit)
    }
}
