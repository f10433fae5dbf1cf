//! The Turkish legal calendar: official holidays, half days and
//! administrative leave, with business-day arithmetic in constant time.
//!
//! # Data
//!
//! Official holidays 2004–2040 (Law 2429 as in force each year: 1 May from
//! 2009, Law 5892; 15 July from 2017, Law 6752) are embedded from
//! `data/holidays.csv`; religious holidays after 2032 are Diyanet estimates and
//! flagged `estimated`. Administrative-leave days (*idari izin*, declared by
//! circular) are a separate table, `data/administrative_leave.csv`, because they
//! are not official holidays (law.md §7). A deployment adds or corrects days at
//! run time with a [`CalendarPatch`].
//!
//! # Counting
//!
//! A *business day* is Monday–Friday that is not a full official holiday
//! (657 m.99; 2429 m.2). How half days (arife and 28 October, holidays from
//! 13:00) and administrative leave count is a [`Policy`]. Each [`Calendar`]
//! precomputes, for every day of its range, the number of business days before
//! it and the next day a period may end on, so every query is a few array
//! lookups, whatever the distance.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::province::Province;
use crate::table;

/// One official holiday (or the holidays of one date, merged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// Turkish name; two holidays on one date are joined with `"; "`.
    pub name_tr: String,
    /// English name.
    pub name_en: String,
    /// A holiday from 13:00 only (arife, 28 October): the morning is worked.
    #[serde(default)]
    pub half_day: bool,
    /// A date after Diyanet's confirmed range (religious holidays after 2032).
    #[serde(default)]
    pub estimated: bool,
}

/// Which part of a day an administrative leave covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeavePortion {
    /// The whole day.
    Full,
    /// The morning only (typically an arife whose afternoon is a holiday).
    Morning,
}

/// An administrative-leave day (*idari izin*) declared by circular.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdministrativeLeave {
    /// The date.
    pub date: NaiveDate,
    /// Whole day or morning.
    pub portion: LeavePortion,
    /// Why it was declared.
    pub occasion: String,
    /// The provinces it applies to; empty means the whole country.
    #[serde(default)]
    pub provinces: Vec<Province>,
}

impl AdministrativeLeave {
    fn applies_in(&self, province: Option<Province>) -> bool {
        self.provinces.is_empty() || province.is_some_and(|p| self.provinces.contains(&p))
    }
}

/// How half days (holidays from 13:00: arife, 28 October) count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HalfDayPolicy {
    /// Counted as business days, but a period cannot end on one: it moves to
    /// the next full business day, since a period runs to the end of working
    /// hours, which fall in the holiday (law.md §7, practitioners' reading).
    #[default]
    WorkingDayButNotLastDay,
    /// An ordinary business day: the morning is worked.
    WorkingDay,
    /// A holiday, like a full official holiday.
    Holiday,
}

/// How administrative-leave days count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mode")]
pub enum AdministrativeLeavePolicy {
    /// Leave days are business days: leave is not an official holiday and,
    /// by the majority case law, periods keep running (law.md §7).
    #[default]
    Ignore,
    /// Leave days count as holidays: national leave everywhere, and regional
    /// leave where its province is the one given.
    Holiday {
        /// The province whose regional leave also applies.
        #[serde(default)]
        province: Option<Province>,
    },
}

/// The counting policy of a [`Calendar`] (DESIGN §2.5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// How half days count.
    #[serde(default)]
    pub half_day: HalfDayPolicy,
    /// How administrative leave counts.
    #[serde(default)]
    pub administrative_leave: AdministrativeLeavePolicy,
}

/// Errors of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// A date outside the calendar's data: no answer is better than a guess.
    #[error("{date} is outside the calendar's data range {first} to {last}")]
    OutOfRange {
        /// The date asked about.
        date: NaiveDate,
        /// First date with data.
        first: NaiveDate,
        /// Last date with data.
        last: NaiveDate,
    },
    /// A calendar data table or patch that cannot be used.
    #[error("calendar data, {source_name} line {line}: {message}")]
    InvalidData {
        /// Which table.
        source_name: String,
        /// 1-based line (0 when not line-based).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Why a day is not an ordinary full business day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// Monday to Friday with nothing special.
    BusinessDay,
    /// Saturday or Sunday (657 m.99).
    Weekend,
    /// A full official holiday (2429 m.2).
    Holiday,
    /// A holiday from 13:00 (arife, 28 October).
    HalfDay,
    /// An administrative-leave day under the policy in force.
    AdministrativeLeave,
}

