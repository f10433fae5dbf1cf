//! What a case history may not do, each rule with its article.

use chrono::NaiveDate;

use crate::application::Category;
use crate::calendar::CalendarError;
use crate::deadline::{DeadlineError, Procedure};
use crate::decision::Authority;
use crate::law::RefusalGround;

use super::event::{EventKind, ExtensionReason};
use super::State;

/// A case history that breaks a rule of the lifecycle (DESIGN §2.7). The
/// message names the article; [`code`](Self::code) is stable for the wire.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LifecycleError {
    /// The category is not handled by that authority (DESIGN §2.4).
    #[error(
        "DESIGN §2.4: {} applications are not handled by {}",
        wire(category),
        wire(authority)
    )]
    NoProcedure {
        /// The case's category.
        category: Category,
        /// The authority given.
        authority: Authority,
    },
    /// Only information requests and TİHEK applications have an extension.
    #[error(
        "4982 m.11, 6701 m.18: only an information request or a TİHEK application can be \
         extended; this case runs under {}",
        procedure.code()
    )]
    ExtensionNotAvailable {
        /// The case's procedure.
        procedure: Procedure,
    },
    /// An extension on a ground the law does not give.
    #[error(
        "{}: `{}` is not a ground for extending {}",
        if *procedure == Procedure::Tihek {
            "6701 m.18 (only the President extends)"
        } else {
            "4982 m.11 (grounds: other_unit, other_body_opinion, several_bodies)"
        },
        reason.code(),
        procedure.code()
    )]
    ExtensionGround {
        /// The ground stated.
        reason: ExtensionReason,
        /// The case's procedure.
        procedure: Procedure,
    },
    /// A second extension.
    #[error("{citation}: the period may be extended only once; it was extended on {first_on}, again on {on}")]
    ExtensionTwice {
        /// The first extension.
        first_on: NaiveDate,
        /// The second.
        on: NaiveDate,
        /// The article.
        citation: &'static str,
    },
    /// An extension notified after the period it extends had ended.
    #[error("{citation}: the extension must be notified before the period ends on {period_ended_on}; it was notified on {on}")]
    ExtensionLate {
        /// The notice.
        on: NaiveDate,
        /// The last day of the unextended period.
        period_ended_on: NaiveDate,
        /// The article.
        citation: &'static str,
    },
    /// A fee notice after the period it would interrupt had ended.
    #[error("4982 m.11: a fee notice interrupts the running period, which ended on {period_ended_on}; the notice came on {on}")]
    FeeNoticeLate {
        /// The notice.
        on: NaiveDate,
        /// The last day of the period.
        period_ended_on: NaiveDate,
    },
    /// Anything after the 15 business days to pay a notified fee ran out.
    #[error(
        "4982 m.11; 4982 Yön.: the fee notified on {notified_on} was not paid by {pay_by}, so the \
         application is deemed withdrawn; {event} on {on} cannot follow"
    )]
    FeeNotPaid {
        /// The event that came too late.
        event: EventKind,
        /// Its date.
        on: NaiveDate,
        /// The fee notice.
        notified_on: NaiveDate,
        /// The last day to pay.
        pay_by: NaiveDate,
    },
    /// A fee, refusal notice or BEDK objection outside Law 4982.
    #[error("{citation}: {event} applies only to information requests under Law 4982; this case runs under {}", procedure.code())]
    OnlyInformationRequests {
        /// The event.
        event: EventKind,
        /// The case's procedure.
        procedure: Procedure,
        /// The article.
        citation: &'static str,
    },
    /// An interim progress answer where 3071 m.7 does not govern the answer.
    #[error("3071 m.7: an interim progress answer belongs to a 3071 answer; {} owes a decision", procedure.code())]
    InterimNotAvailable {
        /// The procedure that owes a decision.
        procedure: Procedure,
    },
    /// An objection with no notified refusal to object to.
    #[error(
        "4982 m.13: an objection to BEDK lies against a notified refusal; on {on} there is none"
    )]
    ObjectionWithoutRefusal {
        /// The objection.
        on: NaiveDate,
    },
    /// Before Law 5432, only refusals under m.16 and m.17 went to BEDK.
    #[error(
        "4982 m.13 before Law 5432 (in force 2005-11-22): only refusals under m.16 (State secret) \
         or m.17 (economic interests) could be objected to at BEDK; the refusal notified on \
         {notified_on} rests on {}",
        wire(ground)
    )]
    ObjectionBefore5432 {
        /// The refusal's ground.
        ground: RefusalGround,
        /// Its notice.
        notified_on: NaiveDate,
    },
    /// An objection after its 15 days.
    #[error("4982 m.13: the objection is due within 15 days of the refusal notice on {notified_on}, by {last_day}; it was made on {on}")]
    ObjectionLate {
        /// The objection.
        on: NaiveDate,
        /// The refusal notice.
        notified_on: NaiveDate,
        /// The last day to object.
        last_day: NaiveDate,
    },
    /// An event before the application was received.
    #[error("{citation}: the period runs from receipt on {received_on}; {event} on {on} comes before it")]
    BeforeReceipt {
        /// The event.
        event: EventKind,
        /// Its date.
        on: NaiveDate,
        /// The receipt.
        received_on: NaiveDate,
        /// The article of the case's period.
        citation: &'static str,
    },
    /// Events out of date order.
    #[error("DESIGN §2.7: events are recorded in date order; {event} on {on} follows an event on {previous_on}")]
    OutOfOrder {
        /// The event.
        event: EventKind,
        /// Its date.
        on: NaiveDate,
        /// The date of the event before it.
        previous_on: NaiveDate,
    },
    /// An event after the case closed.
    #[error("DESIGN §2.7: the case is {state} since {closed_on}; {event} on {on} cannot follow")]
    AfterClosing {
        /// The event.
        event: EventKind,
        /// Its date.
        on: NaiveDate,
        /// How the case closed.
        state: State,
        /// When.
        closed_on: NaiveDate,
    },
    /// An event that cannot happen in the case's current state.
    #[error("{citation}: {event} on {on} cannot happen when the case is {state}")]
    NotAllowed {
        /// The event.
        event: EventKind,
        /// Its date.
        on: NaiveDate,
        /// The state the case was in.
        state: State,
        /// The article governing the event.
        citation: &'static str,
    },
    /// A status asked for a day before the application existed.
    #[error("no status on {as_of}: the application was received on {received_on}")]
    AsOfBeforeReceipt {
        /// The day asked about.
        as_of: NaiveDate,
        /// The receipt.
        received_on: NaiveDate,
    },
    /// A due date that cannot be computed (outside the calendar's data, or
    /// before the procedure's law applied).
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
}

