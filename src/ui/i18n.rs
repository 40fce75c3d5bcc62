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
    pub fn from_browser(preferred: Option<&str>) -> Lang {
        match preferred {
            Some(tag) if tag.to_ascii_lowercase().starts_with("id") => Lang::Id,
            _ => Lang::En,
        }
    }
}

/// A text of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Product name.
    Title,
    /// Line under the title.
    Tagline,
    /// Label of the language switch.
    Language,
    /// Drop zone call to action.
    DropHere,
    /// Drop zone hint about formats.
    DropHint,
    /// Button of the file input.
    ChooseFiles,
    /// Demo button.
    LoadDemo,
    /// Shown while nothing is loaded.
    Empty,
    /// Privacy line.
    Private,
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match (lang, msg) {
        (_, Msg::Title) => "Telesales KPI",
        (Lang::En, Msg::Tagline) => "The 15 telesales KPIs of your team, against your targets",
        (Lang::Id, Msg::Tagline) => "15 KPI telesales tim Anda, dibandingkan dengan target",
        (Lang::En, Msg::Language) => "Language",
        (Lang::Id, Msg::Language) => "Bahasa",
        (Lang::En, Msg::DropHere) => "Drop call logs, deals, leads, a roster or Asterisk logs here",
        (Lang::Id, Msg::DropHere) => {
            "Letakkan log panggilan, data penjualan, leads, roster atau log Asterisk di sini"
        }
        (Lang::En, Msg::DropHint) => {
            "CSV with , ; tab or | — English or Indonesian headers, Rp amounts, DD/MM/YYYY dates"
        }
        (Lang::Id, Msg::DropHint) => {
            "CSV dengan , ; tab atau | — header Inggris atau Indonesia, nominal Rp, tanggal DD/MM/YYYY"
        }
        (Lang::En, Msg::ChooseFiles) => "Choose files",
        (Lang::Id, Msg::ChooseFiles) => "Pilih berkas",
        (Lang::En, Msg::LoadDemo) => "Load demo data",
        (Lang::Id, Msg::LoadDemo) => "Muat data demo",
        (Lang::En, Msg::Empty) => "No data yet: drop your exports or load the demo data.",
        (Lang::Id, Msg::Empty) => "Belum ada data: letakkan ekspor Anda atau muat data demo.",
        (Lang::En, Msg::Private) => "Your files never leave this browser.",
        (Lang::Id, Msg::Private) => "Berkas Anda tidak pernah keluar dari peramban ini.",
    }
}