/// Additions and corrections to a calendar, loaded at run time (next year's
/// *idari izin*, a corrected bayram date) without a new release.
///
/// Removals apply first; an added holiday replaces what the calendar had on
/// its date. `covers_until` extends the data range (say, to 2041-12-31 with
/// that year's holidays).
///
/// # Example
///
/// ```
/// use bimer_core::{Calendar, CalendarPatch};
/// let patch = CalendarPatch::from_csv(
///     "date,name_tr,name_en,half_day,estimated\n2027-06-01,Örnek,Example,false,false\n",
///     "",
/// ).unwrap();
/// let cal = Calendar::turkey().patched(&patch).unwrap();
/// let d = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
/// assert!(!cal.is_business_day(d).unwrap());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarPatch {
    /// Holidays to add or correct.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// Dates whose holidays are removed (a bayram date that was wrong).
    #[serde(default)]
    pub remove_holidays: Vec<NaiveDate>,
    /// Administrative-leave days to add.
    #[serde(default)]
    pub administrative_leave: Vec<AdministrativeLeave>,
    /// Extends the data range to this date.
    #[serde(default)]
    pub covers_until: Option<NaiveDate>,
}

impl CalendarPatch {
    /// Reads a patch from CSV tables in the bundled formats: holidays with
    /// columns `date,name_tr,name_en,half_day,estimated` and administrative
    /// leave with `date,portion,occasion,provinces` (provinces separated by
    /// spaces or `;`, empty for the whole country). Either text may be empty.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InvalidData`] naming the table, line and problem.
    pub fn from_csv(holidays_csv: &str, leave_csv: &str) -> Result<Self, CalendarError> {
        let mut patch = CalendarPatch::default();
        if !holidays_csv.trim().is_empty() {
            patch.holidays = parse_holidays(holidays_csv, "holidays patch")?;
        }
        if !leave_csv.trim().is_empty() {
            patch.administrative_leave = parse_leave(leave_csv, "administrative leave patch")?;
        }
        Ok(patch)
    }
}

/// Bit flags per day of the range.
const WEEKEND: u8 = 1;
const HOLIDAY: u8 = 2;
const HALF_DAY: u8 = 4;
const LEAVE_FULL: u8 = 8;
const LEAVE_MORNING: u8 = 16;

#[derive(Debug)]
struct Data {
    first: NaiveDate,
    last: NaiveDate,
    confirmed_until: NaiveDate,
    holidays: BTreeMap<NaiveDate, Holiday>,
    leave: Vec<AdministrativeLeave>,
}

#[derive(Debug)]
struct Tables {
    /// `days_from_ce` of `first`.
    origin: i32,
    /// Raw day flags (independent of policy).
    flags: Vec<u8>,
    /// `cum[i]`: business days strictly before day `i`; one longer than `flags`.
    cum: Vec<u32>,
    /// Day index of the k-th business day.
    business: Vec<u32>,
    /// `end[i]`: first day `>= i` a period may end on; `u32::MAX` past the data.
    end: Vec<u32>,
    /// `end` of the k-th business day: the due day of a period whose last
    /// counted day is that business day, in one lookup.
    business_end: Vec<u32>,
}

/// The Turkish legal calendar under one counting [`Policy`].
///
/// Cheap to clone (shared tables). [`Calendar::turkey`] is the bundled data
/// under the default policy.
///
/// # Example
///
/// ```
/// use bimer_core::Calendar;
/// use chrono::NaiveDate;
/// let cal = Calendar::turkey();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(!cal.is_business_day(d(2027, 1, 1)).unwrap()); // Yılbaşı
/// assert_eq!(cal.add_business_days(d(2026, 12, 31), 15).unwrap(), d(2027, 1, 22));
/// assert_eq!(cal.business_days_between(d(2026, 12, 31), d(2027, 1, 22)).unwrap(), 15);
/// ```
#[derive(Clone)]
pub struct Calendar {
    data: Arc<Data>,
    policy: Policy,
    tables: Arc<Tables>,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("first", &self.data.first)
            .field("last", &self.data.last)
            .field("confirmed_until", &self.data.confirmed_until)
            .field("holidays", &self.data.holidays.len())
            .field("administrative_leave", &self.data.leave.len())
            .field("policy", &self.policy)
            .finish()
    }
}

