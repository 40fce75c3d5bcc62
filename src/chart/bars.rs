//! One horizontal bar per agent for the selected KPI, coloured by the agent's
//! roster team, with the target line. Horizontal, so that names stay readable
//! however many agents there are.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    draw_target, font, index_label, palette, text, with_legend_row, y_range, ChartError, Format,
    Mark, SeriesColour, TargetLine,
};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The name (agents' names come from files: plotters escapes them).
    pub label: String,
    /// The value.
    pub value: f64,
    /// Its team's colour.
    pub colour: SeriesColour,
}

/// Bars with a name each.
#[derive(Clone)]
pub struct Bars {
    /// Chart title.
    pub title: String,
    /// Value axis label with unit.
    pub x_label: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// Legend entries (team name, colour); none drawn when empty.
    pub legend: Vec<(String, SeriesColour)>,
    /// The target to draw.
    pub target: TargetLine,
    /// Legend of the target line.
    pub target_label: String,
    /// Formats a value for the axis.
    pub format: Format,
}

/// The height to draw `bars` bars at: 26 px a bar plus room for the title,
/// the legend and the axis.
///
/// ```
/// assert_eq!(telesales_kpi::chart::bars_height(12), 458);
/// ```
pub fn bars_height(bars: usize) -> u32 {
    (bars.max(3) as u32) * 26 + 146
}

/// The longest name shown; longer ones end with `…`.
const NAME_CHARS: usize = 20;

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(NAME_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// Draws `bars` on `area`.
pub fn draw_bars<DB>(area: &DrawingArea<DB, Shift>, bars: &Bars) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let n = bars.bars.len().max(1) as f64;
    let (lo, hi) = y_range(bars.bars.iter().map(|b| b.value), bars.target);
    let labels: Vec<String> = bars.bars.iter().map(|b| short(&b.label)).collect();
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) as u32;
    let width = area.dim_in_pixel().0;
    let name_area = (longest * 8 + 12).clamp(60, width * 2 / 5);
    // Title, then a row of legend (teams and the target), then the bars.
    let body = area.titled(&bars.title, text(font::TITLE))?;
    let mut entries: Vec<(String, RGBColor, Mark)> = bars
        .legend
        .iter()
        .map(|(name, c)| (name.clone(), c.rgb(), Mark::Box))
        .collect();
    if bars.target.min.is_some() || bars.target.max.is_some() {
        entries.push((bars.target_label.clone(), palette::TARGET, Mark::Line));
    }
    let plot = with_legend_row(&body, &entries)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin(10)
        .margin_right(24)
        .x_label_area_size(44)
        .y_label_area_size(name_area)
        .build_cartesian_2d(lo..hi, -0.5..(n - 0.5))?;
    let fmt = bars.format.clone();
    // The first bar on top: row i is drawn at y = n - 1 - i.
    let row = |i: usize| n - 1.0 - i as f64;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(&bars.x_label)
        .label_style(text(font::TICK))
        .axis_desc_style(text(font::AXIS))
        .x_labels((width / 110).clamp(2, 8) as usize)
        .y_labels(bars.bars.len().max(1) * 2 + 1)
        .y_label_formatter(&|y| {
            let i = n - 1.0 - *y;
            index_label(&refs, i)
        })
        .x_label_formatter(&|x| fmt(*x))
        .draw()?;
    chart
        .draw_series(bars.bars.iter().enumerate().map(|(i, b)| {
            let y = row(i);
            Rectangle::new(
                [(0.0, y - 0.34), (b.value, y + 0.34)],
                b.colour.rgb().filled(),
            )
        }))
        .map_err(|e| ChartError::Backend(e.to_string()))?;
    draw_target(
        &mut chart,
        (-0.5, n - 0.5),
        bars.target,
        &bars.target_label,
        true,
    )?;
    Ok(())
}
