//! Settings: language, UTC offset, short-abandon threshold, callback window,
//! country code, longest PBX extension, service level, currency, CSV
//! delimiter. Persisted with the other prefs; a share link carries them all.

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::model::time::{format_utc_offset, parse_utc_offset};
use crate::present::i18n::{t, Lang, Msg};

/// The settings panel.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang();
    let prefs = state.prefs;
    view! {
        <section class="panel settings-panel" id="settings">
            <h2>{move || t(lang(), Msg::Settings)}</h2>
            <div class="settings-grid">
                <div class="field">
                    <label for="set-lang">{move || t(lang(), Msg::Language)}</label>
                    <select id="set-lang" prop:value=move || lang().tag() on:change=move |ev| {
                        let l = if event_target_value(&ev) == "id" { Lang::Id } else { Lang::En };
                        prefs.update(|p| p.lang = l);
                    }>
                        <option value="id">"Bahasa Indonesia"</option>
                        <option value="en">"English"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="set-utc">{move || t(lang(), Msg::UtcOffset)}</label>
                    <input id="set-utc" type="text" prop:value=move || format_utc_offset(prefs.with(|p| p.utc_offset_minutes))
                        on:change=move |ev| {
                            if let Some(m) = parse_utc_offset(&event_target_value(&ev)) {
                                prefs.update(|p| p.utc_offset_minutes = m);
                            }
                        } />
                </div>
                <div class="field">
                    <label for="set-abandon">{move || t(lang(), Msg::ShortAbandon)}</label>
                    <input id="set-abandon" type="number" min="0" step="1" prop:value=move || prefs.with(|p| p.short_abandon_seconds).to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                                if v.is_finite() && v >= 0.0 { prefs.update(|p| p.short_abandon_seconds = v); }
                            }
                        } />
                </div>
                <div class="field">
                    <label for="set-callback">{move || t(lang(), Msg::CallbackDays)}</label>
                    <input id="set-callback" type="number" min="0" step="1" prop:value=move || prefs.with(|p| p.callback_days).to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() { prefs.update(|p| p.callback_days = v); }
                        } />
                </div>
                <div class="field">
                    <label for="set-country">{move || t(lang(), Msg::CountryCode)}</label>
                    <input id="set-country" type="text" inputmode="numeric" prop:value=move || prefs.with(|p| p.country_code.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().trim_start_matches('+').to_owned();
                            if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
                                prefs.update(|p| p.country_code = v);
                            }
                        } />
                </div>
                <div class="field">
                    <label for="set-extension">{move || t(lang(), Msg::ExtensionDigits)}</label>
                    <input id="set-extension" type="number" min="1" max="15" step="1" prop:value=move || prefs.with(|p| p.extension_max_digits).to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                                if (1..=15).contains(&v) {
                                    prefs.update(|p| p.extension_max_digits = v);
                                }
                            }
                        } />
                </div>
                <div class="field">
                    <label for="set-service-level">{move || t(lang(), Msg::ServiceLevel)}</label>
                    <input id="set-service-level" type="number" min="0" step="1" prop:value=move || prefs.with(|p| p.service_level_seconds).to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                                if v.is_finite() && v >= 0.0 { prefs.update(|p| p.service_level_seconds = v); }
                            }
                        } />
                </div>
                <div class="field">
                    <label for="set-currency">{move || t(lang(), Msg::Currency)}</label>
                    <input id="set-currency" type="text" maxlength="3" prop:value=move || prefs.with(|p| p.currency.code.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().to_ascii_uppercase();
                            if v.len() == 3 && v.bytes().all(|b| b.is_ascii_alphabetic()) { prefs.update(|p| p.currency.code = v); }
                        } />
                </div>
                <div class="field">
                    <label for="set-delim">{move || t(lang(), Msg::CsvDelimiter)}</label>
                    <select id="set-delim" prop:value=move || prefs.with(|p| p.csv_delimiter.to_string()) on:change=move |ev| {
                        let c = if event_target_value(&ev) == "," { ',' } else { ';' };
                        prefs.update(|p| p.csv_delimiter = c);
                    }>
                        <option value=";">"; (Excel ID/EU)"</option>
                        <option value=",">", (Excel EN)"</option>
                    </select>
                </div>
                <super::remembered::RememberedSettings />
            </div>
        </section>
    }
}
