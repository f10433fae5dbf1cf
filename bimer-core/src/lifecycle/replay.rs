//! The state machine: replays a case's events, checking each against the
//! law, and keeps the clock of the period that is running.

use chrono::{Days, NaiveDate};

use crate::calendar::Calendar;
use crate::deadline::{deadline, deadline_for, Deadline, Period, Procedure, Unit};
use crate::law::{bedk_objection_available, RefusalGround};

use super::{
    ApplicantAction, ApplicantDeadline, Case, ClockPolicy, Event, EventKind, ExtensionReason,
    FeePolicy, ForwardingPolicy, LifecycleError, Outcome, State, Status,
};

/// 4982 m.11 and the Regulation: 15 business days to pay a notified fee.
const FEE_WINDOW: Period = Period::business_days(15);
const FEE_CITATION: &str = "4982 m.11; 4982 Yön. (unpaid: deemed withdrawn)";

/// The body's running period.
#[derive(Debug, Clone, Copy)]
struct Clock {
    /// The day the period counts from; itself not counted.
    start: NaiveDate,
    /// Business days used before `start` ([`FeePolicy::PauseAndResume`]).
    used: u32,
    /// The day the period was extended.
    extended_on: Option<NaiveDate>,
}

impl Clock {
    fn from(start: NaiveDate) -> Clock {
        Clock {
            start,
            used: 0,
            extended_on: None,
        }
    }
}

/// Where the history has got to.
#[derive(Debug, Clone)]
enum Stage {
    /// The body examines; the state says by which road.
    Examining(State),
    /// A fee is notified and unpaid: the period is interrupted.
    AwaitingFee {
        notified_on: NaiveDate,
        pay_by: Deadline,
    },
    /// An interim progress answer; the result is owed without a set period.
    Interim,
    /// A final answer, and for a refusal, its notice.
    Answered {
        on: NaiveDate,
        outcome: Outcome,
        notice: Option<(NaiveDate, RefusalGround)>,
    },
    Objected {
        on: NaiveDate,
    },
    Decided {
        on: NaiveDate,
    },
    Withdrawn {
        on: NaiveDate,
    },
}

/// The periods running, whether or not they have ended: what the body owes
/// under which procedure, and what the applicant may do.
#[derive(Default)]
pub(super) struct Running {
    pub(super) body: Option<(Procedure, Deadline)>,
    pub(super) applicant: Option<(ApplicantAction, Deadline)>,
}

/// A case replayed up to some event.
#[derive(Debug, Clone)]
pub(super) struct Replay<'a> {
    calendar: &'a Calendar,
    procedure: Procedure,
    policy: ClockPolicy,
    received_on: NaiveDate,
    last_on: NaiveDate,
    clock: Clock,
    stage: Stage,
    outcome: Option<Outcome>,
}

impl<'a> Replay<'a> {
    /// The case as received.
    pub(super) fn new(case: &Case, calendar: &'a Calendar) -> Result<Self, LifecycleError> {
        let procedure = case.procedure()?;
        // Refuses a receipt before the procedure's law applied.
        deadline_for(calendar, procedure, case.received_on)?;
        Ok(Replay {
            calendar,
            procedure,
            policy: case.policy,
            received_on: case.received_on,
            last_on: case.received_on,
            clock: Clock::from(case.received_on),
            stage: Stage::Examining(State::Received),
            outcome: None,
        })
    }