fn parse_holidays(text: &str, name: &str) -> Result<Vec<Holiday>, CalendarError> {
    let mut out = Vec::new();
    table::read(text, &["date", "name_tr", "name_en"], |row| {
        out.push(Holiday {
            date: parse_date(row.get("date"))?,
            name_tr: non_empty(row.get("name_tr"), "name_tr")?,
            name_en: non_empty(row.get("name_en"), "name_en")?,
            half_day: parse_bool(row.get("half_day"), "half_day")?,
            estimated: parse_bool(row.get("estimated"), "estimated")?,
        });
        Ok(())
    })
    .map_err(|e| invalid(name, e.line, e.message))?;
    Ok(out)
}

fn parse_leave(text: &str, name: &str) -> Result<Vec<AdministrativeLeave>, CalendarError> {
    let mut out = Vec::new();
    table::read(text, &["date", "portion", "occasion"], |row| {
        let portion = match row.get("portion") {
            "full" => LeavePortion::Full,
            "morning" => LeavePortion::Morning,
            other => return Err(format!("portion `{other}` is not `full` or `morning`")),
        };
        let provinces = row
            .get("provinces")
            .split([' ', ';'])
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<Province>().map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        out.push(AdministrativeLeave {
            date: parse_date(row.get("date"))?,
            portion,
            occasion: row.get("occasion").to_string(),
            provinces,
        });
        Ok(())
    })
    .map_err(|e| invalid(name, e.line, e.message))?;
    Ok(out)
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date in YYYY-MM-DD form"))
}

fn parse_bool(s: &str, column: &str) -> Result<bool, String> {
    match s {
        "true" => Ok(true),
        "false" | "" => Ok(false),
        other => Err(format!("{column} `{other}` is not `true` or `false`")),
    }
}

fn non_empty(s: &str, column: &str) -> Result<String, String> {
    if s.is_empty() {
        Err(format!("{column} is empty"))
    } else {
        Ok(s.to_string())
    }
}

fn invalid(name: &str, line: usize, message: impl Into<String>) -> CalendarError {
    CalendarError::InvalidData {
        source_name: name.to_string(),
        line,
        message: message.into(),
    }
}

/// Merges holiday rows into one entry per date: a date is a half day only
/// when every holiday on it is.
fn merge(rows: impl IntoIterator<Item = Holiday>, into: &mut BTreeMap<NaiveDate, Holiday>) {
    let mut fresh: BTreeMap<NaiveDate, Holiday> = BTreeMap::new();
    for h in rows {
        match fresh.get_mut(&h.date) {
            Some(m) => {
                m.name_tr = format!("{}; {}", m.name_tr, h.name_tr);
                m.name_en = format!("{}; {}", m.name_en, h.name_en);
                m.half_day &= h.half_day;
                m.estimated |= h.estimated;
            }
            None => {
                fresh.insert(h.date, h);
            }
        }
    }
    into.extend(fresh);
}

/// The day after the last year that has no estimated holiday.
fn confirmed_until(holidays: &BTreeMap<NaiveDate, Holiday>, last: NaiveDate) -> NaiveDate {
    holidays
        .values()
        .find(|h| h.estimated)
        .and_then(|h| NaiveDate::from_ymd_opt(h.date.year() - 1, 12, 31))
        .unwrap_or(last)
}

impl Calendar {
    /// The bundled Turkish calendar (2004-01-01 to 2040-12-31) under the
    /// default [`Policy`].
    pub fn turkey() -> Calendar {
        static TURKEY: OnceLock<Calendar> = OnceLock::new();
        TURKEY
            .get_or_init(|| {
                let holidays = parse_holidays(include_str!("../data/holidays.csv"), "holidays.csv")
                    .expect("bundled holidays.csv is valid (checked by tests)");
                let leave = parse_leave(
                    include_str!("../data/administrative_leave.csv"),
                    "administrative_leave.csv",
                )
                .expect("bundled administrative_leave.csv is valid (checked by tests)");
                let mut map = BTreeMap::new();
                merge(holidays, &mut map);
                let first = NaiveDate::from_ymd_opt(2004, 1, 1).expect("valid date");
                let last = NaiveDate::from_ymd_opt(2040, 12, 31).expect("valid date");
                Calendar::build(Data {
                    first,
                    last,
                    confirmed_until: confirmed_until(&map, last),
                    holidays: map,
                    leave,
                })
            })
            .clone()
    }

