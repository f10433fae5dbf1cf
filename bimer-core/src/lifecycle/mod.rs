//! The lifecycle of an application: its history of dated events, the legal
//! constraints on them, and where the case stands on any day (DESIGN §2.7).
//!
//! A [`Case`] is an application's receipt plus the [`Event`]s since, in date
//! order. [`Case::status`] replays them on a [`Calendar`]: every rule of
//! law.md §2.6–2.8 and §3.5 is checked on the way ([`LifecycleError`] names
//! the article broken), and the result says what the body owes and by when,
//! and what the applicant may still do. Every date comes from
//! [`deadline`](crate::deadline()) and [`deadline_for`](crate::deadline_for);
//! nothing here counts days itself.
//!
//! | state | the next events | |
//! |---|---|---|
//! | `received`, `forwarded`, `in_review`, `extended` | forwarded, extension_notified, fee_notified, answered, withdrawn | the body's period runs |
//! | `awaiting_fee` | fee_paid (→ `in_review` / `extended`), withdrawn | 4982: the period is interrupted; unpaid for 15 business days → `withdrawn` |
//! | `interim_answered` | answered, withdrawn | 3071 m.7: open until the result is notified |
//! | `answered` | refusal_notified, objected (→ `objected`) | a 4982 refusal; once its objection period ends unused → `closed` |
//! | `objected` | objection_decided (→ `objection_decided`), withdrawn | BEDK's 30 business days run |
//! | `closed`, `objection_decided`, `withdrawn` | none | |
//!
//! Any other answer closes the case on its day (`closed`).
//!
//! # Readings where the law is silent
//!
//! * A fee notice *interrupts* ("keser", "kesilir") the 4982 period. Whether a
//!   fresh 15 (or 30) business days start on payment is not settled \[M\]:
//!   [`FeePolicy`] chooses.
//! * For a forwarded application the period runs from receipt by the
//!   receiving body in practice \[M\] (law.md §3.5): [`ForwardingPolicy`].
//! * 6701 m.18 allows the TİHEK President to extend "up to" 3 months once;
//!   an extension is taken as the full 3 months, notified before the first
//!   3 months end, like the 4982 extension.
//! * A fee notice, like an extension, must come while the period runs: an
//!   ended period cannot be interrupted.
//! * The BEDK objection period runs from the refusal's notice, so it is open
//!   only once [`Event::RefusalNotified`] is recorded; a partial refusal can
//!   be objected to like a full one.
//!
//! # Example
//!
//! ```
//! use bimer_core::law::RefusalGround;
//! use bimer_core::{Authority, Calendar, Case, Category, Event, ExtensionReason, Outcome, State};
//! use chrono::NaiveDate;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let cal = Calendar::turkey();
//! let mut case = Case::new("BE-1", Category::InformationRequest, Authority::Institution, d(2025, 4, 14))?;
//! // 15 business days, skipping 23 April and 1 May.
//! assert_eq!(case.status(&cal, d(2025, 4, 30))?.due_on, Some(d(2025, 5, 7)));
//!
//! case.record(&cal, Event::ExtensionNotified { on: d(2025, 5, 7), reason: ExtensionReason::OtherUnit })?;
//! assert_eq!(case.status(&cal, d(2025, 5, 7))?.due_on, Some(d(2025, 5, 29)));
//!
//! // A second extension breaks 4982 m.11, and the case is left as it was.
//! let again = case.record(&cal, Event::ExtensionNotified { on: d(2025, 5, 8), reason: ExtensionReason::OtherUnit });
//! assert!(again.unwrap_err().to_string().starts_with("4982 m.11"));
//!
//! case.record(&cal, Event::Answered { on: d(2025, 5, 20), outcome: Outcome::Refused })?;
//! case.record(&cal, Event::RefusalNotified { on: d(2025, 5, 22), ground: RefusalGround::Other })?;
//! let status = case.status(&cal, d(2025, 5, 22))?;
//! assert_eq!(status.state, State::Answered);
//! // 15 days (4982 m.13) end on 6 June, in Kurban Bayramı: the next full business day is 10 June.
//! assert_eq!(status.next_deadline_for_applicant.unwrap().due_on, d(2025, 6, 10));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod event;
mod replay;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::application::{Application, Category};
use crate::calendar::Calendar;
use crate::deadline::{Procedure, Unit};
use crate::decision::Authority;

pub use error::LifecycleError;
pub use event::{Amount, Event, EventKind, ExtensionReason, Outcome};

use replay::Replay;

