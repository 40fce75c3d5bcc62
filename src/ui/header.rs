//! The page header: product name and the ID/EN language switch.

use leptos::prelude::*;

use super::state::AppState;
use crate::present::i18n::{t, Lang, Msg};

/// Header with the title and a two-button language switch.
#[component]
pub fn Header() -> impl IntoView {
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
            <div class="lang-switch" role="group" aria-label=move || t(lang(), Msg::Language)>
                {button(Lang::Id, "ID")}
                {button(Lang::En, "EN")}
            </div>
        </header>
    }
}
