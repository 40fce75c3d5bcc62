//! The share link (KPIS.md "Page"): targets and settings, never data, in the
//! URL fragment `#config=<base64url without padding of UTF-8 JSON
//! {"version": 1, "targets": [...], "settings": {...}}>`.
//!
//! [`encode`] writes a fragment, [`decode`] reads and validates one: the
//! targets go through the targets-file validation ([`Targets::from_json`]),
//! and a KPI and scope listed twice keeps only the last one (counted in
//! [`SharedConfig::duplicates`] so the page can say so). Anything that doesn't
//! decode is a typed [`ShareError`]; [`changes`] lists, in words, what applying
//! a decoded link would change.
//!
//! ```
//! use telesales_kpi::domain::kpi::targets::Targets;
//! use telesales_kpi::present::share_link::{decode, encode, SharedSettings};
//! let settings = SharedSettings { callback_days: Some(5), ..SharedSettings::default() };
//! let fragment = encode(&Targets::presets(), &settings);
//! assert!(fragment.starts_with("config="));
//! let back = decode(&fragment).unwrap();
//! assert_eq!(back.targets, Some(Targets::presets()));
//! assert_eq!(back.settings, settings);
//! ```

use std::fmt;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::format::{money, number, Currency};
use super::i18n::Lang;
use super::kpi_text::{self, TargetUnit};
use crate::domain::kpi::targets::{
    is_version_one, Comparator, Scope, Target, Targets, TargetsError,
};
use crate::domain::kpi::KpiId;
use crate::domain::model::time::{format_utc_offset, parse_utc_offset};

/// The fragment's prefix (after `#`).
pub const PREFIX: &str = "config=";

/// Longest fragment read (a link holding every target of 50 agents fits).
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// Reads base64url with or without padding (links get padded by some tools).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The settings a link may carry, each optional (absent: left as it is).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SharedSettings {
    /// `language`: page language.
    pub language: Option<Lang>,
    /// `utc_offset` (`+07:00`), in minutes east of UTC.
    pub utc_offset_minutes: Option<i32>,
    /// `short_abandon_seconds`.
    pub short_abandon_seconds: Option<f64>,
    /// `callback_days`.
    pub callback_days: Option<u32>,
    /// `country_code` (digits).
    pub country_code: Option<String>,
    /// `extension_max_digits`.
    pub extension_max_digits: Option<u32>,
    /// `service_level_seconds`.
    pub service_level_seconds: Option<f64>,
    /// `currency` (ISO code, upper case).
    pub currency: Option<String>,
    /// `csv_delimiter` (`;` or `,`).
    pub csv_delimiter: Option<char>,
}

/// A decoded, validated link.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedConfig {
    /// The targets to put in place of the page's (`None`: the link has none).
    pub targets: Option<Targets>,
    /// The settings to change.
    pub settings: SharedSettings,
    /// Targets dropped because a later one had the same KPI and scope.
    pub duplicates: usize,
    /// Settings keys the page does not know (ignored).
    pub unknown_settings: Vec<String>,
}

/// Why a fragment can't be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// The fragment is not a `config=` link (e.g. an in-page anchor).
    NotALink,
    /// Longer than [`MAX_FRAGMENT`].
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// Not base64url.
    NotBase64 {
        /// What the decoder said.
        reason: String,
    },
    /// The decoded bytes are not UTF-8.
    NotUtf8,
    /// Not JSON, or not a JSON object; with the position (from 1).
    BadJson {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// A `version` other than 1.
    UnsupportedVersion(String),
    /// `targets` is not a valid targets list.
    Targets(TargetsError),
    /// A setting whose value is not allowed.
    BadSetting {
        /// The key.
        key: &'static str,
        /// The value found (JSON).
        value: String,
    },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "not a configuration link"),
            ShareError::TooLong { len } => {
                write!(
                    f,
                    "the link is too long ({len} bytes, at most {MAX_FRAGMENT})"
                )
            }
            ShareError::NotBase64 { reason } => write!(f, "not base64url: {reason}"),
            ShareError::NotUtf8 => write!(f, "the decoded text is not UTF-8"),
            ShareError::BadJson {
                line,
                column,
                message,
            } => write!(f, "bad JSON at line {line}, column {column}: {message}"),
            ShareError::UnsupportedVersion(v) => {
                write!(f, "unsupported version {v} (expected 1)")
            }
            ShareError::Targets(e) => write!(f, "{e}"),
            ShareError::BadSetting { key, value } => {
                write!(f, "setting {key} cannot be {value}")
            }
        }
    }
}

impl std::error::Error for ShareError {}

