//! Linking over all loaded records (KPIS.md "Decided readings: Linking"):
//! first contacts of leads, conversions by linked won deals, and callbacks.
//!
//! Two records are linked by `lead_id` when both have one, else by normalised
//! phone. So a record with a lead id `L` and phone `P` is linked to the other
//! side's records with lead id `L`, plus those *without* a lead id whose phone
//! is `P`; a record without a lead id is linked to every record with phone `P`.

use std::collections::HashMap;

use super::engine::FxHashMap;
use crate::domain::model::{CallStatus, Dataset, Direction, LeadStatus, Stage, Starts, Sym};

/// Call rows grouped by symbol, sorted by (start, row) within each group.
/// Only rows are kept (4 bytes an entry): the starts are read from the
/// calls table, which linking borrows anyway. The rows are held in blocks
/// of about [`BLOCK_ROWS`] (a group never spans two), so building the index
/// of a million calls asks for room a megabyte at a time, which the heap's
/// free gaps left by reading the file can give, rather than for one run of
/// four megabytes past the heap's end.
struct Keyed {
    blocks: Vec<Block>,
}

/// The groups of the symbols from `first` on (to the next block's first).
struct Block {
    first: u32,
    /// Where each of the block's symbols' group starts in `rows`, and (last)
    /// where the block's rows end.
    offsets: Vec<u32>,
    rows: Vec<u32>,
}

/// Rows a block of a [`Keyed`] holds at most, unless one group is larger.
const BLOCK_ROWS: u32 = 256 * 1024;

/// One group of a [`Keyed`]: call rows in (start, row) order, each read as
/// its `(start, row)`.
#[derive(Clone, Copy)]
struct Run<'a> {
    rows: &'a [u32],
    starts: &'a Starts,
}

impl Run<'_> {
    /// The `(start, row)` of the `k`-th call of the run.
    fn get(&self, k: usize) -> Option<(i64, u32)> {
        let row = *self.rows.get(k)?;
        Some((self.starts.get(row as usize)?, row))
    }

    /// How many calls of the run, from its first, start when `before` holds
    /// (`before` must hold for a prefix of the run only).
    fn count_while(&self, before: impl Fn(i64) -> bool) -> usize {
        self.rows
            .partition_point(|&r| self.starts.get(r as usize).is_some_and(&before))
    }
}

impl Keyed {
    /// No group at all: for a key no record links by.
    fn empty() -> Keyed {
        Keyed { blocks: Vec::new() }
    }

    /// Groups the `(symbol index, row)` entries `entries` yields (called
    /// twice: to count, then to place; no list of entries is kept) by a
    /// counting sort by symbol, then sorts each (small) group by the rows'
    /// (start, row).
    fn build<I: Iterator<Item = (u32, u32)>>(
        n_syms: usize,
        starts: &Starts,
        entries: impl Fn() -> I,
    ) -> Keyed {
        Keyed::build_in(BLOCK_ROWS, n_syms, starts, entries)
    }

