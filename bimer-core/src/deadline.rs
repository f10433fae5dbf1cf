//! Legal periods and their due dates, with an explanation a lawyer can check.
//!
//! # Counting rules (DESIGN §2.5, law.md §7)
//!
//! 1. Counting starts the day after the triggering event (receipt, notice of
//!    refusal), as in İYUK m.8/1.
//! 2. Business-day periods count only business days of the [`Calendar`]
//!    (657 m.99; 2429 m.2).
//! 3. Calendar-day and month periods count holidays (İYUK m.8/2); months end
//!    on the corresponding day of the last month, or that month's last day
//!    when it has none (HMK m.92/2).
//! 4. A period whose last day is not a full business day ends on the next one
//!    (İYUK m.8/2); under the default [`HalfDayPolicy`](crate::HalfDayPolicy)
//!    a half day is not a full business day.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::application::Category;
use crate::calendar::{Calendar, CalendarError, DayKind, Policy};
use crate::decision::Authority;
use crate::law::{self, SourceStrength};

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// İş günü: business days of the calendar.
    BusinessDays,
    /// Gün: calendar days.
    Days,
    /// Ay: months (HMK m.92/2).
    Months,
}

/// A legal period: `length` units.
///
/// Parses from the short form of the command line: `15bd`, `30d`, `3m`.
///
/// # Example
///
/// ```
/// use bimer_core::{Period, Unit};
/// let p: Period = "15bd".parse().unwrap();
/// assert_eq!(p, Period { length: 15, unit: Unit::BusinessDays });
/// assert_eq!(p.to_string(), "15bd");
/// assert!("15x".parse::<Period>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// How many units.
    pub length: u32,
    /// Which unit.
    pub unit: Unit,
}

impl Period {
    /// `length` business days.
    pub const fn business_days(length: u32) -> Period {
        Period {
            length,
            unit: Unit::BusinessDays,
        }
    }
    /// `length` calendar days.
    pub const fn days(length: u32) -> Period {
        Period {
            length,
            unit: Unit::Days,
        }
    }
    /// `length` months.
    pub const fn months(length: u32) -> Period {
        Period {
            length,
            unit: Unit::Months,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = match self.unit {
            Unit::BusinessDays => "bd",
            Unit::Days => "d",
            Unit::Months => "m",
        };
        write!(f, "{}{}", self.length, suffix)
    }
}

impl FromStr for Period {
    type Err = DeadlineError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let (number, suffix) = s.split_at(digits);
        let unit = match suffix {
            "bd" => Unit::BusinessDays,
            "d" => Unit::Days,
            "m" => Unit::Months,
            _ => return Err(DeadlineError::BadPeriod(s.chars().take(20).collect())),
        };
        let length = number
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=3660).contains(n))
            .ok_or_else(|| DeadlineError::BadPeriod(s.chars().take(20).collect()))?;
        Ok(Period { length, unit })
    }
}

/// A procedure that runs against a legal period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    /// Answer to an information request (4982 m.11).
    InformationRequest,
    /// Answer to a petition (3071 m.7).
    Petition,
    /// Examination of an ethics complaint by the Kamu Görevlileri Etik Kurulu.
    EtikKurulu,
    /// Ethics complaint sent to the institution's disciplinary board.
    DisiplinKurulu,
    /// Application to an il/ilçe human-rights board.
    InsanHaklariKurulu,
    /// Application to TİHEK (6701 m.18).
    Tihek,
    /// The applicant's objection to BEDK after a refusal (4982 m.13).
    BedkObjection,
    /// BEDK's decision on an objection (4982 m.13).
    BedkDecision,
}

impl Procedure {
    /// Every procedure, in declaration order.
    pub const ALL: [Procedure; 8] = [
        Procedure::InformationRequest,
        Procedure::Petition,
        Procedure::EtikKurulu,
        Procedure::DisiplinKurulu,
        Procedure::InsanHaklariKurulu,
        Procedure::Tihek,
        Procedure::BedkObjection,
        Procedure::BedkDecision,
    ];

