//! The leads table: one row per lead (DATA.md §3).

use super::column::move_onto;
use super::interner::{Remap, Sym};
use super::time::Timestamp;

/// A lead's status column, mapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum LeadStatus {
    /// Anything else (or no status).
    Open,
    /// Qualified / opportunity.
    Qualified,
    /// Became a customer.
    Converted,
}

/// One lead, as handed to and returned by [`LeadTable`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeadRow {
    /// The lead id, if any (`lead_id` or `phone` is always present).
    pub lead_id: Option<Sym>,
    /// The normalised phone, if any.
    pub phone: Option<Sym>,
    /// When the lead came in.
    pub created_at: Timestamp,
    /// The assigned agent, if any.
    pub agent: Option<Sym>,
    /// The campaign or source, if any.
    pub campaign: Option<Sym>,
    /// The file's first contact time, if any.
    pub first_contact_at: Option<Timestamp>,
    /// The file's qualified flag, if any.
    pub qualified: Option<bool>,
    /// The mapped status.
    pub status: LeadStatus,
    /// When it converted, if the file says.
    pub converted_at: Option<Timestamp>,
}

/// Leads as columns.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct LeadTable {
    /// Lead ids.
    #[serde(with = "super::column_bytes")]
    pub lead_id: Vec<Option<Sym>>,
    /// Normalised phones.
    #[serde(with = "super::column_bytes")]
    pub phone: Vec<Option<Sym>>,
    /// Creation times.
    #[serde(with = "super::column_bytes")]
    pub created_at: Vec<Timestamp>,
    /// Assigned agents.
    #[serde(with = "super::column_bytes")]
    pub agent: Vec<Option<Sym>>,
    /// Campaigns.
    #[serde(with = "super::column_bytes")]
    pub campaign: Vec<Option<Sym>>,
    /// First contact times from the file.
    #[serde(with = "super::column_bytes")]
    pub first_contact_at: Vec<Option<Timestamp>>,
    /// Qualified flags.
    #[serde(with = "super::column_bytes")]
    pub qualified: Vec<Option<bool>>,
    /// Statuses.
    #[serde(with = "super::column_bytes")]
    pub status: Vec<LeadStatus>,
    /// Conversion times.
    #[serde(with = "super::column_bytes")]
    pub converted_at: Vec<Option<Timestamp>>,
}

impl LeadTable {
    /// Appends one lead.
    pub fn push(&mut self, row: LeadRow) {
        self.lead_id.push(row.lead_id);
        self.phone.push(row.phone);
        self.created_at.push(row.created_at);
        self.agent.push(row.agent);
        self.campaign.push(row.campaign);
        self.first_contact_at.push(row.first_contact_at);
        self.qualified.push(row.qualified);
        self.status.push(row.status);
        self.converted_at.push(row.converted_at);
    }

    /// The lead at position `i` (panics when out of range).
    pub fn row(&self, i: usize) -> LeadRow {
        LeadRow {
            lead_id: self.lead_id[i],
            phone: self.phone[i],
            created_at: self.created_at[i],
            agent: self.agent[i],
            campaign: self.campaign[i],
            first_contact_at: self.first_contact_at[i],
            qualified: self.qualified[i],
            status: self.status[i],
            converted_at: self.converted_at[i],
        }
    }

    /// Number of leads.
    pub fn len(&self) -> usize {
        self.created_at.len()
    }

    /// Frees the room reserved beyond the leads held.
    pub fn shrink_to_fit(&mut self) {
        self.lead_id.shrink_to_fit();
        self.phone.shrink_to_fit();
        self.created_at.shrink_to_fit();
        self.agent.shrink_to_fit();
        self.campaign.shrink_to_fit();
        self.first_contact_at.shrink_to_fit();
        self.qualified.shrink_to_fit();
        self.status.shrink_to_fit();
        self.converted_at.shrink_to_fit();
    }

    /// Bytes the columns hold on the heap, for memory figures.
    pub fn heap_bytes(&self) -> usize {
        fn bytes<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        bytes(&self.lead_id)
            + bytes(&self.phone)
            + bytes(&self.created_at)
            + bytes(&self.agent)
            + bytes(&self.campaign)
            + bytes(&self.first_contact_at)
            + bytes(&self.qualified)
            + bytes(&self.status)
            + bytes(&self.converted_at)
    }

    /// [`LeadTable::append`] of a table no longer needed, column by column
    /// (each of `other`'s columns is freed once moved).
    pub fn absorb(&mut self, other: LeadTable, map: &Remap) {
        move_onto(&mut self.lead_id, other.lead_id, |s| map.opt(s));
        move_onto(&mut self.phone, other.phone, |s| map.opt(s));
        move_onto(&mut self.created_at, other.created_at, |t| t);
        move_onto(&mut self.agent, other.agent, |s| map.opt(s));
        move_onto(&mut self.campaign, other.campaign, |s| map.opt(s));
        move_onto(&mut self.first_contact_at, other.first_contact_at, |t| t);
        move_onto(&mut self.qualified, other.qualified, |q| q);
        move_onto(&mut self.status, other.status, |s| s);
        move_onto(&mut self.converted_at, other.converted_at, |t| t);
    }

    /// Appends the leads of `other`, whose strings `map` turns into this
    /// table's (see [`Remap`]).
    pub fn append(&mut self, other: &LeadTable, map: &Remap) {
        self.lead_id
            .extend(other.lead_id.iter().map(|&s| map.opt(s)));
        self.phone.extend(other.phone.iter().map(|&s| map.opt(s)));
        self.created_at.extend_from_slice(&other.created_at);
        self.agent.extend(other.agent.iter().map(|&s| map.opt(s)));
        self.campaign
            .extend(other.campaign.iter().map(|&s| map.opt(s)));
        self.first_contact_at
            .extend_from_slice(&other.first_contact_at);
        self.qualified.extend_from_slice(&other.qualified);
        self.status.extend_from_slice(&other.status);
        self.converted_at.extend_from_slice(&other.converted_at);
    }

    /// Whether there is no lead.
    pub fn is_empty(&self) -> bool {
        self.created_at.is_empty()
    }
}
