//! The 15 KPI cards: value, target, status (colour + icon + word), change vs
//! the previous period, and the definition on hover and focus.

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::kpi::{KpiId, KpiValue};
use crate::domain::targets::{Comparator, Scope, Status, Target};
use crate::present::format::{number, raw, Currency};
use crate::present::i18n::{t, Lang, Msg};
use crate::present::kpi_text::{self, Display};

/// The grid of cards for the current scope.
#[component]
pub fn KpiCards() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="kpi-grid" aria-label=move || t(state.lang(), Msg::Kpis)>
            {KpiId::ALL.into_iter().map(|id| view! { <KpiCard id=id /> }).collect_view()}
        </section>
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

/// "≥ 60%", "≤ 2 h", "4 m – 6 m" for a target.
pub fn target_text(id: KpiId, target: &Target, currency: &Currency, lang: Lang) -> String {
    let fmt = |v: f64| {
        if id == KpiId::IncrementalSales {
            crate::present::format::percent(v, lang)
        } else if id == KpiId::SalesOpportunities {
            format!("{} / {}", number(v, 0, lang), t(lang, Msg::PerAgentWeek))
        } else {
            kpi_text::format_value(id, v, currency, lang)
        }
    };
    match target.comparator {
        Comparator::AtLeast => format!("≥ {}", fmt(target.value)),
        Comparator::AtMost => format!("≤ {}", fmt(target.value)),
        Comparator::Between => format!(
            "{} – {}",
            fmt(target.value),
            fmt(target.value_max.unwrap_or(target.value))
        ),
    }
}

/// The change from `previous` to `value`: points for percentages, else relative.
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
    if kpi_text::display(id) == Display::Percent {
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

/// The whole-team target of `id`, if any.
pub fn team_target(targets: &crate::domain::targets::Targets, id: KpiId) -> Option<Target> {
    targets
        .targets
        .iter()
        .find(|t| t.kpi == id && t.scope == Scope::Team)
        .cloned()
}

#[component]
fn KpiCard(id: KpiId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kv = Memo::new(move |_| state.report.with(|r| r.kpis.get(id).clone()));
    let def_id = format!("def-{}", id.as_str());
    view! {
        {move || {
            let lang = state.lang();
            let currency = state.prefs.with(|p| p.currency.clone());
            let KpiValue { value, previous, status, .. } = kv.get();
            let (icon, word) = status_badge(status, lang);
            let shown = value.map(|v| kpi_text::format_value(id, v, &currency, lang));
            let target = state.targets.with(|ts| team_target(ts, id)).map(|tg| target_text(id, &tg, &currency, lang));
            let prev = previous.map(|p| kpi_text::format_value(id, p, &currency, lang));
            let change = change_text(id, value, previous, lang);
            let extra = extra_line(id, &kv.get(), &currency, lang);
            view! {
                <article
                    class=format!("kpi-card status-{}", status.as_str())
                    data-kpi=id.as_str()
                    data-value=raw(value)
                    data-status=status.as_str()
                    data-previous=raw(previous)
                    tabindex="0"
                    title=kpi_text::definition(id, lang)
                    aria-describedby=def_id.clone()
                >
                    <h3 class="kpi-name">{kpi_text::name(id, lang)}</h3>
                    <p class="kpi-value">
                        {match shown {
                            Some(s) => s,
                            None => "–".to_owned(),
                        }}
                    </p>
                    {value.is_none().then(|| view! { <p class="kpi-reason">{kpi_text::needs(id, lang)}</p> })}
                    {extra.map(|e| view! { <p class="kpi-extra">{e}</p> })}
                    <p class="kpi-status">
                        <span class="badge" aria-hidden="true">{icon}</span>
                        " "
                        <span>{word}</span>
                        {target.map(|tt| view! { <span class="kpi-target">{format!(" · {} {tt}", t(lang, Msg::Target))}</span> })}
                    </p>
                    <p class="kpi-previous">
                        {format!(
                            "{}: {}",
                            t(lang, Msg::Previous),
                            prev.unwrap_or_else(|| "–".to_owned()),
                        )}
                        {change.map(|c| view! { <span class="kpi-change">{format!(" {c}")}</span> })}
                    </p>
                    <p class="kpi-def" id=def_id.clone()>{kpi_text::definition(id, lang)}</p>
                </article>
            }
        }}
    }
}

/// The KPI's most telling extra figure, as a short line.
fn extra_line(id: KpiId, kv: &KpiValue, currency: &Currency, lang: Lang) -> Option<String> {
    let get = |key: &str| {
        kv.extras
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| *v)
    };
    let pct = |v: f64| crate::present::format::percent(v, lang);
    match id {
        KpiId::IncrementalSales => get("lift").map(|v| format!("lift {}", pct(v))),
        KpiId::SalesOpportunities => get("per_week")
            .map(|v| format!("{} / {}", number(v, 1, lang), t(lang, Msg::PerAgentWeek))),
        KpiId::AverageResponseTime => get("within_2h").map(|v| format!("≤ 2 h: {}", pct(v))),
        KpiId::ProfitMargin => get("profit").map(|v| {
            format!(
                "{}: {}",
                t(lang, Msg::Profit),
                crate::present::format::money(v, currency, lang)
            )
        }),
        KpiId::MonthlySales => {
            get("attainment").map(|v| format!("{}: {}", t(lang, Msg::Attainment), pct(v)))
        }
        KpiId::AverageTalkTime => get("under_2min").map(|v| format!("< 2 m: {}", pct(v))),
        KpiId::CallAbandonmentRate => get("avg_wait_seconds").map(|v| {
            format!(
                "{}: {}",
                t(lang, Msg::AvgWait),
                crate::present::format::duration(v)
            )
        }),
        KpiId::LeadConversionRate => get("avg_days_to_convert")
            .map(|v| format!("{}: {}", t(lang, Msg::DaysToConvert), number(v, 1, lang))),
        KpiId::OpportunityWinRatio => {
            get("value_ratio").map(|v| format!("{}: {}", t(lang, Msg::ValueRatio), pct(v)))
        }
        _ => None,
    }
}
