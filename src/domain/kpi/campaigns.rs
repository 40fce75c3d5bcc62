//! Campaign windows (DATA.md §5, KPIS.md #3) and the choice of the campaign
//! that gives `incremental_sales` its value for a period.

use std::collections::BTreeMap;

use super::period::Period;
use crate::domain::model::time::Day;
use crate::domain::model::{Dataset, Stage, Sym};

/// A campaign with its inclusive window of days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// The campaign's code (symbol index + 1), as records are tagged.
    pub code: u32,
    /// Its text.
    pub name: String,
    /// First day.
    pub start: Day,
    /// Last day (included).
    pub end: Day,
}

impl Window {
    /// Number of days of the window.
    pub fn days(&self) -> i32 {
        self.end.0 - self.start.0 + 1
    }

    /// The window of equal length that ends right before this one.
    pub fn before(&self) -> (Day, Day) {
        (self.start.plus(-self.days()), self.start.plus(-1))
    }
}

/// Every campaign's window, sorted by name: from the campaigns file when one
/// is loaded (a campaign listed twice spans from its earliest start to its
/// latest end; a row ending before it starts gives no window), else inferred
/// from the first to the last day of the calls (`started_at`) and deals
/// (`closed_at`, else `created_at`) tagged with it, over all data.
pub(crate) fn windows(data: &Dataset) -> Vec<Window> {
    let mut span: BTreeMap<Sym, (Day, Day)> = BTreeMap::new();
    let mut widen = |c: Sym, s: Day, e: Day| {
        span.entry(c)
            .and_modify(|w| {
                w.0 = w.0.min(s);
                w.1 = w.1.max(e);
            })
            .or_insert((s, e));
    };
    if data.loaded.campaigns {
        for r in data.campaigns.rows.iter().filter(|r| r.start <= r.end) {
            widen(r.campaign, r.start, r.end);
        }
    } else {
        let c = &data.calls;
        for (campaign, t) in c.campaign.iter().zip(c.started_at.iter()) {
            if let Some(s) = campaign {
                widen(*s, Day::of(t), Day::of(t));
            }
        }
        let d = &data.deals;
        for i in 0..d.len() {
            // An open deal's closed_at is an expected date: its window date
            // is its created_at (DATA.md §2).
            let closed = d.closed_at[i].filter(|_| d.stage[i] != Stage::Open);
            if let (Some(s), Some(t)) = (d.campaign[i], closed.or(d.created_at[i])) {
                widen(s, Day::of(t), Day::of(t));
            }
        }
    }
    let mut out: Vec<Window> = span
        .into_iter()
        .map(|(campaign, (start, end))| Window {
            code: campaign.index() as u32 + 1,
            name: data.strings.resolve(campaign).to_owned(),
            start,
            end,
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Which campaigns may give `incremental_sales` its value.
pub(crate) enum Candidates {
    /// Every campaign (no campaign filter).
    All,
    /// Only the filter's campaign, by code.
    Only(u32),
}

/// The window that gives `incremental_sales` its value for `period`: the one
/// with the latest start among those intersecting the period (ties: later
/// end, then greater name); with a campaign filter only that campaign.
pub(crate) fn select(windows: &[Window], period: Period, only: &Candidates) -> Option<usize> {
    windows
        .iter()
        .enumerate()
        .filter(|(_, w)| w.start <= period.to && w.end >= period.from)
        .filter(|(_, w)| match only {
            Candidates::All => true,
            Candidates::Only(c) => *c == w.code,
        })
        .max_by(|(_, a), (_, b)| (a.start, a.end, &a.name).cmp(&(b.start, b.end, &b.name)))
        .map(|(i, _)| i)
}
