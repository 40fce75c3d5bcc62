//! Additive tallies of one agent (or one team) over one period: every KPI is a
//! ratio or a sum of these, so a team's tally is the sum of its agents'.
//! Durations are summed as integer milliseconds (exact).

use super::engine::{CallGroup, Closed, LeadRec};

/// The tallies behind the 15 KPIs.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Acc {
    /// Outbound calls.
    pub outbound: u64,
    /// Connected outbound calls.
    pub connected_out: u64,
    /// Outbound calls that got a callback.
    pub callbacks: u64,
    /// Offered inbound calls (connected or abandoned, short abandons dropped).
    pub offered: u64,
    /// Abandoned offered calls.
    pub abandoned: u64,
    /// Offered calls with a wait.
    pub wait_n: u64,
    /// Their wait, ms.
    pub wait_ms: u64,
    /// Connected calls with a talk time.
    pub talk_n: u64,
    /// Their talk, ms.
    pub talk_ms: u64,
    /// Of those, talks under 120 s.
    pub under_2min: u64,
    /// Outbound calls of agents other than `(unassigned)`.
    pub out_assigned: u64,
    /// Distinct (agent, day) with an outbound call, `(unassigned)` excluded.
    pub agent_days: u64,
    /// Active agents (`per_week`), `(unassigned)` excluded.
    pub active: u64,
    /// Deals created.
    pub opportunities: u64,
    /// Deals created by agents other than `(unassigned)`.
    pub opps_assigned: u64,
    /// Won deals closed.
    pub won: u64,
    /// Lost deals closed.
    pub lost: u64,
    /// Σ amount of won deals.
    pub revenue: f64,
    /// Σ amount of lost deals.
    pub lost_amount: f64,
    /// Won deals that are upsells.
    pub upsold: u64,
    /// Won deals with a cost.
    pub cost_n: u64,
    /// Σ amount of won deals with a cost.
    pub cost_amount: f64,
    /// Σ cost of won deals with a cost.
    pub cost_sum: f64,
    /// Leads created.
    pub leads: u64,
    /// Leads with a first contact.
    pub contacted: u64,
    /// Σ response time, ms.
    pub response_ms: i128,
    /// Responses ≤ 2 h.
    pub within_2h: u64,
    /// Converted leads.
    pub converted: u64,
    /// Converted leads with a conversion time.
    pub convert_n: u64,
    /// Σ time to convert, ms.
    pub convert_ms: i128,
    /// Revenue during the chosen campaign's window.
    pub during: f64,
    /// Won deals during the chosen campaign's window.
    pub during_n: u64,
    /// Revenue in the window before it.
    pub before: f64,
    /// Won deals of new customers in the window.
    pub new_customers: u64,
    /// Offered calls with a wait connected within the service level.
    pub within_sl: u64,
    /// Abandoned offered calls with a lead id or a phone.
    pub abandoned_keyed: u64,
    /// Of those, called back.
    pub called_back: u64,
    /// Outbound calls by status (`CallStatus::ALL` order).
    pub status_out: [u64; 7],
    /// Inbound calls by status.
    pub status_in: [u64; 7],
    /// Revenue from the 1st of the forecast month to its last day with data.
    pub month_revenue: f64,
}

impl Acc {
    /// Adds a group of calls; `assigned` when its outbound calls count for
    /// `outbound_calls_per_day`, `new_day` when its (agent, day) is new.
    pub fn add_calls(&mut self, g: &CallGroup, assigned: bool, new_day: bool) {
        self.outbound += u64::from(g.outbound);
        self.connected_out += u64::from(g.connected_out);
        self.callbacks += u64::from(g.callbacks);
        self.offered += u64::from(g.offered);
        self.abandoned += u64::from(g.abandoned);
        self.wait_n += u64::from(g.wait_n);
        self.wait_ms += g.wait_ms;
        self.talk_n += u64::from(g.talk_n);
        self.talk_ms += g.talk_ms;
        self.under_2min += u64::from(g.under_2min);
        self.within_sl += u64::from(g.within_sl);
        self.abandoned_keyed += u64::from(g.abandoned_keyed);
        self.called_back += u64::from(g.called_back);
        for k in 0..7 {
            self.status_out[k] += u64::from(g.status_out[k]);
            self.status_in[k] += u64::from(g.status_in[k]);
        }
        if assigned {
            self.out_assigned += u64::from(g.outbound);
        }
        self.agent_days += u64::from(new_day);
    }

    /// Adds a won or lost deal.
    pub fn add_closed(&mut self, c: &Closed) {
        if c.won {
            self.won += 1;
            self.revenue += c.amount;
            self.upsold += u64::from(c.upsell);
            if let Some(cost) = c.cost {
                self.cost_n += 1;
                self.cost_amount += c.amount;
                self.cost_sum += cost;
            }
        } else {
            self.lost += 1;
            self.lost_amount += c.amount;
        }
    }

    /// Adds a lead.
    pub fn add_lead(&mut self, l: &LeadRec) {
        self.leads += 1;
        if let Some(r) = l.response_ms {
            self.contacted += 1;
            self.response_ms += i128::from(r);
            self.within_2h += u64::from(r <= 7_200_000);
        }
        if l.converted {
            self.converted += 1;
            if let Some(ms) = l.convert_ms {
                self.convert_n += 1;
                self.convert_ms += i128::from(ms);
            }
        }
    }

    /// Adds `o`'s tallies to these.
    pub fn add(&mut self, o: &Acc) {
        self.outbound += o.outbound;
        self.connected_out += o.connected_out;
        self.callbacks += o.callbacks;
        self.offered += o.offered;
        self.abandoned += o.abandoned;
        self.wait_n += o.wait_n;
        self.wait_ms += o.wait_ms;
        self.talk_n += o.talk_n;
        self.talk_ms += o.talk_ms;
        self.under_2min += o.under_2min;
        self.out_assigned += o.out_assigned;
        self.agent_days += o.agent_days;
        self.active += o.active;
        self.opportunities += o.opportunities;
        self.opps_assigned += o.opps_assigned;
        self.won += o.won;
        self.lost += o.lost;
        self.revenue += o.revenue;
        self.lost_amount += o.lost_amount;
        self.upsold += o.upsold;
        self.cost_n += o.cost_n;
        self.cost_amount += o.cost_amount;
        self.cost_sum += o.cost_sum;
        self.leads += o.leads;
        self.contacted += o.contacted;
        self.response_ms += o.response_ms;
        self.within_2h += o.within_2h;
        self.converted += o.converted;
        self.convert_n += o.convert_n;
        self.convert_ms += o.convert_ms;
        self.during += o.during;
        self.during_n += o.during_n;
        self.before += o.before;
        self.new_customers += o.new_customers;
        self.within_sl += o.within_sl;
        self.abandoned_keyed += o.abandoned_keyed;
        self.called_back += o.called_back;
        for k in 0..7 {
            self.status_out[k] += o.status_out[k];
            self.status_in[k] += o.status_in[k];
        }
        self.month_revenue += o.month_revenue;
    }
}
