//! Moving one column's values onto the end of another's.

/// Moves the values of `from` onto the end of `into`, each through `f`, and
/// frees `from`'s room at once: a table taken over column by column never
/// holds two copies of more than one column.
pub(super) fn move_onto<T, U>(into: &mut Vec<U>, from: Vec<T>, f: impl Fn(T) -> U) {
    into.reserve_exact(from.len());
    into.extend(from.into_iter().map(f));
}

#[cfg(test)]
mod tests {
    use super::move_onto;

    #[test]
    fn values_follow_in_order_through_the_function() {
        let mut into = vec![1u32, 2];
        move_onto(&mut into, vec![3u8, 4], |v| u32::from(v) * 10);
        assert_eq!(into, vec![1, 2, 30, 40]);
        let mut empty: Vec<u32> = Vec::new();
        move_onto(&mut empty, Vec::<u32>::new(), |v| v);
        assert!(empty.is_empty());
    }
}