    /// The snake_case code used on the wire and the command line.
    pub fn code(self) -> &'static str {
        match self {
            Procedure::InformationRequest => "information_request",
            Procedure::Petition => "petition",
            Procedure::EtikKurulu => "etik_kurulu",
            Procedure::DisiplinKurulu => "disiplin_kurulu",
            Procedure::InsanHaklariKurulu => "insan_haklari_kurulu",
            Procedure::Tihek => "tihek",
            Procedure::BedkObjection => "bedk_objection",
            Procedure::BedkDecision => "bedk_decision",
        }
    }

    /// The procedure that answers an application of `category` handled by
    /// `authority` (DESIGN §2.4–2.5), if the pairing exists: information
    /// requests and petitions go to an institution, ethics complaints to the
    /// Etik Kurulu or a disciplinary board, human-rights applications to a
    /// board or TİHEK.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Authority, Category, Procedure};
    /// assert_eq!(
    ///     Procedure::for_route(Category::HumanRights, Authority::Tihek),
    ///     Some(Procedure::Tihek)
    /// );
    /// assert_eq!(Procedure::for_route(Category::Petition, Authority::Tihek), None);
    /// ```
    pub fn for_route(category: Category, authority: Authority) -> Option<Procedure> {
        use Authority as A;
        Some(match (category, authority) {
            (Category::InformationRequest, A::Institution) => Procedure::InformationRequest,
            (Category::Petition, A::Institution) => Procedure::Petition,
            (Category::EthicsComplaint, A::EtikKurulu) => Procedure::EtikKurulu,
            (Category::EthicsComplaint, A::DisiplinKurulu) => Procedure::DisiplinKurulu,
            (Category::HumanRights, A::InsanHaklariKurulu) => Procedure::InsanHaklariKurulu,
            (Category::HumanRights, A::Tihek) => Procedure::Tihek,
            _ => return None,
        })
    }

    /// The period rule for this procedure.
    pub fn rule(self) -> &'static PeriodRule {
        RULES
            .iter()
            .find(|r| r.procedure == self)
            .expect("every procedure has a rule")
    }
}

impl FromStr for Procedure {
    type Err = DeadlineError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Procedure::ALL
            .into_iter()
            .find(|p| p.code() == s)
            .ok_or_else(|| DeadlineError::UnknownProcedure(s.chars().take(40).collect()))
    }
}

/// The period of one procedure, with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodRule {
    /// The procedure.
    pub procedure: Procedure,
    /// The basic period.
    pub period: Period,
    /// The longest the period may be extended to, counted from the same start.
    pub extendable_to: Option<Period>,
    /// What starts the period.
    pub starts_after: &'static str,
    /// The article.
    pub citation: &'static str,
    /// How strongly the rule is sourced.
    pub source: SourceStrength,
    /// First receipt date the rule applies to.
    pub valid_from: NaiveDate,
    /// Last receipt date the rule applies to, if it has ended.
    pub valid_to: Option<NaiveDate>,
}

