//! The ranking panel: the agents by targets met, near and missed (the
//! report's `ranking`); a click shows that agent's row in the agent table.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::agent_table::row_id;
use super::state::AppState;
use crate::domain::kpi::targets::Status;
use crate::present::i18n::{t, Msg};
use crate::present::kpi_text::status_badge;

/// Scrolls to an agent's row and focuses it.
fn show_row(agent: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&row_id(agent)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    el.scroll_into_view();
    let _ = el.focus();
}

/// The leaderboard.
#[component]
pub fn RankingPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let rows = move || {
        let lang = lang();
        let (met, near, missed) = (
            status_badge(Status::Met, lang),
            status_badge(Status::Near, lang),
            status_badge(Status::Missed, lang),
        );
        state.report.with(|r| {
            r.ranking
                .iter()
                .enumerate()
                .map(|(i, rank)| {
                    let agent = rank.agent.clone();
                    let label = format!("{} {}", t(lang, Msg::ShowRow), rank.agent);
                    view! {
                        <li class="rank-row" data-rank-agent=rank.agent.clone()>
                            <span class="rank-pos">{i + 1}</span>
                            <button type="button" class="link rank-agent" aria-label=label on:click=move |_| show_row(&agent)>
                                {rank.agent.clone()}
                            </button>
                            <span class="rank-count status-met" title=met.1>{format!("{} {}", met.0, rank.met)}</span>
                            <span class="rank-count status-near" title=near.1>{format!("{} {}", near.0, rank.near)}</span>
                            <span class="rank-count status-missed" title=missed.1>{format!("{} {}", missed.0, rank.missed)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel ranking-panel" aria-labelledby="ranking-title">
            <h2 id="ranking-title">{move || t(lang(), Msg::Ranking)}</h2>
            <ol class="ranking">{rows}</ol>
        </section>
    }
}
