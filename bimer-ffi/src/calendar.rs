//! The Turkish legal calendar as a uniffi object.
//!
//! `LegalCalendar` rather than `Calendar`: Swift code imports Foundation,
//! whose `Calendar` would make the name ambiguous.

use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{invalid_input, BimerError};
use crate::types::{DayKind, HalfDayPolicy};

/// How administrative-leave days (idari izin) count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum AdministrativeLeavePolicy {
    /// Leave days are business days (the default).
    Ignore,
    /// Leave days count as holidays: national leave everywhere, regional leave
    /// where its province is the one given.
    Holiday {
        /// The province whose regional leave also applies (name or plate code).
        #[serde(default)]
        #[uniffi(default = None)]
        province: Option<String>,
    },
}

/// The counting policy of a calendar (DESIGN §2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// How half days count.
    #[serde(default = "default_half_day")]
    pub half_day: HalfDayPolicy,
    /// How administrative leave counts.
    #[serde(default = "default_leave")]
    pub administrative_leave: AdministrativeLeavePolicy,
}

fn default_half_day() -> HalfDayPolicy {
    HalfDayPolicy::WorkingDayButNotLastDay
}

fn default_leave() -> AdministrativeLeavePolicy {
    AdministrativeLeavePolicy::Ignore
}

impl Default for Policy {
    fn default() -> Self {
        bimer_core::Policy::default().into()
    }
}

impl From<bimer_core::Policy> for Policy {
    fn from(p: bimer_core::Policy) -> Self {
        Policy {
            half_day: p.half_day.into(),
            administrative_leave: match p.administrative_leave {
                bimer_core::AdministrativeLeavePolicy::Ignore => AdministrativeLeavePolicy::Ignore,
                bimer_core::AdministrativeLeavePolicy::Holiday { province } => {
                    AdministrativeLeavePolicy::Holiday {
                        province: province.map(|p| p.name().to_string()),
                    }
                }
            },
        }
    }
}

impl TryFrom<Policy> for bimer_core::Policy {
    type Error = BimerError;

    fn try_from(p: Policy) -> Result<Self, BimerError> {
        Ok(bimer_core::Policy {
            half_day: p.half_day.into(),
            administrative_leave: match p.administrative_leave {
                AdministrativeLeavePolicy::Ignore => bimer_core::AdministrativeLeavePolicy::Ignore,
                AdministrativeLeavePolicy::Holiday { province } => {
                    bimer_core::AdministrativeLeavePolicy::Holiday {
                        province: province
                            .map(|p| {
                                bimer_core::Province::from_str(&p).map_err(|e| {
                                    invalid_input(
                                        "unknown_province",
                                        "administrative_leave.province",
                                        e.to_string(),
                                    )
                                })
                            })
                            .transpose()?,
                    }
                }
            },
        })
    }
}

/// One official holiday (or the holidays of one date, merged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// Turkish name.
    pub name_tr: String,
    /// English name.
    pub name_en: String,
    /// A holiday from 13:00 only (arife, 28 October).
    pub half_day: bool,
    /// A date after Diyanet's confirmed range.
    pub estimated: bool,
}

impl From<bimer_core::Holiday> for Holiday {
    fn from(h: bimer_core::Holiday) -> Self {
        let bimer_core::Holiday {
            date,
            name_tr,
            name_en,
            half_day,
            estimated,
        } = h;
        Holiday {
            date,
            name_tr,
            name_en,
            half_day,
            estimated,
        }
    }
}

/// First and last date with data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct DateRange {
    /// First date with data.
    pub first: NaiveDate,
    /// Last date with data.
    pub last: NaiveDate,
}

/// The Turkish legal calendar under one counting policy: official holidays
/// 2004–2040 with half days, administrative leave, business-day arithmetic.
///
/// Immutable: `with_policy` and `patched_json` return new calendars sharing
/// the data.
#[derive(Debug, uniffi::Object)]
pub struct LegalCalendar {
    pub(crate) inner: bimer_core::Calendar,
}

