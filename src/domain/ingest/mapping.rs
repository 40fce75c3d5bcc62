//! Header matching: the canonical fields of each kind with their aliases
//! (DATA.md tables), header normalisation, and the exclusive field → column
//! assignment (KPIS.md "Columns are assigned exclusively").

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

/// Calls fields; the `CALL_*` constants index them.
pub const CALL_FIELDS: [FieldSpec; 11] = [
    f(
        "call_id",
        false,
        &["id", "callid", "callsid", "uniqueid", "idpanggilan"],
    ),
    f(
        "agent",
        true,
        &[
            "agent",
            "agentname",
            "user",
            "username",
            "rep",
            "salesrep",
            "owner",
            "telesales",
            "agen",
            "namaagen",
            "extension",
        ],
    ),
    f(
        "started_at",
        true,
        &[
            "startedat",
            "start",
            "starttime",
            "calldate",
            "datetime",
            "date",
            "timestamp",
            "waktu",
            "tanggal",
        ],
    ),
    f(
        "direction",
        false,
        &["direction", "calltype", "type", "arah"],
    ),
    f(
        "status",
        false,
        &[
            "status",
            "outcome",
            "disposition",
            "result",
            "callresult",
            "hasil",
        ],
    ),
    f(
        "wait_seconds",
        false,
        &[
            "waitseconds",
            "wait",
            "waittime",
            "holdtime",
            "queuetime",
            "ringtime",
            "waktutunggu",
        ],
    ),
    f(
        "talk_seconds",
        false,
        &[
            "talkseconds",
            "talk",
            "talktime",
            "billsec",
            "billableseconds",
            "conversationtime",
            "durasibicara",
            "duration",
            "durasi",
        ],
    ),
    f(
        "lead_id",
        false,
        &["leadid", "lead", "customerid", "contactid", "idpelanggan"],
    ),
    f(
        "phone",
        false,
        &[
            "phone",
            "phonenumber",
            "number",
            "to",
            "destination",
            "dst",
            "nomor",
            "notelepon",
        ],
    ),
    f(
        "campaign",
        false,
        &["campaign", "campaignname", "list", "queue", "kampanye"],
    ),
    f(
        "callback",
        false,
        &["callback", "callbackrequested", "panggilanbalik"],
    ),
];

/// Deals fields (`upsell_amount` is the `upsellamount` column of DATA.md §2).
pub const DEAL_FIELDS: [FieldSpec; 13] = [
    f(
        "deal_id",
        false,
        &[
            "dealid",
            "id",
            "opportunityid",
            "orderid",
            "transactionid",
            "invoice",
            "noinvoice",
        ],
    ),
    f(
        "agent",
        true,
        &[
            "agent",
            "owner",
            "dealowner",
            "salesrep",
            "rep",
            "user",
            "telesales",
            "agen",
            "sales",
        ],
    ),
    f(
        "created_at",
        false,
        &[
            "createdat",
            "created",
            "createddate",
            "opendate",
            "opportunitydate",
            "tanggaldibuat",
        ],
    ),
    f(
        "closed_at",
        false,
        &[
            "closedat",
            "closedate",
            "closed",
            "wonat",
            "transactiondate",
            "orderdate",
            "date",
            "tanggaltransaksi",
            "tanggal",
        ],
    ),
    f(
        "stage",
        false,
        &["stage", "dealstage", "status", "outcome", "tahap"],
    ),
    f(
        "amount",
        true,
        &[
            "amount", "value", "revenue", "total", "price", "sales", "nilai", "omzet", "jumlah",
            "harga", "nominal",
        ],
    ),
    f(
        "cost",
        false,
        &["cost", "cogs", "costofgoods", "hpp", "modal", "biaya"],
    ),
    f(
        "upsell",
        false,
        &["upsell", "isupsell", "upsold", "upselling"],
    ),
    f("upsell_amount", false, &["upsellamount"]),
    f(
        "customer_type",
        false,
        &["customertype", "customer", "newcustomer", "jenispelanggan"],
    ),
    f("campaign", false, &["campaign", "kampanye", "promo"]),
    f(
        "lead_id",
        false,
        &["leadid", "lead", "customerid", "contactid", "idpelanggan"],
    ),
    f(
        "phone",
        false,
        &["phone", "phonenumber", "number", "nomor", "notelepon"],
    ),
];

/// Leads fields (`lead_id` or `phone` is required; checked apart).
pub const LEAD_FIELDS: [FieldSpec; 9] = [
    f(
        "lead_id",
        false,
        &["leadid", "id", "contactid", "customerid", "idpelanggan"],
    ),
    f(
        "phone",
        false,
        &["phone", "phonenumber", "number", "nomor", "notelepon"],
    ),
    f(
        "created_at",
        true,
        &[
            "createdat",
            "created",
            "createddate",
            "date",
            "tanggal",
            "tanggalmasuk",
        ],
    ),
    f(
        "agent",
        false,
        &["agent", "owner", "assignedto", "salesrep", "rep", "agen"],
    ),
    f(
        "campaign",
        false,
        &["campaign", "source", "kampanye", "sumber"],
    ),
    f(
        "first_contact_at",
        false,
        &[
            "firstcontactat",
            "firstcontact",
            "firstresponse",
            "firstresponseat",
            "kontakpertama",
        ],
    ),
    f(
        "qualified",
        false,
        &["qualified", "isqualified", "berkualitas"],
    ),
    f("status", false, &["status", "leadstatus", "stage"]),
    f(
        "converted_at",
        false,
        &[
            "convertedat",
            "converted",
            "conversiondate",
            "tanggalkonversi",
        ],
    ),
];

