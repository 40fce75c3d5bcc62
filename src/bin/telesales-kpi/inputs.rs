//! Reading the input files of `report`: text files streamed in chunks (and
//! read again from an offset after an unclosed quote), workbooks sheet by
//! sheet, each with the `--kind` and `--map` that name it (DATA.md §7, §8).

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use telesales_kpi::domain::ingest::mapping::FieldChoice;
use telesales_kpi::domain::ingest::sniff::SNIFF_BYTES;
use telesales_kpi::domain::ingest::split;
use telesales_kpi::domain::ingest::workbook::{is_zip, no_sheet_used, read_workbook, Sheet};
use telesales_kpi::domain::ingest::{Decoder, FileError, FileKind, ParseOptions, ParsedFile};
use telesales_kpi::present::diagnostics::file_error;
use telesales_kpi::present::i18n::Lang;

use crate::report::ReportError;

/// Bytes read per chunk.
const CHUNK: usize = 1 << 20;

/// A `--kind` or `--map` naming a file (`FILE`) or one sheet (`FILE#SHEET`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target(pub String);

/// What a target names in one input file.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scope {
    /// The whole file (every sheet of a workbook).
    File,
    /// One sheet.
    Sheet(String),
}

impl Target {
    /// What the target names in the file given as `shown` (base name `name`).
    fn scope(&self, shown: &str, name: &str) -> Option<Scope> {
        let t = self.0.as_str();
        if t == shown || t == name {
            return Some(Scope::File);
        }
        [shown, name]
            .iter()
            .find_map(|f| t.strip_prefix(f).and_then(|r| r.strip_prefix('#')))
            .map(|sheet| Scope::Sheet(sheet.to_owned()))
    }
}

/// `--map FILE:FIELD=COLUMN` (see [`FieldChoice::parse_arg`]).
pub fn parse_map(value: &str) -> Option<(Target, FieldChoice)> {
    FieldChoice::parse_arg(value).map(|(file, choice)| (Target(file.to_owned()), choice))
}

/// The overrides given on the command line.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--kind` in order.
    pub kinds: Vec<(Target, FileKind)>,
    /// `--map` in order.
    pub maps: Vec<(Target, FieldChoice)>,
}

/// The files read, and the warnings of sheets not used.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Every file (or sheet) used, in command-line and workbook order.
    pub files: Vec<ParsedFile>,
    /// Where each file's warnings go, with the unused sheets' in between.
    pub warnings: Vec<Warn>,
}

/// A warning line of the report, in order.
#[derive(Debug)]
pub enum Warn {
    /// The warnings of `files[i]`.
    Of(usize),
    /// A sheet not used, and why.
    Sheet(FileError),
}

/// Reads every file with its overrides; any file that can't be used, or an
/// override that names no file, is an error.
pub fn read_inputs(
    paths: &[PathBuf],
    base: &ParseOptions,
    over: &Overrides,
) -> Result<Inputs, ReportError> {
    let names: Vec<(String, String)> = paths.iter().map(|p| shown_and_name(p)).collect();
    let kinds = over.kinds.iter().map(|(t, _)| ("--kind", t));
    let maps = over.maps.iter().map(|(t, _)| ("--map", t));
    for (flag, t) in kinds.chain(maps) {
        if !names
            .iter()
            .any(|(shown, name)| t.scope(shown, name).is_some())
        {
            return Err(ReportError::Usage(format!(
                "{flag}: {:?} names no FILE of the command line",
                t.0
            )));
        }
    }
    let mut inputs = Inputs::default();
    for (path, (shown, name)) in paths.iter().zip(&names) {
        let for_scope = |scope: &Scope| options_for(base, over, shown, name, scope);
        let mut head = [0u8; 4];
        let n = read_head(path, &mut head)?;
        if is_zip(head.get(..n).unwrap_or_default()) {
            read_book(path, shown, name, over, &for_scope, &mut inputs)?;
        } else {
            if let Some(sheet) = sheet_targets(over, shown, name).first() {
                return Err(ReportError::Usage(format!(
                    "{name}#{sheet}: {name} is not a workbook"
                )));
            }
            let parsed = read_text(path, name, for_scope(&Scope::File))?;
            inputs.warnings.push(Warn::Of(inputs.files.len()));
            inputs.files.push(parsed);
        }
    }
    Ok(inputs)
}

/// Reads a workbook: every sheet with its options; sheets not used become
/// warnings, unless a `--kind` or `--map` named them (then it is an error).
fn read_book(
    path: &Path,
    shown: &str,
    name: &str,
    over: &Overrides,
    for_scope: &dyn Fn(&Scope) -> ParseOptions,
    inputs: &mut Inputs,
) -> Result<(), ReportError> {
    let reader = BufReader::new(open(path)?);
    let mut options = |sheet: &str| for_scope(&Scope::Sheet(sheet.to_owned()));
    let sheets: Vec<Sheet> = read_workbook(name, reader, &mut options).map_err(|e| file(&e))?;
    let named = sheet_targets(over, shown, name);
    if let Some(missing) = named
        .iter()
        .find(|s| !sheets.iter().any(|x| &x.sheet == *s))
    {
        return Err(file(&FileError::UnknownSheet {
            name: name.to_owned(),
            sheet: missing.clone(),
        }));
    }
    if sheets.iter().all(|s| s.outcome.is_err()) {
        return Err(file(&no_sheet_used(name, &sheets)));
    }
    for s in sheets {
        match s.outcome {
            Ok(parsed) => {
                inputs.warnings.push(Warn::Of(inputs.files.len()));
                inputs.files.push(parsed);
            }
            Err(e) if named.contains(&s.sheet) => return Err(file(&e)),
            Err(e) => inputs.warnings.push(Warn::Sheet(e)),
        }
    }
    Ok(())
}

