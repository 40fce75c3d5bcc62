//! String interning: agents, campaigns, lead keys and phones are stored once and
//! referred to by a 4-byte [`Sym`], so a call row stays small.

use std::hash::{BuildHasher, BuildHasherDefault};
use std::num::NonZeroU32;
use std::sync::Arc;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

/// A handle to an interned string. `Option<Sym>` is 4 bytes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// The position of the string in its interner, starting at 0.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }

    /// The handle at position `index`, for reading a packed column (an
    /// index no string has resolves to the empty text).
    pub(super) fn from_index(index: usize) -> Sym {
        Sym::at(index)
    }

    /// The handle at position `index` (saturating at the last handle).
    fn at(index: usize) -> Sym {
        let n = u32::try_from(index + 1).unwrap_or(u32::MAX);
        Sym(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
    }
}

/// Owns each distinct string once and hands out [`Sym`]s for them.
///
/// The strings live back to back in one buffer (with the end of each), so
/// interning a new string costs no allocation of its own and dropping the
/// interner frees two buffers; the hash table holds only handles, and each
/// text is hashed once per lookup with a fast non-cryptographic hash:
/// interning is the hot path of decoding.
///
/// A file's strings, once read, can be [shared](Interner::share): copies of
/// the interner then hold the same first strings, and only the strings
/// stored after them are their own (a merge of several files keeps one copy
/// of the calls file's strings, not two).
#[derive(Default)]
pub struct Interner {
    /// The first strings, shared with this interner's copies: read only
    /// (flat: a shared interner holds no shared part of its own).
    shared: Option<Arc<Interner>>,
    /// Every string after the shared ones, in the order they were stored.
    text: String,
    /// Where each of those strings ends in `text`.
    ends: Vec<usize>,
    /// Each string's handle with where it lies in `text`: a lookup compares
    /// lengths, then bytes, without reading `ends` (one memory access fewer
    /// on the hot path; the table is larger than the caches on big files).
    /// An interner that arrived in a message has no table until it is first
    /// asked to intern: one that is only read through (a later part's
    /// strings, remapped into the first part's) never holds one.
    index: HashTable<Slot>,
    /// Whether `index` holds every string (so far as each is distinct).
    /// Never with a shared part: interning into one first makes the shared
    /// strings the interner's own.
    indexed: bool,
}

/// A copy holds the strings without a table: one is made if the copy is
/// ever interned into (a merge into the copy of a file's strings reads them
/// through instead, see [`Interner::intern_all`]). The shared part is
/// shared, not copied.
impl Clone for Interner {
    fn clone(&self) -> Self {
        Interner {
            shared: self.shared.clone(),
            text: self.text.clone(),
            ends: self.ends.clone(),
            index: HashTable::new(),
            indexed: false,
        }
    }
}

/// A string's entry in the hash table.
#[derive(Clone, Copy, Debug)]
struct Slot {
    sym: Sym,
    len: u32,
    start: usize,
}

impl Slot {
    /// The slot's text in `all` (empty when out of range).
    fn text(self, all: &str) -> &[u8] {
        all.as_bytes()
            .get(self.start..self.start + self.len as usize)
            .unwrap_or_default()
    }

    /// Whether the slot holds `text`.
    fn holds(self, all: &str, text: &str) -> bool {
        self.len as usize == text.len() && self.text(all) == text.as_bytes()
    }
}

/// The hash of a slot's text (for the table's growth).
fn slot_hash(all: &str, s: Slot) -> u64 {
    BuildHasherDefault::<FxHasher>::default()
        .hash_one(std::str::from_utf8(s.text(all)).unwrap_or_default())
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter().map(|(_, s)| s)).finish()
    }
}

fn hash(text: &str) -> u64 {
    BuildHasherDefault::<FxHasher>::default().hash_one(text)
}

