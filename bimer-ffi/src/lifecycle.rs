//! The lifecycle of an application as a uniffi object: a case history of
//! dated events, checked against the law, and where it stands on any day
//! (DESIGN §2.7). Every rule lives in `bimer_core::Case`.

use std::str::FromStr;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;

use crate::calendar::LegalCalendar;
use crate::error::{invalid_input, BimerError};
use crate::types::{Application, Authority, Category, PeriodUnit, Procedure};

mirror_enum! {
    /// Where a case stands.
    State <=> bimer_core::State {
        /// Received; nothing has happened since.
        Received,
        /// Forwarded: the receiving body is examining it.
        Forwarded,
        /// Back in examination after the fee was paid.
        InReview,
        /// The period was extended.
        Extended,
        /// A fee was notified and is not paid yet.
        AwaitingFee,
        /// An interim progress answer was given (3071 m.7).
        InterimAnswered,
        /// Answered.
        Answered,
        /// Objected to BEDK.
        Objected,
        /// BEDK decided the objection.
        ObjectionDecided,
        /// Closed.
        Closed,
        /// Withdrawn (or deemed withdrawn: fee unpaid).
        Withdrawn,
    }
}

mirror_enum! {
    /// What an answer, or BEDK's decision, said about access.
    Outcome <=> bimer_core::Outcome {
        /// Granted.
        Granted,
        /// Granted in part, refused in part (4982 m.9).
        PartiallyGranted,
        /// Refused (4982 m.12).
        Refused,
        /// An interim progress answer (3071 m.7).
        Interim,
    }
}

mirror_enum! {
    /// The ground stated for extending a period.
    ExtensionReason <=> bimer_core::ExtensionReason {
        /// 4982 m.11: another unit of the body provides the information.
        OtherUnit,
        /// 4982 m.11: another body's opinion is needed.
        OtherBodyOpinion,
        /// 4982 m.11: the request concerns more than one body.
        SeveralBodies,
        /// 6701 m.18: the TİHEK President extends the examination.
        PresidentDecision,
    }
}

mirror_enum! {
    /// The ground of a 4982 refusal, as far as the BEDK objection cares.
    RefusalGround <=> bimer_core::law::RefusalGround {
        /// 4982 m.16: State secret.
        StateSecret,
        /// 4982 m.17: the country's economic interests.
        EconomicInterest,
        /// Any other ground.
        Other,
    }
}

mirror_enum! {
    /// What the applicant has a deadline for.
    ApplicantAction <=> bimer_core::ApplicantAction {
        /// Pay the notified fee within 15 business days (4982 m.11).
        PayFee,
        /// Object to BEDK within 15 days of the refusal's notice (4982 m.13).
        ObjectToBedk,
    }
}

mirror_enum! {
    /// When a forwarded application's period starts.
    ForwardingPolicy <=> bimer_core::ForwardingPolicy {
        /// A fresh period at the receiving body (the default).
        RestartAtReceivingBody,
        /// The period runs from the first receipt.
        KeepOriginal,
    }
}

mirror_enum! {
    /// What a 4982 fee notice does to the running period.
    FeePolicy <=> bimer_core::FeePolicy {
        /// The period starts afresh on payment (the default).
        RestartOnPayment,
        /// The days used stay used; the rest run from payment.
        PauseAndResume,
    }
}

/// The clock rules of a case: the readings where the law is silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ClockPolicy {
    /// Forwarding.
    pub forwarding: ForwardingPolicy,
    /// Fee notices.
    pub fee: FeePolicy,
}

impl From<bimer_core::ClockPolicy> for ClockPolicy {
    fn from(p: bimer_core::ClockPolicy) -> Self {
        ClockPolicy {
            forwarding: p.forwarding.into(),
            fee: p.fee.into(),
        }
    }
}

impl From<ClockPolicy> for bimer_core::ClockPolicy {
    fn from(p: ClockPolicy) -> Self {
        bimer_core::ClockPolicy {
            forwarding: p.forwarding.into(),
            fee: p.fee.into(),
        }
    }
}

/// Something that happened to an application, with its date (`event` on the
/// wire names the variant).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Event {
    /// Sent on to the competent body, which received it on `received_on`.
    Forwarded {
        /// The receiving body (registry code or unit name).
        to: String,
        /// The day the receiving body received it.
        received_on: NaiveDate,
    },
    /// The applicant was told in writing that the period is extended.
    ExtensionNotified {
        /// The day of the notice.
        on: NaiveDate,
        /// The ground stated.
        reason: ExtensionReason,
    },
    /// The applicant was told the cost of access (4982 m.10, m.11).
    FeeNotified {
        /// The day of the notice.
        on: NaiveDate,
        /// Turkish lira with at most two decimals, as on the wire: `"37.50"`.
        amount: String,
    },
    /// The applicant proved payment of the notified fee.
    FeePaid {
        /// The day the proof reached the body.
        on: NaiveDate,
    },
    /// The body answered.
    Answered {
        /// The day of the answer.
        on: NaiveDate,
        /// What it said.
        outcome: Outcome,
    },
    /// A refusal was notified: the BEDK objection period starts (4982 m.13).
    RefusalNotified {
        /// The day of notification.
        on: NaiveDate,
        /// The ground of the refusal.
        ground: RefusalGround,
    },
    /// The applicant objected to BEDK.
    Objected {
        /// The day of the objection.
        on: NaiveDate,
    },
    /// BEDK decided the objection.
    ObjectionDecided {
        /// The day of the decision.
        on: NaiveDate,
        /// What BEDK decided about access.
        outcome: Outcome,
    },
    /// The applicant withdrew the application.
    Withdrawn {
        /// The day of withdrawal.
        on: NaiveDate,
    },
}