    fn build(data: Data) -> Calendar {
        let data = Arc::new(data);
        let policy = Policy::default();
        let tables = Arc::new(Tables::new(&data, policy));
        Calendar {
            data,
            policy,
            tables,
        }
    }

    /// The same data under another counting policy.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Calendar, HalfDayPolicy, Policy};
    /// let strict = Calendar::turkey().with_policy(Policy {
    ///     half_day: HalfDayPolicy::Holiday,
    ///     ..Policy::default()
    /// });
    /// let arife = chrono::NaiveDate::from_ymd_opt(2027, 3, 8).unwrap();
    /// assert!(!strict.is_business_day(arife).unwrap());
    /// assert!(Calendar::turkey().is_business_day(arife).unwrap());
    /// ```
    pub fn with_policy(&self, policy: Policy) -> Calendar {
        if policy == self.policy {
            return self.clone();
        }
        Calendar {
            data: Arc::clone(&self.data),
            policy,
            tables: Arc::new(Tables::new(&self.data, policy)),
        }
    }

    /// This calendar with `patch` applied (same policy).
    ///
    /// # Errors
    ///
    /// [`CalendarError::InvalidData`] when a patched day lies before the
    /// data range or after its (possibly extended) end.
    pub fn patched(&self, patch: &CalendarPatch) -> Result<Calendar, CalendarError> {
        let mut holidays = self.data.holidays.clone();
        for date in &patch.remove_holidays {
            holidays.remove(date);
        }
        let mut replaced = BTreeMap::new();
        merge(patch.holidays.iter().cloned(), &mut replaced);
        holidays.extend(replaced);
        let mut leave = self.data.leave.clone();
        leave.extend(patch.administrative_leave.iter().cloned());
        let last = patch
            .covers_until
            .unwrap_or(self.data.last)
            .max(self.data.last);
        if NaiveDate::from_ymd_opt(2200, 1, 1).is_some_and(|limit| last >= limit) {
            return Err(invalid("patch", 0, "covers_until is after 2199-12-31"));
        }
        let outside = holidays
            .keys()
            .chain(leave.iter().map(|l| &l.date))
            .find(|d| **d < self.data.first || **d > last);
        if let Some(d) = outside {
            return Err(invalid(
                "patch",
                0,
                format!(
                    "{d} is outside the data range {} to {last} (set covers_until to extend it)",
                    self.data.first
                ),
            ));
        }
        let confirmed = confirmed_until(&holidays, last);
        let data = Arc::new(Data {
            first: self.data.first,
            last,
            confirmed_until: confirmed,
            holidays,
            leave,
        });
        Ok(Calendar {
            tables: Arc::new(Tables::new(&data, self.policy)),
            data,
            policy: self.policy,
        })
    }

