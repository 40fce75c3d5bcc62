//! Asterisk CDR (DATA.md §6): headerless `Master.csv` (16–21 fields) and
//! `cdr_custom` (14–19 fields), read by position, and headed CDR exports (read
//! by column name; `NULL` cells are empty). Legs are kept until
//! the end of the file, then grouped by linkedid into calls described by their
//! representative leg.

use std::collections::HashMap;

use super::cdr_layout::Layout;
pub use super::cdr_layout::{positional_mapping, CdrFamily};
use super::error::{clip, RowProblem};
use super::issues::{Cause, Expected};
use super::mapping::ColumnMapping;
use super::record::{duration_cell, Col, Ctx, Record};
use super::value::timestamp::DateOrder;
use crate::domain::model::{
    CallRow, CallStatus, CallTable, Direction, Millis, Sym, Timestamp, UNASSIGNED,
};

/// A CDR disposition.
pub fn disposition(text: &str) -> Option<CallStatus> {
    match text.trim().to_ascii_uppercase().as_str() {
        "ANSWERED" => Some(CallStatus::Connected),
        "NO ANSWER" | "NOANSWER" => Some(CallStatus::NoAnswer),
        "BUSY" => Some(CallStatus::Busy),
        "FAILED" | "CONGESTION" => Some(CallStatus::Failed),
        _ => None,
    }
}

/// Whether `text` is an extension: 1 to `max` ASCII digits.
pub fn is_extension(text: &str, max: usize) -> bool {
    !text.is_empty() && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit())
}

/// The extension of a `SIP/`, `PJSIP/`, `IAX2/` or `Local/` channel name: the
/// part before `-` or `@`, when it is an extension.
///
/// ```
/// # use telesales_kpi::domain::ingest::cdr::channel_extension;
/// assert_eq!(channel_extension("PJSIP/1001-0000002a", 5), Some("1001"));
/// assert_eq!(channel_extension("Local/1002@from-queue-0001;1", 5), Some("1002"));
/// assert_eq!(channel_extension("PJSIP/trunk-00000001", 5), None);
/// ```
pub fn channel_extension(channel: &str, max: usize) -> Option<&str> {
    let (tech, rest) = channel.trim().split_once('/')?;
    let known = ["SIP", "PJSIP", "IAX2", "Local"];
    if !known.iter().any(|k| k.eq_ignore_ascii_case(tech)) {
        return None;
    }
    let ext = rest.split(['-', '@']).next()?;
    is_extension(ext, max).then_some(ext)
}

/// One kept leg.
#[derive(Clone, Copy, Debug)]
struct Leg {
    group: u32,
    start: Timestamp,
    duration: Option<f64>,
    billsec: Option<f64>,
    status: CallStatus,
    queue: bool,
    direction: Direction,
    agent: Option<Sym>,
    phone: Option<Sym>,
}

/// Reads CDR legs and groups them into calls.
#[derive(Debug)]
pub struct CdrBuilder {
    named: Option<Layout>,
    family: CdrFamily,
    legs: Vec<Leg>,
    groups: HashMap<Box<str>, u32>,
    call_ids: Vec<Option<Sym>>,
}

impl CdrBuilder {
    /// A builder: `mapping` for a headed (or user-mapped) export, `None` for a
    /// headerless file whose rows follow `family`.
    pub fn new(mapping: Option<&ColumnMapping>, family: CdrFamily) -> CdrBuilder {
        CdrBuilder {
            named: mapping.map(Layout::named),
            family,
            legs: Vec::new(),
            groups: HashMap::new(),
            call_ids: Vec::new(),
        }
    }

