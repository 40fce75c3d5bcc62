//! The distribution of talk times, with the target band (4–6 minutes) shaded.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{font, palette, text, ChartError, Format, SeriesColour};

/// Counts per bucket of talk time.
#[derive(Clone)]
pub struct Histogram {
    /// Chart title.
    pub title: String,
    /// X axis label with unit (minutes).
    pub x_label: String,
    /// Y axis label (calls).
    pub y_label: String,
    /// Width of a bucket in minutes.
    pub bucket_minutes: f64,
    /// Calls per bucket, from 0 minutes up (the last bucket holds the rest).
    pub counts: Vec<u64>,
    /// The shaded band in minutes (the talk-time target), if any.
    pub band: Option<(f64, f64)>,
    /// The bars' colour.
    pub colour: SeriesColour,
    /// Formats a count for the axis.
    pub format: Format,
}

/// Draws `hist` on `area`.
pub fn draw_histogram<DB>(area: &DrawingArea<DB, Shift>, hist: &Histogram) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let width = if hist.bucket_minutes > 0.0 {
        hist.bucket_minutes
    } else {
        1.0
    };
    let x_max = (hist.counts.len().max(1) as f64) * width;
    let y_max = hist.counts.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.1;
    let px = area.dim_in_pixel().0;
    let mut chart = ChartBuilder::on(area)
        .caption(&hist.title, text(font::TITLE))
        .margin(10)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..x_max, 0.0..y_max)?;
    let fmt = hist.format.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(&hist.x_label)
        .y_desc(&hist.y_label)
        .label_style(text(font::TICK))
        .axis_desc_style(text(font::AXIS))
        .x_labels((px / 60).clamp(3, 16) as usize)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| fmt(*y))
        .draw()?;
    if let Some((a, b)) = hist.band {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(a, 0.0), (b, y_max)],
                palette::TARGET.mix(0.15).filled(),
            )))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    let colour = hist.colour.rgb();
    chart
        .draw_series(hist.counts.iter().enumerate().map(|(i, c)| {
            let x = i as f64 * width;
            Rectangle::new(
                [(x + width * 0.05, 0.0), (x + width * 0.95, *c as f64)],
                colour.filled(),
            )
        }))
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    Ok(())
}
