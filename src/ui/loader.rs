//! Loading files, as the page asks for it: the chosen `File`s (or the demo)
//! go to the worker, which reads them in chunks with progress and Cancel and
//! sends the file list back; a file's kind and columns are applied again
//! (and remembered for its header), a remembered mapping undone, a file
//! removed, and every file read again when a reading setting changes.

use leptos::prelude::*;

use super::state::AppState;
use super::worker_client::{self, send};
use crate::protocol::{FileChoices, Progress, Request};

/// Reads `files` (in order) into the page.
pub fn load_files(state: AppState, files: Vec<web_sys::File>) {
    let Some(first) = files.first() else {
        return;
    };
    // Not ready from this instant: `data-ready` must never be "true" while a
    // chosen file waits to be read.
    state.reading.update(|n| *n += 1);
    worker_client::mark_busy();
    state.progress.set(Some(Progress {
        name: first.name(),
        bytes: 0,
        total: first.size() as u64,
        rows: 0,
        index: (1, files.len()),
    }));
    worker_client::open(state, files);
}

/// Adds the demo files (the generator's output for the browser's today).
pub fn load_demo(state: AppState) {
    state.reading.update(|n| *n += 1);
    worker_client::mark_busy();
    send(state, &Request::Demo(super::filters::today()));
}

/// Stops reading the files in progress.
pub fn cancel(state: AppState) {
    send(state, &Request::Cancel);
}

/// Applies the kind and columns the user chose in a file's editor, and
/// remembers them for files with the same header.
pub fn apply_choice(state: AppState, id: u64, choices: FileChoices) {
    if let Some(mapping) = &choices.mapping {
        let headers = state.files.with_untracked(|files| {
            files
                .iter()
                .find(|f| f.id == id)
                .map(|f| f.headers.clone())
                .unwrap_or_default()
        });
        state
            .mappings
            .update(|m| m.remember(&headers, mapping.clone()));
    }
    state.reading.update(|n| *n += 1);
    worker_client::mark_busy();
    send(
        state,
        &Request::Reapply {
            id,
            choices,
            remember: false,
        },
    );
}

/// Undoes a remembered mapping applied to a file.
pub fn undo_memory(state: AppState, id: u64) {
    state.reading.update(|n| *n += 1);
    worker_client::mark_busy();
    send(state, &Request::Undo { id });
}

/// Removes a file.
pub fn remove(state: AppState, id: u64) {
    state.files.update(|f| f.retain(|x| x.id != id));
    send(state, &Request::Remove { id });
}

/// Sends the settings (files are read again when a reading setting changed)
/// and asks for a fresh view.
pub fn settings_changed(state: AppState) {
    if !worker_client::started() {
        return;
    }
    let (read, kpi) = state
        .prefs
        .with_untracked(|p| (p.read_settings(), p.kpi_settings()));
    send(state, &Request::Settings { read, kpi });
    worker_client::request_view(state);
}
