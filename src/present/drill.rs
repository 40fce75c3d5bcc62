//! A drill-down list for people: column headers and cells in both languages,
//! and its CSV export (formula-safe, DATA.md; times as `YYYY-MM-DD HH:MM:SS`,
//! numbers plain, yes/no as `true`/`false`).

use std::fmt::Write as _;

use crate::domain::kpi::{Cell, Column};
use crate::domain::model::time::Day;
use crate::domain::model::{CallStatus, Direction, Stage, Timestamp};

use super::export::text_cell;
use super::format::{duration, money, Currency};
use super::i18n::Lang;

/// The header of a column.
pub fn column_name(column: Column, lang: Lang) -> &'static str {
    let en = lang == Lang::En;
    let pick = |e: &'static str, i: &'static str| if en { e } else { i };
    match column {
        Column::Started => pick("Started", "Mulai"),
        Column::Created => pick("Created", "Dibuat"),
        Column::Closed => pick("Closed", "Ditutup"),
        Column::Agent => pick("Agent", "Agen"),
        Column::Direction => pick("Direction", "Arah"),
        Column::Status => "Status",
        Column::Wait => pick("Wait", "Tunggu"),
        Column::Talk => pick("Talk", "Bicara"),
        Column::Phone => pick("Phone", "Telepon"),
        Column::LeadId => "Lead",
        Column::Campaign => pick("Campaign", "Kampanye"),
        Column::GotCallback => pick("Got a callback", "Ditelepon balik lead"),
        Column::CalledBack => pick("Called back", "Ditelepon balik"),
        Column::CalledBackAt => pick("Called back at", "Waktu telepon balik"),
        Column::CalledBackBy => pick("Called back by", "Ditelepon balik oleh"),
        Column::DealId => "Deal",
        Column::Stage => pick("Stage", "Tahap"),
        Column::Amount => pick("Amount", "Nilai"),
        Column::Cost => pick("Cost", "Biaya"),
        Column::Profit => pick("Profit", "Laba"),
        Column::Upsell => "Upsell",
        Column::NewCustomer => pick("New customer", "Pelanggan baru"),
        Column::FirstContact => pick("First contact", "Kontak pertama"),
        Column::Response => pick("Response time", "Waktu respons"),
        Column::Converted => pick("Converted", "Terkonversi"),
    }
}

/// `YYYY-MM-DD HH:MM:SS` of a wall-time instant.
///
/// ```
/// # use telesales_kpi::present::drill::timestamp;
/// assert_eq!(timestamp(86_400_000 + 3_723_000), "1970-01-02 01:02:03");
/// ```
pub fn timestamp(t: Timestamp) -> String {
    let day = Day::of(t);
    let secs = (t - day.start()).div_euclid(1000);
    format!(
        "{day} {:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn status_name(s: CallStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (CallStatus::Connected, Lang::En) => "connected",
        (CallStatus::Connected, Lang::Id) => "tersambung",
        (CallStatus::NoAnswer, Lang::En) => "no answer",
        (CallStatus::NoAnswer, Lang::Id) => "tidak dijawab",
        (CallStatus::Busy, Lang::En) => "busy",
        (CallStatus::Busy, Lang::Id) => "sibuk",
        (CallStatus::Failed, Lang::En) => "failed",
        (CallStatus::Failed, Lang::Id) => "gagal",
        (CallStatus::Voicemail, _) => "voicemail",
        (CallStatus::Abandoned, Lang::En) => "abandoned",
        (CallStatus::Abandoned, Lang::Id) => "ditinggalkan",
        (CallStatus::Other, Lang::En) => "other",
        (CallStatus::Other, Lang::Id) => "lainnya",
    }
}

/// The name of a call status (the status breakdown's legend).
pub fn call_status(s: CallStatus, lang: Lang) -> &'static str {
    status_name(s, lang)
}

/// A cell for the page.
pub fn cell_text(cell: &Cell, column: Column, currency: &Currency, lang: Lang) -> String {
    let en = lang == Lang::En;
    match cell {
        Cell::Missing if column == Column::Response => {
            if en { "no contact" } else { "belum dihubungi" }.to_owned()
        }
        Cell::Missing => "–".to_owned(),
        Cell::Text(t) => t.clone(),
        Cell::Time(t) => timestamp(*t),
        Cell::Seconds(s) => duration(*s),
        Cell::Money(m) => money(*m, currency, lang),
        Cell::Flag(true) => if en { "yes" } else { "ya" }.to_owned(),
        Cell::Flag(false) => if en { "no" } else { "tidak" }.to_owned(),
        Cell::Direction(Direction::Outbound) => if en { "outbound" } else { "keluar" }.to_owned(),
        Cell::Direction(Direction::Inbound) => if en { "inbound" } else { "masuk" }.to_owned(),
        Cell::Status(s) => status_name(*s, lang).to_owned(),
        Cell::Stage(Stage::Won) => if en { "won" } else { "menang" }.to_owned(),
        Cell::Stage(Stage::Lost) => if en { "lost" } else { "kalah" }.to_owned(),
        Cell::Stage(Stage::Open) => if en { "open" } else { "terbuka" }.to_owned(),
    }
}

/// A cell for the CSV export: raw values, text made formula-safe.
fn csv_cell(cell: &Cell, delimiter: char) -> String {
    match cell {
        Cell::Missing => String::new(),
        Cell::Text(t) => text_cell(t, delimiter),
        Cell::Time(t) => timestamp(*t),
        Cell::Seconds(v) | Cell::Money(v) => format!("{v}"),
        Cell::Flag(b) => b.to_string(),
        Cell::Direction(Direction::Outbound) => "outbound".into(),
        Cell::Direction(Direction::Inbound) => "inbound".into(),
        Cell::Status(s) => s.as_str().into(),
        Cell::Stage(Stage::Won) => "won".into(),
        Cell::Stage(Stage::Lost) => "lost".into(),
        Cell::Stage(Stage::Open) => "open".into(),
    }
}

/// The CSV of a drill-down: a header of column keys, then one line per row.
///
/// ```
/// # use telesales_kpi::domain::kpi::{Cell, Column};
/// # use telesales_kpi::present::drill::drill_csv;
/// let rows = vec![vec![Cell::Text("=cmd".into()), Cell::Seconds(12.5)]];
/// assert_eq!(drill_csv(&[Column::Agent, Column::Talk], rows, ';'), "agent;talk_seconds\r\n'=cmd;12.5\r\n");
/// ```
pub fn drill_csv(
    columns: &[Column],
    rows: impl IntoIterator<Item = Vec<Cell>>,
    delimiter: char,
) -> String {
    let mut out = String::new();
    let sep = delimiter.to_string();
    let header: Vec<&str> = columns.iter().map(|c| c.as_str()).collect();
    let _ = write!(out, "{}\r\n", header.join(&sep));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c, delimiter)).collect();
        let _ = write!(out, "{}\r\n", cells.join(&sep));
    }
    out
}
