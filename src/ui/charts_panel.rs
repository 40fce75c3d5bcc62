//! The charts: the selected KPI's daily or weekly trend with its target, the
//! per-agent bars, the talk-time distribution with the 4–6 minute band, and
//! the month's sales run-up against the pro-rated target. Drawn on the main
//! thread (plotters measures text through a canvas on wasm).

use std::sync::Arc;

use leptos::prelude::*;

use super::download::{download_svg_as_png, download_text};
use super::kpi_cards::team_target;
use super::roster_view::roster_names;
use super::state::AppState;
use crate::chart::{
    self, bars_height, few_records, size_for, Bar, Bars, Histogram, RunUp, SeriesColour,
    TargetLine, Trend, TrendPoint,
};
use crate::domain::kpi::{Filter, KpiId};
use crate::domain::model::time::Day;
use crate::domain::targets::{Comparator, Target};
use crate::present::axis::{count_axis, kpi_axis, short_date};
use crate::present::i18n::{t, Lang, Msg};
use crate::present::kpi_text::{self, Display};

/// Periods longer than this are charted by week.
const DAILY_LIMIT: i32 = 62;

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

/// Buckets (from, to, label) covering `from..=to`: days, or weeks when long
/// (labelled by their first day), dates in the reader's language.
fn buckets(from: Day, to: Day, lang: Lang) -> Vec<(Day, Day, String)> {
    let mut out = Vec::new();
    if to.0 - from.0 < DAILY_LIMIT {
        let mut d = from;
        while d <= to {
            out.push((d, d, short_date(d, lang)));
            d = d.plus(1);
        }
    } else {
        let mut start = from;
        while start <= to {
            let end = start.week_start().plus(6).min(to);
            out.push((start, end, short_date(start, lang)));
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
    /// The size each was drawn at (for the PNG export).
    sizes: [(u32, u32); 4],
}

/// The colour of the scope's series: its roster team's, else the whole team's.
fn scope_colour(team: Option<&str>, teams: &[String]) -> SeriesColour {
    team.and_then(|t| teams.iter().position(|x| x == t))
        .map_or(SeriesColour::Whole, SeriesColour::Team)
}

#[allow(clippy::too_many_lines)] // the four charts' inputs, one after the other
fn draw(state: AppState, id: KpiId, lang: Lang, width: u32) -> Option<Drawn> {
    let report = state.report.get();
    let period = report.period?;
    let filter = state.period_filter.get();
    let targets = state.targets.get();
    let engine = state.engine.get();
    let target = team_target(&targets, id);
    let currency = state.prefs.with(|p| p.currency.clone());
    let fmt: chart::Format = Arc::new(kpi_axis(id, currency.clone(), lang));
    let name = kpi_text::name(id, lang);
    let teams = engine.team_names();
    let colour = scope_colour(filter.team.as_deref(), &teams);

    let trend_points: Vec<(String, Option<f64>, Option<u64>)> =
        buckets(period.from, period.to, lang)
            .into_iter()
            .map(|(from, to, label)| {
                let f = Filter {
                    from: Some(from),
                    to: Some(to),
                    ..filter.clone()
                };
                let r = engine.report(&f, &targets);
                let kv = r.kpis.get(id);
                (
                    label,
                    judged(id, kv),
                    kv.denominator.map(|d| d.max(0.0) as u64),
                )
            })
            .collect();
    let few = few_records(&trend_points.iter().map(|p| p.2).collect::<Vec<_>>());
    let weekly = period.to.0 - period.from.0 >= DAILY_LIMIT;
    let trend = Trend {
        title: format!(
            "{name} — {}",
            t(lang, if weekly { Msg::ByWeek } else { Msg::ByDay })
        ),
        x_label: t(lang, if weekly { Msg::Week } else { Msg::Day }).to_owned(),
        y_label: format!("{name} ({})", unit_label(id, &state, lang)),
        points: trend_points
            .into_iter()
            .zip(few)
            .map(|((label, value, _), few)| TrendPoint { label, value, few })
            .collect(),
        target: target_line(target.as_ref()),
        series_label: filter
            .team
            .clone()
            .unwrap_or_else(|| t(lang, Msg::Team).to_owned()),
        colour,
        target_label: t(lang, Msg::Target).to_owned(),
        few_label: t(lang, Msg::FewRecords).to_owned(),
        format: fmt.clone(),
    };
    let names = roster_names(&state.dataset.get());
    let mut legend: Vec<(String, SeriesColour)> = Vec::new();
    let bar_list: Vec<Bar> = report
        .agents
        .iter()
        .filter_map(|(a, set)| judged(id, set.get(id)).map(|v| (a, v)))
        .map(|(a, value)| {
            let (display, team) = names.get(a.as_str()).cloned().unwrap_or_default();
            let colour = scope_colour(Some(team.as_str()), &teams);
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
    let bars = Bars {
        title: format!("{name} — {}", t(lang, Msg::PerAgent)),
        x_label: unit_label(id, &state, lang),
        bars: bar_list,
        legend,
        target: target_line(target.as_ref()),
        target_label: t(lang, Msg::Target).to_owned(),
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
        colour,
        format: Arc::new(count_axis(lang)),
    };
    // The run-up covers the month of the period's last day (clipped to P).
    let month_from = period.to.month_start().max(period.from);
    let sales_target = team_target(&targets, KpiId::MonthlySales);
    let mut cumulative = 0.0;
    let mut expected = 0.0;
    let days: Vec<(String, f64, Option<f64>)> = buckets(month_from, period.to, lang)
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
        y_label: currency.code.clone(),
        days,
        series_label: t(lang, Msg::Sales).to_owned(),
        colour,
        target_label: t(lang, Msg::ProRatedTarget).to_owned(),
        format: Arc::new(kpi_axis(KpiId::MonthlySales, currency, lang)),
    };
    let size = size_for(width);
    let bars_size = (size.0, bars_height(bars.bars.len()));
    let render = |r: Result<String, chart::ChartError>| r.unwrap_or_else(|e| format!("<p>{e}</p>"));
    Some(Drawn {
        trend: render(chart::svg(size, |a| chart::draw_trend(&a, &trend))),
        bars: render(chart::svg(bars_size, |a| chart::draw_bars(&a, &bars))),
        histogram: render(chart::svg(size, |a| chart::draw_histogram(&a, &histogram))),
        runup: render(chart::svg(size, |a| chart::draw_runup(&a, &runup))),
        sizes: [size, bars_size, size, size],
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
    let drawn = Memo::new(move |_| {
        let id = state.chart_kpi.get();
        let w = width.get();
        if w == 0 {
            return None;
        }
        draw(state, id, state.lang(), w).map(|d| ([d.trend, d.bars, d.histogram, d.runup], d.sizes))
    });
    let figure = move |i: usize, file: &'static str| {
        let node = (i == 0).then_some(slot);
        let svg = move || drawn.with(|d| d.as_ref().map(|d| d.0[i].clone()).unwrap_or_default());
        view! {
            <figure class="chart">
                {match node {
                    Some(r) => view! { <div class="chart-svg" node_ref=r inner_html=svg></div> }.into_any(),
                    None => view! { <div class="chart-svg" inner_html=svg></div> }.into_any(),
                }}
                <figcaption>
                    <button type="button" class="link" on:click=move |_| {
                        if let Some(svg) = drawn.with_untracked(|d| d.as_ref().map(|d| d.0[i].clone())) {
                            download_text(file, "image/svg+xml", &svg);
                        }
                    }>{move || t(lang(), Msg::DownloadSvg)}</button>
                    " · "
                    <button type="button" class="link" on:click=move |_| {
                        if let Some((svg, size)) = drawn.with_untracked(|d| d.as_ref().map(|d| (d.0[i].clone(), d.1[i]))) {
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
            </div>
        </section>
    }
}
