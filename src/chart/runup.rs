//! The month's cumulative sales against the day-by-day pro-rated target.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    font, index_label, palette, text, with_legend_row, y_range, ChartError, Format, Mark,
    SeriesColour, TargetLine,
};

/// Cumulative revenue and cumulative expected revenue per day.
#[derive(Clone)]
pub struct RunUp {
    /// Chart title.
    pub title: String,
    /// X axis label.
    pub x_label: String,
    /// Y axis label with currency.
    pub y_label: String,
    /// (day label, cumulative revenue — `None` after the period —,
    /// cumulative pro-rated target) per day of the month.
    pub days: Vec<(String, Option<f64>, Option<f64>)>,
    /// The forecast line: from (day index, revenue) to (day index, forecast).
    pub forecast: Option<((f64, f64), (f64, f64))>,
    /// Legend of the forecast line.
    pub forecast_label: String,
    /// Legend of the revenue line.
    pub series_label: String,
    /// The revenue line's colour.
    pub colour: SeriesColour,
    /// Legend of the target line.
    pub target_label: String,
    /// Formats a money value for the axis.
    pub format: Format,
}

/// Draws `run` on `area`.
pub fn draw_runup<DB>(area: &DrawingArea<DB, Shift>, run: &RunUp) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let n = run.days.len().max(1);
    let x_max = (n as f64 - 1.0).max(1.0);
    let values = run
        .days
        .iter()
        .flat_map(|d| d.1.into_iter().chain(d.2))
        .chain(run.forecast.map(|f| f.1 .1));
    let (lo, hi) = y_range(values, TargetLine::default());
    let labels: Vec<&str> = run.days.iter().map(|d| d.0.as_str()).collect();
    let width = area.dim_in_pixel().0;
    let colour = run.colour.rgb();
    // Title, a legend row, then the plot.
    let body = area.titled(&run.title, text(font::TITLE))?;
    let mut entries = vec![(run.series_label.clone(), colour, Mark::Line)];
    if run.days.iter().any(|d| d.2.is_some()) {
        entries.push((run.target_label.clone(), palette::TARGET, Mark::Line));
    }
    if run.forecast.is_some() {
        entries.push((run.forecast_label.clone(), colour, Mark::Line));
    }
    let plot = with_legend_row(&body, &entries)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin(10)
        .margin_right(30)
        .x_label_area_size(44)
        .y_label_area_size(90)
        .build_cartesian_2d(0.0..x_max, lo..hi)?;
    let fmt = run.format.clone();
    chart
        .configure_mesh()
        .x_desc(&run.x_label)
        .y_desc(&run.y_label)
        .label_style(text(font::TICK))
        .axis_desc_style(text(font::AXIS))
        .x_labels(n.min((width / 80).clamp(2, 10) as usize))
        .x_label_formatter(&|x| index_label(&labels, *x))
        .y_label_formatter(&|y| fmt(*y))
        .draw()?;
    let actual: Vec<(f64, f64)> = run
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.1.map(|v| (i as f64, v)))
        .collect();
    chart
        .draw_series(LineSeries::new(actual, colour.stroke_width(3)))
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    let expected: Vec<(f64, f64)> = run
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.2.map(|t| (i as f64, t)))
        .collect();
    if !expected.is_empty() {
        chart
            .draw_series(LineSeries::new(expected, palette::TARGET.stroke_width(2)))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    if let Some((from, to)) = run.forecast {
        // Dashed: short segments along the line.
        let dashes = (0..20).filter(|k| k % 2 == 0).map(move |k| {
            let at = |t: f64| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            PathElement::new(
                vec![at(f64::from(k) / 20.0), at(f64::from(k + 1) / 20.0)],
                colour.mix(0.7).stroke_width(2),
            )
        });
        chart
            .draw_series(dashes)
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    Ok(())
}
