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
        b"callbk" | b"callback" => (CallStatus::Connected, true),
        b"connected" | b"answered" | b"answer" | b"completed" | b"complete" | b"success"
        | b"sale" | b"terhubung" | b"tersambung" | b"dijawab" | b"ni" | b"np" | b"dec" | b"dnc"
        | b"xfer" | b"rqxfer" => (CallStatus::Connected, false),
        b"noanswer" | b"na" | b"n" | b"missed" | b"unanswered" | b"tidakdijawab"
        | b"tidakdiangkat" => (CallStatus::NoAnswer, false),
        b"busy" | b"b" | b"ab" | b"cpdb" | b"sibuk" => (CallStatus::Busy, false),
        b"failed" | b"fail" | b"congestion" | b"canceled" | b"cancelled" | b"error"
        | b"invalid" | b"gagal" | b"dc" | b"adc" | b"adct" | b"afax" => (CallStatus::Failed, false),
        b"voicemail" | b"vm" | b"machine" | b"answeringmachine" | b"am" | b"a" | b"aa" | b"al"
        | b"amdxfr" | b"leftvoicemail" => (CallStatus::Voicemail, false),
        b"abandoned" | b"abandon" | b"drop" | b"dropped" | b"hangup" | b"xdrop" | b"pdrop"
        | b"timeot" | b"nanque" => (CallStatus::Abandoned, false),
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
        b"outbound" | b"out" | b"outgoing" | b"keluar" | b"o" => Some(Direction::Outbound),
        b"inbound" | b"in" | b"incoming" | b"masuk" | b"i" => Some(Direction::Inbound),
        _ => None,
    }
}

/// A deal stage: won and lost words, anything else is open.
pub fn stage(text: &str) -> Stage {
    let mut buf = [0u8; 24];
    match squash(text, &mut buf) {
        Some(
            b"won" | b"closedwon" | b"win" | b"menang" | b"deal" | b"sale" | b"paid" | b"lunas"
            | b"selesai",
        ) => Stage::Won,
        Some(
            b"lost" | b"closedlost" | b"lose" | b"kalah" | b"batal" | b"cancelled" | b"canceled"
            | b"gagal",
        ) => Stage::Lost,
        _ => Stage::Open,
    }
}

/// A lead status: qualified and converted words, anything else is open.
pub fn lead_status(text: &str) -> LeadStatus {
    let mut buf = [0u8; 24];
    match squash(text, &mut buf) {
        Some(b"qualified" | b"opportunity" | b"sql" | b"prospek") => LeadStatus::Qualified,
        Some(b"converted" | b"won" | b"customer" | b"closedwon" | b"pelanggan") => {
            LeadStatus::Converted
        }
        _ => LeadStatus::Open,
    }
}

/// A customer type: new/baru/new business or a true boolean,
/// existing/returning/lama/existing business or a false boolean; `None` otherwise.
pub fn customer_type(text: &str) -> Option<CustomerType> {
    let mut buf = [0u8; 24];
    match squash(text, &mut buf)? {
        b"new" | b"baru" | b"newbusiness" => Some(CustomerType::New),
        b"existing" | b"returning" | b"lama" | b"existingbusiness" => Some(CustomerType::Existing),
        _ => parse_bool(text).map(|b| {
            if b {
                CustomerType::New
            } else {
                CustomerType::Existing
            }
        }),
    }
}
