//! The ingestion diagnostics in words, in Indonesian and English: skipped rows
//! ([`RowError`]), warnings ([`Warning`]) and files that can't be used
//! ([`FileError`]). The domain hands over typed values; this is the only place
//! that turns them into sentences, so the page can re-render them on a
//! language switch and the command line prints the English text once.

use crate::domain::ingest::error::{KindGap, RowError, RowProblem};
use crate::domain::ingest::issues::{Cause, Expected, Warning};
use crate::domain::ingest::FileError;
use crate::present::i18n::Lang;

/// Why a row was skipped, without its line (the command line's `errors[].reason`).
///
/// ```
/// # use telesales_kpi::domain::ingest::error::RowProblem;
/// # use telesales_kpi::present::{diagnostics::row_problem, i18n::Lang};
/// let p = RowProblem::EmptyRequired { field: "agent" };
/// assert_eq!(row_problem(&p, Lang::En), "agent: empty required cell");
/// assert_eq!(row_problem(&p, Lang::Id), "agent: sel wajib kosong");
/// ```
pub fn row_problem(problem: &RowProblem, lang: Lang) -> String {
    use Lang::{En, Id};
    match (problem, lang) {
        (RowProblem::FieldCount { expected, found }, En) => {
            format!("expected {expected} fields, found {found}")
        }
        (RowProblem::FieldCount { expected, found }, Id) => {
            format!("seharusnya {expected} kolom, ditemukan {found}")
        }
        (RowProblem::CdrFieldCount { min, max, found }, En) => {
            format!("expected {min} to {max} fields (Asterisk CDR), found {found}")
        }
        (RowProblem::CdrFieldCount { min, max, found }, Id) => {
            format!("seharusnya {min} sampai {max} kolom (CDR Asterisk), ditemukan {found}")
        }
        (RowProblem::QueueLogFieldCount { found }, En) => {
            format!("expected at least 5 fields (queue_log), found {found}")
        }
        (RowProblem::QueueLogFieldCount { found }, Id) => {
            format!("seharusnya minimal 5 kolom (queue_log), ditemukan {found}")
        }
        (RowProblem::EmptyRequired { field }, En) => format!("{field}: empty required cell"),
        (RowProblem::EmptyRequired { field }, Id) => format!("{field}: sel wajib kosong"),
        (RowProblem::NotATimestamp { field, value }, En) => {
            format!("{field} {value:?}: not a date/time")
        }
        (RowProblem::NotATimestamp { field, value }, Id) => {
            format!("{field} {value:?}: bukan tanggal/waktu")
        }
        (RowProblem::NotAnAmount { field, value }, En) => {
            format!("{field} {value:?}: not an amount")
        }
        (RowProblem::NotAnAmount { field, value }, Id) => {
            format!("{field} {value:?}: bukan nominal")
        }
        (RowProblem::AmountConvention { field, value }, En) => {
            format!("{field} {value:?}: not an amount in this column's convention")
        }
        (RowProblem::AmountConvention { field, value }, Id) => {
            format!("{field} {value:?}: bukan nominal menurut format angka kolom ini")
        }
        (RowProblem::ClosedDealWithoutDate, En) => {
            "closed_at: a won or lost deal needs closed_at".to_owned()
        }
        (RowProblem::ClosedDealWithoutDate, Id) => {
            "closed_at: deal yang menang atau kalah memerlukan closed_at".to_owned()
        }
        (RowProblem::LeadWithoutKey { phone }, En) => {
            format!(
                "lead_id{}: a lead needs lead_id or phone",
                quoted(phone.as_deref())
            )
        }
        (RowProblem::LeadWithoutKey { phone }, Id) => {
            format!(
                "lead_id{}: lead memerlukan lead_id atau telepon",
                quoted(phone.as_deref())
            )
        }
        (RowProblem::NotADisposition { value }, En) => {
            format!("disposition {value:?}: not a CDR disposition")
        }
        (RowProblem::NotADisposition { value }, Id) => {
            format!("disposition {value:?}: bukan disposisi CDR")
        }
        (RowProblem::NotAnEpoch { value }, En) => format!("epoch {value:?}: not a Unix time"),
        (RowProblem::NotAnEpoch { value }, Id) => format!("epoch {value:?}: bukan waktu Unix"),
        (RowProblem::UnclosedQuote { opened }, En) => {
            format!("quote opened on line {opened} is never closed")
        }
        (RowProblem::UnclosedQuote { opened }, Id) => {
            format!("tanda kutip yang dibuka di baris {opened} tidak pernah ditutup")
        }
        (RowProblem::RecordTooLong { limit }, En) => {
            format!("record longer than {limit} bytes, not read")
        }
        (RowProblem::RecordTooLong { limit }, Id) => {
            format!("rekaman lebih panjang dari {limit} byte, tidak dibaca")
        }
    }
}

