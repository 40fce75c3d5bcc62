//! The loaded files (one entry per sheet of a workbook): kind, rows, skipped
//! rows and their errors with line numbers, warnings — worded in the page
//! language, again on a language switch, from the domain's typed values; the
//! kind and the column mapping can be changed and re-applied without reading
//! the file again (and are remembered for the header); a remembered mapping
//! applied on arrival says so and can be undone; a file can be removed.

use leptos::prelude::*;

use super::loader::{apply_choice, undo_memory};
use super::state::{AppState, FileEntry};
use crate::domain::ingest::workbook::preview_sheet;
use crate::domain::ingest::{preview, ColumnMapping, FileKind};
use crate::present::diagnostics::{file_error, row_error, warning};
use crate::present::format::number;
use crate::present::i18n::{t, Msg};

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

/// Header and samples of an entry, for its editor.
fn editor_rows(file: &FileEntry) -> (Vec<String>, Vec<Vec<String>>) {
    if let Ok(p) = &file.outcome {
        return (p.headers.clone(), p.samples.clone());
    }
    let pv = match &file.sheet {
        Some(sheet) => preview_sheet(
            std::io::Cursor::new(file.bytes.as_slice()),
            sheet,
            &file.options,
        ),
        None => preview(&file.bytes, &file.options),
    };
    (pv.headers, pv.samples)
}

#[component]
fn FileItem(file: FileEntry) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let id = file.id;
    let name = file.name.clone();
    let parsed = file.outcome.clone();
    let summary = {
        let parsed = parsed.clone();
        move || match &parsed {
            Ok(p) => format!(
                "{} · {} {} · {} {}",
                p.kind.as_str(),
                number(p.rows as f64, 0, lang()),
                t(lang(), Msg::Rows),
                number(p.skipped as f64, 0, lang()),
                t(lang(), Msg::Skipped),
            ),
            Err(e) => file_error(e, lang()),
        }
    };
    let errors = parsed
        .as_ref()
        .map(|p| p.errors.clone())
        .unwrap_or_default();
    let warnings = parsed
        .as_ref()
        .map(|p| p.warnings.clone())
        .unwrap_or_default();
    let kind = parsed.as_ref().ok().map(|p| p.kind).or(file.options.kind);
    let (headers, samples) = editor_rows(&file);
    let remembered_for = headers.clone();
    // The mapping to edit: the one used, else the automatic one for the chosen kind.
    let mapping = match &parsed {
        Ok(p) => Some(p.mapping.clone()),
        Err(_) => kind.map(|k| ColumnMapping::from_headers(k, &headers)),
    };
    let draft = RwSignal::new(mapping);
    let draft_kind = RwSignal::new(kind);
    let options = file.options.clone();
    let apply = move |_| {
        let mut o = options.clone();
        o.kind = draft_kind.get_untracked();
        o.mapping = draft.get_untracked().filter(|m| Some(m.kind()) == o.kind);
        apply_choice(state, id, o, &remembered_for);
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
        <li class="file-item" class:failed=file.outcome.is_err() data-file=name.clone()>
            <div class="file-head">
                <strong class="file-name">{name.clone()}</strong>
                <span class="file-summary">{summary}</span>
                <button type="button" class="link" on:click=move |_| state.files.update(|f| f.retain(|x| x.id != id))>
                    {move || t(lang(), Msg::Remove)}
                </button>
            </div>
            {file.undo.is_some().then(|| view! {
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
                    <ul>{errors.into_iter().map(|e| view! { <li>{move || row_error(&e, lang())}</li> }).collect_view()}</ul>
                </details>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <details class="file-warnings">
                    <summary>{move || t(lang(), Msg::Warnings)}</summary>
                    <ul>{warnings.into_iter().map(|w| { let file = name.clone(); view! { <li>{move || warning(&file, &w, lang())}</li> } }).collect_view()}</ul>
                </details>
            })}
            <details class="mapping" open=file.outcome.is_err()>
                <summary>{move || t(lang(), Msg::KindAndColumns)}</summary>
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
            </details>
        </li>
    }
}