    /// Applies one event, or names the rule it breaks.
    pub(super) fn apply(&mut self, event: &Event) -> Result<(), LifecycleError> {
        let (kind, on) = (event.kind(), event.on());
        if on < self.received_on {
            return Err(LifecycleError::BeforeReceipt {
                event: kind,
                on,
                received_on: self.received_on,
                citation: self.procedure.rule().citation,
            });
        }
        if on < self.last_on {
            return Err(LifecycleError::OutOfOrder {
                event: kind,
                on,
                previous_on: self.last_on,
            });
        }
        if let Stage::AwaitingFee {
            notified_on,
            pay_by,
        } = &self.stage
        {
            if on > pay_by.due_on {
                return Err(LifecycleError::FeeNotPaid {
                    event: kind,
                    on,
                    notified_on: *notified_on,
                    pay_by: pay_by.due_on,
                });
            }
        }
        match *event {
            Event::Forwarded { received_on, .. } => self.forwarded(received_on)?,
            Event::ExtensionNotified { on, reason } => self.extension_notified(on, reason)?,
            Event::FeeNotified { on, .. } => self.fee_notified(on)?,
            Event::FeePaid { on } => self.fee_paid(on)?,
            Event::Answered { on, outcome } => self.answered(on, outcome)?,
            Event::RefusalNotified { on, ground } => self.refusal_notified(on, ground)?,
            Event::Objected { on } => self.objected(on)?,
            Event::ObjectionDecided { on, outcome } => self.objection_decided(on, outcome)?,
            Event::Withdrawn { on } => self.withdrawn(on)?,
        }
        self.last_on = on;
        Ok(())
    }

    fn forwarded(&mut self, received_on: NaiveDate) -> Result<(), LifecycleError> {
        let Stage::Examining(_) = self.stage else {
            return Err(self.refuse(EventKind::Forwarded, received_on));
        };
        if self.policy.forwarding == ForwardingPolicy::RestartAtReceivingBody {
            self.clock = Clock::from(received_on);
        }
        self.stage = Stage::Examining(State::Forwarded);
        Ok(())
    }

    /// 4982 m.11: once, on a stated ground, notified before the 15 business
    /// days end; 6701 m.18: once, by the President.
    fn extension_notified(
        &mut self,
        on: NaiveDate,
        reason: ExtensionReason,
    ) -> Result<(), LifecycleError> {
        let procedure = self.procedure;
        let citation = match procedure {
            Procedure::InformationRequest => "4982 m.11",
            Procedure::Tihek => "6701 m.18",
            _ => return Err(LifecycleError::ExtensionNotAvailable { procedure }),
        };
        let tihek_ground = reason == ExtensionReason::PresidentDecision;
        if tihek_ground != (procedure == Procedure::Tihek) {
            return Err(LifecycleError::ExtensionGround { reason, procedure });
        }
        if let Some(first_on) = self.clock.extended_on {
            return Err(LifecycleError::ExtensionTwice {
                first_on,
                on,
                citation,
            });
        }
        match self.stage {
            Stage::Examining(_) => {
                let period_ended_on = self.answer_due()?.due_on;
                if on > period_ended_on {
                    return Err(LifecycleError::ExtensionLate {
                        on,
                        period_ended_on,
                        citation,
                    });
                }
                self.stage = Stage::Examining(State::Extended);
            }
            // The period is interrupted, not ended: the extension applies to
            // what runs after payment.
            Stage::AwaitingFee { .. } => {}
            _ => return Err(self.refuse(EventKind::ExtensionNotified, on)),
        }
        self.clock.extended_on = Some(on);
        Ok(())
    }

    /// 4982 m.11: the fee notice interrupts the running period.
    fn fee_notified(&mut self, on: NaiveDate) -> Result<(), LifecycleError> {
        self.only_4982(EventKind::FeeNotified, "4982 m.10-11")?;
        let Stage::Examining(_) = self.stage else {
            return Err(self.refuse(EventKind::FeeNotified, on));
        };
        let period_ended_on = self.answer_due()?.due_on;
        if on > period_ended_on {
            return Err(LifecycleError::FeeNoticeLate {
                on,
                period_ended_on,
            });
        }
        if self.policy.fee == FeePolicy::PauseAndResume {
            let used = self.calendar.business_days_between(self.clock.start, on)?;
            self.clock.used += u32::try_from(used).unwrap_or(0);
        }
        let pay_by = deadline(self.calendar, on, FEE_WINDOW, None, FEE_CITATION)?;
        self.stage = Stage::AwaitingFee {
            notified_on: on,
            pay_by,
        };
        Ok(())
    }

