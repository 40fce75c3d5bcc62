//! One pass over the day-sorted arrays of the engine, sorting every record in
//! scope into the [`Acc`] of its bucket: the report's two periods per agent,
//! or the buckets of a series summed over the scope's agents.

use super::acc::Acc;
use super::engine::Engine;

/// The records a filter keeps, besides the period.
pub(crate) struct InScope {
    /// Per agent index, plus one last slot for leads without agent.
    pub agents: Vec<bool>,
    /// The campaign code to keep (`u32::MAX`: a campaign no record has).
    pub campaign: Option<u32>,
}

impl InScope {
    /// Whether a record of campaign `code` is kept.
    pub fn campaign_ok(&self, code: u32) -> bool {
        self.campaign.is_none_or(|c| c == code)
    }

    /// Whether a record of agent `a` is kept.
    pub fn agent_ok(&self, a: u32) -> bool {
        self.agents.get(a as usize).copied().unwrap_or(false)
    }
}

/// Where the records of a day go: `buckets` disjoint sets of days, each
/// tallied per agent (`acc[bucket * agents + agent]`) or summed
/// (`acc[bucket]`).
pub(crate) struct Buckets<F: Fn(i32) -> Option<usize>> {
    /// The bucket of a day, if it is in one.
    pub of_day: F,
    /// Number of buckets.
    pub count: usize,
    /// Agent slots (agents + 1 for leads without agent).
    pub agents: usize,
    /// Tally per agent, or per bucket only.
    pub per_agent: bool,
    /// First and last day of all buckets.
    pub days: (i32, i32),
}

impl<F: Fn(i32) -> Option<usize>> Buckets<F> {
    /// How many tallies the layout needs.
    pub fn len(&self) -> usize {
        if self.per_agent {
            self.count * self.agents
        } else {
            self.count
        }
    }

    fn slot(&self, bucket: usize, agent: u32) -> usize {
        if self.per_agent {
            bucket * self.agents + agent as usize
        } else {
            bucket
        }
    }
}

/// The range of a day-sorted slice whose days lie in `[lo, hi]`.
pub(crate) fn day_range<T>(rows: &[T], day: impl Fn(&T) -> i32, lo: i32, hi: i32) -> &[T] {
    let a = rows.partition_point(|r| day(r) < lo);
    let b = rows.partition_point(|r| day(r) <= hi);
    rows.get(a..b.max(a)).unwrap_or(&[])
}

/// A set of (bucket, agent) pairs, as bits.
struct Marks {
    bits: Vec<u64>,
    agents: usize,
}

impl Marks {
    fn new(buckets: usize, agents: usize) -> Marks {
        Marks {
            bits: vec![0; (buckets * agents).div_ceil(64)],
            agents,
        }
    }

    fn set(&mut self, bucket: usize, agent: u32) {
        let i = bucket * self.agents + agent as usize;
        if let Some(w) = self.bits.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    fn iter(&self) -> impl Iterator<Item = (usize, u32)> + '_ {
        self.bits.iter().enumerate().flat_map(move |(w, &word)| {
            (0..64).filter(move |b| word & (1 << b) != 0).map(move |b| {
                let i = w * 64 + b;
                (i / self.agents, (i % self.agents) as u32)
            })
        })
    }
}

impl Engine {
    /// Whether agent `a` is `(unassigned)` (or the no-agent slot).
    pub(crate) fn unassigned(&self, a: u32) -> bool {
        self.agents
            .unassigned
            .get(a as usize)
            .copied()
            .unwrap_or(true)
    }

    /// Tallies the calls, deals and leads in scope into `acc` (of
    /// `buckets.len()` tallies), with `active` counting the distinct active
    /// agents of each tally.
    pub(crate) fn tally<F: Fn(i32) -> Option<usize>>(
        &self,
        scope: &InScope,
        buckets: &Buckets<F>,
        acc: &mut [Acc],
    ) {
        let (lo, hi) = buckets.days;
        let slot = |day: i32, agent: u32, campaign: u32| -> Option<(usize, usize)> {
            if !scope.agent_ok(agent) || !scope.campaign_ok(campaign) {
                return None;
            }
            let b = (buckets.of_day)(day)?;
            Some((b, buckets.slot(b, agent)))
        };
        let mut active = Marks::new(buckets.count, buckets.agents);
        let mut last_day = (i32::MIN, u32::MAX);
        for g in day_range(&self.groups, |g| g.day, lo, hi) {
            let Some((b, s)) = slot(g.day, g.agent, g.campaign) else {
                continue;
            };
            active.set(b, g.agent);
            let counts_day = g.outbound > 0 && !self.unassigned(g.agent);
            let new_day = counts_day && last_day != (g.day, g.agent);
            if new_day {
                last_day = (g.day, g.agent);
            }
            acc[s].add_calls(g, counts_day, new_day);
        }
        for o in day_range(&self.opportunities, |o| o.day, lo, hi) {
            let Some((b, s)) = slot(o.day, o.agent, o.campaign) else {
                continue;
            };
            active.set(b, o.agent);
            acc[s].opportunities += 1;
            acc[s].opps_assigned += u64::from(!self.unassigned(o.agent));
        }
        for c in day_range(&self.closed, |c| c.day, lo, hi) {
            let Some((b, s)) = slot(c.day, c.agent, c.campaign) else {
                continue;
            };
            active.set(b, c.agent);
            acc[s].add_closed(c);
        }
        for l in day_range(&self.leads, |l| l.day, lo, hi) {
            if let Some((_, s)) = slot(l.day, l.agent, l.campaign) {
                acc[s].add_lead(l);
            }
        }
        for (b, a) in active.iter() {
            if !self.unassigned(a) {
                acc[buckets.slot(b, a)].active += 1;
            }
        }
    }

    /// Adds the revenue of window `w` (and of the window before it), and its
    /// won deals, of the agents in scope (ignoring the campaign filter) to
    /// `acc[slot(agent)]`.
    pub(crate) fn tally_window(
        &self,
        scope: &InScope,
        w: usize,
        acc: &mut [Acc],
        slot: impl Fn(u32) -> usize,
    ) {
        let Some(win) = self.windows.get(w) else {
            return;
        };
        let (before_from, _) = win.before();
        for c in day_range(&self.closed, |c| c.day, before_from.0, win.end.0) {
            if !c.won || !scope.agent_ok(c.agent) {
                continue;
            }
            let Some(a) = acc.get_mut(slot(c.agent)) else {
                continue;
            };
            if c.day >= win.start.0 {
                a.during += c.amount;
                a.during_n += 1;
                a.new_customers += u64::from(c.new_customer);
            } else {
                a.before += c.amount;
            }
        }
    }
}
