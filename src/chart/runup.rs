//! The month's cumulative sales against the day-by-day pro-rated target.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::trend::index_label;
use super::{palette, y_range, ChartError, TargetLine};

/// Cumulative revenue and cumulative expected revenue per day.
#[derive(Clone, Debug)]
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
    /// Legend of the target line.
    pub target_label: String,
    /// Formats a money value for the axis.
    pub format: fn(f64) -> String,
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
    let mut chart = ChartBuilder::on(area)
        .caption(&run.title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(90)
        .build_cartesian_2d(0.0..x_max, lo..hi)?;
    let fmt = run.format;
    chart
        .configure_mesh()
        .x_desc(&run.x_label)
        .y_desc(&run.y_label)
        .x_labels(n.min(8))
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
        .draw_series(LineSeries::new(actual, palette::DATA.stroke_width(3)))
        .map_err(|e| ChartError::Backend(e.to_string()))?
        .label(run.series_label.clone())
        .legend(|(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], palette::DATA.stroke_width(3))
        });
    let expected: Vec<(f64, f64)> = run
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.2.map(|t| (i as f64, t)))
        .collect();
    if !expected.is_empty() {
        chart
            .draw_series(LineSeries::new(expected, palette::TARGET.stroke_width(2)))
            .map_err(|e| ChartError::Backend(e.to_string()))?
            .label(run.target_label.clone())
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], palette::TARGET.stroke_width(2))
            });
    }
    if let Some((from, to)) = run.forecast {
        // Dashed: short segments along the line.
        let dashes = (0..20).filter(|k| k % 2 == 0).map(move |k| {
            let at = |t: f64| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            PathElement::new(
                vec![at(f64::from(k) / 20.0), at(f64::from(k + 1) / 20.0)],
                palette::DATA.mix(0.7).stroke_width(2),
            )
        });
        chart
            .draw_series(dashes)
            .map_err(|e| ChartError::Backend(e.to_string()))?
            .label(run.forecast_label.clone())
            .legend(|(x, y)| {
                PathElement::new(
                    vec![(x, y), (x + 6, y)],
                    palette::DATA.mix(0.7).stroke_width(2),
                )
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(palette::MUTED)
        .draw()?;
    Ok(())
}
