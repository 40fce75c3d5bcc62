//! The calls table: one row per call attempt (DATA.md §1), struct-of-arrays.

use super::column::move_onto;
use super::column_bytes::{write_raw, RawColumns};
use super::interner::{Remap, Sym};
use super::starts::Starts;
use super::time::{Millis, Timestamp};

/// Which way a call went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    /// The agent dialled out (the default when a file has no direction).
    Outbound,
    /// The customer called in.
    Inbound,
}

/// The outcome of a call, after mapping the file's vocabulary (DATA.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CallStatus {
    /// Somebody talked.
    Connected,
    /// Rang out.
    NoAnswer,
    /// Line busy.
    Busy,
    /// Network or dial failure.
    Failed,
    /// Reached a voicemail or answering machine.
    Voicemail,
    /// Inbound caller left before an agent answered.
    Abandoned,
    /// A status word the vocabulary does not know (not connected).
    Other,
}

impl CallStatus {
    /// Every status, in the order of DATA.md (and of `statuses` in the JSON).
    pub const ALL: [CallStatus; 7] = [
        CallStatus::Connected,
        CallStatus::NoAnswer,
        CallStatus::Busy,
        CallStatus::Failed,
        CallStatus::Voicemail,
        CallStatus::Abandoned,
        CallStatus::Other,
    ];

    /// The status's canonical name, as in DATA.md.
    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Connected => "connected",
            CallStatus::NoAnswer => "no_answer",
            CallStatus::Busy => "busy",
            CallStatus::Failed => "failed",
            CallStatus::Voicemail => "voicemail",
            CallStatus::Abandoned => "abandoned",
            CallStatus::Other => "other",
        }
    }
}

/// A call's direction, status and callback flag in one byte: three columns
/// for the price of one (bits 0–2: the status's position in
/// [`CallStatus::ALL`]; bit 3: inbound; bits 4–5: the flag, 0 none, 1 no,
/// 2 yes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallKind(u8);

impl CallKind {
    /// The kind of a call going `direction`, ending `status`, flagged `callback`.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::{CallKind, CallStatus, Direction};
    /// let k = CallKind::new(Direction::Inbound, CallStatus::Abandoned, Some(false));
    /// assert_eq!((k.direction(), k.status(), k.callback()), (Direction::Inbound, CallStatus::Abandoned, Some(false)));
    /// ```
    pub fn new(direction: Direction, status: CallStatus, callback: Option<bool>) -> CallKind {
        let status = CallStatus::ALL
            .iter()
            .position(|&s| s == status)
            .unwrap_or(0) as u8;
        let inbound = u8::from(direction == Direction::Inbound) << 3;
        let flag = match callback {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        } << 4;
        CallKind(status | inbound | flag)
    }

    /// Outbound or inbound.
    pub fn direction(self) -> Direction {
        if self.0 & 8 == 0 {
            Direction::Outbound
        } else {
            Direction::Inbound
        }
    }

    /// The outcome.
    pub fn status(self) -> CallStatus {
        CallStatus::ALL
            .get(usize::from(self.0 & 7))
            .copied()
            .unwrap_or(CallStatus::Other)
    }

    /// The file's callback flag.
    pub fn callback(self) -> Option<bool> {
        match (self.0 >> 4) & 3 {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        }
    }

    /// The kind's byte.
    pub(super) fn byte(self) -> u8 {
        self.0
    }

    /// The kind of a byte [`CallKind::byte`] gives (`None` for any other).
    pub(super) fn of_byte(b: u8) -> Option<CallKind> {
        let fits = usize::from(b & 7) < CallStatus::ALL.len() && (b >> 4) < 3;
        fits.then_some(CallKind(b))
    }
}

