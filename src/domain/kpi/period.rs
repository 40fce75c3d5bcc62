//! Report periods, the previous-period rule, settings and filters.

use crate::domain::model::time::Day;

/// An inclusive range of days: P = [from 00:00, to + 1 day 00:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Period {
    /// First day.
    pub from: Day,
    /// Last day (included).
    pub to: Day,
}

impl Period {
    /// The number of days of the period.
    pub fn days(self) -> i64 {
        i64::from(self.to.0) - i64::from(self.from.0) + 1
    }

    /// Whether `day` falls in the period.
    pub fn contains(self, day: Day) -> bool {
        self.from <= day && day <= self.to
    }

    /// The period compared with this one (KPIS.md "Previous period"): when it
    /// is one or more whole calendar months, the same number of whole months
    /// right before it; otherwise the period of equal length right before it.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::Period;
    /// # use telesales_kpi::domain::model::time::Day;
    /// let d = |s| Day::parse_iso(s).unwrap();
    /// let q4 = Period { from: d("2026-10-01"), to: d("2026-12-31") };
    /// assert_eq!(q4.previous(), Period { from: d("2026-07-01"), to: d("2026-09-30") });
    /// let week = Period { from: d("2026-11-02"), to: d("2026-11-08") };
    /// assert_eq!(week.previous(), Period { from: d("2026-10-26"), to: d("2026-11-01") });
    /// ```
    #[must_use]
    pub fn previous(self) -> Period {
        let (fy, fm, fd) = self.from.ymd();
        let (ty, tm, td) = self.to.ymd();
        let whole_months = fd == 1 && td == self.to.days_in_its_month() && self.from <= self.to;
        if whole_months {
            let months = (ty - fy) * 12 + tm as i32 - fm as i32 + 1;
            let index = fy * 12 + fm as i32 - 1 - months;
            let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
            if let Some(from) = Day::from_ymd(y, m, 1) {
                return Period {
                    from,
                    to: self.from.plus(-1),
                };
            }
        }
        let len = (self.to.0 - self.from.0 + 1).max(1);
        Period {
            from: self.from.plus(-len),
            to: self.from.plus(-1),
        }
    }
}

/// Settings that change what counts (KPIS.md, "setting").
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// Abandoned inbound calls that waited less than this are not offered calls.
    pub short_abandon_seconds: f64,
    /// A callback counts when it comes at most this many days after the call.
    pub callback_days: u32,
    /// `near` when a value misses its target by at most this fraction.
    pub near_fraction: f64,
    /// Service level: offered inbound calls answered within this many seconds
    /// (ANALYSES.md, default 20).
    pub service_level_seconds: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            short_abandon_seconds: 0.0,
            callback_days: 7,
            near_fraction: 0.10,
            service_level_seconds: 20.0,
        }
    }
}

/// What a report covers: a period and a scope (filters combine).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    /// First day (default: the first day in the data).
    pub from: Option<Day>,
    /// Last day (default: the last day in the data).
    pub to: Option<Day>,
    /// Agents (roster agents, their aliases, or agents named by records); empty: all.
    pub agents: Vec<String>,
    /// One team of the roster.
    pub team: Option<String>,
    /// One campaign.
    pub campaign: Option<String>,
}

impl Period {
    /// The calendar month, from its 1st to its last day, that holds `day`.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::Period;
    /// # use telesales_kpi::domain::model::time::Day;
    /// let d = |s| Day::parse_iso(s).unwrap();
    /// let feb = Period::month_of(d("2028-02-10"));
    /// assert_eq!(feb, Period { from: d("2028-02-01"), to: d("2028-02-29") });
    /// ```
    pub fn month_of(day: Day) -> Period {
        let from = day.month_start();
        Period {
            from,
            to: from.plus(day.days_in_its_month() as i32 - 1),
        }
    }

    /// The page's default period (KPIS.md "Page"): the calendar month that
    /// holds the latest dated record, i.e. the last day of `self`, the
    /// command line's default period. Being whole months, it is compared
    /// with the month before.
    ///
    /// ```
    /// # use telesales_kpi::domain::kpi::Period;
    /// # use telesales_kpi::domain::model::time::Day;
    /// let d = |s| Day::parse_iso(s).unwrap();
    /// let all = Period { from: d("2026-09-14"), to: d("2026-11-03") };
    /// let month = all.latest_month();
    /// assert_eq!(month, Period { from: d("2026-11-01"), to: d("2026-11-30") });
    /// assert_eq!(month.previous(), Period { from: d("2026-10-01"), to: d("2026-10-31") });
    /// ```
    #[must_use]
    pub fn latest_month(self) -> Period {
        Period::month_of(self.to)
    }
}
