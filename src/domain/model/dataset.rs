//! A dataset: the tables of one or more files sharing one interner.
//!
//! Each file decodes into its own `Dataset`; the page and the command line
//! merge the files' datasets into one before computing KPIs, so removing a file
//! is a re-merge, never a re-parse.

use super::calls::CallTable;
use super::campaigns::{CampaignRow, CampaignTable};
use super::deals::DealTable;
use super::interner::{Interner, Sym};
use super::leads::LeadTable;
use super::roster::{RosterRow, RosterTable};

/// Which kinds of file were loaded (a KPI whose source kind is missing is null,
/// even when the loaded file of that kind had no rows).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // one flag per kind, read independently
pub struct Loaded {
    /// A calls file (or Asterisk CDR / `queue_log`).
    pub calls: bool,
    /// A deals file.
    pub deals: bool,
    /// A leads file.
    pub leads: bool,
    /// A roster.
    pub roster: bool,
    /// A campaigns file.
    pub campaigns: bool,
}

/// All tables plus the strings they refer to.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Every distinct text of the tables.
    pub strings: Interner,
    /// Calls.
    pub calls: CallTable,
    /// Deals.
    pub deals: DealTable,
    /// Leads.
    pub leads: LeadTable,
    /// Roster.
    pub roster: RosterTable,
    /// Campaign windows.
    pub campaigns: CampaignTable,
    /// Which kinds were loaded.
    pub loaded: Loaded,
}

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Self {
        Self::default()
    }

    /// The roster's agents with their display name and team (empty texts
    /// where the roster has none), for the page.
    pub fn roster_display(&self) -> std::collections::BTreeMap<String, (String, String)> {
        let text = |s: Option<Sym>| {
            s.map(|s| self.strings.resolve(s).to_owned())
                .unwrap_or_default()
        };
        self.roster
            .rows
            .iter()
            .map(|r| {
                (
                    self.strings.resolve(r.agent).to_owned(),
                    (text(r.name), text(r.team)),
                )
            })
            .collect()
    }

    /// Appends every row of `other`, re-interning its strings into `self`.
    pub fn merge(&mut self, other: &Dataset) {
        let map: Vec<Sym> = other
            .strings
            .iter()
            .map(|(_, text)| self.strings.intern(text))
            .collect();
        let re = |s: Sym| map[s.index()];
        let re_opt = |s: Option<Sym>| s.map(|s| map[s.index()]);

        let c = &other.calls;
        for i in 0..c.len() {
            let mut row = c.row(i);
            row.call_id = re_opt(row.call_id);
            row.agent = re(row.agent);
            row.lead_id = re_opt(row.lead_id);
            row.phone = re_opt(row.phone);
            row.campaign = re_opt(row.campaign);
            self.calls.push(row);
        }
        let d = &other.deals;
        for i in 0..d.len() {
            let mut row = d.row(i);
            row.deal_id = re_opt(row.deal_id);
            row.agent = re(row.agent);
            row.campaign = re_opt(row.campaign);
            row.lead_id = re_opt(row.lead_id);
            row.phone = re_opt(row.phone);
            self.deals.push(row);
        }
        self.deals.has_upsell_column |= d.has_upsell_column;
        let l = &other.leads;
        for i in 0..l.len() {
            let mut row = l.row(i);
            row.lead_id = re_opt(row.lead_id);
            row.phone = re_opt(row.phone);
            row.agent = re_opt(row.agent);
            row.campaign = re_opt(row.campaign);
            self.leads.push(row);
        }
        for r in &other.roster.rows {
            self.roster.rows.push(RosterRow {
                agent: re(r.agent),
                name: re_opt(r.name),
                team: re_opt(r.team),
                aliases: r.aliases.iter().map(|&a| re(a)).collect(),
            });
        }
        for r in &other.campaigns.rows {
            self.campaigns.rows.push(CampaignRow {
                campaign: re(r.campaign),
                ..*r
            });
        }
        let (mine, theirs) = (&mut self.loaded, other.loaded);
        mine.calls |= theirs.calls;
        mine.deals |= theirs.deals;
        mine.leads |= theirs.leads;
        mine.roster |= theirs.roster;
        mine.campaigns |= theirs.campaigns;
    }
}
