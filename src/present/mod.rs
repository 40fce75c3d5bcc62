//! Presentation logic without a browser: the page's texts in Indonesian and
//! English, KPI names and definitions, and number formatting per language.
//! Pulled out of the components so ordinary Rust tests cover it.

pub mod axis;
pub mod diagnostics;
pub mod drill;
pub mod export;
pub mod format;
pub mod i18n;
pub mod kpi_text;
pub mod share_link;