impl ShareError {
    /// Why the link was refused, in `lang` (the technical detail after a colon).
    ///
    /// ```
    /// use telesales_kpi::present::{i18n::Lang, share_link::decode};
    /// let e = decode("config=%%").unwrap_err();
    /// assert!(e.reason(Lang::Id).starts_with("tautan rusak"));
    /// ```
    pub fn reason(&self, lang: Lang) -> String {
        let (en, id) = match self {
            ShareError::NotALink => ("not a configuration link", "bukan tautan konfigurasi"),
            ShareError::TooLong { .. } => ("the link is too long", "tautan terlalu panjang"),
            ShareError::NotBase64 { .. } | ShareError::NotUtf8 | ShareError::BadJson { .. } => (
                "the link is damaged (cut or altered)",
                "tautan rusak (terpotong atau diubah)",
            ),
            ShareError::UnsupportedVersion(_) => (
                "the link comes from another version",
                "tautan berasal dari versi lain",
            ),
            ShareError::Targets(_) => ("its targets are not valid", "targetnya tidak valid"),
            ShareError::BadSetting { .. } => (
                "one of its settings is not valid",
                "salah satu pengaturannya tidak valid",
            ),
        };
        let words = match lang {
            Lang::En => en,
            Lang::Id => id,
        };
        format!("{words}: {self}")
    }
}

impl SharedSettings {
    /// The settings as the link writes them (absent keys left out).
    fn written(&self) -> WrittenSettings {
        WrittenSettings {
            callback_days: self.callback_days,
            country_code: self.country_code.clone(),
            csv_delimiter: self.csv_delimiter.map(String::from),
            currency: self.currency.clone(),
            extension_max_digits: self.extension_max_digits,
            language: self.language.map(|l| l.tag().to_owned()),
            service_level_seconds: self.service_level_seconds,
            short_abandon_seconds: self.short_abandon_seconds,
            utc_offset: self.utc_offset_minutes.map(format_utc_offset),
        }
    }

    /// Each setting that is set, by key in alphabetical order, with its value
    /// as a person reads it (a text without quotes, a number as JSON writes it).
    fn shown(&self) -> Vec<(&'static str, String)> {
        let w = self.written();
        let number = |v: f64| serde_json::to_string(&v).unwrap_or_default();
        [
            ("callback_days", w.callback_days.map(|v| v.to_string())),
            ("country_code", w.country_code),
            ("csv_delimiter", w.csv_delimiter),
            ("currency", w.currency),
            (
                "extension_max_digits",
                w.extension_max_digits.map(|v| v.to_string()),
            ),
            ("language", w.language),
            ("service_level_seconds", w.service_level_seconds.map(number)),
            ("short_abandon_seconds", w.short_abandon_seconds.map(number)),
            ("utc_offset", w.utc_offset),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }

    /// Reads the link's settings object; unknown keys are returned apart.
    fn from_json(
        obj: &BTreeMap<String, Box<RawValue>>,
    ) -> Result<(SharedSettings, Vec<String>), ShareError> {
        let mut s = SharedSettings::default();
        let mut unknown = Vec::new();
        for (key, value) in obj {
            let bad = |key: &'static str| ShareError::BadSetting {
                key,
                value: value.get().chars().take(80).collect(),
            };
            let seconds = |key| {
                serde_json::from_str::<f64>(value.get())
                    .ok()
                    .filter(|v| v.is_finite() && (0.0..=86_400.0).contains(v))
                    .ok_or_else(|| bad(key))
            };
            let whole = |key, max: u64| {
                serde_json::from_str::<u64>(value.get())
                    .ok()
                    .filter(|v| *v <= max)
                    .map(|v| v as u32)
                    .ok_or_else(|| bad(key))
            };
            let text = serde_json::from_str::<String>(value.get()).ok();
            let text = text.as_deref();
            match key.as_str() {
                "language" => {
                    s.language = Some(match text {
                        Some("id") => Lang::Id,
                        Some("en") => Lang::En,
                        _ => return Err(bad("language")),
                    });
                }
                "utc_offset" => {
                    s.utc_offset_minutes = Some(
                        text.and_then(parse_utc_offset)
                            .ok_or_else(|| bad("utc_offset"))?,
                    );
                }
                "short_abandon_seconds" => {
                    s.short_abandon_seconds = Some(seconds("short_abandon_seconds")?);
                }
                "service_level_seconds" => {
                    s.service_level_seconds = Some(seconds("service_level_seconds")?);
                }
                "callback_days" => s.callback_days = Some(whole("callback_days", 365)?),
                "extension_max_digits" => {
                    let v = whole("extension_max_digits", 15)?;
                    if v == 0 {
                        return Err(bad("extension_max_digits"));
                    }
                    s.extension_max_digits = Some(v);
                }
                "country_code" => {
                    let code = text
                        .map(|t| t.trim().trim_start_matches('+'))
                        .filter(|t| {
                            (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
                        })
                        .ok_or_else(|| bad("country_code"))?;
                    s.country_code = Some(code.to_owned());
                }
                "currency" => {
                    let code = text
                        .map(str::trim)
                        .filter(|t| t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()))
                        .ok_or_else(|| bad("currency"))?;
                    s.currency = Some(code.to_ascii_uppercase());
                }
                "csv_delimiter" => {
                    s.csv_delimiter = Some(match text {
                        Some(";") => ';',
                        Some(",") => ',',
                        _ => return Err(bad("csv_delimiter")),
                    });
                }
                other => unknown.push(other.chars().take(40).collect()),
            }
        }
        Ok((s, unknown))
    }
}

