//! The 15 KPI cards: value, the target that judged it, status (colour + icon +
//! word), change vs the previous period, and the definition on hover and
//! focus. Everything shown comes decided from the report.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;

use super::state::{AppState, DrillRequest};
use crate::domain::kpi::{KpiId, KpiValue};
use crate::present::format::raw;
use crate::present::i18n::{t, Msg};
use crate::present::kpi_text::{self, change_text, status_badge};

/// How many cards the first of the grid's two mounts shows.
const FIRST_CARDS: usize = 8;

/// The grid of cards for the current scope: the first [`FIRST_CARDS`] at
/// once, the rest once `all` holds (the dashboard raises it a frame later,
/// so neither task lays out all 15).
#[component]
pub fn KpiCards(#[prop(into)] all: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (first, rest): (&'static [KpiId], &'static [KpiId]) = KpiId::ALL.split_at(FIRST_CARDS);
    view! {
        <section class="kpi-grid" aria-label=move || t(state.lang(), Msg::Kpis)>
            {first.iter().map(|&id| view! { <KpiCard id=id /> }).collect_view()}
            <Show when=move || all.get()>
                {rest.iter().map(|&id| view! { <KpiCard id=id /> }).collect_view()}
            </Show>
        </section>
    }
}

/// `data-extra-<name>` of every extra of a card (ANALYSES.md "Page").
fn extra_attributes(kv: &KpiValue) -> Vec<AnyAttribute> {
    kv.extras
        .iter()
        .map(|(k, v)| {
            custom_attribute(format!("data-extra-{}", k.as_str()), raw(*v)).into_any_attr()
        })
        .collect()
}

/// Whether a key press activates a focused card or cell (Enter or Space).
pub fn activates(ev: &leptos::ev::KeyboardEvent) -> bool {
    matches!(ev.key().as_str(), "Enter" | " ")
}

/// `data-bound-min` / `data-bound-max` of a judged value (KPIS.md "Page").
pub fn bounds(kv: &KpiValue) -> (String, String) {
    let t = kv.target.as_ref();
    (
        raw(t.and_then(crate::domain::kpi::targets::Target::bound_min)),
        raw(t.and_then(crate::domain::kpi::targets::Target::bound_max)),
    )
}

#[component]
fn KpiCard(id: KpiId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kv = Memo::new(move |_| state.report.with(|r| r.kpis.get(id).clone()));
    let def_id = format!("def-{}", id.as_str());
    view! {
        {move || {
            let lang = state.lang();
            let currency = state.prefs.with(|p| p.currency.clone());
            let v = kv.get();
            let (icon, word) = status_badge(v.status, lang);
            let shown = v.value.map(|x| kpi_text::format_value(id, x, &currency, lang));
            let target = v.target.as_ref().map(|tg| {
                format!(
                    " · {} {} ({})",
                    t(lang, Msg::Target),
                    kpi_text::target_text(id, tg, &currency, lang),
                    kpi_text::target_owner(tg, lang)
                )
            });
            let prev = v.previous.map(|p| kpi_text::format_value(id, p, &currency, lang));
            let change = change_text(id, v.value, v.previous, lang);
            let extra = extra_line(id, &v, &currency, lang);
            let (min, max) = bounds(&v);
            let extras = extra_attributes(&v);
            let open = move || state.drill.set(Some(DrillRequest { kpi: id, agent: None }));
            view! {
                <article
                    role="button"
                    aria-haspopup="dialog"
                    on:click=move |_| open()
                    on:keydown=move |ev| if activates(&ev) { ev.prevent_default(); open(); }
                    class=format!("kpi-card status-{}", v.status.as_str())
                    data-kpi=id.as_str()
                    data-value=raw(v.value)
                    data-status=v.status.as_str()
                    data-previous=raw(v.previous)
                    data-bound-min=min
                    data-bound-max=max
                    tabindex="0"
                    title=kpi_text::definition(id, lang)
                    aria-describedby=def_id.clone()
                >
                    <h3 class="kpi-name">{kpi_text::name(id, lang)}</h3>
                    <p class="kpi-value">
                        {match shown {
                            Some(s) => s,
                            None => "–".to_owned(),
                        }}
                    </p>
                    {v.value.is_none().then(|| view! { <p class="kpi-reason">{kpi_text::needs(id, lang)}</p> })}
                    {extra.map(|e| view! { <p class="kpi-extra">{e}</p> })}
                    <p class="kpi-status">
                        <span class="badge" aria-hidden="true">{icon}</span>
                        " "
                        <span>{word}</span>
                        {target.map(|tt| view! { <span class="kpi-target">{tt}</span> })}
                    </p>
                    <p class="kpi-previous">
                        {format!(
                            "{}: {}",
                            t(lang, Msg::Previous),
                            prev.unwrap_or_else(|| "–".to_owned()),
                        )}
                        {change.map(|c| view! { <span class="kpi-change">{format!(" {c}")}</span> })}
                    </p>
                    <p class="kpi-def" id=def_id.clone()>{kpi_text::definition(id, lang)}</p>
                </article>
            }
            .add_any_attr(extras)
        }}
    }
}

/// The KPI's most telling extra figure, as a short line: what its target
/// judges when that is not the value, else its first extra.
fn extra_line(
    id: KpiId,
    kv: &KpiValue,
    currency: &crate::present::format::Currency,
    lang: crate::present::i18n::Lang,
) -> Option<String> {
    if id.judged_extra().is_some() {
        return kv
            .judged
            .map(|j| kpi_text::format_judged(id, j, currency, lang));
    }
    let first = *id.extras().first()?;
    kv.extra(first)
        .map(|v| kpi_text::extra_text(first, v, currency, lang))
}
