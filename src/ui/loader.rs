//! Reading files into the state: chunked reads through the browser's `Blob`
//! API, fed to the domain's decoder, with progress and cancel. The only module
//! that touches `web_sys::File`.

use std::sync::Arc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::{content_hash, AppState, FileEntry, Progress};
use crate::domain::ingest::{parse_bytes, Decoder, ParseOptions};
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
                Ok((bytes, outcome)) => add_entry(state, name, bytes, options, outcome),
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
        let outcome = parse_bytes(&name, &bytes, &options)
            .map(Arc::new)
            .map_err(|e| e.to_string());
        add_entry(state, name, bytes, options.clone(), outcome);
    }
}

type Outcome = Result<Arc<crate::domain::ingest::ParsedFile>, String>;

fn add_entry(
    state: AppState,
    name: String,
    bytes: Vec<u8>,
    options: ParseOptions,
    outcome: Outcome,
) {
    let hash = content_hash(&bytes);
    let duplicate = state.files.with_untracked(|files| {
        files
            .iter()
            .any(|f| f.hash == hash && f.bytes.len() == bytes.len())
    });
    if duplicate {
        let lang = state.prefs.with_untracked(|p| p.lang);
        state.notify(format!("{name}: {}", t(lang, Msg::Duplicate)), false);
        return;
    }
    state.files.update(|files| {
        files.push(FileEntry {
            id: next_id(),
            revision: 0,
            name,
            hash,
            bytes: Arc::new(bytes),
            options,
            outcome,
        });
    });
}

/// Re-parses a loaded file with new options (kind, mapping, conventions).
pub fn reparse(state: AppState, id: u64, options: ParseOptions) {
    state.files.update(|files| {
        if let Some(f) = files.iter_mut().find(|f| f.id == id) {
            f.outcome = parse_bytes(&f.name, &f.bytes, &options)
                .map(Arc::new)
                .map_err(|e| e.to_string());
            f.options = options;
            f.revision += 1;
        }
    });
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
            f.outcome = parse_bytes(&f.name, &f.bytes, &f.options)
                .map(Arc::new)
                .map_err(|e| e.to_string());
            f.revision += 1;
        }
    });
}

async fn read_file(
    state: &AppState,
    file: &web_sys::File,
    index: (usize, usize),
    options: ParseOptions,
) -> Result<(Vec<u8>, Outcome), ReadError> {
    let name = file.name();
    let size = file.size();
    let mut decoder = Decoder::new(&name, options);
    let mut bytes = Vec::with_capacity(size as usize);
    let mut start = 0.0;
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
        decoder.feed(&chunk);
        bytes.extend_from_slice(&chunk);
        start = end;
        state.progress.set(Some(Progress {
            name: name.clone(),
            bytes: decoder.bytes_consumed(),
            total: size as u64,
            rows: decoder.rows(),
            index,
        }));
    }
    if state.cancel.get_untracked() {
        return Err(ReadError::Cancelled);
    }
    let outcome = decoder.finish().map(Arc::new).map_err(|e| e.to_string());
    Ok((bytes, outcome))
}
