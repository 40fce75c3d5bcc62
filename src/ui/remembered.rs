//! Remembered column mappings (DATA.md §8): loaded from local storage at
//! start, saved on every change, listed and cleared in the settings.

use leptos::prelude::*;

use super::state::AppState;
use super::storage::{self, Loaded};
use crate::domain::ingest::remembered::RememberedMappings;
use crate::present::format::number;
use crate::present::i18n::{t, Msg};

/// Storage name and schema version.
const MAPPINGS: (&str, u32) = ("mappings", 1);

/// Loads the remembered mappings into the state and keeps storage in sync.
pub fn init(state: AppState) {
    match storage::load::<RememberedMappings>(MAPPINGS.0, MAPPINGS.1) {
        Loaded::Found(m) => state.mappings.set(m),
        Loaded::Missing => {}
        Loaded::Reset { backup_key, reason } => {
            let lang = state.prefs.with_untracked(|p| p.lang);
            state.notify(
                format!(
                    "{} ({reason}; backup: {backup_key})",
                    t(lang, Msg::MappingsReset)
                ),
                true,
            );
        }
    }
    Effect::new(move |_| {
        let result = state
            .mappings
            .with(|m| storage::save(MAPPINGS.0, MAPPINGS.1, m));
        if let Err(e) = result {
            state.notify(e.to_string(), true);
        }
    });
}

/// The settings line: how many headers are remembered, and a button to forget them.
#[component]
pub fn RememberedSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let count = move || state.mappings.with(RememberedMappings::len);
    view! {
        <div class="field remembered-mappings">
            <label>{move || t(lang(), Msg::RememberedMappings)}</label>
            <span data-remembered-count=move || count().to_string()>{move || number(count() as f64, 0, lang())}</span>
            " "
            <button type="button" class="button secondary" data-action="forget-mappings"
                disabled=move || count() == 0
                on:click=move |_| state.mappings.update(RememberedMappings::clear)>
                {move || t(lang(), Msg::ForgetMappings)}
            </button>
        </div>
    }
}