impl LegalCalendar {
    pub(crate) fn wrap(inner: bimer_core::Calendar) -> Arc<Self> {
        Arc::new(LegalCalendar { inner })
    }
}

#[uniffi::export]
impl LegalCalendar {
    /// The bundled Turkish calendar (2004-01-01 to 2040-12-31) under the
    /// default policy.
    #[uniffi::constructor]
    pub fn turkey() -> Result<Arc<Self>, BimerError> {
        Ok(Self::wrap(bimer_core::Calendar::turkey()))
    }

    /// The same data under another counting policy.
    pub fn with_policy(&self, policy: Policy) -> Result<Arc<Self>, BimerError> {
        Ok(Self::wrap(self.inner.with_policy(policy.try_into()?)))
    }

    /// This calendar with a patch applied: a JSON `CalendarPatch`
    /// (`holidays`, `remove_holidays`, `administrative_leave`, `covers_until`).
    pub fn patched_json(&self, patch_json: String) -> Result<Arc<Self>, BimerError> {
        let patch: bimer_core::CalendarPatch = serde_json::from_str(&patch_json)
            .map_err(|e| invalid_input("invalid_calendar_patch", "", e.to_string()))?;
        Ok(Self::wrap(self.inner.patched(&patch)?))
    }

    /// The counting policy in force.
    pub fn policy(&self) -> Result<Policy, BimerError> {
        Ok(self.inner.policy().into())
    }

    /// First and last date with data.
    pub fn range(&self) -> Result<DateRange, BimerError> {
        let (first, last) = self.inner.range();
        Ok(DateRange { first, last })
    }

    /// Last date whose holidays are all confirmed; later ones are estimates.
    pub fn confirmed_until(&self) -> Result<NaiveDate, BimerError> {
        Ok(self.inner.confirmed_until())
    }

    /// Whether `date` lies after the confirmed range.
    pub fn is_estimated(&self, date: NaiveDate) -> Result<bool, BimerError> {
        Ok(self.inner.is_estimated(date))
    }

    /// Whether `date` is a business day under the policy.
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool, BimerError> {
        Ok(self.inner.is_business_day(date)?)
    }

    /// Whether a period may end on `date`.
    pub fn is_full_business_day(&self, date: NaiveDate) -> Result<bool, BimerError> {
        Ok(self.inner.is_full_business_day(date)?)
    }

    /// What kind of day `date` is under the policy.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind, BimerError> {
        Ok(self.inner.day_kind(date)?.into())
    }

    /// The holiday on `date`, if any (half days included).
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<Holiday>, BimerError> {
        Ok(self.inner.holiday(date).cloned().map(Into::into))
    }

    /// All holidays of `year`, one entry per date, in date order.
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, BimerError> {
        Ok(self
            .inner
            .holidays(year)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The first business day strictly after `date`.
    pub fn next_business_day(&self, date: NaiveDate) -> Result<NaiveDate, BimerError> {
        Ok(self.inner.next_business_day(date)?)
    }

    /// The `n`-th business day after `date` (`date` itself is not counted).
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, BimerError> {
        Ok(self.inner.add_business_days(date, n)?)
    }

    /// Business days in `(from, to]`; negative when `to` is before `from`.
    pub fn business_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, BimerError> {
        Ok(self.inner.business_days_between(from, to)?)
    }

    /// `date` when a period may end on it, else the next day it may (İYUK m.8/2).
    pub fn roll_to_full_business_day(&self, date: NaiveDate) -> Result<NaiveDate, BimerError> {
        Ok(self.inner.roll_to_full_business_day(date)?)
    }
}

/// The default counting policy: half days are business days on which a
/// period may not end; administrative leave is ignored.
#[uniffi::export]
pub fn default_policy() -> Result<Policy, BimerError> {
    Ok(Policy::default())
}
