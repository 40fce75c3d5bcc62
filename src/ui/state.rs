//! The page's reactive state: one signal per concern, and the memos derived
//! from them (the merged dataset, the report). Components read it from context.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ingest::remembered::RememberedMappings;
use crate::domain::ingest::{FileError, ParseOptions, ParsedFile};
use crate::domain::kpi::targets::Targets;
use crate::domain::kpi::{Engine, Filter, Period, Report, Settings};
use crate::domain::model::Dataset;
use crate::present::format::Currency;
use crate::present::i18n::Lang;

/// A value shared by reference; equal only to itself, so a memo holding it
/// notifies on every recomputation without comparing big data.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The user's settings, kept in local storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Page language.
    pub lang: Lang,
    /// Report time zone, minutes east of UTC.
    pub utc_offset_minutes: i32,
    /// Country code for phone numbers starting with 0.
    pub country_code: String,
    /// Abandoned calls shorter than this are ignored.
    pub short_abandon_seconds: f64,
    /// Callback window in days.
    pub callback_days: u32,
    /// Service level threshold, seconds.
    pub service_level_seconds: f64,
    /// Currency amounts are shown in.
    pub currency: Currency,
    /// Delimiter of the KPI report CSV export.
    pub csv_delimiter: char,
    /// Longest number that is a PBX extension.
    pub extension_max_digits: u32,
}

impl Default for Prefs {
    /// The domain's defaults (the command line's), in English.
    fn default() -> Self {
        let (parse, kpi) = (ParseOptions::default(), Settings::default());
        Prefs {
            lang: Lang::En,
            utc_offset_minutes: parse.utc_offset_minutes,
            country_code: parse.country_code,
            short_abandon_seconds: kpi.short_abandon_seconds,
            callback_days: kpi.callback_days,
            service_level_seconds: kpi.service_level_seconds,
            currency: Currency::default(),
            csv_delimiter: ';',
            extension_max_digits: parse.extension_max_digits as u32,
        }
    }
}

impl Prefs {
    /// The KPI engine's settings.
    pub fn kpi_settings(&self) -> Settings {
        Settings {
            short_abandon_seconds: self.short_abandon_seconds,
            callback_days: self.callback_days,
            service_level_seconds: self.service_level_seconds,
            ..Settings::default()
        }
    }

    /// The parser options these settings imply.
    pub fn parse_options(&self) -> ParseOptions {
        ParseOptions {
            utc_offset_minutes: self.utc_offset_minutes,
            country_code: self.country_code.clone(),
            extension_max_digits: self.extension_max_digits as usize,
            ..ParseOptions::default()
        }
    }
}

/// One loaded file: its bytes (kept to re-apply a mapping without reading the
/// file again), the options it was parsed with, and the outcome.
#[derive(Clone, Debug)]
pub struct FileEntry {
    /// Unique within the page session.
    pub id: u64,
    /// Bumped at each re-parse, so the list redraws the entry.
    pub revision: u64,
    /// The file's name.
    pub name: String,
    /// Hash of the bytes (same bytes twice → kept once).
    pub hash: u64,
    /// The raw bytes.
    pub bytes: Arc<Vec<u8>>,
    /// Options (kind, mapping, conventions) the user set for this file.
    pub options: ParseOptions,
    /// The parsed file, or why it can't be used.
    pub outcome: Result<Arc<ParsedFile>, FileError>,
    /// The sheet, when the entry is one sheet of a workbook.
    pub sheet: Option<String>,
    /// When a remembered mapping was applied: the options it replaced (undo).
    pub undo: Option<ParseOptions>,
}

/// Progress of the file being read.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// File name.
    pub name: String,
    /// Bytes read so far.
    pub bytes: u64,
    /// Size of the file.
    pub total: u64,
    /// Records decoded so far.
    pub rows: usize,
    /// Position of this file in the batch (1-based) and the batch size.
    pub index: (usize, usize),
}

/// A message for the user above the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id (for dismissal).
    pub id: u64,
    /// Text, already translated.
    pub text: String,
    /// Warnings are amber, errors red.
    pub error: bool,
}

