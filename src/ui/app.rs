//! The page: header, a share link's question, notices, the drop zone with
//! the files folded into one line, then the dashboard — the period bar and
//! the 15 cards on the first screen, charts and the agent table below — and,
//! off that path, the targets and settings panels (the header's section
//! links jump to them).

use leptos::prelude::*;

use super::dashboard::Dashboard;
use super::drop_zone::DropZone;
use super::files_summary::FilesSummary;
use super::header::Header;
use super::notices::Notices;
use super::offline::{use_service_worker, OfflineNote, UpdateBanner};
use super::settings_panel::SettingsPanel;
use super::share_link::SharePrompt;
use super::state::{AppState, Prefs};
use super::storage::{self, Loaded};
use super::targets_editor::TargetsEditor;
use super::warmup::Warmup;
use crate::domain::kpi::targets::Targets;
use crate::present::i18n::{t, Lang, Msg};

/// Storage names and schema versions.
const PREFS: (&str, u32) = ("prefs", 1);
const TARGETS: (&str, u32) = ("targets", 1);

fn browser_lang() -> Lang {
    Lang::from_browser(
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .as_deref(),
    )
}

/// Loads prefs and targets; returns them with the notices of any reset.
fn load_stored() -> (Prefs, Targets, Vec<String>) {
    let mut notices = Vec::new();
    let lang = browser_lang();
    let prefs = match storage::load::<Prefs>(PREFS.0, PREFS.1) {
        Loaded::Found(p) => p,
        Loaded::Missing => Prefs {
            lang,
            ..Prefs::default()
        },
        Loaded::Reset { backup_key, reason } => {
            notices.push(format!(
                "{} ({reason}; backup: {backup_key})",
                t(lang, Msg::PrefsReset)
            ));
            Prefs {
                lang,
                ..Prefs::default()
            }
        }
    };
    let targets = match storage::load::<String>(TARGETS.0, TARGETS.1) {
        Loaded::Found(text) => match Targets::from_json(&text) {
            Ok(ts) => ts,
            Err(e) => {
                let backup = storage::key(&format!("{}.backup", TARGETS.0));
                let _ = storage::set_raw(&backup, &text);
                notices.push(format!(
                    "{} ({e}; backup: {backup})",
                    t(prefs.lang, Msg::TargetsReset)
                ));
                Targets::presets()
            }
        },
        Loaded::Missing => Targets::presets(),
        Loaded::Reset { backup_key, reason } => {
            notices.push(format!(
                "{} ({reason}; backup: {backup_key})",
                t(prefs.lang, Msg::TargetsReset)
            ));
            Targets::presets()
        }
    };
    (prefs, targets, notices)
}

/// The size of the wasm linear memory, in bytes (it only grows).
fn wasm_memory_bytes() -> u32 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |b| b.byte_length())
        })
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let (prefs, targets, notices) = load_stored();
    let state = AppState::new(prefs, targets);
    for n in notices {
        state.notify(n, true);
    }
    provide_context(state);
    super::remembered::init(state);

    // Sync with the outside world: <html lang> and local storage.
    Effect::new(move |_| {
        let p = state.prefs.get();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", p.lang.tag());
        }
        if let Err(e) = storage::save(PREFS.0, PREFS.1, &p) {
            state.notify(e.to_string(), true);
        }
    });
    Effect::new(move |_| {
        let text = state.targets.with(Targets::to_json);
        if let Err(e) = storage::save(TARGETS.0, TARGETS.1, &text) {
            state.notify(e.to_string(), true);
        }
    });

    super::worker_client::follow(state);
    super::worker_client::start_early(state);

    let offline = use_service_worker();

    let has_data = move || state.has_data();
    let ready = move || (state.ready() && state.progress.with(Option::is_none)).to_string();
    // The wasm memory size once ready: the benchmarks' bytes-per-row probe.
    let wasm_bytes = move || {
        state.progress.track();
        wasm_memory_bytes().to_string()
    };
    let lang = move || state.lang();
    let period_line = move || {
        state.report.with(|r| {
            r.period.map(|p| {
                let prev = r
                    .previous_period
                    .map(|q| {
                        format!(
                            " · {}: {} – {}",
                            t(lang(), Msg::PreviousPeriod),
                            q.from,
                            q.to
                        )
                    })
                    .unwrap_or_default();
                format!("{}: {} – {}{prev}", t(lang(), Msg::Period), p.from, p.to)
            })
        })
    };
    view! {
        <Header has_data=Signal::derive(has_data) />
        <main id="main" data-ready=ready data-wasm-bytes=wasm_bytes data-worker-bytes=move || state.worker_bytes.get().1.to_string() data-worker-start-bytes=move || state.worker_bytes.get().0.to_string() class:has-data=has_data>
            <UpdateBanner offline=offline />
            <SharePrompt />
            <Notices />
            <div class="load-bar">
                <DropZone />
                <FilesSummary />
            </div>
            <Show
                when=has_data
                fallback=move || view! { <p class="empty">{move || t(lang(), Msg::Empty)}</p> <Warmup /> }
            >
                <p class="print-only print-period">{period_line}</p>
                <Dashboard />
            </Show>
            <TargetsEditor />
            <SettingsPanel />
        </main>
        <footer class="site-footer">{move || t(lang(), Msg::Private)}<OfflineNote offline=offline /></footer>
    }
}
