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
/// what it did. When a worker already controlled the page and another takes
/// over (now, or before the page listened), a new build was installed.
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
    let had_controller = container.controller().is_some();
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
    let _ = container.register("./sw.js");
    if had_controller {
        wasm_bindgen_futures::spawn_local(missed_update(window, set_state));
    }
    state
}

/// A new build may have taken over before this page listened (its worker
/// installs while the page loads): then the cache no longer holds this
/// page's own script (Trunk hashes its name), and the page is from the
/// build that was replaced.
async fn missed_update(window: web_sys::Window, set_state: WriteSignal<Offline>) {
    let Some(own) = window
        .document()
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|l| l.get_attribute("href"))
    else {
        return;
    };
    let Ok(caches) = window.caches() else { return };
    let Ok(hit) = wasm_bindgen_futures::JsFuture::from(caches.match_with_str(&own)).await else {
        return;
    };
    if hit.is_undefined() {
        set_state.set(Offline::Updated);
    }
}

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