    /// [`Keyed::build`] with blocks of `block_rows` rows.
    fn build_in<I: Iterator<Item = (u32, u32)>>(
        block_rows: u32,
        n_syms: usize,
        starts: &Starts,
        entries: impl Fn() -> I,
    ) -> Keyed {
        let mut counts = vec![0u32; n_syms];
        for (key, _) in entries() {
            if let Some(slot) = counts.get_mut(key as usize) {
                *slot += 1;
            }
        }
        if counts.iter().all(|&n| n == 0) {
            // No entry: no offsets are kept (4 bytes a symbol), and the
            // second pass over the calls is spared.
            return Keyed::empty();
        }
        // The blocks: each symbol's group goes in the open block while it
        // fits, else opens the next. `offsets[k]` is first where symbol k's
        // group ends, then (each entry placed before it) where it starts.
        let mut blocks: Vec<Block> = Vec::new();
        let mut open = Block {
            first: 0,
            offsets: Vec::new(),
            rows: Vec::new(),
        };
        let mut filled = 0u32;
        for (k, &n) in counts.iter().enumerate() {
            if filled > 0 && filled.saturating_add(n) > block_rows {
                open.offsets.push(filled);
                let next = Block {
                    first: k as u32,
                    offsets: Vec::new(),
                    rows: Vec::new(),
                };
                blocks.push(std::mem::replace(&mut open, next));
                filled = 0;
            }
            filled = filled.saturating_add(n);
            open.offsets.push(filled);
        }
        open.offsets.push(filled);
        blocks.push(open);
        drop(counts);
        for b in &mut blocks {
            b.offsets.shrink_to_fit();
            b.rows = vec![0u32; b.offsets.last().copied().unwrap_or(0) as usize];
        }
        for (key, row) in entries().filter(|&(key, _)| (key as usize) < n_syms) {
            let Some(b) = Keyed::block_of(&blocks, key).and_then(|at| blocks.get_mut(at)) else {
                continue;
            };
            let local = (key - b.first) as usize;
            if let Some(end) = b.offsets.get_mut(local) {
                *end -= 1;
                if let Some(slot) = b.rows.get_mut(*end as usize) {
                    *slot = row;
                }
            }
        }
        let start = |r: u32| starts.get(r as usize).unwrap_or(i64::MAX);
        // Each group is sorted by its rows' (start, row) read once each
        // into `keys` (a sort reading the starts at every comparison reads
        // the calls table at random several times a row).
        let mut keys: Vec<(i64, u32)> = Vec::new();
        for b in &mut blocks {
            // The last offset (the block's end) was never counted down;
            // each symbol's now is where its group starts.
            let Block { offsets, rows, .. } = b;
            for w in offsets.windows(2) {
                if let Some(group) = rows.get_mut(w[0] as usize..w[1] as usize) {
                    if group.len() > 1 {
                        keys.clear();
                        keys.extend(group.iter().map(|&r| (start(r), r)));
                        keys.sort_unstable();
                        for (slot, &(_, r)) in group.iter_mut().zip(&keys) {
                            *slot = r;
                        }
                    }
                }
            }
        }
        Keyed { blocks }
    }

    /// The position of the block holding symbol `key`'s group.
    fn block_of(blocks: &[Block], key: u32) -> Option<usize> {
        blocks.partition_point(|b| b.first <= key).checked_sub(1)
    }

    /// The group of `sym`, empty when absent.
    fn get<'a>(&'a self, sym: Option<Sym>, starts: &'a Starts) -> Run<'a> {
        let rows = sym
            .and_then(|s| {
                let key = u32::try_from(s.index()).ok()?;
                let b = self.blocks.get(Keyed::block_of(&self.blocks, key)?)?;
                let local = (key - b.first) as usize;
                let (from, to) = (b.offsets.get(local)?, b.offsets.get(local + 1)?);
                b.rows.get(*from as usize..*to as usize)
            })
            .unwrap_or(&[]);
        Run { rows, starts }
    }
}

/// Outbound calls by the keys other records link to them with.
struct Outbound<'a> {
    lead_id: Keyed,
    phone_without_id: Keyed,
    phone: Keyed,
    /// The calls' starts.
    starts: &'a Starts,
}