/// The sheets that `--kind` or `--map` name in a file, in order, once each.
fn sheet_targets(over: &Overrides, shown: &str, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let targets = over
        .kinds
        .iter()
        .map(|(t, _)| t)
        .chain(over.maps.iter().map(|(t, _)| t));
    for t in targets {
        if let Some(Scope::Sheet(s)) = t.scope(shown, name) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// The options of a file or sheet: the last `--kind` naming it (a sheet's own
/// before its workbook's), and every `--map` naming it (the workbook's first).
fn options_for(
    base: &ParseOptions,
    over: &Overrides,
    shown: &str,
    name: &str,
    scope: &Scope,
) -> ParseOptions {
    let mut options = base.clone();
    let applies = |t: &Target, own: bool| match (t.scope(shown, name), scope) {
        (Some(Scope::File), _) => !own,
        (Some(Scope::Sheet(a)), Scope::Sheet(b)) => own && a == *b,
        _ => false,
    };
    for own in [false, true] {
        if let Some((_, kind)) = over.kinds.iter().rev().find(|(t, _)| applies(t, own)) {
            options.kind = Some(*kind);
        }
        options.choices.extend(
            over.maps
                .iter()
                .filter(|(t, _)| applies(t, own))
                .map(|(_, c)| c.clone()),
        );
    }
    options
}

/// Streams a text file through the decoder, reading it again from where an
/// unclosed quote asks; a large calls or leads file is read in parts, one
/// thread each ([`split`]), which gives the same file.
fn read_text(path: &Path, name: &str, options: ParseOptions) -> Result<ParsedFile, ReportError> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let len = std::fs::metadata(path).map_err(|e| io(path, e))?.len();
    if threads > 1 && len >= 2 * split::MIN_PART_BYTES {
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        open(path)?
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| io(path, e))?;
        if let Some(plan) = split::plan(name, &head, len, threads, &options) {
            return read_in_parts(path, &plan);
        }
    }
    let mut decoder = Decoder::new(name, options);
    decoder.expect_len(len);
    read_on(path, decoder, 0)
}

/// Reads the parts of `plan` on a thread each, and joins them.
fn read_in_parts(path: &Path, plan: &split::Plan) -> Result<ParsedFile, ReportError> {
    let parts = std::thread::scope(|s| {
        let threads: Vec<_> = (0..plan.parts())
            .map(|k| s.spawn(move || read_part(path, plan, k)))
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect::<Result<Vec<_>, _>>()
    })?;
    match split::join(plan, parts) {
        split::Joined::Done(file) => file.map_err(|e| self::file(&e)),
        split::Joined::ReadOn { decoder, from } => read_on(path, decoder, from),
    }
}

/// Reads part `k` of `plan` from the file.
fn read_part(path: &Path, plan: &split::Plan, k: usize) -> Result<split::Part, ReportError> {
    let mut f = open(path)?;
    let mut part = plan.decoder(k);
    let mut buf = vec![0u8; CHUNK];
    let mut from = plan.range(k).start;
    loop {
        f.seek(SeekFrom::Start(from)).map_err(|e| io(path, e))?;
        while part.wants_more() {
            let n = f.read(&mut buf).map_err(|e| io(path, e))?;
            if n == 0 {
                break;
            }
            part.feed(buf.get(..n).unwrap_or_default());
        }
        match part.end_input() {
            Some(offset) => from = offset,
            None => return Ok(part.finish()),
        }
    }
}

/// Feeds `decoder` the file from byte `from` on, reading it again from where
/// an unclosed quote asks.
fn read_on(path: &Path, mut decoder: Decoder, from: u64) -> Result<ParsedFile, ReportError> {
    let mut f = open(path)?;
    f.seek(SeekFrom::Start(from)).map_err(|e| io(path, e))?;
    let mut buf = vec![0u8; CHUNK];
    loop {
        loop {
            let n = f.read(&mut buf).map_err(|e| io(path, e))?;
            if n == 0 {
                break;
            }
            decoder.feed(buf.get(..n).unwrap_or_default());
        }
        match decoder.end_input() {
            Some(offset) => {
                f.seek(SeekFrom::Start(offset)).map_err(|e| io(path, e))?;
            }
            None => break,
        }
    }
    decoder.finish().map_err(|e| file(&e))
}

/// Reads up to 4 first bytes.
fn read_head(path: &Path, head: &mut [u8; 4]) -> Result<usize, ReportError> {
    let mut f = open(path)?;
    let mut n = 0;
    while n < head.len() {
        let got = f.read(&mut head[n..]).map_err(|e| io(path, e))?;
        if got == 0 {
            break;
        }
        n += got;
    }
    Ok(n)
}

fn open(path: &Path) -> Result<File, ReportError> {
    File::open(path).map_err(|e| io(path, e))
}

fn io(path: &Path, error: std::io::Error) -> ReportError {
    ReportError::Io {
        path: path.to_path_buf(),
        error,
    }
}

fn file(e: &FileError) -> ReportError {
    ReportError::File(file_error(e, Lang::En))
}

/// The file as given on the command line, and its base name.
fn shown_and_name(path: &Path) -> (String, String) {
    let shown = path.to_string_lossy().into_owned();
    let name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    (shown, name)
}