/// A skipped row with its line, as the page lists it.
///
/// ```
/// # use telesales_kpi::domain::ingest::error::{RowError, RowProblem};
/// # use telesales_kpi::present::{diagnostics::row_error, i18n::Lang};
/// let e = RowError { line: 7, problem: RowProblem::FieldCount { expected: 5, found: 3 } };
/// assert_eq!(row_error(&e, Lang::En), "line 7: expected 5 fields, found 3");
/// assert_eq!(row_error(&e, Lang::Id), "baris 7: seharusnya 5 kolom, ditemukan 3");
/// ```
pub fn row_error(error: &RowError, lang: Lang) -> String {
    let line = error.line;
    let reason = row_problem(&error.problem, lang);
    match lang {
        Lang::En => format!("line {line}: {reason}"),
        Lang::Id => format!("baris {line}: {reason}"),
    }
}

/// A warning of the file named `file`, as a sentence starting with that name.
pub fn warning(file: &str, w: &Warning, lang: Lang) -> String {
    use Lang::{En, Id};
    let (n, line) = (w.count, w.line.unwrap_or_default());
    let v = w.value.as_deref().unwrap_or_default();
    match (w.cause, lang) {
        (Cause::Unreadable { field, expected }, En) => format!(
            "{file}: {n} {field} cell(s) could not be read as {} and were left empty \
             (first at line {line}: {v:?})",
            expected_en(expected)
        ),
        (Cause::Unreadable { field, expected }, Id) => format!(
            "{file}: {n} sel {field} tidak dapat dibaca sebagai {} dan dibiarkan kosong \
             (pertama di baris {line}: {v:?})",
            expected_id(expected)
        ),
        (Cause::UnknownStatus, En) => format!(
            "{file}: unknown status {v:?} in {n} row(s) (first at line {line}), counted as other"
        ),
        (Cause::UnknownStatus, Id) => format!(
            "{file}: status tidak dikenal {v:?} di {n} baris (pertama di baris {line}), \
             dihitung sebagai lainnya"
        ),
        (Cause::OtherStatuses { listed }, En) => format!(
            "{file}: {n} more row(s) with other unknown status words (beyond {listed} listed; \
             first at line {line}: {v:?}), counted as other"
        ),
        (Cause::OtherStatuses { listed }, Id) => format!(
            "{file}: {n} baris lagi dengan kata status lain yang tidak dikenal (selain {listed} \
             yang disebut; pertama di baris {line}: {v:?}), dihitung sebagai lainnya"
        ),
        (Cause::LastApp, En) => format!(
            "{file}: {n} CDR leg(s) skipped because lastapp is not Dial or Queue \
             (voicemail, IVR, Hangup…; first at line {line}: {v:?})"
        ),
        (Cause::LastApp, Id) => format!(
            "{file}: {n} leg CDR dilewati karena lastapp bukan Dial atau Queue \
             (voicemail, IVR, Hangup…; pertama di baris {line}: {v:?})"
        ),
        (Cause::Internal, En) => format!(
            "{file}: {n} internal call leg(s) skipped, both ends being extensions \
             (first at line {line})"
        ),
        (Cause::Internal, Id) => format!(
            "{file}: {n} leg panggilan internal dilewati, kedua ujungnya ekstensi \
             (pertama di baris {line})"
        ),
        (Cause::NotUtf8, En) => format!(
            "{file}: {n} row(s) held bytes that are not UTF-8, replaced by U+FFFD \
             (first at line {line})"
        ),
        (Cause::NotUtf8, Id) => format!(
            "{file}: {n} baris berisi byte yang bukan UTF-8, diganti dengan U+FFFD \
             (pertama di baris {line})"
        ),
        (Cause::OddUtf16Byte, En) => {
            format!("{file}: an odd trailing byte of the UTF-16 text was dropped")
        }
        (Cause::OddUtf16Byte, Id) => {
            format!("{file}: satu byte sisa di akhir teks UTF-16 dibuang")
        }
        (Cause::UnpairedSurrogates, En) => {
            format!("{file}: {n} unpaired UTF-16 surrogate(s) replaced by U+FFFD")
        }
        (Cause::UnpairedSurrogates, Id) => {
            format!("{file}: {n} surrogate UTF-16 tanpa pasangan diganti dengan U+FFFD")
        }
    }
}

