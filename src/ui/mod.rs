//! The web page (wasm only): Leptos components that render what
//! [`crate::domain`] returns. One component per file; `state` holds the
//! signals; [`storage`] is the only module touching local storage.

mod app;
mod drop_zone;
mod header;
pub mod i18n;
pub mod storage;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
