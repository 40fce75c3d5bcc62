//! The status breakdown: outbound and inbound calls by status, one stacked
//! horizontal bar per direction, shares of the calls, with a legend.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{font, text, ChartError};

/// Colours of the seven statuses (connected first), colour-blind safe.
const COLOURS: [RGBColor; 7] = [
    RGBColor(11, 92, 171),
    RGBColor(120, 130, 145),
    RGBColor(230, 120, 0),
    RGBColor(170, 40, 40),
    RGBColor(120, 80, 160),
    RGBColor(240, 180, 30),
    RGBColor(190, 200, 210),
];

/// Calls by status for each direction.
#[derive(Clone, Debug)]
pub struct StatusBars {
    /// Chart title.
    pub title: String,
    /// The statuses' names, in the order of the counts.
    pub statuses: [String; 7],
    /// (direction label, counts by status) per bar.
    pub bars: Vec<(String, [u64; 7])>,
    /// X axis label ("share of calls").
    pub x_label: String,
}

/// Draws `bars` on `area`.
pub fn draw_statuses<DB>(area: &DrawingArea<DB, Shift>, bars: &StatusBars) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let n = bars.bars.len().max(1);
    let labels: Vec<String> = bars
        .bars
        .iter()
        .map(|(l, c)| format!("{l} ({})", c.iter().sum::<u64>()))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .caption(&bars.title, text(font::TITLE))
        .margin(12)
        .margin_right(32)
        .x_label_area_size(40)
        .y_label_area_size(130)
        .build_cartesian_2d(0.0..1.0, 0.0..(n as f64 + 0.9))?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(&bars.x_label)
        .x_labels(6)
        .x_label_formatter(&|x| format!("{:.0}%", x * 100.0))
        .y_labels(n * 2 + 1)
        .y_label_formatter(&|y: &f64| {
            let i = y.round() as usize;
            if (y - y.round()).abs() < 0.01 && i >= 1 && i <= labels.len() {
                labels[labels.len() - i].clone()
            } else {
                String::new()
            }
        })
        .label_style(text(font::TICK))
        .axis_desc_style(text(font::AXIS))
        .draw()?;
    for (k, name) in bars.statuses.iter().enumerate() {
        let colour = COLOURS[k];
        let rects: Vec<Rectangle<(f64, f64)>> = bars
            .bars
            .iter()
            .enumerate()
            .filter_map(|(b, (_, counts))| {
                let total: u64 = counts.iter().sum();
                if total == 0 || counts[k] == 0 {
                    return None;
                }
                let before: u64 = counts[..k].iter().sum();
                let (x0, x1) = (
                    before as f64 / total as f64,
                    (before + counts[k]) as f64 / total as f64,
                );
                let y = (n - b) as f64;
                Some(Rectangle::new(
                    [(x0, y - 0.3), (x1, y + 0.3)],
                    colour.filled(),
                ))
            })
            .collect();
        chart
            .draw_series(rects)
            .map_err(|e| ChartError::Backend(e.to_string()))?
            .label(name.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(text(font::TICK))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}
