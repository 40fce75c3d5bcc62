//! One row per agent, the 15 KPIs as columns with status colours, sortable by
//! any column; the agent's roster name and team beside the agent.

use leptos::prelude::*;

use super::kpi_cards::{activates, bounds};
use super::state::{AppState, DrillRequest};
use crate::domain::kpi::KpiId;
use crate::present::format::raw;
use crate::present::i18n::{t, Msg};
use crate::present::kpi_text::{self, status_badge};

/// The id of an agent's row (hex of the agent's text: any text is a valid id).
pub fn row_id(agent: &str) -> String {
    use std::fmt::Write as _;
    agent.bytes().fold(String::from("agent-row-"), |mut id, b| {
        let _ = write!(id, "{b:02x}");
        id
    })
}

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq)]
enum SortKey {
    Agent,
    Kpi(KpiId),
}

/// How many batches the rows are shown in (one `<tbody>` each).
pub const TABLE_BATCHES: usize = 4;

/// The agent table; `batches` is how many batches of rows are shown yet
/// (the dashboard raises it one per frame up to [`TABLE_BATCHES`]).
#[component]
#[allow(clippy::too_many_lines)] // one view: header, sorting, rows
pub fn AgentTable(#[prop(into)] batches: Signal<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let sort = RwSignal::new((SortKey::Agent, false));
    let names = Memo::new(move |_| state.names.with(|n| n.roster.clone()));
    let header = move |key: SortKey, label: String| {
        let aria = move || match sort.get() {
            (k, desc) if k == key => {
                if desc {
                    "descending"
                } else {
                    "ascending"
                }
            }
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| sort.update(|s| *s = if s.0 == key { (key, !s.1) } else { (key, key != SortKey::Agent) })
                >
                    {label}
                </button>
            </th>
        }
    };
    // The agents in table order (a new report or sort orders them again).
    let order = Memo::new(move |_| {
        let (key, desc) = sort.get();
        state.report.with(|report| {
            let mut agents: Vec<(&String, &crate::domain::kpi::KpiSet)> =
                report.agents.iter().collect();
            agents.sort_by(|a, b| {
                let ord = match key {
                    SortKey::Agent => a.0.cmp(b.0),
                    SortKey::Kpi(id) => {
                        let (x, y) = (a.1.get(id).value, b.1.get(id).value);
                        // Missing values sort last whatever the direction.
                        match (x, y) {
                            (Some(x), Some(y)) => x.total_cmp(&y),
                            (Some(_), None) => return std::cmp::Ordering::Less,
                            (None, Some(_)) => return std::cmp::Ordering::Greater,
                            (None, None) => a.0.cmp(b.0),
                        }
                    }
                };
                if desc {
                    ord.reverse()
                } else {
                    ord
                }
            });
            agents
                .into_iter()
                .map(|(a, _)| a.clone())
                .collect::<Vec<String>>()
        })
    });
    // Batch `k` of the rows (a `<tbody>` each), once the dashboard has
    // mounted that far: a long table is several short tasks.
    let rows = move |k: usize| {
        if batches.get() <= k {
            return ().into_any();
        }
        let lang = state.lang();
        let currency = state.prefs.with(|p| p.currency.clone());
        let report = state.report.get();
        order.with(|order| {
            let per = order.len().div_ceil(TABLE_BATCHES).max(1);
            names.with(|names| {
                order
                    .iter()
                    .skip(k * per)
                    .take(per)
                    .filter_map(|agent| report.agents.get(agent).map(|set| (agent, set)))
                    .map(|(agent, set)| {
                        let (name, team) = names.get(agent.as_str()).cloned().unwrap_or_default();
                        let cells = KpiId::ALL
                            .into_iter()
                            .map(|id| {
                                let kv = set.get(id);
                                let (icon, word) = status_badge(kv.status, lang);
                                let shown = kv.value.map_or_else(|| "–".to_owned(), |v| kpi_text::format_value(id, v, &currency, lang));
                                // What the target judged, when it is not the value itself.
                                let judged = id
                                    .judged_extra()
                                    .and(kv.judged)
                                    .map(|j| kpi_text::format_judged(id, j, &currency, lang));
                                let title = match &kv.target {
                                    Some(tg) => format!("{word} · {} {}", t(lang, Msg::Target), kpi_text::target_text(id, tg, &currency, lang)),
                                    None => word.to_owned(),
                                };
                                let (min, max) = bounds(kv);
                                let who = agent.clone();
                                let open = move || state.drill.set(Some(DrillRequest { kpi: id, agent: Some(who.clone()) }));
                                let open_key = open.clone();
                                view! {
                                    <td
                                        tabindex="0"
                                        aria-haspopup="dialog"
                                        on:click=move |_| open()
                                        on:keydown=move |ev| if activates(&ev) { ev.prevent_default(); open_key(); }
                                        class=format!("cell status-{}", kv.status.as_str())
                                        data-agent=agent.clone()
                                        data-kpi=id.as_str()
                                        data-value=raw(kv.value)
                                        data-status=kv.status.as_str()
                                        data-bound-min=min
                                        data-bound-max=max
                                        title=title
                                    >
                                        <span class="badge" aria-hidden="true">{icon}</span>
                                        " "
                                        {shown}
                                        {judged.map(|j| view! { <span class="cell-judged">{j}</span> })}
                                    </td>
                                }
                            })
                            .collect_view();
                        view! {
                            <tr>
                                <th scope="row" class="agent-cell" id=row_id(agent) tabindex="-1">
                                    <span class="agent-name">{if name.is_empty() { agent.clone() } else { name }}</span>
                                    <span class="agent-meta">{if team.is_empty() { agent.clone() } else { format!("{agent} · {team}") }}</span>
                                </th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any()
            })
        })
    };
    view! {
        <section class="panel agent-panel" id="agents" aria-labelledby="agents-title">
            <h2 id="agents-title">{move || t(state.lang(), Msg::Agents)}</h2>
            <div class="table-scroll agent-scroll" tabindex="0" role="region" aria-labelledby="agents-title">
                <table class="agent-table">
                    <thead>
                        <tr>
                            {move || {
                                let lang = state.lang();
                                let mut cols = vec![header(SortKey::Agent, t(lang, Msg::Agent).to_owned())];
                                cols.extend(KpiId::ALL.into_iter().map(|id| header(SortKey::Kpi(id), kpi_text::name(id, lang).to_owned())));
                                cols.collect_view()
                            }}
                        </tr>
                    </thead>
                    {(0..TABLE_BATCHES).map(|k| view! { <tbody>{move || rows(k)}</tbody> }).collect_view()}
                </table>
            </div>
        </section>
    }
}