/// When a forwarded application's period starts (law.md §3.5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForwardingPolicy {
    /// The receiving body handles it as if received that day: a fresh
    /// period, with its own one extension. Practice for 3071 petitions \[M\].
    #[default]
    RestartAtReceivingBody,
    /// The period runs from the first receipt, whoever holds the file.
    KeepOriginal,
}

/// What a 4982 fee notice does to the running period (4982 m.11: the notice
/// "keser" the period; 4982 Yön.: the 15 or 30 business days "kesilir").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeePolicy {
    /// Interruption in its Turkish-law sense: the period starts afresh, in
    /// full, from the day the fee is paid. That a fresh period starts on
    /// payment is a reading \[M\] (law.md §2.6).
    #[default]
    RestartOnPayment,
    /// Suspension: the business days used up to and including the notice day
    /// stay used, and the rest run from the day of payment.
    PauseAndResume,
}

/// The clock rules of a case: the readings where the law is silent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockPolicy {
    /// Forwarding.
    #[serde(default)]
    pub forwarding: ForwardingPolicy,
    /// Fee notices.
    #[serde(default)]
    pub fee: FeePolicy,
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Received; nothing has happened since.
    Received,
    /// Forwarded: the receiving body is examining it.
    Forwarded,
    /// Back in examination after the fee was paid.
    InReview,
    /// The period is extended.
    Extended,
    /// A fee was notified and is unpaid: the period is interrupted.
    AwaitingFee,
    /// An interim progress answer was given (3071 m.7): the result is owed.
    InterimAnswered,
    /// Answered with a refusal the applicant may still take to BEDK.
    Answered,
    /// Objected to BEDK: BEDK owes a decision.
    Objected,
    /// BEDK decided the objection.
    ObjectionDecided,
    /// Answered, and nothing further can follow: granted, not open to an
    /// objection, or the objection period ended unused.
    Closed,
    /// Withdrawn by the applicant, or deemed withdrawn for an unpaid fee.
    Withdrawn,
}

impl State {
    /// The snake_case code used on the wire.
    pub fn code(self) -> &'static str {
        match self {
            State::Received => "received",
            State::Forwarded => "forwarded",
            State::InReview => "in_review",
            State::Extended => "extended",
            State::AwaitingFee => "awaiting_fee",
            State::InterimAnswered => "interim_answered",
            State::Answered => "answered",
            State::Objected => "objected",
            State::ObjectionDecided => "objection_decided",
            State::Closed => "closed",
            State::Withdrawn => "withdrawn",
        }
    }

    /// Whether anything may still happen.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            State::ObjectionDecided | State::Closed | State::Withdrawn
        )
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What the applicant has a deadline for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantAction {
    /// Pay the notified fee within 15 business days, or the application is
    /// deemed withdrawn (4982 m.11; 4982 Yön.).
    PayFee,
    /// Object to BEDK within 15 days of the refusal's notice (4982 m.13,
    /// [`Procedure::BedkObjection`]).
    ObjectToBedk,
}

/// The applicant's next deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantDeadline {
    /// What to do.
    pub action: ApplicantAction,
    /// The last day to do it.
    pub due_on: NaiveDate,
    /// Days left after the status day up to `due_on`, in `days_left_unit`
    /// (0 on the last day).
    pub days_left: i64,
    /// `business_days` or `days`, as the period counts.
    pub days_left_unit: Unit,
    /// The article.
    pub citation: String,
}

/// Where a case stands on one day.
///
/// `due_on` is what the body owes: the answer, or BEDK's decision once an
/// objection is made; `null` when nothing is owed or the period is
/// interrupted by a fee notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// The case's id.
    pub id: String,
    /// The day of the status.
    pub as_of: NaiveDate,
    /// The state.
    pub state: State,
    /// The latest answer's outcome, or BEDK's once it has decided.
    pub outcome: Option<Outcome>,
    /// The procedure whose period `due_on` ends.
    pub procedure: Option<Procedure>,
    /// The last day for the body to act.
    pub due_on: Option<NaiveDate>,
    /// Days left after `as_of` up to `due_on`, in `days_left_unit`: 0 on the
    /// due date, negative as days pass after it (a Saturday after a Friday
    /// due date is overdue with 0 business days left).
    pub days_left: Option<i64>,
    /// `business_days` or `days` (month periods count calendar days).
    pub days_left_unit: Option<Unit>,
    /// `as_of` is after `due_on` and the body has not acted.
    pub overdue: bool,
    /// The article of `due_on`.
    pub citation: Option<String>,
    /// What the applicant may still do, and by when.
    pub next_deadline_for_applicant: Option<ApplicantDeadline>,
    /// The day the case closed, once it has.
    pub closed_on: Option<NaiveDate>,
}