    fn fee_paid(&mut self, on: NaiveDate) -> Result<(), LifecycleError> {
        self.only_4982(EventKind::FeePaid, "4982 m.11")?;
        let Stage::AwaitingFee { .. } = self.stage else {
            return Err(self.refuse(EventKind::FeePaid, on));
        };
        self.clock.start = on;
        if self.policy.fee == FeePolicy::RestartOnPayment {
            self.clock.used = 0;
        }
        self.stage = Stage::Examining(if self.clock.extended_on.is_some() {
            State::Extended
        } else {
            State::InReview
        });
        Ok(())
    }

    /// An interim answer only where 3071 m.7 governs; it leaves the case open.
    fn answered(&mut self, on: NaiveDate, outcome: Outcome) -> Result<(), LifecycleError> {
        let (Stage::Examining(_) | Stage::Interim) = self.stage else {
            return Err(self.refuse(EventKind::Answered, on));
        };
        self.stage = if outcome == Outcome::Interim {
            self.interim_allowed()?;
            Stage::Interim
        } else {
            Stage::Answered {
                on,
                outcome,
                notice: None,
            }
        };
        self.outcome = Some(outcome);
        Ok(())
    }

    fn refusal_notified(
        &mut self,
        on: NaiveDate,
        ground: RefusalGround,
    ) -> Result<(), LifecycleError> {
        self.only_4982(EventKind::RefusalNotified, "4982 m.12-13")?;
        match self.stage {
            Stage::Answered {
                on: answered_on,
                outcome,
                notice: None,
            } if outcome.refuses() => {
                self.stage = Stage::Answered {
                    on: answered_on,
                    outcome,
                    notice: Some((on, ground)),
                };
                Ok(())
            }
            _ => Err(self.refuse(EventKind::RefusalNotified, on)),
        }
    }

    /// 4982 m.13: against a notified 4982 refusal, within 15 days of its
    /// notice; before Law 5432 only for m.16/m.17 refusals.
    fn objected(&mut self, on: NaiveDate) -> Result<(), LifecycleError> {
        self.only_4982(EventKind::Objected, "4982 m.13")?;
        let Stage::Answered {
            outcome, notice, ..
        } = self.stage
        else {
            return Err(self.refuse(EventKind::Objected, on));
        };
        let Some((notified_on, ground)) = notice.filter(|_| outcome.refuses()) else {
            return Err(LifecycleError::ObjectionWithoutRefusal { on });
        };
        if !bedk_objection_available(ground, notified_on) {
            return Err(LifecycleError::ObjectionBefore5432 {
                ground,
                notified_on,
            });
        }
        let last_day = self.objection_due(notified_on)?.due_on;
        if on > last_day {
            return Err(LifecycleError::ObjectionLate {
                on,
                notified_on,
                last_day,
            });
        }
        self.stage = Stage::Objected { on };
        Ok(())
    }

    fn objection_decided(&mut self, on: NaiveDate, outcome: Outcome) -> Result<(), LifecycleError> {
        let Stage::Objected { .. } = self.stage else {
            return Err(self.refuse(EventKind::ObjectionDecided, on));
        };
        if outcome == Outcome::Interim {
            return Err(LifecycleError::InterimNotAvailable {
                procedure: Procedure::BedkDecision,
            });
        }
        self.stage = Stage::Decided { on };
        self.outcome = Some(outcome);
        Ok(())
    }

    fn withdrawn(&mut self, on: NaiveDate) -> Result<(), LifecycleError> {
        match self.stage {
            Stage::Examining(_)
            | Stage::AwaitingFee { .. }
            | Stage::Interim
            | Stage::Objected { .. } => {
                self.stage = Stage::Withdrawn { on };
                Ok(())
            }
            _ => Err(self.refuse(EventKind::Withdrawn, on)),
        }
    }

