//! The charts: the selected KPI's daily or weekly trend with its target, the
//! per-agent bars, the talk-time distribution with the 4–6 minute band, and
//! the month's sales run-up against the pro-rated target. The data comes
//! decided from the domain ([`crate::domain::kpi::Engine::series`],
//! `run_up`); this file only lays it out. Drawn on the main thread (plotters
//! measures text through a canvas on wasm).

use leptos::prelude::*;

use super::download::{download_svg_as_png, download_text};
use super::state::{AppState, Shared};
use crate::chart::{
    self, Bars, HeatCell, HeatMap, Histogram, RunUp, StatusBars, TargetLine, Trend,
};
use crate::domain::kpi::{self, Granularity, KpiId, Period, Series};
use crate::present::format::duration;
use crate::present::format::raw;
use crate::present::i18n::{t, Lang, Msg};
use crate::present::kpi_text::{self, Display};

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

/// What the charts plot, computed from the report's engine once per filter,
/// targets and data (not per language or chart KPI).
struct ChartData {
    series: Option<Series>,
    run_up: Option<kpi::RunUp>,
    talk: Vec<u64>,
}

/// A short axis label of a bucket: `MM-DD` by day, the week's first day by week.
fn bucket_label(p: Period, granularity: Granularity) -> String {
    match granularity {
        Granularity::Day => p.from.to_string().get(5..).unwrap_or_default().to_owned(),
        Granularity::Week => p.from.to_string(),
    }
}

struct Drawn {
    /// The bounds of the trend's target line (as the cards' `data-bound-*`).
    trend_bounds: (Option<f64>, Option<f64>),
    trend: String,
    bars: String,
    histogram: String,
    runup: String,
    heatmap: String,
    statuses: String,
}

fn draw(state: AppState, data: &ChartData, id: KpiId, lang: Lang) -> Option<Drawn> {
    let report = state.report.get();
    let series = data.series.as_ref()?;
    let fmt = axis_format(id);
    let name = kpi_text::name(id, lang);
    let points = series.points(id);
    let target = points.last().map_or(TargetLine::default(), |p| TargetLine {
        min: p.bounds.0,
        max: p.bounds.1,
    });
    let weekly = series.granularity == Granularity::Week;
    let trend = Trend {
        title: format!(
            "{name} — {}",
            t(lang, if weekly { Msg::ByWeek } else { Msg::ByDay })
        ),
        x_label: t(lang, if weekly { Msg::Week } else { Msg::Day }).to_owned(),
        y_label: format!("{name} ({})", unit_label(id, &state, lang)),
        points: points
            .iter()
            .map(|p| (bucket_label(p.period, series.granularity), p.judged))
            .collect(),
        target,
        series_label: t(lang, Msg::Team).to_owned(),
        target_label: t(lang, Msg::Target).to_owned(),
        format: fmt,
    };
    // Each agent's bar is what its own target judges, against the team's line.
    let bars = Bars {
        title: format!("{name} — {}", t(lang, Msg::PerAgent)),
        x_label: t(lang, Msg::Agent).to_owned(),
        y_label: unit_label(id, &state, lang),
        bars: report
            .agents
            .iter()
            .filter_map(|(a, set)| set.get(id).judged.map(|v| (a.clone(), v)))
            .collect(),
        target: report
            .kpis
            .get(id)
            .target
            .as_ref()
            .filter(|_| id != KpiId::MonthlySales)
            .map_or(TargetLine::default(), |tg| TargetLine {
                min: tg.bound_min(),
                max: tg.bound_max(),
            }),
        format: fmt,
    };
    let talk_target = report.kpis.get(KpiId::AverageTalkTime).target.clone();
    let histogram = Histogram {
        title: t(lang, Msg::TalkDistribution).to_owned(),
        x_label: t(lang, Msg::TalkMinutes).to_owned(),
        y_label: t(lang, Msg::Calls).to_owned(),
        bucket_minutes: 1.0,
        counts: data.talk.clone(),
        band: talk_target.map(|tg| {
            (
                tg.bound_min().unwrap_or(0.0) / 60.0,
                tg.bound_max().unwrap_or(tg.value) / 60.0,
            )
        }),
    };
    let days = data.run_up.as_ref().map_or_else(Vec::new, |r| {
        r.days
            .iter()
            .map(|d| {
                let label = d.day.to_string().get(5..).unwrap_or_default().to_owned();
                (label, d.revenue, d.expected)
            })
            .collect()
    });
    let forecast = data.run_up.as_ref().and_then(|r| {
        let f = r.forecast?;
        let start = r.days.first()?.day;
        let at = |d: crate::domain::model::time::Day| f64::from(d.0 - start.0);
        Some(((at(f.from), f.from_revenue), (at(f.to), f.value)))
    });
    let runup = RunUp {
        title: t(lang, Msg::SalesRunUp).to_owned(),
        x_label: t(lang, Msg::Day).to_owned(),
        y_label: state.prefs.with(|p| p.currency.code.clone()),
        days,
        forecast,
        forecast_label: t(lang, Msg::Forecast).to_owned(),
        series_label: t(lang, Msg::Sales).to_owned(),
        target_label: t(lang, Msg::ProRatedTarget).to_owned(),
        format: compact,
    };
    let (heat, statuses) = analyses_charts(&report, lang);
    let size = chart::SIZE;
    let render = |r: Result<String, chart::ChartError>| r.unwrap_or_else(|e| format!("<p>{e}</p>"));
    Some(Drawn {
        trend_bounds: (target.min, target.max),
        trend: render(chart::svg(size, |a| chart::draw_trend(&a, &trend))),
        bars: render(chart::svg(size, |a| chart::draw_bars(&a, &bars))),
        histogram: render(chart::svg(size, |a| chart::draw_histogram(&a, &histogram))),
        runup: render(chart::svg(size, |a| chart::draw_runup(&a, &runup))),
        heatmap: render(chart::svg(size, |a| chart::draw_heatmap(&a, &heat))),
        statuses: render(chart::svg(size, |a| chart::draw_statuses(&a, &statuses))),
    })
}

