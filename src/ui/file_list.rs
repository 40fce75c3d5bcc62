//! The loaded files (one entry per sheet of a workbook): kind, rows, skipped
//! rows and their errors with line numbers, warnings — worded in the page
//! language, again on a language switch, from the domain's typed values; the
//! kind and the column mapping can be changed and re-applied (the worker
//! reads the file again; they are remembered for the header); a remembered mapping
//! applied on arrival says so and can be undone; a file can be removed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::loader::{apply_choice, remove, undo_memory};
use super::state::AppState;
use crate::domain::ingest::{ColumnMapping, FileKind};
use crate::present::format::number;
use crate::present::i18n::{t, Lang, Msg};
use crate::protocol::{FileInfo, Words};

/// The list of files.
#[component]
pub fn FileList() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="panel files-panel" class:hidden=move || state.files.with(Vec::is_empty)>
            <h2>{move || t(state.lang(), Msg::Files)}</h2>
            <ul class="file-list">
                <For each=move || state.files.get() key=|f| (f.id, f.revision) let:file>
                    <FileItem file=file />
                </For>
            </ul>
        </section>
    }
}

/// A text in the page language.
fn pick(words: &Words, lang: Lang) -> String {
    match lang {
        Lang::Id => words.id.clone(),
        Lang::En => words.en.clone(),
    }
}

#[component]
fn FileItem(file: FileInfo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let id = file.id;
    let name = file.name.clone();
    let failed = file.failure.is_some();
    let summary = {
        let file = file.clone();
        move || match &file.failure {
            None => format!(
                "{} · {} {} · {} {}",
                file.kind.map_or("", FileKind::as_str),
                number(file.rows as f64, 0, lang()),
                t(lang(), Msg::Rows),
                number(file.skipped as f64, 0, lang()),
                t(lang(), Msg::Skipped),
            ),
            Some(why) => pick(why, lang()),
        }
    };
    let errors = file.errors.clone();
    let warnings = file.warnings.clone();
    let remembered = file.remembered;
    // The editor is built when first opened (a read file's starts closed),
    // so a list of wide files costs little until then; it is kept after.
    let editing = RwSignal::new(failed);
    view! {
        <li class="file-item" class:failed=failed data-file=name.clone()>
            <div class="file-head">
                <strong class="file-name">{name.clone()}</strong>
                <span class="file-summary">{summary}</span>
                <button type="button" class="link" on:click=move |_| remove(state, id)>
                    {move || t(lang(), Msg::Remove)}
                </button>
            </div>
            {remembered.then(|| view! {
                <p class="notice remembered" data-remembered="true">
                    <span>{move || t(lang(), Msg::RememberedApplied)}</span>
                    " "
                    <button type="button" class="link" data-action="undo-remembered" on:click=move |_| undo_memory(state, id)>
                        {move || t(lang(), Msg::Undo)}
                    </button>
                </p>
            })}
            {(!errors.is_empty()).then(|| view! {
                <details class="file-errors">
                    <summary>{move || t(lang(), Msg::SkippedRows)}</summary>
                    <ul>{errors.into_iter().map(|(_, e)| view! { <li>{move || pick(&e, lang())}</li> }).collect_view()}</ul>
                </details>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <details class="file-warnings">
                    <summary>{move || t(lang(), Msg::Warnings)}</summary>
                    <ul>{warnings.into_iter().map(|w| view! { <li>{move || pick(&w, lang())}</li> }).collect_view()}</ul>
                </details>
            })}
            <details class="mapping" open=failed on:toggle=move |ev| {
                if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    if d.open() && !editing.get_untracked() {
                        editing.set(true);
                    }
                }
            }>
                <summary>{move || t(lang(), Msg::KindAndColumns)}</summary>
                <Show when=move || editing.get()>
                    <MappingEditor file=file.clone() />
                </Show>
            </details>
        </li>
    }
}

/// A file's kind and column mapping, to change and apply (the file is read
/// again with them).
#[component]
fn MappingEditor(file: FileInfo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let (id, kind) = (file.id, file.kind.or(file.choices.kind));
    let FileInfo {
        headers,
        samples,
        mapping,
        choices,
        ..
    } = file;
    // The mapping to edit: the one used, else the automatic one for the chosen kind.
    let mapping = mapping.or_else(|| kind.map(|k| ColumnMapping::from_headers(k, &headers)));
    let draft = RwSignal::new(mapping);
    let draft_kind = RwSignal::new(kind);
    let apply = move |_| {
        let mut c = choices.clone();
        c.kind = draft_kind.get_untracked();
        c.mapping = draft.get_untracked().filter(|m| Some(m.kind()) == c.kind);
        apply_choice(state, id, c);
    };
    let column_label = {
        let headers = headers.clone();
        let samples = samples.clone();
        move |col: usize| {
            let head = headers
                .get(col)
                .cloned()
                .unwrap_or_else(|| format!("#{}", col + 1));
            let sample: Vec<String> = samples
                .iter()
                .filter_map(|r| r.get(col))
                .take(3)
                .cloned()
                .collect();
            if sample.is_empty() {
                head
            } else {
                format!("{head} — {}", sample.join(", "))
            }
        }
    };
    let ncols = headers
        .len()
        .max(samples.iter().map(Vec::len).max().unwrap_or(0));
    let kind_headers = headers.clone();
    view! {
                <div class="field">
                    <label>{move || t(lang(), Msg::Kind)}</label>
                    <select class="kind-select" prop:value=move || draft_kind.get().map_or("", FileKind::as_str) on:change=move |ev| {
                        let k = FileKind::parse(&event_target_value(&ev));
                        draft_kind.set(k);
                        draft.set(k.map(|k| ColumnMapping::from_headers(k, &kind_headers)));
                    }>
                        <option value="">"—"</option>
                        {FileKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{k.as_str()}</option> }).collect_view()}
                    </select>
                </div>
                {move || draft.get().map(|m| {
                    let label = column_label.clone();
                    m.fields().map(|(field, col)| {
                        let label = label.clone();
                        view! {
                            <div class="field mapping-field">
                                <label>{field}</label>
                                <select data-field=field prop:value=col.map_or_else(String::new, |c| c.to_string()) on:change=move |ev| {
                                    let v = event_target_value(&ev).parse::<usize>().ok();
                                    draft.update(|m| if let Some(m) = m { m.set(field, v); });
                                }>
                                    <option value="">"—"</option>
                                    {(0..ncols).map(|c| view! { <option value=c.to_string()>{label(c)}</option> }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()
                })}
                <button type="button" class="button" data-action="apply-mapping" on:click=apply>{move || t(lang(), Msg::Apply)}</button>
    }
}
