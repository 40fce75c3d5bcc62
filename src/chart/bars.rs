//! One bar per agent for the selected KPI, with the target line.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::trend::index_label;
use super::{draw_target, palette, y_range, ChartError, TargetLine};

/// Bars with a name each (agents' names come from files: plotters escapes them).
#[derive(Clone, Debug)]
pub struct Bars {
    /// Chart title.
    pub title: String,
    /// X axis label.
    pub x_label: String,
    /// Y axis label with unit.
    pub y_label: String,
    /// (name, value) per bar.
    pub bars: Vec<(String, f64)>,
    /// The target to draw.
    pub target: TargetLine,
    /// Formats a y value for the axis.
    pub format: fn(f64) -> String,
}

/// Draws `bars` on `area`.
pub fn draw_bars<DB>(area: &DrawingArea<DB, Shift>, bars: &Bars) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let n = bars.bars.len().max(1) as f64;
    let (lo, hi) = y_range(bars.bars.iter().map(|b| b.1), bars.target);
    let labels: Vec<&str> = bars.bars.iter().map(|b| b.0.as_str()).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(&bars.title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(70)
        .build_cartesian_2d(-0.5..(n - 0.5), lo..hi)?;
    let fmt = bars.format;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(&bars.x_label)
        .y_desc(&bars.y_label)
        .x_labels(bars.bars.len().max(1) * 2 + 1)
        .x_label_formatter(&|x| index_label(&labels, *x))
        .y_label_formatter(&|y| fmt(*y))
        .draw()?;
    chart
        .draw_series(bars.bars.iter().enumerate().map(|(i, (_, v))| {
            let x = i as f64;
            Rectangle::new([(x - 0.35, 0.0), (x + 0.35, *v)], palette::DATA.filled())
        }))
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    draw_target(&mut chart, (-0.5, n - 0.5), bars.target, "target")?;
    Ok(())
}
