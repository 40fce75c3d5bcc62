//! The dashboard once data is loaded: the period bar with the report's
//! actions, the 15 cards, the ranking, the charts, the agent table and the
//! drill-down dialog. Mounted part by part, one animation frame apart, so
//! that showing it is several short tasks rather than one long one.

use leptos::prelude::*;

use super::agent_table::{AgentTable, TABLE_BATCHES};
use super::charts_panel::ChartsPanel;
use super::drill_panel::DrillPanel;
use super::filters::Filters;
use super::kpi_cards::KpiCards;
use super::ranking_panel::RankingPanel;
use super::report_export::ExportButton;
use super::share_link::ShareButton;
use super::state::AppState;
use crate::present::i18n::{t, Msg};

/// The part that shows the agent table with its first batch of rows (each
/// later part shows one more batch).
const TABLE_PART: u8 = 6;

/// How many parts there are (mounted in this order): the filters, the
/// first cards, the other cards, the ranking, the charts, the agent
/// table's batches of rows, the drill-down dialog.
#[allow(clippy::cast_possible_truncation)] // a handful of batches
pub const PARTS: u8 = TABLE_PART + TABLE_BATCHES as u8;

/// Mounts `mounted` up to [`PARTS`], one more per animation frame.
fn mount_next(mounted: RwSignal<u8>) {
    request_animation_frame(move || {
        let n = mounted.get_untracked();
        if n < PARTS {
            mounted.set(n + 1);
            mount_next(mounted);
        }
    });
}

/// The dashboard.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    // Nothing shows in the task that switches the page to the dashboard
    // (the file list changes in it): the period bar comes a frame later.
    let mounted = state.mounted;
    mount_next(mounted);
    on_cleanup(move || mounted.set(0));
    let shown = move |part: u8| move || mounted.get() >= part;
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <Show when=shown(1)>
            <Filters>
                <div class="toolbar report-actions">
                    <ExportButton />
                    <ShareButton />
                    <button type="button" class="button secondary" id="print" on:click=print>
                        {move || t(lang(), Msg::Print)}
                    </button>
                </div>
            </Filters>
        </Show>
        <Show when=shown(2)>
            <KpiCards all=Signal::derive(shown(3)) />
        </Show>
        <Show when=shown(4)>
            <RankingPanel />
        </Show>
        <Show when=shown(5)>
            <ChartsPanel />
        </Show>
        <Show when=shown(TABLE_PART)>
            <AgentTable batches=Signal::derive(move || usize::from(mounted.get().saturating_sub(TABLE_PART - 1))) />
        </Show>
        <Show when=shown(PARTS)>
            <DrillPanel />
        </Show>
    }
}