/// The fragment (without `#`) of a link carrying `targets` and `settings`.
pub fn encode(targets: &Targets, settings: &SharedSettings) -> String {
    let settings = serde_json::to_string(&settings.written()).unwrap_or_default();
    let json = format!(
        r#"{{"settings":{settings},"targets":{},"version":1}}"#,
        targets.list_json()
    );
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(json))
}

/// The settings as a link writes them: keys in alphabetical order, the
/// absent ones left out.
#[derive(Serialize)]
struct WrittenSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    callback_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    csv_delimiter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension_max_digits: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    service_level_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_abandon_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    utc_offset: Option<String>,
}

/// A link's object with each part kept as written, read further part by part
/// (`null` reads as absent; other keys are ignored).
#[derive(Deserialize)]
struct LinkParts {
    #[serde(default)]
    version: Option<Box<RawValue>>,
    #[serde(default)]
    targets: Option<Box<RawValue>>,
    #[serde(default)]
    settings: Option<Box<RawValue>>,
}

/// Whether a JSON text is an object (by its first character).
fn is_object(json: &str) -> bool {
    json.trim_start().starts_with('{')
}

/// Reads a fragment (with or without its `#`).
pub fn decode(fragment: &str) -> Result<SharedConfig, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(payload) = fragment.strip_prefix(PREFIX) else {
        return Err(ShareError::NotALink);
    };
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong {
            len: fragment.len(),
        });
    }
    let bytes = LENIENT
        .decode(payload.trim())
        .map_err(|e| ShareError::NotBase64 {
            reason: e.to_string(),
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)?;
    let bad_json = |e: serde_json::Error| ShareError::BadJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    // A JSON array would read as the object's fields in order.
    let parts: LinkParts = if is_object(&text) {
        serde_json::from_str(&text).map_err(bad_json)?
    } else {
        serde_json::from_str::<serde::de::IgnoredAny>(&text).map_err(bad_json)?;
        return Err(ShareError::BadJson {
            line: 1,
            column: 1,
            message: "expected a JSON object".into(),
        });
    };
    match &parts.version {
        None => {}
        Some(v) if is_version_one(v) => {}
        Some(v) => {
            return Err(ShareError::UnsupportedVersion(
                v.get().chars().take(40).collect(),
            ))
        }
    }
    let (targets, duplicates) = match &parts.targets {
        None => (None, 0),
        Some(list) => {
            let file = format!(r#"{{"targets":{},"version":1}}"#, list.get());
            let all = Targets::from_json(&file).map_err(ShareError::Targets)?;
            let (kept, dropped) = keep_last(all);
            (Some(kept), dropped)
        }
    };
    let (settings, unknown_settings) = match &parts.settings {
        None => (SharedSettings::default(), Vec::new()),
        Some(s) if is_object(s.get()) => {
            SharedSettings::from_json(&serde_json::from_str(s.get()).map_err(bad_json)?)?
        }
        Some(_) => {
            return Err(ShareError::BadJson {
                line: 1,
                column: 1,
                message: "settings must be an object".into(),
            })
        }
    };
    Ok(SharedConfig {
        targets,
        settings,
        duplicates,
        unknown_settings,
    })
}

/// Keeps only the last target of each KPI and scope, in file order; returns
/// them with the number dropped.
///
/// ```
/// use telesales_kpi::domain::kpi::KpiId;
/// use telesales_kpi::domain::kpi::targets::{Comparator, Target, Targets};
/// use telesales_kpi::present::share_link::keep_last;
/// let t = |v| Target::team(KpiId::CallbackRate, Comparator::AtLeast, v, None);
/// let (kept, dropped) = keep_last(Targets { targets: vec![t(0.1), t(0.3)] });
/// assert_eq!((kept.targets, dropped), (vec![t(0.3)], 1));
/// ```
pub fn keep_last(targets: Targets) -> (Targets, usize) {
    let total = targets.targets.len();
    let mut kept: Vec<Target> = Vec::with_capacity(total);
    for t in targets.targets.into_iter().rev() {
        if !kept.iter().any(|k| k.kpi == t.kpi && k.scope == t.scope) {
            kept.push(t);
        }
    }
    kept.reverse();
    let dropped = total - kept.len();
    (Targets { targets: kept }, dropped)
}

/// One change a link would make, in words: what, before, after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The target or setting.
    pub what: String,
    /// Its current form ("–" when none).
    pub before: String,
    /// Its form after applying the link ("–" when removed).
    pub after: String,
}

