//! The web app's entry point: mounts the Leptos app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    telesales_kpi::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("telesales-kpi-app is the web app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