/// Whose due date: the body's under a procedure, or the applicant's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DueKind {
    /// The body's: the answer under the case's procedure, or BEDK's decision.
    Body(Procedure),
    /// The applicant's.
    Applicant(ApplicantAction),
}

/// A due date that moved when the calendar changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovedDeadline {
    /// The case's id.
    pub id: String,
    /// Whose due date.
    pub deadline: DueKind,
    /// The due date under the old calendar.
    pub from: NaiveDate,
    /// The due date under the new calendar.
    pub to: NaiveDate,
}

/// A case that cannot be read: names the field and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid case: {}: {problem}", if field.is_empty() { "(document)" } else { field.as_str() })]
pub struct InvalidCase {
    /// Dotted path of the field (`events[2].on`); empty for the whole document.
    pub field: String,
    /// What is wrong with its value.
    pub problem: String,
}

/// An application's history: its receipt, route and events, in date order.
///
/// The wire format (snake_case; unknown fields are errors naming the field):
///
/// ```json
/// {"id": "BE-1", "category": "information_request", "authority": "institution",
///  "received_on": "2025-04-14",
///  "policy": {"forwarding": "restart_at_receiving_body", "fee": "restart_on_payment"},
///  "events": [{"event": "extension_notified", "on": "2025-05-07", "reason": "other_unit"}]}
/// ```
///
/// `policy` and `events` may be omitted. The fields are public, so a stored
/// history is taken as it is; [`Case::status`] checks it in full and
/// [`Case::record`] checks a new event before adding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The application's id.
    pub id: String,
    /// Its category.
    pub category: Category,
    /// The authority it was routed to (triage's `route.authority`), which
    /// with the category decides the [`Procedure`].
    pub authority: Authority,
    /// The day it reached the first body.
    pub received_on: NaiveDate,
    /// The clock rules.
    #[serde(default)]
    pub policy: ClockPolicy,
    /// What happened since, in date order.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl Case {
    /// A new case with no events and the default [`ClockPolicy`].
    ///
    /// # Errors
    ///
    /// [`InvalidCase`] naming `id` when it is blank, or `authority` when it
    /// does not handle the category.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Authority, Case, Category};
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap();
    /// assert!(Case::new("E-1", Category::EthicsComplaint, Authority::EtikKurulu, d).is_ok());
    /// let err = Case::new("E-2", Category::EthicsComplaint, Authority::Institution, d).unwrap_err();
    /// assert_eq!(err.field, "authority");
    /// ```
    pub fn new(
        id: impl Into<String>,
        category: Category,
        authority: Authority,
        received_on: NaiveDate,
    ) -> Result<Case, InvalidCase> {
        let case = Case {
            id: id.into(),
            category,
            authority,
            received_on,
            policy: ClockPolicy::default(),
            events: Vec::new(),
        };
        case.check()?;
        Ok(case)
    }

    /// A new case for a triaged application and the authority of its route.
    ///
    /// # Errors
    ///
    /// [`InvalidCase`] naming `category` when the application has none, or
    /// as [`Case::new`].
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{triage, Application, Case, Procedure};
    /// let app = Application::from_json(r#"{"id": "H-1", "received_on": "2025-04-14",
    ///     "category": "human_rights", "facts": {"deprived_of_liberty": true}}"#)?;
    /// let route = triage(&app).route.expect("routed");
    /// let case = Case::from_application(&app, route.authority)?;
    /// assert_eq!(case.procedure()?, Procedure::Tihek);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_application(
        application: &Application,
        authority: Authority,
    ) -> Result<Case, InvalidCase> {
        let category = application.category.ok_or_else(|| InvalidCase {
            field: "category".into(),
            problem: "an application needs a category to become a case".into(),
        })?;
        Case::new(
            application.id.clone(),
            category,
            authority,
            application.received_on,
        )
    }

    /// The procedure whose period the body answers in (DESIGN §2.4–2.5).
    ///
    /// # Errors
    ///
    /// [`LifecycleError::NoProcedure`] when the authority does not handle
    /// the category.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Authority, Case, Category, Procedure};
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap();
    /// let mut case = Case::new("H-1", Category::HumanRights, Authority::InsanHaklariKurulu, d)?;
    /// assert_eq!(case.procedure()?, Procedure::InsanHaklariKurulu);
    /// case.authority = Authority::EtikKurulu;
    /// assert_eq!(case.procedure().unwrap_err().code(), "no_procedure");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn procedure(&self) -> Result<Procedure, LifecycleError> {
        Procedure::for_route(self.category, self.authority).ok_or(LifecycleError::NoProcedure {
            category: self.category,
            authority: self.authority,
        })
    }

    /// Parses a case from JSON.
    ///
    /// # Errors
    ///
    /// [`InvalidCase`] naming the field (`events[2].on`, `authority`) and the
    /// problem, for malformed JSON, unknown or missing fields and bad values.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::Case;
    /// let err = Case::from_json(r#"{"id": "A", "category": "petition", "authority": "institution",
    ///     "received_on": "2025-04-14", "events": [{"event": "fee_paid", "on": "2025-04-31"}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.field, "events[0].on");
    /// ```
    pub fn from_json(json: &str) -> Result<Case, InvalidCase> {
        let case: Case = crate::wire::parse(json).map_err(|e| InvalidCase {
            field: e.field,
            problem: e.problem,
        })?;
        case.check()?;
        Ok(case)
    }

    /// Serialises to the wire format (one line of JSON); [`Case::from_json`]
    /// reads it back unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Authority, Case, Category};
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap();
    /// let case = Case::new("P-1", Category::Petition, Authority::Institution, d)?;
    /// assert_eq!(Case::from_json(&case.to_json())?, case);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("cases always serialise")
    }

    /// Where the case stands on `as_of`: the whole history is checked, then
    /// the events up to `as_of` are replayed.
    ///
    /// # Errors
    ///
    /// The [`LifecycleError`] of the first event that breaks a rule;
    /// [`LifecycleError::AsOfBeforeReceipt`]; [`LifecycleError::Deadline`]
    /// for dates outside the calendar's data.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Calendar, Case, State, Unit};
    /// let case = Case::from_json(r#"{"id": "P-1", "category": "petition", "authority": "institution",
    ///     "received_on": "2026-12-02"}"#)?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let status = case.status(&Calendar::turkey(), d(2027, 1, 5))?;
    /// assert_eq!(status.state, State::Received);
    /// assert_eq!(status.due_on, Some(d(2027, 1, 4))); // 30 days: 1 January → Monday (3071 m.7)
    /// assert_eq!((status.days_left, status.days_left_unit), (Some(-1), Some(Unit::Days)));
    /// assert!(status.overdue);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, calendar: &Calendar, as_of: NaiveDate) -> Result<Status, LifecycleError> {
        if as_of < self.received_on {
            return Err(LifecycleError::AsOfBeforeReceipt {
                as_of,
                received_on: self.received_on,
            });
        }
        self.replay(calendar, as_of)?.status(&self.id, as_of)
    }

    /// Adds `event` if the history with it keeps every rule; otherwise the
    /// case is left unchanged.
    ///
    /// # Errors
    ///
    /// The [`LifecycleError`] of the first rule broken (by the new event, or
    /// by the stored history).
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Authority, Calendar, Case, Category, Event};
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut case = Case::new("P-1", Category::Petition, Authority::Institution, d(2025, 4, 14))?;
    /// let early = case.record(&Calendar::turkey(), Event::Withdrawn { on: d(2025, 4, 13) });
    /// assert_eq!(early.unwrap_err().code(), "before_receipt");
    /// assert!(case.events.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&mut self, calendar: &Calendar, event: Event) -> Result<(), LifecycleError> {
        let mut replay = self.replay(calendar, NaiveDate::MAX)?;
        replay.apply(&event)?;
        self.events.push(event);
        Ok(())
    }

    /// The due dates that differ between two calendars (say, the bundled one
    /// and one patched with a new *idari izin* or a corrected bayram date),
    /// for the events up to `as_of`. A case closed under both calendars on
    /// `as_of` has nothing to report.
    ///
    /// # Errors
    ///
    /// The [`LifecycleError`] of a history that breaks a rule under either
    /// calendar: a due date that moved earlier can make an extension late.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Calendar, CalendarPatch, Case, DueKind, Procedure};
    /// let case = Case::from_json(r#"{"id": "BE-1", "category": "information_request",
    ///     "authority": "institution", "received_on": "2025-04-14"}"#)?;
    /// let before = Calendar::turkey();
    /// let patch: CalendarPatch = serde_json::from_str(r#"{"holidays": [{"date": "2025-05-06",
    ///     "name_tr": "Örnek", "name_en": "Example"}]}"#)?;
    /// let after = before.patched(&patch)?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let moved = case.recompute(&before, &after, d(2025, 5, 2))?;
    /// assert_eq!(moved[0].deadline, DueKind::Body(Procedure::InformationRequest));
    /// assert_eq!((moved[0].from, moved[0].to), (d(2025, 5, 7), d(2025, 5, 8)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recompute(
        &self,
        before: &Calendar,
        after: &Calendar,
        as_of: NaiveDate,
    ) -> Result<Vec<MovedDeadline>, LifecycleError> {
        let (old, new) = (self.replay(before, as_of)?, self.replay(after, as_of)?);
        if old.closed_by(as_of)?.is_some() && new.closed_by(as_of)?.is_some() {
            return Ok(Vec::new());
        }
        let due_dates = |r: &replay::Running| {
            [
                r.body
                    .as_ref()
                    .map(|(p, due)| (DueKind::Body(*p), due.due_on)),
                r.applicant
                    .as_ref()
                    .map(|(a, due)| (DueKind::Applicant(*a), due.due_on)),
            ]
        };
        let (old, new) = (due_dates(&old.running()?), due_dates(&new.running()?));
        Ok(old
            .into_iter()
            .zip(new)
            .filter_map(|pair| match pair {
                (Some((deadline, from)), Some((_, to))) if from != to => Some(MovedDeadline {
                    id: self.id.clone(),
                    deadline,
                    from,
                    to,
                }),
                _ => None,
            })
            .collect())
    }

    /// Replays the whole history (so that every event is checked) and
    /// returns where it stood after the events up to `as_of`.
    fn replay<'a>(
        &self,
        calendar: &'a Calendar,
        as_of: NaiveDate,
    ) -> Result<Replay<'a>, LifecycleError> {
        let mut replay = Replay::new(self, calendar)?;
        let mut snapshot = None;
        for event in &self.events {
            if event.on() > as_of && snapshot.is_none() {
                snapshot = Some(replay.clone());
            }
            replay.apply(event)?;
        }
        Ok(snapshot.unwrap_or(replay))
    }

    /// Checks what serde's types cannot: a non-blank id, a known procedure.
    fn check(&self) -> Result<(), InvalidCase> {
        if self.id.trim().is_empty() {
            return Err(InvalidCase {
                field: "id".into(),
                problem: "must not be empty".into(),
            });
        }
        self.procedure().map(|_| ()).map_err(|e| InvalidCase {
            field: "authority".into(),
            problem: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> InvalidCase {
        Case::from_json(json).unwrap_err()
    }

    const HEAD: &str = r#""id": "A", "category": "information_request", "authority": "institution", "received_on": "2025-04-14""#;

    #[test]
    fn errors_name_the_field() {
        assert_eq!(err(r#"{"category": "petition"}"#).field, "id");
        assert_eq!(err(&format!("{{{HEAD}, \"note\": 1}}")).field, "note");
        let e = err(&format!(
            "{{{HEAD}, \"events\": [{{\"event\": \"objected\"}}]}}"
        ));
        assert_eq!(e.field, "events[0].on", "{e}");
        let e = err(&format!(
            "{{{HEAD}, \"events\": [{{\"event\": \"fee_paid\", \"on\": \"2025-04-15\", \"amount\": \"1\"}}]}}"
        ));
        assert_eq!(e.field, "events[0].amount", "{e}");
        let e = err(&format!(
            "{{{HEAD}, \"events\": [{{\"event\": \"fee_notified\", \"on\": \"2025-04-15\", \"amount\": \"1,5\"}}]}}"
        ));
        assert_eq!(e.field, "events[0].amount", "{e}");
        let e = err(&format!("{{{HEAD}, \"policy\": {{\"fee\": \"forgive\"}}}}"));
        assert_eq!(e.field, "policy.fee", "{e}");
        let e = err(
            r#"{"id": "A", "category": "petition", "authority": "tihek", "received_on": "2025-04-14"}"#,
        );
        assert_eq!(e.field, "authority", "{e}");
        assert_eq!(err("[").field, "");
    }

    #[test]
    fn wire_round_trip() {
        let json = format!(
            "{{{HEAD}, \"events\": [{{\"event\": \"fee_notified\", \"on\": \"2025-04-15\", \"amount\": \"37.5\"}}]}}"
        );
        let case = Case::from_json(&json).unwrap();
        assert_eq!(case.policy, ClockPolicy::default());
        assert!(case.to_json().contains(r#""amount":"37.50""#));
        assert_eq!(Case::from_json(&case.to_json()).unwrap(), case);
    }
}