impl From<bimer_core::Event> for Event {
    fn from(e: bimer_core::Event) -> Self {
        use bimer_core::Event as E;
        match e {
            E::Forwarded { to, received_on } => Event::Forwarded { to, received_on },
            E::ExtensionNotified { on, reason } => Event::ExtensionNotified {
                on,
                reason: reason.into(),
            },
            E::FeeNotified { on, amount } => Event::FeeNotified {
                on,
                amount: amount.to_string(),
            },
            E::FeePaid { on } => Event::FeePaid { on },
            E::Answered { on, outcome } => Event::Answered {
                on,
                outcome: outcome.into(),
            },
            E::RefusalNotified { on, ground } => Event::RefusalNotified {
                on,
                ground: ground.into(),
            },
            E::Objected { on } => Event::Objected { on },
            E::ObjectionDecided { on, outcome } => Event::ObjectionDecided {
                on,
                outcome: outcome.into(),
            },
            E::Withdrawn { on } => Event::Withdrawn { on },
        }
    }
}

impl TryFrom<Event> for bimer_core::Event {
    type Error = BimerError;

    fn try_from(e: Event) -> Result<Self, BimerError> {
        use bimer_core::Event as E;
        Ok(match e {
            Event::Forwarded { to, received_on } => E::Forwarded { to, received_on },
            Event::ExtensionNotified { on, reason } => E::ExtensionNotified {
                on,
                reason: reason.into(),
            },
            Event::FeeNotified { on, amount } => E::FeeNotified {
                on,
                amount: bimer_core::Amount::from_str(&amount)
                    .map_err(|problem| invalid_input("invalid_case", "amount", problem))?,
            },
            Event::FeePaid { on } => E::FeePaid { on },
            Event::Answered { on, outcome } => E::Answered {
                on,
                outcome: outcome.into(),
            },
            Event::RefusalNotified { on, ground } => E::RefusalNotified {
                on,
                ground: ground.into(),
            },
            Event::Objected { on } => E::Objected { on },
            Event::ObjectionDecided { on, outcome } => E::ObjectionDecided {
                on,
                outcome: outcome.into(),
            },
            Event::Withdrawn { on } => E::Withdrawn { on },
        })
    }
}

/// The applicant's next deadline.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ApplicantDeadline {
    /// What to do.
    pub action: ApplicantAction,
    /// The last day to do it.
    pub due_on: NaiveDate,
    /// Days left after the status day up to `due_on`, in `days_left_unit`.
    pub days_left: i64,
    /// Business days or days, as the period counts.
    pub days_left_unit: PeriodUnit,
    /// The article.
    pub citation: String,
}

/// Where a case stands on one day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    /// Days left after `as_of` up to `due_on`; negative when overdue.
    pub days_left: Option<i64>,
    /// The unit of `days_left`.
    pub days_left_unit: Option<PeriodUnit>,
    /// `as_of` is after `due_on` and the body has not acted.
    pub overdue: bool,
    /// The article of `due_on`.
    pub citation: Option<String>,
    /// What the applicant may still do, and by when.
    pub next_deadline_for_applicant: Option<ApplicantDeadline>,
    /// The day the case closed, once it has.
    pub closed_on: Option<NaiveDate>,
}

impl From<bimer_core::Status> for Status {
    fn from(s: bimer_core::Status) -> Self {
        let bimer_core::Status {
            id,
            as_of,
            state,
            outcome,
            procedure,
            due_on,
            days_left,
            days_left_unit,
            overdue,
            citation,
            next_deadline_for_applicant,
            closed_on,
        } = s;
        Status {
            id,
            as_of,
            state: state.into(),
            outcome: outcome.map(Into::into),
            procedure: procedure.map(Into::into),
            due_on,
            days_left,
            days_left_unit: days_left_unit.map(Into::into),
            overdue,
            citation,
            next_deadline_for_applicant: next_deadline_for_applicant.map(|a| ApplicantDeadline {
                action: a.action.into(),
                due_on: a.due_on,
                days_left: a.days_left,
                days_left_unit: a.days_left_unit.into(),
                citation: a.citation,
            }),
            closed_on,
        }
    }
}

/// Whose due date: the body's under a procedure, or the applicant's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DueKind {
    /// The body's: the answer under the case's procedure, or BEDK's decision.
    Body {
        /// The procedure.
        procedure: Procedure,
    },
    /// The applicant's.
    Applicant {
        /// The action.
        action: ApplicantAction,
    },
}

