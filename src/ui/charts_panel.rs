//! The charts: the selected KPI's daily or weekly trend with its target, the
//! per-agent bars, the talk-time distribution with the 4–6 minute band, the
//! month's sales run-up with the forecast line, the best time to call and the
//! status breakdown. The data comes decided from the worker's view (the
//! domain's series, run-up and talk-time counts, the report's `hours` and
//! `statuses`); this file only lays it out, at the width the chart is shown
//! at. Drawn on the main thread (plotters measures text through a
//! canvas on wasm).

use std::sync::Arc;

use leptos::prelude::*;

use super::download::{download_svg_as_png, download_text};
use super::state::{AppState, ChartView};
use crate::chart::{
    self, bars_height, size_for, Bar, Bars, HeatCell, HeatMap, Histogram, RunUp, SeriesColour,
    StatusBars, TargetLine, Trend, TrendPoint,
};
use crate::domain::kpi::targets::Target;
use crate::domain::kpi::{Granularity, KpiId, Report, SeriesPoint};
use crate::domain::model::CallStatus;
use crate::present::axis::{count_axis, kpi_axis, short_date};
use crate::present::format::raw;
use crate::present::i18n::{t, Lang, Msg};
use crate::present::kpi_text::{self, Display};

/// The bounds of a target as a chart's line.
fn target_line(target: Option<&Target>) -> TargetLine {
    target.map_or(TargetLine::default(), |t| TargetLine {
        min: t.bound_min(),
        max: t.bound_max(),
    })
}

/// How many charts the panel draws.
const CHARTS: usize = 6;

/// The six charts' inputs, ready to draw one at a time.
struct Prepared {
    /// The bounds of the trend's target line (as the cards' `data-bound-*`).
    trend_bounds: (Option<f64>, Option<f64>),
    trend: Trend,
    bars: Bars,
    histogram: Histogram,
    runup: RunUp,
    heat: HeatMap,
    statuses: StatusBars,
    /// The size each is drawn at (also for the PNG export).
    sizes: [(u32, u32); CHARTS],
}

impl Prepared {
    /// Draws chart `i` (trend, agents, talk time, run-up, heat map, statuses).
    fn render(&self, i: usize) -> String {
        let size = self.sizes[i];
        let drawn = match i {
            0 => chart::svg(size, |a| chart::draw_trend(&a, &self.trend)),
            1 => chart::svg(size, |a| chart::draw_bars(&a, &self.bars)),
            2 => chart::svg(size, |a| chart::draw_histogram(&a, &self.histogram)),
            3 => chart::svg(size, |a| chart::draw_runup(&a, &self.runup)),
            4 => chart::svg(size, |a| chart::draw_heatmap(&a, &self.heat)),
            _ => chart::svg(size, |a| chart::draw_statuses(&a, &self.statuses)),
        };
        drawn.unwrap_or_else(|e| format!("<p>{e}</p>"))
    }
}

/// The colour of the scope's series: its roster team's, else the whole team's.
fn scope_colour(team: Option<&str>, teams: &[String]) -> SeriesColour {
    team.and_then(|t| teams.iter().position(|x| x == t))
        .map_or(SeriesColour::Whole, SeriesColour::Team)
}

/// The trend of `id` from the domain's series points.
fn trend(
    (granularity, points): &(Granularity, Vec<SeriesPoint>),
    id: KpiId,
    lang: Lang,
    unit: &str,
    colour: SeriesColour,
    series_label: String,
    format: chart::Format,
) -> Trend {
    let name = kpi_text::name(id, lang);
    let target = points.last().map_or(TargetLine::default(), |p| TargetLine {
        min: p.bounds.0,
        max: p.bounds.1,
    });
    let weekly = *granularity == Granularity::Week;
    Trend {
        title: format!(
            "{name} — {}",
            t(lang, if weekly { Msg::ByWeek } else { Msg::ByDay })
        ),
        x_label: t(lang, if weekly { Msg::Week } else { Msg::Day }).to_owned(),
        y_label: format!("{name} ({unit})"),
        points: points
            .iter()
            .map(|p| TrendPoint {
                label: short_date(p.period.from, lang),
                value: p.judged,
                few: p.few,
            })
            .collect(),
        target,
        series_label,
        colour,
        target_label: t(lang, Msg::Target).to_owned(),
        few_label: t(lang, Msg::FewRecords).to_owned(),
        format,
    }
}

