//! The 15 KPI identifiers of KPIS.md and their units: the one table of
//! units that `present` formats from.

/// One of the 15 telesales KPIs, in the order of KPIS.md.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum KpiId {
    /// 1: revenue / won deals.
    AveragePurchaseValue,
    /// 2: revenue / outbound calls.
    RevenuePerCall,
    /// 3: campaign revenue minus the revenue of the window before it.
    IncrementalSales,
    /// 4: deals created in the period.
    SalesOpportunities,
    /// 5: connected outbound calls / outbound calls.
    CallConnectionRate,
    /// 6: upsold won deals / won deals.
    UpsellingRate,
    /// 7: mean time from lead creation to first contact.
    AverageResponseTime,
    /// 8: won / (won + lost).
    OpportunityWinRatio,
    /// 9: (amount − cost) / amount over won deals with a cost.
    ProfitMargin,
    /// 10: converted leads / leads.
    LeadConversionRate,
    /// 11: abandoned inbound calls / offered inbound calls.
    CallAbandonmentRate,
    /// 12: revenue.
    MonthlySales,
    /// 13: outbound calls per (agent, day).
    OutboundCallsPerDay,
    /// 14: mean talk time of connected calls.
    AverageTalkTime,
    /// 15: outbound calls that got a callback / outbound calls.
    CallbackRate,
}

/// The unit of a KPI's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    /// Currency units.
    Money,
    /// A share or ratio (0.6 = 60 %).
    Fraction,
    /// Seconds.
    Seconds,
    /// A count.
    Count,
    /// Calls (per agent-day).
    Calls,
    /// Days (of 86,400 s).
    Days,
}

impl KpiId {
    /// All 15 KPIs in the order of KPIS.md.
    pub const ALL: [KpiId; 15] = [
        KpiId::AveragePurchaseValue,
        KpiId::RevenuePerCall,
        KpiId::IncrementalSales,
        KpiId::SalesOpportunities,
        KpiId::CallConnectionRate,
        KpiId::UpsellingRate,
        KpiId::AverageResponseTime,
        KpiId::OpportunityWinRatio,
        KpiId::ProfitMargin,
        KpiId::LeadConversionRate,
        KpiId::CallAbandonmentRate,
        KpiId::MonthlySales,
        KpiId::OutboundCallsPerDay,
        KpiId::AverageTalkTime,
        KpiId::CallbackRate,
    ];

    /// The KPI's id in KPIS.md and in the JSON output.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::KpiId;
    /// assert_eq!(KpiId::CallbackRate.as_str(), "callback_rate");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            KpiId::AveragePurchaseValue => "average_purchase_value",
            KpiId::RevenuePerCall => "revenue_per_call",
            KpiId::IncrementalSales => "incremental_sales",
            KpiId::SalesOpportunities => "sales_opportunities",
            KpiId::CallConnectionRate => "call_connection_rate",
            KpiId::UpsellingRate => "upselling_rate",
            KpiId::AverageResponseTime => "average_response_time",
            KpiId::OpportunityWinRatio => "opportunity_win_ratio",
            KpiId::ProfitMargin => "profit_margin",
            KpiId::LeadConversionRate => "lead_conversion_rate",
            KpiId::CallAbandonmentRate => "call_abandonment_rate",
            KpiId::MonthlySales => "monthly_sales",
            KpiId::OutboundCallsPerDay => "outbound_calls_per_day",
            KpiId::AverageTalkTime => "average_talk_time",
            KpiId::CallbackRate => "callback_rate",
        }
    }

    /// The KPI named by its id (exact, as [`KpiId::as_str`] writes it).
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::KpiId;
    /// assert_eq!(KpiId::parse("monthly_sales"), Some(KpiId::MonthlySales));
    /// assert_eq!(KpiId::parse("sales"), None);
    /// ```
    pub fn parse(text: &str) -> Option<KpiId> {
        KpiId::ALL.into_iter().find(|id| id.as_str() == text)
    }

    /// The unit of the KPI's value.
    pub fn unit(self) -> Unit {
        match self {
            KpiId::AveragePurchaseValue
            | KpiId::RevenuePerCall
            | KpiId::IncrementalSales
            | KpiId::MonthlySales => Unit::Money,
            KpiId::CallConnectionRate
            | KpiId::UpsellingRate
            | KpiId::OpportunityWinRatio
            | KpiId::ProfitMargin
            | KpiId::LeadConversionRate
            | KpiId::CallAbandonmentRate
            | KpiId::CallbackRate => Unit::Fraction,
            KpiId::AverageResponseTime | KpiId::AverageTalkTime => Unit::Seconds,
            KpiId::SalesOpportunities => Unit::Count,
            KpiId::OutboundCallsPerDay => Unit::Calls,
        }
    }

    /// The position of the KPI in [`KpiId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}
