//! The page's worker's helper (wasm only): a second instance of the worker
//! script, started by the worker itself, that reads the later part of a
//! large file while the worker reads the first, so a load uses both cores.
//! It shares no memory (no cross-origin isolation is needed): it is sent the
//! `File` and the plan, and sends the part back as bytes, transferred.
//! The worker drops it once a part is back (its memory goes with it) and
//! starts a new one for the next file.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent, Worker, WorkerOptions};

use super::windowed;
use crate::domain::ingest::split::{Part, Plan};
use crate::domain::model::RawColumns;
use crate::protocol::{from_js, to_js, Request, Response};

/// The name a helper is started with (a helper starts no helper).
pub const NAME: &str = "part-reader";

/// Whether this worker is a helper.
pub fn is_helper(scope: &DedicatedWorkerGlobalScope) -> bool {
    scope.name() == NAME
}

/// What a helper said last, for the worker waiting on it.
#[derive(Default)]
struct Inbox {
    /// Whether it listens (messages sent before would be lost).
    ready: bool,
    /// The request to send once it listens.
    pending: Option<(Array, Array)>,
    /// Bytes and records of its part read so far.
    progress: (u64, usize),
    /// Its answer.
    answer: Option<Answer>,
    /// Wakes the worker waiting for news.
    wake: Option<js_sys::Function>,
}

/// A part as read back: the part, its calls where they lie (in the message),
/// the hashes of its blocks and the bytes they cover.
pub type PartBack = (Part, Option<RawColumns>, Vec<u64>, u64);

/// A helper's answer.
enum Answer {
    /// The part (one answer per part: its size does not matter).
    Read(Box<PartBack>),
    /// It could not read the part.
    Failed,
}

impl Answer {
    fn part(self) -> Option<Box<PartBack>> {
        match self {
            Answer::Read(back) => Some(back),
            Answer::Failed => None,
        }
    }
}

/// Copies bytes of `array` from an offset into `out` (for
/// [`windowed::read_part`]).
fn copy_out(array: Uint8Array) -> impl FnMut(usize, &mut [u8]) + Clone + 'static {
    move |at, out| {
        let (from, to) = (at as u32, (at + out.len()) as u32);
        array.subarray(from, to).copy_to(out);
    }
}

/// A running helper.
pub struct Helper {
    worker: Worker,
    inbox: Rc<RefCell<Inbox>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

/// What [`Helper::news`] brings.
pub enum News {
    /// How far the part is read: bytes, records.
    Progress(u64, usize),
    /// The part is read (`None`: it could not be).
    Done(Option<Box<PartBack>>),
}

fn wake(inbox: &Rc<RefCell<Inbox>>) {
    let wake = inbox.borrow_mut().wake.take();
    if let Some(f) = wake {
        let _ = f.call0(&JsValue::NULL);
    }
}

impl Helper {
    /// Starts a helper from this worker's own script; `None` when the
    /// browser starts no worker from a worker.
    pub fn spawn(scope: &DedicatedWorkerGlobalScope) -> Option<Helper> {
        let href = scope.location().href();
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let worker = Worker::new_with_options(&href, &options).ok()?;
        let inbox = Rc::new(RefCell::new(Inbox::default()));
        let on_message = {
            let inbox = Rc::clone(&inbox);
            let worker = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let data = ev.data();
                let (head, bytes) = match data.dyn_ref::<Array>() {
                    Some(parts) => (parts.get(0), Some(parts.get(1))),
                    None => (data, None),
                };
                let Some(response) = from_js::<Response>(&head) else {
                    return;
                };
                let mut i = inbox.borrow_mut();
                match response {
                    Response::Ready => {
                        i.ready = true;
                        if let Some((message, transfer)) = i.pending.take() {
                            let _ = worker.post_message_with_transfer(&message, &transfer);
                        }
                    }
                    Response::PartProgress { bytes, rows } => i.progress = (bytes, rows),
                    Response::PartRead { blocks, len } => {
                        // Read out of the message, not copied in: its calls
                        // stay there until the join takes them over.
                        let part = bytes
                            .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                            .and_then(|b| windowed::read_part(b.length() as usize, copy_out(b)));
                        i.answer = Some(part.map_or(Answer::Failed, |(p, raw)| {
                            Answer::Read(Box::new((p, raw, blocks, len)))
                        }));
                    }
                    _ => i.answer = Some(Answer::Failed),
                }
                drop(i);
                wake(&inbox);
            })
        };
        let on_error = {
            let inbox = Rc::clone(&inbox);
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                inbox.borrow_mut().answer = Some(Answer::Failed);
                wake(&inbox);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Helper {
            worker,
            inbox,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Asks for part `index` of `plan` of `file`.
    pub fn read(&self, file: &File, plan: &Plan, index: usize) {
        let bytes = Uint8Array::from(plan.to_bytes().as_slice());
        let message = Array::of3(&to_js(&Request::ReadPart { index }), file, &bytes);
        let transfer = Array::of1(&bytes.buffer());
        let mut i = self.inbox.borrow_mut();
        if i.ready {
            let _ = self.worker.post_message_with_transfer(&message, &transfer);
        } else {
            i.pending = Some((message, transfer));
        }
    }

    /// Whether the helper has started and listens (a part asked for now is
    /// read at once).
    pub fn listens(&self) -> bool {
        self.inbox.borrow().ready
    }

    /// Bytes and records of the part read so far.
    pub fn progress(&self) -> (u64, usize) {
        self.inbox.borrow().progress
    }

    /// Waits for news of the part: the part itself, or else how far it is
    /// read once the helper (or [`Helper::interrupt`]) wakes the wait.
    pub async fn news(&self) -> News {
        if let Some(answer) = self.inbox.borrow_mut().answer.take() {
            return News::Done(answer.part());
        }
        let inbox = Rc::clone(&self.inbox);
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            inbox.borrow_mut().wake = Some(resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        if let Some(answer) = self.inbox.borrow_mut().answer.take() {
            return News::Done(answer.part());
        }
        let (bytes, rows) = self.progress();
        News::Progress(bytes, rows)
    }

    /// Wakes a wait for news (the user cancelled).
    pub fn interrupt(&self) {
        wake(&self.inbox);
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
