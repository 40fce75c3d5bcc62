//! What the worker holds and decides, without any browser type: the entries
//! of the file list (each with its tables), the settings, the remembered
//! mappings, the merged dataset and the engine — rebuilt only when the files
//! or the counting settings change — and the answers to the page's requests.
//! The shell (`shell.rs`) only reads `File`s and carries messages.

use std::io::Cursor;
use std::sync::Arc;

pub use super::text_read::{bytes_hash, TextOutcome, TextRead};
use crate::domain::ingest::remembered::RememberedMappings;
use crate::domain::ingest::workbook::{no_sheet_used, preview_sheet, read_sheet, read_workbook};
use crate::domain::ingest::{preview, FileError, ParsedFile, Preview};
use crate::domain::kpi::{Drill, Engine, Filter, Period, Settings};
use crate::domain::model::Dataset;
use crate::present::diagnostics::{file_error, row_error, warning};
use crate::present::drill::drill_csv;
use crate::present::i18n::Lang;
use crate::protocol::{
    DrillPage, DrillRequest, FileChoices, FileInfo, Names, ReadSettings, View, ViewRequest, Words,
};

/// Words in both languages from one function of the language.
fn words(f: impl Fn(Lang) -> String) -> Words {
    Words {
        id: f(Lang::Id),
        en: f(Lang::En),
    }
}

/// Where an entry's records come from, to read it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A text file (the shell keeps its `File`).
    Text,
    /// One sheet of a workbook.
    Sheet(String),
    /// A demo file (its bytes are made again from the day).
    Demo(crate::domain::model::time::Day),
}

/// One entry of the file list.
#[derive(Debug)]
struct Entry {
    id: u64,
    revision: u64,
    name: String,
    origin: Origin,
    hash: (u64, u64),
    choices: FileChoices,
    /// The choices before a remembered mapping was applied on arrival.
    undo: Option<FileChoices>,
    outcome: Result<ParsedFile, FileError>,
    /// The outcome's tables, moved out of it when the engine is built: one
    /// file's engine shares them instead of copying them. `None` until then
    /// (and again once the outcome is replaced).
    data: Option<Arc<Dataset>>,
    preview: Preview,
}

impl Entry {
    /// Replaces the outcome (its tables are taken again at the next engine).
    fn set_outcome(&mut self, outcome: Result<ParsedFile, FileError>) {
        self.outcome = outcome;
        self.data = None;
    }

    /// The tables of a usable outcome, moved out of it on first ask.
    fn data(&mut self) -> Option<Arc<Dataset>> {
        let Ok(p) = &mut self.outcome else {
            return None;
        };
        Some(Arc::clone(self.data.get_or_insert_with(|| {
            let mut data = std::mem::take(&mut p.data);
            // A merge of several files copies the first's strings: shared,
            // that copy holds the same buffers.
            data.strings.share();
            Arc::new(data)
        })))
    }
}

/// What adding files did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// The entries added.
    pub ids: Vec<u64>,
    /// Names of files whose bytes were loaded already (not added again).
    pub duplicates: Vec<String>,
}

/// The worker's state.
#[derive(Default)]
pub struct Session {
    entries: Vec<Entry>,
    /// The id the next entry gets (ids are never reused).
    next_id: u64,
    read: ReadSettings,
    kpi: Settings,
    remembered: RememberedMappings,
    engine: Option<Arc<Engine>>,
    /// The last drill-down list, to page and sort it without recomputing.
    drill: Option<(DrillRequest, Drill)>,
}

impl Session {
    /// A session without files, with the defaults.
    pub fn new() -> Session {
        Session::default()
    }

    /// The reading settings.
    pub fn read_settings(&self) -> &ReadSettings {
        &self.read
    }

    /// The remembered mappings.
    pub fn remembered(&self) -> &RememberedMappings {
        &self.remembered
    }

    /// Sets the settings; returns whether files must be read again (a
    /// reading setting changed).
    pub fn set_settings(&mut self, read: ReadSettings, kpi: Settings) -> bool {
        let reread = read != self.read;
        if kpi != self.kpi {
            self.kpi = kpi;
            self.invalidate();
        }
        self.read = read;
        reread
    }

    /// Sets the remembered mappings.
    pub fn set_remembered(&mut self, remembered: RememberedMappings) {
        self.remembered = remembered;
    }

    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn invalidate(&mut self) {
        self.engine = None;
        self.drill = None;
    }

    fn is_duplicate(&self, hash: (u64, u64)) -> bool {
        self.entries.iter().any(|e| e.hash == hash)
    }