/// Which drill-down list is open: a KPI card's, or an agent cell's.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillRequest {
    /// The KPI.
    pub kpi: crate::domain::kpi::KpiId,
    /// The agent of an agent-table cell.
    pub agent: Option<String>,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Settings (persisted).
    pub prefs: RwSignal<Prefs>,
    /// Loaded files.
    pub files: RwSignal<Vec<FileEntry>>,
    /// Targets (persisted).
    pub targets: RwSignal<Targets>,
    /// Period and scope filters.
    pub filter: RwSignal<Filter>,
    /// The file being read, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// Set to stop reading files.
    pub cancel: RwSignal<bool>,
    /// Messages for the user.
    pub notices: RwSignal<Vec<Notice>>,
    /// Kinds and columns chosen per header (persisted, see `remembered`).
    pub mappings: RwSignal<RememberedMappings>,
    /// The KPI selected for the charts.
    pub chart_kpi: RwSignal<crate::domain::kpi::KpiId>,
    /// The drill-down list shown, if any.
    pub drill: RwSignal<Option<DrillRequest>>,
    /// All usable files merged.
    pub dataset: Memo<Shared<Dataset>>,
    /// The KPI engine over the dataset (linking done once per dataset/settings).
    pub engine: Memo<Shared<Engine>>,
    /// The filter the report uses: `filter` with the page's default period
    /// (the month of the latest dated record) when no day is chosen.
    pub period_filter: Memo<Filter>,
    /// The report for the current filter and targets.
    pub report: Memo<Shared<Report>>,
}

impl AppState {
    /// Creates the state with `prefs` and `targets` loaded from storage.
    pub fn new(prefs: Prefs, targets: Targets) -> Self {
        let prefs = RwSignal::new(prefs);
        let files = RwSignal::new(Vec::<FileEntry>::new());
        let targets = RwSignal::new(targets);
        let filter = RwSignal::new(Filter::default());
        let dataset = Memo::new(move |_| {
            let mut data = Dataset::new();
            files.with(|files| {
                for f in files {
                    if let Ok(parsed) = &f.outcome {
                        data.merge(&parsed.data);
                    }
                }
            });
            Shared(Arc::new(data))
        });
        let settings = Memo::new(move |_| prefs.with(Prefs::kpi_settings));
        let engine = Memo::new(move |_| {
            let data = dataset.get();
            Shared(Arc::new(Engine::new(Arc::clone(&data.0), &settings.get())))
        });
        let period_filter = Memo::new(move |_| {
            let default = engine.with(|e| e.default_period());
            filter.with(|f| with_page_period(f, default))
        });
        let report = Memo::new(move |_| {
            let engine = engine.get();
            let report = period_filter.with(|f| targets.with(|t| engine.report(f, t)));
            Shared(Arc::new(report))
        });
        AppState {
            prefs,
            files,
            targets,
            filter,
            progress: RwSignal::new(None),
            cancel: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            mappings: RwSignal::new(RememberedMappings::default()),
            chart_kpi: RwSignal::new(crate::domain::kpi::KpiId::CallConnectionRate),
            drill: RwSignal::new(None),
            dataset,
            engine,
            period_filter,
            report,
        }
    }

    /// The page language.
    pub fn lang(&self) -> Lang {
        self.prefs.with(|p| p.lang)
    }

    /// Adds a notice.
    pub fn notify(&self, text: String, error: bool) {
        self.notices.update(|n| {
            let id = n.last().map_or(1, |last| last.id + 1);
            n.push(Notice { id, text, error });
        });
    }
}

/// `filter` with the page's default period when it names no day: the
/// calendar month holding the last day of `default` (the command line's
/// default period), decided by [`Period::latest_month`].
fn with_page_period(filter: &Filter, default: Option<Period>) -> Filter {
    let mut f = filter.clone();
    if f.from.is_none() && f.to.is_none() {
        if let Some(month) = default.map(Period::latest_month) {
            f.from = Some(month.from);
            f.to = Some(month.to);
        }
    }
    f
}

/// A stable hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}
