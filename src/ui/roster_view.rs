//! Lookups from the loaded roster for display: agent → (name, team).

use std::collections::HashMap;

use crate::domain::model::Dataset;

/// Agent text → (display name, team), from the roster.
pub fn roster_names(data: &Dataset) -> HashMap<String, (String, String)> {
    data.roster
        .rows
        .iter()
        .map(|r| {
            let text = |s: Option<crate::domain::model::Sym>| {
                s.map(|s| data.strings.resolve(s).to_owned())
                    .unwrap_or_default()
            };
            (
                data.strings.resolve(r.agent).to_owned(),
                (text(r.name), text(r.team)),
            )
        })
        .collect()
}
