//! Sniffing the first part of a file: the delimiter, whether a header row
//! exists, and the kind (DATA.md "General rules", §6; KPIS.md "Kind detection").

use super::cdr::{disposition, positional_mapping};
use super::csv::read_all;
use super::error::{clip, FileError, KindGap, MAX_HEADERS_SHOWN};
use super::kind::FileKind;
use super::mapping::{normalise_header, ColumnMapping};
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The kind.
    pub kind: FileKind,
    /// Whether the first non-blank record is a header.
    pub headed: bool,
    /// The field → column mapping (positional for a headerless CDR).
    pub mapping: ColumnMapping,
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
    let headers: &[String] = first;
    let wanted = options
        .kind
        .or(options.mapping.as_ref().map(ColumnMapping::kind));
    let is_queue_log = records.iter().take(5).any(|r| queue_log::looks_like(r));
    let is_master_csv = looks_like_master_csv(first);
    let headless = |kind| Layout {
        kind,
        headed: false,
        mapping: match kind {
            FileKind::AsteriskCdr => positional_mapping(first.len()),
            _ => ColumnMapping::for_kind(kind),
        },
    };
    match wanted {
        Some(FileKind::QueueLog) => return Ok(headless(FileKind::QueueLog)),
        Some(FileKind::AsteriskCdr) if is_master_csv => {
            let mut layout = headless(FileKind::AsteriskCdr);
            if let Some(m) = options
                .mapping
                .as_ref()
                .filter(|m| m.kind() == FileKind::AsteriskCdr)
            {
                layout.mapping = m.clone();
            }
            return Ok(layout);
        }
        Some(kind) => {
            let mapping = match &options.mapping {
                Some(m) if m.kind() == kind => m.clone(),
                _ => ColumnMapping::from_headers(kind, headers),
            };
            let missing = mapping.missing_required();
            if !missing.is_empty() {
                return Err(FileError::MissingFields {
                    name: name.to_owned(),
                    kind,
                    fields: missing,
                });
            }
            return Ok(Layout {
                kind,
                headed: true,
                mapping,
            });
        }
        None => {}
    }
    if is_queue_log {
        return Ok(headless(FileKind::QueueLog));
    }
    if is_master_csv {
        return Ok(headless(FileKind::AsteriskCdr));
    }
    let normal: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let has = |n: &str| normal.iter().any(|h| h == n);
    let cdr_columns = [
        "src",
        "dst",
        "channel",
        "dstchannel",
        "billsec",
        "disposition",
    ];
    if cdr_columns.iter().all(|c| has(c)) && (has("calldate") || has("start")) {
        return Ok(Layout {
            kind: FileKind::AsteriskCdr,
            headed: true,
            mapping: ColumnMapping::from_headers(FileKind::AsteriskCdr, headers),
        });
    }
    let mut best: Option<ColumnMapping> = None;
    for kind in &FileKind::ALL[..5] {
        let m = ColumnMapping::from_headers(*kind, headers);
        if m.missing_required().is_empty() && best.as_ref().is_none_or(|b| m.mapped() > b.mapped())
        {
            best = Some(m);
        }
    }
    match best {
        Some(mapping) => Ok(Layout {
            kind: mapping.kind(),
            headed: true,
            mapping,
        }),
        None => Err(unknown_kind(name, headers)),
    }
}

/// A headerless CDR row: 16–21 fields with a disposition at index 14.
fn looks_like_master_csv(cells: &[String]) -> bool {
    (16..=21).contains(&cells.len()) && cells.get(14).is_some_and(|d| disposition(d).is_some())
}

/// The error of a header that maps no kind: what calls, deals and leads miss,
/// and the first header names.
fn unknown_kind(name: &str, headers: &[String]) -> FileError {
    let gaps = [FileKind::Calls, FileKind::Deals, FileKind::Leads]
        .into_iter()
        .map(|kind| KindGap {
            kind,
            missing: ColumnMapping::from_headers(kind, headers).missing_required(),
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