    /// The counting policy in force.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// First and last date with data.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.data.first, self.data.last)
    }

    /// Last date whose holidays are all confirmed; later dates are estimates.
    pub fn confirmed_until(&self) -> NaiveDate {
        self.data.confirmed_until
    }

    /// Whether `date` lies after the confirmed range (estimated bayram dates).
    pub fn is_estimated(&self, date: NaiveDate) -> bool {
        date > self.data.confirmed_until
    }

    fn index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        let i = date.num_days_from_ce() - self.tables.origin;
        if i < 0 || i as usize >= self.tables.flags.len() {
            return Err(self.out_of_range(date));
        }
        Ok(i as usize)
    }

    fn out_of_range(&self, date: NaiveDate) -> CalendarError {
        CalendarError::OutOfRange {
            date,
            first: self.data.first,
            last: self.data.last,
        }
    }

    /// The error for an answer that would lie past the data: names an
    /// estimate of that date.
    fn beyond(&self, date: NaiveDate, days: u64) -> CalendarError {
        let guess = date
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(NaiveDate::MAX)
            .max(self.data.last.succ_opt().unwrap_or(NaiveDate::MAX));
        self.out_of_range(guess)
    }

    fn date_at(&self, index: u32) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.tables.origin + index as i32)
            .expect("table indexes are valid dates")
    }

    /// Whether `date` is a business day under the policy.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] outside the data range.
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.index(date)?;
        Ok(self.tables.cum[i + 1] > self.tables.cum[i])
    }

    /// Whether a period may end on `date`: a business day that is not a half
    /// day under [`HalfDayPolicy::WorkingDayButNotLastDay`].
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] outside the data range.
    pub fn is_full_business_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.index(date)?;
        Ok(self.tables.end[i] == i as u32)
    }

    /// What kind of day `date` is under the policy (a holiday that falls on a
    /// weekend is reported as the holiday).
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] outside the data range.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind, CalendarError> {
        let i = self.index(date)?;
        let flags = self.tables.flags[i];
        let leave = self.leave_flags(flags);
        Ok(if flags & HOLIDAY != 0 {
            DayKind::Holiday
        } else if leave & LEAVE_FULL != 0 {
            DayKind::AdministrativeLeave
        } else if flags & HALF_DAY != 0 {
            DayKind::HalfDay
        } else if flags & WEEKEND != 0 {
            DayKind::Weekend
        } else if leave & LEAVE_MORNING != 0 {
            DayKind::AdministrativeLeave
        } else {
            DayKind::BusinessDay
        })
    }

    fn leave_flags(&self, flags: u8) -> u8 {
        match self.policy.administrative_leave {
            AdministrativeLeavePolicy::Ignore => 0,
            AdministrativeLeavePolicy::Holiday { .. } => flags & (LEAVE_FULL | LEAVE_MORNING),
        }
    }

    /// The holiday on `date`, if any (half days included).
    pub fn holiday(&self, date: NaiveDate) -> Option<&Holiday> {
        self.data.holidays.get(&date)
    }

    /// The administrative-leave days declared for `date` (any province).
    pub fn administrative_leave_on(
        &self,
        date: NaiveDate,
    ) -> impl Iterator<Item = &AdministrativeLeave> {
        self.data.leave.iter().filter(move |l| l.date == date)
    }

    /// All holidays of `year`, one entry per date, in date order.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when the year is outside the data.
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        let bound = if year < self.data.first.year() {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        };
        let (Some(jan1), Some(dec31)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Err(self.out_of_range(bound));
        };
        if dec31 > self.data.last || jan1 < self.data.first {
            return Err(self.out_of_range(jan1));
        }
        Ok(self
            .data
            .holidays
            .range(jan1..=dec31)
            .map(|(_, h)| h.clone())
            .collect())
    }

    /// All administrative-leave days of `year` in date order.
    pub fn administrative_leave(&self, year: i32) -> Vec<AdministrativeLeave> {
        let mut out: Vec<_> = self
            .data
            .leave
            .iter()
            .filter(|l| l.date.year() == year)
            .cloned()
            .collect();
        out.sort_by_key(|l| l.date);
        out
    }

    /// The first business day strictly after `date`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `date` or the answer is outside the
    /// data range.
    pub fn next_business_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_business_days(date, 1)
    }

    /// The `n`-th business day after `date` (`date` itself is never counted;
    /// `n = 0` gives `date` when it is a business day, else the next one).
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `date` or the answer is outside the
    /// data range.
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(date)?;
        let t = &self.tables;
        let rank = if n == 0 {
            t.cum[i] as usize
        } else {
            t.cum[i + 1] as usize + n as usize - 1
        };
        t.business
            .get(rank)
            .map(|&j| self.date_at(j))
            .ok_or_else(|| self.beyond(date, u64::from(n) * 7 / 5 + 1))
    }

    /// Business days in `(from, to]`: after `from`, up to and including `to`;
    /// negative when `to` is before `from`.
    ///
    /// `business_days_between(d, add_business_days(d, n)?)? == n` for every
    /// `n >= 1`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when either date is outside the data range.
    pub fn business_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64, CalendarError> {
        let (i, j) = (self.index(from)?, self.index(to)?);
        Ok(i64::from(self.tables.cum[j + 1]) - i64::from(self.tables.cum[i + 1]))
    }

    /// `date` when a period may end on it, else the next day that it may:
    /// the last-day roll-forward of İYUK m.8/2.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `date` or the answer is outside the
    /// data range.
    pub fn roll_to_full_business_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let i = self.index(date)?;
        match self.tables.end[i] {
            u32::MAX => Err(self.beyond(date, 7)),
            j => Ok(self.date_at(j)),
        }
    }

    /// [`add_business_days`](Self::add_business_days) over days counted from
    /// the Unix epoch (numpy's `datetime64[D]`), without date conversions,
    /// for bulk work.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `day` or the answer is outside the
    /// data range.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::Calendar;
    /// let cal = Calendar::turkey();
    /// let day = |y, m, d| (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
    ///     - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days();
    /// // 15 business days after 2027-02-15: the arife 2027-03-08 itself...
    /// assert_eq!(cal.add_business_days_epoch(day(2027, 2, 15), 15).unwrap(), day(2027, 3, 8));
    /// // ...and the due date, moved past the bayram.
    /// assert_eq!(cal.business_due_epoch(day(2027, 2, 15), 15).unwrap(), day(2027, 3, 12));
    /// ```
    pub fn add_business_days_epoch(&self, day: i64, n: u32) -> Result<i64, CalendarError> {
        self.epoch_lookup(day, n, &self.tables.business)
    }

    /// The due date of a business-day period over days counted from the Unix
    /// epoch (numpy's `datetime64[D]`): the `n`-th business day after `day`,
    /// moved to the next full business day if a period may not end on it.
    /// This is [`add_business_days`](Self::add_business_days) then
    /// [`roll_to_full_business_day`](Self::roll_to_full_business_day) without
    /// date conversions, for bulk work.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `day` or the answer is outside the
    /// data range.
    pub fn business_due_epoch(&self, day: i64, n: u32) -> Result<i64, CalendarError> {
        self.epoch_lookup(day, n, &self.tables.business_end)
    }

    /// `by_rank[k]` for the rank of the `n`-th business day after `day`.
    fn epoch_lookup(&self, day: i64, n: u32, by_rank: &[u32]) -> Result<i64, CalendarError> {
        const UNIX_FROM_CE: i64 = 719_163;
        let t = &self.tables;
        let i = day.saturating_add(UNIX_FROM_CE - i64::from(t.origin));
        let fail = || {
            let date = i32::try_from(day.saturating_add(UNIX_FROM_CE))
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .unwrap_or(if day < 0 {
                    NaiveDate::MIN
                } else {
                    NaiveDate::MAX
                });
            self.out_of_range(date)
        };
        if i < 0 || i as usize >= t.flags.len() {
            return Err(fail());
        }
        let rank = if n == 0 {
            t.cum[i as usize] as usize
        } else {
            t.cum[i as usize + 1] as usize + n as usize - 1
        };
        match by_rank.get(rank) {
            Some(&j) if j != u32::MAX => Ok(i64::from(j) + i64::from(t.origin) - UNIX_FROM_CE),
            _ => Err(fail()),
        }
    }
}