/// String `i` of a buffer and its ends (empty when out of range).
fn nth<'a>(text: &'a str, ends: &[usize], i: usize) -> &'a str {
    let Some(&end) = ends.get(i) else {
        return "";
    };
    let start = i
        .checked_sub(1)
        .and_then(|p| ends.get(p).copied())
        .unwrap_or(0);
    text.get(start..end).unwrap_or_default()
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Self {
        Self::default()
    }

    /// The handle of `text`, storing it on first sight.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::Interner;
    /// let mut names = Interner::new();
    /// let a = names.intern("Budi");
    /// assert_eq!(names.intern("Budi"), a);
    /// assert_eq!(names.resolve(a), "Budi");
    /// ```
    pub fn intern(&mut self, text: &str) -> Sym {
        self.intern_hashed(text, hash(text))
    }

    /// The hash [`Interner::intern_hashed`] wants for `text`.
    pub(crate) fn hash(text: &str) -> u64 {
        hash(text)
    }

    /// [`Interner::intern`] of a text whose [`Interner::hash`] is known.
    pub(crate) fn intern_hashed(&mut self, text: &str, h: u64) -> Sym {
        if self.shared.is_some() {
            self.unshare();
        }
        if !self.indexed {
            self.index = table_of(&self.text, &self.ends);
            self.indexed = true;
        }
        let all = &self.text;
        if let Some(slot) = self.index.find(h, |s| s.holds(all, text)) {
            return slot.sym;
        }
        let slot = Slot {
            sym: Sym::at(self.ends.len()),
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            start: self.text.len(),
        };
        self.text.push_str(text);
        self.ends.push(self.text.len());
        let all = &self.text;
        self.index.insert_unique(h, slot, |s| slot_hash(all, *s));
        slot.sym
    }

    /// The handle of `text` if it was interned, without storing it.
    pub fn get(&self, text: &str) -> Option<Sym> {
        if !self.indexed {
            return self.iter().find(|&(_, s)| s == text).map(|(sym, _)| sym);
        }
        let all = &self.text;
        self.index
            .find(hash(text), |s| s.holds(all, text))
            .map(|s| s.sym)
    }

    /// The text behind a handle of this interner.
    pub fn resolve(&self, sym: Sym) -> &str {
        self.text_at(sym.index())
    }

    /// How many distinct strings are stored.
    pub fn len(&self) -> usize {
        self.shared_len() + self.ends.len()
    }

    /// How many of the strings are shared.
    fn shared_len(&self) -> usize {
        self.shared.as_ref().map_or(0, |s| s.ends.len())
    }

    /// Every stored string with its handle, in the order they were stored.
    pub fn iter(&self) -> impl Iterator<Item = (Sym, &str)> {
        (0..self.len()).map(|i| (Sym::at(i), self.text_at(i)))
    }

    /// Whether no string is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Makes every string stored so far shared, so that copies of the
    /// interner hold them without copying them (for a file's strings once
    /// read: see [`Dataset::merged`](super::Dataset::merged)). The table is
    /// freed; interning into the interner or a copy makes the shared
    /// strings its own again (one copy), reading never does.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::Interner;
    /// let mut file = Interner::new();
    /// let budi = file.intern("Budi");
    /// file.share();
    /// let mut copy = file.clone();
    /// let siti = copy.intern_all(&{
    ///     let mut other = Interner::new();
    ///     other.intern("Siti");
    ///     other
    /// })[0];
    /// assert_eq!((copy.resolve(budi), copy.resolve(siti), copy.len()), ("Budi", "Siti", 2));
    /// assert_eq!(copy.intern("Budi"), budi);
    /// assert_eq!((file.len(), file.get("Siti")), (1, None));
    /// ```
    pub fn share(&mut self) {
        if self.ends.is_empty() {
            return;
        }
        if self.shared.is_some() {
            self.unshare();
        }
        self.release_index();
        let own = Interner {
            text: std::mem::take(&mut self.text),
            ends: std::mem::take(&mut self.ends),
            ..Interner::default()
        };
        self.shared = Some(Arc::new(own));
    }

    /// Makes the shared strings the interner's own again (a copy, unless no
    /// other interner shares them), before them its own ones.
    fn unshare(&mut self) {
        let Some(shared) = self.shared.take() else {
            return;
        };
        let Interner {
            text: mut all,
            ends: mut all_ends,
            ..
        } = Arc::try_unwrap(shared).unwrap_or_else(|s| Interner::clone(&s));
        let offset = all.len();
        all.push_str(&self.text);
        all_ends.extend(self.ends.iter().map(|&e| e + offset));
        self.text = all;
        self.ends = all_ends;
        self.release_index();
    }

    /// Interns every string of `other` (in its order); returns the handle in
    /// `self` of each of `other`'s, by `other`'s index.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::Interner;
    /// let (mut a, mut b) = (Interner::new(), Interner::new());
    /// a.intern("Budi");
    /// let (siti, budi) = (b.intern("Siti"), b.intern("Budi"));
    /// let map = a.intern_all(&b);
    /// assert_eq!(a.resolve(map[siti.index()]), "Siti");
    /// assert_eq!(map[budi.index()], a.intern("Budi"));
    /// ```
    pub fn intern_all(&mut self, other: &Interner) -> Vec<Sym> {
        if self.indexed || other.len() >= self.len() {
            return other.iter().map(|(_, text)| self.intern(text)).collect();
        }
        // `self` has no table and `other` is the smaller: rather than make
        // `self`'s table, `other`'s strings are found by reading `self`'s
        // through once against a table of `other`'s, and those not found
        // are stored after them.
        let mut theirs: HashTable<u32> = HashTable::with_capacity(other.len());
        for i in 0..other.len() {
            theirs.insert_unique(hash(other.text_at(i)), i as u32, |&j| {
                hash(other.text_at(j as usize))
            });
        }
        let mut map: Vec<Option<Sym>> = vec![None; other.len()];
        let mut found = 0;
        for (sym, text) in self.iter() {
            if found == map.len() {
                break;
            }
            let hit = theirs.find(hash(text), |&i| other.text_at(i as usize) == text);
            if let Some(slot) = hit.and_then(|&i| map.get_mut(i as usize)) {
                if slot.is_none() {
                    *slot = Some(sym);
                    found += 1;
                }
            }
        }
        drop(theirs);
        // Room for exactly the strings stored after (a copy holds no room
        // beyond its strings; growing by doubling would reserve as much again).
        let missing = map.iter().enumerate().filter(|(_, s)| s.is_none());
        let (count, bytes) =
            missing.fold((0, 0), |(n, b), (i, _)| (n + 1, b + other.text_at(i).len()));
        self.text.reserve_exact(bytes);
        self.ends.reserve_exact(count);
        map.into_iter()
            .enumerate()
            .map(|(i, sym)| {
                sym.unwrap_or_else(|| {
                    self.text.push_str(other.text_at(i));
                    self.ends.push(self.text.len());
                    Sym::at(self.len() - 1)
                })
            })
            .collect()
    }

    /// String `i` (empty when out of range).
    fn text_at(&self, i: usize) -> &str {
        match &self.shared {
            None => nth(&self.text, &self.ends, i),
            Some(s) if i < s.ends.len() => nth(&s.text, &s.ends, i),
            Some(s) => nth(&self.text, &self.ends, i - s.ends.len()),
        }
    }

    /// Frees the room reserved beyond what is stored.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        let all = &self.text;
        self.index.shrink_to_fit(|s| slot_hash(all, *s));
    }

    /// Frees the hash table (it is made again if the interner is ever
    /// interned into): a file's strings, once read, are only resolved and
    /// read through, and the table is about half their memory.
    pub fn release_index(&mut self) {
        self.index = HashTable::new();
        self.indexed = false;
    }

    /// Bytes this interner holds on the heap (its buffers and table, and
    /// the shared part's, which its copies share), for memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.shared.as_ref().map_or(0, |s| s.heap_bytes())
            + self.text.capacity()
            + self.ends.capacity() * std::mem::size_of::<usize>()
            + self.index.capacity() * (std::mem::size_of::<Slot>() + 1)
    }
}

