//! A small front cache for interning the repeated texts of one column (agents,
//! campaigns, lead ids, phones): a direct-mapped table of the last handle seen
//! per hash slot, so a hit costs one hash, one slot and one comparison with
//! the interned text, instead of a probe into the file-wide interner. A column
//! whose texts rarely repeat (ids) stops using it.

use crate::domain::model::{Interner, Sym};

/// Slots per column (a power of two).
const SLOTS: usize = 1 << 12;

/// Lookups after which a column that mostly misses goes to the interner directly.
const TRIAL: u32 = 1 << 14;

/// One slot: the hash of the text it last held, and its handle.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    hash: u64,
    sym: Option<Sym>,
}

/// The cache of one column.
#[derive(Clone, Default)]
pub struct SymCache {
    slots: Vec<Slot>,
    lookups: u32,
    hits: u32,
    off: bool,
}

impl std::fmt::Debug for SymCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SymCache({} hits of {})", self.hits, self.lookups)
    }
}

impl SymCache {
    /// The symbol of `text`, interning it on first sight.
    pub fn intern(&mut self, strings: &mut Interner, text: &str) -> Sym {
        let hash = Interner::hash(text);
        if self.off {
            return strings.intern_hashed(text, hash);
        }
        if self.slots.is_empty() {
            self.slots = vec![Slot::default(); SLOTS];
        }
        let at = (hash as usize) & (SLOTS - 1);
        self.lookups += 1;
        if let Some(slot) = self.slots.get_mut(at) {
            if let Some(sym) = slot
                .sym
                .filter(|&s| slot.hash == hash && strings.resolve(s) == text)
            {
                self.hits += 1;
                return sym;
            }
            let sym = strings.intern_hashed(text, hash);
            *slot = Slot {
                hash,
                sym: Some(sym),
            };
            if self.lookups == TRIAL && self.hits < TRIAL / 2 {
                self.off = true;
                self.slots = Vec::new();
            }
            return sym;
        }
        strings.intern_hashed(text, hash)
    }
}

/// A text of at most 16 bytes as two words and its length (equal keys, equal
/// texts): a comparison costs two integer compares instead of a `memcmp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SmallKey(u64, u64, usize);

impl SmallKey {
    /// The key of `text`, when it is at most 16 bytes long.
    fn of(text: &str) -> Option<SmallKey> {
        let b = text.as_bytes();
        let eight = |at: usize| {
            b.get(at..at + 8)
                .and_then(|s| <[u8; 8]>::try_from(s).ok())
                .map_or(0, u64::from_le_bytes)
        };
        let four = |at: usize| {
            b.get(at..at + 4)
                .and_then(|s| <[u8; 4]>::try_from(s).ok())
                .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
        };
        let n = b.len();
        // Two windows that together cover every byte.
        Some(match n {
            0..=3 => SmallKey(b.iter().fold(0u64, |w, &x| (w << 8) | u64::from(x)), 0, n),
            4..=7 => SmallKey(four(0), four(n - 4), n),
            8..=16 => SmallKey(eight(0), eight(n - 8), n),
            _ => return None,
        })
    }
}

/// Entries a [`Memo`] keeps.
const MEMO: usize = 8;

/// The last readings of a column of few distinct short texts (a status, a
/// direction, a flag) by their exact text: a reading is a pure function of
/// the text, so a remembered one is the same as reading it again.
#[derive(Clone, Debug)]
pub struct Memo<T> {
    keys: [Option<SmallKey>; MEMO],
    values: [Option<T>; MEMO],
    next: usize,
}

impl<T: Copy> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            keys: [None; MEMO],
            values: [None; MEMO],
            next: 0,
        }
    }
}

impl<T: Copy> Memo<T> {
    /// `read(text)`, remembered.
    pub fn get(&mut self, text: &str, read: impl FnOnce(&str) -> T) -> T {
        let Some(key) = SmallKey::of(text) else {
            return read(text);
        };
        for (k, v) in self.keys.iter().zip(&self.values) {
            if let (Some(k), Some(v)) = (k, v) {
                if *k == key {
                    return *v;
                }
            }
        }
        let value = read(text);
        let slot = self.next % MEMO;
        self.keys[slot] = Some(key);
        self.values[slot] = Some(value);
        self.next = slot + 1;
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_texts_apart() {
        let texts = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "bbcd",
            "abcdefg",
            "abcdefh",
            "abcdefgh",
            "abcdefgi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "é",
            "éa",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(SmallKey::of(a) == SmallKey::of(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(SmallKey::of("abcdefghijklmnopq"), None);
    }

    #[test]
    fn a_memo_gives_the_reading() {
        let mut memo = Memo::default();
        let words: Vec<String> = (0..40)
            .map(|i| format!("{}{i}", "w".repeat(i % 20)))
            .collect();
        for round in 0..3 {
            for w in &words {
                assert_eq!(memo.get(w, str::len), w.len(), "{w} in round {round}");
            }
        }
    }

    #[test]
    fn the_cache_interns_what_the_interner_does() {
        let (mut cached, mut plain) = (Interner::new(), Interner::new());
        let mut cache = SymCache::default();
        for i in 0..(3 * TRIAL) {
            let text = format!("t{}", i % 5000);
            let sym = cache.intern(&mut cached, &text);
            assert_eq!(sym, plain.intern(&text));
            assert_eq!(cached.resolve(sym), text);
        }
    }
}