/// The period rules (DESIGN §2.5; law.md §§2.6, 2.8, 3.5, 4.5, 5.1, 5.3).
pub const RULES: &[PeriodRule] = &[
    PeriodRule {
        procedure: Procedure::InformationRequest,
        period: Period::business_days(15),
        extendable_to: Some(Period::business_days(30)),
        starts_after: "receipt",
        citation: "4982 m.11",
        source: SourceStrength::Verified,
        valid_from: law::LAW_4982_IN_FORCE,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::Petition,
        period: Period::days(30),
        extendable_to: None,
        starts_after: "receipt",
        citation: "3071 m.7",
        source: SourceStrength::Verified,
        valid_from: law::LAW_3071_30_DAY_ANSWER,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::EtikKurulu,
        period: Period::months(3),
        extendable_to: None,
        starts_after: "receipt",
        citation: "5176; Etik Yön. (Kurul inceleme süresi)",
        source: SourceStrength::Secondary,
        valid_from: law::LAW_5176_IN_FORCE,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::DisiplinKurulu,
        period: Period::days(30),
        extendable_to: None,
        starts_after: "receipt",
        citation: "3071 m.7 (cevap süresi); Etik Yön. (disiplin kurulu yolu)",
        source: SourceStrength::Secondary,
        valid_from: law::LAW_5176_IN_FORCE,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::InsanHaklariKurulu,
        period: Period::days(30),
        extendable_to: None,
        starts_after: "receipt",
        citation: "3071 m.7; İl ve İlçe İnsan Hakları Kurulları Yön. (2003)",
        source: SourceStrength::Memory,
        valid_from: law::HUMAN_RIGHTS_BOARDS_REGULATION,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::Tihek,
        period: Period::months(3),
        extendable_to: Some(Period::months(6)),
        starts_after: "receipt",
        citation: "6701 m.18",
        source: SourceStrength::Verified,
        valid_from: law::LAW_6701_IN_FORCE,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::BedkObjection,
        period: Period::days(15),
        extendable_to: None,
        starts_after: "notice of refusal",
        citation: "4982 m.13",
        source: SourceStrength::Verified,
        valid_from: law::LAW_4982_IN_FORCE,
        valid_to: None,
    },
    PeriodRule {
        procedure: Procedure::BedkDecision,
        period: Period::business_days(30),
        extendable_to: None,
        starts_after: "receipt of the objection",
        citation: "4982 m.13",
        source: SourceStrength::Verified,
        valid_from: law::LAW_4982_IN_FORCE,
        valid_to: None,
    },
];

/// Errors of the deadline engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// A date the calendar has no data for.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A period text that is not `<n>bd`, `<n>d` or `<n>m` (1 ≤ n ≤ 3660).
    #[error("period `{0}` is not of the form 15bd, 30d or 3m (length 1-3660)")]
    BadPeriod(String),
    /// A procedure code that does not exist.
    #[error("unknown procedure `{0}`")]
    UnknownProcedure(String),
    /// The procedure's law did not apply on that date.
    #[error("{procedure} has no period rule on {date}: {citation} applies from {valid_from}")]
    NotInForce {
        /// The procedure's code.
        procedure: &'static str,
        /// The date of the triggering event.
        date: NaiveDate,
        /// The rule's citation.
        citation: &'static str,
        /// When the rule starts to apply.
        valid_from: NaiveDate,
    },
}

/// A computed due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The day the triggering event happened (receipt, notice).
    pub start_event_on: NaiveDate,
    /// The last day to act.
    pub due_on: NaiveDate,
    /// The period.
    pub period: Period,
    /// The latest due date if the period is extended.
    pub extendable_to: Option<NaiveDate>,
    /// The article the period comes from.
    pub citation: Cow<'static, str>,
    /// Whether any day of the period lies in the estimated calendar range.
    pub estimated: bool,
}

/// Why the due date is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The first day counted (the day after the triggering event).
    pub counting_starts_on: NaiveDate,
    /// The last day of the bare count, before any roll-forward.
    pub last_counted_day: NaiveDate,
    /// The day the period ends on after the roll-forward (= `due_on`).
    pub due_on: NaiveDate,
    /// Every day that was not counted (business-day periods) or that the end
    /// moved past (all periods), with the reason.
    pub skipped: Vec<SkippedDay>,
    /// The counting policy in force.
    pub policy: Policy,
    /// The rules applied, each with its article.
    pub rules: Vec<String>,
}

/// Why a day was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Not a business day, so not counted (business-day periods).
    NotABusinessDay,
    /// The period would have ended here, but may not end on this day, so the
    /// end moved past it (İYUK m.8/2).
    PeriodCannotEndHere,
}

/// One day left out of a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkippedDay {
    /// The date.
    pub date: NaiveDate,
    /// What kind of day it is.
    pub kind: DayKind,
    /// Why it was skipped.
    pub reason: SkipReason,
    /// The holiday or leave's Turkish name, when it is one.
    pub name_tr: Option<String>,
    /// The English name.
    pub name_en: Option<String>,
}

