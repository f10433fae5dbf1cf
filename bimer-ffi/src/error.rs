//! The one public error of the bindings and the one place errors are mapped.
//!
//! `bimer_core::Error` is rich and may grow (`#[non_exhaustive]`); foreign code
//! gets a small, stable enum instead. Every variant carries the core's stable
//! snake_case `code` (what a program should branch on) and `detail`, the
//! core's message (never an identity number: the core masks personal data).
//!
//! Field names avoid `message`: a uniffi error field of that name does not
//! compile in Kotlin, where it clashes with `Throwable.message`.
//!
//! In Kotlin this is `sealed class BimerException : Exception` with one
//! subclass per variant; in Swift `enum BimerError: Error`.

use bimer_core::{CalendarError, DeadlineError, InvalidCase, LexiconError, LifecycleError};

/// Every error a bimer binding raises.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum BimerError {
    /// An input that cannot be read: an application (`invalid_application`,
    /// with the dotted `field` such as `applicant.tckn`), a period text
    /// (`invalid_period`), a procedure code (`unknown_procedure`), a date
    /// string (`invalid_date`), a province (`unknown_province`) or a calendar
    /// patch (`invalid_calendar_patch`), a case history (`invalid_case`,
    /// with the field such as `events[2].on`) or a lexicon
    /// (`invalid_lexicon`, with the field `line N`).
    #[error("{detail}")]
    InvalidInput {
        /// Stable snake_case code.
        code: String,
        /// The field at fault, dotted (`applicant.nationality`); empty when
        /// the whole input is at fault or the field is not known.
        field: String,
        /// What is wrong with it.
        problem: String,
        /// The full message.
        detail: String,
    },
    /// A date outside the calendar's data (`calendar_out_of_range`): no answer
    /// is better than a guess.
    #[error("{detail}")]
    OutOfRange {
        /// Stable snake_case code.
        code: String,
        /// The date asked about (`YYYY-MM-DD`; a sign and more digits past 9999).
        date: String,
        /// First date with data.
        first: String,
        /// Last date with data.
        last: String,
        /// The full message.
        detail: String,
    },
    /// The procedure's law did not apply on the date (`law_not_in_force`).
    #[error("{detail}")]
    LawNotInForce {
        /// Stable snake_case code.
        code: String,
        /// The procedure's code (`information_request`).
        procedure: String,
        /// The date of the triggering event.
        date: String,
        /// When the rule starts to apply.
        valid_from: String,
        /// The rule's article.
        citation: String,
        /// The full message.
        detail: String,
    },
    /// A case history that breaks a rule of the lifecycle: a second
    /// extension (`extension_twice`), an extension or objection too late
    /// (`extension_late`, `objection_late`), an answer before receipt
    /// (`before_receipt`), … `detail` starts with the article broken.
    #[error("{detail}")]
    LifecycleViolation {
        /// Stable snake_case code.
        code: String,
        /// The full message, starting with the article.
        detail: String,
    },
    /// Calendar data or a patch that cannot be used (`invalid_calendar_data`).
    #[error("{detail}")]
    InvalidCalendarData {
        /// Stable snake_case code.
        code: String,
        /// The full message.
        detail: String,
    },
    /// An error this version of the bindings does not know (a newer core).
    #[error("{detail}")]
    Other {
        /// Stable snake_case code.
        code: String,
        /// The full message.
        detail: String,
    },
}

/// The one mapping from the core's error to the public one.
impl From<bimer_core::Error> for BimerError {
    fn from(e: bimer_core::Error) -> Self {
        let code = e.code().to_string();
        let detail = e.to_string();
        match e {
            bimer_core::Error::InvalidApplication(a) => BimerError::InvalidInput {
                code,
                field: a.field,
                problem: a.problem,
                detail,
            },
            bimer_core::Error::Calendar(c)
            | bimer_core::Error::Deadline(DeadlineError::Calendar(c)) => match c {
                CalendarError::OutOfRange { date, first, last } => BimerError::OutOfRange {
                    code,
                    date: date.to_string(),
                    first: first.to_string(),
                    last: last.to_string(),
                    detail,
                },
                CalendarError::InvalidData { .. } => {
                    BimerError::InvalidCalendarData { code, detail }
                }
            },
            bimer_core::Error::Deadline(DeadlineError::BadPeriod(text))
            | bimer_core::Error::Deadline(DeadlineError::UnknownProcedure(text)) => {
                BimerError::InvalidInput {
                    code,
                    field: String::new(),
                    problem: format!("`{text}`"),
                    detail,
                }
            }
            bimer_core::Error::Deadline(DeadlineError::NotInForce {
                procedure,
                date,
                citation,
                valid_from,
            }) => BimerError::LawNotInForce {
                code,
                procedure: procedure.to_string(),
                date: date.to_string(),
                valid_from: valid_from.to_string(),
                citation: citation.to_string(),
                detail,
            },
            bimer_core::Error::InvalidCase(c) => BimerError::InvalidInput {
                code,
                field: c.field,
                problem: c.problem,
                detail,
            },
            bimer_core::Error::Lifecycle(_) => BimerError::LifecycleViolation { code, detail },
            _ => BimerError::Other { code, detail },
        }
    }
}

