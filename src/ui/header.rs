//! The page header: product name, links to the page's sections (the charts
//! and the agent table once data is loaded, the targets and the settings),
//! and the ID/EN language switch.

use leptos::prelude::*;

use super::state::AppState;
use crate::present::i18n::{t, Lang, Msg};

/// Scrolls to the section `id` and moves the focus to its heading.
fn jump(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(section) = doc.get_element_by_id(id) {
        section.scroll_into_view();
        if let Some(h) = section.query_selector("h2").ok().flatten() {
            let _ = h.set_attribute("tabindex", "-1");
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                let _ = h.focus();
            }
        }
    }
}

/// Header with the title, the section links and a two-button language switch.
#[component]
pub fn Header(
    /// Whether the dashboard's sections exist.
    has_data: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let button = move |l: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                data-lang=l.tag()
                aria-pressed=move || (lang() == l).to_string()
                on:click=move |_| state.prefs.update(|p| p.lang = l)
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <h1>{move || t(lang(), Msg::Title)}</h1>
                <p class="tagline">{move || t(lang(), Msg::Tagline)}</p>
            </div>
            <nav class="sections" aria-label=move || t(lang(), Msg::Sections)>
                {move || has_data.get().then(|| view! {
                    <button type="button" class="nav-link" on:click=move |_| jump("charts")>{t(lang(), Msg::Charts)}</button>
                    <button type="button" class="nav-link" on:click=move |_| jump("agents")>{t(lang(), Msg::Agents)}</button>
                })}
                <button type="button" class="nav-link" on:click=move |_| jump("targets")>{move || t(lang(), Msg::Targets)}</button>
                <button type="button" class="nav-link" on:click=move |_| jump("settings")>{move || t(lang(), Msg::Settings)}</button>
            </nav>
            <div class="lang-switch" role="group" aria-label=move || t(lang(), Msg::Language)>
                {button(Lang::Id, "ID")}
                {button(Lang::En, "EN")}
            </div>
        </header>
    }
}
