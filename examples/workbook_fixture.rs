//! Writes the workbook fixture `tests/fixtures/ingest/book.xlsx` used by the
//! command-line and end-to-end tests: a calls sheet (date-formatted start,
//! time-formatted talk, numeric ids and phones), a deals sheet (amounts as
//! numbers and formulas, dates pasted as numbers, an error cell) and a sheet
//! of notes that is no kind.
//!
//! Run with `cargo run --example workbook_fixture [OUT]`.

use rust_xlsxwriter::{Format, Formula, Workbook, XlsxError};

/// Serial day (1900 system) of 2026-11-02.
const NOV_2: f64 = 46_328.0;

fn main() -> Result<(), XlsxError> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/ingest/book.xlsx".to_owned());
    let mut wb = Workbook::new();
    let when = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let clock = Format::new().set_num_format("h:mm:ss");

    let calls = wb.add_worksheet();
    calls.set_name("Panggilan")?;
    let header = [
        "ID",
        "Agen",
        "Waktu",
        "Arah",
        "Hasil",
        "Durasi Bicara",
        "Nomor",
    ];
    for (c, h) in header.iter().enumerate() {
        calls.write_string(0, c as u16, *h)?;
    }
    let outcomes = ["Connected", "No Answer", "Busy", "Connected", "Voicemail"];
    for i in 0..20u32 {
        let row = i + 1;
        let agent = if i % 2 == 0 { "Budi" } else { "Siti" };
        let day = NOV_2 + f64::from(i / 5);
        let time = (9.0 + f64::from(i % 5)) / 24.0;
        let outcome = outcomes[(i as usize) % outcomes.len()];
        let talk = if outcome == "Connected" {
            f64::from(60 + 30 * i) / 86_400.0
        } else {
            0.0
        };
        calls.write_number(row, 0, 1000 + i)?;
        calls.write_string(row, 1, agent)?;
        calls.write_number_with_format(row, 2, day + time, &when)?;
        calls.write_string(row, 3, if i % 7 == 3 { "masuk" } else { "keluar" })?;
        calls.write_string(row, 4, outcome)?;
        calls.write_number_with_format(row, 5, talk, &clock)?;
        calls.write_number(row, 6, 6_281_200_000_000.0 + f64::from(i))?;
    }

    let deals = wb.add_worksheet();
    deals.set_name("Penjualan")?;
    let header = [
        "No Invoice",
        "Agen",
        "Tanggal",
        "Tahap",
        "Nilai (Rp)",
        "HPP",
    ];
    for (c, h) in header.iter().enumerate() {
        deals.write_string(0, c as u16, *h)?;
    }
    let stages = ["won", "won", "lost", "won", "open"];
    for i in 0..10u32 {
        let row = i + 1;
        deals.write_string(row, 0, format!("INV-{i}"))?;
        deals.write_string(row, 1, if i % 3 == 0 { "Siti" } else { "Budi" })?;
        deals.write_number(row, 2, NOV_2 + f64::from(i))?;
        deals.write_string(row, 3, stages[(i as usize) % stages.len()])?;
        if i == 4 {
            let sum = Formula::new("=500000+250000").set_result("750000");
            deals.write_formula(row, 4, sum)?;
        } else {
            deals.write_number(row, 4, f64::from(1_000_000 + 125_000 * i))?;
        }
        if i == 1 {
            deals.write_formula(row, 5, Formula::new("=NA()").set_result("#N/A"))?;
        } else {
            deals.write_number(row, 5, f64::from(600_000 + 50_000 * i))?;
        }
    }

    let notes = wb.add_worksheet();
    notes.set_name("Catatan")?;
    notes.write_string(0, 0, "Catatan")?;
    notes.write_string(0, 1, "Oleh")?;
    notes.write_string(1, 0, "target naik bulan depan")?;
    notes.write_string(1, 1, "manajer")?;

    wb.save(&out)?;
    println!("{out}");
    Ok(())
}
