//! A KPI's trend over days or weeks, with the target line. A point that rests
//! on few records is drawn apart (a hollow grey ring, off the line), so a day
//! with three calls doesn't draw a 0 % or 100 % spike.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    draw_target, font, palette, text, tight_range, with_legend_row, ChartError, Format, Mark,
    SeriesColour, TargetLine,
};

/// One day or week of a trend.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The tick label (a date in the reader's language).
    pub label: String,
    /// The value (`None` where it can't be computed: a gap).
    pub value: Option<f64>,
    /// The value rests on few records (the domain decides: `few_records`).
    pub few: bool,
}

/// A KPI over time: one point per day or week.
#[derive(Clone)]
pub struct Trend {
    /// Chart title.
    pub title: String,
    /// X axis label (e.g. "Day").
    pub x_label: String,
    /// Y axis label with its unit (e.g. "Connection rate (%)").
    pub y_label: String,
    /// The points, in order.
    pub points: Vec<TrendPoint>,
    /// The target to draw.
    pub target: TargetLine,
    /// Legend of the data line.
    pub series_label: String,
    /// The data line's colour.
    pub colour: SeriesColour,
    /// Legend of the target line.
    pub target_label: String,
    /// Legend of the points with few records.
    pub few_label: String,
    /// Formats a y value for the axis.
    pub format: Format,
}

/// Draws `trend` on `area`.
pub fn draw_trend<DB>(area: &DrawingArea<DB, Shift>, trend: &Trend) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let n = trend.points.len().max(1);
    let x_max = (n as f64 - 1.0).max(1.0);
    let solid = |p: &TrendPoint| p.value.filter(|v| v.is_finite() && !p.few);
    let (lo, hi) = tight_range(trend.points.iter().filter_map(solid), trend.target);
    let labels: Vec<&str> = trend.points.iter().map(|p| p.label.as_str()).collect();
    let width = area.dim_in_pixel().0;
    // Title, a legend row, then the plot.
    let body = area.titled(&trend.title, text(font::TITLE))?;
    let mut entries = Vec::new();
    if trend.points.iter().any(|p| solid(p).is_some()) {
        entries.push((trend.series_label.clone(), trend.colour.rgb(), Mark::Line));
    }
    if trend.points.iter().any(|p| p.few && p.value.is_some()) {
        entries.push((trend.few_label.clone(), palette::MUTED, Mark::Ring));
    }
    if trend.target.min.is_some() || trend.target.max.is_some() {
        entries.push((trend.target_label.clone(), palette::TARGET, Mark::Line));
    }
    let plot = with_legend_row(&body, &entries)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin(10)
        .margin_right(30)
        .x_label_area_size(44)
        .y_label_area_size(76)
        .build_cartesian_2d(0.0..x_max, lo..hi)?;
    let fmt = trend.format.clone();
    // About one tick label per 80 px, on whole points.
    let ticks = (width / 80).clamp(2, 10) as usize;
    chart
        .configure_mesh()
        .x_desc(&trend.x_label)
        .y_desc(&trend.y_label)
        .label_style(text(font::TICK))
        .axis_desc_style(text(font::AXIS))
        .x_labels(n.min(ticks))
        .x_label_formatter(&|x| super::index_label(&labels, *x))
        .y_label_formatter(&|y| fmt(*y))
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    let colour = trend.colour.rgb();
    // One line per stretch of solid points; few-record points break it.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, p) in trend.points.iter().enumerate() {
        match solid(p) {
            Some(v) => runs.last_mut().map_or((), |r| r.push((i as f64, v))),
            None => runs.push(Vec::new()),
        }
    }
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        let dots = run.clone();
        chart
            .draw_series(LineSeries::new(run, colour.stroke_width(2)))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
        chart
            .draw_series(dots.into_iter().map(|p| Circle::new(p, 3, colour.filled())))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    let few: Vec<(f64, f64)> = trend
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.few)
        .filter_map(|(i, p)| {
            p.value
                .filter(|v| v.is_finite())
                .map(|v| (i as f64, v.clamp(lo, hi)))
        })
        .collect();
    if !few.is_empty() {
        chart
            .draw_series(
                few.into_iter()
                    .map(|p| Circle::new(p, 4, palette::MUTED.stroke_width(2))),
            )
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    draw_target(
        &mut chart,
        (0.0, x_max),
        trend.target,
        &trend.target_label,
        false,
    )?;
    Ok(())
}
