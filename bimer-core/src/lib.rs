//! # bimer-core
//!
//! The rules core of **bimer**: for each application to Türkiye's citizen
//! application system (BİMER 2006–2018, CİMER since), decide what it is,
//! whether it may be examined, who must handle it and by when, with the
//! article of law behind every answer.
//!
//! This crate is pure logic: no I/O, no bindings code, no `unsafe`. Its data
//! tables (holidays, administrative leave, provinces) are CSV files embedded at
//! compile time and replaceable at run time.
//!
//! ## Design notes
//!
//! * **Dates are the product.** Every period names its article, its validity
//!   and how strongly it is sourced ([`SourceStrength`]); every due date can
//!   explain itself ([`Deadline::explain`]).
//! * **Constant-time calendar.** A [`Calendar`] precomputes, for each day of
//!   its range, the business days before it and the next day a period may end
//!   on; queries are array lookups, whatever the distance.
//! * **No silent guesses.** A date outside the data is an error
//!   ([`CalendarError::OutOfRange`]); a date in the estimated bayram range is
//!   flagged ([`Deadline::estimated`]).
//! * **Personal data stays masked.** Identity numbers, names and addresses
//!   never appear in `Debug`, `Display` or error messages
//!   ([`IdentityNumber`], [`PersonalText`]).
//!
//! ## Example
//!
//! ```
//! use bimer_core::{deadline_for, Calendar, Procedure};
//! use chrono::NaiveDate;
//!
//! let cal = Calendar::turkey();
//! let received = NaiveDate::from_ymd_opt(2027, 2, 15).unwrap();
//! let due = deadline_for(&cal, Procedure::InformationRequest, received)?;
//! // The 15th business day, 8 March 2027, is the arife of Ramazan Bayramı:
//! // a half day, on which a period may not end by default.
//! assert_eq!(due.due_on, NaiveDate::from_ymd_opt(2027, 3, 12).unwrap());
//! let why = due.explain(&cal)?;
//! assert!(why.skipped.iter().any(|d| d.name_tr.as_deref() == Some("Ramazan Bayramı")));
//! # Ok::<(), bimer_core::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod application;
pub mod calendar;
pub mod classify;
pub mod deadline;
pub mod decision;
pub mod eligibility;
pub mod error;
pub mod identity;
pub mod law;
pub mod lifecycle;
pub mod province;
pub mod routing;
mod table;
pub mod text;
pub mod triage;
mod wire;

pub use application::{
    Applicant, Application, Category, Channel, Country, Facts, InvalidApplication, LegalEntity,
    Official, OfficialGroup, Person, PetitionKind, Rank, Target,
};
pub use calendar::{
    AdministrativeLeave, AdministrativeLeavePolicy, Calendar, CalendarError, CalendarPatch,
    DayKind, HalfDayPolicy, Holiday, LeavePortion, Policy,
};
pub use classify::{classify, Classifier, Fact, LexiconError, SuggestedFact, TextField};
pub use deadline::{
    deadline, deadline_for, Deadline, DeadlineError, Explanation, Period, PeriodRule, Procedure,
    SkipReason, SkippedDay, Unit,
};
pub use decision::{
    Authority, CategorySource, Classification, Decision, DecisionDeadline, Evidence, Finding,
    FindingCode, Route, Severity, System, Topic,
};
pub use eligibility::{Rule, Stage, RULES};
pub use error::Error;
pub use identity::{IdentityError, IdentityKind, IdentityNumber, PersonalText};
pub use law::SourceStrength;
pub use lifecycle::{
    Amount, ApplicantAction, ApplicantDeadline, Case, ClockPolicy, DueKind, Event, EventKind,
    ExtensionReason, FeePolicy, ForwardingPolicy, InvalidCase, LifecycleError, MovedDeadline,
    Outcome, State, Status,
};
pub use province::{Province, UnknownProvince};
pub use routing::{Institution, InstitutionKind, Registry, RoutingData, RoutingDataError, Titles};
pub use triage::{triage, Engine};
