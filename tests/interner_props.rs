//! The interner against a plain map: any strings, short (kept in their
//! table slot) or long (kept in the buffer), with shared prefixes and
//! repeats, get one handle each, in order of first sight, and read back.

use std::collections::HashMap;

use proptest::prelude::*;
use telesales_kpi::domain::model::Interner;

/// Strings around the slot's inline size, sharing prefixes.
fn texts() -> impl Strategy<Value = Vec<String>> {
    let one = prop_oneof![
        "[ab]{0,3}",
        "6281[0-9]{9}",
        "[a-c]{15,18}",
        "L[0-9]{1,5}",
        ".{0,40}",
    ];
    prop::collection::vec(one, 0..600)
}

/// An interner of `texts`, interned in order.
fn interned(texts: &[String]) -> Interner {
    let mut interner = Interner::new();
    for t in texts {
        interner.intern(t);
    }
    interner
}

/// Whether `copy` holds each of `original`'s strings at the same handle,
/// and finds it there.
fn holds_the_same(copy: &Interner, original: &Interner) -> Result<(), TestCaseError> {
    prop_assert_eq!(copy.len(), original.len());
    for (sym, text) in original.iter() {
        prop_assert_eq!(copy.resolve(sym), text);
        prop_assert_eq!(copy.get(text), Some(sym));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_interner_agrees_with_a_map(texts in texts(), shrink_at in 0usize..600) {
        let mut interner = Interner::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, t) in texts.iter().enumerate() {
            if i == shrink_at {
                interner.shrink_to_fit();
            }
            let next = seen.len();
            let want = *seen.entry(t.clone()).or_insert(next);
            let sym = interner.intern(t);
            prop_assert_eq!(sym.index(), want);
            prop_assert_eq!(interner.resolve(sym), t.as_str());
        }
        interner.shrink_to_fit();
        prop_assert_eq!(interner.len(), seen.len());
        for (t, &i) in &seen {
            prop_assert_eq!(interner.get(t).map(telesales_kpi::domain::model::Sym::index), Some(i));
            prop_assert_eq!(interner.intern(t).index(), i);
        }
        prop_assert_eq!(interner.get("never interned \u{1}"), None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// An interner sent between workers (its buffers travel as they are;
    /// the table is made again when first needed) finds, resolves and goes
    /// on interning as the one sent, before its table is made and after.
    #[test]
    fn an_interner_read_back_is_the_one_written(texts in texts(), more in texts()) {
        let mut sent = Interner::new();
        for t in &texts {
            sent.intern(t);
        }
        let bytes = postcard::to_allocvec(&sent).expect("written");
        let mut read: Interner = postcard::from_bytes(&bytes).expect("read");
        prop_assert_eq!(read.len(), sent.len());
        for (sym, text) in sent.iter() {
            prop_assert_eq!(read.resolve(sym), text);
            prop_assert_eq!(read.get(text), Some(sym));
        }
        for t in &more {
            prop_assert_eq!(read.intern(t), sent.intern(t));
        }
        for (sym, text) in sent.iter() {
            prop_assert_eq!(read.get(text), Some(sym));
        }
    }
}

/// Ends out of order are no interner; a string named twice (no worker
/// writes one) reads back, found at its first handle.
#[test]
fn ends_out_of_order_are_refused_and_a_string_twice_found_first() {
    let backwards = postcard::to_allocvec(&("abcd", vec![3usize, 1])).expect("written");
    assert!(postcard::from_bytes::<Interner>(&backwards).is_err());
    let fine = postcard::to_allocvec(&("abcd", vec![1usize, 4])).expect("written");
    let read: Interner = postcard::from_bytes(&fine).expect("read");
    assert_eq!(
        read.iter().map(|(_, s)| s).collect::<Vec<_>>(),
        ["a", "bcd"]
    );
    let twice = postcard::to_allocvec(&("abab", vec![2usize, 4])).expect("written");
    let mut read: Interner = postcard::from_bytes(&twice).expect("read");
    let first = read.get("ab").map(telesales_kpi::domain::model::Sym::index);
    assert_eq!(first, Some(0));
    assert_eq!(read.intern("ab").index(), 0);
    assert_eq!(read.intern("c").index(), 2);
    assert_eq!(read.len(), 3);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Interning all of another interner's strings gives the same handles
    /// into a copy (which has no table, and reads its strings through when
    /// the other is smaller) as into the original, and both go on alike.
    #[test]
    fn interning_all_into_a_copy_is_interning_into_the_original(
        mine in texts(),
        theirs in texts(),
        more in texts(),
    ) {
        let mut original = interned(&mine);
        let other = interned(&theirs);
        let mut copy = original.clone();
        prop_assert_eq!(copy.intern_all(&other), original.intern_all(&other));
        holds_the_same(&copy, &original)?;
        for t in &more {
            prop_assert_eq!(copy.intern(t), original.intern(t));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A shared interner's copy (the first strings shared, not copied)
    /// takes in another's strings, resolves, is sent between workers and
    /// goes on interning as a plain copy does, and the interner it was
    /// copied from is left as it was.
    #[test]
    fn a_copy_of_a_shared_interner_is_a_plain_copy(
        mine in texts(),
        theirs in texts(),
        more in texts(),
    ) {
        let mut shared = interned(&mine);
        let mut plain = shared.clone();
        let before: Vec<String> = shared.iter().map(|(_, s)| s.to_owned()).collect();
        shared.share();
        let other = interned(&theirs);
        let mut copy = shared.clone();
        prop_assert_eq!(copy.intern_all(&other), plain.intern_all(&other));
        holds_the_same(&copy, &plain)?;
        let bytes = postcard::to_allocvec(&copy).expect("written");
        let mut read: Interner = postcard::from_bytes(&bytes).expect("read");
        for t in &more {
            let want = plain.intern(t);
            prop_assert_eq!(copy.intern(t), want);
            prop_assert_eq!(read.intern(t), want);
        }
        let after: Vec<String> = shared.iter().map(|(_, s)| s.to_owned()).collect();
        prop_assert_eq!(after, before);
    }
}
