//! The worker's shell (wasm only): listens for the page's messages, reads the
//! `File`s it is given in 1 MiB chunks, the next asked for while one is
//! decoded (posting progress, stopping on Cancel), keeps each `File` to read
//! it again when a mapping changes (never its bytes), and posts the
//! session's answers. A large calls or leads file is read in two parts, the
//! later one by a [`Helper`] on the other core. Requests are handled one at
//! a time, in order; of several views or drill pages waiting, only the last
//! is computed. A helper runs this same shell and answers `ReadPart`.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

use super::helper::{is_helper, Helper, News};
use super::session::{Added, Origin, Session, TextRead};
use super::text_read::{cut_for, PartRead};
use super::warm_up::WarmUp;
use crate::domain::ingest::split::Plan;
use crate::domain::ingest::workbook::is_zip;
use crate::present::i18n::{t, Lang, Msg};
use crate::protocol::{from_js, to_js, FileChoices, Progress, Request, Response, Words};

/// Bytes read per chunk.
const CHUNK: f64 = 1024.0 * 1024.0;

/// What the shell holds.
struct Shell {
    scope: DedicatedWorkerGlobalScope,
    session: Session,
    /// Each text file's and workbook's `File`, by entry id.
    files: HashMap<u64, File>,
    /// Requests waiting, with the files and bytes sent beside them.
    queue: VecDeque<Incoming>,
    /// Whether the pump is running.
    busy: bool,
    /// Set by a Cancel message, read between chunks.
    cancel: bool,
    /// Whether this worker is a helper, or has started one.
    helping: Helping,
    /// The helper, when one runs.
    helper: Option<Rc<Helper>>,
    /// The wasm memory when the worker started, bytes.
    start_bytes: u64,
}

/// Where a worker stands with helpers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Helping {
    /// It is a helper (it starts none).
    IsOne,
    /// It has started none yet.
    NoneYet,
    /// It has started one.
    Started,
}

/// A request with what was sent beside it.
struct Incoming {
    request: Request,
    files: Vec<File>,
    bytes: Option<Vec<u8>>,
}

type Shared = Rc<RefCell<Shell>>;

fn post(scope: &DedicatedWorkerGlobalScope, response: &Response) {
    let _ = scope.post_message(&to_js(response));
}

fn notice(scope: &DedicatedWorkerGlobalScope, f: impl Fn(Lang) -> String, error: bool) {
    let text = Words {
        id: f(Lang::Id),
        en: f(Lang::En),
    };
    post(scope, &Response::Notice { text, error });
}

/// Starts listening (the worker's `main`).
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let helping = if is_helper(&scope) {
        Helping::IsOne
    } else {
        Helping::NoneYet
    };
    let shell: Shared = Rc::new(RefCell::new(Shell {
        scope: scope.clone(),
        session: Session::new(),
        files: HashMap::new(),
        queue: VecDeque::new(),
        busy: false,
        cancel: false,
        helping,
        helper: None,
        start_bytes: memory_bytes(),
    }));
    // The first helper starts a while after this worker (not to slow its
    // start), when it is idle, or at once for a large file dropped before
    // then; later ones with each large file (never in the middle of showing
    // a file: compiling a helper then would take a core from the page).
    let later = {
        let shell = Rc::clone(&shell);
        Closure::once_into_js(move || {
            let idle = {
                let s = shell.borrow();
                !s.busy && s.helping == Helping::NoneYet
            };
            if idle {
                start_helper(&shell);
            }
        })
    };
    let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(
        later.unchecked_ref(),
        HELPER_AFTER_MS,
    );
    let on_message = {
        let shell = Rc::clone(&shell);
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            let (head, files, bytes) = match data.dyn_into::<Array>() {
                Ok(parts) => {
                    let beside = || parts.iter().skip(1);
                    let files = beside().filter_map(|f| f.dyn_into::<File>().ok()).collect();
                    let bytes = beside()
                        .find_map(|b| b.dyn_into::<Uint8Array>().ok())
                        .map(|b| b.to_vec());
                    (parts.get(0), files, bytes)
                }
                Err(alone) => (alone, Vec::new(), None),
            };
            let Some(request) = from_js::<Request>(&head) else {
                return;
            };
            let mut s = shell.borrow_mut();
            if request == Request::Cancel {
                s.cancel = true;
                if let Some(h) = &s.helper {
                    h.interrupt();
                }
                return;
            }
            s.queue.push_back(Incoming {
                request,
                files,
                bytes,
            });
            if !s.busy {
                s.busy = true;
                drop(s);
                wasm_bindgen_futures::spawn_local(pump(Rc::clone(&shell)));
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &Response::Ready);
    // A helper is started for a file and asked for its part at once: a
    // warm-up step would hold that request back (by ~135 ms, measured).
    if helping != Helping::IsOne {
        wasm_bindgen_futures::spawn_local(warm_up(shell));
    }
}

