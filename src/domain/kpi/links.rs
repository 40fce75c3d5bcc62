//! Linking over all loaded records (KPIS.md "Decided readings: Linking"):
//! first contacts of leads, conversions by linked won deals, and callbacks.
//!
//! Two records are linked by `lead_id` when both have one, else by normalised
//! phone. So a record with a lead id `L` and phone `P` is linked to the other
//! side's records with lead id `L`, plus those *without* a lead id whose phone
//! is `P`; a record without a lead id is linked to every record with phone `P`.

use std::collections::HashMap;

use crate::domain::model::{CallStatus, Dataset, Direction, LeadStatus, Stage, Sym};

/// Items grouped by symbol, sorted by (time, row) within each group.
struct Keyed {
    offsets: Vec<u32>,
    items: Vec<(i64, u32)>,
}

impl Keyed {
    /// No group at all: for a key no record links by.
    fn empty() -> Keyed {
        Keyed {
            offsets: Vec::new(),
            items: Vec::new(),
        }
    }

    /// Groups the `(symbol index, time, row)` entries `entries` yields
    /// (called twice: to count, then to place; no list of entries is kept)
    /// by a counting sort by symbol, then sorts each (small) group by
    /// (time, row).
    fn build<I: Iterator<Item = (u32, i64, u32)>>(n_syms: usize, entries: impl Fn() -> I) -> Keyed {
        // `offsets[k]` counts symbol k, then (summed) is where its group
        // ends, then (each entry placed before it) where it starts; the
        // last slot, never counted, ends up as the total.
        let mut offsets = vec![0u32; n_syms + 1];
        for (key, _, _) in entries() {
            if let Some(slot) = offsets.get_mut(key as usize) {
                *slot += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut items = vec![(0i64, 0u32); offsets.last().copied().unwrap_or(0) as usize];
        for (key, t, row) in entries() {
            if let Some(end) = offsets.get_mut(key as usize) {
                *end -= 1;
                if let Some(item) = items.get_mut(*end as usize) {
                    *item = (t, row);
                }
            }
        }
        for w in offsets.windows(2) {
            if let Some(group) = items.get_mut(w[0] as usize..w[1] as usize) {
                if group.len() > 1 {
                    group.sort_unstable();
                }
            }
        }
        Keyed { offsets, items }
    }

    /// The group of `sym`, empty when absent.
    fn get(&self, sym: Option<Sym>) -> &[(i64, u32)] {
        let Some(s) = sym else { return &[] };
        let (Some(&a), Some(&b)) = (self.offsets.get(s.index()), self.offsets.get(s.index() + 1))
        else {
            return &[];
        };
        self.items.get(a as usize..b as usize).unwrap_or(&[])
    }
}

/// Outbound calls by the keys other records link to them with.
struct Outbound {
    lead_id: Keyed,
    phone_without_id: Keyed,
    phone: Keyed,
}

impl Outbound {
    /// Indexes the outbound calls by the keys the records that link to them
    /// (leads, inbound calls) carry: by lead id (and phone without one) when
    /// one of them has a lead id, by any phone when one has a phone and no
    /// lead id. An index no record would read is not built.
    fn new(data: &Dataset) -> Outbound {
        let (c, l) = (&data.calls, &data.leads);
        let askers = (0..l.len()).map(|i| (l.lead_id[i], l.phone[i])).chain(
            (0..c.len())
                .filter(|&i| c.direction[i] == Direction::Inbound)
                .map(|i| (c.lead_id[i], c.phone[i])),
        );
        let (mut by_id, mut by_phone) = (false, false);
        for (id, phone) in askers {
            by_id |= id.is_some();
            by_phone |= id.is_none() && phone.is_some();
            if by_id && by_phone {
                break;
            }
        }
        let n = data.strings.len();
        let outbound = || (0..c.len()).filter(|&i| c.direction[i] == Direction::Outbound);
        let entry = |sym: Sym, i: usize| (sym.index() as u32, c.started_at[i], i as u32);
        let index = |wanted: bool, key: &dyn Fn(usize) -> Option<Sym>| {
            if wanted {
                Keyed::build(n, || outbound().filter_map(|i| key(i).map(|s| entry(s, i))))
            } else {
                Keyed::empty()
            }
        };
        Outbound {
            lead_id: index(by_id, &|i| c.lead_id[i]),
            phone_without_id: index(by_id, &|i| c.phone[i].filter(|_| c.lead_id[i].is_none())),
            phone: index(by_phone, &|i| c.phone[i]),
        }
    }
    /// The outbound calls linked to a record with these keys (two sorted runs).
    fn linked(&self, lead_id: Option<Sym>, phone: Option<Sym>) -> [&[(i64, u32)]; 2] {
        match lead_id {
            Some(l) => [self.lead_id.get(Some(l)), self.phone_without_id.get(phone)],
            None => [self.phone.get(phone), &[]],
        }
    }
}

/// What linking found, per row.
pub(crate) struct Links {
    /// Per lead: its first contact (file value, else earliest linked outbound
    /// call at or after creation).
    pub first_contact: Vec<Option<i64>>,
    /// Per lead: converted (date, status or a linked won deal).
    pub converted: Vec<bool>,
    /// Per lead: when it converted (`converted_at`, else earliest linked won
    /// deal's `closed_at`).
    pub converted_at: Vec<Option<i64>>,
    /// Per call: an outbound call that got a callback.
    pub callback: Vec<bool>,
    /// Per call: for an abandoned inbound call, the first linked outbound
    /// call (any agent, status or scope) strictly after it and within the
    /// callback window, as its row (`u32::MAX`: none, or not abandoned).
    pub called_back: Vec<u32>,
}

/// No row.
pub(crate) const NO_ROW: u32 = u32::MAX;

impl Links {
    /// Links every record of `data`; `callback_ms` is the callback window.
    pub fn new(data: &Dataset, callback_ms: i64) -> Links {
        let out = Outbound::new(data);
        let (first_contact, converted, converted_at) = leads(data, &out);
        let callback = callbacks(data, &out, callback_ms);
        let called_back = called_back(data, &out, callback_ms);
        Links {
            first_contact,
            converted,
            converted_at,
            callback,
            called_back,
        }
    }
}

/// Earliest won `closed_at` by key.
#[derive(Default)]
struct WonIndex {
    lead_id: HashMap<Sym, i64>,
    phone_without_id: HashMap<Sym, i64>,
    phone: HashMap<Sym, i64>,
}

fn keep_min(map: &mut HashMap<Sym, i64>, key: Sym, t: i64) {
    map.entry(key).and_modify(|v| *v = (*v).min(t)).or_insert(t);
}

impl WonIndex {
    fn new(data: &Dataset) -> WonIndex {
        let d = &data.deals;
        let mut w = WonIndex::default();
        for i in 0..d.len() {
            let (Stage::Won, Some(t)) = (d.stage[i], d.closed_at[i]) else {
                continue;
            };
            if let Some(l) = d.lead_id[i] {
                keep_min(&mut w.lead_id, l, t);
            }
            if let Some(p) = d.phone[i] {
                keep_min(&mut w.phone, p, t);
                if d.lead_id[i].is_none() {
                    keep_min(&mut w.phone_without_id, p, t);
                }
            }
        }
        w
    }

    fn earliest(&self, lead_id: Option<Sym>, phone: Option<Sym>) -> Option<i64> {
        let get = |m: &HashMap<Sym, i64>, k: Option<Sym>| k.and_then(|k| m.get(&k).copied());
        match lead_id {
            Some(l) => {
                let a = get(&self.lead_id, Some(l));
                let b = get(&self.phone_without_id, phone);
                a.into_iter().chain(b).min()
            }
            None => get(&self.phone, phone),
        }
    }
}

type LeadLinks = (Vec<Option<i64>>, Vec<bool>, Vec<Option<i64>>);

fn leads(data: &Dataset, out: &Outbound) -> LeadLinks {
    let l = &data.leads;
    let won = WonIndex::new(data);
    let mut first = Vec::with_capacity(l.len());
    let mut converted = Vec::with_capacity(l.len());
    let mut converted_at = Vec::with_capacity(l.len());
    for i in 0..l.len() {
        let created = l.created_at[i];
        let fc = l.first_contact_at[i].or_else(|| {
            out.linked(l.lead_id[i], l.phone[i])
                .into_iter()
                .filter_map(|run| run.get(run.partition_point(|x| x.0 < created)).map(|x| x.0))
                .min()
        });
        first.push(fc);
        let won_at = won.earliest(l.lead_id[i], l.phone[i]);
        converted.push(
            l.converted_at[i].is_some() || l.status[i] == LeadStatus::Converted || won_at.is_some(),
        );
        converted_at.push(l.converted_at[i].or(won_at));
    }
    (first, converted, converted_at)
}

fn callbacks(data: &Dataset, out: &Outbound, window_ms: i64) -> Vec<bool> {
    let c = &data.calls;
    let mut got: Vec<bool> = (0..c.len())
        .map(|i| c.direction[i] == Direction::Outbound && c.callback[i] == Some(true))
        .collect();
    for i in 0..c.len() {
        if c.direction[i] != Direction::Inbound {
            continue;
        }
        let t = c.started_at[i];
        let latest = out
            .linked(c.lead_id[i], c.phone[i])
            .into_iter()
            .filter_map(|run| {
                run.partition_point(|x| x.0 < t)
                    .checked_sub(1)
                    .map(|k| run[k])
            })
            .max();
        if let Some((when, row)) = latest {
            if t - when <= window_ms {
                if let Some(flag) = got.get_mut(row as usize) {
                    *flag = true;
                }
            }
        }
    }
    got
}

/// For each abandoned inbound call, the first linked outbound call that
/// started strictly after it and at most `window_ms` later (ANALYSES.md
/// `called_back`; ties on the start go to the earlier row).
fn called_back(data: &Dataset, out: &Outbound, window_ms: i64) -> Vec<u32> {
    let c = &data.calls;
    (0..c.len())
        .map(|i| {
            if c.direction[i] != Direction::Inbound || c.status[i] != CallStatus::Abandoned {
                return NO_ROW;
            }
            let t = c.started_at[i];
            out.linked(c.lead_id[i], c.phone[i])
                .into_iter()
                .filter_map(|run| run.get(run.partition_point(|x| x.0 <= t)).copied())
                .filter(|&(when, _)| when - t <= window_ms)
                .min()
                .map_or(NO_ROW, |(_, row)| row)
        })
        .collect()
}