/// The heat map of `hours` and the status breakdown of `statuses`.
fn analyses_charts(report: &Report, lang: Lang) -> (HeatMap, StatusBars) {
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
        statuses: CallStatus::ALL.map(|s| crate::present::drill::call_status(s, lang).to_owned()),
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

#[allow(clippy::too_many_lines)] // the six charts' inputs, one after the other
fn prepare(
    state: AppState,
    data: &ChartView,
    id: KpiId,
    lang: Lang,
    width: u32,
) -> Option<Prepared> {
    let report = state.report.get();
    let series = data.trend.as_ref()?;
    let filter = state.filter.get();
    let currency = state.prefs.with(|p| p.currency.clone());
    let fmt: chart::Format = Arc::new(kpi_axis(id, currency.clone(), lang));
    let name = kpi_text::name(id, lang);
    let names = state.names.get();
    let teams = &names.teams;
    let colour = scope_colour(filter.team.as_deref(), teams);
    let unit = unit_label(id, &state, lang);
    let series_label = filter
        .team
        .clone()
        .unwrap_or_else(|| t(lang, Msg::Team).to_owned());
    let trend = trend(series, id, lang, &unit, colour, series_label, fmt.clone());
    // Each agent's bar is what its own target judges, against the scope's line.
    let mut legend: Vec<(String, SeriesColour)> = Vec::new();
    let bar_list: Vec<Bar> = report
        .agents
        .iter()
        .filter_map(|(a, set)| set.get(id).judged.map(|v| (a, v)))
        .map(|(a, value)| {
            let (display, team) = names.roster.get(a.as_str()).cloned().unwrap_or_default();
            let colour = scope_colour(Some(team.as_str()), teams);
            if colour != SeriesColour::Whole && !legend.iter().any(|l| l.0 == team) {
                legend.push((team, colour));
            }
            Bar {
                label: if display.is_empty() {
                    a.clone()
                } else {
                    display
                },
                value,
                colour,
            }
        })
        .collect();
    legend.sort_by(|a, b| a.0.cmp(&b.0));
    let scope_target = report.kpis.get(id).target.as_ref();
    let bars = Bars {
        title: format!("{name} — {}", t(lang, Msg::PerAgent)),
        x_label: unit,
        bars: bar_list,
        legend,
        // A monthly target is pro-rated per agent: no one line fits them all.
        target: target_line(scope_target.filter(|_| id != KpiId::MonthlySales)),
        target_label: t(lang, Msg::Target).to_owned(),
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
        colour,
        format: Arc::new(count_axis(lang)),
    };
    let days = data.run_up.as_ref().map_or_else(Vec::new, |r| {
        r.days
            .iter()
            .map(|d| (short_date(d.day, lang), d.revenue, d.expected))
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
        y_label: currency.code.clone(),
        days,
        forecast,
        forecast_label: t(lang, Msg::Forecast).to_owned(),
        series_label: t(lang, Msg::Sales).to_owned(),
        colour,
        target_label: t(lang, Msg::ProRatedTarget).to_owned(),
        format: Arc::new(kpi_axis(KpiId::MonthlySales, currency, lang)),
    };
    let (heat, statuses) = analyses_charts(&report, lang);
    let size = size_for(width);
    let bars_size = (size.0, bars_height(bars.bars.len()));
    Some(Prepared {
        trend_bounds: (trend.target.min, trend.target.max),
        trend,
        bars,
        histogram,
        runup,
        heat,
        statuses,
        sizes: [size, bars_size, size, size, size, size],
    })
}

/// Resolves after the browser has run its other tasks (a zero timeout): a
/// chart drawn after it is a task of its own, not one long one.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn unit_label(id: KpiId, state: &AppState, lang: Lang) -> String {
    match kpi_text::display(id) {
        Display::Percent => "%".into(),
        Display::Duration => t(lang, Msg::Time).into(),
        Display::Money => state.prefs.with_untracked(|p| p.currency.code.clone()),
        Display::Count => t(lang, Msg::Count).into(),
    }
}

/// The width a chart will be shown at, from the window's width and the
/// stylesheet's paddings (main, panel, two columns from 932 px, figure): the
/// first drawing is right without waiting for the layout; the measurement
/// after it corrects any difference.
fn estimated_width() -> u32 {
    let vw = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(1024.0, |e| f64::from(e.client_width()));
    let narrow = vw <= 640.0;
    let rem = 16.0;
    let main = vw.min(1320.0) - 2.0 * if narrow { 0.6 * rem } else { 1.5 * rem };
    let panel = main - 2.0 * (1.0 + if narrow { 0.8 } else { 1.1 } * rem);
    let gap = 0.8 * rem;
    let column = if panel >= 2.0 * 460.0 + gap {
        (panel - gap) / 2.0
    } else {
        panel
    };
    (column - 2.0 * (1.0 + 0.3 * rem)).max(0.0) as u32
}

/// The charts panel: drawn at the width it is shown at, again when the
/// window is resized.
#[component]
#[allow(clippy::too_many_lines)] // one view: the KPI choice and six figures
pub fn ChartsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let slot = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(estimated_width());
    let measure = move || {
        if let Some(el) = slot.get_untracked() {
            let w = el.client_width().max(0) as u32;
            // Redraw only for a visible change of width.
            if w > 0 && w.abs_diff(width.get_untracked()) > 8 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        slot.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let data = state.charts;
    // The charts are drawn one per browser task (a new view while drawing
    // starts over), so the page stays responsive while they appear. Each
    // has its own signal: drawing one sets that figure's markup alone (one
    // signal for all six would parse and lay out every figure again).
    let svgs: [RwSignal<String>; CHARTS] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let sizes = RwSignal::new([(0u32, 0u32); CHARTS]);
    let trend_bounds = RwSignal::new((None::<f64>, None::<f64>));
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let id = state.chart_kpi.get();
        let w = width.get();
        let lang = state.lang();
        let seq = data.with(|d| d.seq);
        let Some(prepared) = data
            .with(|d| prepare(state, d, id, lang, w))
            .filter(|_| w > 0)
        else {
            state.charts_drawn.set(seq);
            return;
        };
        let gen = generation.get_value() + 1;
        generation.set_value(gen);
        trend_bounds.set(prepared.trend_bounds);
        sizes.set(prepared.sizes);
        leptos::task::spawn_local(async move {
            for (i, slot) in svgs.iter().enumerate() {
                next_task().await;
                if generation.get_value() != gen {
                    return;
                }
                slot.set(prepared.render(i));
            }
            state.charts_drawn.set(seq);
        });
    });
    let bound = move |max: bool| move || raw(trend_bounds.with(|b| if max { b.1 } else { b.0 }));
    let figure = move |i: usize, file: &'static str| {
        let node = (i == 0).then_some(slot);
        let svg = move || svgs[i].get();
        view! {
            <figure
                class="chart"
                data-chart=file.trim_end_matches(".svg")
                data-bound-min=move || (i == 0).then(bound(false))
                data-bound-max=move || (i == 0).then(bound(true))
            >
                {match node {
                    Some(r) => view! { <div class="chart-svg" node_ref=r inner_html=svg></div> }.into_any(),
                    None => view! { <div class="chart-svg" inner_html=svg></div> }.into_any(),
                }}
                <figcaption>
                    <button type="button" class="link" on:click=move |_| {
                        let svg = svgs[i].get_untracked();
                        if !svg.is_empty() {
                            download_text(file, "image/svg+xml", &svg);
                        }
                    }>{move || t(lang(), Msg::DownloadSvg)}</button>
                    " · "
                    <button type="button" class="link" on:click=move |_| {
                        let (svg, size) = (svgs[i].get_untracked(), sizes.with_untracked(|s| s[i]));
                        if !svg.is_empty() {
                            download_svg_as_png(&file.replace(".svg", ".png"), &svg, size);
                        }
                    }>"PNG"</button>
                </figcaption>
            </figure>
        }
    };
    view! {
        <section class="panel charts-panel" id="charts" aria-labelledby="charts-title">
            <div class="panel-head">
                <h2 id="charts-title">{move || t(lang(), Msg::Charts)}</h2>
                <div class="field inline">
                    <label for="chart-kpi">{move || t(lang(), Msg::ChartKpi)}</label>
                    <select id="chart-kpi" prop:value=move || state.chart_kpi.get().as_str() on:change=move |ev| {
                        if let Some(id) = KpiId::parse(&event_target_value(&ev)) { state.chart_kpi.set(id); }
                    }>
                        {move || KpiId::ALL.into_iter().map(|id| view! { <option value=id.as_str()>{kpi_text::name(id, lang())}</option> }).collect_view()}
                    </select>
                </div>
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
