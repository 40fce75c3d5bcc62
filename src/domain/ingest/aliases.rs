//! The canonical fields of each kind with their header aliases, normalised
//! (DATA.md §1–6 tables), preferred alias first.

use super::kind::FileKind;

/// One canonical field of a kind.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// The canonical name (DATA.md).
    pub name: &'static str,
    /// Whether a file of the kind needs a column for it.
    pub required: bool,
    /// Normalised header texts that name it, preferred first.
    pub aliases: &'static [&'static str],
}

const fn f(name: &'static str, required: bool, aliases: &'static [&'static str]) -> FieldSpec {
    FieldSpec {
        name,
        required,
        aliases,
    }
}

/// Calls fields (DATA.md §1), in the order the builder indexes them.
#[rustfmt::skip]
pub const CALL_FIELDS: [FieldSpec; 11] = [
    f("call_id", false, &["id", "callid", "callsid", "uniqueid", "idpanggilan"]),
    f("agent", true, &["agent", "agentname", "user", "username", "rep", "salesrep", "owner",
        "telesales", "agen", "namaagen", "extension"]),
    f("started_at", true, &["startedat", "start", "starttime", "calldate", "datetime", "date",
        "timestamp", "waktu", "tanggal"]),
    f("direction", false, &["direction", "calltype", "type", "arah"]),
    f("status", false, &["status", "outcome", "disposition", "result", "callresult", "hasil"]),
    f("wait_seconds", false, &["waitseconds", "wait", "waittime", "holdtime", "queuetime",
        "ringtime", "waktutunggu"]),
    // `duration`, `durasi` and `lengthinsec` last: only when no other alias matched.
    f("talk_seconds", false, &["talkseconds", "talk", "talktime", "billsec", "billableseconds",
        "conversationtime", "durasibicara", "duration", "durasi", "lengthinsec"]),
    f("lead_id", false, &["leadid", "lead", "customerid", "contactid", "idpelanggan"]),
    f("phone", false, &["phone", "phonenumber", "phonenumberdialed", "number", "to",
        "destination", "dst", "nomor", "notelepon"]),
    f("campaign", false, &["campaign", "campaignname", "campaignid", "list", "queue",
        "kampanye"]),
    f("callback", false, &["callback", "callbackrequested", "panggilanbalik"]),
];

/// Deals fields (DATA.md §2; `upsell_amount` is its `upsellamount` column).
#[rustfmt::skip]
pub const DEAL_FIELDS: [FieldSpec; 13] = [
    f("deal_id", false, &["dealid", "id", "recordid", "opportunityid", "orderid",
        "transactionid", "invoice", "noinvoice"]),
    f("agent", true, &["agent", "owner", "dealowner", "opportunityowner", "salesagent",
        "salesperson", "salesrep", "rep", "user", "telesales", "agen", "sales"]),
    f("created_at", false, &["createdat", "created", "createddate", "createdate", "dealcreated",
        "dealcreatedon", "createdtime", "engagedate", "opendate", "opportunitydate",
        "tanggaldibuat"]),
    f("closed_at", false, &["closedat", "closedon", "dealclosedon", "actualclosedate",
        "closedate", "closed", "wonat", "wontime", "transactiondate", "orderdate", "date",
        "tanggaltransaksi", "tanggal"]),
    // `dealstatus` first: Pipedrive's `Deal - Status` outranks `Deal - Stage`.
    f("stage", false, &["dealstatus", "stage", "dealstage", "status", "outcome", "tahap"]),
    f("amount", true, &["amount", "value", "dealvalue", "closevalue", "totalamount", "revenue",
        "total", "price", "sales", "nilai", "omzet", "jumlah", "harga", "nominal"]),
    f("cost", false, &["cost", "cogs", "costofgoods", "hpp", "modal", "biaya"]),
    f("upsell", false, &["upsell", "isupsell", "upsold", "upselling"]),
    f("upsell_amount", false, &["upsellamount"]),
    f("customer_type", false, &["customertype", "customer", "newcustomer", "dealtype",
        "opportunitytype", "jenispelanggan", "type"]),
    f("campaign", false, &["campaign", "kampanye", "promo"]),
    f("lead_id", false, &["leadid", "lead", "customerid", "contactid", "idpelanggan"]),
    f("phone", false, &["phone", "phonenumber", "number", "nomor", "notelepon"]),
];

/// Leads fields (DATA.md §3; `lead_id` or `phone` is required, checked apart).
#[rustfmt::skip]
pub const LEAD_FIELDS: [FieldSpec; 9] = [
    f("lead_id", false, &["leadid", "id", "recordid", "contactid", "customerid", "idpelanggan"]),
    f("phone", false, &["phone", "phonenumber", "number", "nomor", "notelepon"]),
    f("created_at", true, &["createdat", "created", "createddate", "createdate", "date",
        "tanggal", "tanggalmasuk"]),
    f("agent", false, &["agent", "owner", "assignedto", "salesrep", "rep", "agen"]),
    f("campaign", false, &["campaign", "source", "kampanye", "sumber"]),
    f("first_contact_at", false, &["firstcontactat", "firstcontact", "firstresponse",
        "firstresponseat", "kontakpertama"]),
    f("qualified", false, &["qualified", "isqualified", "berkualitas"]),
    f("status", false, &["status", "leadstatus", "stage"]),
    f("converted_at", false, &["convertedat", "converted", "conversiondate",
        "tanggalkonversi"]),
];

/// Roster fields (DATA.md §4).
#[rustfmt::skip]
pub const ROSTER_FIELDS: [FieldSpec; 4] = [
    f("agent", true, &["agent", "user", "username", "rep", "extension", "agen"]),
    f("name", false, &["name", "fullname", "displayname", "nama"]),
    f("team", false, &["team", "group", "squad", "tim", "grup"]),
    f("aliases", false, &["aliases", "alias", "extension", "ext", "ekstensi", "email"]),
];

/// Campaigns fields (DATA.md §5).
#[rustfmt::skip]
pub const CAMPAIGN_FIELDS: [FieldSpec; 3] = [
    f("campaign", true, &["campaign", "name", "kampanye", "promo"]),
    f("start", true, &["start", "startdate", "from", "mulai"]),
    f("end", true, &["end", "enddate", "to", "selesai"]),
];

/// Columns of a headed CDR export, read by name (DATA.md §6). `billsec`
/// falls back on the column headed `duration` (see `ColumnMapping::assign`).
#[rustfmt::skip]
pub const CDR_FIELDS: [FieldSpec; 11] = [
    f("src", true, &["src", "callernumber", "source", "callfrom"]),
    f("dst", true, &["dst", "calleenumber", "destination", "callto"]),
    f("channel", true, &["channel", "sourcechannel", "srcchannel"]),
    f("dstchannel", true, &["dstchannel", "destchannel"]),
    f("lastapp", false, &["lastapp"]),
    f("start", true, &["calldate", "start", "starttime", "date"]),
    f("duration", false, &["duration", "calltime"]),
    f("billsec", true, &["billsec", "talktime", "talkduration"]),
    f("disposition", true, &["disposition", "callstatus", "status"]),
    f("uniqueid", false, &["uniqueid"]),
    f("linkedid", false, &["linkedid", "session"]),
];

/// The CDR fields a headed export must map to be read as Asterisk CDR.
pub const CDR_RECOGNISED_BY: [&str; 6] = [
    "src",
    "dst",
    "channel",
    "dstchannel",
    "disposition",
    "billsec",
];

/// The canonical fields of a kind (none for `queue_log`, read by position).
pub fn fields_of(kind: FileKind) -> &'static [FieldSpec] {
    match kind {
        FileKind::Calls => &CALL_FIELDS,
        FileKind::Deals => &DEAL_FIELDS,
        FileKind::Leads => &LEAD_FIELDS,
        FileKind::Roster => &ROSTER_FIELDS,
        FileKind::Campaigns => &CAMPAIGN_FIELDS,
        FileKind::AsteriskCdr => &CDR_FIELDS,
        FileKind::QueueLog => &[],
    }
}

/// Whether a normalised header text is an alias of any field of any kind.
///
/// ```
/// # use telesales_kpi::domain::ingest::aliases::is_alias;
/// assert!(is_alias("dealvalue") && is_alias("session"));
/// assert!(!is_alias("personphone"));
/// ```
pub fn is_alias(normal: &str) -> bool {
    FileKind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .any(|spec| spec.aliases.contains(&normal))
}

/// Whether `field` is a field of some kind.
pub fn is_field(field: &str) -> bool {
    FileKind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .any(|spec| spec.name == field)
}