impl<'a> Outbound<'a> {
    /// Indexes the outbound calls by the keys the records that link to them
    /// (leads, inbound calls) carry: by lead id (and phone without one) when
    /// one of them has a lead id, by any phone when one has a phone and no
    /// lead id. An index no record would read is not built.
    fn new(data: &'a Dataset) -> Outbound<'a> {
        let (c, l) = (&data.calls, &data.leads);
        let askers = (0..l.len()).map(|i| (l.lead_id[i], l.phone[i])).chain(
            (0..c.len())
                .filter(|&i| c.direction(i) == Direction::Inbound)
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
        let outbound = || (0..c.len()).filter(|&i| c.direction(i) == Direction::Outbound);
        let entry = |sym: Sym, i: usize| (sym.index() as u32, i as u32);
        let index = |wanted: bool, key: &dyn Fn(usize) -> Option<Sym>| {
            if wanted {
                Keyed::build(n, &c.started_at, || {
                    outbound().filter_map(|i| key(i).map(|s| entry(s, i)))
                })
            } else {
                Keyed::empty()
            }
        };
        Outbound {
            lead_id: index(by_id, &|i| c.lead_id[i]),
            phone_without_id: index(by_id, &|i| c.phone[i].filter(|_| c.lead_id[i].is_none())),
            phone: index(by_phone, &|i| c.phone[i]),
            starts: &c.started_at,
        }
    }
    /// The outbound calls linked to a record with these keys (two sorted runs).
    fn linked(&self, lead_id: Option<Sym>, phone: Option<Sym>) -> [Run<'_>; 2] {
        let t = self.starts;
        match lead_id {
            Some(l) => [
                self.lead_id.get(Some(l), t),
                self.phone_without_id.get(phone, t),
            ],
            None => [self.phone.get(phone, t), self.phone.get(None, t)],
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
    /// Per call, a bit (call `i` is bit `i % 64` of word `i / 64`): an
    /// outbound call that got a callback.
    pub callback: Vec<u64>,
    /// Abandoned inbound call row → the first linked outbound call (any
    /// agent, status or scope) strictly after it and within the callback
    /// window, as its row; only the calls called back.
    pub called_back: FxHashMap<u32, u32>,
}

impl Links {
    /// Whether outbound call `i` got a callback.
    pub fn got_callback(&self, i: usize) -> bool {
        is_set(&self.callback, i)
    }
}

/// Bit `i` of a bit set held in words.
pub(crate) fn is_set(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// Sets bit `i` of a bit set held in words.
fn set(bits: &mut [u64], i: usize) {
    if let Some(w) = bits.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
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

fn leads(data: &Dataset, out: &Outbound<'_>) -> LeadLinks {
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
                .filter_map(|run| run.get(run.count_while(|t| t < created)).map(|x| x.0))
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

fn callbacks(data: &Dataset, out: &Outbound<'_>, window_ms: i64) -> Vec<u64> {
    let c = &data.calls;
    let mut got = vec![0u64; c.len().div_ceil(64)];
    for i in 0..c.len() {
        if c.direction(i) == Direction::Outbound && c.callback(i) == Some(true) {
            set(&mut got, i);
        }
    }
    for i in 0..c.len() {
        if c.direction(i) != Direction::Inbound {
            continue;
        }
        let t = c.started_at.at(i);
        let latest = out
            .linked(c.lead_id[i], c.phone[i])
            .into_iter()
            .filter_map(|run| {
                run.count_while(|when| when < t)
                    .checked_sub(1)
                    .and_then(|k| run.get(k))
            })
            .max();
        if let Some((when, row)) = latest {
            if t - when <= window_ms {
                set(&mut got, row as usize);
            }
        }
    }
    got
}

/// For each abandoned inbound call, the first linked outbound call that
/// started strictly after it and at most `window_ms` later (ANALYSES.md
/// `called_back`; ties on the start go to the earlier row).
fn called_back(data: &Dataset, out: &Outbound<'_>, window_ms: i64) -> FxHashMap<u32, u32> {
    let c = &data.calls;
    (0..c.len())
        .filter(|&i| c.direction(i) == Direction::Inbound && c.status(i) == CallStatus::Abandoned)
        .filter_map(|i| {
            let t = c.started_at.at(i);
            out.linked(c.lead_id[i], c.phone[i])
                .into_iter()
                .filter_map(|run| run.get(run.count_while(|when| when <= t)))
                .filter(|&(when, _)| when - t <= window_ms)
                .min()
                .map(|(_, row)| (i as u32, row))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any block size holds the same groups: each symbol's rows, in
        /// (start, row) order, as a plain filter and sort finds them.
        #[test]
        fn blocks_of_any_size_hold_the_same_groups(
            starts in prop::collection::vec(0i64..50, 0..200),
            keys in prop::collection::vec(0u32..24, 0..200),
            block in 1u32..9,
        ) {
            let n_syms = 20;
            let starts = Starts::from_times(&starts);
            let entries: Vec<(u32, u32)> = keys
                .iter()
                .enumerate()
                .filter(|&(row, _)| row < starts.len())
                .map(|(row, &k)| (k, row as u32))
                .collect();
            let keyed = Keyed::build_in(block, n_syms, &starts, || entries.iter().copied());
            let mut names = crate::domain::model::Interner::new();
            for sym in 0..n_syms + 3 {
                let handle = names.intern(&sym.to_string());
                let mut want: Vec<u32> = entries
                    .iter()
                    .filter(|&&(k, _)| k as usize == sym && sym < n_syms)
                    .map(|&(_, r)| r)
                    .collect();
                want.sort_by_key(|&r| (starts.at(r as usize), r));
                let got = keyed.get(Some(handle), &starts).rows.to_vec();
                prop_assert_eq!(got, want);
            }
            prop_assert!(keyed.get(None, &starts).rows.is_empty());
        }
    }
}