    fn only_4982(&self, event: EventKind, citation: &'static str) -> Result<(), LifecycleError> {
        if self.procedure == Procedure::InformationRequest {
            Ok(())
        } else {
            Err(LifecycleError::OnlyInformationRequests {
                event,
                procedure: self.procedure,
                citation,
            })
        }
    }

    /// 3071 m.7 lets the body report progress instead of the result; the
    /// procedures answering under it are the petition and the board routes.
    fn interim_allowed(&self) -> Result<(), LifecycleError> {
        match self.procedure {
            Procedure::Petition | Procedure::DisiplinKurulu | Procedure::InsanHaklariKurulu => {
                Ok(())
            }
            procedure => Err(LifecycleError::InterimNotAvailable { procedure }),
        }
    }

    /// The error for an event the current state does not allow.
    fn refuse(&self, event: EventKind, on: NaiveDate) -> LifecycleError {
        match self.closed_by(on) {
            Ok(Some((state, closed_on))) => LifecycleError::AfterClosing {
                event,
                on,
                state,
                closed_on,
            },
            Ok(None) => LifecycleError::NotAllowed {
                event,
                on,
                state: self.state(),
                citation: match event {
                    EventKind::Forwarded if self.procedure == Procedure::InformationRequest => {
                        "4982 m.7/3"
                    }
                    EventKind::Forwarded => "3071 m.5",
                    EventKind::ExtensionNotified if self.procedure == Procedure::Tihek => {
                        "6701 m.18"
                    }
                    EventKind::ExtensionNotified | EventKind::FeeNotified | EventKind::FeePaid => {
                        "4982 m.11"
                    }
                    EventKind::RefusalNotified
                    | EventKind::Objected
                    | EventKind::ObjectionDecided => "4982 m.13",
                    EventKind::Answered | EventKind::Withdrawn => self.procedure.rule().citation,
                },
            },
            Err(e) => e,
        }
    }

    /// The state, before any closing by the passing of time.
    fn state(&self) -> State {
        match self.stage {
            Stage::Examining(state) => state,
            Stage::AwaitingFee { .. } => State::AwaitingFee,
            Stage::Interim => State::InterimAnswered,
            Stage::Answered { .. } => State::Answered,
            Stage::Objected { .. } => State::Objected,
            Stage::Decided { .. } => State::ObjectionDecided,
            Stage::Withdrawn { .. } => State::Withdrawn,
        }
    }

    /// Whether the case has closed by `date`, how and when.
    pub(super) fn closed_by(
        &self,
        date: NaiveDate,
    ) -> Result<Option<(State, NaiveDate)>, LifecycleError> {
        let day_after = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
        Ok(match self.stage {
            Stage::Decided { on } => Some((State::ObjectionDecided, on)),
            Stage::Withdrawn { on } => Some((State::Withdrawn, on)),
            // 4982 m.11: deemed withdrawn once the 15 business days pass unpaid.
            Stage::AwaitingFee { ref pay_by, .. } if date > pay_by.due_on => {
                Some((State::Withdrawn, day_after(pay_by.due_on)))
            }
            Stage::Answered { on, outcome, .. }
                if self.procedure != Procedure::InformationRequest || !outcome.refuses() =>
            {
                Some((State::Closed, on))
            }
            Stage::Answered {
                notice: Some((notified_on, ground)),
                ..
            } => {
                if !bedk_objection_available(ground, notified_on) {
                    Some((State::Closed, notified_on))
                } else {
                    let last_day = self.objection_due(notified_on)?.due_on;
                    (date > last_day).then(|| (State::Closed, day_after(last_day)))
                }
            }
            _ => None,
        })
    }

