//! Reading one text file in the worker, from chunks of its bytes: whole in
//! one worker, or in two parts on two workers (the page's two cores). The
//! first chunk decides the choices (a remembered mapping for its header);
//! [`TextRead`] reads the file, or its first part, and joins the later part
//! a [`PartRead`] read elsewhere, reading on itself when the join asks.
//! Either way the outcome, and the hash that spots the same bytes loaded
//! twice, are those of one decoder reading the whole file.

use std::hash::{DefaultHasher, Hasher};

use crate::domain::ingest::remembered::RememberedMappings;
use crate::domain::ingest::split::{join, join_raw, plan_at, Joined, Part, PartDecoder, Plan};
use crate::domain::ingest::{preview, Decoder, FileError, ParseOptions, ParsedFile, Preview};
use crate::domain::model::RawColumns;
use crate::protocol::{FileChoices, ReadSettings};

/// A decoded text file, before it joins the list.
#[derive(Debug)]
pub struct TextOutcome {
    /// The tables, or why the file can't be used.
    pub outcome: Result<ParsedFile, FileError>,
    /// The start of the file as the mapping editor shows it.
    pub preview: Preview,
    /// The choices it was read with.
    pub choices: FileChoices,
    /// The choices before a remembered mapping was applied (when one was).
    pub undo: Option<FileChoices>,
    /// Hash and length of its bytes (the same bytes twice: kept once).
    pub hash: (u64, u64),
}

/// The bytes kept for the preview of a failed file.
const HEAD: usize = 64 * 1024;

/// Bytes per hashed block: a file's hash is that of its blocks' hashes, so
/// two workers hashing the two sides of a block boundary make the same hash
/// as one worker hashing it all.
pub const BLOCK: u64 = 1 << 20;

/// The smallest file read in two parts: below it, sending the later part
/// back and joining it costs about what the second core saves (measured on
/// two cores: a 9.5 MB file was slower in two parts, a 95 MB one faster).
pub const SPLIT_FROM_BYTES: u64 = 32 * BLOCK;

/// How much longer the helper's part takes than the worker's, beyond
/// reading it: the part is written into a message and read back, about a
/// sixteenth of the time it took to read (measured on two cores, 1M calls:
/// 64 ms after 1,000 ms).
const SEND_SHARE: u64 = 16;

/// What a helper started for the file costs before it reads, in bytes the
/// worker reads meanwhile: it starts in 150–250 ms, while the worker reads
/// 35–50 MB/s, somewhat slower than the helper (measured on two cores in
/// Chromium, 1M calls: with 8 MiB the helper ended 40–260 ms first).
pub const HELPER_START_BYTES: u64 = 4 * BLOCK;

/// Where a file of `len` bytes is cut in two, on a [`BLOCK`] boundary (so
/// both parts hash as one); `None` below [`SPLIT_FROM_BYTES`]. The parts
/// are sized to end together: the helper's part, `h`, is also sent back
/// (a sixteenth more), and a helper that only starts with the file
/// (`starting`) begins [`HELPER_START_BYTES`] late, so the worker's part is
/// `len - h = late + h * (1 + 1/16)`. A helper already running gets a little
/// under half; one starting, less.
pub fn cut_for(len: u64, starting: bool) -> Option<u64> {
    if len < SPLIT_FROM_BYTES {
        return None;
    }
    let late = if starting { HELPER_START_BYTES } else { 0 };
    let later = (len - late) * SEND_SHARE / (2 * SEND_SHARE + 1);
    Some((len - later).div_ceil(BLOCK) * BLOCK)
}

/// Hashes bytes fed in order from a block boundary, block by block.
#[derive(Clone, Debug, Default)]
pub struct BlockHasher {
    blocks: Vec<u64>,
    current: DefaultHasher,
    in_block: u64,
    len: u64,
}

