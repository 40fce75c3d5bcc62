//! Charts drawn with plotters, generic over the drawing backend so they are
//! tested natively as SVG strings. Each chart takes plain data (already
//! computed by the domain and already translated by the UI) and draws it with
//! a title, axis labels and units. Text is escaped by plotters' SVG backend.

mod bars;
mod heatmap;
mod histogram;
mod runup;
mod statuses;
mod trend;

pub use bars::{draw_bars, Bars};
pub use heatmap::{draw_heatmap, HeatCell, HeatMap};
pub use histogram::{draw_histogram, Histogram};
pub use runup::{draw_runup, RunUp};
pub use statuses::{draw_statuses, StatusBars};
pub use trend::{draw_trend, Trend};

use plotters::coord::Shift;
use plotters::prelude::*;

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

/// Width and height of the SVG charts the page draws.
pub const SIZE: (u32, u32) = (720, 320);

/// Renders a chart into an SVG string.
///
/// ```
/// use telesales_kpi::chart::{svg, draw_bars, Bars, TargetLine};
/// let bars = Bars { title: "Calls".into(), x_label: "Agent".into(), y_label: "calls".into(),
///     bars: vec![("Budi".into(), 3.0)], target: TargetLine::default(), format: |v| format!("{v}") };
/// let text = svg((400, 200), |area| draw_bars(&area, &bars)).unwrap();
/// assert!(text.starts_with("<svg"));
/// ```
pub fn svg<F>(size: (u32, u32), draw: F) -> Result<String, ChartError>
where
    F: FnOnce(DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        area.fill(&WHITE)?;
        draw(area.clone())?;
        area.present()?;
    }
    Ok(out)
}

/// Colours shared by the charts (colour-blind safe: blue, orange, grey).
pub(crate) mod palette {
    use plotters::style::RGBColor;
    /// Data series.
    pub const DATA: RGBColor = RGBColor(11, 92, 171);
    /// Targets.
    pub const TARGET: RGBColor = RGBColor(230, 120, 0);
    /// Secondary data (previous period, bands).
    pub const MUTED: RGBColor = RGBColor(120, 130, 145);
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

/// Draws the target bounds as dashed-looking horizontal lines across `x`.
pub(crate) fn draw_target<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    x: (f64, f64),
    target: TargetLine,
    label: &str,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    CT: CoordTranslate<From = (f64, f64)>,
{
    let style = palette::TARGET.stroke_width(2);
    for (i, bound) in [target.min, target.max].into_iter().flatten().enumerate() {
        let series = chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x.0, bound), (x.1, bound)],
                style,
            )))
            .map_err(|e| ChartError::Backend(e.to_string()))?;
        if i == 0 {
            series.label(label.to_owned()).legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], palette::TARGET.stroke_width(2))
            });
        }
    }
    Ok(())
}
