//! The page's two languages and its texts.

use serde::{Deserialize, Serialize};

/// A language of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[serde(rename = "id")]
    Id,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Indonesian when the browser's preferred language is Indonesian, else English.
    ///
    /// ```
    /// use telesales_kpi::present::i18n::Lang;
    /// assert_eq!(Lang::from_browser(Some("id-ID")), Lang::Id);
    /// assert_eq!(Lang::from_browser(Some("en-GB")), Lang::En);
    /// assert_eq!(Lang::from_browser(None), Lang::En);
    /// ```
    pub fn from_browser(preferred: Option<&str>) -> Lang {
        match preferred {
            Some(tag) if tag.to_ascii_lowercase().starts_with("id") => Lang::Id,
            _ => Lang::En,
        }
    }
}

/// A text of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    /// Product name.
    Title,
    /// Line under the title.
    Tagline,
    /// Language switch label.
    Language,
    /// Drop zone call to action.
    DropHere,
    /// Drop zone hint.
    DropHint,
    /// File input button.
    ChooseFiles,
    /// Demo button.
    LoadDemo,
    /// Shown while nothing is loaded.
    Empty,
    /// Privacy line.
    Private,
    /// Unit of rows.
    Rows,
    /// Cancel button.
    Cancel,
    /// Reading cancelled.
    Cancelled,
    /// Same file loaded twice.
    Duplicate,
    /// KPI grid label.
    Kpis,
    /// Status met.
    StatusMet,
    /// Status near.
    StatusNear,
    /// Status missed.
    StatusMissed,
    /// Status none.
    StatusNone,
    /// Per agent per week.
    PerAgentWeek,
    /// Target.
    Target,
    /// Previous period value.
    Previous,
    /// Previous period label.
    PreviousPeriod,
    /// Profit.
    Profit,
    /// Attainment.
    Attainment,
    /// Average wait.
    AvgWait,
    /// Days to convert.
    DaysToConvert,
    /// Value ratio.
    ValueRatio,
    /// Agents heading.
    Agents,
    /// Agent column.
    Agent,
    /// Filters label.
    Filters,
    /// Period start.
    From,
    /// Period end.
    To,
    /// Period presets.
    Presets,
    /// Preset: the month of the latest record (the page's default period).
    LatestMonth,
    /// Preset.
    ThisMonth,
    /// Preset.
    LastMonth,
    /// Preset.
    Last7,
    /// Preset.
    Last30,
    /// Preset.
    AllData,
    /// Team.
    Team,
    /// All teams option.
    AllTeams,
    /// Campaign.
    Campaign,
    /// All campaigns option.
    AllCampaigns,
    /// Targets heading.
    Targets,
    /// Lower bound.
    Min,
    /// Upper bound.
    Max,
    /// Comparator.
    Comparator,
    /// Per month.
    PerMonth,
    /// Remove override.
    RemoveOverride,
    /// File unreadable.
    Unreadable,
    /// Target scope.
    Scope,
    /// Whole team.
    WholeTeam,
    /// "team" before a roster team's name.
    TeamWord,
    /// "agent" before an agent's name.
    AgentWord,
    /// A calendar month, after a monthly target.
    Month,
    /// Whose target judged a value.
    TargetOf,
    /// Notice: an imported targets file listed a KPI and scope twice.
    DuplicateTargets,
    /// Records behind
    DrillTitle,
    /// Show the records behind this number
    DrillOpen,
    /// Close
    Close,
    /// Export a drill-down list.
    ExportRecords,
    /// records
    Records,
    /// Previous
    PrevPage,
    /// Next
    NextPage,
    /// Page
    PageOf,
    /// of
    Of,
    /// Sort by
    SortBy,
    /// Ranking: targets met per agent
    Ranking,
    /// Show this agent's row
    ShowRow,
    /// Best time to call: connection rate by weekday and hour
    BestTime,
    /// Hour
    Hour,
    /// colour: connection rate (darker = higher)
    HeatColour,
    /// grey: fewer than 5 calls
    HeatFew,
    /// Calls by status
    StatusBreakdown,
    /// Outbound
    Outbound,
    /// Inbound
    Inbound,
    /// share of calls
    ShareOfCalls,
    /// Month-end forecast
    Forecast,
    /// Suggest from my data
    Suggest,
    /// Suggested: what your best quarter of agents already does (75th percentile; 25th for at-most targets)
    SuggestNote,
    /// Apply suggestions
    ApplySuggestions,
    /// suggested
    Suggested,
    /// no suggestion (fewer than 2 agents with a value)
    NoSuggestion,
    /// Mon Tue Wed Thu Fri Sat Sun
    Weekdays,
    /// Restore presets.
    RestorePresets,
    /// Export.
    Export,
    /// Import.
    Import,
    /// Settings heading.
    Settings,
    /// UTC offset.
    UtcOffset,
    /// Short abandon.
    ShortAbandon,
    /// Callback window.
    CallbackDays,
    /// Country code.
    CountryCode,
    /// Currency.
    Currency,
    /// CSV delimiter.
    CsvDelimiter,
    /// Dismiss.
    Dismiss,
    /// Legend of trend points resting on few records.
    FewRecords,
    /// "file" (in the files summary).
    FileWord,
    /// "files" (in the files summary).
    FilesWord,
    /// "skipped rows" (in the files summary).
    SkippedRowsWord,
    /// The compact drop zone's file button.
    AddFiles,
    /// Page sections navigation.
    Sections,
    /// The share link button.
    CopyLink,
    /// The share link was copied.
    LinkCopied,
    /// Label of the share link's text field.
    ShareLink,
    /// Heading of a share link's confirmation.
    LinkWouldChange,
    /// A share link that changes nothing.
    LinkChangesNothing,
    /// Column: what changes.
    ChangeWhat,
    /// Column: current value.
    ChangeNow,
    /// Column: value with the link.
    ChangeWithLink,
    /// Confirm a share link.
    ApplyLink,
    /// Decline a share link.
    KeepMine,
    /// A share link was applied.
    LinkApplied,
    /// A share link was refused.
    LinkRefused,
    /// A share link listed a target twice.
    LinkDuplicates,
    /// A share link had unknown settings.
    LinkUnknownSettings,
    /// Print button.
    Print,
    /// "Period" (print heading).
    Period,
    /// A new version was installed.
    Updated,
    /// Reload button.
    Reload,
    /// Ready offline.
    OfflineReady,
    /// Longest PBX extension setting.
    ExtensionDigits,
    /// Service level setting.
    ServiceLevel,
    /// Files heading.
    Files,
    /// Skipped rows unit.
    Skipped,
    /// Remove file.
    Remove,
    /// Skipped rows.
    SkippedRows,
    /// Warnings.
    Warnings,
    /// Mapping editor.
    KindAndColumns,
    /// File kind.
    Kind,
    /// Apply mapping.
    Apply,
    /// Trend by day.
    ByDay,
    /// Trend by week.
    ByWeek,
    /// Week axis.
    Week,
    /// Day axis.
    Day,
    /// Per agent.
    PerAgent,
    /// Talk time chart.
    TalkDistribution,
    /// Talk time axis.
    TalkMinutes,
    /// Calls axis.
    Calls,
    /// Run-up chart.
    SalesRunUp,
    /// Sales.
    Sales,
    /// Pro-rated target.
    ProRatedTarget,
    /// Time unit.
    Time,
    /// Count unit.
    Count,
    /// Download chart.
    DownloadSvg,
    /// Charts heading.
    Charts,
    /// Chart KPI select.
    ChartKpi,
    /// Export report CSV.
    ExportCsv,
    /// Prefs reset notice.
    PrefsReset,
    /// Targets reset notice.
    TargetsReset,
    /// A remembered mapping was applied to a file.
    RememberedApplied,
    /// Undo button.
    Undo,
    /// Remembered mappings, in the settings.
    RememberedMappings,
    /// Forget the remembered mappings.
    ForgetMappings,
    /// Remembered mappings reset notice.
    MappingsReset,
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    let (en, id) = texts(msg);
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

