//! Lookups from the loaded roster for display: agent → (name, team), and the
//! lists the filters offer (agents, teams, campaigns).

use std::collections::{BTreeSet, HashMap};

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

/// The roster's teams, sorted.
pub fn teams(data: &Dataset) -> Vec<String> {
    let set: BTreeSet<&str> = data
        .roster
        .rows
        .iter()
        .filter_map(|r| r.team)
        .map(|s| data.strings.resolve(s))
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// Every campaign named by a record or the campaigns file, sorted.
pub fn campaigns(data: &Dataset) -> Vec<String> {
    let mut set: BTreeSet<&str> = BTreeSet::new();
    let syms = data
        .calls
        .campaign
        .iter()
        .chain(&data.deals.campaign)
        .chain(&data.leads.campaign)
        .flatten()
        .copied()
        .chain(data.campaigns.rows.iter().map(|r| r.campaign));
    let mut seen = vec![false; data.strings.len()];
    for s in syms {
        if let Some(flag) = seen.get_mut(s.index()) {
            if !*flag {
                *flag = true;
                set.insert(data.strings.resolve(s));
            }
        }
    }
    set.into_iter().map(str::to_owned).collect()
}

/// Every agent the filters can offer: roster agents, plus the agents named on
/// records, with roster aliases folded into the roster's agent.
pub fn agents(data: &Dataset) -> Vec<String> {
    let mut alias: HashMap<&str, &str> = HashMap::new();
    let mut set: BTreeSet<&str> = BTreeSet::new();
    for r in &data.roster.rows {
        let agent = data.strings.resolve(r.agent);
        set.insert(agent);
        for a in &r.aliases {
            alias.insert(data.strings.resolve(*a), agent);
        }
    }
    let mut seen = vec![false; data.strings.len()];
    let named = data
        .calls
        .agent
        .iter()
        .chain(&data.deals.agent)
        .copied()
        .chain(data.leads.agent.iter().flatten().copied());
    for s in named {
        if let Some(flag) = seen.get_mut(s.index()) {
            if !*flag {
                *flag = true;
                let text = data.strings.resolve(s);
                set.insert(alias.get(text).copied().unwrap_or(text));
            }
        }
    }
    set.into_iter().map(str::to_owned).collect()
}
