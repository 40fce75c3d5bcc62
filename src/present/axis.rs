//! Chart axis labels in the reader's language: short dates (`3 Nov` /
//! `Nov 3`) and compact amounts (`Rp1,5 jt` / `IDR 1.5M`), percentages and
//! durations as the KPI is shown. The charts take these as closures.

use super::format::{duration, number, Currency};
use super::i18n::Lang;
use super::kpi_text::{display, Display};
use crate::domain::kpi::KpiId;
use crate::domain::model::time::Day;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// A day as a short axis label.
///
/// ```
/// use telesales_kpi::domain::model::time::Day;
/// use telesales_kpi::present::{axis::short_date, i18n::Lang};
/// let d = Day::parse_iso("2026-08-03").unwrap();
/// assert_eq!(short_date(d, Lang::En), "Aug 3");
/// assert_eq!(short_date(d, Lang::Id), "3 Agu");
/// ```
pub fn short_date(day: Day, lang: Lang) -> String {
    let (_, m, d) = day.ymd();
    let i = (m as usize).saturating_sub(1).min(11);
    match lang {
        Lang::En => format!("{} {d}", MONTHS_EN[i]),
        Lang::Id => format!("{d} {}", MONTHS_ID[i]),
    }
}

/// `value` with at most one decimal, dropped when it is `.0`.
fn short_number(value: f64, lang: Lang) -> String {
    let one = number(value, 1, lang);
    match one.strip_suffix(if lang == Lang::Id { ",0" } else { ".0" }) {
        Some(whole) => whole.to_owned(),
        None => one,
    }
}

/// An amount as a compact axis label: thousands, millions and billions in the
/// reader's words (`rb`, `jt`, `M` in Indonesian; `k`, `M`, `B` in English).
///
/// ```
/// use telesales_kpi::present::{axis::money_compact, format::Currency, i18n::Lang};
/// let idr = Currency::default();
/// assert_eq!(money_compact(1_500_000.0, &idr, Lang::Id), "Rp1,5 jt");
/// assert_eq!(money_compact(1_500_000.0, &idr, Lang::En), "IDR 1.5M");
/// assert_eq!(money_compact(250_000.0, &idr, Lang::Id), "Rp250 rb");
/// assert_eq!(money_compact(-2e9, &idr, Lang::En), "-IDR 2B");
/// assert_eq!(money_compact(0.0, &idr, Lang::Id), "Rp0");
/// ```
pub fn money_compact(value: f64, currency: &Currency, lang: Lang) -> String {
    let a = value.abs();
    let (scaled, suffix) = match lang {
        Lang::Id if a >= 1e12 => (a / 1e12, " T"),
        Lang::Id if a >= 1e9 => (a / 1e9, " M"),
        Lang::Id if a >= 1e6 => (a / 1e6, " jt"),
        Lang::Id if a >= 1e3 => (a / 1e3, " rb"),
        Lang::En if a >= 1e12 => (a / 1e12, "T"),
        Lang::En if a >= 1e9 => (a / 1e9, "B"),
        Lang::En if a >= 1e6 => (a / 1e6, "M"),
        Lang::En if a >= 1e3 => (a / 1e3, "k"),
        _ => (a, ""),
    };
    let digits = short_number(scaled, lang);
    let sign = if value < 0.0 && digits.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "-"
    } else {
        ""
    };
    match (lang, currency.code.as_str()) {
        (Lang::Id, "IDR") => format!("{sign}Rp{digits}{suffix}"),
        (_, code) => format!("{sign}{code} {digits}{suffix}"),
    }
}

/// How an axis shows values of KPI `id` (the value its target is judged on:
/// a lift for incremental sales, a count per week for opportunities).
///
/// ```
/// use telesales_kpi::domain::kpi::KpiId;
/// use telesales_kpi::present::{axis::kpi_axis, format::Currency, i18n::Lang};
/// let f = kpi_axis(KpiId::CallConnectionRate, Currency::default(), Lang::Id);
/// assert_eq!(f(0.625), "62,5%");
/// let f = kpi_axis(KpiId::MonthlySales, Currency::default(), Lang::En);
/// assert_eq!(f(5e8), "IDR 500M");
/// let f = kpi_axis(KpiId::AverageTalkTime, Currency::default(), Lang::En);
/// assert_eq!(f(270.0), "4 m 30 s");
/// ```
pub fn kpi_axis(
    id: KpiId,
    currency: Currency,
    lang: Lang,
) -> impl Fn(f64) -> String + Send + Sync + 'static {
    let shown = if id == KpiId::IncrementalSales {
        Display::Percent
    } else {
        display(id)
    };
    move |v: f64| match shown {
        Display::Percent => format!("{}%", short_number(v * 100.0, lang)),
        Display::Duration => duration(v),
        Display::Money => money_compact(v, &currency, lang),
        Display::Count => short_number(v, lang),
    }
}

/// How an axis shows a count (calls): grouped thousands.
///
/// ```
/// use telesales_kpi::present::{axis::count_axis, i18n::Lang};
/// assert_eq!(count_axis(Lang::Id)(12_500.0), "12.500");
/// ```
pub fn count_axis(lang: Lang) -> impl Fn(f64) -> String + Send + Sync + 'static {
    move |v: f64| number(v, 0, lang)
}
