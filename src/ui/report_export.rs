//! The "Export CSV" button: the report as a spreadsheet-safe CSV.

use leptos::prelude::*;

use super::download::download_text;
use super::state::AppState;
use crate::present::export::report_csv;
use crate::present::i18n::{t, Msg};

/// Downloads the current report as CSV (one row per agent plus the team).
#[component]
pub fn ExportButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button type="button" class="button secondary" id="export-csv" on:click=move |_| {
            let delimiter = state.prefs.with_untracked(|p| p.csv_delimiter);
            let text = state.report.with_untracked(|r| report_csv(r, delimiter));
            download_text("telesales-kpi-report.csv", "text/csv", &text);
        }>
            {move || t(state.lang(), Msg::ExportCsv)}
        </button>
    }
}
