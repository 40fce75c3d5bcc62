//! Numbers as the user reads them: Rupiah as `Rp1.250.000` in Indonesian and
//! `IDR 1,250,000` in English, percentages, durations as `4 m 30 s`.

use std::fmt::Write as _;

use num_format::{Locale, ToFormattedString};

use super::i18n::Lang;

/// The currency amounts are shown in (never converted).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Currency {
    /// ISO code, e.g. `IDR`.
    pub code: String,
}

impl Default for Currency {
    fn default() -> Self {
        Currency { code: "IDR".into() }
    }
}

impl Currency {
    /// Decimal places shown for this currency (none for Rupiah).
    pub fn decimals(&self) -> usize {
        match self.code.as_str() {
            "IDR" | "JPY" | "KRW" | "VND" => 0,
            _ => 2,
        }
    }
}

fn locale(lang: Lang) -> &'static Locale {
    match lang {
        Lang::Id => &Locale::id,
        Lang::En => &Locale::en,
    }
}

/// A number with grouped thousands and `decimals` places in `lang`'s style.
///
/// ```
/// use telesales_kpi::present::{format::number, i18n::Lang};
/// assert_eq!(number(1_250_000.0, 0, Lang::Id), "1.250.000");
/// assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
/// assert_eq!(number(-0.25, 2, Lang::Id), "-0,25");
/// ```
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let scale = 10_f64.powi(decimals as i32);
    let scaled = (value.abs() * scale).round();
    let whole = (scaled / scale).trunc();
    let frac = scaled - whole * scale;
    let negative = value < 0.0 && scaled > 0.0;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&(whole as u64).to_formatted_string(locale(lang)));
    if decimals > 0 {
        out.push(if lang == Lang::Id { ',' } else { '.' });
        let _ = write!(out, "{:0width$}", frac as u64, width = decimals);
    }
    out
}

/// An amount of money: `Rp1.250.000` (Indonesian) or `IDR 1,250,000` (English).
///
/// ```
/// use telesales_kpi::present::{format::{money, Currency}, i18n::Lang};
/// let idr = Currency::default();
/// assert_eq!(money(1_250_000.0, &idr, Lang::Id), "Rp1.250.000");
/// assert_eq!(money(1_250_000.0, &idr, Lang::En), "IDR 1,250,000");
/// assert_eq!(money(-500.0, &idr, Lang::Id), "-Rp500");
/// ```
pub fn money(value: f64, currency: &Currency, lang: Lang) -> String {
    let digits = number(value.abs(), currency.decimals(), lang);
    let sign = if value < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match (lang, currency.code.as_str()) {
        (Lang::Id, "IDR") => format!("{sign}Rp{digits}"),
        (_, code) => format!("{sign}{code} {digits}"),
    }
}

/// A fraction as a percentage with one decimal: `0.615` → `61,5 %` / `61.5%`.
///
/// ```
/// use telesales_kpi::present::{format::percent, i18n::Lang};
/// assert_eq!(percent(0.615, Lang::En), "61.5%");
/// assert_eq!(percent(0.615, Lang::Id), "61,5%");
/// ```
pub fn percent(fraction: f64, lang: Lang) -> String {
    format!("{}%", number(fraction * 100.0, 1, lang))
}

/// A duration in seconds as `4 m 30 s`, `2 h 5 m` or `45 s`.
///
/// ```
/// use telesales_kpi::present::format::duration;
/// assert_eq!(duration(270.0), "4 m 30 s");
/// assert_eq!(duration(7500.0), "2 h 5 m");
/// assert_eq!(duration(45.4), "45 s");
/// assert_eq!(duration(-90.0), "-1 m 30 s");
/// ```
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return "–".into();
    }
    let sign = if seconds < 0.0 { "-" } else { "" };
    let total = seconds.abs().round() as u64;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    let body = if h > 0 {
        if m > 0 {
            format!("{h} h {m} m")
        } else {
            format!("{h} h")
        }
    } else if m > 0 {
        if s > 0 {
            format!("{m} m {s} s")
        } else {
            format!("{m} m")
        }
    } else {
        format!("{s} s")
    };
    format!("{sign}{body}")
}

/// A raw value as a plain decimal for `data-value` (empty when null).
///
/// ```
/// use telesales_kpi::present::format::raw;
/// assert_eq!(raw(Some(0.61)), "0.61");
/// assert_eq!(raw(Some(850000.0)), "850000");
/// assert_eq!(raw(None), "");
/// ```
pub fn raw(value: Option<f64>) -> String {
    match value {
        // Rust prints floats in plain decimal notation, never with an exponent.
        Some(v) if v.is_finite() => format!("{v}"),
        _ => String::new(),
    }
}