impl BlockHasher {
    /// Hashes the next bytes.
    pub fn write(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let room = usize::try_from(BLOCK - self.in_block).unwrap_or(usize::MAX);
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.current.write(now);
            self.in_block += now.len() as u64;
            self.len += now.len() as u64;
            if self.in_block == BLOCK {
                self.blocks.push(std::mem::take(&mut self.current).finish());
                self.in_block = 0;
            }
            bytes = rest;
        }
    }

    /// Bytes hashed.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing was hashed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The hashes of the blocks, the last one cut short (what a later part
    /// sends back).
    pub fn blocks(mut self) -> Vec<u64> {
        if self.in_block > 0 {
            self.blocks.push(self.current.finish());
        }
        self.blocks
    }

    /// Forgets what was hashed past `at`, a block boundary, and takes the
    /// hashes of the `blocks` of the `len` bytes from there.
    fn continue_with(&mut self, at: u64, blocks: Vec<u64>, len: u64) {
        self.blocks
            .truncate(usize::try_from(at / BLOCK).unwrap_or(usize::MAX));
        self.blocks.extend(blocks);
        self.current = DefaultHasher::new();
        self.in_block = 0;
        self.len = at + len;
    }

    /// The hash of the bytes and their length.
    pub fn finish(self) -> (u64, u64) {
        let len = self.len;
        let mut all = DefaultHasher::new();
        for b in self.blocks() {
            all.write_u64(b);
        }
        all.write_u64(len);
        (all.finish(), len)
    }
}

/// The hash and length of whole bytes, as [`TextRead`] computes them.
pub fn bytes_hash(bytes: &[u8]) -> (u64, u64) {
    let mut h = BlockHasher::default();
    h.write(bytes);
    h.finish()
}

/// What the decoder of a [`TextRead`] is (one per file: the size difference
/// between the variants does not matter).
#[allow(clippy::large_enum_variant)]
enum Reading {
    /// One decoder for the whole file.
    Whole(Decoder),
    /// The first part of a file read in two.
    First { part: PartDecoder, plan: Plan },
    /// Joined: the file as read.
    Done(Result<ParsedFile, FileError>),
    /// For a moment, while joining.
    Joining,
}

/// Reads one text file in chunks (whole, or its first part: see
/// [`TextRead::start_in_parts`]).
pub struct TextRead {
    reading: Reading,
    hasher: BlockHasher,
    head: Vec<u8>,
    options: ParseOptions,
    choices: FileChoices,
    undo: Option<FileChoices>,
    /// Whether bytes are being read again from an offset (no hashing then).
    again: bool,
}

/// The choices `first` is read with: the ones given, or a remembered
/// mapping for its header (with the ones it replaced, for Undo).
fn choose(
    first: &[u8],
    read: &ReadSettings,
    choices: FileChoices,
    remembered: Option<&RememberedMappings>,
) -> (FileChoices, Option<FileChoices>) {
    if let Some(memory) = remembered {
        let headers = preview(first, &read.options(&choices)).headers;
        if let Some(m) = memory.lookup(&headers) {
            let chosen = FileChoices {
                kind: Some(m.kind()),
                mapping: Some(m.clone()),
                ..choices.clone()
            };
            return (chosen, Some(choices));
        }
    }
    (choices, None)
}

impl TextRead {
    /// Starts reading `name` whose first chunk is `first` (fed here).
    pub fn start(
        name: &str,
        first: &[u8],
        read: &ReadSettings,
        choices: FileChoices,
        remembered: Option<&RememberedMappings>,
    ) -> TextRead {
        let (choices, undo) = choose(first, read, choices, remembered);
        let options = read.options(&choices);
        TextRead::whole(name, first, options, choices, undo)
    }

    /// Starts reading `name`, `len` bytes long, whose first chunk is `first`
    /// (fed here), in two parts cut at `cut` (from [`cut_for`]) when the
    /// file can be: then the plan is given back, this reads the first part
    /// (until [`TextRead::wants_more`] says no) and a [`PartRead`] of the
    /// plan's part 1 is to be read elsewhere and given to
    /// [`TextRead::join`]. Otherwise this reads the whole file.
    pub fn start_in_parts(
        name: &str,
        first: &[u8],
        (len, cut): (u64, u64),
        read: &ReadSettings,
        choices: FileChoices,
        remembered: Option<&RememberedMappings>,
    ) -> (TextRead, Option<Plan>) {
        let (choices, undo) = choose(first, read, choices, remembered);
        let options = read.options(&choices);
        let plan = plan_at(name, first, len, &[cut], &options);
        let Some(plan) = plan else {
            return (TextRead::whole(name, first, options, choices, undo), None);
        };
        let reading = Reading::First {
            part: plan.decoder(0),
            plan: plan.clone(),
        };
        let mut read = TextRead::with(reading, options, choices, undo);
        read.feed(first);
        (read, Some(plan))
    }