    /// Reads one leg.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let line = rec.line;
        let Some(l) = self
            .named
            .or_else(|| Layout::positional(self.family, rec.len()))
        else {
            let (min, max) = self.family.field_counts();
            let problem = RowProblem::CdrFieldCount {
                min,
                max,
                found: rec.len(),
            };
            cx.issues.skip(line, problem);
            return;
        };
        let cell = |col: Option<usize>| rec.cell(col).filter(|t| *t != "NULL");
        let lastapp = cell(l.lastapp).unwrap_or_default();
        let queue = lastapp.eq_ignore_ascii_case("Queue");
        if l.lastapp.is_some() && !queue && !lastapp.eq_ignore_ascii_case("Dial") {
            cx.issues.warn(Cause::LastApp, line, lastapp);
            return;
        }
        let Some(disp_text) = cell(l.disposition) else {
            let field = "disposition";
            cx.issues.skip(line, RowProblem::EmptyRequired { field });
            return;
        };
        let Some(status) = disposition(disp_text) else {
            let value = clip(disp_text);
            cx.issues.skip(line, RowProblem::NotADisposition { value });
            return;
        };
        let Some(start_text) = cell(l.start) else {
            let field = "start";
            cx.issues.skip(line, RowProblem::EmptyRequired { field });
            return;
        };
        let order = match cx.options.day_first {
            Some(false) => DateOrder::MonthFirst,
            _ => DateOrder::DayFirst,
        };
        let start = cx.stamp_cell(rec.number(l.start), start_text);
        let Some(start) = start.and_then(|s| s.resolve(order)) else {
            let value = clip(start_text);
            let problem = RowProblem::NotATimestamp {
                field: "start",
                value,
            };
            cx.issues.skip(line, problem);
            return;
        };
        let max = cx.options.extension_max_digits;
        let src = cell(l.src).unwrap_or_default();
        let dst = cell(l.dst).unwrap_or_default();
        let (src_ext, dst_ext) = (is_extension(src, max), is_extension(dst, max));
        let (direction, agent, phone) = if src_ext && dst_ext {
            cx.issues.warn(Cause::Internal, line, src);
            return;
        } else if src_ext {
            (Direction::Outbound, Some(src), Some(dst))
        } else {
            let agent = cell(l.dstchannel)
                .and_then(|c| channel_extension(c, max))
                .or((dst_ext && !queue).then_some(dst));
            (Direction::Inbound, agent, Some(src))
        };
        let duration = cx.optional(line, "duration", Expected::Seconds, cell(l.duration), |t| {
            duration_cell(rec.number(l.duration), t)
        });
        let billsec = cx.optional(line, "billsec", Expected::Seconds, cell(l.billsec), |t| {
            duration_cell(rec.number(l.billsec), t)
        });
        let group = self.group_of(cell(l.linkedid), cell(l.uniqueid), line, cx);
        let leg = Leg {
            group,
            start,
            duration,
            billsec,
            status,
            queue,
            direction,
            agent: agent.map(|a| cx.cached(Col::Agent, a)),
            phone: cx.phone(phone.filter(|p| !p.is_empty())),
        };
        self.legs.push(leg);
    }

    /// The call a leg belongs to: its linkedid's, else a new one named by the
    /// uniqueid, else by the line.
    fn group_of(
        &mut self,
        linkedid: Option<&str>,
        uniqueid: Option<&str>,
        line: u64,
        cx: &mut Ctx,
    ) -> u32 {
        if let Some(&g) = linkedid.and_then(|k| self.groups.get(k)) {
            return g;
        }
        let g = u32::try_from(self.call_ids.len()).unwrap_or(u32::MAX);
        let id = match linkedid.or(uniqueid) {
            Some(id) => cx.call_id(Some(id)),
            None => cx.call_id(Some(&line.to_string())),
        };
        self.call_ids.push(id);
        if let Some(k) = linkedid {
            self.groups.insert(k.into(), g);
        }
        g
    }

    /// Groups the legs into calls; returns the table and the legs used.
    pub fn finish(self, cx: &mut Ctx) -> (CallTable, usize) {
        let mut order: Vec<usize> = (0..self.legs.len()).collect();
        order.sort_by_key(|&i| self.legs.get(i).map_or(u32::MAX, |l| l.group));
        let unassigned = cx.strings.intern(UNASSIGNED);
        let mut table = CallTable::default();
        let legs: Vec<Leg> = order
            .iter()
            .filter_map(|&i| self.legs.get(i).copied())
            .collect();
        for call in legs.chunk_by(|a, b| a.group == b.group) {
            let Some(first) = call.first() else { continue };
            table.push(call_of(
                call,
                self.call_ids.get(first.group as usize).copied().flatten(),
                unassigned,
            ));
        }
        (table, self.legs.len())
    }
}

/// The call described by its legs (file order).
fn call_of(legs: &[Leg], call_id: Option<Sym>, unassigned: Sym) -> CallRow {
    let best_answered = |with_agent: bool| {
        let mut best: Option<&Leg> = None;
        for leg in legs {
            if leg.status != CallStatus::Connected || (with_agent && leg.agent.is_none()) {
                continue;
            }
            if best.is_none_or(|b| leg.billsec.unwrap_or(0.0) > b.billsec.unwrap_or(0.0)) {
                best = Some(leg);
            }
        }
        best
    };
    let rep = best_answered(true)
        .or_else(|| best_answered(false))
        .or(legs.last());
    let started_at = legs.iter().map(|l| l.start).min().unwrap_or_default();
    let Some(rep) = rep.copied() else {
        return CallRow {
            call_id,
            agent: unassigned,
            started_at,
            direction: Direction::Inbound,
            status: CallStatus::Other,
            wait: Millis::MISSING,
            talk: Millis::MISSING,
            lead_id: None,
            phone: None,
            campaign: None,
            callback: None,
        };
    };
    let inbound = rep.direction == Direction::Inbound;
    let lost = rep.status != CallStatus::Connected || (rep.queue && rep.agent.is_none());
    let status = if inbound && lost {
        CallStatus::Abandoned
    } else {
        rep.status
    };
    let since_start = |secs: f64| (rep.start - started_at) as f64 / 1000.0 + secs;
    let wait = match (status, rep.duration) {
        (CallStatus::Connected, Some(d)) => Some(since_start(d - rep.billsec.unwrap_or(0.0))),
        (CallStatus::Abandoned, Some(d)) => Some(since_start(d)),
        _ => None,
    };
    CallRow {
        call_id,
        agent: rep.agent.unwrap_or(unassigned),
        started_at,
        direction: rep.direction,
        status,
        wait: Millis::from_secs_opt(wait),
        talk: Millis::from_secs_opt(rep.billsec),
        lead_id: None,
        phone: rep.phone,
        campaign: None,
        callback: None,
    }
}