/// Roster fields.
pub const ROSTER_FIELDS: [FieldSpec; 4] = [
    f(
        "agent",
        true,
        &["agent", "user", "username", "rep", "extension", "agen"],
    ),
    f("name", false, &["name", "fullname", "displayname", "nama"]),
    f("team", false, &["team", "group", "squad", "tim", "grup"]),
    f(
        "aliases",
        false,
        &["aliases", "alias", "extension", "ext", "ekstensi", "email"],
    ),
];

/// Campaigns fields.
pub const CAMPAIGN_FIELDS: [FieldSpec; 3] = [
    f("campaign", true, &["campaign", "name", "kampanye", "promo"]),
    f("start", true, &["start", "startdate", "from", "mulai"]),
    f("end", true, &["end", "enddate", "to", "selesai"]),
];

/// Columns of a headed CDR export (read by name; DATA.md §6).
pub const CDR_FIELDS: [FieldSpec; 11] = [
    f("src", true, &["src"]),
    f("dst", true, &["dst"]),
    f("channel", true, &["channel"]),
    f("dstchannel", true, &["dstchannel"]),
    f("lastapp", false, &["lastapp"]),
    f("start", true, &["calldate", "start"]),
    f("duration", false, &["duration"]),
    f("billsec", true, &["billsec"]),
    f("disposition", true, &["disposition"]),
    f("uniqueid", false, &["uniqueid"]),
    f("linkedid", false, &["linkedid"]),
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

/// Normalises a header cell: lower case, without spaces, `_`, `-`, `.`, `/`.
///
/// ```
/// # use telesales_kpi::domain::ingest::mapping::normalise_header;
/// assert_eq!(normalise_header(" Talk-Time (s)"), "talktime(s)");
/// assert_eq!(normalise_header("Call_Date"), "calldate");
/// ```
pub fn normalise_header(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '/' | '\t' | '"'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// For each canonical field of a kind, the column that holds it (plain data;
/// the page shows it and lets the user change it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ColumnMapping {
    kind: FileKind,
    columns: Vec<Option<usize>>,
}

impl ColumnMapping {
    /// A mapping of `kind` with no column assigned.
    pub fn for_kind(kind: FileKind) -> ColumnMapping {
        ColumnMapping {
            kind,
            columns: vec![None; fields_of(kind).len()],
        }
    }

    /// Assigns columns from header cells, field by field in table order: each
    /// field takes its earliest alias among the columns not yet taken.
    ///
    /// ```
    /// # use telesales_kpi::domain::ingest::{ColumnMapping, FileKind};
    /// let headers = ["Agent", "Date", "Duration", "Talk Time"].map(String::from);
    /// let m = ColumnMapping::from_headers(FileKind::Calls, &headers);
    /// assert_eq!(m.get("talk_seconds"), Some(3));
    /// ```
    pub fn from_headers(kind: FileKind, headers: &[String]) -> ColumnMapping {
        let normal: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        let mut taken = vec![false; normal.len()];
        let mut mapping = ColumnMapping::for_kind(kind);
        for (slot, spec) in mapping.columns.iter_mut().zip(fields_of(kind)) {
            let found = spec.aliases.iter().find_map(|alias| {
                normal
                    .iter()
                    .zip(&taken)
                    .position(|(h, &t)| !t && h == alias)
            });
            if let Some(col) = found {
                if let Some(t) = taken.get_mut(col) {
                    *t = true;
                }
                *slot = Some(col);
            }
        }
        mapping
    }

    /// The kind whose fields these are.
    pub fn kind(&self) -> FileKind {
        self.kind
    }

    /// The column of a field (`None`: unmapped or not a field of the kind).
    pub fn get(&self, field: &str) -> Option<usize> {
        let i = fields_of(self.kind).iter().position(|s| s.name == field)?;
        self.columns.get(i).copied().flatten()
    }

    /// Sets (or clears) the column of a field; unknown fields are ignored.
    pub fn set(&mut self, field: &str, col: Option<usize>) {
        if let Some(i) = fields_of(self.kind).iter().position(|s| s.name == field) {
            if let Some(slot) = self.columns.get_mut(i) {
                *slot = col;
            }
        }
    }

    /// Every field of the kind with its column, in table order.
    pub fn fields(&self) -> impl Iterator<Item = (&'static str, Option<usize>)> + '_ {
        fields_of(self.kind)
            .iter()
            .zip(&self.columns)
            .map(|(s, &c)| (s.name, c))
    }

    /// The column of the field at position `index` of [`fields_of`].
    pub fn column(&self, index: usize) -> Option<usize> {
        self.columns.get(index).copied().flatten()
    }

    /// How many fields have a column.
    pub fn mapped(&self) -> usize {
        self.columns.iter().filter(|c| c.is_some()).count()
    }

    /// Required fields without a column (leads: `lead_id or phone` when both miss).
    pub fn missing_required(&self) -> Vec<&'static str> {
        let mut missing: Vec<&'static str> = self
            .fields()
            .zip(fields_of(self.kind))
            .filter(|((_, col), spec)| spec.required && col.is_none())
            .map(|((name, _), _)| name)
            .collect();
        if self.kind == FileKind::Leads
            && self.get("lead_id").is_none()
            && self.get("phone").is_none()
        {
            missing.insert(0, "lead_id or phone");
        }
        missing
    }
}