impl From<CalendarError> for LifecycleError {
    fn from(e: CalendarError) -> Self {
        LifecycleError::Deadline(DeadlineError::Calendar(e))
    }
}

/// The wire name of a snake_case enum value.
fn wire(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

impl LifecycleError {
    /// A stable snake_case code: the variant's name (`extension_late`,
    /// `objection_late`, …); for [`LifecycleError::Deadline`], the code of
    /// the deadline error (`calendar_out_of_range`, `law_not_in_force`, …).
    pub fn code(&self) -> &'static str {
        match self {
            LifecycleError::NoProcedure { .. } => "no_procedure",
            LifecycleError::ExtensionNotAvailable { .. } => "extension_not_available",
            LifecycleError::ExtensionGround { .. } => "extension_ground",
            LifecycleError::ExtensionTwice { .. } => "extension_twice",
            LifecycleError::ExtensionLate { .. } => "extension_late",
            LifecycleError::FeeNoticeLate { .. } => "fee_notice_late",
            LifecycleError::FeeNotPaid { .. } => "fee_not_paid",
            LifecycleError::OnlyInformationRequests { .. } => "only_information_requests",
            LifecycleError::InterimNotAvailable { .. } => "interim_not_available",
            LifecycleError::ObjectionWithoutRefusal { .. } => "objection_without_refusal",
            LifecycleError::ObjectionBefore5432 { .. } => "objection_before_5432",
            LifecycleError::ObjectionLate { .. } => "objection_late",
            LifecycleError::BeforeReceipt { .. } => "before_receipt",
            LifecycleError::OutOfOrder { .. } => "out_of_order",
            LifecycleError::AfterClosing { .. } => "after_closing",
            LifecycleError::NotAllowed { .. } => "not_allowed",
            LifecycleError::AsOfBeforeReceipt { .. } => "as_of_before_receipt",
            LifecycleError::Deadline(e) => crate::Error::from(e.clone()).code(),
        }
    }
}