impl From<bimer_core::InvalidApplication> for BimerError {
    fn from(e: bimer_core::InvalidApplication) -> Self {
        bimer_core::Error::from(e).into()
    }
}

impl From<CalendarError> for BimerError {
    fn from(e: CalendarError) -> Self {
        bimer_core::Error::from(e).into()
    }
}

impl From<DeadlineError> for BimerError {
    fn from(e: DeadlineError) -> Self {
        bimer_core::Error::from(e).into()
    }
}

impl From<InvalidCase> for BimerError {
    fn from(e: InvalidCase) -> Self {
        bimer_core::Error::from(e).into()
    }
}

impl From<LifecycleError> for BimerError {
    fn from(e: LifecycleError) -> Self {
        bimer_core::Error::from(e).into()
    }
}

/// A lexicon is not one of the core's `Error`s (it is loaded, not used per
/// application): the same `InvalidInput` shape, naming the line.
impl From<LexiconError> for BimerError {
    fn from(e: LexiconError) -> Self {
        let detail = e.to_string();
        BimerError::InvalidInput {
            code: "invalid_lexicon".to_string(),
            field: format!("line {}", e.line),
            problem: e.message,
            detail,
        }
    }
}

/// Input that only the bindings read (dates as text from Swift, provinces in
/// a policy, a calendar patch): the same `InvalidInput` shape as the core's.
pub(crate) fn invalid_input(code: &str, field: &str, problem: String) -> BimerError {
    let detail = if field.is_empty() {
        format!("{code}: {problem}")
    } else {
        format!("{code}: {field}: {problem}")
    };
    BimerError::InvalidInput {
        code: code.to_string(),
        field: field.to_string(),
        problem,
        detail,
    }
}

/// Reads a `YYYY-MM-DD` date (how dates cross the FFI).
pub(crate) fn parse_date(text: &str) -> Result<chrono::NaiveDate, BimerError> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        invalid_input(
            "invalid_date",
            "",
            format!(
                "`{}` is not a date in YYYY-MM-DD form ({e})",
                text.chars().take(20).collect::<String>()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bimer_core::{deadline_for, Application, Calendar, Procedure};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn codes_survive_the_mapping() {
        let e: BimerError = Application::from_json(r#"{"id":"A"}"#).unwrap_err().into();
        assert!(
            matches!(&e, BimerError::InvalidInput { code, field, .. } if code == "invalid_application" && field == "received_on"),
            "{e:?}"
        );
        let e: BimerError = deadline_for(&Calendar::turkey(), Procedure::Tihek, d(2016, 4, 19))
            .unwrap_err()
            .into();
        assert!(
            matches!(&e, BimerError::LawNotInForce { code, valid_from, .. } if code == "law_not_in_force" && valid_from == "2016-04-20"),
            "{e:?}"
        );
        let e: BimerError = Calendar::turkey()
            .is_business_day(d(2041, 1, 1))
            .unwrap_err()
            .into();
        assert!(
            matches!(&e, BimerError::OutOfRange { code, last, .. } if code == "calendar_out_of_range" && last == "2040-12-31"),
            "{e:?}"
        );
        let e: BimerError = "15x".parse::<bimer_core::Period>().unwrap_err().into();
        assert!(
            matches!(&e, BimerError::InvalidInput { code, .. } if code == "invalid_period"),
            "{e:?}"
        );
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(parse_date("2026-12-31").unwrap(), d(2026, 12, 31));
        for bad in ["2026-02-30", "31.12.2026", "", "2026-1-1x"] {
            let e = parse_date(bad).unwrap_err();
            assert!(
                matches!(&e, BimerError::InvalidInput { code, .. } if code == "invalid_date"),
                "{bad}: {e:?}"
            );
        }
    }
}
