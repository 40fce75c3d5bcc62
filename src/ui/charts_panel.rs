//! The charts: the selected KPI's daily or weekly trend with its target, the
//! per-agent bars, the talk-time distribution with the 4–6 minute band, and
//! the month's sales run-up against the pro-rated target. Drawn on the main
//! thread (plotters measures text through a canvas on wasm).

use leptos::prelude::*;

use super::download::{download_svg_as_png, download_text};
use super::kpi_cards::team_target;
use super::state::AppState;
use crate::chart::{self, Bars, Histogram, RunUp, TargetLine, Trend};
use crate::domain::kpi::{Filter, KpiId};
use crate::domain::model::time::Day;
use crate::domain::targets::{Comparator, Target};
use crate::present::format::duration;
use crate::present::i18n::{t, Lang, Msg};
use crate::present::kpi_text::{self, Display};

/// Periods longer than this are charted by week.
const DAILY_LIMIT: i32 = 62;

fn axis_format(id: KpiId) -> fn(f64) -> String {
    match kpi_text::display(id) {
        Display::Percent => |v| format!("{:.0}%", v * 100.0),
        Display::Duration => |v| duration(v),
        Display::Money => |v| compact(v),
        Display::Count => |v| format!("{v:.0}"),
    }
}

/// 1 250 000 → `1.2M`: short axis labels for money.
fn compact(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.1}B", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e3 {
        format!("{:.0}k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

fn target_line(target: Option<&Target>) -> TargetLine {
    match target {
        Some(t) => match t.comparator {
            Comparator::AtLeast => TargetLine {
                min: Some(t.value),
                max: None,
            },
            Comparator::AtMost => TargetLine {
                min: None,
                max: Some(t.value),
            },
            Comparator::Between => TargetLine {
                min: Some(t.value),
                max: t.value_max,
            },
        },
        None => TargetLine::default(),
    }
}

/// The value a KPI's target is compared with (`per_week`, `lift` or the value).
fn judged(id: KpiId, kv: &crate::domain::kpi::KpiValue) -> Option<f64> {
    let extra = |key: &str| {
        kv.extras
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| *v)
    };
    match id {
        KpiId::SalesOpportunities => extra("per_week"),
        KpiId::IncrementalSales => extra("lift"),
        _ => kv.value,
    }
}

/// Buckets (from, to, label) covering `from..=to`: days, or weeks when long.
fn buckets(from: Day, to: Day) -> Vec<(Day, Day, String)> {
    let mut out = Vec::new();
    if to.0 - from.0 < DAILY_LIMIT {
        let mut d = from;
        while d <= to {
            out.push((d, d, d.to_string()[5..].to_owned()));
            d = d.plus(1);
        }
    } else {
        let mut start = from;
        while start <= to {
            let end = start.week_start().plus(6).min(to);
            out.push((start, end, start.to_string()));
            start = end.plus(1);
        }
    }
    out
}

struct Drawn {
    trend: String,
    bars: String,
    histogram: String,
    runup: String,
}