    /// Adds a text file read by [`TextRead`] (unless the same bytes are
    /// loaded already); its entry's id is `Added::ids`.
    pub fn add_text(&mut self, name: &str, read: TextOutcome) -> Added {
        if self.is_duplicate(read.hash) {
            return Added {
                ids: Vec::new(),
                duplicates: vec![name.to_owned()],
            };
        }
        let id = self.new_id();
        self.entries.push(Entry {
            id,
            revision: 0,
            name: read
                .outcome
                .as_ref()
                .map_or_else(|e| e.name().to_owned(), |p| p.name.clone()),
            origin: Origin::Text,
            hash: read.hash,
            choices: read.choices,
            undo: read.undo,
            outcome: read.outcome,
            data: None,
            preview: read.preview,
        });
        self.invalidate();
        Added {
            ids: vec![id],
            duplicates: Vec::new(),
        }
    }

    /// Adds the sheets of a workbook (whole bytes), one entry each.
    pub fn add_workbook(&mut self, name: &str, bytes: &[u8]) -> Added {
        let hash = bytes_hash(bytes);
        if self.is_duplicate(hash) {
            return Added {
                ids: Vec::new(),
                duplicates: vec![name.to_owned()],
            };
        }
        let read = self.read.clone();
        let base = read.options(&FileChoices::default());
        let sheets = read_workbook(name, Cursor::new(bytes), &mut |_| base.clone());
        let mut ids = Vec::new();
        let mut push = |s: &mut Session, mut entry: Entry| {
            entry.id = s.new_id();
            ids.push(entry.id);
            s.entries.push(entry);
        };
        match sheets {
            Ok(sheets) if sheets.is_empty() => {
                let e = no_sheet_used(name, &sheets);
                push(self, failed_entry(0, name, hash, e, Origin::Text));
            }
            Ok(sheets) => {
                for sheet in sheets {
                    let mut entry = Entry {
                        id: 0,
                        revision: 0,
                        name: sheet.name.clone(),
                        origin: Origin::Sheet(sheet.sheet.clone()),
                        hash,
                        choices: FileChoices::default(),
                        undo: None,
                        outcome: sheet.outcome,
                        data: None,
                        preview: Preview::default(),
                    };
                    self.remember_on_arrival(&mut entry, bytes);
                    if entry.outcome.is_err() {
                        entry.preview = preview_sheet(
                            Cursor::new(bytes),
                            &sheet.sheet,
                            &read.options(&entry.choices),
                        );
                    }
                    push(self, entry);
                }
            }
            Err(e) => push(self, failed_entry(0, name, hash, e, Origin::Text)),
        }
        self.invalidate();
        Added {
            ids,
            duplicates: Vec::new(),
        }
    }

    /// Applies a remembered mapping to a sheet just read (text files get
    /// theirs before reading, in [`TextRead::start`]).
    fn remember_on_arrival(&self, entry: &mut Entry, bytes: &[u8]) {
        let Origin::Sheet(sheet) = &entry.origin else {
            return;
        };
        let headers = match &entry.outcome {
            Ok(p) => p.headers.clone(),
            Err(_) => {
                preview_sheet(
                    Cursor::new(bytes),
                    sheet,
                    &self.read.options(&entry.choices),
                )
                .headers
            }
        };
        let Some(mapping) = self.remembered.lookup(&headers).cloned() else {
            return;
        };
        if let Ok(p) = &entry.outcome {
            if p.kind == mapping.kind() && p.mapping == mapping {
                return;
            }
        }
        let choices = FileChoices {
            kind: Some(mapping.kind()),
            mapping: Some(mapping),
            ..entry.choices.clone()
        };
        let book = entry
            .name
            .strip_suffix(&format!("#{sheet}"))
            .unwrap_or(&entry.name)
            .to_owned();
        entry.set_outcome(read_sheet(
            &book,
            Cursor::new(bytes),
            sheet,
            &self.read.options(&choices),
        ));
        entry.undo = Some(std::mem::replace(&mut entry.choices, choices));
    }

    /// Adds the demo files for `today`.
    pub fn add_demo(&mut self, today: crate::domain::model::time::Day) -> Added {
        let mut added = Added::default();
        for (name, bytes) in crate::domain::synth::demo_files(today) {
            let hash = bytes_hash(&bytes);
            if self.is_duplicate(hash) {
                added.duplicates.push(name);
                continue;
            }
            let options = self.read.options(&FileChoices::default());
            let outcome = crate::domain::ingest::parse_bytes(&name, &bytes, &options);
            let id = self.new_id();
            added.ids.push(id);
            self.entries.push(Entry {
                id,
                revision: 0,
                name,
                origin: Origin::Demo(today),
                hash,
                choices: FileChoices::default(),
                undo: None,
                outcome,
                data: None,
                preview: Preview::default(),
            });
        }
        self.invalidate();
        added
    }

