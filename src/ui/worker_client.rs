//! The page's side of the worker (STYLE.md: the worker owns the files, the
//! dataset and the engine): starts it on the first file or demo, sends it the
//! requests (queued until it says it is ready), and turns its answers into
//! the state's signals. The only module that talks to the worker; with
//! `storage` and `drop_zone`, the only one touching browser objects.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use super::download::download_text;
use super::state::{AppState, ChartView, Shared};
use crate::protocol::{from_js, to_js, Request, Response, ViewRequest};

/// The worker script Trunk writes beside the page (`data-loader-shim`).
const SCRIPT: &str = "./telesales-kpi-worker_loader.js";

/// The worker and what waits for it.
struct Client {
    worker: Worker,
    ready: bool,
    /// Messages sent before the worker listens (a message that arrives before
    /// the wasm module has started would be lost).
    waiting: Vec<JsValue>,
    /// Whether anything was asked of it yet (a file, the demo): started
    /// early, it waits unused with no data.
    used: bool,
    /// Keeps the message handler alive.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the worker if needed and marks it used, sending it first what it
/// needs before any file (the settings and the remembered mappings);
/// `false` when the browser refuses.
fn ensure(state: AppState) -> bool {
    if !create(state) {
        return false;
    }
    let first_use = CLIENT.with(|c| {
        c.borrow_mut()
            .as_mut()
            .is_some_and(|client| !std::mem::replace(&mut client.used, true))
    });
    if first_use {
        let (read, kpi) = state
            .prefs
            .with_untracked(|p| (p.read_settings(), p.kpi_settings()));
        post(to_js(&Request::Settings { read, kpi }).into());
        post(to_js(&Request::Remembered(state.mappings.get_untracked())).into());
    }
    true
}

/// Starts the worker once the first screen is up, so that its module is
/// fetched and compiled before a file is dropped (not on the page's first
/// load: the worker's wasm follows the page's).
pub fn start_early(state: AppState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = Closure::once_into_js(move || {
        create(state);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        start.unchecked_ref(),
        START_AFTER_MS,
    );
}

/// How long after the first screen the worker starts.
const START_AFTER_MS: i32 = 300;

/// Creates the worker if there is none; `false` when the browser refuses.
fn create(state: AppState) -> bool {
    let started = CLIENT.with(|c| c.borrow().is_some());
    if started {
        return true;
    }
    let Ok(worker) = Worker::new(SCRIPT) else {
        state.notify("Web Worker unavailable".to_owned(), true);
        return false;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        if let Some(response) = from_js::<Response>(&ev.data()) {
            receive(state, response);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    CLIENT.with(|c| {
        *c.borrow_mut() = Some(Client {
            worker,
            ready: false,
            waiting: Vec::new(),
            used: false,
            _on_message: on_message,
        });
    });
    true
}

fn post(message: JsValue) {
    CLIENT.with(|c| {
        if let Some(client) = c.borrow_mut().as_mut() {
            if client.ready {
                let _ = client.worker.post_message(&message);
            } else {
                client.waiting.push(message);
            }
        }
    });
}

/// Sends a request (starting the worker if needed).
pub fn send(state: AppState, request: &Request) {
    if ensure(state) {
        post(to_js(request).into());
    }
}

/// Whether the worker was asked for anything (no data can exist before).
pub fn started() -> bool {
    CLIENT.with(|c| c.borrow().as_ref().is_some_and(|client| client.used))
}

/// Sends `files` to be read (they travel beside the request).
pub fn open(state: AppState, files: Vec<web_sys::File>) {
    if !ensure(state) {
        return;
    }
    let parts = js_sys::Array::new();
    parts.push(&to_js(&Request::Open));
    for f in files {
        parts.push(&f);
    }
    post(parts.into());
}

/// Keeps the worker following the settings, the remembered mappings and what
/// the dashboard shows (nothing is sent before the first file starts it).
pub fn follow(state: AppState) {
    let settings = Memo::new(move |_| state.prefs.with(|p| (p.read_settings(), p.kpi_settings())));
    Effect::new(move |_| {
        settings.track();
        super::loader::settings_changed(state);
    });
    Effect::new(move |_| {
        let memory = state.mappings.get();
        if started() {
            send(state, &Request::Remembered(memory));
        }
    });
    Effect::new(move |_| {
        state.filter.track();
        state.targets.track();
        state.chart_kpi.track();
        request_view(state);
    });
}

/// Marks the page not ready at once (`<main data-ready="false">`): the
/// reactive attribute follows a moment later, and a test reading it in
/// between must not see the old "true" (KPIS.md: ready means every card's
/// values current).
pub fn mark_busy() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        let _ = main.set_attribute("data-ready", "false");
    }
}

/// Asks for the view of the current filter, targets and chart KPI.
pub fn request_view(state: AppState) {
    if !started() {
        return;
    }
    mark_busy();
    let seq = state.views.with_untracked(|v| v.0) + 1;
    state.views.update(|v| v.0 = seq);
    let request = ViewRequest {
        seq,
        filter: state.filter.get_untracked(),
        targets: state.targets.get_untracked(),
        chart: state.chart_kpi.get_untracked(),
    };
    send(state, &Request::View(request));
}

fn receive(state: AppState, response: Response) {
    match response {
        Response::Ready => CLIENT.with(|c| {
            if let Some(client) = c.borrow_mut().as_mut() {
                client.ready = true;
                for m in client.waiting.drain(..) {
                    let _ = client.worker.post_message(&m);
                }
            }
        }),
        Response::Progress(p) => state.progress.set(Some(p)),
        Response::Idle { cancelled } => {
            state.progress.set(None);
            state.reading.update(|n| *n = n.saturating_sub(1));
            if cancelled {
                let lang = state.lang();
                state.notify(
                    crate::present::i18n::t(lang, crate::present::i18n::Msg::Cancelled).to_owned(),
                    false,
                );
            }
        }
        Response::Files(files) => {
            state.files.set(files);
            // The view is asked for once the frame that mounts the
            // dashboard's first part is laid out: its first layout, beside
            // the worker building the tables' engine, took 60-120 ms on two
            // cores, against 6 ms alone.
            request_animation_frame(move || {
                set_timeout(move || request_view(state), std::time::Duration::ZERO);
            });
        }
        Response::Notice { text, error } => {
            let words = match state.lang() {
                crate::present::i18n::Lang::Id => text.id,
                crate::present::i18n::Lang::En => text.en,
            };
            state.notify(words, error);
        }
        Response::View(view) => {
            let view = *view;
            // Only the newest view asked for counts.
            if view.seq != state.views.with_untracked(|v| v.0) {
                return;
            }
            state.report.set(Shared(Arc::new(view.report)));
            state.charts.set(Shared(Arc::new(ChartView {
                seq: view.seq,
                trend: view.trend,
                run_up: view.run_up,
                talk: view.talk,
            })));
            state.names.set(Shared(Arc::new(view.names)));
            state.periods.set((view.all_data, view.latest_month));
            state
                .worker_bytes
                .set((view.worker_start_bytes, view.worker_bytes));
            state.views.update(|v| v.1 = view.seq);
        }
        Response::Drill(page) => state.drill_page.set(Some(Shared(Arc::new(*page)))),
        Response::Csv { name, text } => download_text(&name, "text/csv", &text),
        // Between the worker and its helper only.
        Response::PartProgress { .. } | Response::PartRead { .. } | Response::PartFailed => {}
    }
}