/// Warms the worker up ([`WarmUp`]) a step per task until done, or until a
/// request comes (the page sends none before the first file or the demo):
/// then its state is dropped at once, not held through the load. The
/// start-up memory was taken before: the warm-up's room, freed, is used
/// again by the first file, so a file's growth beyond the start counts all
/// of that file's heap.
async fn warm_up(shell: Shared) {
    let scope = shell.borrow().scope.clone();
    let mut warm = WarmUp::new();
    loop {
        next_task(&scope).await;
        let idle = {
            let s = shell.borrow();
            !s.busy && s.queue.is_empty()
        };
        if !idle || !warm.step() {
            return;
        }
    }
}

/// Resolves in a later task of the worker (a zero timeout).
async fn next_task(scope: &DedicatedWorkerGlobalScope) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Handles the queued requests one after the other.
async fn pump(shell: Shared) {
    loop {
        let next = {
            let mut s = shell.borrow_mut();
            // Of the views (and drill pages) waiting, only the last counts.
            let last_view = s
                .queue
                .iter()
                .rposition(|m| matches!(m.request, Request::View(_)));
            let last_drill = s
                .queue
                .iter()
                .rposition(|m| matches!(m.request, Request::Drill(_)));
            let mut i = 0;
            s.queue.retain(|m| {
                let keep = match m.request {
                    Request::View(_) => Some(i) == last_view,
                    Request::Drill(_) => Some(i) == last_drill,
                    _ => true,
                };
                i += 1;
                keep
            });
            let next = s.queue.pop_front();
            if next.is_none() {
                s.busy = false;
            }
            next
        };
        let Some(incoming) = next else { return };
        handle(&shell, incoming).await;
    }
}

/// How long after this worker starts its helper starts.
const HELPER_AFTER_MS: i32 = 2000;

/// Starts a helper unless one runs (or this worker is one).
fn start_helper(shell: &Shared) {
    let mut s = shell.borrow_mut();
    if s.helper.is_none() && s.helping != Helping::IsOne {
        s.helper = Helper::spawn(&s.scope).map(Rc::new);
        s.helping = Helping::Started;
    }
}

/// Handles one request; once the files changed, builds their engine
/// ([`prepare`]).
async fn handle(shell: &Shared, incoming: Incoming) {
    let Incoming {
        request,
        files,
        bytes,
    } = incoming;
    let scope = shell.borrow().scope.clone();
    let files_change = matches!(
        request,
        Request::Open
            | Request::Demo(_)
            | Request::Reapply { .. }
            | Request::Undo { .. }
            | Request::Remove { .. }
    );
    handle_request(shell, scope, request, files, bytes).await;
    if files_change {
        prepare(shell);
    }
}

