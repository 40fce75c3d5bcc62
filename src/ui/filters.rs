//! The period bar: `<input type="date" name="from|to">` with presets (the
//! latest month in the data, the page's default; this month; last month; last
//! 7 and 30 days; all data, the command line's default period), then the scope
//! filters: agents, roster team, campaign.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::domain::kpi::Period;
use crate::domain::model::time::Day;
use crate::present::i18n::{t, Msg};

/// Today in the browser's local time (the UI passes "now" to the domain).
pub(super) fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(Day(0))
}

/// A period preset: (from, to); `None` for the page's default period (the
/// latest month in the data). "All data" is the command line's default period.
fn preset(which: Msg, today: Day, all: Option<Period>) -> Option<(Day, Day)> {
    match which {
        Msg::ThisMonth => Some((today.month_start(), today)),
        Msg::LastMonth => {
            let end = today.month_start().plus(-1);
            Some((end.month_start(), end))
        }
        Msg::Last7 => Some((today.plus(-6), today)),
        Msg::Last30 => Some((today.plus(-29), today)),
        Msg::AllData => all.map(|p| (p.from, p.to)),
        _ => None,
    }
}

/// The presets, in the order shown.
const PRESETS: [Msg; 6] = [
    Msg::LatestMonth,
    Msg::ThisMonth,
    Msg::LastMonth,
    Msg::Last7,
    Msg::Last30,
    Msg::AllData,
];

/// The period bar; `children` (the report's action buttons) end its second row.
#[component]
#[allow(clippy::too_many_lines)] // one view: the period row, then the scope row
pub fn Filters(#[prop(optional)] children: Option<Children>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let period = move || state.report.with(|r| r.period);
    let from_value = move || {
        state
            .filter
            .with(|f| f.from)
            .or_else(|| period().map(|p| p.from))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let to_value = move || {
        state
            .filter
            .with(|f| f.to)
            .or_else(|| period().map(|p| p.to))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let set_day = move |ev: web_sys::Event, is_from: bool| {
        let text = event_target_value(&ev);
        let day = Day::parse_iso(&text);
        state
            .filter
            .update(|f| if is_from { f.from = day } else { f.to = day });
    };
    let apply_preset = move |which: Msg| {
        let all = state.periods.with_untracked(|p| p.0);
        let range = preset(which, today(), all);
        state.filter.update(|f| {
            f.from = range.map(|r| r.0);
            f.to = range.map(|r| r.1);
        });
    };
    // The preset the current period is, if any (shown pressed).
    let pressed = move |which: Msg| {
        let chosen = state.filter.with(|f| (f.from, f.to));
        if which == Msg::LatestMonth {
            return chosen == (None, None);
        }
        let all = state.periods.with(|p| p.0);
        preset(which, today(), all).is_some_and(|(a, b)| chosen == (Some(a), Some(b)))
    };
    let agent_list = Memo::new(move |_| state.names.with(|n| n.agents.clone()));
    let team_list = Memo::new(move |_| state.names.with(|n| n.teams.clone()));
    let campaign_list = Memo::new(move |_| state.names.with(|n| n.campaigns.clone()));
    let on_agents = move |ev: web_sys::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let options = select.selected_options();
        let chosen: Vec<String> = (0..options.length())
            .filter_map(|i| options.item(i))
            .filter_map(|el| el.get_attribute("value"))
            .filter(|v| !v.is_empty())
            .collect();
        state.filter.update(|f| f.agents = chosen);
    };
    view! {
        <section class="panel filters" id="period" aria-label=move || t(lang(), Msg::Filters)>
            <div class="filter-row">
                <div class="field">
                    <label for="filter-from">{move || t(lang(), Msg::From)}</label>
                    <input type="date" id="filter-from" name="from" prop:value=from_value on:change=move |ev| set_day(ev, true) />
                </div>
                <div class="field">
                    <label for="filter-to">{move || t(lang(), Msg::To)}</label>
                    <input type="date" id="filter-to" name="to" prop:value=to_value on:change=move |ev| set_day(ev, false) />
                </div>
                <div class="field">
                    <p class="period-note">
                        {move || state.report.with(|r| r.previous_period.map(|p| format!("{}: {} – {}", t(lang(), Msg::PreviousPeriod), p.from, p.to))).unwrap_or_default()}
                    </p>
                    <div class="presets" role="group" aria-label=move || t(lang(), Msg::Presets)>
                        {PRESETS
                            .into_iter()
                            .map(|m| view! {
                                <button type="button" class="chip" data-preset=format!("{m:?}")
                                    aria-pressed=move || pressed(m).to_string() on:click=move |_| apply_preset(m)>
                                    {move || t(lang(), m)}
                                </button>
                            })
                            .collect_view()}
                    </div>
                </div>
            </div>
            <div class="filter-row scope-row">
                <div class="field">
                    <label for="filter-agent">{move || t(lang(), Msg::Agents)}</label>
                    <select id="filter-agent" name="agent" multiple size="2" on:change=on_agents>
                        {move || agent_list.get().into_iter().map(|a| {
                            let selected = state.filter.with(|f| f.agents.contains(&a));
                            view! { <option value=a.clone() selected=selected>{a.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-team">{move || t(lang(), Msg::Team)}</label>
                    <select id="filter-team" name="team" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.filter.update(|f| f.team = (!v.is_empty()).then_some(v));
                    }>
                        <option value="">{move || t(lang(), Msg::AllTeams)}</option>
                        {move || team_list.get().into_iter().map(|x| {
                            let selected = state.filter.with(|f| f.team.as_deref() == Some(x.as_str()));
                            view! { <option value=x.clone() selected=selected>{x.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-campaign">{move || t(lang(), Msg::Campaign)}</label>
                    <select id="filter-campaign" name="campaign" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.filter.update(|f| f.campaign = (!v.is_empty()).then_some(v));
                    }>
                        <option value="">{move || t(lang(), Msg::AllCampaigns)}</option>
                        {move || campaign_list.get().into_iter().map(|x| {
                            let selected = state.filter.with(|f| f.campaign.as_deref() == Some(x.as_str()));
                            view! { <option value=x.clone() selected=selected>{x.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {children.map(|c| c())}
            </div>
        </section>
    }
}
