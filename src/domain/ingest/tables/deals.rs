//! The deals kind (DATA.md §2): stages, money columns, the upsell column or an
//! `upsellamount` column, and plain transaction exports without a stage.

use super::{optional_time, required_text};
use crate::domain::ingest::convention::{DateColumn, MoneyColumn, MoneyRead};
use crate::domain::ingest::error::{clip, RowError, RowProblem};
use crate::domain::ingest::issues::{Cause, Expected};
use crate::domain::ingest::mapping::ColumnMapping;
use crate::domain::ingest::record::{money_cell, Col, Ctx, Record};
use crate::domain::ingest::value::money::MoneyCell;
use crate::domain::ingest::value::{boolean, vocab};
use crate::domain::model::{DealRow, DealTable, Stage, Timestamp};

const DEAL_ID: usize = 0;
const AGENT: usize = 1;
const CREATED_AT: usize = 2;
const CLOSED_AT: usize = 3;
const STAGE: usize = 4;
const AMOUNT: usize = 5;
const COST: usize = 6;
const UPSELL: usize = 7;
const UPSELL_AMOUNT: usize = 8;
const CUSTOMER_TYPE: usize = 9;
const CAMPAIGN: usize = 10;
const LEAD_ID: usize = 11;
const PHONE: usize = 12;

/// Builds a [`DealTable`] from deals records.
#[derive(Debug)]
pub struct DealsBuilder {
    cols: [Option<usize>; 13],
    created: DateColumn,
    closed: DateColumn,
    amount: MoneyColumn,
    cost: MoneyColumn,
    upsell_amount: MoneyColumn,
    /// Rows whose `created_at` was taken from `closed_at`.
    derived_created: Vec<u32>,
    table: DealTable,
}

impl DealsBuilder {
    /// A builder for a mapping of the deals kind.
    pub fn new(
        mapping: &ColumnMapping,
        day_first: Option<bool>,
        decimal_comma: Option<bool>,
    ) -> DealsBuilder {
        let cols: [Option<usize>; 13] = std::array::from_fn(|i| mapping.column(i));
        let table = DealTable {
            has_upsell_column: cols[UPSELL].is_some() || cols[UPSELL_AMOUNT].is_some(),
            ..DealTable::default()
        };
        DealsBuilder {
            cols,
            created: DateColumn::new(day_first),
            closed: DateColumn::new(day_first),
            amount: MoneyColumn::new(decimal_comma),
            cost: MoneyColumn::new(decimal_comma),
            upsell_amount: MoneyColumn::new(decimal_comma),
            derived_created: Vec::new(),
            table,
        }
    }

    /// Reads one record.
    pub fn record(&mut self, rec: &Record<'_>, cx: &mut Ctx) {
        let c = self.cols;
        let line = rec.line;
        let Some(agent) = required_text(cx, rec, c[AGENT], "agent") else {
            return;
        };
        let stage = match c[STAGE] {
            Some(_) => rec.cell(c[STAGE]).map_or(Stage::Open, vocab::stage),
            None => Stage::Won,
        };
        let Some((amount, amount_cell)) = self.read_amount(cx, rec, stage) else {
            return;
        };
        let Some((closed_at, closed_other)) = self.read_closed(cx, rec, stage) else {
            return;
        };
        let (created, created_other) =
            optional_time(cx, rec, c[CREATED_AT], &mut self.created, "created_at");
        let cost_text = rec.cell(c[COST]);
        let (cost, cost_cell) = self.read_cost(cx, rec, cost_text);
        let upsell = self.read_upsell(cx, rec);
        let customer_type = cx.optional(
            line,
            "customer_type",
            Expected::CustomerType,
            rec.cell(c[CUSTOMER_TYPE]),
            vocab::customer_type,
        );
        let row_index = self.table.len();
        let row = DealRow {
            deal_id: cx.intern(rec.cell(c[DEAL_ID])),
            agent: cx.cached(Col::Agent, agent),
            // A won or lost deal's closing is its creation when none is given;
            // an open deal's closed_at is an expected date (DATA.md §2).
            created_at: created.or(closed_at.filter(|_| stage != Stage::Open)),
            closed_at,
            stage,
            amount,
            cost,
            upsell,
            customer_type,
            campaign: cx.cached_opt(Col::Campaign, rec.cell(c[CAMPAIGN])),
            lead_id: cx.cached_opt(Col::Lead, rec.cell(c[LEAD_ID])),
            phone: cx.phone(rec.cell(c[PHONE])),
        };
        if created.is_none() && closed_at.is_some() && stage != Stage::Open {
            if let Ok(r) = u32::try_from(row_index) {
                self.derived_created.push(r);
            }
        }
        self.closed.keep(row_index, closed_other);
        self.created.keep(row_index, created_other);
        if let Some((cell, text)) = amount_cell {
            self.amount.keep(row_index, line, cell, text);
        }
        if let Some(cell) = cost_cell {
            self.cost
                .keep(row_index, line, cell, cost_text.unwrap_or_default());
        }
        self.table.push(row);
    }

