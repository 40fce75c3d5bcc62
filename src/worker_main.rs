//! The Web Worker's entry (built by Trunk as `telesales-kpi-worker`): it owns
//! the files, the dataset and the engine (see `telesales_kpi::worker`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    telesales_kpi::worker::shell::run();
}
