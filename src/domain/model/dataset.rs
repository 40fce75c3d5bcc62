//! A dataset: the tables of one or more files sharing one interner.
//!
//! Each file decodes into its own `Dataset`; the page and the command line
//! merge the files' datasets into one before computing KPIs, so removing a file
//! is a re-merge, never a re-parse.

use std::sync::Arc;

use super::calls::CallTable;
use super::campaigns::{CampaignRow, CampaignTable};
use super::deals::DealTable;
use super::interner::{Interner, Remap, Sym};
use super::leads::LeadTable;
use super::roster::{RosterRow, RosterTable};

/// Which kinds of file were loaded (a KPI whose source kind is missing is null,
/// even when the loaded file of that kind had no rows).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // one flag per kind, read independently
pub struct Loaded {
    /// A calls file (or Asterisk CDR / `queue_log`).
    pub calls: bool,
    /// A deals file.
    pub deals: bool,
    /// A leads file.
    pub leads: bool,
    /// A roster.
    pub roster: bool,
    /// A campaigns file.
    pub campaigns: bool,
}

/// All tables plus the strings they refer to.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Every distinct text of the tables.
    pub strings: Interner,
    /// Calls, shared: the page's merge of several files takes the one calls
    /// file's table over as it is, where a copy would hold it twice (the
    /// calls are nearly all of a dataset's memory). Written through
    /// [`Dataset::calls_mut`].
    pub calls: Arc<CallTable>,
    /// Deals.
    pub deals: DealTable,
    /// Leads.
    pub leads: LeadTable,
    /// Roster.
    pub roster: RosterTable,
    /// Campaign windows.
    pub campaigns: CampaignTable,
    /// Which kinds were loaded.
    pub loaded: Loaded,
}

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Self {
        Self::default()
    }

    /// The calls table to write to (copied first if shared).
    pub fn calls_mut(&mut self) -> &mut CallTable {
        Arc::make_mut(&mut self.calls)
    }

    /// The datasets of several files as one, in their order (the page's
    /// view of its files, each of which keeps its own). The first that
    /// holds calls, when it holds nothing else, is the one copied first,
    /// sharing its calls table; the others are merged into the copy in
    /// their order. Each table's rows keep the files' order (the calls come
    /// from the files from that one on); only the strings' handles may be
    /// numbered otherwise than a merge in order would, which nothing shows.
    ///
    /// ```
    /// # use telesales_kpi::domain::model::Dataset;
    /// # use std::sync::Arc;
    /// let (mut roster, mut calls) = (Dataset::new(), Dataset::new());
    /// roster.strings.intern("Siti");
    /// calls.strings.intern("Budi");
    /// let all = Dataset::merged(&[&roster, &calls]);
    /// assert_eq!(all.strings.len(), 2);
    /// ```
    pub fn merged(files: &[&Dataset]) -> Dataset {
        let base = files
            .iter()
            .position(|d| !d.calls.is_empty())
            .filter(|&b| files.get(b).is_some_and(|d| d.holds_calls_only()))
            .unwrap_or(0);
        let Some(first) = files.get(base) else {
            return Dataset::new();
        };
        let mut all = Dataset::clone(first);
        for (i, d) in files.iter().enumerate() {
            if i != base {
                all.merge(d);
            }
        }
        all
    }

    /// Whether the dataset holds calls and no row of another kind.
    fn holds_calls_only(&self) -> bool {
        self.deals.is_empty()
            && self.leads.is_empty()
            && self.roster.is_empty()
            && self.campaigns.is_empty()
    }

    /// The roster's agents with their display name and team (empty texts
    /// where the roster has none), for the page.
    pub fn roster_display(&self) -> std::collections::BTreeMap<String, (String, String)> {
        let text = |s: Option<Sym>| {
            s.map(|s| self.strings.resolve(s).to_owned())
                .unwrap_or_default()
        };
        self.roster
            .rows
            .iter()
            .map(|r| {
                (
                    self.strings.resolve(r.agent).to_owned(),
                    (text(r.name), text(r.team)),
                )
            })
            .collect()
    }

    /// Frees the room the tables and strings reserved beyond what they hold
    /// (a column that grew by doubling may have reserved nearly as much again).
    /// The strings' hash table is freed too: it is made again if the
    /// dataset is ever merged into from a larger one.
    pub fn shrink_to_fit(&mut self) {
        self.strings.release_index();
        self.strings.shrink_to_fit();
        if let Some(calls) = Arc::get_mut(&mut self.calls) {
            calls.shrink_to_fit();
        }
        self.deals.shrink_to_fit();
        self.leads.shrink_to_fit();
        self.roster.rows.shrink_to_fit();
        self.campaigns.rows.shrink_to_fit();
    }

    /// Bytes the tables and strings hold on the heap, for memory figures.
    pub fn heap_bytes(&self) -> usize {
        let roster = self.roster.rows.capacity() * std::mem::size_of::<RosterRow>()
            + self
                .roster
                .rows
                .iter()
                .map(|r| r.aliases.capacity() * std::mem::size_of::<Sym>())
                .sum::<usize>();
        self.strings.heap_bytes()
            + self.calls.heap_bytes()
            + self.deals.heap_bytes()
            + self.leads.heap_bytes()
            + roster
            + self.campaigns.rows.capacity() * std::mem::size_of::<CampaignRow>()
    }

    /// Appends every row of `other`, re-interning its strings into `self`
    /// (each of `other`'s strings once, through a table of handles).
    pub fn merge(&mut self, other: &Dataset) {
        let map = Remap::new(&mut self.strings, &other.strings);
        if !other.calls.is_empty() || !other.calls.call_id.is_empty() {
            self.calls_mut().append(&other.calls, &map);
        }
        self.deals.append(&other.deals, &map);
        self.leads.append(&other.leads, &map);
        self.roster
            .rows
            .extend(other.roster.rows.iter().map(|r| RosterRow {
                agent: map.sym(r.agent),
                name: map.opt(r.name),
                team: map.opt(r.team),
                aliases: r.aliases.iter().map(|&a| map.sym(a)).collect(),
            }));
        self.campaigns
            .rows
            .extend(other.campaigns.rows.iter().map(|r| CampaignRow {
                campaign: map.sym(r.campaign),
                ..*r
            }));
        self.load(other.loaded);
    }

    /// [`Dataset::merge`] of a dataset no longer needed: into an empty
    /// dataset it is moved, not copied (the same tables and handles).
    ///
    /// ```
    /// # use telesales_kpi::domain::model::Dataset;
    /// let mut file = Dataset::new();
    /// let budi = file.strings.intern("Budi");
    /// file.loaded.calls = true;
    /// let mut all = Dataset::new();
    /// all.absorb(file);
    /// assert_eq!((all.strings.resolve(budi), all.loaded.calls), ("Budi", true));
    /// ```
    pub fn absorb(&mut self, other: Dataset) {
        if !self.holds_nothing() {
            self.merge(&other);
            return;
        }
        let (loaded, upsell) = (self.loaded, self.deals.has_upsell_column);
        *self = other;
        self.load(loaded);
        self.deals.has_upsell_column |= upsell;
    }

    /// Whether no string and no row is held (kinds may be marked loaded).
    fn holds_nothing(&self) -> bool {
        self.strings.is_empty()
            && self.calls.is_empty()
            && self.calls.call_id.is_empty()
            && self.deals.is_empty()
            && self.leads.is_empty()
            && self.roster.is_empty()
            && self.campaigns.is_empty()
    }

    /// Marks the kinds of `theirs` loaded too.
    fn load(&mut self, theirs: Loaded) {
        let mine = &mut self.loaded;
        mine.calls |= theirs.calls;
        mine.deals |= theirs.deals;
        mine.leads |= theirs.leads;
        mine.roster |= theirs.roster;
        mine.campaigns |= theirs.campaigns;
    }
}
