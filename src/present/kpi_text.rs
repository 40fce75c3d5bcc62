//! What each KPI is called, what it means (one line, from KPIS.md), how its
//! value and its target are shown, and why it can be missing.

use crate::domain::kpi::targets::{Scope, Status, Target, TargetsError};
use crate::domain::kpi::{Extra, KpiId, Unit};

use super::format::{duration, money, number, percent, Currency};
use super::i18n::{t, Lang, Msg};

/// How a KPI's value is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Display {
    /// Currency amount.
    Money,
    /// A share or ratio, shown as a percentage.
    Percent,
    /// Seconds, shown as `4 m 30 s`.
    Duration,
    /// A count or an average count.
    Count,
}

/// The unit a target bound is typed in (KPIS.md "Page"): percent for
/// fractions, minutes for times, currency for money, plain numbers for counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetUnit {
    /// `%`: the stored value is the fraction (÷ 100).
    Percent,
    /// minutes: the stored value is seconds (× 60).
    Minutes,
    /// currency units, stored as is.
    Money,
    /// a plain number, stored as is.
    Count,
}

impl TargetUnit {
    /// From what the user typed to the stored target value.
    ///
    /// ```
    /// use telesales_kpi::present::kpi_text::TargetUnit;
    /// assert_eq!(TargetUnit::Percent.to_stored(60.0), 0.6);
    /// assert_eq!(TargetUnit::Minutes.to_stored(4.0), 240.0);
    /// ```
    pub fn to_stored(self, shown: f64) -> f64 {
        match self {
            TargetUnit::Percent => shown / 100.0,
            TargetUnit::Minutes => shown * 60.0,
            TargetUnit::Money | TargetUnit::Count => shown,
        }
    }

    /// From the stored target value to what the input shows (rounded to
    /// hide floating-point noise such as 0.15 × 100 = 15.000000000000002).
    pub fn to_shown(self, stored: f64) -> f64 {
        let v = match self {
            TargetUnit::Percent => stored * 100.0,
            TargetUnit::Minutes => stored / 60.0,
            TargetUnit::Money | TargetUnit::Count => stored,
        };
        (v * 1e6).round() / 1e6
    }

    /// The unit's label beside the input.
    pub fn label(self, currency: &Currency, lang: Lang) -> String {
        match (self, lang) {
            (TargetUnit::Percent, _) => "%".into(),
            (TargetUnit::Minutes, Lang::En) => "min".into(),
            (TargetUnit::Minutes, Lang::Id) => "menit".into(),
            (TargetUnit::Money, _) => currency.code.clone(),
            (TargetUnit::Count, Lang::En) => "number".into(),
            (TargetUnit::Count, Lang::Id) => "angka".into(),
        }
    }
}

/// How a value of `unit` is shown.
pub fn display_of(unit: Unit) -> Display {
    match unit {
        Unit::Money => Display::Money,
        Unit::Fraction => Display::Percent,
        Unit::Seconds => Display::Duration,
        Unit::Count | Unit::Calls | Unit::Days => Display::Count,
    }
}

/// How `id`'s value is shown (from the domain's one table of units).
pub fn display(id: KpiId) -> Display {
    display_of(id.unit())
}

/// The unit `id`'s target is typed in (the incremental-sales target is a lift,
/// the opportunities target a count per agent per week).
pub fn target_unit(id: KpiId) -> TargetUnit {
    match display_of(id.target_unit()) {
        Display::Money => TargetUnit::Money,
        Display::Percent => TargetUnit::Percent,
        Display::Duration => TargetUnit::Minutes,
        Display::Count => TargetUnit::Count,
    }
}

/// A value of `unit`, formatted for `lang`.
pub fn format_unit(unit: Unit, value: f64, currency: &Currency, lang: Lang) -> String {
    match display_of(unit) {
        Display::Money => money(value, currency, lang),
        Display::Percent => percent(value, lang),
        Display::Duration => duration(value),
        Display::Count => number(value, usize::from(value.fract() != 0.0), lang),
    }
}

/// `value` of KPI `id`, formatted for `lang`.
pub fn format_value(id: KpiId, value: f64, currency: &Currency, lang: Lang) -> String {
    format_unit(id.unit(), value, currency, lang)
}

/// What `id`'s target judges, formatted (`per_week` reads "3.5 / agent / week").
pub fn format_judged(id: KpiId, value: f64, currency: &Currency, lang: Lang) -> String {
    let text = format_unit(id.target_unit(), value, currency, lang);
    match id.judged_extra() {
        Some(Extra::PerWeek) => format!("{text} / {}", t(lang, Msg::PerAgentWeek)),
        Some(Extra::Lift) => format!("{} {text}", extra_name(Extra::Lift, lang)),
        _ => text,
    }
}

