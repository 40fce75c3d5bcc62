//! Drill-down: the records behind a KPI (ANALYSES.md's table), for the
//! report's period and scope or one agent of it; sortable by any column and
//! read a page at a time, so a list of 10⁶ calls costs one index per record.

use std::cmp::Ordering;

use super::engine::{offered, Engine};
use super::id::KpiId;
use super::links::NO_ROW;
use super::period::{Filter, Period};
use super::tally::{day_range, InScope};
use crate::domain::model::time::Day;
use crate::domain::model::{CallStatus, CustomerType, Dataset, Direction, Stage, Timestamp};

/// Which table the records come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    /// Calls.
    Calls,
    /// Deals.
    Deals,
    /// Leads.
    Leads,
}

/// A column of a drill-down list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Column {
    /// When the call started.
    Started,
    /// When the deal or lead was created.
    Created,
    /// When the deal was won or lost.
    Closed,
    /// The record's agent (the roster's agent for an alias).
    Agent,
    /// Outbound or inbound.
    Direction,
    /// The call's status.
    Status,
    /// Wait, seconds.
    Wait,
    /// Talk, seconds.
    Talk,
    /// The normalised phone.
    Phone,
    /// The lead id.
    LeadId,
    /// The campaign.
    Campaign,
    /// An outbound call that got a callback (KPI 15).
    GotCallback,
    /// An abandoned call that was called back (ANALYSES.md `called_back`).
    CalledBack,
    /// When it was called back.
    CalledBackAt,
    /// Who called it back.
    CalledBackBy,
    /// The deal id.
    DealId,
    /// The deal's stage.
    Stage,
    /// The amount.
    Amount,
    /// The cost.
    Cost,
    /// Amount − cost.
    Profit,
    /// Upsell flag.
    Upsell,
    /// New customer flag.
    NewCustomer,
    /// The lead's first contact.
    FirstContact,
    /// Seconds from creation to first contact (missing: no contact).
    Response,
    /// Whether the lead converted.
    Converted,
}

impl Column {
    /// The column's key in a CSV export (English, stable).
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Started => "started_at",
            Column::Created => "created_at",
            Column::Closed => "closed_at",
            Column::Agent => "agent",
            Column::Direction => "direction",
            Column::Status => "status",
            Column::Wait => "wait_seconds",
            Column::Talk => "talk_seconds",
            Column::Phone => "phone",
            Column::LeadId => "lead_id",
            Column::Campaign => "campaign",
            Column::GotCallback => "got_callback",
            Column::CalledBack => "called_back",
            Column::CalledBackAt => "called_back_at",
            Column::CalledBackBy => "called_back_by",
            Column::DealId => "deal_id",
            Column::Stage => "stage",
            Column::Amount => "amount",
            Column::Cost => "cost",
            Column::Profit => "profit",
            Column::Upsell => "upsell",
            Column::NewCustomer => "new_customer",
            Column::FirstContact => "first_contact_at",
            Column::Response => "response_seconds",
            Column::Converted => "converted",
        }
    }
}

/// One cell of a drill-down list, typed (`present` writes it for people).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Cell {
    /// Nothing known.
    Missing,
    /// A text from a file.
    Text(String),
    /// A wall-time instant.
    Time(Timestamp),
    /// A duration in seconds.
    Seconds(f64),
    /// An amount.
    Money(f64),
    /// Yes or no.
    Flag(bool),
    /// A call's direction.
    Direction(Direction),
    /// A call's status.
    Status(CallStatus),
    /// A deal's stage.
    Stage(Stage),
}

/// The records behind one KPI value.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Drill {
    /// The KPI.
    pub kpi: KpiId,
    /// The agent of an agent-table cell, else `None` (the report's scope).
    pub agent: Option<String>,
    /// The table the rows index.
    pub kind: RecordKind,
    /// The columns shown, time and agent first.
    pub columns: Vec<Column>,
    /// Row indices into the table of `kind`, in display order.
    pub rows: Vec<u32>,
}

