//! Legal periods and due dates, with their explanation.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{LegalCalendar, Policy};
use crate::error::BimerError;
use crate::types::{DayKind, Period, Procedure, SkipReason, SourceStrength};

/// A computed due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
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
    /// The article.
    pub citation: String,
    /// Whether any day of the period lies in the estimated calendar range.
    pub estimated: bool,
}

impl From<bimer_core::Deadline> for Deadline {
    fn from(d: bimer_core::Deadline) -> Self {
        let bimer_core::Deadline {
            start_event_on,
            due_on,
            period,
            extendable_to,
            citation,
            estimated,
        } = d;
        Deadline {
            start_event_on,
            due_on,
            period: period.into(),
            extendable_to,
            citation: citation.into_owned(),
            estimated,
        }
    }
}

impl From<Deadline> for bimer_core::Deadline {
    fn from(d: Deadline) -> Self {
        bimer_core::Deadline {
            start_event_on: d.start_event_on,
            due_on: d.due_on,
            period: d.period.into(),
            extendable_to: d.extendable_to,
            citation: Cow::Owned(d.citation),
            estimated: d.estimated,
        }
    }
}

/// One day left out of a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct SkippedDay {
    /// The date.
    pub date: NaiveDate,
    /// What kind of day it is.
    pub kind: DayKind,
    /// Why it was skipped.
    pub reason: SkipReason,
    /// The holiday or leave's Turkish name.
    pub name_tr: Option<String>,
    /// The English name.
    pub name_en: Option<String>,
}

/// Why the due date is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The first day counted.
    pub counting_starts_on: NaiveDate,
    /// The last day of the bare count, before any roll-forward.
    pub last_counted_day: NaiveDate,
    /// The day the period ends on (= `due_on`).
    pub due_on: NaiveDate,
    /// Every day not counted or moved past, with the reason.
    pub skipped: Vec<SkippedDay>,
    /// The counting policy in force.
    pub policy: Policy,
    /// The rules applied, each with its article.
    pub rules: Vec<String>,
}

impl From<bimer_core::Explanation> for Explanation {
    fn from(e: bimer_core::Explanation) -> Self {
        let bimer_core::Explanation {
            counting_starts_on,
            last_counted_day,
            due_on,
            skipped,
            policy,
            rules,
        } = e;
        Explanation {
            counting_starts_on,
            last_counted_day,
            due_on,
            skipped: skipped
                .into_iter()
                .map(|s| SkippedDay {
                    date: s.date,
                    kind: s.kind.into(),
                    reason: s.reason.into(),
                    name_tr: s.name_tr,
                    name_en: s.name_en,
                })
                .collect(),
            policy: policy.into(),
            rules,
        }
    }
}

/// The period of one procedure, with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct PeriodRule {
    /// The procedure.
    pub procedure: Procedure,
    /// The basic period.
    pub period: Period,
    /// The longest the period may be extended to, from the same start.
    pub extendable_to: Option<Period>,
    /// What starts the period.
    pub starts_after: String,
    /// The article.
    pub citation: String,
    /// How strongly the rule is sourced.
    pub source: SourceStrength,
    /// First date the rule applies to.
    pub valid_from: NaiveDate,
    /// Last date the rule applies to, if it has ended.
    pub valid_to: Option<NaiveDate>,
}

/// The due date of `procedure` for an event on `start_event_on`, under the
/// period rule in force on that date.
#[uniffi::export]
pub fn deadline_for(
    calendar: Arc<LegalCalendar>,
    procedure: Procedure,
    start_event_on: NaiveDate,
) -> Result<Deadline, BimerError> {
    Ok(bimer_core::deadline_for(&calendar.inner, procedure.into(), start_event_on)?.into())
}

/// The due date of `period` counted from `start_event_on` (not itself
/// counted), with the citation given.
#[uniffi::export]
pub fn deadline(
    calendar: Arc<LegalCalendar>,
    start_event_on: NaiveDate,
    period: Period,
    extendable_to: Option<Period>,
    citation: String,
) -> Result<Deadline, BimerError> {
    Ok(bimer_core::deadline(
        &calendar.inner,
        start_event_on,
        period.into(),
        extendable_to.map(Into::into),
        citation,
    )?
    .into())
}

/// Explains a due date: the days skipped with their holiday names, the
/// policy and the rules applied.
#[uniffi::export]
pub fn explain_deadline(
    calendar: Arc<LegalCalendar>,
    deadline: Deadline,
) -> Result<Explanation, BimerError> {
    let core: bimer_core::Deadline = deadline.into();
    Ok(core.explain(&calendar.inner)?.into())
}

/// Reads a period in the command line's short form: `15bd`, `30d`, `3m`.
#[uniffi::export]
pub fn parse_period(text: String) -> Result<Period, BimerError> {
    Ok(bimer_core::Period::from_str(&text)?.into())
}

/// The procedure for a wire code (`information_request`, `tihek`, …).
#[uniffi::export]
pub fn procedure_from_code(code: String) -> Result<Procedure, BimerError> {
    Ok(bimer_core::Procedure::from_str(&code)?.into())
}

/// The period rule of a procedure, with its article.
#[uniffi::export]
pub fn period_rule(procedure: Procedure) -> Result<PeriodRule, BimerError> {
    let r = bimer_core::Procedure::from(procedure).rule();
    Ok(PeriodRule {
        procedure: r.procedure.into(),
        period: r.period.into(),
        extendable_to: r.extendable_to.map(Into::into),
        starts_after: r.starts_after.to_string(),
        citation: r.citation.to_string(),
        source: r.source.into(),
        valid_from: r.valid_from,
        valid_to: r.valid_to,
    })
}
