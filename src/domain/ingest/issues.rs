//! Collects what went wrong while decoding one file: skipped rows (the first
//! 50 kept with their problems, all counted) and warnings aggregated by cause
//! (count, first line, first value), as typed [`Warning`] values.

use std::collections::HashMap;

use super::error::{clip, RowError, RowProblem};

/// How many skipped rows keep their problem.
pub const MAX_ERRORS: usize = 50;

/// How many distinct unknown status words are listed one by one.
pub const MAX_WORDS: usize = 20;

/// What a cell that could not be read was expected to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    /// A duration (`245`, `4:05`, `2m 5s`).
    Duration,
    /// A number of seconds (CDR `duration`, `billsec`).
    Seconds,
    /// A boolean (`1/0`, `yes/no`, `ya/tidak`, …).
    Boolean,
    /// A call direction (`outbound`, `masuk`, …).
    Direction,
    /// A date/time.
    Timestamp,
    /// An amount of money.
    Amount,
    /// `new` or `existing`.
    CustomerType,
}

/// The cause of a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Cause {
    /// Optional cells that could not be read and were left empty.
    Unreadable {
        /// The canonical field.
        #[serde(with = "super::field_name")]
        field: super::field_name::FieldName,
        /// What was expected.
        expected: Expected,
    },
    /// Rows whose call status word is outside the vocabulary (the word is the
    /// warning's value), counted as `other`.
    UnknownStatus,
    /// Rows with still other unknown status words, beyond the
    /// [`MAX_WORDS`] listed one by one.
    OtherStatuses {
        /// How many words are listed one by one.
        listed: usize,
    },
    /// CDR legs skipped because lastapp is not Dial or Queue (value: lastapp).
    LastApp,
    /// CDR legs skipped because both ends are extensions.
    Internal,
    /// Rows with bytes that are not UTF-8, replaced by U+FFFD.
    NotUtf8,
    /// An odd trailing byte of a UTF-16 file, dropped.
    OddUtf16Byte,
    /// Unpaired UTF-16 surrogates replaced by U+FFFD.
    UnpairedSurrogates,
}

/// One warning of a file: a cause with its count, first line and first value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    /// What happened.
    pub cause: Cause,
    /// How many times (rows, legs or characters).
    pub count: usize,
    /// The first line where it happened, when it happened on a line.
    pub line: Option<u64>,
    /// The first offending text (clipped), when one is.
    pub value: Option<String>,
}

/// Errors and warnings of one file.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Issues {
    /// Rows skipped, all of them.
    pub skipped: usize,
    /// The first skipped rows.
    pub errors: Vec<RowError>,
    entries: Vec<Warning>,
    notes: Vec<Warning>,
    index: HashMap<Cause, usize>,
    words: HashMap<Box<str>, usize>,
}

impl Issues {
    /// Records a skipped row.
    pub fn skip(&mut self, line: u64, problem: RowProblem) {
        self.skipped += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(RowError { line, problem });
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

    /// Counts one occurrence of a warning cause at `line` with the offending `value`.
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
                self.push(cause, line, word);
                return;
            }
            self.add(Cause::OtherStatuses { listed: MAX_WORDS }, line, word);
            return;
        }
        self.add(cause, line, value);
    }

    /// Counts `count` occurrences of a cause that happened on no line.
    pub fn note(&mut self, cause: Cause, count: usize) {
        if count == 0 {
            return;
        }
        self.notes.push(Warning {
            cause,
            count,
            line: None,
            value: None,
        });
    }

    fn add(&mut self, cause: Cause, line: u64, value: &str) {
        if let Some(&i) = self.index.get(&cause) {
            if let Some(e) = self.entries.get_mut(i) {
                e.count += 1;
            }
            return;
        }
        self.index.insert(cause, self.entries.len());
        self.push(cause, line, value);
    }

    fn push(&mut self, cause: Cause, line: u64, value: &str) {
        self.entries.push(Warning {
            cause,
            count: 1,
            line: Some(line),
            value: (!value.is_empty()).then(|| clip(value)),
        });
    }

    /// Whether [`Issues::absorb`] of a later part's issues gives what one
    /// reading of both would have: not when the later part listed as many
    /// unknown status words as it may while this one listed some (its words
    /// past the limit were counted together, without their texts).
    pub(crate) fn can_absorb(&self, later: &Issues) -> bool {
        self.words.is_empty() || later.words.len() < MAX_WORDS
    }

    /// Adds a later part's issues, whose lines are `line_offset` lines on:
    /// skipped rows and the first errors in line order, warnings merged by
    /// cause (and status word) in the order they first happened.
    pub(crate) fn absorb(&mut self, later: Issues, line_offset: u64) {
        self.skipped += later.skipped;
        let room = MAX_ERRORS.saturating_sub(self.errors.len());
        self.errors
            .extend(later.errors.into_iter().take(room).map(|e| RowError {
                line: e.line + line_offset,
                problem: match e.problem {
                    RowProblem::UnclosedQuote { opened } => RowProblem::UnclosedQuote {
                        opened: opened + line_offset,
                    },
                    problem => problem,
                },
            }));
        let mut words: Vec<Option<Box<str>>> = vec![None; later.entries.len()];
        for (word, i) in later.words {
            if let Some(slot) = words.get_mut(i) {
                *slot = Some(word);
            }
        }
        for (entry, word) in later.entries.into_iter().zip(words) {
            let line = entry.line.map_or(line_offset, |l| l + line_offset);
            let value = entry.value.as_deref().unwrap_or_default();
            match word {
                Some(word) => {
                    if let Some(&i) = self.words.get(&word) {
                        if let Some(e) = self.entries.get_mut(i) {
                            e.count += entry.count;
                        }
                    } else if self.words.len() < MAX_WORDS {
                        self.words.insert(word, self.entries.len());
                        self.entries.push(Warning {
                            line: Some(line),
                            ..entry
                        });
                    } else {
                        let cause = Cause::OtherStatuses { listed: MAX_WORDS };
                        self.add_many(cause, entry.count, line, value);
                    }
                }
                None => self.add_many(entry.cause, entry.count, line, value),
            }
        }
        self.notes.extend(later.notes);
    }

    /// Counts `count` occurrences of a cause first seen at `line` with `value`
    /// (already clipped).
    fn add_many(&mut self, cause: Cause, count: usize, line: u64, value: &str) {
        if let Some(&i) = self.index.get(&cause) {
            if let Some(e) = self.entries.get_mut(i) {
                e.count += count;
            }
            return;
        }
        self.index.insert(cause, self.entries.len());
        self.entries.push(Warning {
            cause,
            count,
            line: Some(line),
            value: (!value.is_empty()).then(|| value.to_owned()),
        });
    }

    /// The warnings: those of the whole file first, then the others in the
    /// order their causes first happened.
    pub fn warnings(&self) -> Vec<Warning> {
        self.notes.iter().chain(&self.entries).cloned().collect()
    }
}
