//! The kinds of file the dashboard reads (DATA.md §1–6).

use std::fmt;

use serde::{Deserialize, Serialize};

/// What a file holds (serialised by its [`FileKind::as_str`] name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// One row per call attempt.
    Calls,
    /// One row per opportunity or sale.
    Deals,
    /// One row per lead.
    Leads,
    /// Agents, names, teams, aliases.
    Roster,
    /// Campaign windows.
    Campaigns,
    /// Asterisk `Master.csv` (headerless) or a headed CDR export.
    AsteriskCdr,
    /// Asterisk `queue_log`.
    QueueLog,
}

impl FileKind {
    /// Every kind, in the order kind detection breaks ties (canonical kinds first).
    pub const ALL: [FileKind; 7] = [
        FileKind::Calls,
        FileKind::Deals,
        FileKind::Leads,
        FileKind::Roster,
        FileKind::Campaigns,
        FileKind::AsteriskCdr,
        FileKind::QueueLog,
    ];

    /// The kind named `s` (`calls`, `deals`, `leads`, `roster`, `campaigns`,
    /// `asterisk-cdr`, `queue-log`).
    ///
    /// ```
    /// # use telesales_kpi::domain::ingest::FileKind;
    /// assert_eq!(FileKind::parse("queue-log"), Some(FileKind::QueueLog));
    /// assert_eq!(FileKind::parse("x"), None);
    /// ```
    pub fn parse(s: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The kind's name, as [`FileKind::parse`] reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Calls => "calls",
            FileKind::Deals => "deals",
            FileKind::Leads => "leads",
            FileKind::Roster => "roster",
            FileKind::Campaigns => "campaigns",
            FileKind::AsteriskCdr => "asterisk-cdr",
            FileKind::QueueLog => "queue-log",
        }
    }

    /// The kind reported in the command line's `files[].kind`: PBX logs are calls.
    pub fn reported(self) -> &'static str {
        match self {
            FileKind::AsteriskCdr | FileKind::QueueLog => "calls",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
