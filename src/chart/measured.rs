//! The SVG backend with text measured off the page's layout. plotters, on
//! wasm, measures each label by adding a `<span>` to the page and reading its
//! size, which makes the browser lay the whole dashboard out again for every
//! tick label (most of the time the charts took on the main thread). Here a
//! label is measured with a detached canvas's `measureText` (font metrics
//! only, no layout); natively, and should the browser give no canvas,
//! plotters measures as before. Everything else is the SVG backend's.

use plotters::prelude::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// [`SVGBackend`], with text measured by [`text_size`].
pub struct Measured<'a>(SVGBackend<'a>);

impl<'a> Measured<'a> {
    /// An SVG drawing of `size` written into `out`.
    pub fn with_string(out: &'a mut String, size: (u32, u32)) -> Measured<'a> {
        Measured(SVGBackend::with_string(out, size))
    }
}

type Result<T> = std::result::Result<T, DrawingErrorKind<std::io::Error>>;

impl DrawingBackend for Measured<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<()> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<()> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<()> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<()> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<()> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<()> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<()> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        match text_size(text, style) {
            Some(size) => Ok(size),
            None => self.0.estimate_text_size(text, style),
        }
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<()> {
        self.0.blit_bitmap(pos, size, src)
    }
}

/// A label's width and height in whole pixels, by the canvas: its width,
/// and the font's ascent plus descent (the height of a line of it, as the
/// span plotters measured had).
#[cfg(target_arch = "wasm32")]
fn text_size<S: BackendTextStyle>(text: &str, style: &S) -> Option<(u32, u32)> {
    use wasm_bindgen::JsCast;
    use web_sys::CanvasRenderingContext2d;

    thread_local! {
        static CONTEXT: Option<CanvasRenderingContext2d> = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    }
    let font = format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    );
    CONTEXT.with(|context| {
        let context = context.as_ref()?;
        context.set_font(&font);
        let metrics = context.measure_text(text).ok()?;
        let height = metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent();
        Some((metrics.width().round() as u32, height.round() as u32))
    })
}

/// Natively plotters measures (no page to lay out).
#[cfg(not(target_arch = "wasm32"))]
fn text_size<S: BackendTextStyle>(_: &str, _: &S) -> Option<(u32, u32)> {
    None
}