/// The heat map of `hours` and the status breakdown of `statuses`.
fn analyses_charts(report: &crate::domain::kpi::Report, lang: Lang) -> (HeatMap, StatusBars) {
    let weekdays: Vec<String> = t(lang, Msg::Weekdays)
        .split(' ')
        .map(str::to_owned)
        .collect();
    let heat = HeatMap {
        title: t(lang, Msg::BestTime).to_owned(),
        weekdays: std::array::from_fn(|i| weekdays.get(i).cloned().unwrap_or_default()),
        x_label: t(lang, Msg::Hour).to_owned(),
        cells: report.hours.as_ref().map_or_else(Vec::new, |hours| {
            hours
                .iter()
                .map(|h| HeatCell {
                    weekday: h.weekday.saturating_sub(1),
                    hour: h.hour,
                    rate: h.rate(),
                    calls: h.calls,
                    few: h.few(),
                })
                .collect()
        }),
        legend: (
            t(lang, Msg::HeatColour).to_owned(),
            t(lang, Msg::HeatFew).to_owned(),
        ),
    };
    let statuses = StatusBars {
        title: t(lang, Msg::StatusBreakdown).to_owned(),
        statuses: crate::domain::model::CallStatus::ALL
            .map(|s| crate::present::drill::call_status(s, lang).to_owned()),
        bars: report.statuses.map_or_else(Vec::new, |s| {
            vec![
                (t(lang, Msg::Outbound).to_owned(), s.outbound),
                (t(lang, Msg::Inbound).to_owned(), s.inbound),
            ]
        }),
        x_label: t(lang, Msg::ShareOfCalls).to_owned(),
    };
    (heat, statuses)
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
    let data = Memo::new(move |_| {
        let engine = state.engine.get();
        let (filter, targets) = (state.filter.get(), state.targets.get());
        Shared(std::sync::Arc::new(ChartData {
            series: engine.series(&filter, &targets),
            run_up: engine.run_up(&filter, &targets),
            talk: engine.talk_time_histogram(&filter, 60.0, 15),
        }))
    });
    let drawn = Memo::new(move |_| {
        let id = state.chart_kpi.get();
        data.with(|d| draw(state, d, id, state.lang())).map(|d| {
            (
                d.trend_bounds,
                [d.trend, d.bars, d.histogram, d.runup, d.heatmap, d.statuses],
            )
        })
    });
    let bound = move |i: usize| {
        move || {
            raw(drawn.with(|d| {
                d.as_ref()
                    .and_then(|d| if i == 0 { d.0 .0 } else { d.0 .1 })
            }))
        }
    };
    let figure = move |i: usize, file: &'static str| {
        view! {
            <figure
                class="chart"
                data-chart=file.trim_end_matches(".svg")
                data-bound-min=move || (i == 0).then(bound(0))
                data-bound-max=move || (i == 0).then(bound(1))
            >
                <div class="chart-svg" inner_html=move || drawn.with(|d| d.as_ref().map(|d| d.1[i].clone()).unwrap_or_default())></div>
                <figcaption>
                    <button type="button" class="link" on:click=move |_| {
                        if let Some(svg) = drawn.with_untracked(|d| d.as_ref().map(|d| d.1[i].clone())) {
                            download_text(file, "image/svg+xml", &svg);
                        }
                    }>{move || t(lang(), Msg::DownloadSvg)}</button>
                    " · "
                    <button type="button" class="link" on:click=move |_| {
                        if let Some(svg) = drawn.with_untracked(|d| d.as_ref().map(|d| d.1[i].clone())) {
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
                {figure(4, "best-time-to-call.svg")}
                {figure(5, "statuses.svg")}
            </div>
        </section>
    }
}
