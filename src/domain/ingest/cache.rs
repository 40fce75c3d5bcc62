//! A small front cache for interning the repeated texts of one column (agents,
//! campaigns, lead ids, phones): short keys are stored inline, so a hit costs
//! one hash and one probe in a table that stays in the CPU cache, instead of a
//! probe into the file-wide interner and a pointer chase to its key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::domain::model::{Interner, Sym};

/// Longest text kept inline.
const INLINE: usize = 23;

/// Entries per column at most (a column of unique ids stops filling it).
const CAPACITY: usize = 1 << 16;

/// A short text stored inline.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: u8,
    bytes: [u8; INLINE],
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write(&self.bytes);
        state.write_u8(self.len);
    }
}

/// `FxHash` with a final mix (non-cryptographic: a file can only slow its own decoding).
#[derive(Clone, Copy, Default)]
struct Fx(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// The cache of one column.
#[derive(Clone, Default)]
pub struct SymCache {
    map: HashMap<Key, Sym, BuildHasherDefault<Fx>>,
}

impl std::fmt::Debug for SymCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SymCache({} entries)", self.map.len())
    }
}

impl SymCache {
    /// The symbol of `text`, interning it on first sight.
    pub fn intern(&mut self, strings: &mut Interner, text: &str) -> Sym {
        let b = text.as_bytes();
        if b.len() > INLINE {
            return strings.intern(text);
        }
        let mut key = Key {
            len: b.len() as u8,
            bytes: [0; INLINE],
        };
        key.bytes[..b.len()].copy_from_slice(b);
        if let Some(&sym) = self.map.get(&key) {
            return sym;
        }
        let sym = strings.intern(text);
        if self.map.len() < CAPACITY {
            self.map.insert(key, sym);
        }
        sym
    }
}
