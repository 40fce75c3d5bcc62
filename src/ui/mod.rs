//! The web page (wasm only): Leptos components that render what the worker
//! sends back from [`crate::domain`]. One component per file; `state` holds
//! the signals; [`storage`] is the only module touching local storage and
//! `worker_client` the only one talking to the worker (which reads the files).

mod agent_table;
mod app;
mod charts_panel;
mod dashboard;
mod download;
mod drill_panel;
mod drop_zone;
mod file_list;
mod files_summary;
mod filters;
mod header;
mod kpi_cards;
mod loader;
mod notices;
mod offline;
mod ranking_panel;
mod remembered;
mod report_export;
mod settings_panel;
mod share_link;
mod state;
pub mod storage;
mod targets_editor;
mod warmup;
mod worker_client;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
