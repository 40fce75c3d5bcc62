//! The targets editor: every KPI's bound(s) in display units, for the whole
//! team or as a roster-team or agent override; presets restorable; import
//! and export of the versioned targets JSON. Changes apply at once and are
//! saved (see `app.rs`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::download_text;
use super::state::AppState;
use crate::domain::kpi::targets::{Comparator, Scope, Target, Targets};
use crate::domain::kpi::KpiId;
use crate::present::i18n::{t, Msg};
use crate::present::kpi_text::{self, TargetUnit};

/// Reads a number typed with `.` or `,` as the decimal mark.
fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().replace(' ', "").replace(',', ".");
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Team => "team".into(),
        Scope::RosterTeam(t) => format!("team:{t}"),
        Scope::Agent(a) => format!("agent:{a}"),
    }
}

fn scope_from_key(key: &str) -> Scope {
    if let Some(t) = key.strip_prefix("team:") {
        Scope::RosterTeam(t.to_owned())
    } else if let Some(a) = key.strip_prefix("agent:") {
        Scope::Agent(a.to_owned())
    } else {
        Scope::Team
    }
}

fn find(targets: &Targets, kpi: KpiId, scope: &Scope) -> Option<Target> {
    targets.find(kpi, scope).cloned()
}

/// The editor.
#[component]
#[allow(clippy::too_many_lines)] // one view: rows of bounds, scope, presets, import/export
pub fn TargetsEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let scope = RwSignal::new(Scope::Team);
    let agent_list = Memo::new(move |_| state.names.with(|n| n.agents.clone()));
    let team_list = Memo::new(move |_| state.names.with(|n| n.teams.clone()));

    // "Suggest from my data": shown beside the bounds, applied on confirmation.
    let suggesting = RwSignal::new(false);
    let suggestion = move |kpi: KpiId| {
        state.report.with(|r| {
            r.suggested_targets
                .iter()
                .find(|(k, _)| *k == kpi)
                .and_then(|(_, v)| *v)
        })
    };
    let row = move |kpi: KpiId| {
        let unit = kpi_text::target_unit(kpi);
        let current = move || state.targets.with(|ts| find(ts, kpi, &scope.get()));
        let inherited = move || state.targets.with(|ts| find(ts, kpi, &Scope::Team));
        let comparator = move || {
            current()
                .or_else(inherited)
                .map_or(Comparator::AtLeast, |t| t.comparator)
        };
        let set_bound = move |bound: &'static str, text: String| {
            let Some(shown) = parse_number(&text) else {
                return;
            };
            let value = unit.to_stored(shown);
            let sc = scope.get_untracked();
            state.targets.update(|ts| {
                let base = find(ts, kpi, &sc).or_else(|| find(ts, kpi, &Scope::Team));
                let comparator = base.as_ref().map_or(Comparator::AtLeast, |t| t.comparator);
                let mut tg = base.unwrap_or(Target {
                    kpi,
                    comparator,
                    value,
                    value_max: None,
                    scope: sc.clone(),
                });
                tg.scope = sc.clone();
                match (comparator, bound) {
                    (Comparator::Between, "max") => tg.value_max = Some(value),
                    _ => tg.value = value,
                }
                ts.upsert(tg);
            });
        };
        let set_comparator = move |text: String| {
            let comparator = match text.as_str() {
                "at_most" => Comparator::AtMost,
                "between" => Comparator::Between,
                _ => Comparator::AtLeast,
            };
            let sc = scope.get_untracked();
            state.targets.update(|ts| {
                let base = find(ts, kpi, &sc).or_else(|| find(ts, kpi, &Scope::Team));
                let mut tg = base.unwrap_or(Target {
                    kpi,
                    comparator,
                    value: 0.0,
                    value_max: None,
                    scope: sc.clone(),
                });
                tg.scope = sc.clone();
                tg.comparator = comparator;
                if comparator == Comparator::Between && tg.value_max.is_none() {
                    tg.value_max = Some(tg.value);
                }
                ts.upsert(tg);
            });
        };
        let remove = move |_| {
            let sc = scope.get_untracked();
            state.targets.update(|ts| ts.remove(kpi, &sc));
        };
        let input = move |bound: &'static str| {
            let shown = move || {
                current().map_or_else(String::new, |t| {
                    let v = if bound == "max" && t.comparator == Comparator::Between {
                        t.value_max.unwrap_or(t.value)
                    } else {
                        t.value
                    };
                    format!("{}", unit.to_shown(v))
                })
            };
            let placeholder = move || {
                inherited().map_or_else(String::new, |t| {
                    let v = if bound == "max" && t.comparator == Comparator::Between {
                        t.value_max.unwrap_or(t.value)
                    } else {
                        t.value
                    };
                    format!("{}", unit.to_shown(v))
                })
            };
            view! {
                <input
                    type="text"
                    inputmode="decimal"
                    class="target-input"
                    data-target-kpi=kpi.as_str()
                    data-target-bound=bound
                    aria-label=move || format!("{} ({})", kpi_text::name(kpi, lang()), if bound == "min" { t(lang(), Msg::Min) } else { t(lang(), Msg::Max) })
                    prop:value=shown
                    placeholder=placeholder
                    on:input=move |ev| set_bound(bound, event_target_value(&ev))
                />
            }
        };
        view! {
            <tr>
                <th scope="row">{move || kpi_text::name(kpi, lang())}</th>
                <td>
                    <select
                        aria-label=move || t(lang(), Msg::Comparator)
                        on:change=move |ev| set_comparator(event_target_value(&ev))
                        prop:value=move || match comparator() { Comparator::AtLeast => "at_least", Comparator::AtMost => "at_most", Comparator::Between => "between" }
                    >
                        <option value="at_least">"≥"</option>
                        <option value="at_most">"≤"</option>
                        <option value="between">"↔"</option>
                    </select>
                </td>
                <td class="bounds">
                    {move || match comparator() {
                        Comparator::AtLeast => input("min").into_any(),
                        Comparator::AtMost => input("max").into_any(),
                        Comparator::Between => view! { {input("min")} " – " {input("max")} }.into_any(),
                    }}
                    <span class="unit">{move || unit.label(&state.prefs.with(|p| p.currency.clone()), lang())}</span>
                    {(unit == TargetUnit::Money && kpi == KpiId::MonthlySales).then(|| view! { <span class="unit">{move || t(lang(), Msg::PerMonth)}</span> })}
                    {move || suggesting.get().then(|| {
                        let text = suggestion(kpi).map_or_else(
                            || t(lang(), Msg::NoSuggestion).to_owned(),
                            |v| format!("{}: {} {}", t(lang(), Msg::Suggested), unit.to_shown(v), unit.label(&state.prefs.with(|p| p.currency.clone()), lang())),
                        );
                        view! { <span class="suggestion" data-suggested-kpi=kpi.as_str() data-suggested=crate::present::format::raw(suggestion(kpi))>{text}</span> }
                    })}
                </td>
                <td>
                    {move || (scope.get() != Scope::Team && current().is_some()).then(|| view! {
                        <button type="button" class="link" on:click=remove>{t(lang(), Msg::RemoveOverride)}</button>
                    })}
                </td>
            </tr>
        }
    };

    let import = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            match text.map(|s| Targets::from_json(&s)) {
                Some(Ok(mut ts)) => {
                    if ts.keep_last() > 0 {
                        let lang = state.lang();
                        state.notify(
                            format!("{}: {}", file.name(), t(lang, Msg::DuplicateTargets)),
                            false,
                        );
                    }
                    state.targets.set(ts);
                }
                Some(Err(e)) => state.notify(
                    format!(
                        "{}: {}",
                        file.name(),
                        kpi_text::targets_error(&e, state.lang())
                    ),
                    true,
                ),
                None => state.notify(
                    format!("{}: {}", file.name(), t(state.lang(), Msg::Unreadable)),
                    true,
                ),
            }
        });
    };

    view! {
        <section class="panel targets-panel" id="targets">
            <h2>{move || t(lang(), Msg::Targets)}</h2>
            <div class="toolbar">
                <label for="target-scope">{move || t(lang(), Msg::Scope)}</label>
                <select id="target-scope" on:change=move |ev| scope.set(scope_from_key(&event_target_value(&ev)))
                    prop:value=move || scope_key(&scope.get())>
                    <option value="team">{move || t(lang(), Msg::WholeTeam)}</option>
                    {move || team_list.get().into_iter().map(|x| view! { <option value=format!("team:{x}")>{format!("{}: {x}", t(lang(), Msg::Team))}</option> }).collect_view()}
                    {move || agent_list.get().into_iter().map(|x| view! { <option value=format!("agent:{x}")>{format!("{}: {x}", t(lang(), Msg::Agent))}</option> }).collect_view()}
                </select>
                <button type="button" class="button secondary" id="restore-presets" on:click=move |_| state.targets.set(Targets::presets())>
                    {move || t(lang(), Msg::RestorePresets)}
                </button>
                <button type="button" class="button secondary" data-action="suggest-targets" aria-pressed=move || suggesting.get().to_string()
                    on:click=move |_| suggesting.update(|s| *s = !*s)>
                    {move || t(lang(), Msg::Suggest)}
                </button>
                <button type="button" class="button secondary" on:click=move |_| {
                    let text = state.targets.with_untracked(Targets::to_json);
                    download_text("telesales-kpi-targets.json", "application/json", &text);
                }>
                    {move || t(lang(), Msg::Export)}
                </button>
                <label class="button secondary">
                    {move || t(lang(), Msg::Import)}
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
                </label>
            </div>
            {move || suggesting.get().then(|| view! {
                <div class="suggest-bar" role="region" aria-label=move || t(lang(), Msg::Suggest)>
                    <p>{move || t(lang(), Msg::SuggestNote)}</p>
                    <button type="button" class="button" data-apply-suggestions="" on:click=move |_| {
                        let suggestions = state.report.with_untracked(|r| r.suggested_targets.clone());
                        let sc = scope.get_untracked();
                        state.targets.update(|ts| { ts.apply_suggestions(&suggestions, &sc); });
                        suggesting.set(false);
                    }>{move || t(lang(), Msg::ApplySuggestions)}</button>
                    <button type="button" class="button secondary" on:click=move |_| suggesting.set(false)>
                        {move || t(lang(), Msg::Cancel)}
                    </button>
                </div>
            })}
            <table class="targets-table">
                <tbody>{KpiId::ALL.into_iter().map(row).collect_view()}</tbody>
            </table>
        </section>
    }
}