/// The short name of an extra figure.
pub fn extra_name(extra: Extra, lang: Lang) -> &'static str {
    match (extra, lang) {
        (Extra::Lift, _) => "lift",
        (Extra::NewCustomers, Lang::En) => "new customers",
        (Extra::NewCustomers, Lang::Id) => "pelanggan baru",
        (Extra::PerWeek, Lang::En) => "per agent per week",
        (Extra::PerWeek, Lang::Id) => "per agen per minggu",
        (Extra::Within2h, Lang::En) => "within 2 h",
        (Extra::Within2h, Lang::Id) => "dalam 2 jam",
        (Extra::Uncontacted, Lang::En) => "no contact",
        (Extra::Uncontacted, Lang::Id) => "belum dihubungi",
        (Extra::ValueRatio, _) => t(lang, Msg::ValueRatio),
        (Extra::Profit, _) => t(lang, Msg::Profit),
        (Extra::AvgDaysToConvert, _) => t(lang, Msg::DaysToConvert),
        (Extra::AvgWaitSeconds, _) => t(lang, Msg::AvgWait),
        (Extra::Attainment, _) => t(lang, Msg::Attainment),
        (Extra::Transactions, Lang::En) => "transactions",
        (Extra::Transactions, Lang::Id) => "transaksi",
        (Extra::Under2min, Lang::En) => "under 2 min",
        (Extra::Under2min, Lang::Id) => "di bawah 2 menit",
        (Extra::ServiceLevel, Lang::En) => "service level",
        (Extra::ServiceLevel, Lang::Id) => "tingkat layanan",
        (Extra::CalledBack, Lang::En) => "called back",
        (Extra::CalledBack, Lang::Id) => "ditelepon balik",
        (Extra::Forecast, Lang::En) => "month-end forecast",
        (Extra::Forecast, Lang::Id) => "proyeksi akhir bulan",
        (Extra::ForecastAttainment, Lang::En) => "forecast vs target",
        (Extra::ForecastAttainment, Lang::Id) => "proyeksi vs target",
    }
}

/// "name: value" of an extra figure.
pub fn extra_text(extra: Extra, value: f64, currency: &Currency, lang: Lang) -> String {
    format!(
        "{}: {}",
        extra_name(extra, lang),
        format_unit(extra.unit(), value, currency, lang)
    )
}

/// "≥ 60%", "≤ 2 h", "4 m – 6 m", "≥ Rp500.000.000 / month" for the target
/// that judged a KPI (in the targets file's units).
pub fn target_text(id: KpiId, target: &Target, currency: &Currency, lang: Lang) -> String {
    let fmt = |v: f64| format_unit(id.target_unit(), v, currency, lang);
    let bounds = match (target.bound_min(), target.bound_max()) {
        (Some(lo), Some(hi)) => format!("{} – {}", fmt(lo), fmt(hi)),
        (Some(lo), None) => format!("≥ {}", fmt(lo)),
        (None, Some(hi)) => format!("≤ {}", fmt(hi)),
        (None, None) => String::new(),
    };
    match id {
        KpiId::SalesOpportunities => format!("{bounds} / {}", t(lang, Msg::PerAgentWeek)),
        KpiId::IncrementalSales => format!("lift {bounds}"),
        KpiId::MonthlySales => format!("{bounds} / {}", t(lang, Msg::Month)),
        _ => bounds,
    }
}

/// Whose target it is: the whole team's, a roster team's or an agent's.
pub fn target_owner(target: &Target, lang: Lang) -> String {
    match &target.scope {
        Scope::Team => t(lang, Msg::WholeTeam).to_owned(),
        Scope::RosterTeam(team) => format!("{} {team}", t(lang, Msg::TeamWord)),
        Scope::Agent(agent) => format!("{} {agent}", t(lang, Msg::AgentWord)),
    }
}

/// The status's icon and word (never colour alone).
pub fn status_badge(status: Status, lang: Lang) -> (&'static str, &'static str) {
    match status {
        Status::Met => ("✓", t(lang, Msg::StatusMet)),
        Status::Near => ("≈", t(lang, Msg::StatusNear)),
        Status::Missed => ("✗", t(lang, Msg::StatusMissed)),
        Status::None => ("·", t(lang, Msg::StatusNone)),
    }
}

