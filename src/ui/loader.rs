//! Reading files into the state: chunked reads through the browser's `Blob`
//! API, fed to the domain's decoder (or, for a workbook, read sheet by sheet),
//! with progress and cancel; remembered mappings applied on arrival. The only
//! module that touches `web_sys::File`.

use std::io::Cursor;
use std::sync::Arc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::{content_hash, AppState, FileEntry, Progress};
use crate::domain::ingest::workbook::{is_zip, no_sheet_used, read_sheet, read_workbook};
use crate::domain::ingest::{parse_bytes, preview, Decoder, FileError, ParseOptions, ParsedFile};
use crate::present::i18n::{t, Msg};

/// Bytes read per chunk (the page yields to the browser between chunks).
const CHUNK: f64 = 1024.0 * 1024.0;

/// Why a file could not be read.
#[derive(Debug)]
enum ReadError {
    /// The user pressed cancel.
    Cancelled,
    /// The browser refused to read it.
    Browser(String),
}

/// What reading a file's bytes gave.
enum Read {
    /// A text file, decoded while it was read.
    Text(Vec<u8>, Outcome),
    /// A ZIP (a workbook, maybe): read once all bytes are in.
    Zip(Vec<u8>),
}

type Outcome = Result<Arc<ParsedFile>, FileError>;

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Reads `files` one after the other into `state`.
pub fn load_files(state: AppState, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    state.cancel.set(false);
    // Not ready from this instant: `data-ready` must never be "true" while a
    // chosen file waits to be read.
    state.progress.set(Some(Progress {
        name: files[0].name(),
        bytes: 0,
        total: files[0].size() as u64,
        rows: 0,
        index: (1, files.len()),
    }));
    leptos::task::spawn_local(async move {
        let total = files.len();
        for (i, file) in files.into_iter().enumerate() {
            let name = file.name();
            let options = state
                .prefs
                .with_untracked(super::state::Prefs::parse_options);
            match read_file(&state, &file, (i + 1, total), options.clone()).await {
                Ok(Read::Text(bytes, outcome)) => add_text(state, name, bytes, options, outcome),
                Ok(Read::Zip(bytes)) => add_workbook(state, name, bytes, &options),
                Err(ReadError::Cancelled) => {
                    state.notify(
                        t(state.prefs.with_untracked(|p| p.lang), Msg::Cancelled).to_owned(),
                        false,
                    );
                    break;
                }
                Err(ReadError::Browser(why)) => state.notify(format!("{name}: {why}"), true),
            }
        }
        state.progress.set(None);
    });
}

/// Adds the demo files (the generator's output) through the same decoder.
pub fn load_demo(state: AppState) {
    let options = state
        .prefs
        .with_untracked(super::state::Prefs::parse_options);
    for (name, bytes) in crate::domain::synth::demo_files(super::filters::today()) {
        let outcome = parse_bytes(&name, &bytes, &options).map(Arc::new);
        add_text(state, name, bytes, options.clone(), outcome);
    }
}

/// Parses an entry's bytes (one sheet of a workbook, or a text file).
fn parse_entry(name: &str, bytes: &[u8], sheet: Option<&str>, options: &ParseOptions) -> Outcome {
    match sheet {
        Some(sheet) => {
            let book = name.strip_suffix(&format!("#{sheet}")).unwrap_or(name);
            read_sheet(book, Cursor::new(bytes), sheet, options).map(Arc::new)
        }
        None => parse_bytes(name, bytes, options).map(Arc::new),
    }
}

/// Whether the same bytes are loaded already (then a notice, and no entry).
fn is_duplicate(state: AppState, name: &str, hash: u64, len: usize) -> bool {
    let duplicate = state
        .files
        .with_untracked(|files| files.iter().any(|f| f.hash == hash && f.bytes.len() == len));
    if duplicate {
        let lang = state.prefs.with_untracked(|p| p.lang);
        state.notify(format!("{name}: {}", t(lang, Msg::Duplicate)), false);
    }
    duplicate
}

fn add_text(
    state: AppState,
    name: String,
    bytes: Vec<u8>,
    options: ParseOptions,
    outcome: Outcome,
) {
    let hash = content_hash(&bytes);
    if is_duplicate(state, &name, hash, bytes.len()) {
        return;
    }
    let bytes = Arc::new(bytes);
    let entry = entry(name, hash, bytes, None, options, outcome);
    state
        .files
        .update(|files| files.push(with_memory(state, entry)));
}

/// Adds every non-empty sheet of a workbook as its own entry (a sheet that
/// can't be used is listed failed, to be fixed in its editor).
fn add_workbook(state: AppState, name: String, bytes: Vec<u8>, options: &ParseOptions) {
    let hash = content_hash(&bytes);
    if is_duplicate(state, &name, hash, bytes.len()) {
        return;
    }
    let bytes = Arc::new(bytes);
    let sheets = read_workbook(&name, Cursor::new(bytes.as_slice()), &mut |_| {
        options.clone()
    });
    let entries: Vec<FileEntry> = match sheets {
        Ok(sheets) if sheets.is_empty() => {
            let e = no_sheet_used(&name, &sheets);
            vec![entry(name, hash, bytes, None, options.clone(), Err(e))]
        }
        Ok(sheets) => sheets
            .into_iter()
            .map(|s| {
                let outcome = s.outcome.map(Arc::new);
                let e = entry(
                    s.name,
                    hash,
                    Arc::clone(&bytes),
                    Some(s.sheet),
                    options.clone(),
                    outcome,
                );
                with_memory(state, e)
            })
            .collect(),
        Err(e) => vec![entry(name, hash, bytes, None, options.clone(), Err(e))],
    };
    state.files.update(|files| files.extend(entries));
}

