//! Campaign windows from a campaigns file (DATA.md §5).

use super::interner::Sym;
use super::time::Day;

/// One campaign with its inclusive window of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CampaignRow {
    /// The campaign's text, as calls and deals tag it.
    pub campaign: Sym,
    /// First day.
    pub start: Day,
    /// Last day (the whole day is included).
    pub end: Day,
}

/// The campaigns file (small: kept as rows).
#[derive(Clone, Debug, Default)]
pub struct CampaignTable {
    /// The rows in file order.
    pub rows: Vec<CampaignRow>,
}

impl CampaignTable {
    /// Number of campaigns.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no campaign.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}
