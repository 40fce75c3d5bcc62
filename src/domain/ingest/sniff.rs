//! Sniffing the first part of a file: the delimiter, whether a header row
//! exists, and the kind (DATA.md "General rules", §6, §8; KPIS.md "Kind detection").

use super::aliases::CDR_RECOGNISED_BY;
use super::cdr::{positional_mapping, CdrFamily};
use super::csv::read_all;
use super::error::{clip, FileError, KindGap, MAX_HEADERS_SHOWN};
use super::kind::FileKind;
use super::mapping::{fields_of, resolve_choices, ColumnMapping, HeaderIndex, Resolved};
use super::options::ParseOptions;
use super::queue_log;

/// Bytes of a file looked at before decoding starts.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Records looked at for the delimiter.
const SNIFF_RECORDS: usize = 30;

/// The delimiter among `,` `;` tab `|`: the one splitting most of the first
/// records into the same number (≥ 2) of fields; `,` when none does.
///
/// ```
/// # use telesales_kpi::domain::ingest::sniff::delimiter;
/// assert_eq!(delimiter(b"agen;tanggal\nBudi;03/11/2026\n", true), b';');
/// ```
pub fn delimiter(sample: &[u8], eof: bool) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = read_all(sample, d, eof)
            .into_iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
            .take(SNIFF_RECORDS)
            .map(|(_, cells)| cells.len())
            .collect();
        let mut mode = (0usize, 0usize);
        for &n in &counts {
            let freq = counts.iter().filter(|&&m| m == n).count();
            if (freq, n) > mode {
                mode = (freq, n);
            }
        }
        let (freq, fields) = mode;
        if fields >= 2 && (freq, fields) > (best.1, best.2) {
            best = (d, freq, fields);
        }
    }
    best.0
}

/// How the records of a file are to be read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    /// The kind.
    pub kind: FileKind,
    /// Whether the first non-blank record is a header.
    pub headed: bool,
    /// The field → column mapping (positional for a headerless CDR).
    pub mapping: ColumnMapping,
    /// For a headerless Asterisk CDR: which layout its rows follow.
    pub cdr: Option<CdrFamily>,
}

impl Layout {
    fn headed(kind: FileKind, mapping: ColumnMapping) -> Layout {
        Layout {
            kind,
            headed: true,
            mapping,
            cdr: None,
        }
    }
}

/// Decides kind, header and mapping from the first records of a file.
pub fn layout(
    name: &str,
    records: &[Vec<String>],
    options: &ParseOptions,
) -> Result<Layout, FileError> {
    let first = records.first().ok_or_else(|| FileError::Empty {
        name: name.to_owned(),
    })?;
    let wanted = options
        .kind
        .or(options.mapping.as_ref().map(ColumnMapping::kind));
    let family = match wanted {
        Some(FileKind::AsteriskCdr) => CdrFamily::fitting(first),
        Some(_) => None,
        None => CdrFamily::recognised(first),
    };
    let queue_log = match wanted {
        Some(kind) => kind == FileKind::QueueLog,
        None => records.iter().take(5).any(|r| queue_log::looks_like(r)),
    };
    if queue_log {
        no_choice_outside(
            name,
            &resolve_choices(name, &options.choices, &[], 0)?,
            FileKind::QueueLog,
        )?;
        return Ok(Layout {
            kind: FileKind::QueueLog,
            headed: false,
            mapping: ColumnMapping::for_kind(FileKind::QueueLog),
            cdr: None,
        });
    }
    if let Some(family) = family {
        return headless_cdr(name, first.len(), family, options);
    }
    let headers: &[String] = first;
    let chosen = resolve_choices(name, &options.choices, headers, headers.len())?;
    let index = HeaderIndex::new(headers);
    if let Some(kind) = wanted {
        let mapping = match &options.mapping {
            Some(m) if m.kind() == kind => m.clone(),
            _ => ColumnMapping::assign(kind, &index, &chosen),
        };
        no_choice_outside(name, &chosen, kind)?;
        return complete(name, Layout::headed(kind, mapping));
    }
    let cdr = ColumnMapping::assign(FileKind::AsteriskCdr, &index, &chosen);
    if CDR_RECOGNISED_BY.iter().all(|f| cdr.get(f).is_some()) {
        no_choice_outside(name, &chosen, FileKind::AsteriskCdr)?;
        return complete(name, Layout::headed(FileKind::AsteriskCdr, cdr));
    }
    let mut best: Option<ColumnMapping> = None;
    for kind in &FileKind::ALL[..5] {
        let m = ColumnMapping::assign(*kind, &index, &chosen);
        if m.missing_required().is_empty() && best.as_ref().is_none_or(|b| m.mapped() > b.mapped())
        {
            best = Some(m);
        }
    }
    match best {
        Some(mapping) => {
            no_choice_outside(name, &chosen, mapping.kind())?;
            Ok(Layout::headed(mapping.kind(), mapping))
        }
        None => Err(unknown_kind(name, headers, &index, &chosen)),
    }
}

/// A headerless CDR: its positional mapping, with the user's `#N` choices on top.
fn headless_cdr(
    name: &str,
    width: usize,
    family: CdrFamily,
    options: &ParseOptions,
) -> Result<Layout, FileError> {
    let chosen = resolve_choices(name, &options.choices, &[], width)?;
    no_choice_outside(name, &chosen, FileKind::AsteriskCdr)?;
    let mut mapping = match &options.mapping {
        Some(m) if m.kind() == FileKind::AsteriskCdr => m.clone(),
        _ => positional_mapping(family, width),
    };
    for c in &chosen {
        mapping.set(&c.field, c.column);
    }
    let user = options
        .mapping
        .as_ref()
        .is_some_and(|m| m.kind() == FileKind::AsteriskCdr)
        || !chosen.is_empty();
    let layout = Layout {
        kind: FileKind::AsteriskCdr,
        headed: false,
        mapping,
        cdr: Some(family),
    };
    if user {
        return complete(name, layout);
    }
    Ok(layout)
}

/// The layout, or the required fields it leaves without a column.
fn complete(name: &str, layout: Layout) -> Result<Layout, FileError> {
    let fields = layout.mapping.missing_required();
    if fields.is_empty() {
        Ok(layout)
    } else {
        Err(FileError::MissingFields {
            name: name.to_owned(),
            kind: layout.kind,
            fields,
        })
    }
}

/// Every chosen field must be a field of the kind read (DATA.md §8).
fn no_choice_outside(name: &str, chosen: &[Resolved], kind: FileKind) -> Result<(), FileError> {
    let fields = fields_of(kind);
    match chosen
        .iter()
        .find(|c| !fields.iter().any(|f| f.name == c.field))
    {
        Some(c) => Err(FileError::UnknownField {
            name: name.to_owned(),
            field: c.field.clone(),
            kind: Some(kind),
        }),
        None => Ok(()),
    }
}

/// The error of a header that maps no kind: what calls, deals and leads miss,
/// and the first header names (DATA.md §9).
fn unknown_kind(
    name: &str,
    headers: &[String],
    index: &HeaderIndex,
    chosen: &[Resolved],
) -> FileError {
    let gaps = [FileKind::Calls, FileKind::Deals, FileKind::Leads]
        .into_iter()
        .map(|kind| KindGap {
            kind,
            missing: ColumnMapping::assign(kind, index, chosen).missing_required(),
        })
        .collect();
    FileError::UnknownKind {
        name: name.to_owned(),
        headers: headers
            .iter()
            .take(MAX_HEADERS_SHOWN)
            .map(|h| clip(h))
            .collect(),
        header_count: headers.len(),
        gaps,
    }
}
