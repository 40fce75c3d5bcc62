//! The word lists of DATA.md: call status, direction, deal stage, lead status
//! and customer type. Matching ignores case, spaces, `_`, `-`, `.` and `/`.

use super::boolean::parse_bool;
use super::squash;
use crate::domain::model::{CallStatus, CustomerType, Direction, LeadStatus, Stage};

/// A call status word; `None` for a word the list does not know (the caller
/// counts it as `other` with a warning) or an empty cell.
///
/// ```
/// # use telesales_kpi::domain::ingest::value::vocab::call_status;
/// # use telesales_kpi::domain::model::CallStatus;
/// assert_eq!(call_status("No Answer"), Some(CallStatus::NoAnswer));
/// ```
pub fn call_status(text: &str) -> Option<CallStatus> {
    call_status_word(text).map(|(status, _)| status)
}

/// A call status word and whether it says the customer asked to be called
/// back (VICIdial's `CALLBK`, or `callback`: it sets the call's callback flag).
///
/// ```
/// # use telesales_kpi::domain::ingest::value::vocab::call_status_word;
/// # use telesales_kpi::domain::model::CallStatus;
/// assert_eq!(call_status_word("CALLBK"), Some((CallStatus::Connected, true)));
/// assert_eq!(call_status_word("SALE"), Some((CallStatus::Connected, false)));
/// ```
pub fn call_status_word(text: &str) -> Option<(CallStatus, bool)> {
    let mut buf = [0u8; 24];
    Some(match squash(text, &mut buf)? {
        "callbk" | "callback" => (CallStatus::Connected, true),
        "connected" | "answered" | "answer" | "completed" | "complete" | "success" | "sale"
        | "terhubung" | "tersambung" | "dijawab" | "ni" | "np" | "dec" | "dnc" | "xfer"
        | "rqxfer" => (CallStatus::Connected, false),
        "noanswer" | "na" | "n" | "missed" | "unanswered" | "tidakdijawab" | "tidakdiangkat" => {
            (CallStatus::NoAnswer, false)
        }
        "busy" | "b" | "ab" | "cpdb" | "sibuk" => (CallStatus::Busy, false),
        "failed" | "fail" | "congestion" | "canceled" | "cancelled" | "error" | "invalid"
        | "gagal" | "dc" | "adc" | "adct" | "afax" => (CallStatus::Failed, false),
        "voicemail" | "vm" | "machine" | "answeringmachine" | "am" | "a" | "aa" | "al"
        | "amdxfr" | "leftvoicemail" => (CallStatus::Voicemail, false),
        "abandoned" | "abandon" | "drop" | "dropped" | "hangup" | "xdrop" | "pdrop" | "timeot"
        | "nanque" => (CallStatus::Abandoned, false),
        _ => return None,
    })
}

/// Whether an agent text is VICIdial's "no agent" (`VDAD`, `VDCL`).
pub fn is_dialer_placeholder(agent: &str) -> bool {
    agent.len() == 4 && (agent.eq_ignore_ascii_case("VDAD") || agent.eq_ignore_ascii_case("VDCL"))
}

/// A direction word; `None` when unknown or empty.
pub fn direction(text: &str) -> Option<Direction> {
    let mut buf = [0u8; 16];
    match squash(text, &mut buf)? {
        "outbound" | "out" | "outgoing" | "keluar" | "o" => Some(Direction::Outbound),
        "inbound" | "in" | "incoming" | "masuk" | "i" => Some(Direction::Inbound),
        _ => None,
    }
}

/// A deal stage: won and lost words, anything else is open.
pub fn stage(text: &str) -> Stage {
    let mut buf = [0u8; 24];
    match squash(text, &mut buf) {
        Some(
            "won" | "closedwon" | "win" | "menang" | "deal" | "sale" | "paid" | "lunas" | "selesai",
        ) => Stage::Won,
        Some(
            "lost" | "closedlost" | "lose" | "kalah" | "batal" | "cancelled" | "canceled" | "gagal",
        ) => Stage::Lost,
        _ => Stage::Open,
    }
}

/// A lead status: qualified and converted words, anything else is open.
pub fn lead_status(text: &str) -> LeadStatus {
    let mut buf = [0u8; 24];
    match squash(text, &mut buf) {
        Some("qualified" | "opportunity" | "sql" | "prospek") => LeadStatus::Qualified,
        Some("converted" | "won" | "customer" | "closedwon" | "pelanggan") => LeadStatus::Converted,
        _ => LeadStatus::Open,
    }
}

/// A customer type: new/baru/new business or a true boolean,
/// existing/returning/lama/existing business or a false boolean; `None` otherwise.
pub fn customer_type(text: &str) -> Option<CustomerType> {
    let mut buf = [0u8; 24];
    match squash(text, &mut buf)? {
        "new" | "baru" | "newbusiness" => Some(CustomerType::New),
        "existing" | "returning" | "lama" | "existingbusiness" => Some(CustomerType::Existing),
        _ => parse_bool(text).map(|b| {
            if b {
                CustomerType::New
            } else {
                CustomerType::Existing
            }
        }),
    }
}