fn end_of(
    calendar: &Calendar,
    start_event_on: NaiveDate,
    period: Period,
) -> Result<(NaiveDate, NaiveDate), DeadlineError> {
    let last = match period.unit {
        Unit::BusinessDays => calendar.add_business_days(start_event_on, period.length)?,
        Unit::Days => start_event_on
            .checked_add_days(chrono::Days::new(period.length.into()))
            .ok_or(CalendarError::OutOfRange {
                date: NaiveDate::MAX,
                first: calendar.range().0,
                last: calendar.range().1,
            })?,
        // HMK m.92/2: chrono clamps to the month's last day when the
        // corresponding day does not exist.
        Unit::Months => start_event_on
            .checked_add_months(Months::new(period.length))
            .ok_or(CalendarError::OutOfRange {
                date: NaiveDate::MAX,
                first: calendar.range().0,
                last: calendar.range().1,
            })?,
    };
    Ok((last, calendar.roll_to_full_business_day(last)?))
}

/// The due date of `period` counted from `start_event_on` (which is not itself
/// counted), with the citation given.
///
/// # Errors
///
/// [`DeadlineError::Calendar`] when a date falls outside the calendar's data.
///
/// # Example
///
/// ```
/// use bimer_core::{deadline, Calendar, Period};
/// use chrono::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // 3071 m.7: the 30th day is 1 January 2027, a holiday → Monday 4 January.
/// let due = deadline(&Calendar::turkey(), d(2026, 12, 2), Period::days(30), None, "3071 m.7").unwrap();
/// assert_eq!(due.due_on, d(2027, 1, 4));
/// ```
pub fn deadline(
    calendar: &Calendar,
    start_event_on: NaiveDate,
    period: Period,
    extendable_to: Option<Period>,
    citation: impl Into<Cow<'static, str>>,
) -> Result<Deadline, DeadlineError> {
    let (_, due_on) = end_of(calendar, start_event_on, period)?;
    let extended = extendable_to
        .map(|p| end_of(calendar, start_event_on, p).map(|(_, due)| due))
        .transpose()?;
    let latest = extended.unwrap_or(due_on).max(due_on);
    Ok(Deadline {
        start_event_on,
        due_on,
        period,
        extendable_to: extended,
        citation: citation.into(),
        estimated: calendar.is_estimated(latest),
    })
}

/// The due date of `procedure` for an event on `start_event_on`, under the
/// period rule in force on that date.
///
/// # Errors
///
/// [`DeadlineError::NotInForce`] before the procedure's law applied;
/// [`DeadlineError::Calendar`] outside the calendar's data.
///
/// # Example
///
/// ```
/// use bimer_core::{deadline_for, Calendar, Procedure};
/// use chrono::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let due = deadline_for(&Calendar::turkey(), Procedure::InformationRequest, d(2026, 12, 31)).unwrap();
/// assert_eq!(due.due_on, d(2027, 1, 22));
/// assert_eq!(due.extendable_to, Some(d(2027, 2, 12)));
/// assert_eq!(due.citation, "4982 m.11");
/// ```
pub fn deadline_for(
    calendar: &Calendar,
    procedure: Procedure,
    start_event_on: NaiveDate,
) -> Result<Deadline, DeadlineError> {
    let rule = procedure.rule();
    if start_event_on < rule.valid_from || rule.valid_to.is_some_and(|to| start_event_on > to) {
        return Err(DeadlineError::NotInForce {
            procedure: procedure.code(),
            date: start_event_on,
            citation: rule.citation,
            valid_from: rule.valid_from,
        });
    }
    deadline(
        calendar,
        start_event_on,
        rule.period,
        rule.extendable_to,
        rule.citation,
    )
}

