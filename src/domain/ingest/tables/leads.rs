//! The leads kind (DATA.md §3): `lead_id` or `phone` (at least one) and `created_at`.

use super::{optional_time, required_time};
use crate::domain::ingest::convention::DateColumn;
use crate::domain::ingest::error::{clip, RowProblem};
use crate::domain::ingest::issues::Expected;
use crate::domain::ingest::mapping::ColumnMapping;
use crate::domain::ingest::record::{Col, Ctx, Record};
use crate::domain::ingest::value::{boolean, vocab};
use crate::domain::model::{LeadRow, LeadStatus, LeadTable, Remap};

const LEAD_ID: usize = 0;
const PHONE: usize = 1;
const CREATED_AT: usize = 2;
const AGENT: usize = 3;
const CAMPAIGN: usize = 4;
const FIRST_CONTACT_AT: usize = 5;
const QUALIFIED: usize = 6;
const STATUS: usize = 7;
const CONVERTED_AT: usize = 8;

/// Builds a [`LeadTable`] from leads records.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct LeadsBuilder {
    cols: [Option<usize>; 9],
    created: DateColumn,
    first_contact: DateColumn,
    converted: DateColumn,
    table: LeadTable,
}

impl LeadsBuilder {
    /// A builder for a mapping of the leads kind.
    pub fn new(mapping: &ColumnMapping, day_first: Option<bool>) -> LeadsBuilder {
        LeadsBuilder {
            cols: std::array::from_fn(|i| mapping.column(i)),
            created: DateColumn::new(day_first),
            first_contact: DateColumn::new(day_first),
            converted: DateColumn::new(day_first),
            table: LeadTable::default(),
        }
    }

    /// Reads one record.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let c = self.cols;
        let line = rec.line;
        let lead_id = rec.cell(c[LEAD_ID]);
        let phone_text = rec.cell(c[PHONE]);
        let phone = cx.phone(phone_text);
        if lead_id.is_none() && phone.is_none() {
            let phone = phone_text.map(clip);
            cx.issues.skip(line, RowProblem::LeadWithoutKey { phone });
            return;
        }
        let Some((created_at, created_other)) =
            required_time(cx, rec, c[CREATED_AT], &mut self.created, "created_at")
        else {
            return;
        };
        let (first_contact_at, first_other) = optional_time(
            cx,
            rec,
            c[FIRST_CONTACT_AT],
            &mut self.first_contact,
            "first_contact_at",
        );
        let (converted_at, converted_other) = optional_time(
            cx,
            rec,
            c[CONVERTED_AT],
            &mut self.converted,
            "converted_at",
        );
        let qualified = cx.optional(
            line,
            "qualified",
            Expected::Boolean,
            rec.cell(c[QUALIFIED]),
            boolean::parse_bool,
        );
        let status = rec
            .cell(c[STATUS])
            .map_or(LeadStatus::Open, vocab::lead_status);
        let row = LeadRow {
            lead_id: cx.cached_opt(Col::Lead, lead_id),
            phone,
            created_at,
            agent: cx.cached_opt(Col::Agent, rec.cell(c[AGENT])),
            campaign: cx.cached_opt(Col::Campaign, rec.cell(c[CAMPAIGN])),
            first_contact_at,
            qualified,
            status,
            converted_at,
        };
        let i = self.table.len();
        self.created.keep(i, created_other);
        self.first_contact.keep(i, first_other);
        self.converted.keep(i, converted_other);
        self.table.push(row);
    }

    /// Whether a later part of the file read by its own builder reads as
    /// this one goes on to (see [`DateColumn::agrees_with`]).
    pub(crate) fn agrees_with(&self, later: &LeadsBuilder) -> bool {
        self.cols == later.cols
            && self.created.agrees_with(&later.created)
            && self.first_contact.agrees_with(&later.first_contact)
            && self.converted.agrees_with(&later.converted)
    }

    /// Takes over a later part's leads, whose strings `map` turns into this
    /// builder's.
    pub(crate) fn absorb(&mut self, later: LeadsBuilder, map: &Remap) {
        let rows = self.table.len();
        self.created.absorb(later.created, rows);
        self.first_contact.absorb(later.first_contact, rows);
        self.converted.absorb(later.converted, rows);
        self.table.absorb(later.table, map);
    }

    /// Settles the date orders; returns the table and whether `created_at` reads day first.
    pub fn finish(mut self) -> (LeadTable, bool) {
        let t = &mut self.table;
        for (row, ts) in self.created.fixes() {
            if let Some(slot) = t.created_at.get_mut(row) {
                *slot = ts;
            }
        }
        for (row, ts) in self.first_contact.fixes() {
            if let Some(slot) = t.first_contact_at.get_mut(row) {
                *slot = Some(ts);
            }
        }
        for (row, ts) in self.converted.fixes() {
            if let Some(slot) = t.converted_at.get_mut(row) {
                *slot = Some(ts);
            }
        }
        let day_first = self.created.day_first();
        (self.table, day_first)
    }
}