    /// One decoder reading `name` whole, fed its first chunk.
    fn whole(
        name: &str,
        first: &[u8],
        options: ParseOptions,
        choices: FileChoices,
        undo: Option<FileChoices>,
    ) -> TextRead {
        let decoder = Decoder::new(name, options.clone());
        let mut read = TextRead::with(Reading::Whole(decoder), options, choices, undo);
        read.feed(first);
        read
    }

    fn with(
        reading: Reading,
        options: ParseOptions,
        choices: FileChoices,
        undo: Option<FileChoices>,
    ) -> TextRead {
        TextRead {
            reading,
            hasher: BlockHasher::default(),
            head: Vec::new(),
            options,
            choices,
            undo,
            again: false,
        }
    }

    /// Reads the next chunk.
    pub fn feed(&mut self, chunk: &[u8]) {
        let end = match &mut self.reading {
            Reading::Whole(d) => {
                d.feed(chunk);
                None
            }
            Reading::First { part, .. } => {
                part.feed(chunk);
                part.end()
            }
            Reading::Done(_) | Reading::Joining => None,
        };
        if !self.again {
            // Only what the first part read is hashed here: the file may be
            // read on from its end.
            let take = end.map_or(chunk.len(), |e| {
                usize::try_from(e.saturating_sub(self.hasher.len())).unwrap_or(usize::MAX)
            });
            let hashed = chunk.get(..take.min(chunk.len())).unwrap_or_default();
            self.hasher.write(hashed);
            let room = HEAD.saturating_sub(self.head.len());
            self.head
                .extend_from_slice(hashed.get(..room.min(hashed.len())).unwrap_or_default());
        }
    }

    /// Whether more bytes are wanted (`false` once the first part is read).
    pub fn wants_more(&self) -> bool {
        match &self.reading {
            Reading::First { part, .. } => part.wants_more(),
            _ => true,
        }
    }

    /// Records decoded so far.
    pub fn rows(&self) -> usize {
        match &self.reading {
            Reading::Whole(d) => d.rows(),
            Reading::First { part, .. } => part.rows(),
            Reading::Done(outcome) => outcome.as_ref().map_or(0, |f| f.rows),
            Reading::Joining => 0,
        }
    }

    /// Tells the decoder the file's size ([`Decoder::expect_len`]): a
    /// first part makes room for its own rows (a later part's tables are
    /// then moved in column by column, [`TextRead::join`]).
    pub fn expect_len(&mut self, len: u64) {
        match &mut self.reading {
            Reading::Whole(d) => d.expect_len(len),
            Reading::First { part, .. } => part.expect_len(len),
            Reading::Done(_) | Reading::Joining => {}
        }
    }

    /// [`TextRead::expect_len`], a first part making room for the rows of
    /// the whole file: for a later part whose calls are taken over where
    /// they lie ([`TextRead::join_raw`]), so the tables never move.
    pub fn expect_file_len(&mut self, len: u64) {
        match &mut self.reading {
            Reading::Whole(d) => d.expect_len(len),
            Reading::First { part, .. } => part.expect_file_len(len),
            Reading::Done(_) | Reading::Joining => {}
        }
    }

    /// Ends a pass: `Some(offset)` asks for the bytes from `offset` again (an
    /// unclosed quote was skipped; DATA.md §9).
    pub fn end_pass(&mut self) -> Option<u64> {
        let offset = match &mut self.reading {
            Reading::Whole(d) => d.end_input(),
            Reading::First { part, .. } => part.end_input(),
            Reading::Done(_) | Reading::Joining => None,
        };
        self.again |= offset.is_some();
        offset
    }

    /// Joins the later part read elsewhere (`None`: it could not be read),
    /// with the hashes of its blocks and its length. `Some(offset)`: feed
    /// the file again from `offset` (what the first part has not read), then
    /// end passes as usual.
    pub fn join(&mut self, later: Option<(Part, Vec<u64>, u64)>) -> Option<u64> {
        self.join_raw(later, None)
    }

