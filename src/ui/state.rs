//! The page's reactive state: one signal per concern. The worker owns the
//! files and computes; these signals hold what it last answered. Components
//! read them from context.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ingest::remembered::RememberedMappings;
use crate::domain::ingest::ParseOptions;
use crate::domain::kpi::targets::Targets;
use crate::domain::kpi::{Filter, Granularity, Period, Report, RunUp, SeriesPoint, Settings};
use crate::present::format::Currency;
use crate::present::i18n::Lang;
use crate::protocol::{DrillPage, FileInfo, Names, Progress, ReadSettings};

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

    /// The settings every file is read with.
    pub fn read_settings(&self) -> ReadSettings {
        ReadSettings {
            utc_offset_minutes: self.utc_offset_minutes,
            country_code: self.country_code.clone(),
            extension_max_digits: self.extension_max_digits as usize,
        }
    }
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

/// What the charts plot, from the worker's latest view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartView {
    /// The view these come from.
    pub seq: u64,
    /// The chosen KPI's trend, and whether by day or by week.
    pub trend: Option<(Granularity, Vec<SeriesPoint>)>,
    /// The month's run-up.
    pub run_up: Option<RunUp>,
    /// Talk times per minute.
    pub talk: Vec<u64>,
}

/// Everything the components share. The files, dataset and engine live in
/// the worker (`worker_client`); these signals hold its latest answers.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Settings (persisted).
    pub prefs: RwSignal<Prefs>,
    /// The file list.
    pub files: RwSignal<Vec<FileInfo>>,
    /// Targets (persisted).
    pub targets: RwSignal<Targets>,
    /// Period and scope filters (no day: the page's default period).
    pub filter: RwSignal<Filter>,
    /// The file being read, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// File requests sent and not yet done (from the moment files are chosen).
    pub reading: RwSignal<u32>,
    /// Messages for the user.
    pub notices: RwSignal<Vec<Notice>>,
    /// Kinds and columns chosen per header (persisted, see `remembered`).
    pub mappings: RwSignal<RememberedMappings>,
    /// The KPI selected for the charts.
    pub chart_kpi: RwSignal<crate::domain::kpi::KpiId>,
    /// The drill-down list shown, if any.
    pub drill: RwSignal<Option<DrillRequest>>,
    /// Its current page, as the worker sent it.
    pub drill_page: RwSignal<Option<Shared<DrillPage>>>,
    /// The report for the current filter and targets.
    pub report: RwSignal<Shared<Report>>,
    /// What the charts plot.
    pub charts: RwSignal<Shared<ChartView>>,
    /// Agents, teams, campaigns and roster names.
    pub names: RwSignal<Shared<Names>>,
    /// The command line's default period ("All data") and the page's default.
    pub periods: RwSignal<(Option<Period>, Option<Period>)>,
    /// The last view asked for and the last received (ready when equal).
    pub views: RwSignal<(u64, u64)>,
    /// The worker's wasm memory when it started and at the last view, bytes.
    pub worker_bytes: RwSignal<(u64, u64)>,
    /// How many parts of the dashboard are mounted (see `dashboard`).
    pub mounted: RwSignal<u8>,
    /// The view whose charts are all drawn (they are drawn one per task).
    pub charts_drawn: RwSignal<u64>,
}

impl AppState {
    /// Creates the state with `prefs` and `targets` loaded from storage.
    pub fn new(prefs: Prefs, targets: Targets) -> Self {
        AppState {
            prefs: RwSignal::new(prefs),
            files: RwSignal::new(Vec::new()),
            targets: RwSignal::new(targets),
            filter: RwSignal::new(Filter::default()),
            progress: RwSignal::new(None),
            reading: RwSignal::new(0),
            notices: RwSignal::new(Vec::new()),
            mappings: RwSignal::new(RememberedMappings::default()),
            chart_kpi: RwSignal::new(crate::domain::kpi::KpiId::CallConnectionRate),
            drill: RwSignal::new(None),
            drill_page: RwSignal::new(None),
            report: RwSignal::new(Shared(Arc::new(Report::empty()))),
            charts: RwSignal::new(Shared(Arc::new(ChartView::default()))),
            names: RwSignal::new(Shared(Arc::new(Names::default()))),
            periods: RwSignal::new((None, None)),
            views: RwSignal::new((0, 0)),
            worker_bytes: RwSignal::new((0, 0)),
            mounted: RwSignal::new(0),
            charts_drawn: RwSignal::new(0),
        }
    }

    /// The page language.
    pub fn lang(&self) -> Lang {
        self.prefs.with(|p| p.lang)
    }

    /// Whether the page shows what it was last asked for: no file being
    /// read, the newest view received, and with data the whole dashboard
    /// mounted and its charts drawn.
    pub fn ready(&self) -> bool {
        let (asked, got) = self.views.get();
        // Only ever true once everything is on screen: no transient "true"
        // between the view's arrival and its charts' drawing.
        let shown = !self.has_data()
            || (self.mounted.get() >= super::dashboard::PARTS && self.charts_drawn.get() == got);
        self.reading.get() == 0 && asked == got && shown
    }

    /// Whether some file gave tables.
    pub fn has_data(&self) -> bool {
        self.files.with(|f| f.iter().any(|f| f.failure.is_none()))
    }

    /// Adds a notice.
    pub fn notify(&self, text: String, error: bool) {
        self.notices.update(|n| {
            let id = n.last().map_or(1, |last| last.id + 1);
            n.push(Notice { id, text, error });
        });
    }
}
