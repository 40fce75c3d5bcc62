//! Collects what went wrong while decoding one file: skipped rows (the first
//! 50 kept with their reasons, all counted) and warnings aggregated by cause
//! (count, first line, first value), rendered as sentences naming the file.

use std::collections::HashMap;

use super::error::RowError;

/// How many skipped rows keep their reason.
pub const MAX_ERRORS: usize = 50;

/// How many distinct unknown words are listed one by one.
const MAX_WORDS: usize = 20;

/// The cause of a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cause {
    /// An optional cell that could not be read (field, what was expected).
    Unreadable(&'static str, &'static str),
    /// A call status word outside the vocabulary.
    UnknownStatus,
    /// CDR legs whose lastapp is not Dial or Queue.
    LastApp,
    /// CDR legs between two extensions.
    Internal,
    /// Rows with bytes that are not UTF-8.
    NotUtf8,
}

#[derive(Clone, Debug)]
struct Entry {
    cause: Cause,
    count: usize,
    line: u64,
    value: String,
}

/// Errors and warnings of one file.
#[derive(Clone, Debug, Default)]
pub struct Issues {
    /// Rows skipped, all of them.
    pub skipped: usize,
    /// The first skipped rows.
    pub errors: Vec<RowError>,
    entries: Vec<Entry>,
    index: HashMap<Cause, usize>,
    words: HashMap<Box<str>, usize>,
    notes: Vec<String>,
}

impl Issues {
    /// Records a skipped row.
    pub fn skip(&mut self, line: u64, column: Option<&str>, value: Option<&str>, reason: &str) {
        self.skipped += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(RowError {
                line,
                column: column.map(str::to_owned),
                value: value.map(str::to_owned),
                reason: reason.to_owned(),
            });
        }
    }

    /// Adds rows skipped after the fact (their lines may be anywhere), keeping
    /// the first [`MAX_ERRORS`] by line.
    pub fn skip_late(&mut self, late: Vec<RowError>) {
        if late.is_empty() {
            return;
        }
        self.skipped += late.len();
        self.errors.extend(late);
        self.errors.sort_by_key(|e| e.line);
        self.errors.truncate(MAX_ERRORS);
    }

    /// Counts one occurrence of a warning cause.
    pub fn warn(&mut self, cause: Cause, line: u64, value: &str) {
        if cause == Cause::UnknownStatus {
            let word = value.trim();
            if let Some(&i) = self.words.get(word) {
                if let Some(e) = self.entries.get_mut(i) {
                    e.count += 1;
                }
                return;
            }
            if self.words.len() < MAX_WORDS {
                self.words.insert(word.into(), self.entries.len());
                self.entries.push(Entry {
                    cause,
                    count: 1,
                    line,
                    value: word.to_owned(),
                });
                return;
            }
        }
        if let Some(&i) = self.index.get(&cause) {
            if let Some(e) = self.entries.get_mut(i) {
                e.count += 1;
            }
            return;
        }
        self.index.insert(cause, self.entries.len());
        self.entries.push(Entry {
            cause,
            count: 1,
            line,
            value: value.chars().take(80).collect(),
        });
    }

    /// Adds a one-off warning sentence (without the file name).
    pub fn note(&mut self, text: String) {
        self.notes.push(text);
    }

    /// The warnings as sentences, each starting with the file's name.
    pub fn render(&self, file: &str) -> Vec<String> {
        let mut out: Vec<String> = self.notes.iter().map(|n| format!("{file}: {n}")).collect();
        let words_listed = self.words.len();
        for e in &self.entries {
            let (n, line, v) = (e.count, e.line, &e.value);
            out.push(match e.cause {
                Cause::Unreadable(field, expected) => format!(
                    "{file}: {n} {field} cell(s) could not be read as {expected} and were left empty \
                     (first at line {line}: {v:?})"
                ),
                Cause::UnknownStatus if self.words.contains_key(v.as_str()) => format!(
                    "{file}: unknown status {v:?} in {n} row(s) (first at line {line}), counted as other"
                ),
                Cause::UnknownStatus => format!(
                    "{file}: {n} more row(s) with other unknown status words (beyond {words_listed} listed; \
                     first at line {line}: {v:?}), counted as other"
                ),
                Cause::LastApp => format!(
                    "{file}: {n} CDR leg(s) skipped because lastapp is not Dial or Queue \
                     (voicemail, IVR, Hangup…; first at line {line}: {v:?})"
                ),
                Cause::Internal => format!(
                    "{file}: {n} internal call leg(s) skipped, both ends being extensions \
                     (first at line {line})"
                ),
                Cause::NotUtf8 => format!(
                    "{file}: {n} row(s) held bytes that are not UTF-8, replaced by U+FFFD \
                     (first at line {line})"
                ),
            });
        }
        out
    }
}
