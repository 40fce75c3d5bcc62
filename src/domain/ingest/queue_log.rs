//! Asterisk `queue_log` (DATA.md §6): `epoch|callid|queue|agent|EVENT|data1|…`,
//! one inbound call per callid that entered a queue.

use std::collections::HashMap;

use super::error::{clip, RowProblem};
use super::record::{Col, Ctx, Record};
use super::value::duration::parse_duration;
use crate::domain::model::{
    CallRow, CallStatus, CallTable, Direction, Millis, Sym, Timestamp, UNASSIGNED,
};

/// Event names that mark a `queue_log` line (for recognition).
pub const KNOWN_EVENTS: [&str; 27] = [
    "ENTERQUEUE",
    "CONNECT",
    "ABANDON",
    "EXITWITHTIMEOUT",
    "EXITEMPTY",
    "EXITWITHKEY",
    "COMPLETEAGENT",
    "COMPLETECALLER",
    "RINGNOANSWER",
    "RINGCANCELED",
    "TRANSFER",
    "ATTENDEDTRANSFER",
    "BLINDTRANSFER",
    "AGENTLOGIN",
    "AGENTLOGOFF",
    "AGENTCALLBACKLOGIN",
    "AGENTCALLBACKLOGOFF",
    "AGENTDUMP",
    "PAUSE",
    "UNPAUSE",
    "PAUSEALL",
    "UNPAUSEALL",
    "ADDMEMBER",
    "REMOVEMEMBER",
    "QUEUESTART",
    "CONFIGRELOAD",
    "DID",
];

/// Whether cells look like a `queue_log` line: numeric epoch and a known event.
pub fn looks_like(cells: &[String]) -> bool {
    cells.len() >= 5
        && cells.first().is_some_and(|e| epoch_secs(e).is_some())
        && cells
            .get(4)
            .is_some_and(|ev| KNOWN_EVENTS.contains(&ev.trim()))
}

/// The seconds of an epoch cell (digits, optional fraction).
fn epoch_secs(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    t.parse().ok().filter(|s: &f64| *s < 1e11)
}

/// The agent of a member name: `Agent/1001`, `SIP/1001`, `PJSIP/1001`,
/// `Local/1001@…` → `1001`; `NONE` or empty → `None`.
///
/// ```
/// # use telesales_kpi::domain::ingest::queue_log::agent_name;
/// assert_eq!(agent_name("Local/1001@from-queue/n"), Some("1001"));
/// assert_eq!(agent_name("NONE"), None);
/// ```
pub fn agent_name(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("NONE") {
        return None;
    }
    let name = match t.split_once('/') {
        Some((_, rest)) => rest.split('@').next().unwrap_or(rest),
        None => t,
    };
    let name = name.trim();
    (!name.is_empty()).then_some(name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Waiting,
    Connected,
    Done,
}

#[derive(Clone, Copy, Debug)]
struct QueueCall {
    call_id: Option<Sym>,
    entered: Timestamp,
    queue: Option<Sym>,
    phone: Option<Sym>,
    agent: Option<Sym>,
    phase: Phase,
    status: CallStatus,
    wait: Option<f64>,
    talk: Option<f64>,
}

/// Reads `queue_log` lines into calls.
#[derive(Debug, Default)]
pub struct QueueLogBuilder {
    calls: Vec<QueueCall>,
    by_id: HashMap<Box<str>, usize>,
    last: Option<Timestamp>,
}

impl QueueLogBuilder {
    /// Reads one line.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let line = rec.line;
        if rec.len() < 5 {
            let found = rec.len();
            cx.issues
                .skip(line, RowProblem::QueueLogFieldCount { found });
            return;
        }
        let epoch_text = rec.raw(0).unwrap_or_default();
        let Some(secs) = epoch_secs(epoch_text) else {
            let value = clip(epoch_text);
            cx.issues.skip(line, RowProblem::NotAnEpoch { value });
            return;
        };
        let ts = ((secs * 1000.0).round() as i64)
            .saturating_add(i64::from(cx.options.utc_offset_minutes) * 60_000);
        self.last = Some(ts);
        let Some(callid) = rec.cell(Some(1)) else {
            return;
        };
        let event = rec.cell(Some(4)).unwrap_or_default();
        let data = |i: usize| rec.cell(Some(4 + i));
        let secs_of = |i: usize| data(i).and_then(parse_duration);
        if event == "ENTERQUEUE" {
            if self.by_id.contains_key(callid) {
                return;
            }
            let call = QueueCall {
                call_id: cx.call_id(Some(callid)),
                entered: ts,
                queue: cx.cached_opt(Col::Campaign, rec.cell(Some(2)).filter(|q| *q != "NONE")),
                phone: cx.phone(data(2)),
                agent: None,
                phase: Phase::Waiting,
                status: CallStatus::Abandoned,
                wait: None,
                talk: None,
            };
            self.by_id.insert(callid.into(), self.calls.len());
            self.calls.push(call);
            return;
        }
        let Some(call) = self.by_id.get(callid).and_then(|&i| self.calls.get_mut(i)) else {
            return;
        };
        match (event, call.phase) {
            ("CONNECT", Phase::Waiting) => {
                call.phase = Phase::Connected;
                call.status = CallStatus::Connected;
                call.wait = secs_of(1);
                call.agent =
                    agent_name(rec.raw(3).unwrap_or_default()).map(|a| cx.strings.intern(a));
            }
            ("COMPLETEAGENT" | "COMPLETECALLER", Phase::Waiting | Phase::Connected) => {
                if call.phase == Phase::Waiting {
                    call.status = CallStatus::Connected;
                    call.wait = secs_of(1);
                    call.agent =
                        agent_name(rec.raw(3).unwrap_or_default()).map(|a| cx.strings.intern(a));
                }
                call.phase = Phase::Done;
                call.talk = secs_of(2);
            }
            ("ABANDON", Phase::Waiting) => {
                call.phase = Phase::Done;
                call.wait = secs_of(3);
            }
            ("EXITWITHTIMEOUT" | "EXITEMPTY" | "EXITWITHKEY", Phase::Waiting) => {
                call.phase = Phase::Done;
                call.wait = Some((ts - call.entered) as f64 / 1000.0);
            }
            _ => {}
        }
    }

    /// The calls, in the order they entered a queue; calls still waiting at the
    /// end are abandoned with a wait up to the file's last line.
    pub fn finish(self, cx: &mut Ctx) -> CallTable {
        let unassigned = cx.strings.intern(UNASSIGNED);
        let mut table = CallTable::default();
        for call in &self.calls {
            let wait = match call.phase {
                Phase::Waiting => self.last.map(|l| (l - call.entered) as f64 / 1000.0),
                _ => call.wait,
            };
            table.push(CallRow {
                call_id: call.call_id,
                agent: call.agent.unwrap_or(unassigned),
                started_at: call.entered,
                direction: Direction::Inbound,
                status: call.status,
                wait: Millis::from_secs_opt(wait),
                talk: Millis::from_secs_opt(call.talk),
                lead_id: None,
                phone: call.phone,
                campaign: call.queue,
                callback: None,
            });
        }
        table
    }
}