    /// Reads the amount: required for a won or lost deal (`None`: the row is
    /// skipped, and reported); an open deal without a readable amount stays,
    /// with 0 (its amount is used nowhere) and, unreadable, a warning. Also
    /// returns the cell and its text when its reading may still change.
    fn read_amount<'r>(
        &mut self,
        cx: &mut Ctx,
        rec: &Record<'r>,
        stage: Stage,
    ) -> Option<(f64, Option<(MoneyCell, &'r str)>)> {
        let col = self.cols[AMOUNT];
        let open = stage == Stage::Open;
        let Some(text) = rec.cell(col) else {
            if open {
                return Some((0.0, None));
            }
            let field = "amount";
            cx.issues
                .skip(rec.line, RowProblem::EmptyRequired { field });
            return None;
        };
        let read = money_cell(rec.number(col), text).map(|cell| (cell, self.amount.read(&cell)));
        let problem = match read {
            Some((cell, MoneyRead::Value(v, pending))) => {
                return Some((v, pending.then_some((cell, text))));
            }
            Some((_, MoneyRead::Invalid)) => RowProblem::AmountConvention {
                field: "amount",
                value: clip(text),
            },
            None => RowProblem::NotAnAmount {
                field: "amount",
                value: clip(text),
            },
        };
        if open {
            let cause = Cause::Unreadable {
                field: "amount",
                expected: Expected::Amount,
            };
            cx.issues.warn(cause, rec.line, text);
            return Some((0.0, None));
        }
        cx.issues.skip(rec.line, problem);
        None
    }

    /// Reads `closed_at`: optional for an open deal, required for a won or
    /// lost one (`None`: the row is skipped, and reported).
    fn read_closed(
        &mut self,
        cx: &mut Ctx,
        rec: &Record<'_>,
        stage: Stage,
    ) -> Option<(Option<Timestamp>, Option<Timestamp>)> {
        let col = self.cols[CLOSED_AT];
        if stage == Stage::Open {
            return Some(optional_time(cx, rec, col, &mut self.closed, "closed_at"));
        }
        let Some(text) = rec.cell(col) else {
            cx.issues.skip(rec.line, RowProblem::ClosedDealWithoutDate);
            return None;
        };
        let read = cx
            .stamp_cell(rec.number(col), text)
            .and_then(|s| self.closed.read(s));
        if let Some((t, other)) = read {
            return Some((Some(t), other));
        }
        let problem = RowProblem::NotATimestamp {
            field: "closed_at",
            value: clip(text),
        };
        cx.issues.skip(rec.line, problem);
        None
    }

    /// Reads the optional cost: its amount, and the cell when its reading may
    /// still change.
    fn read_cost(
        &mut self,
        cx: &mut Ctx,
        rec: &Record<'_>,
        text: Option<&str>,
    ) -> (Option<f64>, Option<MoneyCell>) {
        let (line, number) = (rec.line, rec.number(self.cols[COST]));
        let cell = cx.optional(line, "cost", Expected::Amount, text, |t| {
            money_cell(number, t)
        });
        match cell.map(|c| (c, self.cost.read(&c))) {
            Some((c, MoneyRead::Value(v, pending))) => (Some(v), pending.then_some(c)),
            Some((_, MoneyRead::Invalid)) => {
                let cause = Cause::Unreadable {
                    field: "cost",
                    expected: Expected::Amount,
                };
                cx.issues.warn(cause, line, text.unwrap_or_default());
                (None, None)
            }
            None => (None, None),
        }
    }

    /// Reads the upsell flag, or an upsell amount (upsell iff > 0).
    fn read_upsell(&mut self, cx: &mut Ctx, rec: &Record<'_>) -> Option<bool> {
        let (c, line) = (self.cols, rec.line);
        if c[UPSELL].is_some() {
            let text = rec.cell(c[UPSELL]);
            return cx.optional(line, "upsell", Expected::Boolean, text, boolean::parse_bool);
        }
        let text = rec.cell(c[UPSELL_AMOUNT]);
        let number = rec.number(c[UPSELL_AMOUNT]);
        let cell = cx.optional(line, "upsell_amount", Expected::Amount, text, |t| {
            money_cell(number, t)
        })?;
        match self.upsell_amount.read(&cell) {
            MoneyRead::Value(v, _) => Some(v > 0.0),
            MoneyRead::Invalid => None,
        }
    }

    /// Settles the conventions (fixing or dropping rows read before the
    /// decision) and returns the table, late skipped rows, and the decisions
    /// (day first, decimal comma).
    pub fn finish(mut self, cx: &mut Ctx) -> (DealTable, bool, bool) {
        let t = &mut self.table;
        for (row, ts) in self.closed.fixes() {
            if let Some(slot) = t.closed_at.get_mut(row) {
                *slot = Some(ts);
            }
        }
        for (row, ts) in self.created.fixes() {
            if let Some(slot) = t.created_at.get_mut(row) {
                *slot = Some(ts);
            }
        }
        for &row in &self.derived_created {
            let row = row as usize;
            if let (Some(slot), Some(&closed)) = (t.created_at.get_mut(row), t.closed_at.get(row)) {
                *slot = closed;
            }
        }
        let mut dead = vec![false; t.len()];
        let mut late = Vec::new();
        for (p, value) in self.amount.settle() {
            let row = p.row as usize;
            if let Some(v) = value {
                if let Some(slot) = t.amount.get_mut(row) {
                    *slot = v;
                }
            } else if t.stage.get(row) == Some(&Stage::Open) {
                // An open deal stays, without an amount.
                if let Some(slot) = t.amount.get_mut(row) {
                    *slot = 0.0;
                }
                let cause = Cause::Unreadable {
                    field: "amount",
                    expected: Expected::Amount,
                };
                cx.issues
                    .warn(cause, p.line, p.raw.as_deref().unwrap_or_default());
            } else {
                if let Some(d) = dead.get_mut(row) {
                    *d = true;
                }
                late.push(RowError {
                    line: p.line,
                    problem: RowProblem::AmountConvention {
                        field: "amount",
                        value: p.raw.as_deref().map(clip).unwrap_or_default(),
                    },
                });
            }
        }
        for (p, value) in self.cost.settle() {
            if value.is_none() {
                cx.issues.warn(
                    Cause::Unreadable {
                        field: "cost",
                        expected: Expected::Amount,
                    },
                    p.line,
                    p.raw.as_deref().unwrap_or_default(),
                );
            }
            if let Some(slot) = t.cost.get_mut(p.row as usize) {
                *slot = value;
            }
        }
        if !late.is_empty() {
            retain_rows(t, &dead);
            cx.issues.skip_late(late);
        }
        let day_first = self.closed.day_first() && self.created.day_first();
        let comma = self.amount.decimal_comma();
        (self.table, day_first, comma)
    }
}

/// Drops the rows marked dead from every column.
fn retain_rows(t: &mut DealTable, dead: &[bool]) {
    fn keep<T>(v: &mut Vec<T>, dead: &[bool]) {
        let mut i = 0;
        v.retain(|_| {
            let alive = !dead.get(i).copied().unwrap_or(false);
            i += 1;
            alive
        });
    }
    keep(&mut t.deal_id, dead);
    keep(&mut t.agent, dead);
    keep(&mut t.created_at, dead);
    keep(&mut t.closed_at, dead);
    keep(&mut t.stage, dead);
    keep(&mut t.amount, dead);
    keep(&mut t.cost, dead);
    keep(&mut t.upsell, dead);
    keep(&mut t.customer_type, dead);
    keep(&mut t.campaign, dead);
    keep(&mut t.lead_id, dead);
    keep(&mut t.phone, dead);
}
