//! The two small kinds: roster (DATA.md §4) and campaigns (§5).

use super::{required_text, required_time};
use crate::domain::ingest::convention::DateColumn;
use crate::domain::ingest::mapping::ColumnMapping;
use crate::domain::ingest::record::{Col, Ctx, Record};
use crate::domain::model::time::Day;
use crate::domain::model::{CampaignRow, CampaignTable, RosterRow, RosterTable};

/// Builds a [`RosterTable`].
#[derive(Debug)]
pub struct RosterBuilder {
    cols: [Option<usize>; 4],
    table: RosterTable,
}

impl RosterBuilder {
    /// A builder for a mapping of the roster kind.
    pub fn new(mapping: &ColumnMapping) -> RosterBuilder {
        RosterBuilder {
            cols: std::array::from_fn(|i| mapping.column(i)),
            table: RosterTable::default(),
        }
    }

    /// Reads one record; aliases are split on `|` or `,`.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let c = self.cols;
        let Some(agent) = required_text(cx, rec, c[0], "agent") else {
            return;
        };
        let aliases = rec
            .cell(c[3])
            .unwrap_or_default()
            .split(['|', ','])
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| cx.strings.intern(a))
            .collect();
        let row = RosterRow {
            agent: cx.cached(Col::Agent, agent),
            name: cx.intern(rec.cell(c[1])),
            team: cx.intern(rec.cell(c[2])),
            aliases,
        };
        self.table.rows.push(row);
    }

    /// The table.
    pub fn finish(self) -> RosterTable {
        self.table
    }
}

/// Builds a [`CampaignTable`].
#[derive(Debug)]
pub struct CampaignsBuilder {
    cols: [Option<usize>; 3],
    start: DateColumn,
    end: DateColumn,
    table: CampaignTable,
}

impl CampaignsBuilder {
    /// A builder for a mapping of the campaigns kind.
    pub fn new(mapping: &ColumnMapping, day_first: Option<bool>) -> CampaignsBuilder {
        CampaignsBuilder {
            cols: std::array::from_fn(|i| mapping.column(i)),
            start: DateColumn::new(day_first),
            end: DateColumn::new(day_first),
            table: CampaignTable::default(),
        }
    }

    /// Reads one record.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let c = self.cols;
        let Some(name) = required_text(cx, rec, c[0], "campaign") else {
            return;
        };
        let Some((start, start_other)) = required_time(cx, rec, c[1], &mut self.start, "start")
        else {
            return;
        };
        let Some((end, end_other)) = required_time(cx, rec, c[2], &mut self.end, "end") else {
            return;
        };
        let i = self.table.len();
        self.start.keep(i, start_other);
        self.end.keep(i, end_other);
        let campaign = cx.strings.intern(name);
        self.table.rows.push(CampaignRow {
            campaign,
            start: Day::of(start),
            end: Day::of(end),
        });
    }

    /// Settles the date orders; returns the table and whether dates read day first.
    pub fn finish(mut self) -> (CampaignTable, bool) {
        for (row, ts) in self.start.fixes() {
            if let Some(r) = self.table.rows.get_mut(row) {
                r.start = Day::of(ts);
            }
        }
        for (row, ts) in self.end.fixes() {
            if let Some(r) = self.table.rows.get_mut(row) {
                r.end = Day::of(ts);
            }
        }
        let day_first = self.start.day_first();
        (self.table, day_first)
    }
}
