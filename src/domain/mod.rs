//! The pure core: parsing, tables, KPIs and targets. Nothing here may import
//! a browser crate (`leptos`, `web_sys`, `js_sys`, `gloo`); `tests/domain_is_pure.rs`
//! checks it.

pub mod ingest;
pub mod kpi;
pub mod model;
pub mod synth;