    /// The periods running, whether or not they have ended.
    pub(super) fn running(&self) -> Result<Running, LifecycleError> {
        let mut running = Running::default();
        match self.stage {
            Stage::Examining(_) => running.body = Some((self.procedure, self.answer_due()?)),
            Stage::AwaitingFee { ref pay_by, .. } => {
                running.applicant = Some((ApplicantAction::PayFee, pay_by.clone()));
            }
            Stage::Answered {
                notice: Some((notified_on, ground)),
                ..
            } if bedk_objection_available(ground, notified_on) => {
                let due = self.objection_due(notified_on)?;
                running.applicant = Some((ApplicantAction::ObjectToBedk, due));
            }
            Stage::Objected { on } => {
                let due = deadline_for(self.calendar, Procedure::BedkDecision, on)?;
                running.body = Some((Procedure::BedkDecision, due));
            }
            _ => {}
        }
        Ok(running)
    }

    /// The status on `as_of`, for the events replayed.
    pub(super) fn status(&self, id: &str, as_of: NaiveDate) -> Result<Status, LifecycleError> {
        let closed = self.closed_by(as_of)?;
        let running = match closed {
            Some(_) => Running::default(),
            None => self.running()?,
        };
        let (procedure, body) = running.body.unzip();
        let (days_left, days_left_unit) = match &body {
            Some(due) => self
                .days_left(as_of, due)
                .map(|(n, unit)| (Some(n), Some(unit)))?,
            None => (None, None),
        };
        let next_deadline_for_applicant = match running.applicant {
            Some((action, due)) => {
                let (days_left, days_left_unit) = self.days_left(as_of, &due)?;
                Some(ApplicantDeadline {
                    action,
                    due_on: due.due_on,
                    days_left,
                    days_left_unit,
                    citation: due.citation.into_owned(),
                })
            }
            None => None,
        };
        Ok(Status {
            id: id.to_string(),
            as_of,
            state: closed.map_or_else(|| self.state(), |(state, _)| state),
            outcome: self.outcome,
            procedure,
            due_on: body.as_ref().map(|due| due.due_on),
            days_left,
            days_left_unit,
            overdue: body.as_ref().is_some_and(|due| as_of > due.due_on),
            citation: body.map(|due| due.citation.into_owned()),
            next_deadline_for_applicant,
            closed_on: closed.map(|(_, on)| on),
        })
    }

    /// Days after `as_of` up to the due date, counted as the period counts:
    /// business days for business-day periods, calendar days otherwise.
    fn days_left(&self, as_of: NaiveDate, due: &Deadline) -> Result<(i64, Unit), LifecycleError> {
        Ok(match due.period.unit {
            Unit::BusinessDays => (
                self.calendar.business_days_between(as_of, due.due_on)?,
                Unit::BusinessDays,
            ),
            Unit::Days | Unit::Months => ((due.due_on - as_of).num_days(), Unit::Days),
        })
    }

    /// The body's answer deadline on the current clock: the basic or the
    /// extended period, from the same start (4982 m.11; 6701 m.18), less the
    /// business days a paused period has used.
    fn answer_due(&self) -> Result<Deadline, LifecycleError> {
        let rule = self.procedure.rule();
        let (period, extendable_to) = match (self.clock.extended_on, rule.extendable_to) {
            (Some(_), Some(longer)) => (longer, None),
            (_, longer) => (rule.period, longer),
        };
        let left = |p: Period| Period {
            length: p.length.saturating_sub(self.clock.used),
            ..p
        };
        Ok(deadline(
            self.calendar,
            self.clock.start,
            left(period),
            extendable_to.map(left),
            rule.citation,
        )?)
    }

    /// 4982 m.13: 15 days from the refusal's notice.
    fn objection_due(&self, notified_on: NaiveDate) -> Result<Deadline, LifecycleError> {
        Ok(deadline_for(
            self.calendar,
            Procedure::BedkObjection,
            notified_on,
        )?)
    }
}
