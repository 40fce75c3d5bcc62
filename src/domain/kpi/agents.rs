//! Agent canonicalisation: roster agents, their aliases and teams, and every
//! other agent text found on a record, each given a dense index.

use std::collections::HashMap;

use crate::domain::model::{Dataset, Sym, UNASSIGNED};

/// Marks a symbol that names no agent.
const NONE: u32 = u32::MAX;

/// The agents of a dataset, by dense index.
#[derive(Clone, Debug, Default)]
pub(crate) struct Agents {
    /// Canonical text (the roster's `agent`, else the record's text).
    pub names: Vec<String>,
    /// Whether the agent is `(unassigned)`.
    pub unassigned: Vec<bool>,
    /// Whether the agent is a roster agent.
    pub in_roster: Vec<bool>,
    /// The roster team's index, if any.
    pub team: Vec<Option<u32>>,
    /// The roster's team names.
    pub teams: Vec<String>,
    /// Symbol index → agent index (`NONE` when the text names no agent).
    by_sym: Vec<u32>,
    /// Agent texts and aliases → agent index.
    by_name: HashMap<String, u32>,
}

impl Agents {
    /// Builds the agents: roster agents first (their own text wins over
    /// another row's alias; the first roster row of an agent or alias wins),
    /// then every record agent not named by the roster, in table order.
    pub fn new(data: &Dataset) -> Agents {
        let mut agents = Agents {
            by_sym: vec![NONE; data.strings.len()],
            ..Agents::default()
        };
        let mut roster_index = Vec::with_capacity(data.roster.rows.len());
        for row in &data.roster.rows {
            let a = agents.add(data, row.agent, true);
            roster_index.push(a);
            if let Some(team) = row.team {
                let slot = a as usize;
                if agents.team[slot].is_none() {
                    let name = data.strings.resolve(team);
                    let t = agents
                        .teams
                        .iter()
                        .position(|x| x == name)
                        .unwrap_or_else(|| {
                            agents.teams.push(name.to_owned());
                            agents.teams.len() - 1
                        });
                    agents.team[slot] = Some(t as u32);
                }
            }
        }
        for (row, &a) in data.roster.rows.iter().zip(&roster_index) {
            for &alias in &row.aliases {
                if let Some(slot) = agents.by_sym.get_mut(alias.index()) {
                    if *slot == NONE {
                        *slot = a;
                    }
                }
            }
        }
        let record_agents = data
            .calls
            .agent
            .iter()
            .chain(&data.deals.agent)
            .chain(data.leads.agent.iter().flatten());
        for &sym in record_agents {
            agents.add(data, sym, false);
        }
        for (sym, text) in data.strings.iter() {
            let a = agents.of_sym(sym);
            if a != NONE {
                agents.by_name.insert(text.to_owned(), a);
            }
        }
        agents
    }

    /// The agent of `sym`, creating it when new.
    fn add(&mut self, data: &Dataset, sym: Sym, roster: bool) -> u32 {
        let Some(slot) = self.by_sym.get(sym.index()).copied() else {
            return NONE;
        };
        if slot != NONE {
            return slot;
        }
        let a = self.names.len() as u32;
        let name = data.strings.resolve(sym).to_owned();
        self.unassigned.push(name == UNASSIGNED);
        self.names.push(name);
        self.in_roster.push(roster);
        self.team.push(None);
        self.by_sym[sym.index()] = a;
        a
    }

    /// Number of agents.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The agent index of a record's agent symbol (`u32::MAX` if unknown).
    pub fn of_sym(&self, sym: Sym) -> u32 {
        self.by_sym.get(sym.index()).copied().unwrap_or(NONE)
    }

    /// The agent named by `text` (a roster agent, an alias, or a record's agent).
    pub fn by_text(&self, text: &str) -> Option<u32> {
        self.by_name.get(text.trim()).copied()
    }

    /// The roster team of agent `a`, as text.
    pub fn team_name(&self, a: u32) -> Option<&str> {
        let t = (*self.team.get(a as usize)?)?;
        self.teams.get(t as usize).map(String::as_str)
    }
}
