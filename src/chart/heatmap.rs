//! The best time to call: the connection rate per weekday × hour, each cell
//! coloured by its rate and labelled with its number of calls; cells with few
//! calls are drawn hatched grey, as a rate on a handful of calls says little.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{font, palette, text, with_legend_row, ChartError, Mark};

/// One weekday × hour cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatCell {
    /// Row: 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Column: 0 … 23.
    pub hour: u8,
    /// Connected ÷ calls (`None` without calls).
    pub rate: Option<f64>,
    /// Outbound calls.
    pub calls: u64,
    /// Too few calls to read the rate.
    pub few: bool,
}

/// A weekday × hour heat map.
#[derive(Clone, Debug)]
pub struct HeatMap {
    /// Chart title.
    pub title: String,
    /// The seven row labels, Monday first.
    pub weekdays: [String; 7],
    /// X axis label ("hour").
    pub x_label: String,
    /// The cells (any order; missing cells are drawn empty).
    pub cells: Vec<HeatCell>,
    /// Legend: what the colour means, and what a hatched cell means.
    pub legend: (String, String),
}

/// The fill of a cell with few calls.
const FEW_FILL: RGBColor = RGBColor(222, 225, 230);

/// The fill of a rate: from a pale to a deep blue.
fn shade(rate: f64) -> RGBColor {
    let r = rate.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * r).round() as u8;
    RGBColor(mix(232, 8), mix(241, 64), mix(250, 129))
}

/// Draws `map` on `area`.
pub fn draw_heatmap<DB>(area: &DrawingArea<DB, Shift>, map: &HeatMap) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let weekdays = &map.weekdays;
    let body = area.titled(&map.title, text(font::TITLE))?;
    let (colour_note, few_note) = &map.legend;
    let entries = [
        (colour_note.clone(), shade(0.8), Mark::Box),
        (few_note.clone(), FEW_FILL, Mark::Box),
    ];
    let plot = with_legend_row(&body, &entries)?;
    // The calls of a cell are written in it when the cell is wide enough.
    let labelled = plot.dim_in_pixel().0.saturating_sub(70) / 24 >= 26;
    let mut chart = ChartBuilder::on(&plot)
        .margin(8)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..24.0, 0.0..7.0)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(&map.x_label)
        .x_labels(13)
        .y_labels(15)
        .x_label_formatter(&|x: &f64| format!("{}", x.round() as i64))
        .y_label_formatter(&|y: &f64| {
            // Rows are drawn top to bottom, Monday first; labels sit mid-row.
            let row = 6 - (y.floor() as i64).clamp(0, 6);
            if (y - y.floor() - 0.5).abs() < 0.26 {
                weekdays.get(row as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .label_style(text(font::TICK))
        .axis_desc_style(text(font::AXIS))
        .draw()?;
    let top = |w: u8| 7.0 - f64::from(w);
    chart
        .draw_series(map.cells.iter().map(|c| {
            let (x, y) = (f64::from(c.hour), top(c.weekday));
            let fill = match (c.rate, c.few) {
                (Some(_), true) => FEW_FILL.filled(),
                (Some(r), false) => shade(r).filled(),
                (None, _) => WHITE.filled(),
            };
            Rectangle::new([(x + 0.04, y - 0.04), (x + 0.96, y - 0.96)], fill)
        }))
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    // Hatching for few-call cells: one diagonal per cell.
    chart
        .draw_series(map.cells.iter().filter(|c| c.few && c.calls > 0).map(|c| {
            let (x, y) = (f64::from(c.hour), top(c.weekday));
            PathElement::new(
                vec![(x + 0.1, y - 0.9), (x + 0.9, y - 0.1)],
                palette::MUTED.stroke_width(1),
            )
        }))
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    chart
        .draw_series(
            map.cells
                .iter()
                .filter(|c| labelled && c.calls > 0)
                .map(|c| {
                    let (x, y) = (f64::from(c.hour) + 0.5, top(c.weekday) - 0.5);
                    let dark = c.rate.is_some_and(|r| r > 0.55) && !c.few;
                    let colour = if dark { WHITE } else { BLACK };
                    let text = if c.calls >= 1000 {
                        format!("{}k", c.calls / 1000)
                    } else {
                        c.calls.to_string()
                    };
                    Text::new(
                        text,
                        (x, y),
                        ("sans-serif", 12).into_font().color(&colour).pos(
                            plotters::style::text_anchor::Pos::new(
                                plotters::style::text_anchor::HPos::Center,
                                plotters::style::text_anchor::VPos::Center,
                            ),
                        ),
                    )
                }),
        )
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    Ok(())
}
