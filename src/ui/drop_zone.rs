//! The drop zone: drag-and-drop target holding the keyboard-reachable file
//! input, the demo button, and the progress bar with cancel.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::loader::{cancel, load_demo, load_files};
use super::state::AppState;
use crate::present::format::number;
use crate::present::i18n::{t, Msg};

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Where files are dropped or chosen.
#[component]
pub fn DropZone() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.prefs.with(|p| p.lang);
    let (over, set_over) = signal(false);
    let on_input = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = file_list(input.files());
        input.set_value("");
        load_files(state, files);
    };
    view! {
        <section
            class="drop-zone"
            class:over=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                set_over.set(true);
            }
            on:dragleave=move |_| set_over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                set_over.set(false);
                let files = file_list(ev.data_transfer().and_then(|d| d.files()));
                load_files(state, files);
            }
        >
            <p class="drop-title">{move || t(lang(), Msg::DropHere)}</p>
            <p class="drop-hint">{move || t(lang(), Msg::DropHint)}</p>
            <div class="drop-actions">
                <label class="file-button">
                    <span>{move || t(lang(), Msg::ChooseFiles)}</span>
                    <input
                        type="file"
                        multiple
                        accept=".csv,.txt,.tsv,.log,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        on:change=on_input
                    />
                </label>
                <button type="button" class="button secondary" id="load-demo" on:click=move |_| load_demo(state)>
                    {move || t(lang(), Msg::LoadDemo)}
                </button>
            </div>
            <Show when=move || state.progress.with(Option::is_some)>
                <ProgressBar />
            </Show>
        </section>
    }
}

/// The bar of the file being read, with its counts and Cancel. Built once
/// per load; each progress message changes its value and text only (a bar
/// built again for each would be laid out and painted anew, on the main
/// thread the workers share two cores with).
#[component]
fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.prefs.with(|p| p.lang);
    let pct = move || {
        state.progress.with(|p| {
            let pct = p.as_ref().map_or(0.0, |p| {
                if p.total > 0 {
                    p.bytes as f64 / p.total as f64 * 100.0
                } else {
                    100.0
                }
            });
            format!("{pct:.0}")
        })
    };
    let text = move || {
        let l = lang();
        state.progress.with(|p| {
            p.as_ref()
                .map(|p| {
                    format!(
                        "{} ({}/{}): {} / {} {} · {} {}",
                        p.name,
                        p.index.0,
                        p.index.1,
                        number(p.bytes as f64 / 1e6, 1, l),
                        number(p.total as f64 / 1e6, 1, l),
                        "MB",
                        number(p.rows as f64, 0, l),
                        t(l, Msg::Rows),
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="progress" role="status" aria-live="polite">
            <progress max="100" value=pct></progress>
            <span class="progress-text">{text}</span>
            <button type="button" class="button secondary" on:click=move |_| cancel(state)>
                {move || t(lang(), Msg::Cancel)}
            </button>
        </div>
    }
}