fn columns(kpi: KpiId) -> (RecordKind, Vec<Column>) {
    use Column as C;
    use KpiId as K;
    match kpi {
        K::AveragePurchaseValue | K::UpsellingRate | K::MonthlySales | K::IncrementalSales => (
            RecordKind::Deals,
            vec![
                C::Closed,
                C::Agent,
                C::DealId,
                C::Amount,
                C::Upsell,
                C::NewCustomer,
                C::Campaign,
            ],
        ),
        K::ProfitMargin => (
            RecordKind::Deals,
            vec![
                C::Closed,
                C::Agent,
                C::DealId,
                C::Amount,
                C::Cost,
                C::Profit,
            ],
        ),
        K::SalesOpportunities => (
            RecordKind::Deals,
            vec![
                C::Created,
                C::Agent,
                C::DealId,
                C::Stage,
                C::Amount,
                C::Campaign,
            ],
        ),
        K::OpportunityWinRatio => (
            RecordKind::Deals,
            vec![C::Closed, C::Agent, C::DealId, C::Stage, C::Amount],
        ),
        K::RevenuePerCall | K::CallConnectionRate | K::CallbackRate | K::OutboundCallsPerDay => (
            RecordKind::Calls,
            vec![
                C::Started,
                C::Agent,
                C::Status,
                C::Talk,
                C::Phone,
                C::LeadId,
                C::Campaign,
                C::GotCallback,
            ],
        ),
        K::CallAbandonmentRate => (
            RecordKind::Calls,
            vec![
                C::Started,
                C::Agent,
                C::Status,
                C::Wait,
                C::Phone,
                C::LeadId,
                C::CalledBack,
                C::CalledBackAt,
                C::CalledBackBy,
            ],
        ),
        K::AverageTalkTime => (
            RecordKind::Calls,
            vec![
                C::Started,
                C::Agent,
                C::Direction,
                C::Talk,
                C::Phone,
                C::Campaign,
            ],
        ),
        K::AverageResponseTime | K::LeadConversionRate => (
            RecordKind::Leads,
            vec![
                C::Created,
                C::Agent,
                C::LeadId,
                C::Phone,
                C::Campaign,
                C::FirstContact,
                C::Response,
                C::Converted,
            ],
        ),
    }
}

impl Engine {
    /// The records behind `kpi` for the filter's period and scope, or for one
    /// agent of it (an agent-table cell), in time order. Without a period, or
    /// when the KPI's source kind is not loaded, the list is empty.
    pub fn drill(&self, filter: &Filter, kpi: KpiId, agent: Option<&str>) -> Drill {
        let data = &*self.data;
        let (kind, columns) = columns(kpi);
        let mut scope = self.in_scope(filter);
        if let Some(a) = agent {
            let one = self.agents.by_text(a);
            for (i, keep) in scope.agents.iter_mut().enumerate() {
                *keep &= one == Some(i as u32);
            }
        }
        let rows = match self.period_of(filter) {
            Some(p) => self.drill_rows(data, &scope, filter, kpi, p),
            None => Vec::new(),
        };
        Drill {
            kpi,
            agent: agent.map(str::to_owned),
            kind,
            columns,
            rows,
        }
    }

    fn drill_rows(
        &self,
        data: &Dataset,
        scope: &InScope,
        filter: &Filter,
        kpi: KpiId,
        p: Period,
    ) -> Vec<u32> {
        use KpiId as K;
        let l = self.loaded;
        let won = |c: &super::engine::Closed| c.won;
        match kpi {
            K::AveragePurchaseValue | K::UpsellingRate | K::MonthlySales if l.deals => {
                self.closed_rows(data, scope, p, won)
            }
            K::ProfitMargin if l.deals => {
                self.closed_rows(data, scope, p, |c| c.won && c.cost.is_some())
            }
            K::OpportunityWinRatio if l.deals => self.closed_rows(data, scope, p, |_| true),
            K::IncrementalSales if l.deals => self.window_rows(data, scope, filter, p),
            K::SalesOpportunities if l.deals => {
                let mut rows: Vec<(i64, u32)> =
                    day_range(&self.opportunities, |o| o.day, p.from.0, p.to.0)
                        .iter()
                        .filter(|o| scope.agent_ok(o.agent) && scope.campaign_ok(o.campaign))
                        .map(|o| (data.deals.created_at[o.row as usize].unwrap_or(0), o.row))
                        .collect();
                by_time(&mut rows)
            }
            K::RevenuePerCall | K::CallConnectionRate | K::CallbackRate if l.calls => self
                .call_rows(data, scope, p, |i| {
                    data.calls.direction(i) == Direction::Outbound
                }),
            K::OutboundCallsPerDay if l.calls => self.call_rows(data, scope, p, |i| {
                data.calls.direction(i) == Direction::Outbound
                    && !self.unassigned(self.call_agent(i))
            }),
            K::CallAbandonmentRate if l.calls => {
                let short_ms = self.settings.short_abandon_seconds * 1000.0;
                self.call_rows(data, scope, p, |i| {
                    let c = &data.calls;
                    c.direction(i) == Direction::Inbound
                        && offered(c.status(i), c.wait[i], short_ms).is_some()
                })
            }
            K::AverageTalkTime if l.calls => {
                self.call_rows(data, scope, p, |i| self.call_talk(i).is_some())
            }
            K::AverageResponseTime | K::LeadConversionRate if l.leads => {
                let mut rows: Vec<(i64, u32)> = day_range(&self.leads, |r| r.day, p.from.0, p.to.0)
                    .iter()
                    .filter(|r| scope.agent_ok(r.agent) && scope.campaign_ok(r.campaign))
                    .map(|r| (data.leads.created_at[r.row as usize], r.row))
                    .collect();
                by_time(&mut rows)
            }
            _ => Vec::new(),
        }
    }

