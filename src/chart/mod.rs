//! Charts drawn with plotters, generic over the drawing backend so they are
//! tested natively as SVG strings. Each chart takes plain data (already
//! computed by the domain and already translated by the UI) and draws it with
//! a title, axis labels and units. Text is escaped by plotters' SVG backend.
//!
//! Sizes are CSS pixels: the page draws each chart at the width it is shown
//! at ([`size_for`]), so every text is at least [`font::TICK`] = 12 px on
//! screen; the SVG keeps its `viewBox`, so it also scales with its panel
//! between redraws. Numbers on the axes go through the [`Format`] closures the
//! caller gives (the present layer's locale formats). A roster team keeps one
//! colour in every chart ([`SeriesColour`]).

mod bars;
mod heatmap;
mod histogram;
mod measured;
mod runup;
mod statuses;
mod trend;

pub use bars::{bars_height, draw_bars, Bar, Bars};
pub use heatmap::{draw_heatmap, HeatCell, HeatMap};
pub use histogram::{draw_histogram, Histogram};
pub use runup::{draw_runup, RunUp};
pub use statuses::{draw_statuses, StatusBars};
pub use trend::{draw_trend, Trend, TrendPoint};

use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::*;

/// Formats an axis value (a closure, so it can carry the language and currency).
pub type Format = Arc<dyn Fn(f64) -> String + Send + Sync>;

/// Font sizes in CSS pixels at the drawn size.
pub mod font {
    /// Chart titles.
    pub const TITLE: u32 = 17;
    /// Axis descriptions.
    pub const AXIS: u32 = 14;
    /// Tick labels and legends (the smallest text).
    pub const TICK: u32 = 13;
}

/// The colour of a series: the whole team's, or one roster team's (by its
/// index among the sorted team names, so it is the same in every chart).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SeriesColour {
    /// The whole team (or a scope that is not one roster team).
    #[default]
    Whole,
    /// Roster team number `n` (sorted by name).
    Team(usize),
}

impl SeriesColour {
    /// The RGB colour.
    pub fn rgb(self) -> RGBColor {
        match self {
            SeriesColour::Whole => palette::DATA,
            SeriesColour::Team(i) => palette::TEAMS[i % palette::TEAMS.len()],
        }
    }

    /// The colour as CSS `#rrggbb` (for swatches on the page).
    pub fn css(self) -> String {
        let RGBColor(r, g, b) = self.rgb();
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// Why a chart could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// The backend refused a drawing operation.
    Backend(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Backend(why) => write!(f, "chart drawing failed: {why}"),
        }
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Backend(e.to_string())
    }
}

/// A horizontal target line (or band when both bounds are set).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TargetLine {
    /// Lower bound (at least).
    pub min: Option<f64>,
    /// Upper bound (at most).
    pub max: Option<f64>,
}

/// Width and height of a chart drawn without a measured width (export, tests).
pub const SIZE: (u32, u32) = (720, 320);

/// The size to draw a chart shown `width` CSS pixels wide: the width itself
/// (kept between 280 and 1600) and a height of half of it, 240 to 380.
///
/// ```
/// use telesales_kpi::chart::size_for;
/// assert_eq!(size_for(600), (600, 300));
/// assert_eq!(size_for(320), (320, 240));
/// assert_eq!(size_for(0), (280, 240));
/// ```
pub fn size_for(width: u32) -> (u32, u32) {
    let w = width.clamp(280, 1600);
    (w, (w / 2).clamp(240, 380))
}

/// Renders a chart into an SVG string.
///
/// ```
/// use std::sync::Arc;
/// use telesales_kpi::chart::{svg, draw_bars, Bar, Bars, SeriesColour, TargetLine};
/// let bars = Bars { title: "Calls".into(), x_label: "calls".into(),
///     bars: vec![Bar { label: "Budi".into(), value: 3.0, colour: SeriesColour::Team(0) }],
///     legend: vec![("Jakarta".into(), SeriesColour::Team(0))],
///     target: TargetLine::default(), target_label: "target".into(), format: Arc::new(|v| format!("{v}")) };
/// let text = svg((400, 200), |area| draw_bars(&area, &bars)).unwrap();
/// assert!(text.starts_with("<svg"));
/// ```
pub fn svg<F>(size: (u32, u32), draw: F) -> Result<String, ChartError>
where
    F: FnOnce(DrawingArea<measured::Measured<'_>, Shift>) -> Result<(), ChartError>,
{
    let mut out = String::new();
    {
        let area = measured::Measured::with_string(&mut out, size).into_drawing_area();
        area.fill(&WHITE)?;
        draw(area.clone())?;
        area.present()?;
    }
    Ok(out)
}

/// Colours shared by the charts (colour-blind safe: blue, orange, grey; the
/// team colours are apart from those and from each other, and dark enough to
/// show against white).
pub(crate) mod palette {
    use plotters::style::RGBColor;
    /// The whole team's series.
    pub const DATA: RGBColor = RGBColor(11, 92, 171);
    /// Targets.
    pub const TARGET: RGBColor = RGBColor(214, 110, 0);
    /// Secondary data (bands, points with few records).
    pub const MUTED: RGBColor = RGBColor(112, 122, 138);
    /// Text and axes.
    pub const INK: RGBColor = RGBColor(27, 36, 48);
    /// Roster teams, in the order of their sorted names.
    pub const TEAMS: [RGBColor; 6] = [
        RGBColor(0, 128, 96),
        RGBColor(170, 51, 119),
        RGBColor(140, 86, 75),
        RGBColor(68, 51, 136),
        RGBColor(17, 119, 136),
        RGBColor(119, 119, 34),
    ];
}

/// A text style whose SVG `font-size` is `px` CSS pixels, in the ink colour
/// (plotters writes a font's size ÷ 1.24 as its `font-size`).
pub(crate) fn text(px: u32) -> TextStyle<'static> {
    ("sans-serif", f64::from(px) * 1.24)
        .into_font()
        .color(&palette::INK)
}