/// Why a file can't be used, as a sentence starting with its name.
///
/// ```
/// # use telesales_kpi::domain::ingest::FileError;
/// # use telesales_kpi::present::{diagnostics::file_error, i18n::Lang};
/// let e = FileError::NotText { name: "photo.jpg".into() };
/// assert_eq!(file_error(&e, Lang::En), "photo.jpg: not a text file or workbook");
/// ```
pub fn file_error(error: &FileError, lang: Lang) -> String {
    use Lang::{En, Id};
    match (error, lang) {
        (FileError::Empty { name }, En) => format!("{name}: the file holds no data"),
        (FileError::Empty { name }, Id) => format!("{name}: berkas tidak berisi data"),
        (FileError::NotText { name }, En) => format!("{name}: not a text file or workbook"),
        (FileError::NotText { name }, Id) => format!("{name}: bukan berkas teks atau workbook"),
        (
            FileError::UnknownKind {
                name,
                headers,
                header_count,
                gaps,
            },
            _,
        ) => unknown_kind(name, headers, *header_count, gaps, lang),
        (FileError::MissingFields { name, kind, fields }, En) => format!(
            "{name}: read as {kind}, but no column for the required field(s): {}",
            fields.join(", ")
        ),
        (FileError::MissingFields { name, kind, fields }, Id) => format!(
            "{name}: dibaca sebagai {kind}, tetapi tidak ada kolom untuk kolom wajib: {}",
            fields.join(", ")
        ),
        (FileError::UnknownField { name, field, kind }, En) => match kind {
            Some(kind) => format!("{name}: {field:?} is not a field of {kind}"),
            None => format!("{name}: {field:?} is not a field of any kind"),
        },
        (FileError::UnknownField { name, field, kind }, Id) => match kind {
            Some(kind) => format!("{name}: {field:?} bukan kolom jenis {kind}"),
            None => format!("{name}: {field:?} bukan kolom jenis apa pun"),
        },
        (
            FileError::UnknownColumn {
                name,
                field,
                column,
            },
            En,
        ) => format!("{name}: no column {column:?} (chosen for {field})"),
        (
            FileError::UnknownColumn {
                name,
                field,
                column,
            },
            Id,
        ) => format!("{name}: tidak ada kolom {column:?} (dipilih untuk {field})"),
        (FileError::WorkbookTooLarge { name, size, limit }, En) => format!(
            "{name}: the workbook's parts hold {size} bytes once uncompressed, more than the \
             {limit} that are read (a ZIP bomb?)"
        ),
        (FileError::WorkbookTooLarge { name, size, limit }, Id) => format!(
            "{name}: isi workbook setelah diekstrak berukuran {size} byte, lebih dari batas \
             {limit} byte yang dibaca (bom ZIP?)"
        ),
        (FileError::WorkbookDamaged { name, detail }, En) => {
            format!("{name}: the workbook could not be read ({detail})")
        }
        (FileError::WorkbookDamaged { name, detail }, Id) => {
            format!("{name}: workbook tidak dapat dibaca ({detail})")
        }
        (FileError::NoSheetUsed { name, sheets }, _) => no_sheet(name, sheets, lang),
        (FileError::UnknownSheet { name, sheet }, En) => {
            format!("{name}: the workbook has no sheet {sheet:?}")
        }
        (FileError::UnknownSheet { name, sheet }, Id) => {
            format!("{name}: workbook tidak memiliki sheet {sheet:?}")
        }
    }
}

