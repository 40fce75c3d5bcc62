//! String interning: agents, campaigns, lead keys and phones are stored once and
//! referred to by a 4-byte [`Sym`], so a call row stays small.

use std::hash::{BuildHasher, BuildHasherDefault};
use std::num::NonZeroU32;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

/// A handle to an interned string. `Option<Sym>` is 4 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// The position of the string in its interner, starting at 0.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

/// Owns each distinct string once and hands out [`Sym`]s for them.
///
/// Each string is stored once (the hash table holds only handles into
/// `strings`) and hashed once per lookup with a fast non-cryptographic hash:
/// interning is the hot path of decoding.
#[derive(Clone, Default)]
pub struct Interner {
    strings: Vec<Box<str>>,
    index: HashTable<Sym>,
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.strings).finish()
    }
}

fn hash(text: &str) -> u64 {
    BuildHasherDefault::<FxHasher>::default().hash_one(text)
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
        let h = hash(text);
        let strings = &self.strings;
        if let Some(&sym) = self.index.find(h, |s| &*strings[s.index()] == text) {
            return sym;
        }
        let n = u32::try_from(self.strings.len() + 1).unwrap_or(u32::MAX);
        let sym = Sym(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        self.strings.push(text.into());
        let strings = &self.strings;
        self.index
            .insert_unique(h, sym, |s| hash(&strings[s.index()]));
        sym
    }

    /// The handle of `text` if it was interned, without storing it.
    pub fn get(&self, text: &str) -> Option<Sym> {
        let strings = &self.strings;
        self.index
            .find(hash(text), |s| &*strings[s.index()] == text)
            .copied()
    }

    /// The text behind a handle of this interner.
    pub fn resolve(&self, sym: Sym) -> &str {
        self.strings.get(sym.index()).map_or("", |s| s)
    }

    /// How many distinct strings are stored.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// Every stored string with its handle, in the order they were stored.
    pub fn iter(&self) -> impl Iterator<Item = (Sym, &str)> {
        self.strings.iter().enumerate().map(|(i, text)| {
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            (Sym(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)), &**text)
        })
    }

    /// Whether no string is stored.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}