fn draw(state: AppState, id: KpiId, lang: Lang) -> Option<Drawn> {
    let report = state.report.get();
    let period = report.period?;
    let filter = state.filter.get();
    let targets = state.targets.get();
    let engine = state.engine.get();
    let target = team_target(&targets, id);
    let fmt = axis_format(id);
    let name = kpi_text::name(id, lang);

    let trend_points: Vec<(String, Option<f64>)> = buckets(period.from, period.to)
        .into_iter()
        .map(|(from, to, label)| {
            let f = Filter {
                from: Some(from),
                to: Some(to),
                ..filter.clone()
            };
            let r = engine.report(&f, &targets);
            (label, judged(id, r.kpis.get(id)))
        })
        .collect();
    let weekly = period.to.0 - period.from.0 >= DAILY_LIMIT;
    let trend = Trend {
        title: format!(
            "{name} — {}",
            t(lang, if weekly { Msg::ByWeek } else { Msg::ByDay })
        ),
        x_label: t(lang, if weekly { Msg::Week } else { Msg::Day }).to_owned(),
        y_label: format!("{name} ({})", unit_label(id, &state, lang)),
        points: trend_points,
        target: target_line(target.as_ref()),
        series_label: t(lang, Msg::Team).to_owned(),
        target_label: t(lang, Msg::Target).to_owned(),
        format: fmt,
    };
    let bars = Bars {
        title: format!("{name} — {}", t(lang, Msg::PerAgent)),
        x_label: t(lang, Msg::Agent).to_owned(),
        y_label: unit_label(id, &state, lang),
        bars: report
            .agents
            .iter()
            .filter_map(|(a, set)| judged(id, set.get(id)).map(|v| (a.clone(), v)))
            .collect(),
        target: target_line(target.as_ref()),
        format: fmt,
    };
    let talk_target = team_target(&targets, KpiId::AverageTalkTime);
    let counts = engine.talk_time_histogram(&filter, 60.0, 15);
    let histogram = Histogram {
        title: t(lang, Msg::TalkDistribution).to_owned(),
        x_label: t(lang, Msg::TalkMinutes).to_owned(),
        y_label: t(lang, Msg::Calls).to_owned(),
        bucket_minutes: 1.0,
        counts,
        band: talk_target.map(|tg| (tg.value / 60.0, tg.value_max.unwrap_or(tg.value) / 60.0)),
    };
    // The run-up covers the month of the period's last day (clipped to P).
    let month_from = period.to.month_start().max(period.from);
    let sales_target = team_target(&targets, KpiId::MonthlySales);
    let mut cumulative = 0.0;
    let mut expected = 0.0;
    let days: Vec<(String, f64, Option<f64>)> = buckets(month_from, period.to)
        .into_iter()
        .map(|(from, _, label)| {
            let f = Filter {
                from: Some(from),
                to: Some(from),
                ..filter.clone()
            };
            let r = engine.report(&f, &targets);
            cumulative += r.kpis.get(KpiId::MonthlySales).value.unwrap_or(0.0);
            let exp = sales_target.as_ref().map(|tg| {
                expected += tg.value / f64::from(from.days_in_its_month());
                expected
            });
            (label, cumulative, exp)
        })
        .collect();
    let runup = RunUp {
        title: t(lang, Msg::SalesRunUp).to_owned(),
        x_label: t(lang, Msg::Day).to_owned(),
        y_label: state.prefs.with(|p| p.currency.code.clone()),
        days,
        series_label: t(lang, Msg::Sales).to_owned(),
        target_label: t(lang, Msg::ProRatedTarget).to_owned(),
        format: compact,
    };
    let size = chart::SIZE;
    let render = |r: Result<String, chart::ChartError>| r.unwrap_or_else(|e| format!("<p>{e}</p>"));
    Some(Drawn {
        trend: render(chart::svg(size, |a| chart::draw_trend(&a, &trend))),
        bars: render(chart::svg(size, |a| chart::draw_bars(&a, &bars))),
        histogram: render(chart::svg(size, |a| chart::draw_histogram(&a, &histogram))),
        runup: render(chart::svg(size, |a| chart::draw_runup(&a, &runup))),
    })
}

fn unit_label(id: KpiId, state: &AppState, lang: Lang) -> String {
    match kpi_text::display(id) {
        Display::Percent => "%".into(),
        Display::Duration => t(lang, Msg::Time).into(),
        Display::Money => state.prefs.with_untracked(|p| p.currency.code.clone()),
        Display::Count => t(lang, Msg::Count).into(),
    }
}

/// The charts panel.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let drawn = Memo::new(move |_| {
        let id = state.chart_kpi.get();
        draw(state, id, state.lang()).map(|d| [d.trend, d.bars, d.histogram, d.runup])
    });
    let figure = move |i: usize, file: &'static str| {
        view! {
            <figure class="chart">
                <div class="chart-svg" inner_html=move || drawn.with(|d| d.as_ref().map(|d| d[i].clone()).unwrap_or_default())></div>
                <figcaption>
                    <button type="button" class="link" on:click=move |_| {
                        if let Some(svg) = drawn.with_untracked(|d| d.as_ref().map(|d| d[i].clone())) {
                            download_text(file, "image/svg+xml", &svg);
                        }
                    }>{move || t(lang(), Msg::DownloadSvg)}</button>
                    " · "
                    <button type="button" class="link" on:click=move |_| {
                        if let Some(svg) = drawn.with_untracked(|d| d.as_ref().map(|d| d[i].clone())) {
                            download_svg_as_png(&file.replace(".svg", ".png"), &svg, chart::SIZE);
                        }
                    }>"PNG"</button>
                </figcaption>
            </figure>
        }
    };
    view! {
        <section class="panel charts-panel">
            <h2>{move || t(lang(), Msg::Charts)}</h2>
            <div class="field">
                <label for="chart-kpi">{move || t(lang(), Msg::ChartKpi)}</label>
                <select id="chart-kpi" prop:value=move || state.chart_kpi.get().as_str() on:change=move |ev| {
                    if let Some(id) = KpiId::parse(&event_target_value(&ev)) { state.chart_kpi.set(id); }
                }>
                    {move || KpiId::ALL.into_iter().map(|id| view! { <option value=id.as_str()>{kpi_text::name(id, lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="chart-grid">
                {figure(0, "trend.svg")}
                {figure(1, "agents.svg")}
                {figure(2, "talk-time.svg")}
                {figure(3, "sales-run-up.svg")}
            </div>
        </section>
    }
}
