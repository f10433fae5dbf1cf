//! The one error type of the public API, with stable codes for the wire and
//! for foreign-language bindings.

use crate::application::InvalidApplication;
use crate::calendar::CalendarError;
use crate::deadline::DeadlineError;
use crate::lifecycle::{InvalidCase, LifecycleError};

/// Any error bimer returns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An application that cannot be read.
    #[error(transparent)]
    InvalidApplication(#[from] InvalidApplication),
    /// A calendar question outside the data, or bad calendar data.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A deadline that cannot be computed.
    #[error(transparent)]
    Deadline(DeadlineError),
    /// A case history that cannot be read.
    #[error(transparent)]
    InvalidCase(#[from] InvalidCase),
    /// A case history that breaks a rule of the lifecycle.
    #[error(transparent)]
    Lifecycle(LifecycleError),
}

impl From<LifecycleError> for Error {
    fn from(e: LifecycleError) -> Self {
        match e {
            LifecycleError::Deadline(d) => Error::from(d),
            other => Error::Lifecycle(other),
        }
    }
}

impl From<DeadlineError> for Error {
    fn from(e: DeadlineError) -> Self {
        match e {
            DeadlineError::Calendar(c) => Error::Calendar(c),
            other => Error::Deadline(other),
        }
    }
}

impl Error {
    /// A stable snake_case code: `invalid_application`,
    /// `calendar_out_of_range`, `invalid_calendar_data`, `invalid_period`,
    /// `unknown_procedure`, `law_not_in_force`, `invalid_case`, and the
    /// lifecycle codes of [`LifecycleError::code`].
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidApplication(_) => "invalid_application",
            Error::Calendar(CalendarError::OutOfRange { .. }) => "calendar_out_of_range",
            Error::Calendar(CalendarError::InvalidData { .. }) => "invalid_calendar_data",
            Error::Deadline(DeadlineError::BadPeriod(_)) => "invalid_period",
            Error::Deadline(DeadlineError::UnknownProcedure(_)) => "unknown_procedure",
            Error::Deadline(DeadlineError::NotInForce { .. }) => "law_not_in_force",
            Error::Deadline(DeadlineError::Calendar(CalendarError::OutOfRange { .. })) => {
                "calendar_out_of_range"
            }
            Error::Deadline(DeadlineError::Calendar(CalendarError::InvalidData { .. })) => {
                "invalid_calendar_data"
            }
            Error::InvalidCase(_) => "invalid_case",
            Error::Lifecycle(e) => e.code(),
        }
    }
}
