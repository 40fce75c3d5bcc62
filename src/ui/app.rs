//! The page: header, drop zone, and the dashboard area.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::drop_zone::DropZone;
use super::header::Header;
use super::i18n::{t, Lang, Msg};
use super::storage;

/// The user's page preferences, kept in local storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    /// Page language.
    pub lang: Lang,
}

/// Storage name and schema version of [`Prefs`].
const PREFS: (&str, u32) = ("prefs", 1);

fn initial_lang() -> Lang {
    match storage::load::<Prefs>(PREFS.0, PREFS.1) {
        storage::Loaded::Found(p) => p.lang,
        _ => Lang::from_browser(
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .as_deref(),
        ),
    }
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let (lang, set_lang) = signal(initial_lang());
    // Sync the language with the outside world: <html lang> and local storage.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", l.tag());
        }
        let _ = storage::save(PREFS.0, PREFS.1, &Prefs { lang: l });
    });
    let (ready, _set_ready) = signal(true);

    view! {
        <Header lang=lang set_lang=set_lang />
        <main id="main" data-ready=move || ready.get().to_string()>
            <DropZone lang=lang />
            <p class="empty">{move || t(lang.get(), Msg::Empty)}</p>
        </main>
        <footer class="site-footer">{move || t(lang.get(), Msg::Private)}</footer>
    }
}