/// DATA.md §9: what calls, deals and leads miss, then the first 20 headers.
fn unknown_kind(
    name: &str,
    headers: &[String],
    count: usize,
    gaps: &[KindGap],
    lang: Lang,
) -> String {
    let gaps: Vec<String> = gaps
        .iter()
        .map(|g| {
            let fields = g.missing.join(", ");
            match lang {
                Lang::En => format!("{}: no column for {fields}", g.kind),
                Lang::Id => format!("{}: tidak ada kolom untuk {fields}", g.kind),
            }
        })
        .collect();
    let shown = headers.join(", ");
    let more = count.saturating_sub(headers.len());
    match lang {
        Lang::En => {
            let head = if more > 0 {
                format!("header, first {} of {count}: {shown}", headers.len())
            } else {
                format!("header: {shown}")
            };
            format!(
                "{name}: not a calls, deals, leads, roster, campaigns, Asterisk CDR or queue_log \
                 file — {} ({head})",
                gaps.join("; ")
            )
        }
        Lang::Id => {
            let head = if more > 0 {
                format!("header, {} pertama dari {count}: {shown}", headers.len())
            } else {
                format!("header: {shown}")
            };
            format!(
                "{name}: bukan berkas calls, deals, leads, roster, campaigns, CDR Asterisk atau \
                 queue_log — {} ({head})",
                gaps.join("; ")
            )
        }
    }
}

/// A workbook without a usable sheet, with each sheet's reason.
fn no_sheet(name: &str, sheets: &[FileError], lang: Lang) -> String {
    if sheets.is_empty() {
        return match lang {
            Lang::En => format!("{name}: every sheet of the workbook is empty"),
            Lang::Id => format!("{name}: semua sheet workbook kosong"),
        };
    }
    let reasons: Vec<String> = sheets.iter().map(|e| file_error(e, lang)).collect();
    match lang {
        Lang::En => format!(
            "{name}: no sheet of the workbook could be used: {}",
            reasons.join("; ")
        ),
        Lang::Id => format!(
            "{name}: tidak ada sheet workbook yang dapat digunakan: {}",
            reasons.join("; ")
        ),
    }
}

/// ` "text"` for a present value, nothing for an absent one.
fn quoted(value: Option<&str>) -> String {
    value.map(|v| format!(" {v:?}")).unwrap_or_default()
}

fn expected_en(e: Expected) -> &'static str {
    match e {
        Expected::Duration => "a duration",
        Expected::Seconds => "a number of seconds",
        Expected::Boolean => "a boolean",
        Expected::Direction => "a direction",
        Expected::Timestamp => "a date/time",
        Expected::Amount => "an amount",
        Expected::CustomerType => "new or existing",
    }
}

fn expected_id(e: Expected) -> &'static str {
    match e {
        Expected::Duration => "durasi",
        Expected::Seconds => "jumlah detik",
        Expected::Boolean => "ya/tidak",
        Expected::Direction => "arah panggilan",
        Expected::Timestamp => "tanggal/waktu",
        Expected::Amount => "nominal",
        Expected::CustomerType => "baru atau lama",
    }
}