/// Every character beyond digits and letters that a card can show (status
/// badges, change arrows, ranges, the no-value dash), for the page to lay
/// out off screen before a load: system fonts often lack some of them, and
/// finding a fallback font then happens while the page waits for a file,
/// not in the task that first shows the cards.
///
/// ```
/// # use telesales_kpi::domain::kpi::{KpiId, targets::Status};
/// # use telesales_kpi::present::{i18n::Lang, kpi_text::{change_text, status_badge, CARD_GLYPHS}};
/// for s in [Status::Met, Status::Near, Status::Missed, Status::None] {
///     assert!(CARD_GLYPHS.contains(status_badge(s, Lang::En).0));
/// }
/// for (v, p) in [(2.0, 1.0), (1.0, 2.0)] {
///     let c = change_text(KpiId::MonthlySales, Some(v), Some(p), Lang::En).unwrap();
///     assert!(CARD_GLYPHS.contains(c.chars().next().unwrap()));
/// }
/// ```
pub const CARD_GLYPHS: &str = "✓≈✗·▲▼=–−±≤≥×÷% 0123456789 Rp.,:()";

/// The change from `previous` to `value`: points for percentages, else relative.
///
/// ```
/// # use telesales_kpi::domain::kpi::KpiId;
/// # use telesales_kpi::present::{i18n::Lang, kpi_text::change_text};
/// assert_eq!(change_text(KpiId::CallConnectionRate, Some(0.62), Some(0.6), Lang::En).as_deref(), Some("▲ +2.0 pt"));
/// assert_eq!(change_text(KpiId::MonthlySales, Some(90.0), Some(100.0), Lang::En).as_deref(), Some("▼ -10.0%"));
/// ```
pub fn change_text(
    id: KpiId,
    value: Option<f64>,
    previous: Option<f64>,
    lang: Lang,
) -> Option<String> {
    let (v, p) = (value?, previous?);
    let arrow = if v > p {
        "▲"
    } else if v < p {
        "▼"
    } else {
        "="
    };
    if display(id) == Display::Percent {
        let pts = (v - p) * 100.0;
        return Some(format!(
            "{arrow} {}{} pt",
            if pts > 0.0 { "+" } else { "" },
            number(pts, 1, lang)
        ));
    }
    if p == 0.0 {
        return Some(arrow.to_owned());
    }
    let rel = (v - p) / p.abs() * 100.0;
    Some(format!(
        "{arrow} {}{}%",
        if rel > 0.0 { "+" } else { "" },
        number(rel, 1, lang)
    ))
}

/// The KPI's name.
pub fn name(id: KpiId, lang: Lang) -> &'static str {
    use KpiId as K;
    match (lang, id) {
        (Lang::En, K::AveragePurchaseValue) => "Average purchase value",
        (Lang::Id, K::AveragePurchaseValue) => "Nilai pembelian rata-rata",
        (Lang::En, K::RevenuePerCall) => "Revenue per call",
        (Lang::Id, K::RevenuePerCall) => "Pendapatan per panggilan",
        (Lang::En, K::IncrementalSales) => "Incremental sales (campaign)",
        (Lang::Id, K::IncrementalSales) => "Penjualan inkremental (kampanye)",
        (Lang::En, K::SalesOpportunities) => "Sales opportunities",
        (Lang::Id, K::SalesOpportunities) => "Peluang penjualan",
        (Lang::En, K::CallConnectionRate) => "Call connection rate",
        (Lang::Id, K::CallConnectionRate) => "Tingkat panggilan tersambung",
        (Lang::En, K::UpsellingRate) => "Upselling rate",
        (Lang::Id, K::UpsellingRate) => "Tingkat upselling",
        (Lang::En, K::AverageResponseTime) => "Average response time",
        (Lang::Id, K::AverageResponseTime) => "Waktu respons rata-rata",
        (Lang::En, K::OpportunityWinRatio) => "Opportunity-to-win ratio",
        (Lang::Id, K::OpportunityWinRatio) => "Rasio peluang menang",
        (Lang::En, K::ProfitMargin) => "Profit margin",
        (Lang::Id, K::ProfitMargin) => "Margin keuntungan",
        (Lang::En, K::LeadConversionRate) => "Lead conversion rate",
        (Lang::Id, K::LeadConversionRate) => "Tingkat konversi leads",
        (Lang::En, K::CallAbandonmentRate) => "Call abandonment rate",
        (Lang::Id, K::CallAbandonmentRate) => "Tingkat panggilan ditinggalkan",
        (Lang::En, K::MonthlySales) => "Sales vs monthly target",
        (Lang::Id, K::MonthlySales) => "Penjualan vs target bulanan",
        (Lang::En, K::OutboundCallsPerDay) => "Outbound calls per day",
        (Lang::Id, K::OutboundCallsPerDay) => "Panggilan keluar per hari",
        (Lang::En, K::AverageTalkTime) => "Average talk time",
        (Lang::Id, K::AverageTalkTime) => "Durasi bicara rata-rata",
        (Lang::En, K::CallbackRate) => "Callback rate",
        (Lang::Id, K::CallbackRate) => "Tingkat panggilan balik",
    }
}

