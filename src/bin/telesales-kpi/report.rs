//! `telesales-kpi report FILE... [flags]`: reads the files, computes the KPIs
//! and prints the JSON of KPIS.md ("Command line").

use std::ffi::OsString;
use std::path::PathBuf;

use serde_json::{json, Value};
use telesales_kpi::domain::ingest::{FileKind, ParseOptions, ParsedFile};
use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::{Engine, Filter, Settings};
use telesales_kpi::domain::model::time::{parse_utc_offset, Day};
use telesales_kpi::domain::model::Dataset;
use telesales_kpi::present::diagnostics::{file_error, row_problem, warning};
use telesales_kpi::present::i18n::Lang;

use crate::inputs::{parse_map, read_inputs, Inputs, Overrides, Target, Warn};

/// Why the command can't run: each becomes a message on stderr and exit 2.
#[derive(Debug)]
pub enum ReportError {
    /// A flag or value is unusable.
    Usage(String),
    /// A file could not be read from disk.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A file could not be used at all (unknown kind, missing fields, ...).
    File(String),
    /// The targets file is unusable.
    Targets { path: PathBuf, error: String },
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::Usage(m) | ReportError::File(m) => f.write_str(m),
            ReportError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            ReportError::Targets { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

/// The parsed flags of `report`.
#[derive(Debug, Default)]
struct Args {
    files: Vec<PathBuf>,
    overrides: Overrides,
    filter: Filter,
    targets: Option<PathBuf>,
    options: ParseOptions,
    settings: Settings,
}

/// Runs `report` with the arguments after the word `report`.
pub fn run(parser: &mut lexopt::Parser) -> Result<String, ReportError> {
    let args = parse_args(parser)?;
    let mut inputs = read_inputs(&args.files, &args.options, &args.overrides)?;
    let targets = match &args.targets {
        None => Targets::presets(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|error| ReportError::Io {
                path: path.clone(),
                error,
            })?;
            Targets::from_json(&text).map_err(|e| ReportError::Targets {
                path: path.clone(),
                error: e.to_string(),
            })?
        }
    };
    let mut data = Dataset::new();
    for file in &mut inputs.files {
        // Each table is kept once: the file's copy is not needed any more
        // (the first file's is moved, not copied).
        data.absorb(std::mem::take(&mut file.data));
    }
    let engine = Engine::new(data, &args.settings);
    let report = engine.report(&args.filter, &targets);
    let mut out = report.to_json();
    if let Value::Object(map) = &mut out {
        map.insert("files".into(), inputs.files.iter().map(file_json).collect());
        map.insert("warnings".into(), warnings_json(&inputs));
    }
    Ok(out.to_string())
}

fn file_json(file: &ParsedFile) -> Value {
    json!({
        "name": file.name,
        "kind": file.kind.reported(),
        "rows": file.rows,
        "skipped": file.skipped,
        "errors": file.errors.iter().map(|e| json!({"line": e.line, "reason": row_problem(&e.problem, Lang::En)})).collect::<Vec<_>>(),
    })
}

/// Every warning as one English sentence naming its file (or sheet).
fn warnings_json(inputs: &Inputs) -> Value {
    let mut out = Vec::new();
    for w in &inputs.warnings {
        match w {
            Warn::Of(i) => {
                if let Some(f) = inputs.files.get(*i) {
                    out.extend(f.warnings.iter().map(|w| warning(&f.name, w, Lang::En)));
                }
            }
            Warn::Sheet(e) => out.push(file_error(e, Lang::En)),
        }
    }
    out.into()
}

fn parse_args(parser: &mut lexopt::Parser) -> Result<Args, ReportError> {
    use lexopt::Arg::{Long, Short, Value as Positional};
    let mut args = Args::default();
    // No KPI reads call ids: the report leaves them out.
    args.options.keep_call_ids = false;
    loop {
        let arg = parser.next().map_err(usage)?;
        let Some(arg) = arg else { break };
        match arg {
            Positional(file) => args.files.push(PathBuf::from(file)),
            Long("from") => args.filter.from = Some(day(&text(parser, "--from")?, "--from")?),
            Long("to") => args.filter.to = Some(day(&text(parser, "--to")?, "--to")?),
            Long("agent") => args.filter.agents.push(text(parser, "--agent")?),
            Long("team") => args.filter.team = Some(text(parser, "--team")?),
            Long("campaign") => args.filter.campaign = Some(text(parser, "--campaign")?),
            Long("utc-offset") => {
                args.options.utc_offset_minutes = utc_offset(&text(parser, "--utc-offset")?)?;
            }
            Long("kind") => {
                let value = text(parser, "--kind")?;
                let (file, kind) = value.rsplit_once('=').ok_or_else(|| {
                    ReportError::Usage(format!("--kind wants FILE=KIND, got {value:?}"))
                })?;
                let kind = FileKind::parse(kind).ok_or_else(|| {
                    ReportError::Usage(format!(
                        "--kind: unknown kind {kind:?} (calls, deals, leads, roster, campaigns, asterisk-cdr, queue-log)"
                    ))
                })?;
                args.overrides.kinds.push((Target(file.to_owned()), kind));
            }
            Long("map") => {
                let value = text(parser, "--map")?;
                let map = parse_map(&value).ok_or_else(|| {
                    ReportError::Usage(format!("--map wants FILE:FIELD=COLUMN, got {value:?}"))
                })?;
                args.overrides.maps.push(map);
            }
            Long("targets") => args.targets = Some(PathBuf::from(text(parser, "--targets")?)),
            Long("short-abandon-seconds") => {
                args.settings.short_abandon_seconds = number(parser, "--short-abandon-seconds")?;
            }
            Long("callback-days") => {
                args.settings.callback_days = number(parser, "--callback-days")?;
            }
            Long("service-level-seconds") => {
                let s: f64 = number(parser, "--service-level-seconds")?;
                if !s.is_finite() || s < 0.0 {
                    return Err(ReportError::Usage(format!(
                        "--service-level-seconds wants a number of seconds ≥ 0, got {s}"
                    )));
                }
                args.settings.service_level_seconds = s;
            }
            Long("country-code") => {
                let code = text(parser, "--country-code")?;
                let digits = code.trim_start_matches('+');
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ReportError::Usage(format!(
                        "--country-code wants digits, got {code:?}"
                    )));
                }
                digits.clone_into(&mut args.options.country_code);
            }
            Long("extension-max-digits") => {
                args.options.extension_max_digits = number(parser, "--extension-max-digits")?;
            }
            Long(other) => return Err(ReportError::Usage(format!("unknown option --{other}"))),
            Short(c) => return Err(ReportError::Usage(format!("unknown option -{c}"))),
        }
    }
    if args.files.is_empty() {
        return Err(ReportError::Usage("report needs at least one FILE".into()));
    }
    if let (Some(from), Some(to)) = (args.filter.from, args.filter.to) {
        if from > to {
            return Err(ReportError::Usage(format!(
                "--from {from} is after --to {to}"
            )));
        }
    }
    Ok(args)
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(usage)`
fn usage(e: lexopt::Error) -> ReportError {
    ReportError::Usage(e.to_string())
}

fn text(parser: &mut lexopt::Parser, flag: &str) -> Result<String, ReportError> {
    let value: OsString = parser.value().map_err(usage)?;
    value.into_string().map_err(|v| {
        ReportError::Usage(format!("{flag}: not valid UTF-8: {}", v.to_string_lossy()))
    })
}

fn number<T: std::str::FromStr>(parser: &mut lexopt::Parser, flag: &str) -> Result<T, ReportError> {
    let value = text(parser, flag)?;
    value
        .trim()
        .parse()
        .map_err(|_| ReportError::Usage(format!("{flag} wants a number, got {value:?}")))
}

fn day(value: &str, flag: &str) -> Result<Day, ReportError> {
    Day::parse_iso(value)
        .ok_or_else(|| ReportError::Usage(format!("{flag} wants YYYY-MM-DD, got {value:?}")))
}

fn utc_offset(value: &str) -> Result<i32, ReportError> {
    parse_utc_offset(value)
        .ok_or_else(|| ReportError::Usage(format!("--utc-offset wants +HH:MM, got {value:?}")))
}