/// What one request asks of the worker.
async fn handle_request(
    shell: &Shared,
    scope: DedicatedWorkerGlobalScope,
    request: Request,
    files: Vec<File>,
    bytes: Option<Vec<u8>>,
) {
    match request {
        Request::Settings { read, kpi } => {
            let reread = shell.borrow_mut().session.set_settings(read, kpi);
            if reread {
                let ids = shell.borrow().session.ids();
                for id in ids {
                    let choices = shell.borrow().session.choices(id);
                    if let Some((choices, undo)) = choices {
                        reread_entry(shell, id, choices, undo).await;
                    }
                }
                post(&scope, &Response::Files(shell.borrow().session.files()));
            }
        }
        Request::Remembered(memory) => shell.borrow_mut().session.set_remembered(memory),
        Request::ReadPart { index } => answer_part(shell, files.first(), bytes, index).await,
        Request::Open => {
            shell.borrow_mut().cancel = false;
            let total = files.len();
            let mut cancelled = false;
            for (i, file) in files.into_iter().enumerate() {
                match open(shell, &file, (i + 1, total)).await {
                    Ok(()) => {}
                    Err(Stop::Cancelled) => {
                        cancelled = true;
                        break;
                    }
                    Err(Stop::Browser(why)) => {
                        let name = file.name();
                        notice(&scope, |_| format!("{name}: {why}"), true);
                    }
                }
            }
            post(&scope, &Response::Files(shell.borrow().session.files()));
            post(&scope, &Response::Idle { cancelled });
        }
        Request::Demo(today) => {
            let added = shell.borrow_mut().session.add_demo(today);
            tell_duplicates(&scope, &added);
            post(&scope, &Response::Files(shell.borrow().session.files()));
            post(&scope, &Response::Idle { cancelled: false });
        }
        Request::Reapply {
            id,
            choices,
            remember,
        } => {
            if remember {
                let mut s = shell.borrow_mut();
                let headers = s.session.headers(id);
                s.session.remember(&headers, &choices);
            }
            reread_entry(shell, id, choices, None).await;
            post(&scope, &Response::Files(shell.borrow().session.files()));
            post(&scope, &Response::Idle { cancelled: false });
        }
        Request::Undo { id } => {
            let undo = shell.borrow().session.choices(id).and_then(|(_, u)| u);
            if let Some(choices) = undo {
                reread_entry(shell, id, choices, None).await;
                post(&scope, &Response::Files(shell.borrow().session.files()));
            }
            post(&scope, &Response::Idle { cancelled: false });
        }
        Request::Remove { id } => {
            let mut s = shell.borrow_mut();
            s.session.remove(id);
            s.files.remove(&id);
            post(&scope, &Response::Files(s.session.files()));
        }
        Request::Cancel => {}
        Request::View(v) => {
            let mut s = shell.borrow_mut();
            let mut view = s.session.view(&v);
            view.worker_bytes = memory_bytes();
            view.worker_start_bytes = s.start_bytes;
            drop(s);
            post(&scope, &Response::View(Box::new(view)));
        }
        Request::Drill(d) => {
            let page = shell.borrow_mut().session.drill(&d);
            post(&scope, &Response::Drill(Box::new(page)));
        }
        Request::DrillCsv { list, delimiter } => {
            let (name, text) = shell.borrow_mut().session.drill_csv(&list, delimiter);
            post(&scope, &Response::Csv { name, text });
        }
    }
}

/// Builds the engine of the files now held, once the page is told of them:
/// its request for the view comes through the page's main thread, and then
/// finds the engine built (the round trip no longer adds to the wait).
fn prepare(shell: &Shared) {
    shell.borrow_mut().session.engine();
}

/// The size of the worker's wasm memory, in bytes (it only grows).
fn memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |b| u64::from(b.byte_length()))
        })
}

fn tell_duplicates(scope: &DedicatedWorkerGlobalScope, added: &Added) {
    for name in &added.duplicates {
        notice(
            scope,
            |l| format!("{name}: {}", t(l, Msg::Duplicate)),
            false,
        );
    }
}

/// Lets progress through at most every `ms` milliseconds: a helper's to
/// the worker, which passes it on with its own, and the worker's to the
/// page (each post is a task for the page, and the bar is redrawn for it:
/// main-thread time taken from the two workers on a two-core machine).
struct Throttle {
    ms: f64,
    last: std::cell::Cell<f64>,
}

