//! The roster: agents, their display names, teams and aliases (DATA.md §4).

use super::interner::Sym;

/// One roster row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterRow {
    /// The agent's canonical text.
    pub agent: Sym,
    /// The display name, if any.
    pub name: Option<Sym>,
    /// The team, if any.
    pub team: Option<Sym>,
    /// Other texts that name this agent in calls, deals and leads.
    pub aliases: Vec<Sym>,
}

/// The roster (small: a row per agent, so kept as rows).
#[derive(Clone, Debug, Default)]
pub struct RosterTable {
    /// The rows in file order.
    pub rows: Vec<RosterRow>,
}

impl RosterTable {
    /// Number of agents.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the roster is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}
