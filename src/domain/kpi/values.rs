//! The formulas of KPIS.md, from tallies to values: one function per KPI
//! family (calls, deals, leads). A denominator of 0 gives `None`, never NaN.

use super::acc::Acc;
use super::extra::Extra;
use super::id::KpiId;
use crate::domain::model::Loaded;

/// A KPI's figures before the previous period and the status are known.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Computed {
    /// The value.
    pub value: Option<f64>,
    /// The numerator (Σ for means).
    pub numerator: Option<f64>,
    /// The denominator (count for means).
    pub denominator: Option<f64>,
    /// Extra figures, flat keys.
    pub extras: Vec<(Extra, Option<f64>)>,
}

/// What the formulas need besides the tallies.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// Which kinds of file are loaded.
    pub loaded: Loaded,
    /// Whether a deals file has an upsell column.
    pub has_upsell: bool,
    /// Days of the period.
    pub days: i64,
    /// Whether a campaign window gives `incremental_sales` a value.
    pub campaign: bool,
    /// `days_in_month(M)` ÷ day of month of D, when the forecast has a last
    /// day with data D (ANALYSES.md `forecast`).
    pub forecast_scale: Option<f64>,
}

const MS_PER_S: f64 = 1000.0;
const MS_PER_DAY: f64 = 86_400_000.0;

fn ratio(n: f64, d: f64) -> Option<f64> {
    (d != 0.0).then(|| n / d)
}

fn count(n: u64) -> f64 {
    n as f64
}

/// A rate: `n / d` with both shown.
fn rate(n: u64, d: u64) -> Computed {
    Computed {
        value: ratio(count(n), count(d)),
        numerator: Some(count(n)),
        denominator: Some(count(d)),
        extras: Vec::new(),
    }
}

/// The figures of every KPI, in [`KpiId::ALL`] order.
pub(crate) fn compute(a: &Acc, ctx: &Context) -> Vec<Computed> {
    let mut out = vec![Computed::default(); KpiId::ALL.len()];
    let mut put = |id: KpiId, c: Computed| out[id.index()] = c;
    if ctx.loaded.calls {
        for (id, c) in calls(a) {
            put(id, c);
        }
    }
    if ctx.loaded.deals {
        for (id, c) in deals(a, ctx) {
            put(id, c);
        }
    }
    if ctx.loaded.leads {
        for (id, c) in leads(a) {
            put(id, c);
        }
    }
    // Null, extras included, when a source kind is missing.
    for id in KpiId::ALL {
        if out[id.index()].extras.is_empty() {
            out[id.index()].extras = null_extras(id);
        }
    }
    out
}

/// Every extra of `id`, null.
pub(crate) fn null_extras(id: KpiId) -> Vec<(Extra, Option<f64>)> {
    id.extras().iter().map(|&k| (k, None)).collect()
}

fn calls(a: &Acc) -> Vec<(KpiId, Computed)> {
    let mut abandonment = rate(a.abandoned, a.offered);
    abandonment.extras = vec![
        (
            Extra::AvgWaitSeconds,
            ratio(a.wait_ms as f64 / MS_PER_S, count(a.wait_n)),
        ),
        (
            Extra::ServiceLevel,
            ratio(count(a.within_sl), count(a.wait_n)),
        ),
        (
            Extra::CalledBack,
            ratio(count(a.called_back), count(a.abandoned_keyed)),
        ),
    ];
    let talk = Computed {
        value: ratio(a.talk_ms as f64 / MS_PER_S, count(a.talk_n)),
        numerator: Some(a.talk_ms as f64 / MS_PER_S),
        denominator: Some(count(a.talk_n)),
        extras: vec![(
            Extra::Under2min,
            ratio(count(a.under_2min), count(a.talk_n)),
        )],
    };
    vec![
        (KpiId::CallConnectionRate, rate(a.connected_out, a.outbound)),
        (KpiId::CallAbandonmentRate, abandonment),
        (
            KpiId::OutboundCallsPerDay,
            rate(a.out_assigned, a.agent_days),
        ),
        (KpiId::AverageTalkTime, talk),
        (KpiId::CallbackRate, rate(a.callbacks, a.outbound)),
    ]
}

