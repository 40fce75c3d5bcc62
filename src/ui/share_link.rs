//! The share link on the page: "Copy link" writes the targets and settings
//! (never data) into a `#config=` URL; opening such a URL shows what it would
//! change and applies it only when the user confirms (`data-apply-config`).
//! The codec and the validation are [`crate::present::share_link`]'s.

use leptos::prelude::*;

use super::state::{AppState, Prefs};
use crate::present::i18n::{t, Msg};
use crate::present::share_link::{
    changes, decode, encode, ShareError, SharedConfig, SharedSettings,
};

/// Every setting of `p`, as a link carries them.
fn shared_settings(p: &Prefs) -> SharedSettings {
    SharedSettings {
        language: Some(p.lang),
        utc_offset_minutes: Some(p.utc_offset_minutes),
        short_abandon_seconds: Some(p.short_abandon_seconds),
        callback_days: Some(p.callback_days),
        country_code: Some(p.country_code.clone()),
        extension_max_digits: Some(p.extension_max_digits),
        service_level_seconds: Some(p.service_level_seconds),
        currency: Some(p.currency.code.clone()),
        csv_delimiter: Some(p.csv_delimiter),
    }
}

/// Puts the link's settings into `p`.
fn apply_settings(p: &mut Prefs, s: &SharedSettings) {
    if let Some(v) = s.language {
        p.lang = v;
    }
    if let Some(v) = s.utc_offset_minutes {
        p.utc_offset_minutes = v;
    }
    if let Some(v) = s.short_abandon_seconds {
        p.short_abandon_seconds = v;
    }
    if let Some(v) = s.callback_days {
        p.callback_days = v;
    }
    if let Some(v) = &s.country_code {
        p.country_code.clone_from(v);
    }
    if let Some(v) = s.extension_max_digits {
        p.extension_max_digits = v;
    }
    if let Some(v) = s.service_level_seconds {
        p.service_level_seconds = v;
    }
    if let Some(v) = &s.currency {
        p.currency.code.clone_from(v);
    }
    if let Some(v) = s.csv_delimiter {
        p.csv_delimiter = v;
    }
}

/// The page's URL fragment (with its `#`).
fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar (no reload, no history entry),
/// so that a reload doesn't offer the link again.
fn clear_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Applies a confirmed link: its targets (if any) and settings, saved by the
/// app's storage effects (the worker reads the files again when a reading
/// setting changed).
fn apply_config(state: AppState, config: &SharedConfig) {
    if let Some(targets) = config.targets.clone() {
        state.targets.set(targets);
    }
    state.prefs.update(|p| apply_settings(p, &config.settings));
    let l = state.lang();
    state.notify(t(l, Msg::LinkApplied).to_owned(), false);
    if config.duplicates > 0 {
        state.notify(
            format!("{} ({})", t(l, Msg::LinkDuplicates), config.duplicates),
            false,
        );
    }
    if !config.unknown_settings.is_empty() {
        let keys = config.unknown_settings.join(", ");
        state.notify(format!("{}: {keys}", t(l, Msg::LinkUnknownSettings)), false);
    }
}

/// The confirmation shown when the page is opened with a `#config=` link.
#[component]
pub fn SharePrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let pending = RwSignal::new(None::<SharedConfig>);
    let heading = NodeRef::<leptos::html::H2>::new();
    let read = move || match decode(&current_hash()) {
        Ok(config) => pending.set(Some(config)),
        Err(ShareError::NotALink) => {}
        Err(e) => {
            clear_hash();
            pending.set(None);
            state.notify(
                format!("{}: {}", t(lang(), Msg::LinkRefused), e.reason(lang())),
                true,
            );
        }
    };
    read();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| read());
    on_cleanup(move || listener.remove());
    // Move the focus to the question, so keyboard and screen-reader users meet it first.
    Effect::new(move |_| {
        if pending.with(Option::is_some) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    let rows = move || {
        pending.with(|p| {
            p.as_ref().map(|config| {
                let mine = state.prefs.with(shared_settings);
                state.targets.with(|ts| changes(config, ts, &mine, lang()))
            })
        })
    };
    let apply = move |_| {
        if let Some(config) = pending.get_untracked() {
            apply_config(state, &config);
        }
        clear_hash();
        pending.set(None);
    };
    let keep = move |_| {
        clear_hash();
        pending.set(None);
    };
    view! {
        <Show when=move || pending.with(Option::is_some)>
            <section class="panel share-prompt" aria-labelledby="share-prompt-title" data-share-prompt="">
                <h2 id="share-prompt-title" tabindex="-1" node_ref=heading>{move || t(lang(), Msg::LinkWouldChange)}</h2>
                {move || rows().map(|rows| if rows.is_empty() {
                    view! { <p>{t(lang(), Msg::LinkChangesNothing)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll share-changes">
                            <table>
                                <thead><tr>
                                    <th scope="col">{t(lang(), Msg::ChangeWhat)}</th>
                                    <th scope="col">{t(lang(), Msg::ChangeNow)}</th>
                                    <th scope="col">{t(lang(), Msg::ChangeWithLink)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|c| view! {
                                        <tr><th scope="row">{c.what}</th><td>{c.before}</td><td>{c.after}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                })}
                <div class="toolbar">
                    <button type="button" class="button" data-apply-config="" on:click=apply>{move || t(lang(), Msg::ApplyLink)}</button>
                    <button type="button" class="button secondary" data-keep-config="" on:click=keep>{move || t(lang(), Msg::KeepMine)}</button>
                </div>
            </section>
        </Show>
    }
}

/// "Copy link": the current targets and settings as a link, copied to the
/// clipboard where the browser allows it and shown in a field to copy by hand.
#[component]
pub fn ShareButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let link = RwSignal::new(None::<String>);
    let make = move |_| {
        let fragment = state.targets.with_untracked(|ts| {
            state
                .prefs
                .with_untracked(|p| encode(ts, &shared_settings(p)))
        });
        let Some(window) = web_sys::window() else {
            return;
        };
        let href = window.location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        let url = format!("{base}#{fragment}");
        // The clipboard exists on secure origins only; the field below works anywhere.
        let navigator = window.navigator();
        let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if has_clipboard {
            let _ = navigator.clipboard().write_text(&url);
        }
        link.set(Some(url));
    };
    view! {
        <button type="button" class="button secondary" id="copy-link" on:click=make>{move || t(lang(), Msg::CopyLink)}</button>
        {move || link.get().map(|url| view! {
            <div class="share-out" role="status">
                <label for="share-url">{t(lang(), Msg::ShareLink)}</label>
                <input id="share-url" type="text" readonly data-share-link="" prop:value=url
                    on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            el.select();
                        }
                    } />
                <span class="share-note">{t(lang(), Msg::LinkCopied)}</span>
            </div>
        })}
    }
}
