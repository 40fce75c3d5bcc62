//! Columnar tables: what every input format is decoded into, and what the KPI
//! functions read. Plain data, struct-of-arrays, strings interned.

mod calls;
mod campaigns;
mod column;
mod column_bytes;
mod dataset;
mod deals;
mod interner;
mod leads;
mod roster;
mod starts;
pub mod time;

pub use calls::{CallKind, CallRow, CallStatus, CallTable, Direction};
pub use campaigns::{CampaignRow, CampaignTable};
pub use column_bytes::RawColumns;
pub use dataset::{Dataset, Loaded};
pub use deals::{CustomerType, DealRow, DealTable, Stage};
pub use interner::{Interner, Remap, Sym};
pub use leads::{LeadRow, LeadStatus, LeadTable};
pub use roster::{RosterRow, RosterTable};
pub use starts::Starts;
pub use time::{Millis, Timestamp};

/// The agent name given to calls whose agent can't be found (PBX logs).
pub const UNASSIGNED: &str = "(unassigned)";
