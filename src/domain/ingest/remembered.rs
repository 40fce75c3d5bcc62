//! Mappings the page remembers (DATA.md §8): the kind and columns a user
//! chose for a file, kept by the file's header (its normalised column names,
//! in order), so that a later file with the same header gets them at once.

use serde::{Deserialize, Serialize};

use super::mapping::{header_row_key, ColumnMapping};

/// How many headers are remembered (the oldest is forgotten first).
pub const MAX_REMEMBERED: usize = 100;

/// One remembered choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The header's key ([`header_row_key`]).
    pub header: String,
    /// The kind and columns chosen for it.
    pub mapping: ColumnMapping,
}

/// The remembered choices, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedMappings {
    entries: Vec<Remembered>,
}

impl RememberedMappings {
    /// Remembers `mapping` for files whose header is `headers` (a headerless
    /// file is not remembered).
    ///
    /// ```
    /// # use telesales_kpi::domain::ingest::remembered::RememberedMappings;
    /// # use telesales_kpi::domain::ingest::{ColumnMapping, FileKind};
    /// let headers = ["Petugas", "Mulai"].map(String::from);
    /// let mut m = ColumnMapping::for_kind(FileKind::Calls);
    /// m.set("agent", Some(0));
    /// m.set("started_at", Some(1));
    /// let mut memory = RememberedMappings::default();
    /// memory.remember(&headers, m.clone());
    /// let same = ["PETUGAS ", "mulai"].map(String::from);
    /// assert_eq!(memory.lookup(&same), Some(&m));
    /// ```
    pub fn remember(&mut self, headers: &[String], mapping: ColumnMapping) {
        if headers.is_empty() {
            return;
        }
        let header = header_row_key(headers);
        self.entries.retain(|e| e.header != header);
        self.entries.push(Remembered { header, mapping });
        if self.entries.len() > MAX_REMEMBERED {
            let extra = self.entries.len() - MAX_REMEMBERED;
            self.entries.drain(..extra);
        }
    }

    /// The mapping remembered for a header, if any.
    pub fn lookup(&self, headers: &[String]) -> Option<&ColumnMapping> {
        if headers.is_empty() {
            return None;
        }
        let header = header_row_key(headers);
        self.entries
            .iter()
            .rev()
            .find(|e| e.header == header)
            .map(|e| &e.mapping)
    }

    /// How many headers are remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
