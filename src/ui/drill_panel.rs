//! The drill-down list: the records behind a KPI card or an agent cell
//! (ANALYSES.md), as a modal dialog carrying `data-drill`, `data-count` and
//! `data-drill-agent`. Sorted by any column and read 50 rows a page by the
//! worker (a list of 10⁶ calls never reaches the page whole), exportable as
//! formula-safe CSV, closed with Esc or the close button; focus returns to
//! what opened it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use super::worker_client::send;
use crate::domain::kpi::Column;
use crate::present::drill::{cell_text, column_name};
use crate::present::i18n::{t, Msg};
use crate::present::kpi_text;
use crate::protocol::{DrillPage, DrillRequest, Request};

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

    // Remember what opened the list, reset paging and sorting.
    Effect::new(move |was_open: Option<bool>| {
        let open = state.drill.with(Option::is_some);
        if open && was_open != Some(true) {
            opener.set_value(active_element());
            state.drill_page.set(None);
            sort.set(None);
            page.set(0);
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

    // The list of the open request, sorted and paged by the worker.
    let seq = StoredValue::new(0u64);
    let list_request = move |offset: usize, limit: usize| {
        let request = state.drill.get_untracked()?;
        let s = seq.get_value() + 1;
        seq.set_value(s);
        Some(DrillRequest {
            seq: s,
            filter: state.filter.get_untracked(),
            kpi: request.kpi,
            agent: request.agent,
            sort: sort.get_untracked(),
            offset,
            limit,
        })
    };
    Effect::new(move |_| {
        state.drill.track();
        state.filter.track();
        state.files.track();
        sort.track();
        let offset = page.get() * PAGE;
        match list_request(offset, PAGE) {
            Some(r) => send(state, &Request::Drill(r)),
            None => state.drill_page.set(None),
        }
    });
    // The page of the open list last received (kept on screen while the
    // next page, or another sort, is on its way).
    let drill = Memo::new(move |_| {
        let request = state.drill.get()?;
        state
            .drill_page
            .get()
            .filter(|p| p.kpi == request.kpi && p.agent == request.agent)
    });
    // Focus the dialog once it shows.
    Effect::new(move |was_shown: Option<bool>| {
        let shown = drill.with(Option::is_some);
        if shown && was_shown != Some(true) {
            request_animation_frame(|| focus_by_id("drill-close"));
        }
        shown
    });

    let export = move |_| {
        let delimiter = state.prefs.with_untracked(|p| p.csv_delimiter);
        if let Some(list) = list_request(0, 0) {
            send(state, &Request::DrillCsv { list, delimiter });
        }
    };

    let body = move |d: &DrillPage| {
        let lang = lang();
        let currency = state.prefs.with(|p| p.currency.clone());
        let pages = d.count.div_ceil(PAGE).max(1);
        let current = d.offset / PAGE;
        let cells = d.rows.clone();
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
            let count = d.count;
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
