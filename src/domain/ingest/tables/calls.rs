//! The calls kind (DATA.md §1).

use super::{required_text, required_time};
use crate::domain::ingest::cache::Memo;
use crate::domain::ingest::convention::DateColumn;
use crate::domain::ingest::issues::{Cause, Expected};
use crate::domain::ingest::mapping::ColumnMapping;
use crate::domain::ingest::record::{duration_cell, Col, Ctx, Record};
use crate::domain::ingest::value::{boolean, vocab};
use crate::domain::model::{
    CallRow, CallStatus, CallTable, Direction, Millis, RawColumns, Remap, UNASSIGNED,
};

const CALL_ID: usize = 0;
const AGENT: usize = 1;
const STARTED_AT: usize = 2;
const DIRECTION: usize = 3;
const STATUS: usize = 4;
const WAIT: usize = 5;
const TALK: usize = 6;
const LEAD_ID: usize = 7;
const PHONE: usize = 8;
const CAMPAIGN: usize = 9;
const CALLBACK: usize = 10;

/// Builds a [`CallTable`] from calls records.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct CallsBuilder {
    cols: [Option<usize>; 11],
    started: DateColumn,
    // Memos only save work: a part arrives without them.
    #[serde(skip)]
    directions: Memo<Option<Direction>>,
    #[serde(skip)]
    statuses: Memo<Option<(CallStatus, bool)>>,
    #[serde(skip)]
    flags: Memo<Option<bool>>,
    /// The table so far.
    pub table: CallTable,
}

impl CallsBuilder {
    /// A builder for a mapping of the calls kind.
    pub fn new(mapping: &ColumnMapping, day_first: Option<bool>) -> CallsBuilder {
        CallsBuilder {
            cols: std::array::from_fn(|i| mapping.column(i)),
            started: DateColumn::new(day_first),
            directions: Memo::default(),
            statuses: Memo::default(),
            flags: Memo::default(),
            table: CallTable::default(),
        }
    }

    /// Reads one record.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let c = self.cols;
        let line = rec.line;
        let Some(agent) = required_text(cx, rec, c[AGENT], "agent") else {
            return;
        };
        let Some((started_at, other)) =
            required_time(cx, rec, c[STARTED_AT], &mut self.started, "started_at")
        else {
            return;
        };
        let direction = cx
            .optional(
                line,
                "direction",
                Expected::Direction,
                rec.cell(c[DIRECTION]),
                |t| self.directions.get(t, vocab::direction),
            )
            .unwrap_or(Direction::Outbound);
        let wait = cx.optional(
            line,
            "wait_seconds",
            Expected::Duration,
            rec.cell(c[WAIT]),
            |t| duration_cell(rec.number(c[WAIT]), t),
        );
        let talk = cx.optional(
            line,
            "talk_seconds",
            Expected::Duration,
            rec.cell(c[TALK]),
            |t| duration_cell(rec.number(c[TALK]), t),
        );
        let (status, asks_callback) = match rec.cell(c[STATUS]) {
            None if talk.is_some_and(|t| t > 0.0) => (CallStatus::Connected, false),
            None => (CallStatus::NoAnswer, false),
            Some(word) => self
                .statuses
                .get(word, vocab::call_status_word)
                .unwrap_or_else(|| {
                    cx.issues.warn(Cause::UnknownStatus, line, word);
                    (CallStatus::Other, false)
                }),
        };
        let callback = cx
            .optional(
                line,
                "callback",
                Expected::Boolean,
                rec.cell(c[CALLBACK]),
                |t| self.flags.get(t, boolean::parse_bool),
            )
            .or(asks_callback.then_some(true));
        let row = CallRow {
            call_id: cx.call_id(rec.cell(c[CALL_ID])),
            agent: cx.cached(Col::Agent, agent_or_unassigned(agent)),
            started_at,
            direction,
            status,
            wait: Millis::from_secs_opt(wait),
            talk: Millis::from_secs_opt(talk),
            lead_id: cx.cached_opt(Col::Lead, rec.cell(c[LEAD_ID])),
            phone: cx.phone(rec.cell(c[PHONE])),
            campaign: cx.cached_opt(Col::Campaign, rec.cell(c[CAMPAIGN])),
            callback,
        };
        self.started.keep(self.table.len(), other);
        self.table.push(row);
    }

    /// Whether a later part of the file read by its own builder reads as
    /// this one goes on to (see [`DateColumn::agrees_with`]).
    pub(crate) fn agrees_with(&self, later: &CallsBuilder) -> bool {
        self.cols == later.cols && self.started.agrees_with(&later.started)
    }

    /// Takes over a later part's calls, whose strings `map` turns into this
    /// builder's: its table's, or those of `raw` (checked) when its table
    /// travelled apart (see [`crate::domain::ingest::split::Part::into_message`]).
    pub(crate) fn absorb(
        &mut self,
        later: CallsBuilder,
        map: &Remap,
        raw: Option<&mut RawColumns>,
    ) {
        self.started.absorb(later.started, self.table.len());
        match raw {
            Some(raw) => self.table.absorb_raw(raw, map),
            None => self.table.absorb(later.table, map),
        }
    }

    /// The table so far, taken out (to travel apart).
    pub(crate) fn take_table(&mut self) -> CallTable {
        std::mem::take(&mut self.table)
    }

    /// Settles the date order and returns the table and whether dates read day first.
    pub fn finish(mut self) -> (CallTable, bool) {
        for (row, ts) in self.started.fixes() {
            self.table.started_at.set(row, ts);
        }
        let day_first = self.started.day_first();
        (self.table, day_first)
    }
}

/// The agent of a call: VICIdial's "no agent" placeholders are `(unassigned)`.
fn agent_or_unassigned(agent: &str) -> &str {
    if vocab::is_dialer_placeholder(agent) {
        UNASSIGNED
    } else {
        agent
    }
}