fn entry(
    name: String,
    hash: u64,
    bytes: Arc<Vec<u8>>,
    sheet: Option<String>,
    options: ParseOptions,
    outcome: Outcome,
) -> FileEntry {
    FileEntry {
        id: next_id(),
        revision: 0,
        name,
        hash,
        bytes,
        options,
        outcome,
        sheet,
        undo: None,
    }
}

/// The header an entry was read with (or, failed, the one its preview shows).
pub fn entry_headers(entry: &FileEntry) -> Vec<String> {
    match (&entry.outcome, &entry.sheet) {
        (Ok(p), _) => p.headers.clone(),
        (Err(_), Some(sheet)) => {
            crate::domain::ingest::workbook::preview_sheet(
                Cursor::new(entry.bytes.as_slice()),
                sheet,
                &entry.options,
            )
            .headers
        }
        (Err(_), None) => preview(&entry.bytes, &entry.options).headers,
    }
}

/// Applies the mapping remembered for the entry's header, if any and if it
/// differs from what was read; the entry keeps its options to undo it.
fn with_memory(state: AppState, mut entry: FileEntry) -> FileEntry {
    let headers = entry_headers(&entry);
    let Some(mapping) = state
        .mappings
        .with_untracked(|m| m.lookup(&headers).cloned())
    else {
        return entry;
    };
    if let Ok(p) = &entry.outcome {
        if p.kind == mapping.kind() && p.mapping == mapping {
            return entry;
        }
    }
    let mut options = entry.options.clone();
    options.kind = Some(mapping.kind());
    options.mapping = Some(mapping);
    entry.outcome = parse_entry(&entry.name, &entry.bytes, entry.sheet.as_deref(), &options);
    entry.undo = Some(std::mem::replace(&mut entry.options, options));
    entry
}

/// Re-parses a loaded file with new options (kind, mapping, conventions).
pub fn reparse(state: AppState, id: u64, options: ParseOptions) {
    state.files.update(|files| {
        if let Some(f) = files.iter_mut().find(|f| f.id == id) {
            f.outcome = parse_entry(&f.name, &f.bytes, f.sheet.as_deref(), &options);
            f.options = options;
            f.undo = None;
            f.revision += 1;
        }
    });
}

/// Applies the kind and columns the user chose in a file's editor, and
/// remembers them for files with the same header.
pub fn apply_choice(state: AppState, id: u64, options: ParseOptions, headers: &[String]) {
    if let Some(mapping) = &options.mapping {
        state
            .mappings
            .update(|m| m.remember(headers, mapping.clone()));
    }
    reparse(state, id, options);
}

/// Undoes a remembered mapping applied to a file.
pub fn undo_memory(state: AppState, id: u64) {
    let undo = state.files.with_untracked(|files| {
        files
            .iter()
            .find(|f| f.id == id)
            .and_then(|f| f.undo.clone())
    });
    if let Some(options) = undo {
        reparse(state, id, options);
    }
}

/// Re-parses every file after a setting that parsing depends on changed
/// (UTC offset, country code, longest extension), keeping each file's own
/// overrides.
pub fn reparse_all(state: AppState) {
    let base = state
        .prefs
        .with_untracked(super::state::Prefs::parse_options);
    state.files.update(|files| {
        for f in files.iter_mut() {
            f.options.utc_offset_minutes = base.utc_offset_minutes;
            f.options.country_code.clone_from(&base.country_code);
            f.options.extension_max_digits = base.extension_max_digits;
            if let Some(undo) = &mut f.undo {
                undo.utc_offset_minutes = base.utc_offset_minutes;
                undo.country_code.clone_from(&base.country_code);
                undo.extension_max_digits = base.extension_max_digits;
            }
            f.outcome = parse_entry(&f.name, &f.bytes, f.sheet.as_deref(), &f.options);
            f.revision += 1;
        }
    });
}

async fn read_file(
    state: &AppState,
    file: &web_sys::File,
    index: (usize, usize),
    options: ParseOptions,
) -> Result<Read, ReadError> {
    let name = file.name();
    let size = file.size();
    let mut decoder = Decoder::new(&name, options);
    let mut bytes = Vec::with_capacity(size as usize);
    let mut start = 0.0;
    let mut zip = None;
    state.progress.set(Some(Progress {
        name: name.clone(),
        bytes: 0,
        total: size as u64,
        rows: 0,
        index,
    }));
    while start < size {
        if state.cancel.get_untracked() {
            return Err(ReadError::Cancelled);
        }
        let end = (start + CHUNK).min(size);
        let blob = file
            .slice_with_f64_and_f64(start, end)
            .map_err(|e| ReadError::Browser(format!("{e:?}")))?;
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|e| ReadError::Browser(format!("{e:?}")))?;
        let chunk = Uint8Array::new(&buffer).to_vec();
        let is_zip = *zip.get_or_insert_with(|| is_zip(&chunk));
        if !is_zip {
            decoder.feed(&chunk);
        }
        bytes.extend_from_slice(&chunk);
        start = end;
        state.progress.set(Some(Progress {
            name: name.clone(),
            bytes: bytes.len() as u64,
            total: size as u64,
            rows: decoder.rows(),
            index,
        }));
    }
    if state.cancel.get_untracked() {
        return Err(ReadError::Cancelled);
    }
    if zip == Some(true) {
        return Ok(Read::Zip(bytes));
    }
    // An unclosed quote: read on from the line after it (the bytes are here).
    while let Some(offset) = decoder.end_input() {
        let from = usize::try_from(offset).unwrap_or(usize::MAX);
        decoder.feed(bytes.get(from..).unwrap_or_default());
    }
    let outcome = decoder.finish().map(Arc::new);
    Ok(Read::Text(bytes, outcome))
}
