//! The deals table: one row per opportunity or sale (DATA.md §2).

use super::interner::{Remap, Sym};
use super::time::Timestamp;

/// Where a deal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Not decided yet.
    Open,
    /// A sale.
    Won,
    /// Lost.
    Lost,
}

/// Whether the buyer is a new customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CustomerType {
    /// First purchase.
    New,
    /// Returning customer.
    Existing,
}

/// One deal, as handed to and returned by [`DealTable`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DealRow {
    /// The file's deal id, if any.
    pub deal_id: Option<Sym>,
    /// The deal's owner.
    pub agent: Sym,
    /// When the opportunity was opened (`closed_at` when the file has none).
    pub created_at: Option<Timestamp>,
    /// When it was won or lost.
    pub closed_at: Option<Timestamp>,
    /// Open, won or lost.
    pub stage: Stage,
    /// The amount in currency units.
    pub amount: f64,
    /// The cost in currency units, if known.
    pub cost: Option<f64>,
    /// Whether the sale was an upsell (`None`: empty cell or no column).
    pub upsell: Option<bool>,
    /// New or existing customer, if known.
    pub customer_type: Option<CustomerType>,
    /// The campaign, if any.
    pub campaign: Option<Sym>,
    /// The linked lead, if any.
    pub lead_id: Option<Sym>,
    /// The normalised phone, if any.
    pub phone: Option<Sym>,
}

/// Deals as columns.
#[derive(Clone, Debug, Default)]
pub struct DealTable {
    /// Deal ids.
    pub deal_id: Vec<Option<Sym>>,
    /// Owners.
    pub agent: Vec<Sym>,
    /// Creation times.
    pub created_at: Vec<Option<Timestamp>>,
    /// Closing times.
    pub closed_at: Vec<Option<Timestamp>>,
    /// Stages.
    pub stage: Vec<Stage>,
    /// Amounts.
    pub amount: Vec<f64>,
    /// Costs.
    pub cost: Vec<Option<f64>>,
    /// Upsell flags.
    pub upsell: Vec<Option<bool>>,
    /// Customer types.
    pub customer_type: Vec<Option<CustomerType>>,
    /// Campaigns.
    pub campaign: Vec<Option<Sym>>,
    /// Lead ids.
    pub lead_id: Vec<Option<Sym>>,
    /// Normalised phones.
    pub phone: Vec<Option<Sym>>,
    /// Whether the file had an upsell or upsellamount column (else the
    /// upselling rate can't be computed from it).
    pub has_upsell_column: bool,
}

impl DealTable {
    /// Appends one deal.
    pub fn push(&mut self, row: DealRow) {
        self.deal_id.push(row.deal_id);
        self.agent.push(row.agent);
        self.created_at.push(row.created_at);
        self.closed_at.push(row.closed_at);
        self.stage.push(row.stage);
        self.amount.push(row.amount);
        self.cost.push(row.cost);
        self.upsell.push(row.upsell);
        self.customer_type.push(row.customer_type);
        self.campaign.push(row.campaign);
        self.lead_id.push(row.lead_id);
        self.phone.push(row.phone);
    }

    /// The deal at position `i` (panics when out of range).
    pub fn row(&self, i: usize) -> DealRow {
        DealRow {
            deal_id: self.deal_id[i],
            agent: self.agent[i],
            created_at: self.created_at[i],
            closed_at: self.closed_at[i],
            stage: self.stage[i],
            amount: self.amount[i],
            cost: self.cost[i],
            upsell: self.upsell[i],
            customer_type: self.customer_type[i],
            campaign: self.campaign[i],
            lead_id: self.lead_id[i],
            phone: self.phone[i],
        }
    }

    /// Number of deals.
    pub fn len(&self) -> usize {
        self.agent.len()
    }

    /// Frees the room reserved beyond the deals held.
    pub fn shrink_to_fit(&mut self) {
        self.deal_id.shrink_to_fit();
        self.agent.shrink_to_fit();
        self.created_at.shrink_to_fit();
        self.closed_at.shrink_to_fit();
        self.stage.shrink_to_fit();
        self.amount.shrink_to_fit();
        self.cost.shrink_to_fit();
        self.upsell.shrink_to_fit();
        self.customer_type.shrink_to_fit();
        self.campaign.shrink_to_fit();
        self.lead_id.shrink_to_fit();
        self.phone.shrink_to_fit();
    }

    /// Bytes the columns hold on the heap, for memory figures.
    pub fn heap_bytes(&self) -> usize {
        fn bytes<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        bytes(&self.deal_id)
            + bytes(&self.agent)
            + bytes(&self.created_at)
            + bytes(&self.closed_at)
            + bytes(&self.stage)
            + bytes(&self.amount)
            + bytes(&self.cost)
            + bytes(&self.upsell)
            + bytes(&self.customer_type)
            + bytes(&self.campaign)
            + bytes(&self.lead_id)
            + bytes(&self.phone)
    }

    /// Appends the deals of `other`, whose strings `map` turns into this
    /// table's (see [`Remap`]).
    pub fn append(&mut self, other: &DealTable, map: &Remap) {
        self.deal_id
            .extend(other.deal_id.iter().map(|&s| map.opt(s)));
        self.agent.extend(other.agent.iter().map(|&s| map.sym(s)));
        self.created_at.extend_from_slice(&other.created_at);
        self.closed_at.extend_from_slice(&other.closed_at);
        self.stage.extend_from_slice(&other.stage);
        self.amount.extend_from_slice(&other.amount);
        self.cost.extend_from_slice(&other.cost);
        self.upsell.extend_from_slice(&other.upsell);
        self.customer_type.extend_from_slice(&other.customer_type);
        self.campaign
            .extend(other.campaign.iter().map(|&s| map.opt(s)));
        self.lead_id
            .extend(other.lead_id.iter().map(|&s| map.opt(s)));
        self.phone.extend(other.phone.iter().map(|&s| map.opt(s)));
        self.has_upsell_column |= other.has_upsell_column;
    }

    /// Whether there is no deal.
    pub fn is_empty(&self) -> bool {
        self.agent.is_empty()
    }
}