/// The one-line definition shown on hover and focus (KPIS.md).
pub fn definition(id: KpiId, lang: Lang) -> &'static str {
    use KpiId as K;
    match (lang, id) {
        (Lang::En, K::AveragePurchaseValue) => "Revenue of won deals ÷ number of won deals in the period.",
        (Lang::Id, K::AveragePurchaseValue) => "Pendapatan deal menang ÷ jumlah deal menang dalam periode.",
        (Lang::En, K::RevenuePerCall) => "Revenue of won deals ÷ outbound calls in the period.",
        (Lang::Id, K::RevenuePerCall) => "Pendapatan deal menang ÷ panggilan keluar dalam periode.",
        (Lang::En, K::IncrementalSales) => {
            "Revenue during the latest campaign minus the equal period before it (lift = ÷ before)."
        }
        (Lang::Id, K::IncrementalSales) => {
            "Pendapatan selama kampanye terakhir dikurangi periode sama sebelumnya (lift = ÷ sebelumnya)."
        }
        (Lang::En, K::SalesOpportunities) => "Deals created in the period, any stage; target per agent per week.",
        (Lang::Id, K::SalesOpportunities) => "Deal yang dibuat dalam periode, tahap apa pun; target per agen per minggu.",
        (Lang::En, K::CallConnectionRate) => "Connected outbound calls ÷ outbound calls.",
        (Lang::Id, K::CallConnectionRate) => "Panggilan keluar tersambung ÷ panggilan keluar.",
        (Lang::En, K::UpsellingRate) => "Won deals with an upsell ÷ won deals.",
        (Lang::Id, K::UpsellingRate) => "Deal menang dengan upsell ÷ deal menang.",
        (Lang::En, K::AverageResponseTime) => "Mean time from a lead's arrival to its first contact.",
        (Lang::Id, K::AverageResponseTime) => "Rata-rata waktu dari masuknya lead hingga kontak pertama.",
        (Lang::En, K::OpportunityWinRatio) => "Won deals ÷ (won + lost) deals closed in the period.",
        (Lang::Id, K::OpportunityWinRatio) => "Deal menang ÷ (menang + kalah) yang ditutup dalam periode.",
        (Lang::En, K::ProfitMargin) => "(Revenue − cost) ÷ revenue over won deals that have a cost.",
        (Lang::Id, K::ProfitMargin) => "(Pendapatan − biaya) ÷ pendapatan atas deal menang yang memiliki biaya.",
        (Lang::En, K::LeadConversionRate) => "Leads created in the period that converted ÷ leads created.",
        (Lang::Id, K::LeadConversionRate) => "Leads baru dalam periode yang terkonversi ÷ leads baru.",
        (Lang::En, K::CallAbandonmentRate) => "Abandoned inbound calls ÷ offered inbound calls.",
        (Lang::Id, K::CallAbandonmentRate) => "Panggilan masuk ditinggalkan ÷ panggilan masuk yang ditawarkan.",
        (Lang::En, K::MonthlySales) => "Revenue of won deals, against the monthly target pro-rated by day.",
        (Lang::Id, K::MonthlySales) => "Pendapatan deal menang, dibandingkan target bulanan yang diprorata per hari.",
        (Lang::En, K::OutboundCallsPerDay) => "Outbound calls ÷ agent-days with at least one outbound call.",
        (Lang::Id, K::OutboundCallsPerDay) => "Panggilan keluar ÷ hari-agen dengan minimal satu panggilan keluar.",
        (Lang::En, K::AverageTalkTime) => "Mean talk time of connected calls (both directions).",
        (Lang::Id, K::AverageTalkTime) => "Rata-rata durasi bicara panggilan tersambung (dua arah).",
        (Lang::En, K::CallbackRate) => "Outbound calls that got a call back from the lead within 7 days ÷ outbound calls.",
        (Lang::Id, K::CallbackRate) => "Panggilan keluar yang dibalas lead dalam 7 hari ÷ panggilan keluar.",
    }
}

