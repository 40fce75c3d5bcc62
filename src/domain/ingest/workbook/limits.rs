//! What a workbook may hold before it is read (DATA.md §9, ZIP bombs): the
//! sizes its ZIP directory declares (which bound what is inflated), and the
//! shared strings' declared count (which the reader reserves memory for).

use std::io::{BufReader, Read, Seek};

use quick_xml::events::Event;

use super::super::error::FileError;
use super::damaged;

/// The most the parts of a workbook may hold, uncompressed, in total
/// (worksheets are streamed, not held).
pub const MAX_UNCOMPRESSED: u64 = 1 << 30;

/// The most the shared strings may hold, uncompressed (they are held in memory).
pub const MAX_SHARED_STRINGS: u64 = 128 << 20;

/// The most any other part but a worksheet may hold, uncompressed (styles,
/// the workbook, relationships: held in memory, small in real files).
pub const MAX_OTHER_PART: u64 = 32 << 20;

/// The fewest bytes a shared string takes (`<si/>`).
const MIN_SHARED_STRING_BYTES: u64 = 5;

/// Bytes of a shared-strings part in which its `<sst>` element must start.
const SST_WITHIN: u64 = 64 << 10;

/// A ZIP holding `xl/workbook.xml`, whose parts fit the limits.
pub(super) fn check_parts<R: Read + Seek>(name: &str, reader: &mut R) -> Result<(), FileError> {
    let not_text = || FileError::NotText {
        name: name.to_owned(),
    };
    let mut zip = zip::ZipArchive::new(&mut *reader).map_err(|_| not_text())?;
    if zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(not_text());
    }
    let mut total: u64 = 0;
    let mut shared = Vec::new();
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_data(i) else {
            continue;
        };
        // Parts are found by the names relationships give, case-insensitively.
        let part = entry
            .name()
            .map(|n| n.replace('\\', "/").to_ascii_lowercase())
            .unwrap_or_default();
        let xml = std::path::Path::new(&part)
            .extension()
            .is_some_and(|e| e == "xml" || e == "rels");
        let size = entry.size();
        // Every part counts in the total: a part is read by the name the
        // workbook's relationships give, whatever it is.
        total = total.saturating_add(size);
        let part_limit = if !xml || part.contains("worksheets/") {
            None
        } else if part.ends_with("sharedstrings.xml") {
            shared.push((i, size));
            Some(MAX_SHARED_STRINGS)
        } else {
            Some(MAX_OTHER_PART)
        };
        let (over, limit) = match part_limit {
            Some(limit) if size > limit => (size, limit),
            _ => (total, MAX_UNCOMPRESSED),
        };
        if over > limit {
            return Err(FileError::WorkbookTooLarge {
                name: name.to_owned(),
                size: over,
                limit,
            });
        }
    }
    for (i, size) in shared {
        let entry = zip.by_index(i).map_err(|e| damaged(name, &e.to_string()))?;
        check_shared_strings(name, entry, size)?;
    }
    Ok(())
}

/// The shared strings' `uniqueCount` must fit the part: the reader reserves
/// room for that many strings before it reads one.
fn check_shared_strings(name: &str, part: impl Read, size: u64) -> Result<(), FileError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part.take(SST_WITHIN)));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                let count = e
                    .try_get_attribute("uniqueCount")
                    .ok()
                    .flatten()
                    .and_then(|a| a.value.trim().parse::<u64>().ok());
                return match count {
                    Some(n) if n > size / MIN_SHARED_STRING_BYTES + 1 => Err(damaged(
                        name,
                        &format!("the shared strings claim {n} strings in {size} bytes"),
                    )),
                    _ => Ok(()),
                };
            }
            Ok(Event::Start(_) | Event::Empty(_) | Event::Eof) | Err(_) => {
                return Err(damaged(name, "the shared strings do not start with <sst>"));
            }
            Ok(_) => {}
        }
    }
}