    fn call_rows(
        &self,
        data: &Dataset,
        scope: &InScope,
        p: Period,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<u32> {
        let c = &data.calls;
        let mut rows: Vec<(i64, u32)> = (0..c.len())
            .filter(|&i| {
                p.contains(Day(self.call_day(i)))
                    && scope.agent_ok(self.call_agent(i))
                    && scope.campaign_ok(self.call_campaign(i))
                    && keep(i)
            })
            .map(|i| (c.started_at.at(i), i as u32))
            .collect();
        by_time(&mut rows)
    }

    fn closed_rows(
        &self,
        data: &Dataset,
        scope: &InScope,
        p: Period,
        keep: impl Fn(&super::engine::Closed) -> bool,
    ) -> Vec<u32> {
        let mut rows: Vec<(i64, u32)> = day_range(&self.closed, |c| c.day, p.from.0, p.to.0)
            .iter()
            .filter(|c| scope.agent_ok(c.agent) && scope.campaign_ok(c.campaign) && keep(c))
            .map(|c| (closed_at(data, c.row), c.row))
            .collect();
        by_time(&mut rows)
    }

    /// Won deals closed in the window of the campaign that gives
    /// `incremental_sales` its value (scope agents, any campaign).
    fn window_rows(&self, data: &Dataset, scope: &InScope, filter: &Filter, p: Period) -> Vec<u32> {
        let Some(w) = super::campaigns::select(&self.windows, p, &self.candidates(filter)) else {
            return Vec::new();
        };
        let win = &self.windows[w];
        let mut rows: Vec<(i64, u32)> = day_range(&self.closed, |c| c.day, win.start.0, win.end.0)
            .iter()
            .filter(|c| c.won && scope.agent_ok(c.agent))
            .map(|c| (closed_at(data, c.row), c.row))
            .collect();
        by_time(&mut rows)
    }

    /// The cell of `column` for row `row` of a drill of `kind`.
    pub fn cell(&self, kind: RecordKind, row: u32, column: Column) -> Cell {
        let data = &*self.data;
        let i = row as usize;
        let text = |s: Option<crate::domain::model::Sym>| {
            s.map_or(Cell::Missing, |s| {
                Cell::Text(data.strings.resolve(s).to_owned())
            })
        };
        let agent = |sym| {
            let a = self.agents.of_sym(sym);
            self.agents
                .names
                .get(a as usize)
                .map_or(Cell::Missing, |n| Cell::Text(n.clone()))
        };
        match kind {
            RecordKind::Calls => {
                let c = &data.calls;
                if i >= c.len() {
                    return Cell::Missing;
                }
                let back = self.called_back.get(&row).copied().unwrap_or(NO_ROW);
                let abandoned =
                    c.status(i) == CallStatus::Abandoned && c.direction(i) == Direction::Inbound;
                match column {
                    Column::Started => Cell::Time(c.started_at.at(i)),
                    Column::Agent => agent(c.agent[i]),
                    Column::Direction => Cell::Direction(c.direction(i)),
                    Column::Status => Cell::Status(c.status(i)),
                    Column::Wait => c.wait[i].secs().map_or(Cell::Missing, Cell::Seconds),
                    Column::Talk => c.talk[i].secs().map_or(Cell::Missing, Cell::Seconds),
                    Column::Phone => text(c.phone[i]),
                    Column::LeadId => text(c.lead_id[i]),
                    Column::Campaign => text(c.campaign[i]),
                    Column::GotCallback => Cell::Flag(self.got_callback(i)),
                    Column::CalledBack if abandoned => Cell::Flag(back != NO_ROW),
                    Column::CalledBackAt if back != NO_ROW => c
                        .started_at
                        .get(back as usize)
                        .map_or(Cell::Missing, Cell::Time),
                    Column::CalledBackBy if back != NO_ROW => c
                        .agent
                        .get(back as usize)
                        .map_or(Cell::Missing, |&s| agent(s)),
                    _ => Cell::Missing,
                }
            }
            RecordKind::Deals => {
                let d = &data.deals;
                if i >= d.len() {
                    return Cell::Missing;
                }
                let time = |t: Option<Timestamp>| t.map_or(Cell::Missing, Cell::Time);
                match column {
                    Column::Created => time(d.created_at[i]),
                    Column::Closed => time(d.closed_at[i]),
                    Column::Agent => agent(d.agent[i]),
                    Column::DealId => text(d.deal_id[i]),
                    Column::Stage => Cell::Stage(d.stage[i]),
                    Column::Amount => Cell::Money(d.amount[i]),
                    Column::Cost => d.cost[i].map_or(Cell::Missing, Cell::Money),
                    Column::Profit => {
                        d.cost[i].map_or(Cell::Missing, |c| Cell::Money(d.amount[i] - c))
                    }
                    Column::Upsell => d.upsell[i].map_or(Cell::Missing, Cell::Flag),
                    Column::NewCustomer => d.customer_type[i]
                        .map_or(Cell::Missing, |t| Cell::Flag(t == CustomerType::New)),
                    Column::Campaign => text(d.campaign[i]),
                    Column::LeadId => text(d.lead_id[i]),
                    Column::Phone => text(d.phone[i]),
                    _ => Cell::Missing,
                }
            }
            RecordKind::Leads => {
                let l = &data.leads;
                if i >= l.len() {
                    return Cell::Missing;
                }
                let linked = self
                    .lead_pos
                    .get(i)
                    .and_then(|&k| self.leads.get(k as usize));
                match column {
                    Column::Created => Cell::Time(l.created_at[i]),
                    Column::Agent => l.agent[i].map_or(Cell::Missing, agent),
                    Column::LeadId => text(l.lead_id[i]),
                    Column::Phone => text(l.phone[i]),
                    Column::Campaign => text(l.campaign[i]),
                    Column::FirstContact => linked
                        .and_then(|r| r.response_ms)
                        .map_or(Cell::Missing, |ms| Cell::Time(l.created_at[i] + ms)),
                    Column::Response => linked
                        .and_then(|r| r.response_ms)
                        .map_or(Cell::Missing, |ms| Cell::Seconds(ms as f64 / 1000.0)),
                    Column::Converted => Cell::Flag(linked.is_some_and(|r| r.converted)),
                    _ => Cell::Missing,
                }
            }
        }
    }

    /// Sorts a drill by `column` (missing cells last either way; ties keep
    /// the time order).
    pub fn sort_drill(&self, drill: &mut Drill, column: Column, descending: bool) {
        let kind = drill.kind;
        let mut keyed: Vec<(Cell, u32)> = drill
            .rows
            .iter()
            .map(|&r| (self.cell(kind, r, column), r))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| {
            let ord = compare(a, b);
            match (a, b) {
                (Cell::Missing, Cell::Missing) => Ordering::Equal,
                (Cell::Missing, _) => Ordering::Greater,
                (_, Cell::Missing) => Ordering::Less,
                _ if descending => ord.reverse(),
                _ => ord,
            }
        });
        drill.rows = keyed.into_iter().map(|(_, r)| r).collect();
    }