impl Deadline {
    /// Explains the due date: the days skipped with their holiday names, the
    /// policy and the rules applied. Computed on demand, so plain deadline
    /// arithmetic stays allocation-free.
    ///
    /// # Errors
    ///
    /// [`DeadlineError::Calendar`] when `calendar` lacks the dates (a calendar
    /// other than the one the deadline was computed with).
    pub fn explain(&self, calendar: &Calendar) -> Result<Explanation, DeadlineError> {
        let (last, due_on) = end_of(calendar, self.start_event_on, self.period)?;
        let counting_starts_on = self.start_event_on.succ_opt().unwrap_or(NaiveDate::MAX);
        let from = match self.period.unit {
            Unit::BusinessDays => counting_starts_on,
            _ => last,
        };
        let mut skipped = Vec::new();
        for date in from.iter_days().take_while(|d| *d < due_on) {
            // Before the last counted day only non-business days are left out;
            // from it on, every day is one the end moved past.
            if date < last && calendar.is_business_day(date)? {
                continue;
            }
            let kind = calendar.day_kind(date)?;
            let (name_tr, name_en) = match (calendar.holiday(date), kind) {
                (_, DayKind::AdministrativeLeave) => {
                    let occasion = calendar
                        .administrative_leave_on(date)
                        .next()
                        .map(|l| l.occasion.clone());
                    (
                        occasion.clone().map(|o| format!("İdari izin: {o}")),
                        occasion,
                    )
                }
                (Some(h), _) => (Some(h.name_tr.clone()), Some(h.name_en.clone())),
                (None, _) => (None, None),
            };
            skipped.push(SkippedDay {
                date,
                kind,
                reason: if date < last {
                    SkipReason::NotABusinessDay
                } else {
                    SkipReason::PeriodCannotEndHere
                },
                name_tr,
                name_en,
            });
        }
        let policy = calendar.policy();
        let mut rules = vec![
            format!(
                "{}: {} from {}",
                self.citation, self.period, self.start_event_on
            ),
            "İYUK m.8/1: counting starts the day after the event".to_string(),
        ];
        rules.push(match self.period.unit {
            Unit::BusinessDays => {
                "657 m.99; 2429 m.2: business days are Monday-Friday except official holidays"
                    .to_string()
            }
            Unit::Days => "İYUK m.8/2: holidays inside the period are counted".to_string(),
            Unit::Months => {
                "HMK m.92/2: the corresponding day of the last month, or its last day".to_string()
            }
        });
        if due_on != last {
            rules.push(
                "İYUK m.8/2: a period ending on a day that is not a full business day ends on the next one"
                    .to_string(),
            );
        }
        rules.push(format!(
            "half days: {}; administrative leave: {}",
            match policy.half_day {
                crate::HalfDayPolicy::WorkingDayButNotLastDay =>
                    "business days, but a period cannot end on one (law.md §7)",
                crate::HalfDayPolicy::WorkingDay => "business days",
                crate::HalfDayPolicy::Holiday => "holidays",
            },
            match policy.administrative_leave {
                crate::AdministrativeLeavePolicy::Ignore =>
                    "business days (not an official holiday; majority case law, law.md §7)",
                crate::AdministrativeLeavePolicy::Holiday { .. } => "holidays",
            }
        ));
        if self.estimated {
            rules.push(format!(
                "estimated: the calendar is confirmed only until {}",
                calendar.confirmed_until()
            ));
        }
        Ok(Explanation {
            counting_starts_on,
            last_counted_day: last,
            due_on,
            skipped,
            policy,
            rules,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HalfDayPolicy, Policy};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn due(p: Procedure, received: NaiveDate) -> Deadline {
        deadline_for(&Calendar::turkey(), p, received).unwrap()
    }

    /// 4982 m.11: 15 business days, extendable to 30 from the same start;
    /// 1 January is a holiday (2429 m.2).
    #[test]
    fn law_4982_article_11_over_new_year() {
        let x = due(Procedure::InformationRequest, d(2026, 12, 31));
        assert_eq!(x.due_on, d(2027, 1, 22));
        assert_eq!(x.extendable_to, Some(d(2027, 2, 12)));
        assert_eq!(x.citation, "4982 m.11");
        assert!(!x.estimated);
    }

    /// 4982 m.11 with the half-day rule (law.md §7): the 15th business day is
    /// the Ramazan arife 2027-03-08; the period moves past the bayram.
    #[test]
    fn law_4982_article_11_ending_on_arife() {
        let x = due(Procedure::InformationRequest, d(2027, 2, 15));
        assert_eq!(x.due_on, d(2027, 3, 12));
        let lax = Calendar::turkey().with_policy(Policy {
            half_day: HalfDayPolicy::WorkingDay,
            ..Policy::default()
        });
        let y = deadline_for(&lax, Procedure::InformationRequest, d(2027, 2, 15)).unwrap();
        assert_eq!(y.due_on, d(2027, 3, 8));
        // 28 October afternoon: the 15th business day from 2027-10-07.
        assert_eq!(
            due(Procedure::InformationRequest, d(2027, 10, 7)).due_on,
            d(2027, 11, 1)
        );
    }

    /// İYUK m.8/1: receipt on a Saturday; counting starts Sunday, the first
    /// business day counted is Monday.
    #[test]
    fn iyuk_8_1_receipt_on_a_weekend() {
        let x = due(Procedure::InformationRequest, d(2026, 11, 28));
        assert_eq!(x.due_on, d(2026, 12, 18));
        assert_eq!(x.extendable_to, Some(d(2027, 1, 11)));
    }

    /// 3071 m.7 with İYUK m.8/2: the 30th day is 1 January 2027 → Monday 4 January.
    #[test]
    fn law_3071_article_7_last_day_on_holiday() {
        let x = due(Procedure::Petition, d(2026, 12, 2));
        assert_eq!(x.due_on, d(2027, 1, 4));
        assert_eq!(x.extendable_to, None);
        let why = x.explain(&Calendar::turkey()).unwrap();
        assert_eq!(why.last_counted_day, d(2027, 1, 1));
        assert_eq!(why.skipped.len(), 3); // Friday holiday, Saturday, Sunday
        assert_eq!(why.skipped[0].name_tr.as_deref(), Some("Yılbaşı"));
        assert!(why
            .skipped
            .iter()
            .all(|s| s.reason == SkipReason::PeriodCannotEndHere));
        // Holidays inside a calendar-day period are counted (İYUK m.8/2).
        assert_eq!(
            due(Procedure::Petition, d(2026, 3, 1)).due_on,
            d(2026, 3, 31)
        );
    }

    /// HMK m.92/2: a month period ends on the corresponding day, or on the
    /// month's last day when there is none; then İYUK m.8/2 rolls it forward.
    #[test]
    fn hmk_92_2_month_periods() {
        // 31 January + 3 months: no 31 April → 30 April 2027 (Friday).
        assert_eq!(
            due(Procedure::EtikKurulu, d(2027, 1, 31)).due_on,
            d(2027, 4, 30)
        );
        // 30 November 2026 + 3 months = 28 February 2027, a Sunday → 1 March.
        assert_eq!(
            due(Procedure::EtikKurulu, d(2026, 11, 30)).due_on,
            d(2027, 3, 1)
        );
    }

    /// 6701 m.18: TİHEK concludes in 3 months, extendable once by 3 months.
    #[test]
    fn law_6701_article_18_tihek() {
        let x = due(Procedure::Tihek, d(2026, 8, 31));
        assert_eq!(x.due_on, d(2026, 11, 30));
        assert_eq!(x.extendable_to, Some(d(2027, 3, 1))); // 28 Feb is a Sunday
        assert_eq!(x.citation, "6701 m.18");
    }

    /// 4982 m.13: objection within 15 days (calendar) of the refusal notice;
    /// BEDK decides within 30 business days.
    #[test]
    fn law_4982_article_13_bedk() {
        assert_eq!(
            due(Procedure::BedkObjection, d(2026, 12, 17)).due_on,
            d(2027, 1, 4)
        );
        assert_eq!(
            due(Procedure::BedkObjection, d(2026, 12, 1)).due_on,
            d(2026, 12, 16)
        );
        assert_eq!(
            due(Procedure::BedkDecision, d(2026, 11, 28)).due_on,
            d(2027, 1, 11)
        );
    }

    /// 3071 m.7 via the disciplinary and human-rights board routes: 30 days.
    #[test]
    fn thirty_day_board_routes() {
        for p in [Procedure::DisiplinKurulu, Procedure::InsanHaklariKurulu] {
            assert_eq!(due(p, d(2026, 12, 2)).due_on, d(2027, 1, 4));
        }
    }

    /// Validity: each rule applies from its law's entry into force, on both sides.
    #[test]
    fn rules_apply_from_their_law() {
        let cal = Calendar::turkey();
        for (p, day_before, first_day) in [
            (
                Procedure::InformationRequest,
                d(2004, 4, 23),
                d(2004, 4, 24),
            ), // 4982 m.32
            (Procedure::BedkObjection, d(2004, 4, 23), d(2004, 4, 24)),
            (Procedure::EtikKurulu, d(2004, 6, 7), d(2004, 6, 8)), // 5176, RG 08.06.2004
            (Procedure::Tihek, d(2016, 4, 19), d(2016, 4, 20)),    // 6701 m.29
        ] {
            assert!(
                matches!(
                    deadline_for(&cal, p, day_before),
                    Err(DeadlineError::NotInForce { .. })
                ),
                "{p:?} {day_before}"
            );
            assert!(
                deadline_for(&cal, p, first_day).is_ok(),
                "{p:?} {first_day}"
            );
        }
    }

    #[test]
    fn estimated_range_is_reported() {
        let x = due(Procedure::InformationRequest, d(2032, 12, 20));
        assert_eq!(x.due_on, d(2033, 1, 12));
        assert!(x.estimated);
        let why = x.explain(&Calendar::turkey()).unwrap();
        assert!(why.rules.iter().any(|r| r.starts_with("estimated")));
        assert!(!due(Procedure::InformationRequest, d(2032, 11, 1)).estimated);
    }

    #[test]
    fn explanation_lists_every_skipped_business_day() {
        let cal = Calendar::turkey();
        let x = due(Procedure::InformationRequest, d(2026, 12, 31));
        let why = x.explain(&cal).unwrap();
        assert_eq!(why.counting_starts_on, d(2027, 1, 1));
        let counted = why
            .counting_starts_on
            .iter_days()
            .take_while(|day| *day <= why.due_on)
            .filter(|day| !why.skipped.iter().any(|s| s.date == *day))
            .count();
        assert_eq!(counted, 15);
        assert!(why.rules.iter().any(|r| r.contains("4982 m.11")));
    }

    #[test]
    fn period_text_round_trips_and_rejects_garbage() {
        for text in ["15bd", "30d", "3m", "1d", "3660bd"] {
            assert_eq!(text.parse::<Period>().unwrap().to_string(), text);
        }
        for bad in [
            "",
            "bd",
            "0d",
            "-3m",
            "3y",
            "15 bd",
            "99999999999d",
            "3661d",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        assert!(matches!(
            "x".parse::<Procedure>(),
            Err(DeadlineError::UnknownProcedure(_))
        ));
        for p in Procedure::ALL {
            assert_eq!(p.code().parse::<Procedure>().unwrap(), p);
        }
    }

    #[test]
    fn past_the_data_is_an_error_not_a_panic() {
        let cal = Calendar::turkey();
        assert!(deadline(&cal, d(2040, 12, 1), Period::months(3), None, "x").is_err());
        assert!(deadline(&cal, d(2040, 12, 1), Period::days(3660), None, "x").is_err());
        assert!(deadline(&cal, NaiveDate::MAX, Period::days(1), None, "x").is_err());
        assert!(deadline(&cal, NaiveDate::MAX, Period::months(1), None, "x").is_err());
    }
}