    /// Where an entry's bytes come from (the shell reads a text file again).
    pub fn origin(&self, id: u64) -> Option<Origin> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.origin.clone())
    }

    /// The choices an entry was read with, and those before a remembered
    /// mapping was applied.
    pub fn choices(&self, id: u64) -> Option<(FileChoices, Option<FileChoices>)> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| (e.choices.clone(), e.undo.clone()))
    }

    /// The header an entry was read with (or its preview's).
    pub fn headers(&self, id: u64) -> Vec<String> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .map_or_else(Vec::new, |e| match &e.outcome {
                Ok(p) => p.headers.clone(),
                Err(_) => e.preview.headers.clone(),
            })
    }

    /// Replaces an entry's outcome after reading it again.
    pub fn replace(&mut self, id: u64, read: TextOutcome) {
        if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
            e.set_outcome(read.outcome);
            e.preview = read.preview;
            e.choices = read.choices;
            e.undo = read.undo;
            e.revision += 1;
        }
        self.invalidate();
    }

    /// Reads a sheet or demo entry again with `choices` (a text file's bytes
    /// come back through [`Session::replace`]); `bytes` is the workbook for a sheet.
    pub fn reread(
        &mut self,
        id: u64,
        choices: FileChoices,
        undo: Option<FileChoices>,
        bytes: Option<&[u8]>,
    ) {
        let options = self.read.options(&choices);
        let Some(e) = self.entries.iter_mut().find(|e| e.id == id) else {
            return;
        };
        match (e.origin.clone(), bytes) {
            (Origin::Sheet(sheet), Some(bytes)) => {
                let book = e
                    .name
                    .strip_suffix(&format!("#{sheet}"))
                    .unwrap_or(&e.name)
                    .to_owned();
                e.set_outcome(read_sheet(&book, Cursor::new(bytes), &sheet, &options));
                e.preview = match &e.outcome {
                    Ok(_) => Preview::default(),
                    Err(_) => preview_sheet(Cursor::new(bytes), &sheet, &options),
                };
            }
            (Origin::Demo(day), _) => {
                let files = crate::domain::synth::demo_files(day);
                if let Some((name, bytes)) = files.iter().find(|(n, _)| *n == e.name) {
                    e.set_outcome(crate::domain::ingest::parse_bytes(name, bytes, &options));
                    e.preview = match &e.outcome {
                        Ok(_) => Preview::default(),
                        Err(_) => preview(bytes, &options),
                    };
                }
            }
            _ => return,
        }
        e.choices = choices;
        e.undo = undo;
        e.revision += 1;
        self.invalidate();
    }

    /// Remembers the mapping of `choices` for `headers`.
    pub fn remember(&mut self, headers: &[String], choices: &FileChoices) {
        if let Some(m) = &choices.mapping {
            self.remembered.remember(headers, m.clone());
        }
    }

    /// Drops an entry.
    pub fn remove(&mut self, id: u64) {
        self.entries.retain(|e| e.id != id);
        self.invalidate();
    }

    /// Every entry's id, in list order.
    pub fn ids(&self) -> Vec<u64> {
        self.entries.iter().map(|e| e.id).collect()
    }

    /// The file list as the page shows it.
    pub fn files(&self) -> Vec<FileInfo> {
        self.entries.iter().map(info).collect()
    }

    /// The engine over every usable entry (built when needed).
    pub fn engine(&mut self) -> Arc<Engine> {
        if let Some(e) = &self.engine {
            return Arc::clone(e);
        }
        let tables: Vec<Arc<Dataset>> = self.entries.iter_mut().filter_map(Entry::data).collect();
        // One file's tables are shared. Several are merged into one
        // dataset, which shares the calls file's table (Dataset::merged).
        let data = match tables.as_slice() {
            [] => Arc::default(),
            [only] => Arc::clone(only),
            all => {
                let files: Vec<&Dataset> = all.iter().map(AsRef::as_ref).collect();
                Arc::new(Dataset::merged(&files))
            }
        };
        let engine = Arc::new(Engine::new(data, &self.kpi));
        self.engine = Some(Arc::clone(&engine));
        engine
    }

    /// `filter` with the page's default period (the month of the latest
    /// dated record) when it names no day.
    pub fn resolve(&mut self, filter: &Filter) -> Filter {
        let mut f = filter.clone();
        if f.from.is_none() && f.to.is_none() {
            if let Some(p) = self.engine().default_period().map(Period::latest_month) {
                f.from = Some(p.from);
                f.to = Some(p.to);
            }
        }
        f
    }

    /// Everything the dashboard shows for a request.
    pub fn view(&mut self, request: &ViewRequest) -> View {
        let engine = self.engine();
        let filter = self.resolve(&request.filter);
        let report = engine.report(&filter, &request.targets);
        let trend = engine
            .series(&filter, &request.targets)
            .map(|s| (s.granularity, s.points(request.chart)));
        let data = engine.dataset();
        View {
            seq: request.seq,
            trend,
            run_up: engine.run_up(&filter, &request.targets),
            talk: engine.talk_minutes(&filter).to_vec(),
            names: Names {
                agents: engine.agent_names(),
                teams: engine.team_names(),
                campaigns: engine.campaign_names(),
                roster: data.roster_display(),
            },
            all_data: engine.default_period(),
            latest_month: engine.default_period().map(Period::latest_month),
            worker_bytes: 0,
            worker_start_bytes: 0,
            report,
        }
    }

    /// The list a drill request names, computed once per list and sort.
    fn drill_list(&mut self, request: &DrillRequest) -> (Arc<Engine>, &Drill) {
        let engine = self.engine();
        let same = |r: &DrillRequest| {
            r.filter == request.filter
                && r.kpi == request.kpi
                && r.agent == request.agent
                && r.sort == request.sort
        };
        if !self.drill.as_ref().is_some_and(|(r, _)| same(r)) {
            let filter = self.resolve(&request.filter);
            let mut list = engine.drill(&filter, request.kpi, request.agent.as_deref());
            if let Some((column, descending)) = request.sort {
                engine.sort_drill(&mut list, column, descending);
            }
            self.drill = Some((request.clone(), list));
        }
        let list = self.drill.as_ref().map(|(_, d)| d);
        (engine, list.expect("the list was just made"))
    }

    /// One page of a drill-down list.
    pub fn drill(&mut self, request: &DrillRequest) -> DrillPage {
        let (engine, list) = self.drill_list(request);
        DrillPage {
            seq: request.seq,
            kpi: list.kpi,
            agent: list.agent.clone(),
            kind: list.kind,
            columns: list.columns.clone(),
            count: list.rows.len(),
            offset: request.offset,
            rows: engine.drill_page(list, request.offset, request.limit),
        }
    }

    /// A whole drill-down list as CSV, with a file name.
    pub fn drill_csv(&mut self, request: &DrillRequest, delimiter: char) -> (String, String) {
        let (engine, list) = self.drill_list(request);
        let rows = list.rows.iter().map(|&r| {
            list.columns
                .iter()
                .map(|&c| engine.cell(list.kind, r, c))
                .collect()
        });
        (
            format!("{}-records.csv", list.kpi.as_str()),
            drill_csv(&list.columns, rows, delimiter),
        )
    }
}

