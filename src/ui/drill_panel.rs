//! The drill-down list: the records behind a KPI card or an agent cell
//! (ANALYSES.md), as a modal dialog carrying `data-drill`, `data-count` and
//! `data-drill-agent`. Sortable by any column, read 50 rows a page (a list of
//! 10⁶ calls costs one index per record), exportable as formula-safe CSV,
//! closed with Esc or the close button; focus returns to what opened it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::download_text;
use super::state::{AppState, Shared};
use crate::domain::kpi::{Column, Drill};
use crate::present::drill::{cell_text, column_name, drill_csv};
use crate::present::i18n::{t, Msg};
use crate::present::kpi_text;

/// Rows per page.
const PAGE: usize = 50;

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The dialog (rendered only while a list is open).
#[component]
#[allow(clippy::too_many_lines)] // one view: header, sortable table, pager, export
pub fn DrillPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let sort = RwSignal::new(None::<(Column, bool)>);
    let page = RwSignal::new(0usize);
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);

    // Remember what opened the list, reset paging and sorting, focus the dialog.
    Effect::new(move |was_open: Option<bool>| {
        let open = state.drill.with(Option::is_some);
        if open && was_open != Some(true) {
            opener.set_value(active_element());
            sort.set(None);
            page.set(0);
            request_animation_frame(|| focus_by_id("drill-close"));
        }
        open
    });
    let close = move || {
        state.drill.set(None);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let _esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.drill.with_untracked(Option::is_some) {
            ev.prevent_default();
            close();
        }
    });

    let drill = Memo::new(move |_| {
        let request = state.drill.get()?;
        let engine = state.engine.get();
        let mut drill = state
            .period_filter
            .with(|f| engine.drill(f, request.kpi, request.agent.as_deref()));
        if let Some((column, descending)) = sort.get() {
            engine.sort_drill(&mut drill, column, descending);
        }
        Some(Shared(std::sync::Arc::new(drill)))
    });

    let export = move |_| {
        let Some(d) = drill.get_untracked() else {
            return;
        };
        let engine = state.engine.get_untracked();
        let delimiter = state.prefs.with_untracked(|p| p.csv_delimiter);
        let rows = d.rows.iter().map(|&r| {
            d.columns
                .iter()
                .map(|&c| engine.cell(d.kind, r, c))
                .collect()
        });
        let text = drill_csv(&d.columns, rows, delimiter);
        download_text(
            &format!("{}-records.csv", d.kpi.as_str()),
            "text/csv",
            &text,
        );
    };

    let body = move |d: &Drill| {
        let lang = lang();
        let currency = state.prefs.with(|p| p.currency.clone());
        let engine = state.engine.get();
        let pages = d.rows.len().div_ceil(PAGE).max(1);
        let current = page.get().min(pages - 1);
        let cells = engine.drill_page(d, current * PAGE, PAGE);
        let columns = d.columns.clone();
        let header = columns
            .iter()
            .map(|&c| {
                let aria = move || match sort.get() {
                    Some((k, true)) if k == c => "descending",
                    Some((k, false)) if k == c => "ascending",
                    _ => "none",
                };
                view! {
                    <th scope="col" aria-sort=aria>
                        <button type="button" class="sort" on:click=move |_| {
                            sort.update(|s| *s = Some(match *s { Some((k, desc)) if k == c => (c, !desc), _ => (c, false) }));
                            page.set(0);
                        }>{column_name(c, lang)}</button>
                    </th>
                }
            })
            .collect_view();
        let rows = cells
            .into_iter()
            .map(|row| {
                let tds = row
                    .iter()
                    .zip(&columns)
                    .map(|(cell, &c)| view! { <td>{cell_text(cell, c, &currency, lang)}</td> })
                    .collect_view();
                view! { <tr>{tds}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-scroll drill-scroll" tabindex="0">
                <table class="drill-table">
                    <thead><tr>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="pager">
                <button type="button" class="button secondary" disabled=current == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{t(lang, Msg::PrevPage)}</button>
                <span>{format!("{} {} {} {pages}", t(lang, Msg::PageOf), current + 1, t(lang, Msg::Of))}</span>
                <button type="button" class="button secondary" disabled=current + 1 >= pages
                    on:click=move |_| page.update(|p| *p += 1)>{t(lang, Msg::NextPage)}</button>
            </div>
        }
    };

    view! {
        {move || drill.get().map(|d| {
            let lang = lang();
            let title = format!(
                "{}: {}{}",
                t(lang, Msg::DrillTitle),
                kpi_text::name(d.kpi, lang),
                d.agent.as_ref().map(|a| format!(" — {a}")).unwrap_or_default()
            );
            let count = d.rows.len();
            view! {
                <div class="drill-backdrop" on:click=move |_| close()></div>
                <div
                    class="drill-dialog panel"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="drill-title"
                    data-drill=d.kpi.as_str()
                    data-count=count.to_string()
                    data-drill-agent=d.agent.clone()
                >
                    <div class="drill-head">
                        <h2 id="drill-title">{title}</h2>
                        <p class="drill-count">{format!("{count} {}", t(lang, Msg::Records))}</p>
                        <button type="button" class="button secondary" data-action="drill-export" on:click=export>
                            {t(lang, Msg::ExportRecords)}
                        </button>
                        <button type="button" id="drill-close" class="button" on:click=move |_| close()>
                            {t(lang, Msg::Close)}
                        </button>
                    </div>
                    {body(&d)}
                </div>
            }
        })}
    }
}