    /// [`TextRead::join`] of a later part whose calls travelled apart
    /// (`raw`, from [`crate::worker::windowed::read_part`]).
    pub fn join_raw(
        &mut self,
        later: Option<(Part, Vec<u64>, u64)>,
        raw: Option<RawColumns>,
    ) -> Option<u64> {
        let reading = std::mem::replace(&mut self.reading, Reading::Joining);
        let Reading::First { part, plan } = reading else {
            self.reading = reading;
            return None;
        };
        let first = part.finish();
        // The later part's hashes count only if it is merged.
        let (parts, hashes) = match later {
            Some((part, blocks, len)) if !self.again => {
                (vec![first, part], Some((plan.range(1).start, blocks, len)))
            }
            _ => (vec![first], None),
        };
        match join_raw(&plan, parts, vec![None, raw]) {
            Joined::Done(outcome) => {
                if let Some((cut, blocks, len)) = hashes {
                    self.hasher.continue_with(cut, blocks, len);
                }
                self.reading = Reading::Done(outcome);
                None
            }
            Joined::ReadOn { decoder, from } => {
                // This worker hashed all it was fed, from the start: the
                // bytes from `from` follow on.
                self.reading = Reading::Whole(decoder);
                Some(from)
            }
        }
    }

    /// The file once read.
    pub fn finish(self) -> TextOutcome {
        let outcome = match self.reading {
            Reading::Whole(d) => d.finish(),
            Reading::First { part, plan } => match join(&plan, vec![part.finish()]) {
                Joined::Done(outcome) => outcome,
                Joined::ReadOn { decoder, .. } => decoder.finish(),
            },
            Reading::Done(outcome) => outcome,
            // Only while joining, which ends before this can be called.
            Reading::Joining => Err(FileError::Empty {
                name: String::new(),
            }),
        };
        let preview = match &outcome {
            Ok(_) => Preview::default(),
            Err(_) => preview(&self.head, &self.options),
        };
        TextOutcome {
            outcome,
            preview,
            choices: self.choices,
            undo: self.undo,
            hash: self.hasher.finish(),
        }
    }
}

/// Reads a later part of a file for [`TextRead::join`] (in the second
/// worker), fed the file's bytes from the plan's range start.
pub struct PartRead {
    part: PartDecoder,
    hasher: BlockHasher,
    again: bool,
}

impl PartRead {
    /// The reader of part `k` of `plan`.
    pub fn new(plan: &Plan, k: usize) -> PartRead {
        PartRead {
            part: plan.decoder(k),
            hasher: BlockHasher::default(),
            again: false,
        }
    }

    /// Reads the next chunk.
    pub fn feed(&mut self, chunk: &[u8]) {
        if !self.again {
            self.hasher.write(chunk);
        }
        self.part.feed(chunk);
    }

    /// Whether more bytes are wanted (`false` once past the part's end).
    pub fn wants_more(&self) -> bool {
        self.part.wants_more()
    }

    /// Records decoded so far.
    pub fn rows(&self) -> usize {
        self.part.rows()
    }

    /// Ends a pass at the end of the file ([`PartDecoder::end_input`]).
    pub fn end_pass(&mut self) -> Option<u64> {
        let offset = self.part.end_input();
        self.again |= offset.is_some();
        offset
    }

    /// The part, with the hashes of its blocks and how many bytes they
    /// cover (from the part's start to the end of the file).
    pub fn finish(self) -> (Part, Vec<u64>, u64) {
        let len = self.hasher.len();
        (self.part.finish(), self.hasher.blocks(), len)
    }

    /// Reads part `k` of `plan` from `bytes` (the whole file, in memory) a
    /// [`BLOCK`] at a time, as a helper reads it from a `File`: the message
    /// a helper sends ([`Part::into_message`], empty if none is made), its
    /// blocks' hashes and the bytes they cover. For the worker's warm-up and
    /// the memory bench.
    pub fn message_from(bytes: &[u8], plan: &Plan, k: usize) -> (Vec<u8>, Vec<u64>, u64) {
        let from = plan.range(k).start as usize;
        let mut read = PartRead::new(plan, k);
        for chunk in bytes.get(from..).unwrap_or_default().chunks(BLOCK as usize) {
            read.feed(chunk);
        }
        while let Some(offset) = read.end_pass() {
            read.feed(bytes.get(offset as usize..).unwrap_or_default());
        }
        let (part, blocks, len) = read.finish();
        (part.into_message().unwrap_or_default(), blocks, len)
    }
}
