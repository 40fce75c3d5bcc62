//! The drop zone: drag-and-drop target holding the keyboard-reachable file input.

use leptos::prelude::*;

use super::i18n::{t, Lang, Msg};

/// Where files are dropped or chosen.
#[component]
pub fn DropZone(lang: ReadSignal<Lang>) -> impl IntoView {
    let (over, set_over) = signal(false);
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
            }
        >
            <p class="drop-title">{move || t(lang.get(), Msg::DropHere)}</p>
            <p class="drop-hint">{move || t(lang.get(), Msg::DropHint)}</p>
            <label class="file-button">
                <span>{move || t(lang.get(), Msg::ChooseFiles)}</span>
                <input type="file" multiple accept=".csv,.txt,.tsv,.log,text/csv,text/plain" />
            </label>
        </section>
    }
}