/// One call, as handed to and returned by [`CallTable`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CallRow {
    /// The file's call id, if any.
    pub call_id: Option<Sym>,
    /// Who made or took the call.
    pub agent: Sym,
    /// When the call started (wall time of the report).
    pub started_at: Timestamp,
    /// Outbound or inbound.
    pub direction: Direction,
    /// The outcome.
    pub status: CallStatus,
    /// Time the caller waited (queue/ring), if known.
    pub wait: Millis,
    /// Time talked, if known.
    pub talk: Millis,
    /// The lead called, if the file names it.
    pub lead_id: Option<Sym>,
    /// The other party's normalised phone number.
    pub phone: Option<Sym>,
    /// The campaign (or queue) of the call.
    pub campaign: Option<Sym>,
    /// The file's callback flag, if the file has one.
    pub callback: Option<bool>,
}

/// Calls as columns: 29 bytes a row (33 when a start is not a whole
/// second), 4 more with call ids (strings are interned elsewhere).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct CallTable {
    /// Call ids: empty while no call has one (no KPI reads them, and files
    /// read for reports leave them out, see
    /// [`crate::domain::ingest::ParseOptions::keep_call_ids`]), else one per call.
    #[serde(with = "super::column_bytes")]
    pub call_id: Vec<Option<Sym>>,
    /// Agents.
    #[serde(with = "super::column_bytes")]
    pub agent: Vec<Sym>,
    /// Start times (4 bytes a call while they are whole seconds).
    pub started_at: Starts,
    /// Directions, statuses and callback flags.
    #[serde(with = "super::column_bytes")]
    pub kind: Vec<CallKind>,
    /// Waiting times.
    #[serde(with = "super::column_bytes")]
    pub wait: Vec<Millis>,
    /// Talk times.
    #[serde(with = "super::column_bytes")]
    pub talk: Vec<Millis>,
    /// Lead ids.
    #[serde(with = "super::column_bytes")]
    pub lead_id: Vec<Option<Sym>>,
    /// Normalised phones.
    #[serde(with = "super::column_bytes")]
    pub phone: Vec<Option<Sym>>,
    /// Campaigns.
    #[serde(with = "super::column_bytes")]
    pub campaign: Vec<Option<Sym>>,
}

impl CallTable {
    /// Appends one call.
    pub fn push(&mut self, row: CallRow) {
        if row.call_id.is_some() || !self.call_id.is_empty() {
            self.call_id.resize(self.len(), None);
            self.call_id.push(row.call_id);
        }
        self.agent.push(row.agent);
        self.started_at.push(row.started_at);
        self.kind
            .push(CallKind::new(row.direction, row.status, row.callback));
        self.wait.push(row.wait);
        self.talk.push(row.talk);
        self.lead_id.push(row.lead_id);
        self.phone.push(row.phone);
        self.campaign.push(row.campaign);
    }

    /// The call at position `i` (panics when out of range, like slice indexing).
    pub fn row(&self, i: usize) -> CallRow {
        CallRow {
            call_id: self.call_id.get(i).copied().flatten(),
            agent: self.agent[i],
            started_at: self.started_at.at(i),
            direction: self.kind[i].direction(),
            status: self.kind[i].status(),
            wait: self.wait[i],
            talk: self.talk[i],
            lead_id: self.lead_id[i],
            phone: self.phone[i],
            campaign: self.campaign[i],
            callback: self.kind[i].callback(),
        }
    }

    /// Appends the calls of `other`, whose strings `map` turns into this
    /// table's (see [`Remap`]).
    pub fn append(&mut self, other: &CallTable, map: &Remap) {
        if !other.call_id.is_empty() || !self.call_id.is_empty() {
            self.call_id.resize(self.len(), None);
            if other.call_id.is_empty() {
                self.call_id.resize(self.len() + other.len(), None);
            } else {
                self.call_id
                    .extend(other.call_id.iter().map(|&s| map.opt(s)));
            }
        }
        self.agent.extend(other.agent.iter().map(|&s| map.sym(s)));
        self.started_at.append(&other.started_at);
        self.kind.extend_from_slice(&other.kind);
        self.wait.extend_from_slice(&other.wait);
        self.talk.extend_from_slice(&other.talk);
        self.lead_id
            .extend(other.lead_id.iter().map(|&s| map.opt(s)));
        self.phone.extend(other.phone.iter().map(|&s| map.opt(s)));
        self.campaign
            .extend(other.campaign.iter().map(|&s| map.opt(s)));
    }