impl Throttle {
    /// A helper's progress to the worker.
    const HELPER_MS: f64 = 50.0;
    /// The worker's progress to the page (ten times a second).
    const PAGE_MS: f64 = 100.0;

    /// Lets the first call through, then one every `ms` milliseconds.
    fn every(ms: f64) -> Throttle {
        Throttle {
            ms,
            last: std::cell::Cell::new(f64::NEG_INFINITY),
        }
    }

    /// Whether to post now.
    fn due(&self) -> bool {
        let now = js_sys::Date::now();
        let due = now - self.last.get() >= self.ms;
        if due {
            self.last.set(now);
        }
        due
    }
}

/// Why reading stopped.
enum Stop {
    Cancelled,
    Browser(String),
}

/// One slice of a `File`, as bytes.
async fn slice(file: &File, from: f64, to: f64) -> Result<Vec<u8>, Stop> {
    let buffer = ask(file, from, to)?
        .await
        .map_err(|e| Stop::Browser(format!("{e:?}")))?;
    let mut bytes = Vec::new();
    copy_into(&buffer, &mut bytes);
    Ok(bytes)
}

/// The whole `File`, as bytes (a workbook).
async fn whole(file: &File) -> Result<Vec<u8>, Stop> {
    slice(file, 0.0, file.size()).await
}

/// Reads a new file into the session.
async fn open(shell: &Shared, file: &File, index: (usize, usize)) -> Result<(), Stop> {
    let name = file.name();
    let size = file.size();
    let scope = shell.borrow().scope.clone();
    let every = Throttle::every(Throttle::PAGE_MS);
    let progress = |bytes: f64, rows: usize| {
        if !every.due() {
            return;
        }
        post(
            &scope,
            &Response::Progress(Progress {
                name: name.clone(),
                bytes: bytes as u64,
                total: size as u64,
                rows,
                index,
            }),
        );
    };
    progress(0.0, 0);
    let first = slice(file, 0.0, CHUNK.min(size)).await?;
    if is_zip(&first) {
        let bytes = whole(file).await?;
        let added = shell.borrow_mut().session.add_workbook(&name, &bytes);
        tell_duplicates(&scope, &added);
        let mut s = shell.borrow_mut();
        for i in &added.ids {
            s.files.insert(*i, file.clone());
        }
        return Ok(());
    }
    // A helper that listens already reads its part at once; one started
    // now begins later, and is given less.
    let listening = shell.borrow().helper.as_ref().is_some_and(|h| h.listens());
    let cut = cut_for(size as u64, !listening);
    if cut.is_some() {
        start_helper(shell);
    }
    let helper = shell.borrow().helper.clone();
    let cut = helper.as_ref().and(cut);
    let (mut read, plan) = {
        let s = shell.borrow();
        let (settings, remembered) = (s.session.read_settings(), Some(s.session.remembered()));
        match cut {
            Some(cut) => TextRead::start_in_parts(
                &name,
                &first,
                (size as u64, cut),
                settings,
                FileChoices::default(),
                remembered,
            ),
            None => (
                TextRead::start(&name, &first, settings, FileChoices::default(), remembered),
                None,
            ),
        }
    };
    // The first chunk's room is freed for the tables (a megabyte a
    // million-row file would otherwise hold to its end).
    let start = first.len() as f64;
    drop(first);
    // Read in two, the later part's calls are taken over where they lie:
    // the tables make room for the whole file at once.
    read.expect_file_len(size as u64);
    match (plan, helper) {
        (Some(plan), Some(helper)) => {
            read_in_two(shell, file, &mut read, &plan, &helper, start, &progress).await?;
        }
        _ => feed_rest(shell, file, &mut read, start, &progress).await?,
    }
    let added = shell.borrow_mut().session.add_text(&name, read.finish());
    tell_duplicates(&scope, &added);
    for id in added.ids {
        shell.borrow_mut().files.insert(id, file.clone());
    }
    Ok(())
}