/// (English, Indonesian) of `msg`.
#[allow(clippy::too_many_lines)] // one table of texts
fn texts(msg: Msg) -> (&'static str, &'static str) {
    match msg {
        Msg::Title => ("Telesales KPI", "Telesales KPI"),
        Msg::Tagline => ("The 15 telesales KPIs of your team, against your targets", "15 KPI telesales tim Anda, dibandingkan dengan target"),
        Msg::Language => ("Language", "Bahasa"),
        Msg::DropHere => ("Drop call logs, deals, leads, a roster or Asterisk logs here", "Letakkan log panggilan, data penjualan, leads, roster atau log Asterisk di sini"),
        Msg::DropHint => ("CSV with , ; tab or |, or Excel .xlsx — English or Indonesian headers, Rp amounts, DD/MM/YYYY dates", "CSV dengan , ; tab atau |, atau Excel .xlsx — header Inggris atau Indonesia, nominal Rp, tanggal DD/MM/YYYY"),
        Msg::ChooseFiles => ("Choose files", "Pilih berkas"),
        Msg::LoadDemo => ("Load demo data", "Muat data demo"),
        Msg::Empty => ("No data yet: drop your exports or load the demo data.", "Belum ada data: letakkan ekspor Anda atau muat data demo."),
        Msg::Private => ("Your files never leave this browser.", "Berkas Anda tidak pernah keluar dari peramban ini."),
        Msg::Rows => ("rows", "baris"),
        Msg::Cancelled => ("Reading cancelled.", "Pembacaan dibatalkan."),
        Msg::Duplicate => ("the same file is already loaded; kept one copy.", "berkas yang sama sudah dimuat; hanya satu salinan disimpan."),
        Msg::Kpis => ("KPIs", "KPI"),
        Msg::StatusMet => ("met", "tercapai"),
        Msg::StatusNear => ("near", "hampir"),
        Msg::StatusMissed => ("missed", "tidak tercapai"),
        Msg::StatusNone => ("no target", "tanpa target"),
        Msg::PerAgentWeek => ("agent/week", "agen/minggu"),
        Msg::Target => ("target", "target"),
        Msg::Previous => ("Previous", "Sebelumnya"),
        Msg::PreviousPeriod => ("Compared with", "Dibandingkan dengan"),
        Msg::Profit => ("Profit", "Laba"),
        Msg::Attainment => ("Attainment", "Pencapaian"),
        Msg::AvgWait => ("Avg wait", "Rata-rata tunggu"),
        Msg::DaysToConvert => ("Days to convert", "Hari hingga konversi"),
        Msg::ValueRatio => ("By value", "Berdasarkan nilai"),
        Msg::Agents => ("Agents", "Agen"),
        Msg::Agent => ("Agent", "Agen"),
        Msg::Filters => ("Filters", "Filter"),
        Msg::From => ("From", "Dari"),
        Msg::To => ("To", "Sampai"),
        Msg::Presets => ("Period presets", "Pilihan periode"),
        Msg::LatestMonth => ("Latest month in the data", "Bulan terakhir dalam data"),
        Msg::ThisMonth => ("This month", "Bulan ini"),
        Msg::LastMonth => ("Last month", "Bulan lalu"),
        Msg::Last7 => ("Last 7 days", "7 hari terakhir"),
        Msg::Last30 => ("Last 30 days", "30 hari terakhir"),
        Msg::AllData => ("All data", "Semua data"),
        Msg::Team => ("Team", "Tim"),
        Msg::AllTeams => ("All teams", "Semua tim"),
        Msg::Campaign => ("Campaign", "Kampanye"),
        Msg::AllCampaigns => ("All campaigns", "Semua kampanye"),
        Msg::Targets => ("Targets", "Target"),
        Msg::Min => ("minimum", "minimum"),
        Msg::Max => ("maximum", "maksimum"),
        Msg::Comparator => ("Comparator", "Pembanding"),
        Msg::PerMonth => ("per month", "per bulan"),
        Msg::RemoveOverride => ("Remove override", "Hapus target khusus"),
        Msg::Unreadable => ("could not be read", "tidak dapat dibaca"),
        Msg::Scope => ("Targets for", "Target untuk"),
        Msg::WholeTeam => ("Whole team", "Seluruh tim"),
        Msg::TeamWord => ("team", "tim"),
        Msg::AgentWord => ("agent", "agen"),
        Msg::Month => ("month", "bulan"),
        Msg::TargetOf => ("target of", "target dari"),
        Msg::DuplicateTargets => (
            "The file lists some KPI and scope more than once; only the last of each was kept",
            "Berkas memuat KPI dan cakupan yang sama lebih dari sekali; hanya yang terakhir dari masing-masing yang disimpan",
        ),
        Msg::DrillTitle => ("Records behind", "Data di balik"),
        Msg::DrillOpen => ("Show the records behind this number", "Tampilkan data di balik angka ini"),
        Msg::Close => ("Close", "Tutup"),
        Msg::ExportRecords => ("Export CSV", "Ekspor CSV"),
        Msg::Records => ("records", "data"),
        Msg::PrevPage => ("Previous page", "Halaman sebelumnya"),
        Msg::NextPage => ("Next page", "Halaman berikutnya"),
        Msg::PageOf => ("Page", "Halaman"),
        Msg::Of => ("of", "dari"),
        Msg::SortBy => ("Sort by", "Urutkan menurut"),
        Msg::Ranking => ("Ranking: targets met per agent", "Peringkat: target tercapai per agen"),
        Msg::ShowRow => ("Show this agent's row", "Tampilkan baris agen ini"),
        Msg::BestTime => ("Best time to call", "Waktu terbaik menelepon"),
        Msg::Hour => ("Hour", "Jam"),
        Msg::HeatColour => ("colour: connection rate, darker = higher", "warna: tingkat tersambung, gelap = tinggi"),
        Msg::HeatFew => ("grey, hatched: fewer than 10 calls", "abu-abu, arsir: kurang dari 10 panggilan"),
        Msg::StatusBreakdown => ("Calls by status", "Panggilan menurut status"),
        Msg::Outbound => ("Outbound", "Keluar"),
        Msg::Inbound => ("Inbound", "Masuk"),
        Msg::ShareOfCalls => ("share of calls", "porsi panggilan"),
        Msg::Forecast => ("Month-end forecast", "Proyeksi akhir bulan"),
        Msg::Suggest => ("Suggest from my data", "Sarankan dari data saya"),
        Msg::SuggestNote => ("Suggested: what your best quarter of agents already does (75th percentile; 25th for at-most targets)", "Saran: yang sudah dicapai seperempat agen terbaik Anda (persentil ke-75; ke-25 untuk target paling banyak)"),
        Msg::ApplySuggestions => ("Apply suggestions", "Terapkan saran"),
        Msg::Cancel => ("Cancel", "Batal"),
        Msg::Suggested => ("suggested", "saran"),
        Msg::NoSuggestion => ("no suggestion (fewer than 2 agents with a value)", "tidak ada saran (kurang dari 2 agen dengan nilai)"),
        Msg::Weekdays => ("Mon Tue Wed Thu Fri Sat Sun", "Sen Sel Rab Kam Jum Sab Min"),
        Msg::RestorePresets => ("Restore presets", "Kembalikan preset"),
        Msg::Export => ("Export JSON", "Ekspor JSON"),
        Msg::Import => ("Import JSON", "Impor JSON"),
        Msg::Settings => ("Settings", "Pengaturan"),
        Msg::UtcOffset => ("Time zone (UTC offset)", "Zona waktu (selisih UTC)"),
        Msg::ShortAbandon => ("Ignore abandoned calls shorter than (s)", "Abaikan panggilan ditinggalkan kurang dari (detik)"),
        Msg::CallbackDays => ("Callback window (days)", "Jendela panggilan balik (hari)"),
        Msg::CountryCode => ("Country code", "Kode negara"),
        Msg::Currency => ("Currency", "Mata uang"),
        Msg::CsvDelimiter => ("CSV export delimiter", "Pemisah ekspor CSV"),
        Msg::Dismiss => ("Dismiss", "Tutup"),
        Msg::FewRecords => ("few records (hollow)", "sedikit data (kosong)"),
        Msg::FileWord => ("file", "berkas"),
        Msg::FilesWord => ("files", "berkas"),
        Msg::SkippedRowsWord => ("skipped rows", "baris dilewati"),
        Msg::AddFiles => ("Add files", "Tambah berkas"),
        Msg::Sections => ("Sections", "Bagian"),
        Msg::CopyLink => ("Copy link", "Salin tautan"),
        Msg::LinkCopied => ("Link copied. It carries your targets and settings, never your data.", "Tautan disalin. Isinya target dan pengaturan Anda, tanpa data."),
        Msg::ShareLink => ("Link to these targets and settings", "Tautan ke target dan pengaturan ini"),
        Msg::LinkWouldChange => ("This link would change your targets and settings", "Tautan ini akan mengubah target dan pengaturan Anda"),
        Msg::LinkChangesNothing => ("This link holds the targets and settings you already have.", "Tautan ini berisi target dan pengaturan yang sudah Anda pakai."),
        Msg::ChangeWhat => ("Target or setting", "Target atau pengaturan"),
        Msg::ChangeNow => ("Now", "Sekarang"),
        Msg::ChangeWithLink => ("With the link", "Dengan tautan"),
        Msg::ApplyLink => ("Apply and save", "Terapkan dan simpan"),
        Msg::KeepMine => ("Keep mine", "Tetap pakai milik saya"),
        Msg::LinkApplied => ("The link's targets and settings are applied and saved.", "Target dan pengaturan dari tautan diterapkan dan disimpan."),
        Msg::LinkRefused => ("This link was not applied, nothing changed", "Tautan ini tidak diterapkan, tidak ada yang berubah"),
        Msg::LinkDuplicates => ("targets listed twice for the same KPI and scope: the last of each is kept", "target tercantum dua kali untuk KPI dan cakupan yang sama: yang terakhir dipakai"),
        Msg::LinkUnknownSettings => ("settings this page does not know were ignored", "pengaturan yang tidak dikenal halaman ini diabaikan"),
        Msg::Print => ("Print / PDF", "Cetak / PDF"),
        Msg::Period => ("Period", "Periode"),
        Msg::Updated => ("The dashboard was updated to a new version.", "Dasbor diperbarui ke versi baru."),
        Msg::Reload => ("Reload", "Muat ulang"),
        Msg::OfflineReady => ("Saved for offline use: the dashboard now opens without a connection.", "Tersimpan untuk dipakai luring: dasbor kini terbuka tanpa koneksi."),
        Msg::ExtensionDigits => ("Longest PBX extension (digits)", "Ekstensi PBX terpanjang (digit)"),
        Msg::ServiceLevel => ("Service level: answered within (s)", "Tingkat layanan: dijawab dalam (detik)"),
        Msg::Files => ("Files", "Berkas"),
        Msg::Skipped => ("skipped", "dilewati"),
        Msg::Remove => ("Remove", "Hapus"),
        Msg::SkippedRows => ("Skipped rows", "Baris yang dilewati"),
        Msg::Warnings => ("Warnings", "Peringatan"),
        Msg::KindAndColumns => ("Kind and columns", "Jenis dan kolom"),
        Msg::Kind => ("Kind", "Jenis"),
        Msg::Apply => ("Apply", "Terapkan"),
        Msg::ByDay => ("by day", "per hari"),
        Msg::ByWeek => ("by week", "per minggu"),
        Msg::Week => ("Week", "Minggu"),
        Msg::Day => ("Day", "Hari"),
        Msg::PerAgent => ("per agent", "per agen"),
        Msg::TalkDistribution => ("Talk time of connected calls", "Durasi bicara panggilan tersambung"),
        Msg::TalkMinutes => ("Talk time (minutes)", "Durasi bicara (menit)"),
        Msg::Calls => ("Calls", "Panggilan"),
        Msg::SalesRunUp => ("Sales this month vs pro-rated target", "Penjualan bulan ini vs target prorata"),
        Msg::Sales => ("Sales", "Penjualan"),
        Msg::ProRatedTarget => ("Pro-rated target", "Target prorata"),
        Msg::Time => ("time", "waktu"),
        Msg::Count => ("count", "jumlah"),
        Msg::DownloadSvg => ("Download SVG", "Unduh SVG"),
        Msg::Charts => ("Charts", "Grafik"),
        Msg::ChartKpi => ("KPI shown", "KPI yang ditampilkan"),
        Msg::ExportCsv => ("Export report (CSV)", "Ekspor laporan (CSV)"),
        Msg::PrefsReset => ("Saved settings could not be read and were reset", "Pengaturan tersimpan tidak dapat dibaca dan diatur ulang"),
        Msg::TargetsReset => ("Saved targets could not be read; the presets apply", "Target tersimpan tidak dapat dibaca; preset berlaku"),
        Msg::RememberedApplied => ("The kind and columns you chose before for this header were applied.", "Jenis dan kolom yang Anda pilih sebelumnya untuk header ini diterapkan."),
        Msg::Undo => ("Undo", "Batalkan"),
        Msg::RememberedMappings => ("Remembered column mappings", "Pemetaan kolom yang diingat"),
        Msg::ForgetMappings => ("Forget them", "Lupakan"),
        Msg::MappingsReset => ("The remembered column mappings could not be read and were reset", "Pemetaan kolom yang diingat tidak dapat dibaca dan diatur ulang"),
    }
}