/// What applying `config` to the page's `targets` and `settings` (all keys
/// set) would change, in `lang`.
pub fn changes(
    config: &SharedConfig,
    targets: &Targets,
    settings: &SharedSettings,
    lang: Lang,
) -> Vec<Change> {
    let currency = Currency {
        code: settings.currency.clone().unwrap_or_else(|| "IDR".into()),
    };
    let mut out = Vec::new();
    if let Some(new) = &config.targets {
        let mut keys: Vec<(KpiId, Scope)> = Vec::new();
        for t in targets.targets.iter().chain(&new.targets) {
            let key = (t.kpi, t.scope.clone());
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        for (kpi, scope) in keys {
            let before = targets
                .find(kpi, &scope)
                .map(|t| bound_text(t, &currency, lang));
            let after = new
                .find(kpi, &scope)
                .map(|t| bound_text(t, &currency, lang));
            if before != after {
                out.push(Change {
                    what: format!(
                        "{} — {}",
                        kpi_text::name(kpi, lang),
                        scope_text(&scope, lang)
                    ),
                    before: before.unwrap_or_else(|| "–".into()),
                    after: after.unwrap_or_else(|| "–".into()),
                });
            }
        }
    }
    let now = settings.shown();
    for (key, after) in config.settings.shown() {
        let before = now
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| "–".into(), |(_, v)| v.clone());
        if before != after {
            out.push(Change {
                what: setting_name(key, lang).to_owned(),
                before,
                after,
            });
        }
    }
    out
}

fn setting_name(key: &str, lang: Lang) -> &str {
    let (en, id) = match key {
        "language" => ("Language", "Bahasa"),
        "utc_offset" => ("Time zone (UTC offset)", "Zona waktu (selisih UTC)"),
        "short_abandon_seconds" => ("Short abandon (s)", "Ditinggalkan singkat (detik)"),
        "callback_days" => ("Callback window (days)", "Jendela panggilan balik (hari)"),
        "country_code" => ("Country code", "Kode negara"),
        "extension_max_digits" => ("Longest PBX extension", "Ekstensi PBX terpanjang"),
        "service_level_seconds" => ("Service level (s)", "Tingkat layanan (detik)"),
        "currency" => ("Currency", "Mata uang"),
        "csv_delimiter" => ("CSV export delimiter", "Pemisah ekspor CSV"),
        other => (other, other),
    };
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

fn scope_text(scope: &Scope, lang: Lang) -> String {
    match (scope, lang) {
        (Scope::Team, Lang::En) => "whole team".into(),
        (Scope::Team, Lang::Id) => "seluruh tim".into(),
        (Scope::RosterTeam(t), Lang::En) => format!("team {t}"),
        (Scope::RosterTeam(t), Lang::Id) => format!("tim {t}"),
        (Scope::Agent(a), Lang::En) => format!("agent {a}"),
        (Scope::Agent(a), Lang::Id) => format!("agen {a}"),
    }
}

/// "≥ 60 %", "≤ 120 min", "4 – 6 min" in the targets editor's units.
fn bound_text(t: &Target, currency: &Currency, lang: Lang) -> String {
    let unit = kpi_text::target_unit(t.kpi);
    let shown = |v: f64| match unit {
        TargetUnit::Money => money(v, currency, lang),
        _ => format!(
            "{} {}",
            number(unit.to_shown(v), 2, lang)
                .trim_end_matches('0')
                .trim_end_matches(['.', ',']),
            unit.label(currency, lang)
        ),
    };
    match t.comparator {
        Comparator::AtLeast => format!("≥ {}", shown(t.value)),
        Comparator::AtMost => format!("≤ {}", shown(t.value)),
        Comparator::Between => format!(
            "{} – {}",
            shown(t.value),
            shown(t.value_max.unwrap_or(t.value))
        ),
    }
}