    /// [`CallTable::append`] of a table no longer needed, column by column:
    /// each of `other`'s columns is freed once moved, so taking over a
    /// file's later part needs room for one column more, not for the part.
    pub fn absorb(&mut self, other: CallTable, map: &Remap) {
        let (len, other_len) = (self.len(), other.len());
        if !other.call_id.is_empty() || !self.call_id.is_empty() {
            self.call_id.resize(len, None);
            if other.call_id.is_empty() {
                self.call_id.resize(len + other_len, None);
            } else {
                move_onto(&mut self.call_id, other.call_id, |s| map.opt(s));
            }
        }
        move_onto(&mut self.agent, other.agent, |s| map.sym(s));
        self.started_at.absorb(other.started_at);
        move_onto(&mut self.kind, other.kind, |k| k);
        move_onto(&mut self.wait, other.wait, |m| m);
        move_onto(&mut self.talk, other.talk, |m| m);
        move_onto(&mut self.lead_id, other.lead_id, |s| map.opt(s));
        move_onto(&mut self.phone, other.phone, |s| map.opt(s));
        move_onto(&mut self.campaign, other.campaign, |s| map.opt(s));
    }

    /// Writes the calls as [`RawColumns`]: their number (8 bytes), whether
    /// call ids follow (a byte), then each column, the starts after a byte
    /// saying how they are held (0 seconds, 1 milliseconds).
    pub fn write_raw(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.len() as u64).to_le_bytes());
        let ids = !self.call_id.is_empty();
        out.push(u8::from(ids));
        if ids {
            write_raw(&self.call_id, out);
        }
        write_raw(&self.agent, out);
        match &self.started_at {
            Starts::Seconds(v) => {
                out.push(0);
                write_raw(v, out);
            }
            Starts::Millis(v) => {
                out.push(1);
                write_raw(v, out);
            }
        }
        write_raw(&self.kind, out);
        write_raw(&self.wait, out);
        write_raw(&self.talk, out);
        write_raw(&self.lead_id, out);
        write_raw(&self.phone, out);
        write_raw(&self.campaign, out);
    }

    /// Whether `raw` holds calls as [`CallTable::write_raw`] writes them,
    /// every column as long as the number says (read through once).
    pub fn check_raw(raw: &mut RawColumns) -> bool {
        raw.rewind();
        let counts = (|| {
            let rows = usize::try_from(raw.number()?).ok()?;
            let mut n = Vec::new();
            match raw.byte()? {
                0 => {}
                1 => n.push(raw.column::<Option<Sym>>(|_| ())?),
                _ => return None,
            }
            n.push(raw.column::<Sym>(|_| ())?);
            n.push(match raw.byte()? {
                0 => raw.column::<i32>(|_| ())?,
                1 => raw.column::<i64>(|_| ())?,
                _ => return None,
            });
            n.push(raw.column::<CallKind>(|_| ())?);
            n.push(raw.column::<Millis>(|_| ())?);
            n.push(raw.column::<Millis>(|_| ())?);
            for _ in 0..3 {
                n.push(raw.column::<Option<Sym>>(|_| ())?);
            }
            Some(n.iter().all(|&k| k == rows))
        })();
        raw.rewind();
        counts == Some(true)
    }

    /// Appends the calls of `raw` (checked with [`CallTable::check_raw`]),
    /// whose strings `map` turns into this table's, column by column
    /// straight from where they lie.
    pub fn absorb_raw(&mut self, raw: &mut RawColumns, map: &Remap) {
        raw.rewind();
        let Some(rows) = raw.number().and_then(|n| usize::try_from(n).ok()) else {
            return;
        };
        let len = self.len();
        let ids = raw.byte() == Some(1);
        if ids || !self.call_id.is_empty() {
            self.call_id.resize(len, None);
            if ids {
                self.call_id.reserve_exact(rows);
                raw.column::<Option<Sym>>(|s| self.call_id.push(map.opt(s)));
            } else {
                self.call_id.resize(len + rows, None);
            }
        }
        self.reserve(rows);
        raw.column::<Sym>(|s| self.agent.push(map.sym(s)));
        let starts = &mut self.started_at;
        match raw.byte() {
            Some(0) => raw.column::<i32>(|s| starts.push_seconds(s)),
            _ => raw.column::<i64>(|t| starts.push(t)),
        };
        raw.column::<CallKind>(|k| self.kind.push(k));
        raw.column::<Millis>(|m| self.wait.push(m));
        raw.column::<Millis>(|m| self.talk.push(m));
        raw.column::<Option<Sym>>(|s| self.lead_id.push(map.opt(s)));
        raw.column::<Option<Sym>>(|s| self.phone.push(map.opt(s)));
        raw.column::<Option<Sym>>(|s| self.campaign.push(map.opt(s)));
    }

    /// Makes room for `additional` more calls in every column, as far as
    /// memory allows (a column that can't get the room grows as it goes).
    pub fn reserve(&mut self, additional: usize) {
        let _ = self.agent.try_reserve_exact(additional);
        self.started_at.reserve(additional);
        let _ = self.kind.try_reserve_exact(additional);
        let _ = self.wait.try_reserve_exact(additional);
        let _ = self.talk.try_reserve_exact(additional);
        let _ = self.lead_id.try_reserve_exact(additional);
        let _ = self.phone.try_reserve_exact(additional);
        let _ = self.campaign.try_reserve_exact(additional);
    }

    /// Frees the room reserved beyond the calls held.
    pub fn shrink_to_fit(&mut self) {
        self.call_id.shrink_to_fit();
        self.agent.shrink_to_fit();
        self.started_at.shrink_to_fit();
        self.kind.shrink_to_fit();
        self.wait.shrink_to_fit();
        self.talk.shrink_to_fit();
        self.lead_id.shrink_to_fit();
        self.phone.shrink_to_fit();
        self.campaign.shrink_to_fit();
    }

    /// Bytes the columns hold on the heap, for memory figures.
    pub fn heap_bytes(&self) -> usize {
        fn bytes<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        bytes(&self.call_id)
            + bytes(&self.agent)
            + self.started_at.heap_bytes()
            + bytes(&self.kind)
            + bytes(&self.wait)
            + bytes(&self.talk)
            + bytes(&self.lead_id)
            + bytes(&self.phone)
            + bytes(&self.campaign)
    }

    /// Call `i`'s direction (panics when out of range, like slice indexing).
    pub fn direction(&self, i: usize) -> Direction {
        self.kind[i].direction()
    }

    /// Call `i`'s status (panics when out of range).
    pub fn status(&self, i: usize) -> CallStatus {
        self.kind[i].status()
    }

    /// Call `i`'s callback flag (panics when out of range).
    pub fn callback(&self, i: usize) -> Option<bool> {
        self.kind[i].callback()
    }

    /// Number of calls.
    pub fn len(&self) -> usize {
        self.agent.len()
    }

    /// Whether there is no call.
    pub fn is_empty(&self) -> bool {
        self.agent.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::{CallKind, CallStatus, Direction};

    #[test]
    fn a_kind_keeps_every_direction_status_and_flag_and_refuses_other_bytes() {
        let mut bytes = Vec::new();
        for d in [Direction::Outbound, Direction::Inbound] {
            for s in CallStatus::ALL {
                for c in [None, Some(false), Some(true)] {
                    let k = CallKind::new(d, s, c);
                    assert_eq!((k.direction(), k.status(), k.callback()), (d, s, c));
                    assert_eq!(CallKind::of_byte(k.byte()), Some(k));
                    bytes.push(k.byte());
                }
            }
        }
        bytes.sort_unstable();
        bytes.dedup();
        assert_eq!(bytes.len(), 2 * 7 * 3, "each kind its own byte");
        let others = (0..=u8::MAX)
            .filter(|b| CallKind::of_byte(*b).is_some())
            .count();
        assert_eq!(others, bytes.len(), "no other byte reads as a kind");
    }
}
