//! The page header: product name and the ID/EN language switch.

use leptos::prelude::*;

use super::i18n::{t, Lang, Msg};

/// Header with the title and a two-button language switch.
#[component]
pub fn Header(lang: ReadSignal<Lang>, set_lang: WriteSignal<Lang>) -> impl IntoView {
    let button = move |l: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                data-lang=l.tag()
                aria-pressed=move || (lang.get() == l).to_string()
                on:click=move |_| set_lang.set(l)
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <h1>{move || t(lang.get(), Msg::Title)}</h1>
                <p class="tagline">{move || t(lang.get(), Msg::Tagline)}</p>
            </div>
            <div class="lang-switch" role="group" aria-label=move || t(lang.get(), Msg::Language)>
                {button(Lang::Id, "ID")}
                {button(Lang::En, "EN")}
            </div>
        </header>
    }
}
