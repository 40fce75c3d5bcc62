//! The loaded files folded into one line ("5 files · 1,204,311 rows · 2
//! skipped rows") that opens the full file list on click. It opens by itself
//! when a file can't be used, so its kind and columns can be fixed at once.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::file_list::FileList;
use super::state::AppState;
use crate::present::format::number;
use crate::present::i18n::{t, Msg};

/// The summary line and, when open, the file list.
#[component]
pub fn FilesSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let failed = Memo::new(move |_| {
        state
            .files
            .with(|f| f.iter().filter(|f| f.failure.is_some()).count())
    });
    Effect::new(move |_| {
        if failed.get() > 0 {
            open.set(true);
        }
    });
    let line = move || {
        let lang = state.lang();
        state.files.with(|files| {
            let (rows, skipped) = files
                .iter()
                .fold((0, 0), |(r, s), f| (r + f.rows, s + f.skipped));
            let n = files.len();
            let mut text = format!(
                "{} {} · {} {} · {} {}",
                number(n as f64, 0, lang),
                t(
                    lang,
                    if n == 1 {
                        Msg::FileWord
                    } else {
                        Msg::FilesWord
                    }
                ),
                number(rows as f64, 0, lang),
                t(lang, Msg::Rows),
                number(skipped as f64, 0, lang),
                t(lang, Msg::SkippedRowsWord),
            );
            let failed = failed.get();
            if failed > 0 {
                let _ = write!(
                    text,
                    " · {} {}",
                    number(failed as f64, 0, lang),
                    t(lang, Msg::Unreadable)
                );
            }
            text
        })
    };
    view! {
        <details
            class="files-box"
            class:hidden=move || state.files.with(Vec::is_empty)
            prop:open=move || open.get()
            on:toggle=move |ev: web_sys::Event| {
                if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(el.open());
                }
            }
        >
            <summary class="files-summary" data-files-summary="">{line}</summary>
            <FileList />
        </details>
    }
}