/// Which files a KPI needs, to explain a missing value.
pub fn needs(id: KpiId, lang: Lang) -> &'static str {
    use KpiId as K;
    let en = match id {
        K::AveragePurchaseValue | K::OpportunityWinRatio | K::MonthlySales => {
            "needs a deals file with won deals in the period"
        }
        K::RevenuePerCall => "needs a deals file and outbound calls in the period",
        K::IncrementalSales => {
            "needs deals and a campaign (campaigns file or tagged calls/deals) in the period"
        }
        K::SalesOpportunities => "needs a deals file",
        K::UpsellingRate => "needs a deals file with an upsell column",
        K::ProfitMargin => "needs a deals file with costs",
        K::AverageResponseTime | K::LeadConversionRate => {
            "needs a leads file with leads in the period"
        }
        K::CallAbandonmentRate => "needs inbound calls (e.g. Asterisk queue_log)",
        K::CallConnectionRate | K::OutboundCallsPerDay | K::CallbackRate => {
            "needs outbound calls in the period"
        }
        K::AverageTalkTime => "needs connected calls with a talk time",
    };
    match lang {
        Lang::En => en,
        Lang::Id => match id {
            K::AveragePurchaseValue | K::OpportunityWinRatio | K::MonthlySales => {
                "perlu berkas deal dengan deal menang dalam periode"
            }
            K::RevenuePerCall => "perlu berkas deal dan panggilan keluar dalam periode",
            K::IncrementalSales => "perlu deal dan kampanye (berkas kampanye atau panggilan/deal bertanda) dalam periode",
            K::SalesOpportunities => "perlu berkas deal",
            K::UpsellingRate => "perlu berkas deal dengan kolom upsell",
            K::ProfitMargin => "perlu berkas deal dengan biaya",
            K::AverageResponseTime | K::LeadConversionRate => "perlu berkas leads dengan leads dalam periode",
            K::CallAbandonmentRate => "perlu panggilan masuk (mis. queue_log Asterisk)",
            K::CallConnectionRate | K::OutboundCallsPerDay | K::CallbackRate => {
                "perlu panggilan keluar dalam periode"
            }
            K::AverageTalkTime => "perlu panggilan tersambung dengan durasi bicara",
        },
    }
}

/// Why a targets file can't be used, in `lang`.
///
/// ```
/// # use telesales_kpi::domain::kpi::targets::TargetsError;
/// # use telesales_kpi::present::{i18n::Lang, kpi_text::targets_error};
/// let e = TargetsError::BetweenWithoutMax { index: 2 };
/// assert_eq!(targets_error(&e, Lang::Id), "target #3: between memerlukan value_max");
/// ```
pub fn targets_error(e: &TargetsError, lang: Lang) -> String {
    let en = lang == Lang::En;
    match e {
        TargetsError::BadJson { line, column, .. } => {
            if en {
                format!("targets file: not valid JSON at line {line}, column {column}")
            } else {
                format!("berkas target: JSON tidak valid pada baris {line}, kolom {column}")
            }
        }
        TargetsError::UnsupportedVersion(v) => {
            if en {
                format!("targets file: unsupported version {v} (expected 1)")
            } else {
                format!("berkas target: versi {v} tidak didukung (seharusnya 1)")
            }
        }
        TargetsError::UnknownKpi { index, kpi } => {
            if en {
                format!("target #{}: unknown kpi {kpi:?}", index + 1)
            } else {
                format!("target #{}: kpi {kpi:?} tidak dikenal", index + 1)
            }
        }
        TargetsError::BadComparator { index, comparator } => {
            if en {
                format!(
                    "target #{}: comparator {comparator:?} is not at_least, at_most or between",
                    index + 1
                )
            } else {
                format!(
                    "target #{}: pembanding {comparator:?} bukan at_least, at_most atau between",
                    index + 1
                )
            }
        }
        TargetsError::BadValue { index, field } => {
            if en {
                format!("target #{}: {field} is not a finite number", index + 1)
            } else {
                format!("target #{}: {field} bukan angka yang valid", index + 1)
            }
        }
        TargetsError::BetweenWithoutMax { index } => {
            if en {
                format!("target #{}: between needs value_max", index + 1)
            } else {
                format!("target #{}: between memerlukan value_max", index + 1)
            }
        }
        TargetsError::BetweenReversed { index } => {
            if en {
                format!("target #{}: value_max is below value", index + 1)
            } else {
                format!("target #{}: value_max lebih kecil dari value", index + 1)
            }
        }
        TargetsError::AgentAndTeam { index } => {
            if en {
                format!("target #{}: give agent or team, not both", index + 1)
            } else {
                format!("target #{}: isi agent atau team, bukan keduanya", index + 1)
            }
        }
    }
}
