//! telesales-kpi: the 15 telesales KPIs from call logs, deal exports and lead lists.
//!
//! The crate is split in three layers that a reader can see in the folder tree:
//!
//! - [`domain`]: pure Rust with no browser types. Bytes go in
//!   ([`domain::ingest`]), columnar tables come out ([`domain::model`]), KPI
//!   functions turn them into plain data ([`domain::kpi`]) judged against
//!   [`domain::kpi::targets`].
//! - [`present`]: texts in both languages and number formatting, pure.
//! - [`chart`]: drawings generic over the plotters backend (SVG strings).
//! - `ui` (wasm only): Leptos components that render what the domain returns.
//!
//! The same domain builds the native command-line tool (`src/bin/`).

pub mod chart;
pub mod domain;
pub mod present;
pub mod protocol;
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub mod ui;