    /// The cells of rows `offset .. offset + limit` of a drill, in its column order.
    pub fn drill_page(&self, drill: &Drill, offset: usize, limit: usize) -> Vec<Vec<Cell>> {
        drill
            .rows
            .iter()
            .skip(offset)
            .take(limit)
            .map(|&r| {
                drill
                    .columns
                    .iter()
                    .map(|&c| self.cell(drill.kind, r, c))
                    .collect()
            })
            .collect()
    }
}

/// The order of two cells of one column.
fn compare(a: &Cell, b: &Cell) -> Ordering {
    match (a, b) {
        (Cell::Text(x), Cell::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Cell::Time(x), Cell::Time(y)) => x.cmp(y),
        (Cell::Seconds(x), Cell::Seconds(y)) | (Cell::Money(x), Cell::Money(y)) => x.total_cmp(y),
        (Cell::Flag(x), Cell::Flag(y)) => x.cmp(y),
        (Cell::Direction(x), Cell::Direction(y)) => (*x as u8).cmp(&(*y as u8)),
        (Cell::Status(x), Cell::Status(y)) => x.as_str().cmp(y.as_str()),
        (Cell::Stage(x), Cell::Stage(y)) => (*x as u8).cmp(&(*y as u8)),
        _ => Ordering::Equal,
    }
}

/// A deal's `closed_at` (0 when unknown).
fn closed_at(data: &Dataset, row: u32) -> i64 {
    data.deals
        .closed_at
        .get(row as usize)
        .copied()
        .flatten()
        .unwrap_or(0)
}

/// Rows sorted by (time, row).
fn by_time(rows: &mut [(i64, u32)]) -> Vec<u32> {
    rows.sort_unstable();
    rows.iter().map(|&(_, r)| r).collect()
}
