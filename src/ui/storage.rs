//! Local storage, versioned: the only module that touches the browser's
//! storage. Each value is kept as `{"version": N, "data": ...}`; a value that
//! is corrupt or of another version is moved to a backup key and the caller
//! gets the defaults plus a notice to show.

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Key prefix of everything this app stores.
pub const PREFIX: &str = "telesales-kpi";

/// What a load found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored yet.
    Missing,
    /// The stored value.
    Found(T),
    /// The stored text was unreadable or of another version; it was kept under
    /// `backup_key` and removed from `key`.
    Reset {
        /// Where the bad text now is.
        backup_key: String,
        /// Why it could not be used.
        reason: String,
    },
}

impl<T> Loaded<T> {
    /// The stored value, or `default()` when missing or reset.
    pub fn or_else(self, default: impl FnOnce() -> T) -> T {
        match self {
            Loaded::Found(v) => v,
            _ => default(),
        }
    }
}

/// Why a save failed (quota exceeded, storage disabled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveError(pub String);

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not save to local storage: {}", self.0)
    }
}

impl std::error::Error for SaveError {}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    version: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    version: u32,
    data: T,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// The full storage key of `name`.
pub fn key(name: &str) -> String {
    format!("{PREFIX}.{name}")
}

/// Saves `value` under `name` with schema `version`.
pub fn save<T: Serialize>(name: &str, version: u32, value: &T) -> Result<(), SaveError> {
    let text = serde_json::to_string(&EnvelopeOut {
        version,
        data: value,
    })
    .map_err(|e| SaveError(e.to_string()))?;
    LocalStorage::raw()
        .set_item(&key(name), &text)
        .map_err(|e| SaveError(format!("{e:?}")))
}

/// Loads the value saved under `name`, expecting schema `version`.
pub fn load<T: DeserializeOwned>(name: &str, version: u32) -> Loaded<T> {
    let key = key(name);
    let Ok(Some(text)) = LocalStorage::raw().get_item(&key) else {
        return Loaded::Missing;
    };
    let reason = match serde_json::from_str::<EnvelopeIn<T>>(&text) {
        Ok(env) if env.version == version => return Loaded::Found(env.data),
        Ok(env) => format!("stored version {} is not {version}", env.version),
        Err(e) => match serde_json::from_str::<VersionOnly>(&text) {
            Ok(v) if v.version != version => {
                format!("stored version {} is not {version}", v.version)
            }
            _ => format!("unreadable: {e}"),
        },
    };
    let backup_key = format!("{key}.backup");
    let storage = LocalStorage::raw();
    let _ = storage.set_item(&backup_key, &text);
    let _ = storage.remove_item(&key);
    Loaded::Reset { backup_key, reason }
}

/// Removes the value saved under `name`.
pub fn remove(name: &str) {
    let _ = LocalStorage::raw().remove_item(&key(name));
}

/// The raw text under a full key (for backups and tests).
pub fn raw(full_key: &str) -> Option<String> {
    LocalStorage::raw().get_item(full_key).ok().flatten()
}

/// Writes raw text under a full key (tests use it to plant corrupt data).
pub fn set_raw(full_key: &str, text: &str) -> Result<(), SaveError> {
    LocalStorage::raw()
        .set_item(full_key, text)
        .map_err(|e| SaveError(format!("{e:?}")))
}
