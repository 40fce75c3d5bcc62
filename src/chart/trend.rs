//! A KPI's trend over days or weeks, with the target line.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{draw_target, palette, y_range, ChartError, TargetLine};

/// A KPI over time: one point per day or week (None where it can't be computed).
#[derive(Clone, Debug)]
pub struct Trend {
    /// Chart title.
    pub title: String,
    /// X axis label (e.g. "Day").
    pub x_label: String,
    /// Y axis label with its unit (e.g. "Connection rate (%)").
    pub y_label: String,
    /// (label, value) per period, in order.
    pub points: Vec<(String, Option<f64>)>,
    /// The target to draw.
    pub target: TargetLine,
    /// Legend of the data line.
    pub series_label: String,
    /// Legend of the target line.
    pub target_label: String,
    /// Formats a y value for the axis.
    pub format: fn(f64) -> String,
}

/// Draws `trend` on `area`.
pub fn draw_trend<DB>(area: &DrawingArea<DB, Shift>, trend: &Trend) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let n = trend.points.len().max(1);
    let x_max = (n as f64 - 1.0).max(1.0);
    let (lo, hi) = y_range(trend.points.iter().filter_map(|p| p.1), trend.target);
    let labels: Vec<&str> = trend.points.iter().map(|p| p.0.as_str()).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(&trend.title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(70)
        .build_cartesian_2d(0.0..x_max, lo..hi)?;
    let fmt = trend.format;
    chart
        .configure_mesh()
        .x_desc(&trend.x_label)
        .y_desc(&trend.y_label)
        .x_labels(n.min(8))
        .x_label_formatter(&|x| index_label(&labels, *x))
        .y_label_formatter(&|y| fmt(*y))
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    // One line segment run per stretch of computable points.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, (_, v)) in trend.points.iter().enumerate() {
        match v {
            Some(v) if v.is_finite() => runs.last_mut().map_or((), |r| r.push((i as f64, *v))),
            _ => runs.push(Vec::new()),
        }
    }
    let mut first = true;
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        let dots = run.clone();
        let series = chart
            .draw_series(LineSeries::new(run, palette::DATA.stroke_width(2)))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
        if first {
            series.label(trend.series_label.clone()).legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], palette::DATA.stroke_width(2))
            });
            first = false;
        }
        chart
            .draw_series(
                dots.into_iter()
                    .map(|p| Circle::new(p, 3, palette::DATA.filled())),
            )
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    draw_target(&mut chart, (0.0, x_max), trend.target, &trend.target_label)?;
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(palette::MUTED)
        .draw()?;
    Ok(())
}

/// The label of the point nearest to `x`, when `x` sits on a point.
pub(crate) fn index_label(labels: &[&str], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels
        .get(i as usize)
        .map_or_else(String::new, |s| (*s).to_owned())
}