impl Tables {
    fn new(data: &Data, policy: Policy) -> Tables {
        let origin = data.first.num_days_from_ce();
        let len = (data.last.num_days_from_ce() - origin + 1) as usize;
        let mut flags = vec![0u8; len];
        let mut date = data.first;
        for f in flags.iter_mut() {
            if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                *f |= WEEKEND;
            }
            date = date.succ_opt().expect("in range");
        }
        for h in data.holidays.values() {
            let i = (h.date.num_days_from_ce() - origin) as usize;
            flags[i] |= if h.half_day { HALF_DAY } else { HOLIDAY };
        }
        let province = match policy.administrative_leave {
            AdministrativeLeavePolicy::Ignore => None,
            AdministrativeLeavePolicy::Holiday { province } => Some(province),
        };
        for l in &data.leave {
            let i = (l.date.num_days_from_ce() - origin) as usize;
            // Leave that does not apply under the policy is not recorded at all.
            if province.is_some_and(|p| l.applies_in(p)) {
                flags[i] |= match l.portion {
                    LeavePortion::Full => LEAVE_FULL,
                    LeavePortion::Morning => LEAVE_MORNING,
                };
            }
        }

        let mut cum = Vec::with_capacity(len + 1);
        let mut business = Vec::with_capacity(len * 5 / 7 + 1);
        let mut full = vec![false; len];
        cum.push(0u32);
        for (i, &f) in flags.iter().enumerate() {
            // Morning leave with an afternoon holiday leaves nothing to work;
            // morning leave alone leaves an afternoon, counted like a half day.
            let half = f & (HALF_DAY | LEAVE_MORNING) != 0;
            let closed = f & (WEEKEND | HOLIDAY | LEAVE_FULL) != 0
                || f & (HALF_DAY | LEAVE_MORNING) == HALF_DAY | LEAVE_MORNING
                || (half && policy.half_day == HalfDayPolicy::Holiday);
            let is_business = !closed;
            if is_business {
                business.push(i as u32);
            }
            full[i] =
                is_business && !(half && policy.half_day == HalfDayPolicy::WorkingDayButNotLastDay);
            cum.push(cum[i] + u32::from(is_business));
        }
        let mut end = vec![u32::MAX; len];
        let mut next = u32::MAX;
        for i in (0..len).rev() {
            if full[i] {
                next = i as u32;
            }
            end[i] = next;
        }
        let business_end = business.iter().map(|&j| end[j as usize]).collect();
        Tables {
            origin,
            flags,
            cum,
            business,
            end,
            business_end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bundled_tables_load() {
        let cal = Calendar::turkey();
        assert_eq!(cal.range(), (d(2004, 1, 1), d(2040, 12, 31)));
        assert_eq!(cal.confirmed_until(), d(2032, 12, 31));
        assert!(!cal.data.leave.is_empty());
    }

    /// 2429 m.2 as amended by Law 5892 (22.04.2009): 1 May is a holiday from 2009 only.
    #[test]
    fn law_2429_labour_day_from_2009() {
        let cal = Calendar::turkey();
        assert!(cal.is_business_day(d(2008, 5, 1)).unwrap()); // Thursday, before 5892
        assert!(!cal.is_business_day(d(2009, 5, 1)).unwrap()); // Friday, after 5892
    }

    /// 2429 m.2 as amended by Law 6752 (25.10.2016): 15 July is a holiday from 2017.
    #[test]
    fn law_2429_democracy_day_from_2017() {
        let cal = Calendar::turkey();
        assert!(cal.is_business_day(d(2016, 7, 15)).unwrap()); // Friday, before 6752 applied
        assert!(!cal.is_business_day(d(2019, 7, 15)).unwrap()); // Monday
        assert_eq!(
            cal.holiday(d(2017, 7, 15)).unwrap().name_tr,
            "Demokrasi ve Millî Birlik Günü"
        );
    }

    /// 2429 m.2: 28 October is a holiday from 13:00, so a business day whose
    /// afternoon is off; 31 December is not a holiday (law.md §7).
    #[test]
    fn law_2429_half_days_and_new_years_eve() {
        let cal = Calendar::turkey();
        assert_eq!(cal.day_kind(d(2027, 10, 28)).unwrap(), DayKind::HalfDay);
        assert!(cal.is_business_day(d(2027, 10, 28)).unwrap());
        assert!(!cal.is_full_business_day(d(2027, 10, 28)).unwrap());
        assert!(cal.is_full_business_day(d(2027, 12, 31)).unwrap());
        let strict = cal.with_policy(Policy {
            half_day: HalfDayPolicy::Holiday,
            ..Policy::default()
        });
        assert!(!strict.is_business_day(d(2027, 10, 28)).unwrap());
        let lax = cal.with_policy(Policy {
            half_day: HalfDayPolicy::WorkingDay,
            ..Policy::default()
        });
        assert!(lax.is_full_business_day(d(2027, 10, 28)).unwrap());
    }

    /// 657 m.99: Saturday and Sunday are not business days.
    #[test]
    fn law_657_article_99_weekend() {
        let cal = Calendar::turkey();
        assert_eq!(cal.day_kind(d(2026, 11, 28)).unwrap(), DayKind::Weekend);
        assert!(!cal.is_business_day(d(2026, 11, 29)).unwrap());
        assert!(cal.is_business_day(d(2026, 11, 30)).unwrap());
        assert_eq!(
            cal.next_business_day(d(2026, 11, 27)).unwrap(),
            d(2026, 11, 30)
        );
    }

    #[test]
    fn two_holidays_on_one_date_are_merged() {
        let cal = Calendar::turkey();
        let h = cal.holiday(d(2027, 5, 19)).unwrap();
        assert!(h.name_tr.contains("; "));
        assert!(!h.half_day);
        // A half day and a full holiday on one date: the day is a full holiday.
        assert!(!cal.holiday(d(2022, 5, 1)).unwrap().half_day);
    }

    /// law.md §7: idari izin is not an official holiday; by default periods run.
    #[test]
    fn administrative_leave_policy() {
        let base = Calendar::turkey();
        let bridge = d(2025, 4, 2); // Ramazan Bayramı bridge, national
        assert!(base.is_business_day(bridge).unwrap());
        let leave = base.with_policy(Policy {
            administrative_leave: AdministrativeLeavePolicy::Holiday { province: None },
            ..Policy::default()
        });
        assert!(!leave.is_business_day(bridge).unwrap());
        assert_eq!(
            leave.day_kind(bridge).unwrap(),
            DayKind::AdministrativeLeave
        );
        // Regional leave (Malatya, 2025-02-06) applies only where the province is given.
        let quake = d(2025, 2, 6);
        assert!(leave.is_business_day(quake).unwrap());
        let malatya = base.with_policy(Policy {
            administrative_leave: AdministrativeLeavePolicy::Holiday {
                province: Some("Malatya".parse().unwrap()),
            },
            ..Policy::default()
        });
        assert!(!malatya.is_business_day(quake).unwrap());
        // Morning leave on an arife whose afternoon is a holiday closes the whole day.
        let arife = d(2024, 4, 9);
        assert!(base.is_business_day(arife).unwrap());
        assert!(!leave.is_business_day(arife).unwrap());
    }

    #[test]
    fn out_of_range_is_a_typed_error() {
        let cal = Calendar::turkey();
        for date in [d(2003, 12, 31), d(2041, 1, 1)] {
            assert!(matches!(
                cal.is_business_day(date),
                Err(CalendarError::OutOfRange { .. })
            ));
        }
        assert!(cal.add_business_days(d(2040, 12, 20), 15).is_err());
        assert!(cal.add_business_days(d(2040, 12, 20), u32::MAX).is_err());
        assert!(cal.holidays(2041).is_err());
        assert!(cal.holidays(2003).is_err());
        assert!(cal.holidays(i32::MAX).is_err());
        assert!(cal.business_due_epoch(i64::MAX, 15).is_err());
        assert!(cal.business_due_epoch(i64::MIN, 15).is_err());
        assert!(cal.is_estimated(d(2033, 1, 1)));
        assert!(!cal.is_estimated(d(2032, 12, 31)));
    }

    #[test]
    fn patch_adds_corrects_and_extends() {
        let cal = Calendar::turkey();
        let patch = CalendarPatch {
            holidays: vec![Holiday {
                date: d(2041, 1, 1),
                name_tr: "Yılbaşı".into(),
                name_en: "New Year's Day".into(),
                half_day: false,
                estimated: false,
            }],
            remove_holidays: vec![d(2027, 7, 15)],
            administrative_leave: vec![AdministrativeLeave {
                date: d(2027, 3, 12),
                portion: LeavePortion::Full,
                occasion: "Ramazan Bayramı bridge".into(),
                provinces: vec![],
            }],
            covers_until: Some(d(2041, 12, 31)),
        };
        let patched = cal.patched(&patch).unwrap();
        assert!(!patched.is_business_day(d(2041, 1, 1)).unwrap());
        assert!(patched.is_business_day(d(2041, 1, 2)).unwrap());
        assert!(patched.is_business_day(d(2027, 7, 15)).unwrap());
        assert!(patched.is_estimated(d(2041, 6, 1)));
        // The original is untouched.
        assert!(!cal.is_business_day(d(2027, 7, 15)).unwrap());
        // A patch outside the range without covers_until is refused.
        let bad = CalendarPatch {
            holidays: patch.holidays.clone(),
            ..CalendarPatch::default()
        };
        assert!(matches!(
            cal.patched(&bad),
            Err(CalendarError::InvalidData { .. })
        ));
        // Bad CSV names its line.
        let err =
            CalendarPatch::from_csv("date,name_tr,name_en\n2027-02-30,a,b\n", "").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = CalendarPatch::from_csv(
            "",
            "date,portion,occasion,provinces\n2027-01-04,full,x,Atlantis\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("Atlantis"), "{err}");
    }

    #[test]
    fn epoch_fast_path_agrees_with_dates() {
        let cal = Calendar::turkey();
        let epoch = d(1970, 1, 1);
        let mut date = d(2004, 1, 1);
        while date < d(2040, 11, 1) {
            let day = (date - epoch).num_days();
            let slow = cal
                .roll_to_full_business_day(cal.add_business_days(date, 15).unwrap())
                .unwrap();
            let fast = cal.business_due_epoch(day, 15).unwrap();
            assert_eq!(epoch + chrono::Days::new(fast as u64), slow, "{date}");
            let plain = cal.add_business_days_epoch(day, 15).unwrap();
            assert_eq!(
                epoch + chrono::Days::new(plain as u64),
                cal.add_business_days(date, 15).unwrap(),
                "{date}"
            );
            date = date + chrono::Days::new(3);
        }
    }
}