fn failed_entry(id: u64, name: &str, hash: (u64, u64), e: FileError, origin: Origin) -> Entry {
    Entry {
        id,
        revision: 0,
        name: name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned(),
        origin,
        hash,
        choices: FileChoices::default(),
        undo: None,
        outcome: Err(e),
        data: None,
        preview: Preview::default(),
    }
}

/// An entry as the file list shows it.
fn info(e: &Entry) -> FileInfo {
    match &e.outcome {
        Ok(p) => FileInfo {
            id: e.id,
            revision: e.revision,
            name: e.name.clone(),
            kind: Some(p.kind),
            rows: p.rows,
            skipped: p.skipped,
            errors: p
                .errors
                .iter()
                .map(|r| (r.line, words(|l| row_error(r, l))))
                .collect(),
            warnings: p
                .warnings
                .iter()
                .map(|w| words(|l| warning(&p.name, w, l)))
                .collect(),
            failure: None,
            headers: p.headers.clone(),
            samples: p.samples.clone(),
            mapping: Some(p.mapping.clone()),
            choices: e.choices.clone(),
            remembered: e.undo.is_some(),
        },
        Err(err) => FileInfo {
            id: e.id,
            revision: e.revision,
            name: e.name.clone(),
            kind: e.preview.kind.or(e.choices.kind),
            rows: 0,
            skipped: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
            failure: Some(words(|l| file_error(err, l))),
            headers: e.preview.headers.clone(),
            samples: e.preview.samples.clone(),
            mapping: None,
            choices: e.choices.clone(),
            remembered: e.undo.is_some(),
        },
    }
}
