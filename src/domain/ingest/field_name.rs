//! A field's canonical name as it travels between workers (serde `with`):
//! written as its text, read back as the program's own `&'static str` of
//! that name, so diagnostics keep naming fields without an owned string.
//! A name no kind has is refused.

use super::aliases::fields_of;
use super::kind::FileKind;

/// A canonical field name (an alias, so that serde does not take the
/// field for text borrowed from its input).
pub type FieldName = &'static str;

/// Writes the name.
pub fn serialize<S: serde::Serializer>(name: &FieldName, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(name)
}

/// Reads a name back as the canonical field of that name.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<FieldName, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    canonical(&text).ok_or_else(|| serde::de::Error::custom("no field of that name"))
}

/// The canonical field named `text`, of any kind.
pub fn canonical(text: &str) -> Option<&'static str> {
    FileKind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .map(|spec| spec.name)
        .find(|name| *name == text)
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn every_field_of_every_kind_comes_back_and_nothing_else() {
        assert_eq!(canonical("talk_seconds"), Some("talk_seconds"));
        assert_eq!(canonical("first_contact_at"), Some("first_contact_at"));
        assert_eq!(canonical("no_such_field"), None);
    }
}
