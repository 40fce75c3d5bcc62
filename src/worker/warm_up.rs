//! The worker's warm-up while the page waits for a file: a small synthetic
//! calls file read as a large one is (in two parts, the later one decoded,
//! sent as bytes, read back and joined), then reported on, in a session of
//! its own that is dropped. V8 runs a wasm function's baseline code, slower,
//! until the function has run hot and its optimised code is compiled on a
//! background thread; warmed up, decoding, linking and the reports are
//! compiled before the first file comes (on two cores, a 100,000-call file
//! dropped a few seconds after the page opened was read 15–30% faster).
//!
//! Its first step reads a smaller file whole and reports on it: that step
//! is short, so it is done even when a file is dropped the moment the page
//! opens, and by the time that file's engine is built (a second or more
//! later), linking and indexing, each run once per load, run optimised
//! code. V8 switches a function to its optimised code at its next call, not
//! during a running loop: cold, the engine of 1M calls took 385–390 ms, warm
//! 142–155 ms (measured in Chromium on two cores).
//!
//! It goes a step at a time (each a few tens of milliseconds in baseline
//! code), and the worker stops it as soon as a request comes: a file
//! dropped at once waits for one step, not for the whole warm-up.

use std::rc::Rc;

use crate::domain::kpi::targets::Targets;
use crate::domain::kpi::{Filter, KpiId};
use crate::domain::synth::canonical_calls_csv;
use crate::protocol::{FileChoices, ViewRequest};

use super::session::{Session, TextRead};
use super::text_read::{PartRead, BLOCK};
use super::windowed;
use crate::domain::ingest::split::Plan;

/// Rows of the warm-up file: about 2.3 MB, so that it is cut after its
/// second block, and enough calls for the hot loops to run hot.
pub const ROWS: usize = 24_000;

/// Rows of the first step's file, read whole: about 570 KB.
pub const FIRST_ROWS: usize = 6_000;

/// The file's name in its session.
const NAME: &str = "warm-up.csv";

/// A warm-up under way (see the module docs).
pub struct WarmUp {
    bytes: Vec<u8>,
    session: Session,
    read: Option<TextRead>,
    plan: Option<Plan>,
    in_parts: bool,
    steps: u8,
}

impl Default for WarmUp {
    fn default() -> Self {
        WarmUp::new()
    }
}

impl WarmUp {
    /// A warm-up not yet begun.
    pub fn new() -> WarmUp {
        WarmUp {
            bytes: Vec::new(),
            session: Session::new(),
            read: None,
            plan: None,
            in_parts: false,
            steps: 0,
        }
    }

    /// Does the next step; `false` once there is none left.
    pub fn step(&mut self) -> bool {
        self.steps = self.steps.saturating_add(1);
        match self.steps {
            1 => {
                report_on_small_file();
            }
            2 => self.read_first_part(),
            3 => self.read_later_part(),
            4 => self.finish_read(),
            5 => {
                let _ = self.session.engine();
            }
            6 => view(&mut self.session),
            _ => return false,
        }
        true
    }

    /// The calls the warm-up read (once past its third step), and whether
    /// in two parts.
    #[cfg(test)]
    fn read_calls(&mut self) -> (usize, bool) {
        (self.session.engine().dataset().calls.len(), self.in_parts)
    }

    fn read_first_part(&mut self) {
        self.bytes = canonical_calls_csv(ROWS, 1);
        let bytes = &self.bytes;
        let len = bytes.len() as u64;
        let cut = (len / 2 / BLOCK * BLOCK).max(BLOCK).min(len);
        let first = bytes.get(..BLOCK as usize).unwrap_or(bytes);
        let (mut read, plan) = TextRead::start_in_parts(
            NAME,
            first,
            (len, cut),
            self.session.read_settings(),
            FileChoices::default(),
            None,
        );
        read.expect_file_len(len);
        let mut at = first.len();
        while read.wants_more() && at < bytes.len() {
            let to = (at + BLOCK as usize).min(bytes.len());
            read.feed(bytes.get(at..to).unwrap_or_default());
            at = to;
        }
        self.read = Some(read);
        self.in_parts = plan.is_some();
        self.plan = plan;
    }

    fn read_later_part(&mut self) {
        let (Some(read), Some(plan)) = (self.read.as_mut(), self.plan.take()) else {
            return;
        };
        let bytes = &self.bytes;
        let (message, blocks, part_len) = PartRead::message_from(bytes, &plan, 1);
        let message = Rc::new(message);
        let source = Rc::clone(&message);
        let back = windowed::read_part(message.len(), move |at, out: &mut [u8]| {
            if let Some(from) = source.get(at..at + out.len()) {
                out.copy_from_slice(from);
            }
        });
        let resume = match back {
            Some((part, raw)) => read.join_raw(Some((part, blocks, part_len)), raw),
            None => read.join(None),
        };
        if let Some(from) = resume {
            read.feed(bytes.get(from as usize..).unwrap_or_default());
        }
    }

    fn finish_read(&mut self) {
        let Some(mut read) = self.read.take() else {
            return;
        };
        while let Some(offset) = read.end_pass() {
            read.feed(self.bytes.get(offset as usize..).unwrap_or_default());
        }
        self.session.add_text(NAME, read.finish());
        self.bytes = Vec::new();
    }
}

/// The page's first view of a session.
fn view(session: &mut Session) {
    let _ = session.view(&ViewRequest {
        seq: 0,
        filter: Filter::default(),
        targets: Targets::presets(),
        chart: KpiId::CallConnectionRate,
    });
}

/// Reads a file of [`FIRST_ROWS`] calls whole, in a session of its own, and
/// builds its engine and view (the session is dropped); its calls, for the
/// tests.
fn report_on_small_file() -> usize {
    let bytes = canonical_calls_csv(FIRST_ROWS, 2);
    let mut session = Session::new();
    let first = bytes.get(..BLOCK as usize).unwrap_or(&bytes);
    let mut read = TextRead::start(
        NAME,
        first,
        session.read_settings(),
        FileChoices::default(),
        None,
    );
    read.feed(bytes.get(first.len()..).unwrap_or_default());
    while let Some(offset) = read.end_pass() {
        read.feed(bytes.get(offset as usize..).unwrap_or_default());
    }
    session.add_text(NAME, read.finish());
    view(&mut session);
    session.engine().dataset().calls.len()
}

#[cfg(test)]
mod tests {
    use super::{report_on_small_file, WarmUp, FIRST_ROWS, ROWS};

    /// The warm-up reads every synthetic call, in two parts, and reports on
    /// them without a panic: the code it warms is the code a large file
    /// runs. Then it has no step left.
    #[test]
    fn the_warm_up_reads_every_call_in_two_parts_and_reports() {
        let mut w = WarmUp::new();
        let mut steps = 0;
        while w.step() {
            steps += 1;
        }
        assert_eq!(steps, 6);
        assert!(!w.step());
        assert_eq!(w.read_calls(), (ROWS, true));
    }

    /// Its first step reads every call of its smaller file and reports on
    /// them.
    #[test]
    fn the_first_step_reports_on_every_call_of_a_smaller_file() {
        assert_eq!(report_on_small_file(), FIRST_ROWS);
    }
}