/// A due date that moved when the calendar changed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

impl From<bimer_core::MovedDeadline> for MovedDeadline {
    fn from(m: bimer_core::MovedDeadline) -> Self {
        MovedDeadline {
            id: m.id,
            deadline: match m.deadline {
                bimer_core::DueKind::Body(p) => DueKind::Body {
                    procedure: p.into(),
                },
                bimer_core::DueKind::Applicant(a) => DueKind::Applicant { action: a.into() },
            },
            from: m.from,
            to: m.to,
        }
    }
}

/// An application's history: its receipt, route and events, in date order.
/// `record` adds an event only if the history with it keeps every rule.
#[derive(Debug, uniffi::Object)]
pub struct Case {
    inner: Mutex<bimer_core::Case>,
}

impl Case {
    fn wrap(case: bimer_core::Case) -> Arc<Self> {
        Arc::new(Case {
            inner: Mutex::new(case),
        })
    }

    /// The case; a panic while it was held cannot leave it half-changed
    /// (`record` pushes only after every check), so a poisoned lock is
    /// taken over.
    fn lock(&self) -> MutexGuard<'_, bimer_core::Case> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[uniffi::export]
impl Case {
    /// A new case with no events and the default clock policy.
    #[uniffi::constructor]
    pub fn new(
        id: String,
        category: Category,
        authority: Authority,
        received_on: NaiveDate,
    ) -> Result<Arc<Self>, BimerError> {
        Ok(Self::wrap(bimer_core::Case::new(
            id,
            category.into(),
            authority.into(),
            received_on,
        )?))
    }

    /// A new case for a triaged application and the authority of its route.
    #[uniffi::constructor]
    pub fn from_application(
        application: Application,
        authority: Authority,
    ) -> Result<Arc<Self>, BimerError> {
        let app = application.into_core()?;
        Ok(Self::wrap(bimer_core::Case::from_application(
            &app,
            authority.into(),
        )?))
    }

    /// Reads a case history from its wire format (JSON).
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, BimerError> {
        Ok(Self::wrap(bimer_core::Case::from_json(&json)?))
    }

    /// The case in its wire format (one line of JSON).
    pub fn to_json(&self) -> Result<String, BimerError> {
        Ok(self.lock().to_json())
    }

    /// The application's id.
    pub fn id(&self) -> Result<String, BimerError> {
        Ok(self.lock().id.clone())
    }

    /// Its category.
    pub fn category(&self) -> Result<Category, BimerError> {
        Ok(self.lock().category.into())
    }

    /// The authority it was routed to.
    pub fn authority(&self) -> Result<Authority, BimerError> {
        Ok(self.lock().authority.into())
    }

    /// The day it reached the first body.
    pub fn received_on(&self) -> Result<NaiveDate, BimerError> {
        Ok(self.lock().received_on)
    }

    /// The procedure whose period the body answers in.
    pub fn procedure(&self) -> Result<Procedure, BimerError> {
        Ok(self.lock().procedure()?.into())
    }

    /// The clock rules.
    pub fn policy(&self) -> Result<ClockPolicy, BimerError> {
        Ok(self.lock().policy.into())
    }

    /// Changes the clock rules (checked on the next `status` or `record`).
    pub fn set_policy(&self, policy: ClockPolicy) -> Result<(), BimerError> {
        self.lock().policy = policy.into();
        Ok(())
    }

    /// The events, in date order.
    pub fn events(&self) -> Result<Vec<Event>, BimerError> {
        Ok(self.lock().events.iter().cloned().map(Into::into).collect())
    }

    /// Adds `event` if the history with it keeps every rule; otherwise the
    /// case is unchanged and the rule broken is raised.
    pub fn record(&self, calendar: Arc<LegalCalendar>, event: Event) -> Result<(), BimerError> {
        let event = event.try_into()?;
        Ok(self.lock().record(&calendar.inner, event)?)
    }

    /// Where the case stands on `as_of`: state, due date, days left, overdue.
    pub fn status(
        &self,
        calendar: Arc<LegalCalendar>,
        as_of: NaiveDate,
    ) -> Result<Status, BimerError> {
        Ok(self.lock().status(&calendar.inner, as_of)?.into())
    }

    /// [`Case::status`] in the wire format (JSON), exactly as the Rust API
    /// serialises it.
    pub fn status_json(
        &self,
        calendar: Arc<LegalCalendar>,
        as_of: NaiveDate,
    ) -> Result<String, BimerError> {
        let status = self.lock().status(&calendar.inner, as_of)?;
        Ok(serde_json::to_string(&status).expect("statuses always serialise"))
    }

    /// The due dates that differ between two calendars (say, the bundled one
    /// and one patched with a new idari izin), for the events up to `as_of`.
    pub fn recompute(
        &self,
        before: Arc<LegalCalendar>,
        after: Arc<LegalCalendar>,
        as_of: NaiveDate,
    ) -> Result<Vec<MovedDeadline>, BimerError> {
        Ok(self
            .lock()
            .recompute(&before.inner, &after.inner, as_of)?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}
