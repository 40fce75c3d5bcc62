//! Offline use: registers the service worker (`sw.js`, written at build time
//! by `scripts/offline.mjs` with the list of the build's files), notes in the
//! footer when the page is kept for offline use, and says at the top of the
//! page when a new build has replaced the cached one.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::present::i18n::{t, Msg};

/// What the service worker has done for this page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offline {
    /// Nothing (yet), or no service worker in this browser.
    Unknown,
    /// The page's files are kept: it opens without a network.
    Ready,
    /// A new build replaced the one this page was loaded from.
    Updated,
}

/// Registers `./sw.js` (relative: it works under any sub-path) and returns
/// what it did. When a worker already controlled the page, it asks whether
/// a new build is out; when another worker takes over (now, or before the
/// page listened), a new build was installed.
pub fn use_service_worker() -> ReadSignal<Offline> {
    let (state, set_state) = signal(Offline::Unknown);
    let Some(window) = web_sys::window() else {
        return state;
    };
    let navigator = window.navigator();
    // Not every context has one (e.g. an origin that is not secure).
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return state;
    }
    let container = navigator.service_worker();
    let controller = container.controller();
    let had_controller = controller.is_some();
    if had_controller {
        set_state.set(Offline::Ready);
    }
    let on_change = Closure::<dyn FnMut()>::new(move || {
        set_state.set(if had_controller {
            Offline::Updated
        } else {
            Offline::Ready
        });
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let registered = container.register("./sw.js");
    if let Some(controller) = controller {
        wasm_bindgen_futures::spawn_local(missed_update(window, controller, set_state));
        wasm_bindgen_futures::spawn_local(look_for_new_build(registered));
    }
    state
}

/// Asks the server whether `sw.js` changed, on every page open of a kept
/// build: the browser's own check at navigation may come late or not at
/// all. Offline, or on a server error, nothing happens (the answer is
/// awaited, so no unhandled rejection reaches the console).
async fn look_for_new_build(registered: js_sys::Promise) {
    use wasm_bindgen_futures::JsFuture;
    let Ok(registration) = JsFuture::from(registered).await else {
        return;
    };
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    if let Ok(checked) = registration.update() {
        let _ = JsFuture::from(checked).await;
    }
}

/// A new build may have taken over before this page listened (its worker
/// installs while the page loads, and the browser switches the page to it
/// as it activates). The page carries the id of its build
/// (`<meta name="telesales-kpi-build">`, stamped by `scripts/offline.mjs`)
/// and asks `controller`, the worker that controls it, for its own: when
/// they differ, the page is from a build that was replaced — even when the
/// new build only changed a style sheet. A worker that does not answer (a build from before
/// the question existed) leaves the state as it is.
async fn missed_update(
    window: web_sys::Window,
    controller: web_sys::ServiceWorker,
    set_state: WriteSignal<Offline>,
) {
    let Some(build) = window
        .document()
        .and_then(|d| {
            d.query_selector("meta[name=telesales-kpi-build]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
    else {
        return;
    };
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let reply = channel.port1();
    let answer = js_sys::Promise::new(&mut |resolve, _| {
        let on_reply = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &event.data());
        });
        reply.set_onmessage(Some(on_reply.unchecked_ref()));
    });
    let asked = controller.post_message_with_transferable(
        &BUILD_QUESTION.into(),
        &js_sys::Array::of1(&channel.port2()),
    );
    if asked.is_err() {
        return;
    }
    let Ok(theirs) = wasm_bindgen_futures::JsFuture::from(answer).await else {
        return;
    };
    if theirs.as_string().is_some_and(|theirs| theirs != build) {
        set_state.set(Offline::Updated);
    }
}

/// The message a page sends its service worker to learn the worker's build
/// id (`scripts/sw.js` answers it on the port sent along).
const BUILD_QUESTION: &str = "telesales-kpi-build?";

/// "The dashboard was updated to a new version", with a reload button.
#[component]
pub fn UpdateBanner(offline: ReadSignal<Offline>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <div class="update-banner-slot" role="status">
            <Show when=move || offline.get() == Offline::Updated>
                <p class="update-banner" data-updated="true">
                    <span>{move || t(state.lang(), Msg::Updated)}</span>
                    <button type="button" class="button secondary" on:click=reload>{move || t(state.lang(), Msg::Reload)}</button>
                </p>
            </Show>
        </div>
    }
}

/// The footer's "saved for offline use" line.
#[component]
pub fn OfflineNote(offline: ReadSignal<Offline>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <span class="offline-note" data-offline=move || match offline.get() {
            Offline::Unknown => "unknown",
            Offline::Ready | Offline::Updated => "ready",
        }>
            {move || (offline.get() != Offline::Unknown).then(|| format!(" {}", t(state.lang(), Msg::OfflineReady)))}
        </span>
    }
}
