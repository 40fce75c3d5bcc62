//! Where the CDR fields are: the two headerless layouts of Asterisk (DATA.md
//! §6: `cdr_csv`'s `Master.csv` and the `cdr_custom` sample layout), or the
//! columns of a headed export.

use super::cdr::disposition;
use super::kind::FileKind;
use super::mapping::ColumnMapping;

/// A headerless CDR layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CdrFamily {
    /// `cdr_csv`'s `Master.csv`: 16–21 fields, disposition at index 14.
    MasterCsv,
    /// The sample `cdr_custom.conf` layout: 14–19 fields, disposition at 13.
    Custom,
}

impl CdrFamily {
    /// The layout a first row is recognised by: `Master.csv` by 16–21 fields
    /// with a disposition at index 14; `cdr_custom` by 14–19 fields with a
    /// disposition at index 13 and a `YYYY-MM-DD HH:MM:SS` start at index 8.
    pub fn recognised(cells: &[String]) -> Option<CdrFamily> {
        let disposition_at = |i: usize| cells.get(i).is_some_and(|d| disposition(d).is_some());
        if (16..=21).contains(&cells.len()) && disposition_at(14) {
            Some(CdrFamily::MasterCsv)
        } else if (14..=19).contains(&cells.len())
            && disposition_at(13)
            && cells.get(8).is_some_and(|t| is_cdr_time(t))
        {
            Some(CdrFamily::Custom)
        } else {
            None
        }
    }

    /// The layout whose disposition column a first row fits (under
    /// `--kind FILE=asterisk-cdr`).
    pub fn fitting(cells: &[String]) -> Option<CdrFamily> {
        let disposition_at = |i: usize| cells.get(i).is_some_and(|d| disposition(d).is_some());
        if (16..=21).contains(&cells.len()) && disposition_at(14) {
            Some(CdrFamily::MasterCsv)
        } else if (14..=19).contains(&cells.len()) && disposition_at(13) {
            Some(CdrFamily::Custom)
        } else {
            None
        }
    }

    /// The field counts the layout allows.
    pub fn field_counts(self) -> (usize, usize) {
        match self {
            CdrFamily::MasterCsv => (16, 21),
            CdrFamily::Custom => (14, 19),
        }
    }
}

/// `YYYY-MM-DD HH:MM:SS`, exactly.
fn is_cdr_time(text: &str) -> bool {
    let b = text.trim().as_bytes();
    b.len() == 19
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b' ',
            13 | 16 => c == b':',
            _ => c.is_ascii_digit(),
        })
}

/// Cell positions of the CDR fields the dashboard reads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Layout {
    pub src: Option<usize>,
    pub dst: Option<usize>,
    pub channel: Option<usize>,
    pub dstchannel: Option<usize>,
    pub lastapp: Option<usize>,
    pub start: Option<usize>,
    pub duration: Option<usize>,
    pub billsec: Option<usize>,
    pub disposition: Option<usize>,
    pub uniqueid: Option<usize>,
    pub linkedid: Option<usize>,
}

impl Layout {
    /// Positions in a headerless row of `n` fields.
    pub fn positional(family: CdrFamily, n: usize) -> Option<Layout> {
        match family {
            CdrFamily::MasterCsv => Layout::master_csv(n),
            CdrFamily::Custom => Layout::custom(n),
        }
    }

    /// `accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
    /// lastdata, start, answer, end, duration, billsec, disposition, amaflags`
    /// then (by count) uniqueid, userfield, peeraccount, linkedid, sequence.
    fn master_csv(n: usize) -> Option<Layout> {
        let (uniqueid, linkedid) = match n {
            16 => (None, None),
            17 | 18 => (Some(16), None),
            19 => (None, Some(17)),
            20 => (Some(16), Some(18)),
            21 => (Some(16), Some(19)),
            _ => return None,
        };
        Some(Layout {
            src: Some(1),
            dst: Some(2),
            channel: Some(5),
            dstchannel: Some(6),
            lastapp: Some(7),
            start: Some(9),
            duration: Some(12),
            billsec: Some(13),
            disposition: Some(14),
            uniqueid,
            linkedid,
        })
    }

    /// `clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,
    /// start, answer, end, duration, billsec, disposition, amaflags,
    /// accountcode, uniqueid, userfield, sequence`; no linkedid.
    fn custom(n: usize) -> Option<Layout> {
        if !(14..=19).contains(&n) {
            return None;
        }
        Some(Layout {
            src: Some(1),
            dst: Some(2),
            channel: Some(4),
            dstchannel: Some(5),
            lastapp: Some(6),
            start: Some(8),
            duration: Some(11),
            billsec: Some(12),
            disposition: Some(13),
            uniqueid: (n >= 17).then_some(16),
            linkedid: None,
        })
    }

    /// Positions from a mapping of the CDR fields.
    pub fn named(m: &ColumnMapping) -> Layout {
        Layout {
            src: m.get("src"),
            dst: m.get("dst"),
            channel: m.get("channel"),
            dstchannel: m.get("dstchannel"),
            lastapp: m.get("lastapp"),
            start: m.get("start"),
            duration: m.get("duration"),
            billsec: m.get("billsec"),
            disposition: m.get("disposition"),
            uniqueid: m.get("uniqueid"),
            linkedid: m.get("linkedid"),
        }
    }
}

/// The mapping shown for a headerless file of `family` whose rows have `n` fields.
pub fn positional_mapping(family: CdrFamily, n: usize) -> ColumnMapping {
    let mut m = ColumnMapping::for_kind(FileKind::AsteriskCdr);
    if let Some(l) = Layout::positional(family, n) {
        for (field, col) in [
            ("src", l.src),
            ("dst", l.dst),
            ("channel", l.channel),
            ("dstchannel", l.dstchannel),
            ("lastapp", l.lastapp),
            ("start", l.start),
            ("duration", l.duration),
            ("billsec", l.billsec),
            ("disposition", l.disposition),
            ("uniqueid", l.uniqueid),
            ("linkedid", l.linkedid),
        ] {
            m.set(field, col);
        }
    }
    m
}
