//! The KPI report as CSV (DATA.md "Files the app must produce"): one row per
//! agent and a team row; text cells that a spreadsheet would run as a formula
//! are prefixed with `'`; numbers are written plain.

use std::fmt::Write as _;

use crate::domain::kpi::{KpiId, KpiSet, Report};

/// A text cell made safe for spreadsheets and quoted when needed.
///
/// ```
/// use telesales_kpi::present::export::text_cell;
/// assert_eq!(text_cell("=SUM(A1)", ';'), "'=SUM(A1)");
/// assert_eq!(text_cell("Budi; Sari", ';'), "\"Budi; Sari\"");
/// assert_eq!(text_cell("-5", ','), "'-5");
/// assert_eq!(text_cell("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
/// ```
pub fn text_cell(text: &str, delimiter: char) -> String {
    let guarded = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if guarded.contains(delimiter)
        || guarded.contains('"')
        || guarded.contains('\n')
        || guarded.contains('\r')
    {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(out: &mut String, label: &str, set: &KpiSet, delimiter: char) {
    out.push_str(&text_cell(label, delimiter));
    for id in KpiId::ALL {
        out.push(delimiter);
        if let Some(v) = set.get(id).value {
            let _ = write!(out, "{v}");
        }
        out.push(delimiter);
        out.push_str(set.get(id).status.as_str());
    }
    out.push_str("\r\n");
}

/// The report as CSV text with `delimiter` (`;` or `,`).
pub fn report_csv(report: &Report, delimiter: char) -> String {
    let mut out = String::from("agent");
    for id in KpiId::ALL {
        out.push(delimiter);
        out.push_str(id.as_str());
        out.push(delimiter);
        let _ = write!(out, "{}_status", id.as_str());
    }
    out.push_str("\r\n");
    row(&mut out, "(team)", &report.kpis, delimiter);
    for (agent, set) in &report.agents {
        row(&mut out, agent, set, delimiter);
    }
    out
}