/// The first part here, the later one by the helper at the same time, then
/// the join (reading on here where it asks). The helper is dropped once its
/// part is back, or on Cancel, and a new one started for the next file.
async fn read_in_two(
    shell: &Shared,
    file: &File,
    read: &mut TextRead,
    plan: &Plan,
    helper: &Rc<Helper>,
    start: f64,
    progress: &impl Fn(f64, usize),
) -> Result<(), Stop> {
    helper.read(file, plan, 1);
    let cut = plan.range(1).start as f64;
    // Both parts' bytes and records so far.
    let both = |at: f64, rows: usize| {
        let (bytes, later) = helper.progress();
        progress(at.min(cut) + bytes as f64, rows + later);
    };
    let first = feed_rest(shell, file, read, start, &both).await;
    let later = match first {
        Ok(()) => wait_for_part(shell, helper, read, cut, progress).await,
        Err(_) => None,
    };
    let cancelled = {
        let mut s = shell.borrow_mut();
        s.helper = None;
        s.cancel
    };
    first?;
    if cancelled {
        return Err(Stop::Cancelled);
    }
    let from = match later.map(|b| *b) {
        Some((part, raw, blocks, len)) => read.join_raw(Some((part, blocks, len)), raw),
        None => read.join(None),
    };
    match from {
        Some(from) => feed_rest(shell, file, read, from as f64, progress).await,
        None => Ok(()),
    }
}

/// Waits for the helper's part, posting progress; `None` when it failed or
/// the user cancelled.
async fn wait_for_part(
    shell: &Shared,
    helper: &Helper,
    read: &TextRead,
    cut: f64,
    progress: &impl Fn(f64, usize),
) -> Option<Box<super::helper::PartBack>> {
    loop {
        if shell.borrow().cancel {
            return None;
        }
        match helper.news().await {
            News::Done(part) => return part,
            News::Progress(bytes, rows) => progress(cut + bytes as f64, read.rows() + rows),
        }
    }
}

/// What [`feed_rest`] reads into: a whole file or its first part
/// ([`TextRead`]), or a later part ([`PartRead`]).
trait Feed {
    fn feed(&mut self, chunk: &[u8]);
    fn wants_more(&self) -> bool;
    fn rows(&self) -> usize;
    fn end_pass(&mut self) -> Option<u64>;
}

impl Feed for TextRead {
    fn feed(&mut self, chunk: &[u8]) {
        TextRead::feed(self, chunk);
    }
    fn wants_more(&self) -> bool {
        TextRead::wants_more(self)
    }
    fn rows(&self) -> usize {
        TextRead::rows(self)
    }
    fn end_pass(&mut self) -> Option<u64> {
        TextRead::end_pass(self)
    }
}

impl Feed for PartRead {
    fn feed(&mut self, chunk: &[u8]) {
        PartRead::feed(self, chunk);
    }
    fn wants_more(&self) -> bool {
        PartRead::wants_more(self)
    }
    fn rows(&self) -> usize {
        PartRead::rows(self)
    }
    fn end_pass(&mut self) -> Option<u64> {
        PartRead::end_pass(self)
    }
}

/// A helper's answer to `ReadPart`: the part read, its bytes transferred.
async fn answer_part(shell: &Shared, file: Option<&File>, plan: Option<Vec<u8>>, index: usize) {
    let scope = shell.borrow().scope.clone();
    let answer = match (file, plan.as_deref().and_then(Plan::from_bytes)) {
        (Some(file), Some(plan)) => read_part(shell, file, &plan, index).await.ok(),
        _ => None,
    };
    match answer {
        Some((response, bytes)) => {
            let bytes = Uint8Array::from(bytes.as_slice());
            let message = Array::of2(&to_js(&response), &bytes);
            let _ = scope.post_message_with_transfer(&message, &Array::of1(&bytes.buffer()));
        }
        None => post(&scope, &Response::PartFailed),
    }
}