/// An interner travels as its strings and their ends; the table is made
/// again on arrival.
impl serde::Serialize for Interner {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.shared.is_none() {
            return (&self.text, &self.ends).serialize(serializer);
        }
        let mut flat = self.clone();
        flat.unshare();
        (&flat.text, &flat.ends).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Interner {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (text, ends) = <(String, Vec<usize>)>::deserialize(deserializer)?;
        let ordered = ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().is_none_or(|&e| e <= text.len())
            && ends.iter().all(|&e| text.is_char_boundary(e));
        if !ordered {
            return Err(serde::de::Error::custom("string ends out of order"));
        }
        // The buffers are kept as they came; the table is made when first
        // needed.
        let mut ends = ends;
        ends.shrink_to_fit();
        Ok(Interner {
            shared: None,
            text,
            ends,
            index: HashTable::new(),
            indexed: false,
        })
    }
}

/// The table of the strings of `text` ending at `ends` (a string stored
/// twice is found at its first handle).
fn table_of(text: &str, ends: &[usize]) -> HashTable<Slot> {
    let mut index: HashTable<Slot> = HashTable::with_capacity(ends.len());
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let string = text.get(start..end).unwrap_or_default();
        let h = hash(string);
        if index.find(h, |s| s.holds(text, string)).is_none() {
            let slot = Slot {
                sym: Sym::at(i),
                len: u32::try_from(string.len()).unwrap_or(u32::MAX),
                start,
            };
            index.insert_unique(h, slot, |s| slot_hash(text, *s));
        }
        start = end;
    }
    index
}

/// The handles of one interner's strings in another (from
/// [`Interner::intern_all`]), to carry rows from one dataset into another.
#[derive(Clone, Debug, Default)]
pub struct Remap(Vec<Sym>);

impl Remap {
    /// The map that interns every string of `from` into `into`.
    pub fn new(into: &mut Interner, from: &Interner) -> Remap {
        Remap(into.intern_all(from))
    }

    /// The handle in the target of `from`'s `sym` (itself when out of range,
    /// which a dataset's own handles never are).
    pub fn sym(&self, sym: Sym) -> Sym {
        self.0.get(sym.index()).copied().unwrap_or(sym)
    }

    /// [`Remap::sym`] of an optional handle.
    pub fn opt(&self, sym: Option<Sym>) -> Option<Sym> {
        sym.map(|s| self.sym(s))
    }
}