/// The y range covering `values` and the target, with some headroom.
pub(crate) fn y_range(values: impl Iterator<Item = f64>, target: TargetLine) -> (f64, f64) {
    let mut lo = 0.0_f64;
    let mut hi = 0.0_f64;
    for v in values.chain(target.min).chain(target.max) {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if hi <= lo {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.1;
    (if lo < 0.0 { lo - pad } else { lo }, hi + pad)
}

/// A y range fitted to `values` and the target (not from 0): for lines,
/// where the change matters more than the distance from zero.
pub(crate) fn tight_range(values: impl Iterator<Item = f64>, target: TargetLine) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for v in values.chain(target.min).chain(target.max) {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let span = if hi > lo { hi - lo } else { hi.abs().max(1.0) };
    let pad = span * 0.15;
    let bottom = if lo >= 0.0 {
        (lo - pad).max(0.0)
    } else {
        lo - pad
    };
    (bottom, hi + pad)
}

/// Height of one line of a legend row.
const LEGEND_LINE: u32 = 22;

/// How a legend entry's swatch looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A line (a series or a target).
    Line,
    /// A filled box (bars).
    Box,
    /// A hollow ring (points with few records).
    Ring,
}

/// Where each entry of a legend row goes within `width` px (wrapping to a
/// new line when full), and the height the rows need.
fn legend_layout<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor, Mark)],
    width: u32,
) -> (Vec<(i32, i32)>, u32) {
    let style = text(font::TICK);
    let (mut x, mut line) = (12_i32, 0_i32);
    let mut at = Vec::with_capacity(entries.len());
    for (name, _, _) in entries {
        let (w, _) = area
            .estimate_text_size(name, &style)
            .unwrap_or((name.chars().count() as u32 * 8, 0));
        let needed = 21 + w as i32;
        if x > 12 && x + needed > width as i32 - 8 {
            x = 12;
            line += 1;
        }
        at.push((x, line * LEGEND_LINE as i32));
        x += needed + 18;
    }
    let lines = if entries.is_empty() {
        0
    } else {
        line as u32 + 1
    };
    (at, lines * LEGEND_LINE + 4 * u32::from(lines > 0))
}

/// Splits a legend off the top of `area` and draws it there (a swatch and a
/// name per entry, wrapped to the width); returns the area below.
pub(crate) fn with_legend_row<DB>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor, Mark)],
) -> Result<DrawingArea<DB, Shift>, ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
{
    let (at, height) = legend_layout(area, entries, area.dim_in_pixel().0);
    let (legend, rest) = area.split_vertically(height);
    let style = text(font::TICK);
    for ((name, colour, mark), (x, y)) in entries.iter().zip(at) {
        match mark {
            Mark::Line => legend.draw(&PathElement::new(
                vec![(x, y + 12), (x + 16, y + 12)],
                colour.stroke_width(2),
            ))?,
            Mark::Box => legend.draw(&Rectangle::new(
                [(x, y + 6), (x + 14, y + 18)],
                colour.filled(),
            ))?,
            Mark::Ring => legend.draw(&Circle::new((x + 8, y + 12), 4, colour.stroke_width(2)))?,
        }
        legend.draw(&Text::new(name.clone(), (x + 21, y + 5), style.clone()))?;
    }
    Ok(rest)
}

/// Draws the target bounds as lines across the other axis' range `span`:
/// horizontal ones (at y = bound) or, when `vertical`, vertical ones.
pub(crate) fn draw_target<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    span: (f64, f64),
    target: TargetLine,
    label: &str,
    vertical: bool,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    CT: CoordTranslate<From = (f64, f64)>,
{
    let style = palette::TARGET.stroke_width(2);
    for (i, bound) in [target.min, target.max].into_iter().flatten().enumerate() {
        let line = if vertical {
            vec![(bound, span.0), (bound, span.1)]
        } else {
            vec![(span.0, bound), (span.1, bound)]
        };
        let series = chart
            .draw_series(std::iter::once(PathElement::new(line, style)))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
        if i == 0 {
            series.label(label.to_owned()).legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], palette::TARGET.stroke_width(2))
            });
        }
    }
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