fn deals(a: &Acc, ctx: &Context) -> Vec<(KpiId, Computed)> {
    let won = count(a.won);
    let mut out = vec![
        (
            KpiId::AveragePurchaseValue,
            Computed {
                value: ratio(a.revenue, won),
                numerator: Some(a.revenue),
                denominator: Some(won),
                extras: Vec::new(),
            },
        ),
        (KpiId::IncrementalSales, incremental(a, ctx)),
        (KpiId::SalesOpportunities, opportunities(a, ctx)),
    ];
    if ctx.loaded.calls {
        let rpc = Computed {
            value: ratio(a.revenue, count(a.outbound)),
            numerator: Some(a.revenue),
            denominator: Some(count(a.outbound)),
            extras: Vec::new(),
        };
        out.push((KpiId::RevenuePerCall, rpc));
    }
    if ctx.has_upsell {
        out.push((KpiId::UpsellingRate, rate(a.upsold, a.won)));
    }
    let mut win = rate(a.won, a.won + a.lost);
    win.extras = vec![(
        Extra::ValueRatio,
        ratio(a.revenue, a.revenue + a.lost_amount),
    )];
    out.push((KpiId::OpportunityWinRatio, win));
    let profit = (a.cost_n > 0).then_some(a.cost_amount - a.cost_sum);
    let margin = Computed {
        value: profit.and_then(|p| ratio(p, a.cost_amount)),
        numerator: profit,
        denominator: Some(a.cost_amount),
        extras: vec![(Extra::Profit, profit)],
    };
    out.push((KpiId::ProfitMargin, margin));
    let sales = Computed {
        value: Some(a.revenue),
        numerator: None,
        denominator: None,
        extras: vec![
            (Extra::Attainment, None),
            (Extra::Transactions, Some(won)),
            (
                Extra::Forecast,
                ctx.forecast_scale.map(|k| a.month_revenue * k),
            ),
            (Extra::ForecastAttainment, None),
        ],
    };
    out.push((KpiId::MonthlySales, sales));
    out
}

fn incremental(a: &Acc, ctx: &Context) -> Computed {
    if !ctx.campaign {
        return Computed::default();
    }
    let inc = a.during - a.before;
    Computed {
        value: Some(inc),
        numerator: None,
        denominator: None,
        extras: vec![
            (Extra::Lift, ratio(inc, a.before)),
            (Extra::NewCustomers, Some(count(a.new_customers))),
        ],
    }
}

fn opportunities(a: &Acc, ctx: &Context) -> Computed {
    let per_week = (a.active > 0 && ctx.days > 0)
        .then(|| count(a.opps_assigned) * 7.0 / ctx.days as f64 / count(a.active));
    Computed {
        value: Some(count(a.opportunities)),
        numerator: None,
        denominator: None,
        extras: vec![(Extra::PerWeek, per_week)],
    }
}

fn leads(a: &Acc) -> Vec<(KpiId, Computed)> {
    let contacted = count(a.contacted);
    let response = Computed {
        value: ratio(a.response_ms as f64 / MS_PER_S, contacted),
        numerator: Some(a.response_ms as f64 / MS_PER_S),
        denominator: Some(contacted),
        extras: vec![
            (Extra::Within2h, ratio(count(a.within_2h), contacted)),
            (Extra::Uncontacted, Some(count(a.leads - a.contacted))),
        ],
    };
    let mut conversion = rate(a.converted, a.leads);
    conversion.extras = vec![(
        Extra::AvgDaysToConvert,
        ratio(a.convert_ms as f64 / MS_PER_DAY, count(a.convert_n)),
    )];
    vec![
        (KpiId::AverageResponseTime, response),
        (KpiId::LeadConversionRate, conversion),
    ]
}

/// How many records are behind `id`'s value (ANALYSES.md's drill-down sets);
/// `None` when the KPI's source kind is not loaded (or, for
/// `incremental_sales`, no campaign window gives it a value).
pub(crate) fn records(id: KpiId, a: &Acc, ctx: &Context) -> Option<u64> {
    use KpiId as K;
    let (calls, deals, leads) = (ctx.loaded.calls, ctx.loaded.deals, ctx.loaded.leads);
    let (needs, n) = match id {
        K::AveragePurchaseValue | K::UpsellingRate | K::MonthlySales => (deals, a.won),
        K::ProfitMargin => (deals, a.cost_n),
        K::RevenuePerCall | K::CallConnectionRate | K::CallbackRate => (calls, a.outbound),
        K::OutboundCallsPerDay => (calls, a.out_assigned),
        K::IncrementalSales => (deals && ctx.campaign, a.during_n),
        K::SalesOpportunities => (deals, a.opportunities),
        K::OpportunityWinRatio => (deals, a.won + a.lost),
        K::AverageResponseTime | K::LeadConversionRate => (leads, a.leads),
        K::CallAbandonmentRate => (calls, a.offered),
        K::AverageTalkTime => (calls, a.talk_n),
    };
    needs.then_some(n)
}