/// Reads part `index` of `plan` (a helper's work), posting progress; the
/// answer to post with the part's bytes.
async fn read_part(
    shell: &Shared,
    file: &File,
    plan: &Plan,
    index: usize,
) -> Result<(Response, Vec<u8>), Stop> {
    let scope = shell.borrow().scope.clone();
    let start = plan.range(index).start as f64;
    let mut read = PartRead::new(plan, index);
    let every = Throttle::every(Throttle::HELPER_MS);
    let progress = |at: f64, rows: usize| {
        if every.due() {
            let bytes = (at - start).max(0.0) as u64;
            post(&scope, &Response::PartProgress { bytes, rows });
        }
    };
    feed_rest(shell, file, &mut read, start, &progress).await?;
    let (part, blocks, len) = read.finish();
    let bytes = part
        .into_message()
        .ok_or_else(|| Stop::Browser("part not written".to_owned()))?;
    Ok((Response::PartRead { blocks, len }, bytes))
}

/// Feeds the rest of a file from `start` until it wants no more, then any
/// part asked for again. The next chunk is asked of the browser before this
/// one is decoded, so the file is read while the worker decodes.
async fn feed_rest(
    shell: &Shared,
    file: &File,
    read: &mut impl Feed,
    start: f64,
    progress: &impl Fn(f64, usize),
) -> Result<(), Stop> {
    let size = file.size();
    let mut at = start;
    let mut bytes = Vec::new();
    // The chunk from `at`, asked for; none at the end of the file.
    let ask_from = |at: f64| (at < size).then(|| ask(file, at, (at + CHUNK).min(size)));
    loop {
        let mut next = ask_from(at);
        while let Some(pending) = next.take() {
            if shell.borrow().cancel {
                return Err(Stop::Cancelled);
            }
            let to = (at + CHUNK).min(size);
            let buffer = pending?
                .await
                .map_err(|e| Stop::Browser(format!("{e:?}")))?;
            at = to;
            copy_into(&buffer, &mut bytes);
            read.feed(&bytes);
            progress(at, read.rows());
            if !read.wants_more() {
                return Ok(());
            }
            next = ask_from(at);
        }
        match read.end_pass() {
            Some(offset) => at = offset as f64,
            None => return Ok(()),
        }
    }
}

/// Asks the browser for bytes `from..to` of `file` (an `ArrayBuffer` to come).
fn ask(file: &File, from: f64, to: f64) -> Result<JsFuture, Stop> {
    let blob = file
        .slice_with_f64_and_f64(from, to)
        .map_err(|e| Stop::Browser(format!("{e:?}")))?;
    Ok(JsFuture::from(blob.array_buffer()))
}

/// Copies an `ArrayBuffer` into `bytes` (reusing its room).
fn copy_into(buffer: &JsValue, bytes: &mut Vec<u8>) {
    let array = Uint8Array::new(buffer);
    bytes.resize(array.length() as usize, 0);
    array.copy_to(bytes);
}

/// Reads an entry again with `choices` (its `File` again for a text file or
/// a sheet; the demo's bytes are made again).
async fn reread_entry(shell: &Shared, id: u64, choices: FileChoices, undo: Option<FileChoices>) {
    let origin = shell.borrow().session.origin(id);
    let file = shell.borrow().files.get(&id).cloned();
    match (origin, file) {
        (Some(Origin::Text), Some(file)) => {
            let Ok(first) = slice(&file, 0.0, CHUNK.min(file.size())).await else {
                return;
            };
            let mut read = {
                let s = shell.borrow();
                TextRead::start(
                    &file.name(),
                    &first,
                    s.session.read_settings(),
                    choices,
                    None,
                )
            };
            read.expect_len(file.size() as u64);
            if feed_rest(shell, &file, &mut read, first.len() as f64, &|_, _| {})
                .await
                .is_ok()
            {
                let mut outcome = read.finish();
                outcome.undo = undo;
                shell.borrow_mut().session.replace(id, outcome);
            }
        }
        (Some(Origin::Sheet(_)), Some(file)) => {
            if let Ok(bytes) = whole(&file).await {
                shell
                    .borrow_mut()
                    .session
                    .reread(id, choices, undo, Some(&bytes));
            }
        }
        (Some(Origin::Demo(_)), _) => shell.borrow_mut().session.reread(id, choices, undo, None),
        _ => {}
    }
}
